"""What every content app shares: publishing, sources, units and sourced figures.

This app is the ground floor: it imports no other app of the portal, and every content app builds on it.
"""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def plain_number(value):
    """Decimal('15.20') → Decimal('15.2'); Decimal('1002.00') → 1002."""
    if value == value.to_integral_value():
        return int(value)
    return value.normalize()


def live_q(prefix=""):
    """Published, and inside its publish-from/until window now: the one rule every public query uses.

    `prefix` reaches a related record's state, e.g. ``live_q("institution__")`` for programmes.
    """
    now = timezone.now()
    return (
        Q(**{f"{prefix}is_published": True})
        & (Q(**{f"{prefix}publish_from__isnull": True}) | Q(**{f"{prefix}publish_from__lte": now}))
        & (Q(**{f"{prefix}publish_until__isnull": True}) | Q(**{f"{prefix}publish_until__gt": now}))
    )


class PublicationState(models.TextChoices):
    DRAFT = "draft", _("draft")
    SCHEDULED = "scheduled", _("scheduled")
    LIVE = "live", _("live")
    EXPIRED = "expired", _("expired")


class PublishedQuerySet(models.QuerySet):
    """Public pages only ever show what staff have published, within its scheduled window."""

    def published(self):
        return self.filter(live_q())

    def for_request(self, request):
        """What a detail page may show: published records, or any record in a staff preview."""
        if getattr(request, "is_content_preview", False):
            return self.all()
        return self.published()

    def in_state(self, state):
        """Draft, scheduled, live or expired now, as the admin's state column shows it."""
        now = timezone.now()
        if state == PublicationState.DRAFT:
            return self.filter(is_published=False)
        if state == PublicationState.SCHEDULED:
            return self.filter(is_published=True, publish_from__gt=now)
        if state == PublicationState.EXPIRED:
            return self.filter(is_published=True, publish_until__lte=now)
        return self.published()


class PlainNewlinesModel(models.Model):
    """Stores text with "\n" line ends. Browsers post "\r\n" from the admin's text areas; stored as sent,
    one unchanged save would turn every paragraph break into "\r\n\r\n", unlike the seed files' text."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        for model_field in self._meta.concrete_fields:
            value = getattr(self, model_field.attname)
            if isinstance(model_field, models.CharField | models.TextField) and isinstance(value, str):
                setattr(self, model_field.attname, value.replace("\r\n", "\n").replace("\r", "\n"))
        super().save(*args, **kwargs)


class PublishedModel(PlainNewlinesModel):
    is_published = models.BooleanField(
        _("published"),
        default=True,
        help_text=_("Untick to keep this as a draft that the public cannot see."),
    )
    publish_from = models.DateTimeField(
        _("publish from"),
        null=True,
        blank=True,
        help_text=_("Seoul time. Leave empty to show it as soon as it is published."),
    )
    publish_until = models.DateTimeField(
        _("publish until"),
        null=True,
        blank=True,
        help_text=_("Seoul time. Leave empty to keep it online."),
    )
    order = models.PositiveIntegerField(_("order"), default=0, help_text=_("Lower numbers come first."))
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.publish_from and self.publish_until and self.publish_until <= self.publish_from:
            raise ValidationError({"publish_until": _("The end of publication must come after its start.")})

    @property
    def publication_state(self):
        now = timezone.now()
        if not self.is_published:
            return PublicationState.DRAFT
        if self.publish_from and self.publish_from > now:
            return PublicationState.SCHEDULED
        if self.publish_until and self.publish_until <= now:
            return PublicationState.EXPIRED
        return PublicationState.LIVE

    @property
    def is_live(self):
        """True when the public can see it now: the same rule as `published()`."""
        return self.publication_state == PublicationState.LIVE


def validate_not_future(day):
    if day is not None and day > timezone.localdate():
        raise ValidationError(_("This date cannot be in the future."))


class Source(models.Model):
    """Where a figure or fact comes from, what kind of source it is, when the portal team checked it."""

    class Kind(models.TextChoices):
        BROCHURE = "brochure", _("Invest Seoul's 2022 brochure")
        CITED = "cited", _("Cited in the 2022 brochure")
        PUBLIC = "public", _("Public information checked by the portal team")
        OFFICIAL = "official", _("Official source (law, regulation, government)")

    key = models.SlugField(_("key"), unique=True, max_length=80)
    kind = models.CharField(
        _("type"),
        max_length=10,
        choices=Kind.choices,
        default=Kind.PUBLIC,
        help_text=_(
            "Brochure: stated in the 2022 brochure itself. Cited: a report or article the brochure "
            "names in a footnote or under a table. Public or official: found by the portal team."
        ),
    )
    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=200)
    published_on = models.DateField(
        _("published on"),
        null=True,
        blank=True,
        help_text=_("Only when the source gives its day; leave empty rather than guess one."),
    )
    url = models.URLField(_("address (URL)"), blank=True)
    checked_on = models.DateField(
        _("checked on"),
        null=True,
        blank=True,
        validators=[validate_not_future],
        help_text=_(
            "When the portal team last checked this source: for a brochure citation, that the "
            "brochure cites it for these facts; for public information, the page itself."
        ),
    )
    note = models.TextField(
        _("note"), blank=True, help_text=_("What was checked, or what readers should know about it.")
    )

    class Meta:
        ordering = ["publisher", "title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return f"{self.publisher}: {self.title}"

    @property
    def is_from_brochure(self):
        """True when the brochure states the fact, directly or by citing this source."""
        return self.kind in (self.Kind.BROCHURE, self.Kind.CITED)


class Unit(models.TextChoices):
    KRW = "KRW", _("Korean won (KRW)")
    USD = "USD", _("US dollars (USD)")
    PERCENT = "percent", _("percent")
    COUNT = "count", _("count")
    SCORE = "score", _("score")
    RANK = "rank", _("rank")


WHOLE_NUMBER_UNITS = {Unit.KRW, Unit.USD, Unit.COUNT, Unit.RANK}


class SourcedValue(models.Model):
    """A number with its unit, its as-of date and its source: investors trust data they can trace."""

    value = models.DecimalField(_("value"), max_digits=20, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    as_of = models.DateField(
        _("as of"),
        null=True,
        blank=True,
        help_text=_(
            "The date the figure describes or was published, only when the source gives one. "
            "Leave empty for a figure the brochure does not date: the page then says "
            "'as stated in the 2022 brochure'."
        ),
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, verbose_name=_("source"))

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.value is None:
            return
        if self.value < 0 and self.unit != Unit.PERCENT:
            raise ValidationError({"value": _("This figure cannot be negative.")})
        if self.unit in WHOLE_NUMBER_UNITS and self.value != self.value.to_integral_value():
            raise ValidationError(
                {
                    "value": _("Amounts and counts are whole numbers: enter %(unit)s without decimals.")
                    % {"unit": self.get_unit_display()}
                }
            )

    @property
    def number(self):
        """The value without trailing zeros: 1,002 rather than 1002.00, 15.2 rather than 15.20."""
        return plain_number(self.value)


class LabelledFigure(SourcedValue):
    """A sourced figure that belongs to one company, institution or event, shown in its order."""

    label = models.CharField(_("label"), max_length=200)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        verbose_name = _("figure")
        verbose_name_plural = _("figures")

    def __str__(self):
        return self.label


class CitationQuerySet(models.QuerySet):
    def for_record(self, record):
        return self.filter(record_type=record._meta.label_lower, record_key=record_key(record))

    def notes(self):
        """The citations that carry a note readers must see (a caveat, a contradiction)."""
        blank = models.Q(note_ko__isnull=True) | models.Q(note_ko="")  # Korean is every note's original
        return self.exclude(blank).select_related("source")


def record_key(record):
    """The stable key a citation refers to: a record's slug or key."""
    return getattr(record, "slug", None) or getattr(record, "key", "")


class Citation(models.Model):
    """Backs one fact of a page (a district, a website, a founding year) with a source, or adds a caveat.

    A record names itself by type and key (e.g. ``companies.company`` / ``deepbrain-ai``), so the seed
    files and staff can attach a citation without the content app knowing about it. A citation with a
    note shows that note on the record's page, e.g. where the brochure contradicts itself.
    """

    key = models.SlugField(_("key"), unique=True, max_length=100)
    record_type = models.CharField(
        _("type of record"), max_length=60, help_text=_("App and model, e.g. companies.company.")
    )
    record_key = models.SlugField(_("record's key"), max_length=80, help_text=_("Its slug or key."))
    field = models.CharField(
        _("field"),
        max_length=60,
        blank=True,
        help_text=_("The field this backs, e.g. district or website; empty for the record as a whole."),
    )
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("source")
    )
    note = models.TextField(
        _("note shown to readers"),
        blank=True,
        help_text=_("A caveat shown on the record's page, e.g. where two statements disagree."),
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    objects = CitationQuerySet.as_manager()

    class Meta:
        ordering = ["record_type", "record_key", "order", "pk"]
        verbose_name = _("citation or caveat")
        verbose_name_plural = _("citations and caveats")

    def __str__(self):
        return f"{self.record_type} {self.record_key} {self.field}".strip()

    def target_model(self):
        try:
            return apps.get_model(self.record_type)
        except (LookupError, ValueError):
            return None

    def clean(self):
        super().clean()
        errors = {}
        model = self.target_model()
        if model is None:
            errors["record_type"] = _("No such type of record: use app.model, e.g. companies.company.")
        else:
            key_name = "slug" if any(f.name == "slug" for f in model._meta.fields) else "key"
            if self.record_key and not model._default_manager.filter(**{key_name: self.record_key}).exists():
                errors["record_key"] = _("No record of this type has this key.")
            if self.field:
                try:
                    model._meta.get_field(self.field)
                except FieldDoesNotExist:
                    errors["field"] = _("This type of record has no such field.")
        if not self.source_id and not self.note:
            errors["note"] = _("Give a source, a note for readers, or both.")
        if errors:
            raise ValidationError(errors)


class ContentReviewQuerySet(models.QuerySet):
    def latest_date(self):
        return self.aggregate(latest=models.Max("reviewed_on"))["latest"]


class ContentReview(models.Model):
    """A date on which staff reviewed the portal's content; the home page shows the latest one."""

    reviewed_on = models.DateField(_("reviewed on"), validators=[validate_not_future])
    scope = models.CharField(
        _("what was reviewed"), max_length=300, blank=True, help_text=_("For staff only, e.g. 'all pages'.")
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    objects = ContentReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-reviewed_on", "-pk"]
        verbose_name = _("content review")
        verbose_name_plural = _("content reviews")

    def __str__(self):
        return str(self.reviewed_on)

"""What every content app shares: publishing, sources, units and sourced figures.

This app is the ground floor: it imports no other app of the portal, and every content app builds on it.
"""

from django.core.exceptions import ValidationError
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


class PublishedModel(models.Model):
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


class Source(models.Model):
    """Where a figure or fact comes from: a report, an article, an official website."""

    key = models.SlugField(_("key"), unique=True, max_length=80)
    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=200)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    url = models.URLField(_("address (URL)"), blank=True)

    class Meta:
        ordering = ["publisher", "title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return f"{self.publisher}: {self.title}"


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
    as_of = models.DateField(_("as of"), help_text=_("The date the figure describes or was published."))
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

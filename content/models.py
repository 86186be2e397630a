"""What every content app shares: publishing, sources, units and sourced figures.

This app is the ground floor: it imports no other app of the portal, and every content app builds on it.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


def plain_number(value):
    """Decimal('15.20') → Decimal('15.2'); Decimal('1002.00') → 1002."""
    if value == value.to_integral_value():
        return int(value)
    return value.normalize()


class PublishedQuerySet(models.QuerySet):
    """Public pages only ever show what staff have published."""

    def published(self):
        return self.filter(is_published=True)


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
    order = models.PositiveIntegerField(_("order"), default=0, help_text=_("Lower numbers come first."))
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True


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

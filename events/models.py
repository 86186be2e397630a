"""AI festivals, forums and expos held in Seoul."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from content.models import LabelledFigure, PublishedModel, PublishedQuerySet, Source
from content.validators import validate_founding_year


class EventQuerySet(PublishedQuerySet):
    def upcoming(self):
        return self.published().filter(end_date__gte=timezone.localdate())

    def past(self):
        return self.published().filter(end_date__lt=timezone.localdate())

    def recurring_without_dates(self):
        return self.published().filter(start_date__isnull=True)


class Event(PublishedModel):
    class Format(models.TextChoices):
        ON_SITE = "on-site", _("On site")
        HYBRID = "hybrid", _("On site and online")
        ONLINE = "online", _("Online")

    class Season(models.TextChoices):
        FIRST_HALF = "first-half", _("Every year, first half")
        SECOND_HALF = "second-half", _("Every year, second half")
        ONE_OFF = "one-off", _("One-off")

    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    name = models.CharField(pgettext_lazy("of a place, organisation or thing", "name"), max_length=160)
    organizer = models.CharField(_("organised by"), max_length=200)
    first_held_year = models.PositiveSmallIntegerField(
        _("first held (year)"), null=True, blank=True, validators=[validate_founding_year]
    )
    season = models.CharField(pgettext_lazy("event", "when"), max_length=12, choices=Season.choices)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    start_date = models.DateField(_("next or latest start"), null=True, blank=True)
    end_date = models.DateField(_("next or latest end"), null=True, blank=True)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("source")
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.slug])

    def structured_data(self, request):
        """schema.org Event; dates only when staff have entered the next or latest edition's."""
        attendance = {
            self.Format.ON_SITE: "OfflineEventAttendanceMode",
            self.Format.HYBRID: "MixedEventAttendanceMode",
            self.Format.ONLINE: "OnlineEventAttendanceMode",
        }[self.format]
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.name,
            "description": self.summary,
            "url": request.build_absolute_uri(self.get_absolute_url()),
            "organizer": {"@type": "Organization", "name": self.organizer},
            "eventAttendanceMode": f"https://schema.org/{attendance}",
            "location": {"@type": "Place", "name": self.venue or "Seoul", "address": "Seoul, KR"},
        }
        if self.start_date:
            data["startDate"] = self.start_date.isoformat()
            data["endDate"] = self.end_date.isoformat()
        return data

    def clean(self):
        super().clean()
        if bool(self.start_date) != bool(self.end_date):
            raise ValidationError(_("Enter both the start and the end date, or neither."))
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The event cannot end before it starts.")})


class EventFigure(LabelledFigure):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="figures")

    class Meta(LabelledFigure.Meta):
        ordering = ["event", "order", "pk"]

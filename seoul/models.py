"""Seoul itself: its districts, market data (key figures and datasets), AI policy and public-sector cases."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from content.models import PublishedModel, PublishedQuerySet, Source, SourcedValue, Unit, plain_number


class District(models.Model):
    """One of Seoul's 25 autonomous districts (gu), so pages and maps can group by place."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=40)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self):
        return self.name


class KeyFigureQuerySet(PublishedQuerySet):
    def on_home_page(self):
        return self.published().filter(on_home_page=True)


class KeyFigure(PublishedModel, SourcedValue):
    """A single headline figure: the size of a market, a share of startups, a ranking."""

    class Topic(models.TextChoices):
        WORLD_MARKET = "world-market", _("World AI market")
        KOREA_MARKET = "korea-market", _("Korean AI market")
        SEOUL_MARKET = "seoul-market", _("Seoul's AI deals")
        STARTUPS = "startups", _("AI startups")
        RANKINGS = "rankings", _("Rankings")
        TALENT = "talent", _("Talent")

    key = models.SlugField(_("key"), unique=True, max_length=80)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    label = models.CharField(_("label"), max_length=200)
    note = models.CharField(_("note"), max_length=300, blank=True)
    on_home_page = models.BooleanField(
        _("on the home page"),
        default=False,
        help_text=_("Show this figure among the headline figures on the home page (in its order)."),
    )

    objects = KeyFigureQuerySet.as_manager()

    class Meta:
        ordering = ["order", "key"]
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")

    def __str__(self):
        return self.label


class Dataset(PublishedModel):
    """A table of figures from one source, drawn as a chart with its data table beside it."""

    class Chart(models.TextChoices):
        BAR = "bar", _("bar chart")
        LINE = "line", _("line chart")
        TABLE = "table", _("table only")

    key = models.SlugField(_("key"), unique=True, max_length=80)
    title = models.CharField(_("title"), max_length=200)
    caption = models.TextField(_("caption"), blank=True)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    chart = models.CharField(_("chart"), max_length=10, choices=Chart.choices, default=Chart.BAR)
    row_heading = models.CharField(_("row heading"), max_length=100, blank=True)
    as_of = models.DateField(
        _("as of"),
        null=True,
        blank=True,
        help_text=_("Only when the source gives a date; empty reads 'as stated in the 2022 brochure'."),
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, verbose_name=_("source"))

    class Meta:
        ordering = ["order", "key"]
        verbose_name = _("dataset")
        verbose_name_plural = _("datasets")

    def __str__(self):
        return self.title

    def table(self):
        """The points laid out as rows (labels) by columns (series), in the order staff gave them."""
        columns, rows = [], {}
        for point in self.points.all():
            if point.series not in columns:
                columns.append(point.series)
            rows.setdefault(point.label, {})[point.series] = point
        return {
            "columns": columns,
            "rows": [
                {"label": label, "cells": [cells.get(c) for c in columns]} for label, cells in rows.items()
            ],
        }


class DataPoint(models.Model):
    """One cell of a dataset: a row (e.g. a year or a country) in a series (e.g. a score)."""

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="points")
    label = models.CharField(_("row"), max_length=120)
    series = models.CharField(_("series"), max_length=120, blank=True)
    value = models.DecimalField(
        _("value"), max_digits=20, decimal_places=2, validators=[MinValueValidator(0)]
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["dataset", "order", "pk"]
        verbose_name = _("data point")
        verbose_name_plural = _("data points")

    def __str__(self):
        return f"{self.label} {self.series}: {self.value}"

    @property
    def number(self):
        return plain_number(self.value)


class PolicyLine(PublishedModel):
    """A line of Seoul's AI policy, with its budget when the city has announced one."""

    class Area(models.TextChoices):
        INDUSTRY = "industry", _("Industry and R&D")
        EDUCATION = "education", _("Education and talent")
        INTERNATIONAL = "international", _("International cooperation")
        DIGITAL_CITY = "digital-city", _("Digital city administration")

    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    area = models.CharField(_("area"), max_length=20, choices=Area.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    budget_krw = models.BigIntegerField(
        _("budget (KRW)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("In won, e.g. 13900000000 for 13.9 billion won. Leave empty if none was announced."),
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, verbose_name=_("source"))
    as_of = models.DateField(
        _("as of"),
        null=True,
        blank=True,
        help_text=_("Only when the source gives a date; empty reads 'as stated in the 2022 brochure'."),
    )

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("policy line")
        verbose_name_plural = _("policy lines")

    def __str__(self):
        return self.title


class PublicServiceCase(PublishedModel):
    """AI already at work in Seoul's public services, district by district."""

    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    name = models.CharField(_("name"), max_length=200)
    district = models.ForeignKey(District, on_delete=models.PROTECT, verbose_name=_("district"))
    summary = models.TextField(_("summary"))
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("public-sector AI case")
        verbose_name_plural = _("public-sector AI cases")

    def __str__(self):
        return self.name

"""Where Seoul's AI talent and research come from: universities, institutes, associations, hubs."""

from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from content.models import LabelledFigure, PublishedModel, PublishedQuerySet, Source
from content.validators import validate_founding_year


class Institution(PublishedModel):
    class Kind(models.TextChoices):
        UNIVERSITY = "university", _("University AI department")
        GRADUATE_SCHOOL = "graduate-school", _("University AI graduate school")
        RESEARCH_INSTITUTE = "research-institute", _("Research institute")
        ASSOCIATION = "association", _("Industry association")
        CERTIFICATION = "certification", _("Certification and training centre")
        HUB = "hub", _("Innovation hub")

    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    name = models.CharField(_("name"), max_length=160)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    district = models.ForeignKey(
        "seoul.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="institutions",
        verbose_name=_("district"),
    )
    campus = models.CharField(_("campus or address"), max_length=200, blank=True)
    founded_year = models.PositiveSmallIntegerField(
        _("founded (year)"), null=True, blank=True, validators=[validate_founding_year]
    )
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    partner_companies = models.ManyToManyField(
        "companies.Company",
        blank=True,
        related_name="partner_institutions",
        verbose_name=_("partner companies"),
        help_text=_("Companies it works with: research partners, tenants, sponsors."),
    )

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("institutions:detail", args=[self.slug])


class InstitutionFigure(LabelledFigure):
    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="figures")

    class Meta(LabelledFigure.Meta):
        ordering = ["institution", "order", "pk"]


class Program(models.Model):
    """A training or support programme run by an institution (AI Yangjae Hub, the certification centre)."""

    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="programs")
    category = models.CharField(_("category"), max_length=120, blank=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    partner = models.CharField(_("run with"), max_length=120, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["institution", "order", "pk"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self):
        return self.name


class Ranking(PublishedModel):
    """A published ranking of universities, kept with its source and date."""

    key = models.SlugField(_("key"), unique=True, max_length=80)
    title = models.CharField(_("title"), max_length=200)
    basis = models.CharField(_("what is measured"), max_length=300, blank=True)
    as_of = models.DateField(
        _("as of"),
        null=True,
        blank=True,
        help_text=_("Only when the source gives a date; empty reads 'as stated in the 2022 brochure'."),
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, verbose_name=_("source"))

    class Meta:
        ordering = ["order", "key"]
        verbose_name = _("ranking")
        verbose_name_plural = _("rankings")

    def __str__(self):
        return self.title


class RankingEntry(models.Model):
    """A row of a ranking, linked to the institution when it is in the portal."""

    ranking = models.ForeignKey(Ranking, on_delete=models.CASCADE, related_name="entries")
    rank = models.PositiveSmallIntegerField(_("rank"), validators=[MinValueValidator(1)])
    university = models.CharField(_("university"), max_length=160)
    country = models.CharField(_("country or territory"), max_length=80)
    score = models.DecimalField(_("score"), max_digits=7, decimal_places=2, validators=[MinValueValidator(0)])
    institution = models.ForeignKey(
        Institution,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ranking_entries",
        verbose_name=_("institution in the portal"),
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["ranking", "rank", "order"]
        verbose_name = _("ranking row")
        verbose_name_plural = _("ranking rows")

    def __str__(self):
        return f"{self.rank}. {self.university}"

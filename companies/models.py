"""Companies in Seoul's AI ecosystem: global branches, domestic leaders, startups, and M&A deals."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from content.models import LabelledFigure, PublishedModel, PublishedQuerySet, Source
from content.validators import validate_founding_year, validate_image


class Sector(models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(pgettext_lazy("of a place, organisation or thing", "name"), max_length=80)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self):
        return self.name


class CompanyQuerySet(PublishedQuerySet):
    def global_branches(self):
        return self.published().filter(kind=Company.Kind.GLOBAL_BRANCH)

    def leaders(self):
        return self.published().filter(kind=Company.Kind.DOMESTIC_LEADER)

    def leading_groups(self):
        """Korea's AI leaders at group level, without their research arms."""
        return self.leaders().filter(parent__isnull=True)

    def startups(self):
        return self.published().filter(kind=Company.Kind.STARTUP)

    def in_seoul(self):
        return self.published().exclude(kind=Company.Kind.OVERSEAS)

    def active_but_acquired(self):
        """Marked active although a published deal records their acquisition: staff should check."""
        return self.filter(status=Company.Status.ACTIVE, deals_as_target__in=Deal.objects.published())


class Company(PublishedModel):
    class Kind(models.TextChoices):
        GLOBAL_BRANCH = "global-branch", _("Global AI company in Seoul")
        DOMESTIC_LEADER = "domestic-leader", _("Korean AI leader")
        STARTUP = "startup", _("AI startup")
        OVERSEAS = "overseas", _("Overseas company")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned, not yet open")
        ACTIVE = "active", _("Active")
        ACQUIRED = "acquired", _("Acquired")
        CLOSED = "closed", pgettext_lazy("company status", "Closed")

    slug = models.SlugField(
        _("slug"), unique=True, max_length=80, help_text=_("English, used in the address.")
    )
    name = models.CharField(pgettext_lazy("of a place, organisation or thing", "name"), max_length=120)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="affiliates",
        verbose_name=_("group"),
        help_text=_("The group this company or research arm belongs to."),
    )
    founded_year = models.PositiveSmallIntegerField(
        _("founded (year)"), null=True, blank=True, validators=[validate_founding_year]
    )
    founding_note = models.CharField(
        _("founding note"),
        max_length=120,
        blank=True,
        help_text=_("E.g. 'planned' for an office not yet open."),
    )
    district = models.ForeignKey(
        "seoul.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="companies",
        verbose_name=_("district"),
        help_text=_(
            "Required for global branches. Leave empty when no source gives the district, "
            "or when the company has more than one (say so in the description)."
        ),
    )
    other_districts = models.ManyToManyField(
        "seoul.District",
        blank=True,
        related_name="other_companies",
        verbose_name=_("other districts"),
        help_text=_("Further Seoul districts where it works, e.g. a research centre on two sites."),
    )
    sectors = models.ManyToManyField(Sector, blank=True, related_name="companies", verbose_name=_("sectors"))
    summary = models.CharField(_("summary"), max_length=300, help_text=_("One sentence for cards and lists."))
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="companies/", blank=True, validators=[validate_image])

    objects = CompanyQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("company")
        verbose_name_plural = _("companies")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("companies:detail", args=[self.slug])

    def structured_data(self, request):
        """schema.org Organization, for search engines reading the company page."""
        data = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": self.name,
            "alternateName": self.name_ko if self.name != self.name_ko else self.name_en,
            "url": request.build_absolute_uri(self.get_absolute_url()),
            "description": self.summary,
        }
        if self.founded_year and self.status != self.Status.PLANNED:
            data["foundingDate"] = str(self.founded_year)
        if self.district_id:
            data["address"] = {
                "@type": "PostalAddress",
                "addressLocality": self.district.name,
                "addressRegion": "Seoul",
                "addressCountry": "KR",
            }
        if self.parent_id:
            data["parentOrganization"] = {"@type": "Organization", "name": self.parent.name}
        if self.website:
            data["sameAs"] = [self.website]
        return data

    def clean(self):
        super().clean()
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A company cannot be its own group.")})
        if self.kind == self.Kind.GLOBAL_BRANCH and not self.district_id:
            raise ValidationError({"district": _("Choose the Seoul district where this company is based.")})


class CompanyHighlight(models.Model):
    """A dated milestone: a partnership, an award, a programme launched in Seoul."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="highlights")
    year = models.PositiveSmallIntegerField(_("year"), validators=[validate_founding_year])
    text = models.CharField(_("highlight"), max_length=300)
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("source")
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["company", "order", "-year"]
        verbose_name = _("highlight")
        verbose_name_plural = _("highlights")

    def __str__(self):
        return f"{self.year}: {self.text}"


class CompanyFigure(LabelledFigure):
    """A company's figure with its source: investment raised, revenue, market value, users."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="figures")

    class Meta(LabelledFigure.Meta):
        ordering = ["company", "order", "pk"]


class DealQuerySet(PublishedQuerySet):
    def with_parties(self):
        return self.select_related("acquirer", "target", "target__district", "source")


class Deal(PublishedModel):
    """An M&A case: who bought which Seoul AI company, when, for how much, and why it matters."""

    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    title = models.CharField(_("title"), max_length=200)
    acquirer = models.ForeignKey(
        Company, on_delete=models.PROTECT, related_name="acquisitions", verbose_name=_("acquirer")
    )
    target = models.ForeignKey(
        Company, on_delete=models.PROTECT, related_name="deals_as_target", verbose_name=_("acquired company")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[validate_founding_year])
    amount_krw = models.BigIntegerField(
        _("amount (KRW)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("In won, e.g. 230000000000 for 230 billion won."),
    )
    stake = models.CharField(_("what was acquired"), max_length=200, blank=True)
    summary = models.TextField(_("summary"))
    why_it_matters = models.TextField(_("why it matters"), blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, verbose_name=_("source"))

    objects = DealQuerySet.as_manager()

    class Meta:
        ordering = ["order", "-year"]
        verbose_name = _("M&A deal")
        verbose_name_plural = _("M&A deals")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("companies:deal", args=[self.slug])

    def clean(self):
        super().clean()
        if self.acquirer_id and self.acquirer_id == self.target_id:
            raise ValidationError({"target": _("The acquired company must differ from the acquirer.")})

"""What Invest Seoul offers foreign investors: incentives, their conditions and amounts, and how to reach it.

Conditions are stored as data (kind, threshold, unit) with effective and last-verified dates, so an
eligibility finder can later evaluate them without code changes.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from content.models import PublishedModel, PublishedQuerySet, Source, Unit


class Incentive(PublishedModel):
    class Kind(models.TextChoices):
        INCENTIVE = "incentive", _("Investment incentive")
        SERVICE = "service", _("Support service")
        PROGRAM = "program", _("Investment-attraction programme")

    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.INCENTIVE)
    name = models.CharField(pgettext_lazy("of a place, organisation or thing", "name"), max_length=160)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("what it covers"), blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    effective_from = models.DateField(_("effective from"), null=True, blank=True)
    last_verified_on = models.DateField(
        _("last verified on"), help_text=_("When staff last checked the conditions against the rules.")
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, verbose_name=_("source"))

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("incentive")
        verbose_name_plural = _("incentives")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("incentives:detail", args=[self.slug])


class Condition(models.Model):
    """One eligibility condition, e.g. foreign ownership of at least 30 percent."""

    class Kind(models.TextChoices):
        MIN_FOREIGN_OWNERSHIP = "min-foreign-ownership", _("Minimum foreign ownership")
        MIN_INVESTMENT = "min-investment", _("Minimum investment")
        NEW_SHARES = "new-shares", _("Investment by acquiring newly issued shares")
        FACILITY = "facility", _("New or expanded factory, workplace or R&D facility")
        INDUSTRY = "industry", _("Eligible industries")
        ATTRACTED_BY_SEOUL = "attracted-by-seoul", _("Attracted directly by Seoul (e.g. by MOU)")
        OTHER = "other", _("Other")

    incentive = models.ForeignKey(Incentive, on_delete=models.CASCADE, related_name="conditions")
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    threshold = models.DecimalField(
        _("threshold"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices, blank=True)
    text = models.CharField(_("condition in plain words"), max_length=400)
    alternative_group = models.PositiveSmallIntegerField(
        _("either-or group"),
        default=0,
        help_text=_("Conditions sharing a non-zero group number are alternatives: meeting one is enough."),
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["incentive", "order", "pk"]
        verbose_name = _("condition")
        verbose_name_plural = _("conditions")

    def __str__(self):
        return self.text

    def clean(self):
        super().clean()
        if self.threshold is not None and not self.unit:
            raise ValidationError({"unit": _("Choose the unit of the threshold.")})


class Benefit(models.Model):
    """What the investor receives, with a ceiling when there is one."""

    incentive = models.ForeignKey(Incentive, on_delete=models.CASCADE, related_name="benefits")
    text = models.CharField(_("benefit in plain words"), max_length=400)
    max_amount_krw = models.BigIntegerField(
        _("at most (KRW)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    share_of_investment_percent = models.DecimalField(
        _("share of the investment (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    min_investment_krw = models.BigIntegerField(
        _("for investments of at least (KRW)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["incentive", "order", "pk"]
        verbose_name = _("benefit")
        verbose_name_plural = _("benefits")

    def __str__(self):
        return self.text


class SupportSpace(models.Model):
    """A Seoul-run centre with office space for foreign-invested companies, and the industries it takes."""

    incentive = models.ForeignKey(Incentive, on_delete=models.CASCADE, related_name="spaces")
    name = models.CharField(pgettext_lazy("of a place, organisation or thing", "name"), max_length=160)
    industries = models.TextField(_("eligible industries"), help_text=_("One industry per line."))
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["incentive", "order", "pk"]
        verbose_name = _("office space centre")
        verbose_name_plural = _("office space centres")

    def __str__(self):
        return self.name

    @property
    def industry_list(self):
        return [line.strip(" ·-") for line in self.industries.splitlines() if line.strip(" ·-")]


class ContactPoint(models.Model):
    """How to reach Invest Seoul. The primary one appears in every page's footer."""

    key = models.SlugField(_("key"), unique=True)
    name = models.CharField(pgettext_lazy("of a place, organisation or thing", "name"), max_length=160)
    address = models.CharField(_("address"), max_length=300)
    phone = models.CharField(_("phone"), max_length=40)
    email = models.EmailField(_("email"))
    website = models.URLField(_("website"), blank=True)
    is_primary = models.BooleanField(_("shown in the footer"), default=False)

    class Meta:
        ordering = ["-is_primary", "key"]
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")

    def __str__(self):
        return self.name

    @property
    def phone_international(self):
        """02-6361-4120 → +82-2-6361-4120, for visitors dialling from abroad."""
        digits = self.phone.lstrip("0")
        return f"+82-{digits}" if self.phone.startswith("0") else self.phone

"""What Invest Seoul offers foreign investors: incentives, their conditions and amounts, and how to reach it.

Conditions and benefits are data (the answer a condition tests, its comparison and threshold, effective
dates), so the incentive pages and the finder (`incentives/eligibility.py`) read the same rows and staff
change a rule in the admin, not in code.
"""

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from content.models import PublishedModel, PublishedQuerySet, Source, Unit, plain_number
from content.money import format_money


class ProjectKind(models.TextChoices):
    """What the investment builds, as the brochure's conditions distinguish it."""

    NEW_SITE = "new-site", _("A new factory or business site (e.g. a new office or plant)")
    EXPANDED_SITE = "expanded-site", _("Expanding an existing factory or business site")
    NEW_RD = "new-rd", _("A new R&D facility (e.g. an AI research centre)")
    EXPANDED_RD = "expanded-rd", _("Expanding an existing R&D facility")
    STAKE_ONLY = "stake-only", _("Buying shares in an existing company, with no new site or facility")


class SeoulIndustry(models.TextChoices):
    """The city's industry lists: its eight new growth industries and what its centres host."""

    FINANCE = "finance", _("Finance")
    BUSINESS_SERVICES = "business-services", _("Business services")
    IT_CONVERGENCE = "it-convergence", _("IT convergence")
    GREEN = "green", _("Green industries")
    BIO = "bio", _("Biotechnology")
    DIGITAL_CONTENT = "digital-content", _("Digital content (e.g. games, animation)")
    FASHION_DESIGN = "fashion-design", _("Fashion and design")
    TOURISM_CONVENTIONS = "tourism-conventions", _("Tourism and conventions")
    DIGITAL_MEDIA = "digital-media", _("Digital media (e.g. broadcasting, film)")
    DMC_STRATEGIC = "dmc-strategic", _("DMC strategic industries (e.g. smart media, autonomous driving)")
    DIGITAL_SYNERGY = (
        "digital-synergy",
        _("Fields with strong synergies with the digital industry (e.g. IT, design)"),
    )
    UNIVERSITY_RESEARCH = (
        "university-research",
        _("University research institutes in Seoul, or foreign institutes researching with universities"),
    )


ACCEPTED_VALUE_CHOICES = [
    (_("Kind of project"), ProjectKind.choices),
    (_("Seoul industries"), SeoulIndustry.choices),
]


class IncentiveQuerySet(PublishedQuerySet):
    def with_rules(self):
        """Everything a page or the finder reads, in a fixed number of queries."""
        return self.select_related("source").prefetch_related("conditions", "benefits", "spaces")


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
    legal_basis = models.CharField(
        _("legal basis"),
        max_length=300,
        blank=True,
        help_text=_("Only a law's name and article taken from an official source; otherwise leave empty."),
    )
    effective_from = models.DateField(_("effective from"), null=True, blank=True)
    effective_until = models.DateField(
        _("effective until"),
        null=True,
        blank=True,
        help_text=_("After this day the finder no longer offers the incentive and says so."),
    )
    last_verified_on = models.DateField(
        _("last verified on"),
        null=True,
        blank=True,
        help_text=_(
            "When staff last checked the conditions against the rules. Empty: as stated in the source, "
            "not checked since."
        ),
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, verbose_name=_("source"))

    objects = IncentiveQuerySet.as_manager()

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("incentive")
        verbose_name_plural = _("incentives")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("incentives:detail", args=[self.slug])

    def clean(self):
        super().clean()
        if self.effective_from and self.effective_until and self.effective_until < self.effective_from:
            raise ValidationError({"effective_until": _("The end date comes before the start date.")})

    def is_in_force(self, on_date):
        starts, ends = self.effective_from, self.effective_until
        return (starts is None or starts <= on_date) and (ends is None or on_date <= ends)

    def condition_groups(self):
        """The conditions as the page and the finder read them: each required condition alone, and each
        either-or group as one entry holding its alternatives (from the prefetched rows)."""
        groups, by_number = [], {}
        for condition in self.conditions.all():
            if not condition.alternative_group:
                groups.append(ConditionGroup(alternatives=False, conditions=[condition]))
            elif condition.alternative_group in by_number:
                by_number[condition.alternative_group].conditions.append(condition)
            else:
                group = ConditionGroup(alternatives=True, conditions=[condition])
                by_number[condition.alternative_group] = group
                groups.append(group)
        return groups


class ConditionGroup:
    """Conditions that count as one: all required (a single condition) or one of several alternatives."""

    def __init__(self, *, alternatives, conditions):
        self.alternatives = alternatives
        self.conditions = conditions


class Condition(models.Model):
    """One eligibility condition, e.g. foreign ownership of at least 30 percent.

    `answer` names the finder question the condition tests and `comparison` how; a condition whose
    answer is "not checked" is shown on the page but left to Invest Seoul.
    """

    class Answer(models.TextChoices):
        NOT_CHECKED = "", _("Not checked by the finder")
        INVESTMENT_AMOUNT = "investment-amount", _("Investment amount")
        FOREIGN_OWNERSHIP = "foreign-ownership", _("Foreign ownership share")
        NEW_SHARES = "new-shares", _("Acquisition of newly issued shares")
        PROJECT_KIND = "project-kind", _("Kind of project")
        INDUSTRY = "industry", _("Industry")
        HIGH_TECH = "high-tech", _("High-tech business")
        MOU = "mou", _("Attracted by Seoul (e.g. MOU)")

    class Comparison(models.TextChoices):
        AT_LEAST = "at-least", _("at least the threshold")
        MORE_THAN = "more-than", _("more than the threshold")
        IS_YES = "is-yes", _("answered yes")
        ONE_OF = "one-of", _("one of the accepted answers")

    NUMBER_ANSWERS = {Answer.INVESTMENT_AMOUNT, Answer.FOREIGN_OWNERSHIP}
    YES_NO_ANSWERS = {Answer.NEW_SHARES, Answer.HIGH_TECH, Answer.MOU}
    CHOICE_ANSWERS = {Answer.PROJECT_KIND: ProjectKind, Answer.INDUSTRY: SeoulIndustry}

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
    text = models.CharField(
        _("condition in plain words"),
        max_length=400,
        blank=True,
        help_text=_(
            "Shown instead of the rule when the finder does not check it; otherwise an optional "
            "explanation under the rule."
        ),
    )
    alternative_group = models.PositiveSmallIntegerField(
        _("either-or group"),
        default=0,
        help_text=_("Conditions sharing a non-zero group number are alternatives: meeting one is enough."),
    )
    answer = models.CharField(
        _("answer it tests"), max_length=20, choices=Answer.choices, blank=True, default=Answer.NOT_CHECKED
    )
    comparison = models.CharField(_("comparison"), max_length=10, choices=Comparison.choices, blank=True)
    accepted_values = ArrayField(
        models.CharField(max_length=24),
        verbose_name=_("accepted answers"),
        blank=True,
        default=list,
        help_text=_("For kind of project or industry: the answers that meet the condition."),
    )
    effective_until = models.DateField(
        _("effective until"),
        null=True,
        blank=True,
        help_text=_("After this day the condition is no longer applied, and the finder says so."),
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
        if self.answer in self.NUMBER_ANSWERS:
            self._clean_number_rule()
        elif self.answer in self.YES_NO_ANSWERS and self.comparison != self.Comparison.IS_YES:
            raise ValidationError({"comparison": _("A yes-or-no answer is compared with “answered yes”.")})
        elif self.answer in self.CHOICE_ANSWERS:
            self._clean_choice_rule()
        elif not self.answer and self.comparison:
            raise ValidationError({"comparison": _("Choose the answer this condition tests first.")})
        if not self.answer and not self.text:
            raise ValidationError({"text": _("Describe the condition, as the finder does not check it.")})

    def _clean_number_rule(self):
        if self.comparison not in (self.Comparison.AT_LEAST, self.Comparison.MORE_THAN):
            raise ValidationError({"comparison": _("A number is compared with “at least” or “more than”.")})
        if self.threshold is None:
            raise ValidationError({"threshold": _("Enter the threshold the answer is compared with.")})
        expected = (Unit.KRW, Unit.USD) if self.answer == self.Answer.INVESTMENT_AMOUNT else (Unit.PERCENT,)
        if self.unit not in expected:
            raise ValidationError(
                {"unit": _("Use %(units)s for this answer.") % {"units": " / ".join(expected)}}
            )
        if self.unit == Unit.PERCENT and self.threshold > 100:
            raise ValidationError({"threshold": _("A share cannot be more than 100 percent.")})

    def _clean_choice_rule(self):
        if self.comparison != self.Comparison.ONE_OF:
            raise ValidationError(
                {"comparison": _("A choice is compared with “one of the accepted answers”.")}
            )
        valid = self.CHOICE_ANSWERS[self.answer].values
        if not self.accepted_values or set(self.accepted_values) - set(valid):
            raise ValidationError(
                {
                    "accepted_values": _("Choose accepted answers from the list for %(answer)s.")
                    % {"answer": self.get_answer_display()}
                }
            )

    @property
    def tests_an_answer(self):
        return bool(self.answer)

    @property
    def requirement(self):
        """The rule in the reader's language, written from the data: the page and the finder both show it."""
        if not self.answer:
            return self.text
        if self.answer in self.NUMBER_ANSWERS:
            if self.answer == self.Answer.FOREIGN_OWNERSHIP:
                values = {"share": plain_number(self.threshold)}
                if self.comparison == self.Comparison.MORE_THAN and not self.threshold:
                    return _("Some foreign ownership (a foreign-invested company)")
                if self.comparison == self.Comparison.MORE_THAN:
                    return _("Foreign ownership of more than %(share)s %%") % values
                return _("Foreign ownership of at least %(share)s %%") % values
            values = {"amount": format_money(self.threshold, self.unit, get_language())}
            if self.comparison == self.Comparison.MORE_THAN:
                return _("An investment of more than %(amount)s") % values
            return _("An investment of at least %(amount)s") % values
        if self.answer == self.Answer.NEW_SHARES:
            return _("The investment acquires newly issued shares")
        if self.answer == self.Answer.HIGH_TECH:
            return _("The project serves a high-tech business or high-tech products")
        if self.answer == self.Answer.MOU:
            return _("Seoul attracted the company directly, e.g. through an investment MOU with the city")
        labels = dict(self.CHOICE_ANSWERS[self.answer].choices)
        accepted = ", ".join(str(labels.get(value, value)) for value in self.accepted_values)
        if self.answer == self.Answer.PROJECT_KIND:
            return _("The project is one of: %(kinds)s") % {"kinds": accepted}
        return _("The business is in one of: %(industries)s") % {"industries": accepted}

    @property
    def threshold_number(self):
        return None if self.threshold is None else plain_number(self.threshold)

    def is_in_force(self, on_date):
        return self.effective_until is None or on_date <= self.effective_until

    @property
    def has_ended(self):
        return not self.is_in_force(timezone.localdate())


class Benefit(models.Model):
    """What the investor receives, with a ceiling when there is one."""

    incentive = models.ForeignKey(Incentive, on_delete=models.CASCADE, related_name="benefits")
    text = models.CharField(_("benefit in plain words"), max_length=400)
    max_amount_krw = models.BigIntegerField(
        _("at most (KRW)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    share_of_investment_percent = models.DecimalField(
        _("share of the FDI amount (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
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

    @property
    def terms(self):
        """The computable part in the reader's language: "worth 1 % of the FDI amount", "up to …"."""
        language = get_language()
        if self.share_of_investment_percent is not None:
            return _("worth %(share)s %% of the FDI amount") % {
                "share": plain_number(self.share_of_investment_percent)
            }
        values = {
            "maximum": format_money(self.max_amount_krw, Unit.KRW, language),
            "minimum": format_money(self.min_investment_krw, Unit.KRW, language),
        }
        if self.max_amount_krw is not None and self.min_investment_krw is not None:
            return _("up to %(maximum)s, for FDI of %(minimum)s or more") % values
        if self.max_amount_krw is not None:
            return _("up to %(maximum)s") % values
        if self.min_investment_krw is not None:
            return _("for FDI of %(minimum)s or more") % values
        return ""


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


class Activity(PublishedModel):
    """An AI activity an investor recognises, mapped to the city's industry lists ("AI medical imaging" →
    biotechnology, IT convergence). The mapping is the portal's reading; staff can change it."""

    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    name = models.CharField(_("name"), max_length=160)
    industries = ArrayField(
        models.CharField(max_length=24, choices=SeoulIndustry.choices),
        verbose_name=_("Seoul industries"),
        blank=True,
        default=list,
        help_text=_("Empty: none of the city's lists; the finder then leaves industry conditions open."),
    )

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("AI activity")
        verbose_name_plural = _("AI activities")

    def __str__(self):
        return self.name

    def get_industries_display(self):
        labels = dict(SeoulIndustry.choices)
        return [labels[code] for code in self.industries if code in labels]


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

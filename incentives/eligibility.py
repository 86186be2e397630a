"""Which incentives fit an investor's answers, and why: the finder's domain logic.

It reads the same `Condition` and `Benefit` rows the incentive pages show, so a threshold staff change in
the admin changes the page and the finder at once. The result is an indication, never a decision.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from content.models import Unit, plain_number
from content.money import format_money, korean_amount
from incentives.models import Activity, Condition, Incentive, ProjectKind

# Larger than any plausible foreign direct investment (KRW 100 trillion): a typo, not a project.
LARGEST_PLAUSIBLE_KRW = Decimal(10) ** 14


def krw_per_usd():
    return Decimal(settings.PORTAL_KRW_PER_USD)


def in_krw(amount, currency):
    return amount * krw_per_usd() if currency == Unit.USD else amount


class Status(models.TextChoices):
    ELIGIBLE = "eligible", _("Likely eligible")
    DEPENDS = "depends", _("Depends on missing answers")
    NOT_ELIGIBLE = "not-eligible", _("Not eligible")


class Outcome(models.TextChoices):
    MET = "met", _("Met")
    NOT_MET = "not-met", _("Not met")
    UNKNOWN = "unknown", _("Not answered")
    NOT_CHECKED = "not-checked", _("Not checked here")
    EXPIRED = "expired", _("No longer applied")


@dataclass(frozen=True)
class Answers:
    """What the investor told the finder; None or "" means not answered."""

    amount: Decimal | None = None
    currency: str = Unit.USD
    foreign_ownership: Decimal | None = None
    new_shares: bool | None = None
    project_kind: str = ""
    activity: Activity | None = None
    high_tech: bool | None = None
    mou: bool | None = None

    @property
    def amount_krw(self):
        return None if self.amount is None else in_krw(self.amount, self.currency)

    def lines(self):
        """(question, answer) pairs in the reader's language, for the result page and the inquiry."""
        return [
            (_("Investment"), self.amount_text() or _("not answered")),
            (_("Foreign ownership"), _yes_no_or(self.foreign_ownership, percent_text)),
            (_("Newly issued shares"), _yes_no_or(self.new_shares)),
            (
                _("Kind of project"),
                ProjectKind(self.project_kind).label if self.project_kind else _("not answered"),
            ),
            (_("AI activity"), self.activity.name if self.activity else _("not answered")),
            (_("High-tech business"), _yes_no_or(self.high_tech)),
            (_("Attracted by Seoul (e.g. MOU)"), _yes_no_or(self.mou)),
        ]

    def amount_text(self):
        """The amount exactly as entered (no rounding: 1,999,999 must not read as 2 million)."""
        if self.amount is None:
            return ""
        if get_language() == "ko":
            return f"{korean_amount(self.amount)} {'원' if self.currency == Unit.KRW else '달러'}"
        return f"{self.currency} {int(self.amount):,}"


def percent_text(value):
    return _("%(share)s %%") % {"share": plain_number(value)}


def _yes_no_or(value, show=None):
    if value is None:
        return _("not answered")
    if show is not None:
        return show(value)
    return _("yes") if value else _("no")


@dataclass
class ConditionResult:
    condition: Condition
    outcome: str
    answer: str = ""

    def get_outcome_display(self):
        return Outcome(self.outcome).label

    @property
    def reason(self):
        """One line: the rule, then what the investor answered ("…of at least 30 %; you entered 25 %")."""
        if self.outcome == Outcome.EXPIRED:
            return _("%(rule)s: no longer applied, this condition ended on %(date)s") % {
                "rule": self.condition.requirement,
                "date": self.condition.effective_until.isoformat(),
            }
        if self.outcome == Outcome.NOT_CHECKED:
            return _("%(rule)s: the finder does not check this; ask Invest Seoul") % {
                "rule": self.condition.requirement
            }
        return f"{self.condition.requirement}; {self.answer}"


@dataclass
class GroupResult:
    alternatives: bool
    results: list
    outcome: str


@dataclass
class BenefitResult:
    benefit: object
    estimate: str = ""


@dataclass
class IncentiveResult:
    incentive: Incentive
    status: str
    groups: list = field(default_factory=list)
    benefits: list = field(default_factory=list)
    note: str = ""

    def get_status_display(self):
        return Status(self.status).label


def evaluate_condition(condition, answers, today):
    if not condition.is_in_force(today):
        return ConditionResult(condition, Outcome.EXPIRED)
    if not condition.tests_an_answer:
        return ConditionResult(condition, Outcome.NOT_CHECKED)
    answer = condition.answer
    if answer == Condition.Answer.FOREIGN_OWNERSHIP:
        return _compare_number(condition, answers.foreign_ownership)
    if answer == Condition.Answer.INVESTMENT_AMOUNT:
        return _compare_amount(condition, answers)
    if answer in Condition.YES_NO_ANSWERS:
        value = {
            Condition.Answer.NEW_SHARES: answers.new_shares,
            Condition.Answer.HIGH_TECH: answers.high_tech,
            Condition.Answer.MOU: answers.mou,
        }[answer]
        if value is None:
            return ConditionResult(condition, Outcome.UNKNOWN, _("not answered yet"))
        if value:
            return ConditionResult(condition, Outcome.MET, _("you answered yes"))
        return ConditionResult(condition, Outcome.NOT_MET, _("you answered no"))
    if answer == Condition.Answer.PROJECT_KIND:
        if not answers.project_kind:
            return ConditionResult(condition, Outcome.UNKNOWN, _("not answered yet"))
        chosen = _("you chose: %(kind)s") % {"kind": ProjectKind(answers.project_kind).label}
        met = answers.project_kind in condition.accepted_values
        return ConditionResult(condition, Outcome.MET if met else Outcome.NOT_MET, chosen)
    return _compare_industry(condition, answers.activity)


def _compare_number(condition, value):
    if value is None:
        return ConditionResult(condition, Outcome.UNKNOWN, _("not answered yet"))
    met = _meets(condition, value, condition.threshold)
    entered = _("you entered %(value)s") % {"value": percent_text(value)}
    return ConditionResult(condition, Outcome.MET if met else Outcome.NOT_MET, entered)


def _compare_amount(condition, answers):
    if answers.amount is None:
        return ConditionResult(condition, Outcome.UNKNOWN, _("not answered yet"))
    met = _meets(condition, answers.amount_krw, in_krw(condition.threshold, condition.unit))
    entered = _("you entered %(value)s") % {"value": answers.amount_text()}
    if condition.unit != answers.currency:
        converted = answers.amount_krw if condition.unit == Unit.KRW else answers.amount / krw_per_usd()
        entered = _("%(entered)s, about %(converted)s at the stated rate") % {
            "entered": entered,
            "converted": format_money(converted.quantize(Decimal(1)), condition.unit, "ko")
            if get_language() == "ko"
            else f"{condition.unit} {int(converted):,}",
        }
    return ConditionResult(condition, Outcome.MET if met else Outcome.NOT_MET, entered)


def _meets(condition, value, threshold):
    if condition.comparison == Condition.Comparison.MORE_THAN:
        return value > threshold
    return value >= threshold


def _compare_industry(condition, activity):
    if activity is None:
        return ConditionResult(condition, Outcome.UNKNOWN, _("not answered yet"))
    if not activity.industries:
        return ConditionResult(
            condition,
            Outcome.UNKNOWN,
            _("you chose %(activity)s, which is on none of the city's lists; ask Invest Seoul")
            % {"activity": activity.name},
        )
    chosen = _("you chose %(activity)s, which we read as: %(industries)s") % {
        "activity": activity.name,
        "industries": ", ".join(str(label) for label in activity.get_industries_display()),
    }
    met = bool(set(activity.industries) & set(condition.accepted_values))
    return ConditionResult(condition, Outcome.MET if met else Outcome.NOT_MET, chosen)


def _group_outcome(alternatives, results):
    outcomes = [result.outcome for result in results if result.outcome != Outcome.EXPIRED]
    if not outcomes:
        return Outcome.EXPIRED
    if alternatives:
        if Outcome.MET in outcomes:
            return Outcome.MET
        if all(outcome == Outcome.NOT_MET for outcome in outcomes):
            return Outcome.NOT_MET
        return Outcome.UNKNOWN
    return Outcome.UNKNOWN if outcomes[0] == Outcome.NOT_CHECKED else outcomes[0]


def estimate_benefit(benefit, answers):
    """What the investor could receive, where the benefit is a computable amount."""
    amount_krw = answers.amount_krw
    language = get_language()
    if benefit.share_of_investment_percent is not None and amount_krw is not None:
        value = (amount_krw * benefit.share_of_investment_percent / 100).quantize(Decimal(1))
        return _("about %(amount)s for your investment") % {"amount": format_money(value, Unit.KRW, language)}
    if (
        benefit.max_amount_krw is not None
        and benefit.min_investment_krw is not None
        and amount_krw is not None
    ):
        if amount_krw < benefit.min_investment_krw:
            return _("not for your investment: it needs FDI of %(minimum)s or more") % {
                "minimum": format_money(benefit.min_investment_krw, Unit.KRW, language)
            }
        return _("up to %(amount)s for your investment") % {
            "amount": format_money(benefit.max_amount_krw, Unit.KRW, language)
        }
    return ""


def evaluate(incentive, answers, today):
    """One incentive against the answers, from its prefetched conditions and benefits."""
    if not incentive.is_in_force(today):
        ended = incentive.effective_until and incentive.effective_until < today
        note = (
            _("This incentive ended on %(date)s and is no longer offered.")
            % {"date": incentive.effective_until.isoformat()}
            if ended
            else _("This incentive starts on %(date)s.") % {"date": incentive.effective_from.isoformat()}
        )
        return IncentiveResult(incentive, Status.NOT_ELIGIBLE, note=note)
    groups = []
    for group in incentive.condition_groups():
        results = [evaluate_condition(condition, answers, today) for condition in group.conditions]
        groups.append(GroupResult(group.alternatives, results, _group_outcome(group.alternatives, results)))
    outcomes = {group.outcome for group in groups} - {Outcome.EXPIRED}
    note = ""
    if Outcome.NOT_MET in outcomes:
        status = Status.NOT_ELIGIBLE
    elif Outcome.UNKNOWN in outcomes:
        status = Status.DEPENDS
    elif not outcomes:
        status = Status.DEPENDS
        note = _("The source states no conditions for this; ask Invest Seoul whether it fits your project.")
    else:
        status = Status.ELIGIBLE
    benefits = []
    if status != Status.NOT_ELIGIBLE:
        benefits = [
            BenefitResult(benefit, estimate_benefit(benefit, answers)) for benefit in incentive.benefits.all()
        ]
    return IncentiveResult(incentive, status, groups, benefits, note)


def evaluate_all(answers, today: date):
    incentives = Incentive.objects.published().with_rules()
    return [evaluate(incentive, answers, today) for incentive in incentives]

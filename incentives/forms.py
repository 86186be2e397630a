"""The incentive finder's questions: a GET form where every answer is optional and bad input is explained."""

from django import forms
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.models import Unit
from content.widgets import FallbackMarkedSelect
from incentives.eligibility import LARGEST_PLAUSIBLE_KRW, Answers, evaluate_all, in_krw
from incentives.models import Activity, ProjectKind

# Longer query strings are cut at the last whole answer before this length (and Django never has to
# parse thousands of fields): a result link is a few hundred characters.
FINDER_QUERY_LIMIT = 1500

YES_NO = [("", _("Not sure")), ("yes", _("Yes")), ("no", _("No"))]


def finder_query(query_string):
    """(answers as a QueryDict, whether the query was too long and cut)."""
    if len(query_string) <= FINDER_QUERY_LIMIT:
        return QueryDict(query_string), False
    return QueryDict(query_string[:FINDER_QUERY_LIMIT].rsplit("&", 1)[0]), True


class AmountField(forms.DecimalField):
    """A whole amount; "5,000,000" and "5 000 000" are read as 5000000."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace(",", "").replace(" ", "").replace("_", "")
        return super().to_python(value)


def yes_no_field(label):
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose yes, no or not sure.")},
    )


class FinderForm(forms.Form):
    amount = AmountField(
        label=_("How much will you invest (foreign direct investment)?"),
        required=False,
        max_digits=15,
        decimal_places=0,
        min_value=1,
        help_text=_("Digits only, e.g. 5000000; leave empty if not decided."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={
            "invalid": _("Enter the amount in digits, e.g. 5000000."),
            "min_value": _("Enter an amount above zero, or leave it empty."),
            "max_digits": _("That amount is too large; check the number of zeros."),
            "max_decimal_places": _("Enter a whole amount, without decimals."),
            "max_whole_digits": _("That amount is too large; check the number of zeros."),
        },
    )
    currency = forms.ChoiceField(
        label=_("Currency"),
        choices=[(Unit.USD, "USD"), (Unit.KRW, "KRW")],
        initial=Unit.USD,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose USD or KRW.")},
    )
    foreign_ownership = forms.DecimalField(
        label=_("What share of the company will foreign investors own (%)?"),
        required=False,
        min_value=0,
        max_value=100,
        max_digits=5,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        error_messages={
            "invalid": _("Enter the share as a number from 0 to 100, e.g. 30."),
            "min_value": _("A share cannot be below %(limit_value)s %%."),
            "max_value": _("A share cannot be more than %(limit_value)s %%."),
            "max_digits": _("Enter the share as a number from 0 to 100, e.g. 30."),
            "max_decimal_places": _("Use at most two decimals, e.g. 29.99."),
            "max_whole_digits": _("Enter the share as a number from 0 to 100, e.g. 30."),
        },
    )
    new_shares = yes_no_field(_("Will the investment acquire newly issued shares?"))
    project_kind = forms.ChoiceField(
        label=_("What will the investment build?"),
        choices=[("", _("Not sure yet")), *ProjectKind.choices],
        required=False,
        error_messages={"invalid_choice": _("Choose a kind of project from the list.")},
    )
    activity = forms.ModelChoiceField(
        label=_("What is your AI activity?"),
        queryset=Activity.objects.published(),
        to_field_name="slug",
        required=False,
        empty_label=_("Not sure yet"),
        widget=FallbackMarkedSelect,
        error_messages={"invalid_choice": _("Choose an activity from the list.")},
    )
    high_tech = yes_no_field(_("Is it a high-tech business or does it make high-tech products?"))
    mou = yes_no_field(_("Has Seoul attracted you directly, e.g. with an investment MOU?"))

    def clean(self):
        cleaned_data = super().clean()
        amount, currency = cleaned_data.get("amount"), cleaned_data.get("currency")
        if amount is not None and not currency:
            self.add_error("currency", _("Choose whether the amount is in USD or KRW."))
        elif amount is not None and in_krw(amount, currency) > LARGEST_PLAUSIBLE_KRW:
            self.add_error(
                "amount", _("That amount is more than KRW 100 trillion; check the number of zeros.")
            )
        return cleaned_data

    def answers(self):
        data = self.cleaned_data
        return Answers(
            amount=data["amount"],
            currency=data["currency"] or Unit.USD,
            foreign_ownership=data["foreign_ownership"],
            new_shares=data["new_shares"],
            project_kind=data["project_kind"],
            activity=data["activity"],
            high_tech=data["high_tech"],
            mou=data["mou"],
        )

    def canonical_query(self):
        """The answers as a short query string, for the result link and the inquiry form."""
        query = QueryDict(mutable=True)
        for name, value in self.data.items():
            if name in self.fields and value and name not in self.errors:
                query[name] = value
        return query.urlencode()


def finder_inquiry_prefill(query_string):
    """What the inquiry form shows when an investor comes from the finder: answers and results."""
    form = FinderForm(finder_query(query_string)[0])
    if not form.is_valid():
        return {}
    answers = form.answers()
    results = evaluate_all(answers, timezone.localdate())
    lines = [str(_("My answers in the incentive finder:"))]
    lines += [f"- {question}: {answer}" for question, answer in answers.lines()]
    lines += ["", str(_("Its indicated results:"))]
    lines += [f"- {result.incentive.name}: {result.get_status_display()}" for result in results]
    lines += ["", str(_("Could you confirm which incentives apply to my project?"))]
    return {"regarding": str(_("Incentive finder")), "message": "\n".join(lines)}

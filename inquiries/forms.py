"""The investor inquiry form: validates what people type and quietly recognises what bots send."""

import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from companies.models import Company
from incentives.models import Incentive
from inquiries.models import Inquiry

FILL_TOKEN_SALT = "inquiries.form-opened"
FILL_TOKEN_MAX_AGE = 24 * 60 * 60  # an older form is still accepted, flagged for staff


def new_fill_token(opened_at=None):
    """A signed token: when the form was first shown, and a one-time value that stores one inquiry at most.

    The minimum fill time is measured from the first showing; re-renders after an error keep the token.
    """
    payload = {"shown": int(opened_at or time.time()), "once": secrets.token_hex(16)}
    return signing.dumps(payload, salt=FILL_TOKEN_SALT)


def initial_from_link(query):
    """Preselections from a link on an incentive page (?topic=<slug>) or a company page (?company=<slug>)."""
    topic = query.get("topic", "")
    company_slug = query.get("company", "")
    if topic in Inquiry.Topic.values:
        return {"topic": topic}
    if topic and (incentive := Incentive.objects.published().filter(slug=topic).first()):
        return {"topic": Inquiry.Topic.INCENTIVES, "regarding": incentive.name}
    if company_slug and (company := Company.objects.published().filter(slug=company_slug).first()):
        return {"topic": Inquiry.Topic.INVEST_OR_ACQUIRE, "regarding": company.name}
    return {}


class InquiryForm(forms.ModelForm):
    FIELDSETS = [
        (_("About you"), ["name", "organisation", "country", "email", "phone", "investor_type"]),
        (_("Your plans"), ["topic", "investment_size", "timeline", "message"]),
    ]

    privacy_consent = forms.BooleanField(
        label=_("I agree to the collection and use of my personal data as described above."),
        error_messages={"required": _("Please agree to the use of your personal data, or we cannot reply.")},
    )
    news_consent = forms.BooleanField(
        label=_("I would like to receive news about investing in Seoul from Invest Seoul (optional)."),
        required=False,
    )
    # Off-screen and hidden from assistive technology; only bots that fill every input reach it.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = Inquiry
        fields = [
            "name",
            "organisation",
            "country",
            "email",
            "phone",
            "investor_type",
            "topic",
            "investment_size",
            "timeline",
            "message",
            "regarding",
        ]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "country": forms.TextInput(attrs={"autocomplete": "country-name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "message": forms.Textarea(attrs={"rows": 8}),
            "regarding": forms.HiddenInput,
        }
        labels = {"name": _("Your name"), "phone": _("Phone (optional)"), "message": _("Your inquiry")}
        help_texts = {
            "country": _("The country your organisation is based in."),
            "phone": _("With the country code, e.g. +1 415 555 0100."),
            "message": _("What you are planning and how Invest Seoul can help (up to 5,000 characters)."),
        }
        error_messages = {
            "email": {"invalid": _("Enter an email address like name@example.com.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("investor_type", "topic", "investment_size", "timeline"):
            self.fields[name].choices = [("", _("Choose one")), *self.fields[name].choices[1:]]

    def fieldsets(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.FIELDSETS]

    def clean(self):
        cleaned_data = super().clean()
        if self.data.get("website"):
            raise ValidationError(_("This inquiry could not be sent."), code="honeypot")
        return cleaned_data

    @cached_property
    def posted_token(self):
        """The posted token's contents, or None when it is missing, forged or from an older form."""
        try:
            payload = signing.loads(self.data.get("opened", ""), salt=FILL_TOKEN_SALT)
        except signing.BadSignature:
            return None
        if not isinstance(payload, dict) or not {"shown", "once"} <= payload.keys():
            return None
        return payload

    @property
    def opened_token(self):
        """The posted token when valid (the fill time counts from the first showing), else a new one."""
        return self.data["opened"] if self.is_bound and self.posted_token else new_fill_token()

    @property
    def submission_token(self):
        return self.posted_token["once"] if self.posted_token else None

    @property
    def possibly_automated(self):
        """Sent sooner than PORTAL_INQUIRY_MIN_FILL_SECONDS after the form was first shown, or with no valid
        token. Never a reason to turn the sender away: the inquiry is stored and flagged for staff."""
        if self.posted_token is None:
            return True
        seconds_since_shown = time.time() - self.posted_token["shown"]
        return not settings.PORTAL_INQUIRY_MIN_FILL_SECONDS <= seconds_since_shown <= FILL_TOKEN_MAX_AGE

    @property
    def sent_by_bot(self):
        return self.has_error(NON_FIELD_ERRORS, "honeypot")

    def inquiry_data(self):
        """The inquiry's own fields, without consents and anti-abuse fields."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

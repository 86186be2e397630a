"""Investor inquiries: what an investor sent and agreed to, what staff did with it, and every email about it.

An inquiry is stored before anything is sent; each email it causes is a row in OutboundEmail, so a worker
that fails or runs twice never loses or repeats a message. Staff access is recorded in InquiryAccessLog.
"""

import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The staff group that handles inquiries; migration 0002 creates it with its permissions.
INQUIRY_HANDLERS = "Inquiry handlers"

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # base32 without look-alikes (I, O, 0, 1)
REFERENCE_RANDOM_CHARS = 8


def new_reference():
    """IS-2026-7KQ2MXPA: the year for staff, then 40 random bits, so references cannot be guessed."""
    random_part = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_RANDOM_CHARS))
    return f"IS-{timezone.localdate().year}-{random_part}"


# Line breaks would add fake lines to the staff email and the greeting; other control characters and the
# bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) can make text read as something else.
SINGLE_LINE_FORBIDDEN = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def validate_single_line(value):
    if SINGLE_LINE_FORBIDDEN.search(value):
        raise ValidationError(
            _("Use one line of ordinary text, without line breaks or invisible control characters."),
            code="single-line",
        )


validate_phone = RegexValidator(
    r"^\+?[0-9][0-9 ()./-]{4,38}$",
    _("Enter a phone number with digits, spaces, “+”, “-” or brackets only."),
)


class InquiryQuerySet(models.QuerySet):
    def received_since(self, moment):
        return self.filter(received_at__gte=moment)

    def from_client(self, client_hash):
        return self.filter(client_hash=client_hash)

    def past_retention(self, now=None):
        """Inquiries received before the retention period and not yet anonymised."""
        cutoff = (now or timezone.now()) - timedelta(days=settings.PORTAL_INQUIRY_RETENTION_DAYS)
        return self.filter(received_at__lt=cutoff, anonymised_at__isnull=True)


class Inquiry(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in-progress", _("In progress")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    class InvestorType(models.TextChoices):
        CORPORATION = "corporation", _("Company (strategic investor)")
        FUND = "fund", _("Venture capital or private equity fund")
        PUBLIC_BODY = "public-body", _("Government or public body")
        RESEARCH = "research", _("University or research institute")
        INDIVIDUAL = "individual", _("Individual investor")
        OTHER = "other", _("Other")

    class Topic(models.TextChoices):
        SEOUL_OFFICE = "seoul-office", _("Setting up an office in Seoul")
        RD_CENTRE = "rd-centre", _("Opening an R&D centre")
        INVEST_OR_ACQUIRE = "invest-or-acquire", _("Investing in or acquiring a Korean AI company")
        PARTNERSHIP = "partnership", _("Partnering with a Korean university or institution")
        INCENTIVES = "incentives", _("Investment incentives and support")
        OTHER = "other", _("Something else")

    class InvestmentSize(models.TextChoices):
        UNDER_1M = "under-1m", _("Under USD 1 million")
        FROM_1M_TO_10M = "1m-10m", _("USD 1–10 million")
        FROM_10M_TO_50M = "10m-50m", _("USD 10–50 million")
        FROM_50M_TO_100M = "50m-100m", _("USD 50–100 million")
        OVER_100M = "over-100m", _("Over USD 100 million")
        UNDECIDED = "undecided", _("Not decided yet")

    class Timeline(models.TextChoices):
        WITHIN_6_MONTHS = "6-months", _("Within 6 months")
        WITHIN_A_YEAR = "1-year", _("In 6 to 12 months")
        WITHIN_2_YEARS = "2-years", _("In 1 to 2 years")
        LATER = "later", _("Later than 2 years")
        EXPLORING = "exploring", _("Just exploring")

    reference = models.CharField(
        _("reference"), max_length=20, unique=True, default=new_reference, editable=False
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.NEW)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        limit_choices_to={"is_staff": True},
        related_name="assigned_inquiries",
        verbose_name=_("assignee"),
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)

    name = models.CharField(_("name"), max_length=120, validators=[validate_single_line])
    organisation = models.CharField(_("organisation"), max_length=160, validators=[validate_single_line])
    country = models.CharField(_("country"), max_length=80, validators=[validate_single_line])
    email = models.EmailField(_("email"))
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, validators=[validate_phone, validate_single_line]
    )
    investor_type = models.CharField(_("investor type"), max_length=16, choices=InvestorType.choices)
    topic = models.CharField(_("interest"), max_length=20, choices=Topic.choices)
    investment_size = models.CharField(_("planned investment"), max_length=12, choices=InvestmentSize.choices)
    timeline = models.CharField(_("expected timeline"), max_length=12, choices=Timeline.choices)
    message = models.TextField(_("message"), max_length=5000)
    regarding = models.CharField(
        _("regarding"),
        max_length=200,
        blank=True,
        validators=[validate_single_line],
        help_text=_("The company or incentive page the investor came from, if any."),
    )
    possibly_automated = models.BooleanField(
        _("possibly automated"),
        default=False,
        help_text=_(
            "Sent faster than a person usually types, or without a valid form-opened time. Stored and "
            "acknowledged as usual; check it before spending time on it."
        ),
    )
    submission_token = models.CharField(
        _("submission token"),
        max_length=32,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("The one-time token of the form it was sent from, so a double post stores it once."),
    )

    consent_version = models.CharField(_("consent text version"), max_length=20)
    privacy_consent_at = models.DateTimeField(_("consented to personal data use"))
    news_consent_at = models.DateTimeField(_("consented to receive news"), null=True, blank=True)

    client_hash = models.CharField(
        _("sender fingerprint"),
        max_length=64,
        blank=True,
        db_index=True,
        help_text=_(
            "A keyed hash of the sender's IP address, for the hourly limit; the address is not kept."
        ),
    )
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = InquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")

    def __str__(self):
        return self.reference


class InquiryNote(models.Model):
    """Staff's internal notes on an inquiry; never shown to the investor."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("author")
    )
    text = models.TextField(_("note"), max_length=5000)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")

    def __str__(self):
        return self.text[:60]


class OutboundEmailQuerySet(models.QuerySet):
    def unsent(self):
        return self.filter(sent_at__isnull=True)

    def retryable(self):
        """Unsent and no send in progress or in doubt: safe to queue again without asking anyone."""
        return self.unsent().filter(claimed_at__isnull=True)

    def in_doubt(self, now=None):
        """Claimed for sending so long ago that the send may or may not have happened."""
        cutoff = (now or timezone.now()) - OutboundEmail.SEND_IN_DOUBT_AFTER
        return self.unsent().filter(claimed_at__lt=cutoff)


class OutboundEmail(models.Model):
    """One email an inquiry causes, sent at most once.

    A send is claimed (claimed_at), made outside any transaction, then recorded (sent_at, or last_error and
    the claim released). A claim never recorded means the worker stopped mid-send: the email may have
    gone out, so nothing resends it until staff check and ask for it explicitly.
    """

    SEND_IN_DOUBT_AFTER = timedelta(minutes=10)  # far longer than any SMTP timeout

    class Kind(models.TextChoices):
        STAFF_NOTIFICATION = "notification", _("Notification to Invest Seoul staff")
        ACKNOWLEDGEMENT = "acknowledgement", _("Acknowledgement to the investor")

    class Delivery(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending now")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Not sent yet (last attempt failed)")
        UNKNOWN = "unknown", _("Unknown — check before resending")

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="emails")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    to = models.EmailField(_("to"), blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    claimed_at = models.DateTimeField(
        _("send started"),
        null=True,
        blank=True,
        help_text=_("Set while a send is under way; left set if the worker stopped before recording it."),
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    objects = OutboundEmailQuerySet.as_manager()

    class Meta:
        ordering = ["inquiry", "kind"]
        verbose_name = _("email")
        verbose_name_plural = _("emails")
        constraints = [models.UniqueConstraint(fields=["inquiry", "kind"], name="one_email_of_each_kind")]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.inquiry})"

    def delivery(self, now=None):
        if self.sent_at:
            return self.Delivery.SENT
        if self.claimed_at:
            in_doubt = self.claimed_at < (now or timezone.now()) - self.SEND_IN_DOUBT_AFTER
            return self.Delivery.UNKNOWN if in_doubt else self.Delivery.SENDING
        return self.Delivery.FAILED if self.last_error else self.Delivery.QUEUED


class InquiryAccessLog(models.Model):
    """Who looked at or exported which inquiry, and when. Kept when users or inquiries are deleted."""

    class Action(models.TextChoices):
        VIEWED = "viewed", _("Viewed")
        LISTED = "listed", _("Shown in a list")
        EXPORTED = "exported", _("Exported")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, verbose_name=_("user")
    )
    username = models.CharField(_("username"), max_length=150)
    inquiry = models.ForeignKey(Inquiry, on_delete=models.SET_NULL, null=True, verbose_name=_("inquiry"))
    reference = models.CharField(_("reference"), max_length=20)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("inquiry access")
        verbose_name_plural = _("inquiry access log")

    def __str__(self):
        return f"{self.username} {self.action} {self.reference}"

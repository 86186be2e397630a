"""What changes an inquiry: submitting it, retrying its email, logging staff access, anonymising it.

Views, admin actions and the purge command call these; none of them writes inquiries by itself.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from inquiries.models import Inquiry, InquiryAccessLog, InquiryNote, OutboundEmail
from inquiries.tasks import enqueue_delivery


class RateLimitExceeded(Exception):
    """The sender has had PORTAL_INQUIRY_RATE_LIMIT_PER_HOUR inquiries accepted in the last hour."""


def client_fingerprint(client_ip):
    """A keyed hash of the IP address: enough to count one sender's inquiries, useless to identify them."""
    return salted_hmac("inquiries.client", client_ip or "unknown", algorithm="sha256").hexdigest()


def inquiry_submit(*, data, language, client_ip, privacy_consent, news_consent=False) -> Inquiry:
    """Store the inquiry with its consents and its two pending emails, then queue the emails on commit."""
    if not privacy_consent:
        raise ValidationError(_("An inquiry needs consent to the use of personal data."))
    now = timezone.now()
    client_hash = client_fingerprint(client_ip)
    accepted_last_hour = Inquiry.objects.from_client(client_hash).received_since(now - timedelta(hours=1))
    if accepted_last_hour.count() >= settings.PORTAL_INQUIRY_RATE_LIMIT_PER_HOUR:
        raise RateLimitExceeded

    inquiry = Inquiry(
        **data,
        language=language,
        received_at=now,
        client_hash=client_hash,
        consent_version=settings.PORTAL_INQUIRY_CONSENT_VERSION,
        privacy_consent_at=now,
        news_consent_at=now if news_consent else None,
    )
    inquiry.full_clean()
    with transaction.atomic():
        inquiry.save()
        recipients = {
            OutboundEmail.Kind.STAFF_NOTIFICATION: settings.PORTAL_INQUIRY_NOTIFY_EMAIL,
            OutboundEmail.Kind.ACKNOWLEDGEMENT: inquiry.email,
        }
        emails = OutboundEmail.objects.bulk_create(
            OutboundEmail(inquiry=inquiry, kind=kind, to=to) for kind, to in recipients.items()
        )
        email_ids = [email.pk for email in emails]
        transaction.on_commit(lambda: enqueue_delivery(email_ids))
    return inquiry


def inquiry_emails_retry(*, inquiries) -> int:
    """Queue every unsent email of these inquiries again, e.g. after the worker gave up on a long outage."""
    email_ids = list(
        OutboundEmail.objects.filter(inquiry__in=inquiries, sent_at__isnull=True).values_list("pk", flat=True)
    )
    transaction.on_commit(lambda: enqueue_delivery(email_ids))
    return len(email_ids)


def inquiry_access_record(*, user, inquiries, action) -> None:
    username = user.get_username()
    InquiryAccessLog.objects.bulk_create(
        InquiryAccessLog(
            user=user, username=username, inquiry=inquiry, reference=inquiry.reference, action=action
        )
        for inquiry in inquiries
    )


def inquiries_anonymise_expired(*, now=None) -> int:
    """Erase the personal data of inquiries past the retention period; keep anonymous facts for statistics.

    Kept: reference, status, dates, language, country, investor type, interest, size and timeline.
    Erased: name, organisation, email, phone, message, sender fingerprint, internal notes, email addresses.
    """
    now = now or timezone.now()
    with transaction.atomic():
        expired = Inquiry.objects.past_retention(now).select_for_update()
        expired_ids = list(expired.values_list("pk", flat=True))
        Inquiry.objects.filter(pk__in=expired_ids).update(
            name="",
            organisation="",
            email="",
            phone="",
            message="",
            regarding="",
            client_hash="",
            anonymised_at=now,
        )
        OutboundEmail.objects.filter(inquiry__in=expired_ids).update(to="", last_error="")
        InquiryNote.objects.filter(inquiry__in=expired_ids).delete()
    return len(expired_ids)

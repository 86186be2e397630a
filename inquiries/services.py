"""What changes an inquiry: submitting it, sending and retrying its email, logging access, anonymising it.

Views, admin actions, the email task and the purge command call these; none writes inquiries by itself.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from inquiries import tasks
from inquiries.models import Inquiry, InquiryAccessLog, InquiryNote, OutboundEmail


class RateLimitExceeded(Exception):
    """The sender has had PORTAL_INQUIRY_RATE_LIMIT_PER_HOUR inquiries accepted in the last hour."""


def client_fingerprint(client_ip):
    """A keyed hash of the IP address: enough to count one sender's inquiries, useless to identify them."""
    return salted_hmac("inquiries.client", client_ip or "unknown", algorithm="sha256").hexdigest()


def _lock_client(client_hash):
    """Serialise submissions from one sender until the transaction ends, so count-then-insert is atomic."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [f"inquiries:{client_hash}"])


def inquiry_submit(
    *,
    data,
    language,
    client_ip,
    privacy_consent,
    news_consent=False,
    submission_token=None,
    possibly_automated=False,
) -> Inquiry:
    """Store the inquiry with its consents and its two pending emails, then queue the emails on commit.

    A submission token already used returns the inquiry stored with it (a double post stores one inquiry
    and sends its two emails once). The hourly limit is checked and the inquiry stored under a per-sender
    lock, so concurrent posts cannot all slip under it.
    """
    if not privacy_consent:
        raise ValidationError(_("An inquiry needs consent to the use of personal data."))
    now = timezone.now()
    client_hash = client_fingerprint(client_ip)
    inquiry = Inquiry(
        **data,
        language=language,
        received_at=now,
        client_hash=client_hash,
        consent_version=settings.PORTAL_INQUIRY_CONSENT_VERSION,
        privacy_consent_at=now,
        news_consent_at=now if news_consent else None,
        submission_token=submission_token or None,
        possibly_automated=possibly_automated,
    )
    inquiry.full_clean(validate_unique=False)
    try:
        return _store_with_emails(inquiry, now)
    except IntegrityError:
        # The same token posted twice at the same moment from two addresses: the other post won.
        if earlier := _stored_with_token(submission_token):
            return earlier
        raise


def _stored_with_token(submission_token):
    return Inquiry.objects.filter(submission_token=submission_token).first() if submission_token else None


def _store_with_emails(inquiry, now):
    with transaction.atomic():
        _lock_client(inquiry.client_hash)
        if earlier := _stored_with_token(inquiry.submission_token):
            return earlier
        accepted_last_hour = Inquiry.objects.from_client(inquiry.client_hash).received_since(
            now - timedelta(hours=1)
        )
        if accepted_last_hour.count() >= settings.PORTAL_INQUIRY_RATE_LIMIT_PER_HOUR:
            raise RateLimitExceeded
        inquiry.save()
        recipients = {
            OutboundEmail.Kind.STAFF_NOTIFICATION: settings.PORTAL_INQUIRY_NOTIFY_EMAIL,
            OutboundEmail.Kind.ACKNOWLEDGEMENT: inquiry.email,
        }
        emails = OutboundEmail.objects.bulk_create(
            OutboundEmail(inquiry=inquiry, kind=kind, to=to) for kind, to in recipients.items()
        )
        email_ids = [email.pk for email in emails]
        transaction.on_commit(lambda: tasks.enqueue_delivery(email_ids))
    return inquiry


def inquiry_emails_retry(*, inquiries) -> int:
    """Queue the unsent emails of these inquiries again, e.g. after the worker gave up on a long outage.

    Emails whose send is under way or in doubt are left alone: see `inquiry_emails_resend_in_doubt`.
    """
    retryable = OutboundEmail.objects.filter(inquiry__in=inquiries).retryable()
    email_ids = list(retryable.values_list("pk", flat=True))
    transaction.on_commit(lambda: tasks.enqueue_delivery(email_ids))
    return len(email_ids)


def inquiry_emails_resend_in_doubt(*, inquiries) -> int:
    """Release and queue emails in doubt, once staff have checked that they did not arrive."""
    with transaction.atomic():
        in_doubt = OutboundEmail.objects.filter(inquiry__in=inquiries).in_doubt().select_for_update()
        email_ids = list(in_doubt.values_list("pk", flat=True))
        OutboundEmail.objects.filter(pk__in=email_ids).update(claimed_at=None)
        transaction.on_commit(lambda: tasks.enqueue_delivery(email_ids))
    return len(email_ids)


def outbound_email_claim(outbound_email_id):
    """Mark an email as being sent, in one statement of its own; None when it must not be sent now.

    Only an unsent, unclaimed email with an address is claimed: a claim left by a worker that stopped
    mid-send keeps the email from going out twice.
    """
    claimed = (
        OutboundEmail.objects.retryable()
        .filter(pk=outbound_email_id)
        .exclude(to="")
        .update(claimed_at=timezone.now(), attempts=F("attempts") + 1)
    )
    if not claimed:
        return None
    return OutboundEmail.objects.select_related("inquiry").get(pk=outbound_email_id)


def outbound_email_record_sent(outbound) -> None:
    sent = OutboundEmail.objects.filter(pk=outbound.pk)
    sent.update(sent_at=timezone.now(), claimed_at=None, last_error="")


def outbound_email_record_failure(outbound, error):
    """Record a send that certainly did not happen and queue the next attempt; None when it gave up."""
    with transaction.atomic():
        OutboundEmail.objects.filter(pk=outbound.pk).update(
            claimed_at=None, last_error=f"{type(error).__name__}: {error}"[:2000]
        )
        if outbound.attempts >= tasks.MAX_ATTEMPTS:
            return None
        run_after = timezone.now() + tasks.retry_delay(outbound.attempts)
        tasks.enqueue_delivery([outbound.pk], run_after=run_after)
    return run_after


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

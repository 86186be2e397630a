"""Background delivery of inquiry email (django-tasks, database backend; `manage.py db_worker` runs it).

Each task sends one OutboundEmail at most once: the row is locked while sending and marked sent after.
When SMTP fails, the error is recorded and the task re-enqueues itself with a growing delay, so an
outage of up to two days is ridden out without anyone noticing; after that the admin shows the email
as unsent, and its "Send unsent emails again" action tries once more.
"""

import logging
import smtplib
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from inquiries.emails import build_message
from inquiries.models import OutboundEmail

logger = logging.getLogger(__name__)

FIRST_RETRY_DELAY = timedelta(minutes=1)
LONGEST_RETRY_DELAY = timedelta(hours=6)
MAX_ATTEMPTS = 16  # waits of 1, 2, 4 … 256 minutes, then 6 hours: about two days from first to last


def retry_delay(attempts):
    return min(FIRST_RETRY_DELAY * 2 ** (attempts - 1), LONGEST_RETRY_DELAY)


def enqueue_delivery(outbound_email_ids, *, run_after=None):
    delivery = send_inquiry_email.using(run_after=run_after) if run_after else send_inquiry_email
    for outbound_email_id in outbound_email_ids:
        delivery.enqueue(outbound_email_id)


@task()
def send_inquiry_email(outbound_email_id):
    with transaction.atomic():
        outbound = (
            OutboundEmail.objects.select_for_update(of=("self",))
            .select_related("inquiry")
            .filter(pk=outbound_email_id)
            .first()
        )
        if outbound is None or outbound.sent_at or not outbound.to:
            return "skipped"
        message = build_message(outbound)
        outbound.attempts += 1
        try:
            message.send()
        except (smtplib.SMTPException, OSError) as error:
            outbound.last_error = f"{type(error).__name__}: {error}"[:2000]
            outbound.save(update_fields=["attempts", "last_error"])
            if outbound.attempts >= MAX_ATTEMPTS:
                logger.error("Gave up sending %s after %d attempts: %s", outbound, outbound.attempts, error)
                return "gave-up"
            run_after = timezone.now() + retry_delay(outbound.attempts)
            transaction.on_commit(lambda: enqueue_delivery([outbound_email_id], run_after=run_after))
            logger.warning(
                "Sending %s failed (attempt %d), retry at %s: %s",
                outbound,
                outbound.attempts,
                run_after,
                error,
            )
            return "retry-scheduled"
        outbound.sent_at = timezone.now()
        outbound.save(update_fields=["attempts", "sent_at"])
    return "sent"

"""Background delivery of inquiry email (django-tasks, database backend; `manage.py db_worker` runs it).

Each task sends one OutboundEmail at most once, in three steps with no transaction held open around
the network: claim the row (one UPDATE), send, record the result (`inquiries.services`). When SMTP fails,
the failure is recorded, a retry is queued with a growing delay and the task itself fails, so an outage
of up to two days is ridden out without anyone noticing; after that the admin shows the email as not
sent, and its "Send unsent emails again" action tries once more. If the worker stops between sending and
recording, the claim stays: the email is never resent automatically, and the admin shows it as unknown.
"""

import logging
import smtplib
from datetime import timedelta

from django_tasks import task

from inquiries import services
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


class EmailNotSent(Exception):
    """The send failed; the task fails too, so its state tells the truth, and a retry is queued."""


class EmailDeliveryInDoubt(Exception):
    """An earlier send of this email started and was never recorded: it may have gone out."""


@task()
def send_inquiry_email(outbound_email_id):
    outbound = services.outbound_email_claim(outbound_email_id)
    if outbound is None:
        return _why_not_claimed(outbound_email_id)
    try:
        message = build_message(outbound)
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        run_after = services.outbound_email_record_failure(outbound, error)
        if run_after is None:
            logger.error("Gave up sending %s after %d attempts: %s", outbound, outbound.attempts, error)
            raise EmailNotSent(f"Gave up after {outbound.attempts} attempts: {error}") from error
        logger.warning(
            "Sending %s failed (attempt %d), retry at %s: %s", outbound, outbound.attempts, run_after, error
        )
        raise EmailNotSent(f"Attempt {outbound.attempts} failed, retry at {run_after}: {error}") from error
    services.outbound_email_record_sent(outbound)
    return "sent"


def _why_not_claimed(outbound_email_id):
    outbound = OutboundEmail.objects.filter(pk=outbound_email_id).first()
    if outbound is not None and outbound.sent_at is None and outbound.claimed_at is not None:
        raise EmailDeliveryInDoubt(
            f"{outbound} was claimed for sending at {outbound.claimed_at} and never recorded; "
            "not resent automatically"
        )
    return "skipped"

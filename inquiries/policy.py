"""What Invest Seoul promises about inquiries, from settings: on the form, the privacy notice and in email."""

from django.conf import settings
from django.utils.translation import ngettext


def retention_period():
    days = settings.PORTAL_INQUIRY_RETENTION_DAYS
    if days % 365 == 0:
        years = days // 365
        return ngettext("%(years)d year", "%(years)d years", years) % {"years": years}
    return ngettext("%(days)d day", "%(days)d days", days) % {"days": days}


def response_time():
    days = settings.PORTAL_INQUIRY_RESPONSE_DAYS
    return ngettext("%(days)d working day", "%(days)d working days", days) % {"days": days}


def policy_context():
    """Call it with the reader's language active: the periods come out translated."""
    return {
        "response_time": response_time(),
        "retention_period": retention_period(),
        "notify_email": settings.PORTAL_INQUIRY_NOTIFY_EMAIL,
        "consent_version": settings.PORTAL_INQUIRY_CONSENT_VERSION,
    }

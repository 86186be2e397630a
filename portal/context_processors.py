from django.conf import settings
from django.utils.functional import SimpleLazyObject

from incentives.models import ContactPoint


def site(request):
    """What every page's header and footer need: the primary contact and the stated exchange rate."""
    return {
        "primary_contact": SimpleLazyObject(ContactPoint.objects.filter(is_primary=True).first),
        "krw_per_usd": settings.PORTAL_KRW_PER_USD,
        "krw_per_usd_as_of": settings.PORTAL_KRW_PER_USD_AS_OF,
    }

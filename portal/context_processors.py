from django.conf import settings
from django.utils.functional import SimpleLazyObject

from content.models import Source
from incentives.models import ContactPoint


def site(request):
    """What every page's header and footer need: the primary contact and the stated exchange rate."""
    return {
        "primary_contact": SimpleLazyObject(ContactPoint.objects.filter(is_primary=True).first),
        "krw_per_usd": settings.PORTAL_KRW_PER_USD,
        "krw_per_usd_year": settings.PORTAL_KRW_PER_USD_YEAR,
        "krw_per_usd_source": SimpleLazyObject(
            Source.objects.filter(key=settings.PORTAL_KRW_PER_USD_SOURCE).first
        ),
    }

"""Site-wide pages: home, sources, and the error pages."""

from django.shortcuts import render
from django.views.decorators.csrf import requires_csrf_token

from companies.models import Company, Deal
from events.models import Event
from incentives.models import Incentive
from seoul.models import KeyFigure, Source

HOME_FIGURE_KEYS = [
    "korea-ai-market-2021",
    "seoul-share-of-korean-ai-deals",
    "seoul-share-of-ai-startups",
    "seoul-ai-city-rank",
]


def home(request):
    figures = KeyFigure.objects.published().select_related("source").filter(key__in=HOME_FIGURE_KEYS)
    return render(
        request,
        "portal/home.html",
        {
            "figures": sorted(figures, key=lambda item: HOME_FIGURE_KEYS.index(item.key)),
            "leaders": Company.objects.leaders().filter(parent__isnull=True).select_related("district"),
            "startups": Company.objects.startups().select_related("district")[:6],
            "deals": Deal.objects.published().with_parties(),
            "incentives": Incentive.objects.published(),
            "events": Event.objects.published(),
        },
    )


def sources(request):
    return render(request, "portal/sources.html", {"sources": Source.objects.all()})


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    return render(request, "500.html", status=500)



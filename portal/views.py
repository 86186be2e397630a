"""Site-wide pages: home, search, sources, the error pages and the health checks."""

import sys

from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_safe

from companies.models import Company, Deal
from content.models import ContentReview, Source
from incentives.models import Incentive
from portal import health
from portal.forms import SearchForm
from search.query import search as search_index
from seoul.models import KeyFigure


def home(request):
    return render(
        request,
        "portal/home.html",
        {
            "figures": KeyFigure.objects.on_home_page().select_related("source"),
            "leaders": Company.objects.leading_groups().select_related("district"),
            "startups": Company.objects.startups().select_related("district")[:6],
            "deals": Deal.objects.published().with_parties(),
            "incentives": Incentive.objects.published(),
            "last_reviewed": ContentReview.objects.latest_date(),
        },
    )


@require_safe
def search(request):
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    results = search_index(query, get_language(), request.GET.get("page")) if query else None
    inquiry_url = f"{reverse('inquiries:contact')}?{urlencode({'about': query})}"
    return render(
        request,
        "portal/search.html",
        {"form": form, "query": query, "results": results, "inquiry_url": inquiry_url},
    )


def sources(request):
    return render(request, "portal/sources.html", {"sources": Source.objects.all()})


def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    return render(request, "portal/robots.txt", {"sitemap_url": sitemap_url}, content_type="text/plain")


def favicon(request):
    """Browsers and the admin ask for /favicon.ico; the portal's icon is a hashed static SVG."""
    return redirect(static("favicon.svg"), permanent=True)


def healthz(request):
    """The process answers; touches no database, so a database outage never restarts app servers."""
    return JsonResponse({"status": "ok"})


def readyz(request):
    checks = health.readiness()
    ready = all(checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks}, status=200 if ready else 503
    )


def bad_request(request, exception):
    """A request Django refused before any view: too large (413), too many fields or a foreign host (400)."""
    if isinstance(exception, RequestDataTooBig):
        return render(request, "413.html", status=413)
    return render(request, "400.html", status=400)


def permission_denied(request, exception):
    return render(request, "403.html", status=403)


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    """An unexpected error; when the database is out of reach, say so and that it will pass (503)."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        response = render(request, "503.html", status=503)
        response["Retry-After"] = "60"
        return response
    return render(request, "500.html", status=500)

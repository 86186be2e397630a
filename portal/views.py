"""Site-wide pages: home, search, sources, and the error pages."""

from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.csrf import requires_csrf_token

from companies.models import Company, Deal
from content.models import ContentReview, Source
from incentives.models import Incentive
from portal.forms import SearchForm
from portal.search import search as portal_search
from seoul.models import KeyFigure


def home(request):
    return render(
        request,
        "portal/home.html",
        {
            "figures": KeyFigure.objects.on_home_page().select_related("source"),
            "leaders": Company.objects.leaders().filter(parent__isnull=True).select_related("district"),
            "startups": Company.objects.startups().select_related("district")[:6],
            "deals": Deal.objects.published().with_parties(),
            "incentives": Incentive.objects.published(),
            "last_reviewed": ContentReview.objects.latest_date(),
        },
    )


def search(request):
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    results = portal_search(query) if query else []
    return render(
        request,
        "portal/search.html",
        {
            "form": form,
            "query": query,
            "results": results,
            "total": sum(len(items) for _kind, items in results),
        },
    )


def sources(request):
    return render(request, "portal/sources.html", {"sources": Source.objects.all()})


def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    return render(request, "portal/robots.txt", {"sitemap_url": sitemap_url}, content_type="text/plain")


def favicon(request):
    """Browsers and the admin ask for /favicon.ico; the portal's icon is a hashed static SVG."""
    return redirect(static("favicon.svg"), permanent=True)


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    return render(request, "500.html", status=500)

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from companies.forms import CompanyFilterForm
from companies.models import Company, CompanyFigure, Deal
from institutions.models import Institution
from stories.models import Story

COMPANIES_PER_PAGE = 24
DEALS_PER_PAGE = 10


def company_list(request):
    form = CompanyFilterForm(request.GET or None)
    companies = form.filter(Company.objects.in_seoul()).select_related("district", "parent")
    page = Paginator(companies, COMPANIES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "companies/company_list.html",
        {
            "form": form,
            "page": page,
            "page_numbers": page.paginator.get_elided_page_range(page.number),
            "companies": page.object_list,
            "facets": form.facet_counts(),
            "download_query": urlencode(form.selected()),
        },
    )


def company_detail(request, slug):
    company = get_object_or_404(
        Company.objects.for_request(request)
        .select_related("district", "parent")
        .prefetch_related(
            "sectors",
            "other_districts",
            "highlights__source",
            Prefetch("figures", queryset=CompanyFigure.objects.select_related("source")),
            Prefetch("affiliates", queryset=Company.objects.published()),
            Prefetch("acquisitions", queryset=Deal.objects.published().with_parties()),
            Prefetch("deals_as_target", queryset=Deal.objects.published().with_parties()),
            Prefetch("stories", queryset=Story.objects.published()),
            Prefetch("partner_institutions", queryset=Institution.objects.published()),
        ),
        slug=slug,
    )
    return render(request, "companies/company_detail.html", {"company": company})


def deal_list(request):
    page = Paginator(Deal.objects.published().with_parties(), DEALS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "companies/deal_list.html",
        {
            "page": page,
            "page_numbers": page.paginator.get_elided_page_range(page.number),
            "deals": page.object_list,
        },
    )


def deal_detail(request, slug):
    deal = get_object_or_404(Deal.objects.for_request(request).with_parties(), slug=slug)
    return render(request, "companies/deal_detail.html", {"deal": deal})

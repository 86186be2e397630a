from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from companies.forms import CompanyFilterForm
from companies.models import Company, CompanyFigure, Deal
from institutions.models import Institution
from stories.models import Story


def company_list(request):
    form = CompanyFilterForm(request.GET or None)
    companies = form.filter(Company.objects.in_seoul()).select_related("district", "parent")
    return render(
        request,
        "companies/company_list.html",
        {"form": form, "companies": companies, "facets": form.facet_counts()},
    )


def company_detail(request, slug):
    company = get_object_or_404(
        Company.objects.for_request(request)
        .select_related("district", "parent")
        .prefetch_related(
            "sectors",
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
    return render(request, "companies/deal_list.html", {"deals": Deal.objects.published().with_parties()})


def deal_detail(request, slug):
    deal = get_object_or_404(Deal.objects.for_request(request).with_parties(), slug=slug)
    return render(request, "companies/deal_detail.html", {"deal": deal})

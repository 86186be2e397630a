from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from companies.models import Company
from institutions.models import Institution, InstitutionFigure, Ranking, RankingEntry
from stories.models import Story


def institution_list(request):
    return render(
        request,
        "institutions/institution_list.html",
        {
            "institutions": Institution.objects.published().select_related("district"),
            "rankings": Ranking.objects.published()
            .select_related("source")
            .prefetch_related(
                Prefetch("entries", queryset=RankingEntry.objects.with_published_institution())
            ),
        },
    )


def institution_detail(request, slug):
    institution = get_object_or_404(
        Institution.objects.for_request(request)
        .select_related("district")
        .prefetch_related(
            "programs",
            "other_districts",
            Prefetch("partner_companies", queryset=Company.objects.published()),
            Prefetch("figures", queryset=InstitutionFigure.objects.select_related("source")),
            Prefetch(
                "ranking_entries",
                queryset=RankingEntry.objects.of_published_rankings().select_related("ranking__source"),
            ),
            Prefetch("stories", queryset=Story.objects.published()),
        ),
        slug=slug,
    )
    return render(request, "institutions/institution_detail.html", {"institution": institution})

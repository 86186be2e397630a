from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from companies.models import Company
from institutions.models import Institution
from stories.models import Story


def story_list(request):
    return render(
        request,
        "stories/story_list.html",
        {
            "esg_stories": Story.objects.esg().select_related("company", "institution"),
            "interviews": Story.objects.interviews().select_related("company", "institution"),
        },
    )


def story_detail(request, slug):
    story = get_object_or_404(
        Story.objects.for_request(request)
        .select_related("source")
        .prefetch_related(
            "answers",
            # A draft company or institution reads as None, so the page neither names nor links it.
            Prefetch("company", queryset=Company.objects.published()),
            Prefetch("institution", queryset=Institution.objects.published()),
        ),
        slug=slug,
    )
    return render(request, "stories/story_detail.html", {"story": story})

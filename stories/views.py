from django.shortcuts import get_object_or_404, render

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
        .select_related("company", "institution", "source")
        .prefetch_related("answers"),
        slug=slug,
    )
    return render(request, "stories/story_detail.html", {"story": story})

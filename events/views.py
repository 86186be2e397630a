from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from events.models import Event, EventFigure


def event_list(request):
    return render(
        request,
        "events/event_list.html",
        {
            "upcoming": Event.objects.upcoming().order_by("start_date"),
            "recurring": Event.objects.recurring_without_dates(),
            "past": Event.objects.past().order_by("-start_date"),
        },
    )


def event_detail(request, slug):
    event = get_object_or_404(
        Event.objects.for_request(request)
        .select_related("source")
        .prefetch_related(Prefetch("figures", queryset=EventFigure.objects.select_related("source"))),
        slug=slug,
    )
    return render(request, "events/event_detail.html", {"event": event})

from django.shortcuts import get_object_or_404, render

from incentives.models import ContactPoint, Incentive

INCENTIVE_PARTS = ("conditions", "benefits", "spaces")


def incentive_list(request):
    return render(
        request,
        "incentives/incentive_list.html",
        {
            "incentives": Incentive.objects.published()
            .select_related("source")
            .prefetch_related(*INCENTIVE_PARTS),
            "contacts": ContactPoint.objects.all(),
        },
    )


def incentive_detail(request, slug):
    incentive = get_object_or_404(
        Incentive.objects.for_request(request).select_related("source").prefetch_related(*INCENTIVE_PARTS),
        slug=slug,
    )
    return render(request, "incentives/incentive_detail.html", {"incentive": incentive})

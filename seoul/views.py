from django.db.models import Prefetch
from django.shortcuts import render

from seoul.models import DataPoint, Dataset, KeyFigure, PolicyLine, PublicServiceCase


def market(request):
    datasets = (
        Dataset.objects.published()
        .select_related("source")
        .prefetch_related(Prefetch("points", queryset=DataPoint.objects.order_by("order", "pk")))
    )
    figures = KeyFigure.objects.by_topic().select_related("source")
    return render(request, "seoul/market.html", {"datasets": datasets, "figures": figures})


def policy(request):
    return render(
        request,
        "seoul/policy.html",
        {
            "policy_lines": PolicyLine.objects.published().select_related("source"),
            "cases": PublicServiceCase.objects.published().select_related("district"),
        },
    )

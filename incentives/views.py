from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from incentives.eligibility import evaluate_all
from incentives.forms import FinderForm, finder_query
from incentives.models import ContactPoint, Incentive


def incentive_list(request):
    return render(
        request,
        "incentives/incentive_list.html",
        {"incentives": Incentive.objects.published().with_rules(), "contacts": ContactPoint.objects.all()},
    )


def incentive_detail(request, slug):
    incentive = get_object_or_404(Incentive.objects.for_request(request).with_rules(), slug=slug)
    return render(request, "incentives/incentive_detail.html", {"incentive": incentive})


def finder(request):
    """A GET form, so a result is a link to share; nothing is answered until the form is sent."""
    query, was_cut = finder_query(request.META.get("QUERY_STRING", ""))
    form = FinderForm(query if query else None)
    results = None
    if form.is_bound and form.is_valid() and not was_cut:
        results = evaluate_all(form.answers(), timezone.localdate())
    elif was_cut:
        form.add_error(
            None, _("That address was too long to read in full; check your answers and send them again.")
        )
    return render(
        request,
        "incentives/finder.html",
        {
            "form": form,
            "results": results,
            "answers": form.answers() if results is not None else None,
            "query": form.canonical_query() if form.is_bound else "",
        },
    )

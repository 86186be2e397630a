import functools
import json

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from drf_spectacular.generators import SchemaGenerator
from rest_framework.utils.encoders import JSONEncoder

from opendata import calendars, datasets, ecosystem, exports
from opendata.datasets import DATASETS, DATASETS_BY_SLUG
from opendata.reference import api_reference


@require_safe
def data_page(request):
    return render(request, "opendata/data.html", {"datasets": DATASETS, "terms": exports.terms_of_use()})


@require_safe
def download(request, slug, extension):
    dataset = DATASETS_BY_SLUG.get(slug)
    if dataset is None:
        raise Http404
    try:
        if extension == "csv":
            response = HttpResponse(
                exports.csv_export(dataset, request.GET, request), content_type="text/csv; charset=utf-8"
            )
        else:
            data = exports.json_export(dataset, request.GET, request)
            response = HttpResponse(
                json.dumps(data, cls=JSONEncoder, ensure_ascii=False, indent=1),
                content_type="application/json; charset=utf-8",
            )
    except exports.FilterError as error:
        return render(
            request, "opendata/bad_filter.html", {"dataset": dataset, "errors": error.errors}, status=400
        )
    filename = f"investseoul-{dataset.slug}-{get_language()}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@functools.lru_cache(maxsize=len(settings.LANGUAGES))
def api_reference_in(language):
    """The schema only changes with the code, so it is drawn once per language and process."""
    with translation.override(language):
        return api_reference(SchemaGenerator().get_schema(request=None, public=True))


@require_safe
def api_reference_page(request):
    return render(request, "opendata/api_reference.html", api_reference_in(get_language()))


def calendar_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_safe
def events_calendar(request):
    return calendar_response(calendars.calendar_of(datasets.events(), request), "investseoul-ai-events.ics")


@require_safe
def event_calendar(request, slug):
    event = get_object_or_404(datasets.events().filter(start_date__isnull=False), slug=slug)
    return calendar_response(calendars.calendar_of([event], request), f"{event.slug}.ics")


@require_safe
def ecosystem_page(request):
    districts = ecosystem.districts_with_actors()
    return render(
        request,
        "opendata/ecosystem.html",
        {
            "districts": districts,
            "tiles": [d for d in districts if d.tile],
            "clusters": ecosystem.clusters(districts),
            "size": ecosystem.map_size(),
        },
    )

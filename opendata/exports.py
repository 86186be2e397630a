"""A dataset as a download: the same rows and field names as the API, flattened for CSV."""

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from rest_framework import serializers

from content.spreadsheets import csv_text

LIST_SEPARATOR = "; "


class FilterError(ValueError):
    """The query string asked for a filter value that does not exist."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def terms_of_use():
    return _(
        "Invest Seoul has not yet set terms of reuse for these data. Each row names its source and the "
        "date it describes; the content comes from a 2022 brochure."
    )


def filtered_rows(dataset, query):
    """The dataset's published rows narrowed by the query string's filters, which must all be valid."""
    rows = dataset.rows()
    if dataset.filter_form is None:
        return rows, {}
    form = dataset.filter_form(query)
    if not form.is_valid():
        raise FilterError(form.errors)
    return form.filter(rows), {name: value for name, value in form.cleaned_data.items() if value}


def serialized(dataset, query, request):
    rows, filters = filtered_rows(dataset, query)
    return dataset.serializer(rows, many=True, context={"request": request}).data, filters


def flat(record, prefix=""):
    """{'source': {'title': …}} → {'source_title': …}; lists of names joined; nested lists of records
    (a dataset's points, an incentive's conditions) have datasets of their own and are left out."""
    cells = {}
    for name, value in record.items():
        key = f"{prefix}{name}"
        if isinstance(value, dict):
            cells.update(flat(value, f"{key}_"))
        elif isinstance(value, list):
            if all(not isinstance(item, dict) for item in value):
                cells[key] = LIST_SEPARATOR.join(str(item) for item in value)
        else:
            cells[key] = value
    return cells


def csv_header(serializer, prefix=""):
    """The CSV columns of a serializer, in the order `flat` names them, whether or not there are rows."""
    header = []
    for name, field in serializer.fields.items():
        if isinstance(field, serializers.ListSerializer):
            continue
        if isinstance(field, serializers.Serializer):
            header += csv_header(field, f"{prefix}{name}_")
        else:
            header.append(f"{prefix}{name}")
    return header


def csv_export(dataset, query, request):
    records, _filters = serialized(dataset, query, request)
    header = csv_header(dataset.serializer(context={"request": request}))
    return csv_text(header, ([row.get(name) for name in header] for row in map(flat, records)))


def json_export(dataset, query, request):
    records, filters = serialized(dataset, query, request)
    return {
        "dataset": dataset.slug,
        "title": str(dataset.title),
        "language": get_language(),
        "filters": filters,
        "terms": terms_of_use(),
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "count": len(records),
        "rows": records,
    }

"""Is every published fact traceable? A content audit that lists what lacks a source.

`audit()` walks every model of the content apps and returns findings, each with a severity, a code,
a message and the record it is about. `manage.py content_audit` prints them (or `--json`) and exits
non-zero when there is an error. Rules:

- a record with a `source` field must name a source (its figures, years and dates rest on it);
- a figure without an as-of date must come from the brochure (which is what the page then says);
- a district, founding year or place on a record with no source of its own needs a citation;
- a link (website) needs a citation for that very field, and a legal basis a citation to an
  official source (a law's name and article), whatever else the record cites;
- every source needs the date the portal team last checked it; public and official ones an address;
- the stated exchange rate needs its source (settings.PORTAL_KRW_PER_USD_SOURCE).

Only what the public can see is audited: published records, and the rows that belong to one.
"""

from dataclasses import asdict, dataclass

from django.apps import apps
from django.conf import settings
from django.db import models

from content.models import Citation, Source, record_key
from content.staff import CONTENT_APPS

ERROR = "error"
WARNING = "warning"

# Fields that state a fact about a record, by the kind of fact they state.
FACT_FIELDS = {
    "district": "district",
    "campus": "place",
    "venue": "place",
    "founded_year": "date",
    "first_held_year": "date",
    "start_date": "date",
    "end_date": "date",
    "website": "link",
    "legal_basis": "legal basis",
}
# Facts only a citation naming that very field can back: a record's general source does not vouch for them.
FIELD_CITATION_ONLY = {"link", "legal basis"}


@dataclass(frozen=True)
class Finding:
    severity: str
    code: str
    message: str
    model: str
    pk: int | None

    def as_dict(self):
        return asdict(self)

    def __str__(self):
        return f"{self.severity.upper()} {self.code} {self.model}#{self.pk}: {self.message}"


def audit():
    """Every finding, errors first; an empty list means the content is fully traceable."""
    citations = Citations()
    findings = []
    for model in content_models():
        for record in public_records(model):
            findings.extend(check_record(record, citations))
    findings.extend(check_sources())
    findings.extend(check_citations())
    findings.extend(check_exchange_rate())
    return sorted(findings, key=lambda finding: finding.severity != ERROR)


def has_errors(findings):
    return any(finding.severity == ERROR for finding in findings)


def content_models():
    for label in CONTENT_APPS:
        if label == "content":
            continue
        yield from apps.get_app_config(label).get_models()


def field_names(model):
    return {field.name for field in model._meta.get_fields() if field.concrete}


def published_parent(model):
    """The foreign key to a publishable record this row belongs to (a figure's company), if any."""
    for field in model._meta.get_fields():
        if isinstance(field, models.ForeignKey) and "is_published" in field_names(field.related_model):
            return field.name
    return None


def public_records(model):
    names = field_names(model)
    records = model._default_manager.all()
    if "is_published" in names:
        records = records.filter(is_published=True)
    elif parent := published_parent(model):
        records = records.filter(**{f"{parent}__is_published": True})
    if "source" in names:
        records = records.select_related("source")
    return records


class Citations:
    """All citations, read once: which (type, key, field) have a source, and of what kind."""

    def __init__(self):
        self.sources = {}
        for citation in Citation.objects.exclude(source=None).select_related("source"):
            self.sources.setdefault((citation.record_type, citation.record_key, citation.field), []).append(
                citation.source
            )

    def backing(self, record, field, *, field_only):
        key = (record._meta.label_lower, record_key(record))
        found = list(self.sources.get((*key, field), []))
        if not field_only:
            found += self.sources.get((*key, ""), [])
        return found


def finding(severity, code, message, record):
    return Finding(severity, code, message, record._meta.label_lower, record.pk)


def check_record(record, citations):
    names = field_names(type(record))
    own_source = None
    if "source" in names:
        own_source = record.source
        if own_source is None:
            yield finding(ERROR, "no-source", f"“{record}” names no source.", record)
    undated = "as_of" in names and record.as_of is None
    if undated and own_source is not None and not own_source.is_from_brochure:
        yield finding(
            ERROR,
            "undated-figure",
            f"“{record}” has no as-of date, and its source is not the brochure, which is what the page says.",
            record,
        )
    for field, fact in FACT_FIELDS.items():
        if field not in names or getattr(record, field) in (None, ""):
            continue
        field_only = fact in FIELD_CITATION_ONLY
        backing = citations.backing(record, field, field_only=field_only)
        if fact == "legal basis":
            if not any(source.kind == Source.Kind.OFFICIAL for source in backing):
                yield finding(
                    ERROR,
                    "unsourced-legal-basis",
                    f"The legal basis of “{record}” cites no official source (a law's name and article).",
                    record,
                )
        elif not backing and (field_only or own_source is None):
            code = f"unsourced-{fact.replace(' ', '-')}"
            yield finding(ERROR, code, f"The {fact} of “{record}” has no source.", record)


def check_sources():
    for source in Source.objects.all():
        if source.checked_on is None:
            message = f"Source “{source}” has no date it was checked."
            yield finding(ERROR, "source-unchecked", message, source)
        if source.kind in (Source.Kind.PUBLIC, Source.Kind.OFFICIAL) and not source.url:
            message = f"Source “{source}” gives no address to check it at."
            yield finding(WARNING, "source-no-address", message, source)


def check_citations():
    for citation in Citation.objects.all():
        model = citation.target_model()
        if model is None:
            message = f"Citation {citation.key} names an unknown type."
            yield finding(WARNING, "citation-dangling", message, citation)
            continue
        key_name = "slug" if "slug" in field_names(model) else "key"
        if not model._default_manager.filter(**{key_name: citation.record_key}).exists():
            message = f"Citation {citation.key} names no existing record."
            yield finding(WARNING, "citation-dangling", message, citation)


def check_exchange_rate():
    if not Source.objects.filter(key=settings.PORTAL_KRW_PER_USD_SOURCE).exists():
        yield Finding(
            ERROR,
            "rate-unsourced",
            f"The exchange rate's source {settings.PORTAL_KRW_PER_USD_SOURCE!r} does not exist.",
            "content.source",
            None,
        )

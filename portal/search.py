"""Site search across companies, institutions, programmes, incentives, events and stories, in both languages.

Each kind is one query: a record matches when a name or text field contains the query (Korean partial
words), when the query is close to a name by trigram word similarity (typos such as "samsng"), or when
PostgreSQL full-text search finds it in the longer texts. Results are ranked by the best of these.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, TrigramWordSimilarity
from django.db.models import Case, F, FloatField, Q, Value, When
from django.db.models.functions import Coalesce, Greatest
from django.utils.translation import gettext_lazy as _

from companies.models import Company
from content.models import live_q
from events.models import Event
from incentives.models import Incentive
from institutions.models import Institution, Program
from stories.models import Story

MAX_QUERY_LENGTH = 100
RESULTS_PER_KIND = 20
SIMILARITY_THRESHOLD = 0.45


@dataclass(frozen=True)
class SearchableKind:
    key: str
    label: str
    queryset: object
    names: tuple
    texts: tuple


def searchable_kinds():
    return [
        SearchableKind(
            "companies",
            _("Companies"),
            Company.objects.published().select_related("district"),
            ("name",),
            ("summary", "description"),
        ),
        SearchableKind(
            "institutions",
            _("Universities and institutes"),
            Institution.objects.published(),
            ("name",),
            ("summary", "description"),
        ),
        SearchableKind(
            "programs",
            _("Programmes"),
            Program.objects.filter(live_q("institution__")).select_related("institution"),
            ("name", "category"),
            ("description",),
        ),
        SearchableKind(
            "incentives",
            _("Incentives"),
            Incentive.objects.published(),
            ("name",),
            ("summary", "description"),
        ),
        SearchableKind(
            "events", _("Events"), Event.objects.published(), ("name",), ("summary", "description")
        ),
        SearchableKind(
            "stories", _("Stories"), Story.objects.published(), ("title", "person_name"), ("summary", "body")
        ),
    ]


def both_languages(fields):
    return [f"{name}_{code}" for name in fields for code in ("ko", "en")]


def search_kind(kind, query):
    names, texts = both_languages(kind.names), both_languages(kind.texts)
    contains = Q()
    for name in names + texts:
        contains |= Q(**{f"{name}__icontains": query})
    similarity = Greatest(*(Coalesce(TrigramWordSimilarity(query, name), 0.0) for name in names))
    vector = SearchVector(
        *(f for f in both_languages(kind.texts) if f.endswith("_en")), config="english"
    ) + SearchVector(*(f for f in both_languages(kind.texts) if f.endswith("_ko")), config="simple")
    full_text = SearchQuery(query, config="english", search_type="websearch") | SearchQuery(
        query, config="simple", search_type="websearch"
    )
    return list(
        kind.queryset.annotate(
            similarity=similarity,
            text_rank=SearchRank(vector, full_text),
            literal=Case(When(contains, then=Value(1.0)), default=Value(0.0), output_field=FloatField()),
        )
        .filter(contains | Q(similarity__gte=SIMILARITY_THRESHOLD) | Q(text_rank__gt=0))
        .annotate(score=Greatest(F("similarity"), F("text_rank"), F("literal")))
        .order_by("-score")[:RESULTS_PER_KIND]
    )


def search(query):
    """[(kind, results)] for every kind with at least one result."""
    query = " ".join(query.split())
    if not query:
        return []
    grouped = [(kind, search_kind(kind, query)) for kind in searchable_kinds()]
    return [(kind, results) for kind, results in grouped if results]

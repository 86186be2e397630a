"""Answer a visitor's query from the index: one ranked list across every kind, a page at a time.

A query is split into words; each word brings along its synonyms (staff's ``SynonymGroup``). A record
matches a word when the stored vector matches it (English stemming: "grants" finds "grant"; a word's
start: "hyper" finds "hyperconnect"), when its text contains it (Korean partial words: "대학원" in
"인공지능대학원"), or when its name is close to it letter by letter (typos: "samsng", "삼송"). Records
matching more of the words, and in their titles, come first, whatever their kind. Whether a record may
be shown is decided by its model's ``published()`` in the same SQL query, so drafts never show.
"""

import itertools
import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, Exists, F, FloatField, Q, Value, When
from django.db.models.functions import Greatest
from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.documents import DOCUMENTS, DOCUMENTS_BY_KEY
from search.models import SearchEntry, SynonymGroup, jamo

MAX_QUERY_LENGTH = 100
MAX_WORDS = 8
RESULTS_PER_PAGE = 10
SUGGESTIONS = 5
# Set as pg_trgm.word_similarity_threshold on each connection (search/signals.py). Word similarity of
# the letters: "samsng"/"samsung" 0.57, "삼송"/"삼성" 0.57 (Korean compared letter by letter).
TYPO_SIMILARITY = 0.5
TYPO_MIN_LETTERS = 6
MATCH_POINTS, TITLE_POINTS, TYPO_POINTS, PHRASE_POINTS = (
    2.0,
    2.0,
    1.0,
    1.0,
)  # shorter words ("tax", "세금" = ㅅㅔㄱㅡㅁ) come close to too many names by chance
SNIPPET_LENGTH = 180
KOREAN_WORDS = re.compile(r"^[가-힣]+(?: [가-힣]+)*$")
PLAIN_WORD = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # "gangnam-bot" too


@dataclass
class Word:
    """One word of the query and the words that mean the same."""

    text: str
    variants: list = field(default_factory=list)

    @property
    def plain_variants(self):
        """Variants made of Latin letters and digits: matched word by word, with English stemming."""
        return [v for v in self.variants if all(PLAIN_WORD.match(part) for part in v.split())]

    @property
    def other_variants(self):
        """Korean or symbols ("m&a"): matched anywhere in the text, so partial words count."""
        return [v for v in self.variants if v not in self.plain_variants]


def normalise(text):
    return " ".join(text.split()).lower()


def read_query(text):
    """The visitor's words, each with its synonyms (one database query)."""
    text = normalise(text)
    tokens = list(dict.fromkeys(text.split()))[:MAX_WORDS]
    phrases = {text, *tokens, *(f"{a} {b}" for a, b in itertools.pairwise(tokens))}
    groups = list(SynonymGroup.objects.filter(terms__overlap=sorted(phrases)))
    words = []
    for token in tokens:
        variants = [token]
        for group in groups:
            if any(token == term or (" " in term and term in text) for term in group.terms):
                variants += [term for term in group.terms if term not in variants]
        words.append(Word(token, variants))
    return text, words


def word_query(word):
    """The tsquery for one word: English stems of its Latin variants, or any word starting with them."""
    query = None
    for variant in word.plain_variants:
        part = SearchQuery(variant, config="english", search_type="phrase")
        if variant.isalnum():
            part |= SearchQuery(f"{variant}:*", config="simple", search_type="raw")
        query = part if query is None else query | part
    return query


def visible_entries():
    """Entries whose record its model's ``published()`` shows: decided in SQL, never stored."""
    visible = Q()
    for document in DOCUMENTS:
        visible |= Q(kind=document.key, object_id__in=document.visible().values("pk"))
    return SearchEntry.objects.filter(visible)


def points(condition, value):
    return Case(When(condition, then=Value(value)), default=Value(0.0), output_field=FloatField())


def korean_query(variant):
    """'대학원' → '대학' <-> '학원' over the syllable pairs: the variant anywhere, even inside a word."""
    phrases = []
    for run in variant.split():
        pairs = [f"'{run}':*"] if len(run) == 1 else [f"'{run[i : i + 2]}'" for i in range(len(run) - 1)]
        phrases.append("(" + " <-> ".join(pairs) + ")")
    return SearchQuery(" & ".join(phrases), config="simple", search_type="raw")


def exact_match(word):
    """(found anywhere, found in the title or keywords): the word itself or one of its synonyms.

    The first is made only of conditions the GIN indexes answer; the second is computed only for the
    records the first found."""
    in_text, in_title = Q(pk__in=[]), Q(pk__in=[])
    if (query := word_query(word)) is not None:
        in_text |= Q(vector=query)
    for variant in word.plain_variants:
        in_title |= Q(names__regex=r"\m" + re.escape(variant))
    for variant in word.other_variants:
        in_title |= Q(names__contains=jamo(variant))
        if KOREAN_WORDS.match(variant):
            in_text |= Q(pairs_vector=korean_query(variant))
        else:  # symbols or mixed scripts ("m&a", "ai학과"): rare enough to read the text
            in_text |= Q(haystack__contains=variant)
    return in_text, in_title


def typos(words):
    """The words to read as typos: long enough, and found as such in no visible record ("samsng",
    "삼송"). One query, each word's check stopping at its first record."""
    candidates = {
        f"known_{index}": word for index, word in enumerate(words) if len(jamo(word.text)) >= TYPO_MIN_LETTERS
    }
    if not candidates:
        return set()
    visible = visible_entries()
    checks = {name: Exists(visible.filter(exact_match(word)[0])) for name, word in candidates.items()}
    known = next(iter(SearchEntry.objects.values(**checks)[:1]), {})
    return {word.text for name, word in candidates.items() if not known.get(name)}


def ranked_entries(text, words, typo_words=frozenset()):
    """Visible entries matching at least one word, best first.

    Each word found scores MATCH_POINTS, more if it is in the title or keywords (exactly, or close to a
    word there when it is a typo); the whole query in the title adds PHRASE_POINTS; full-text rank and
    closeness break ties. The kind's weight then lets a page about the thing outrank a figure or story.
    """
    entries = visible_entries()
    closeness, anywhere, score = {}, Q(), Value(0.0)
    for index, word in enumerate(words):
        in_text, in_title = exact_match(word)
        exact = in_text | in_title
        close = Q(pk__in=[])
        if word.text in typo_words:
            close = Q(names__trigram_word_similar=jamo(word.text))  # through the trigram index
            closeness[f"close_{index}"] = TrigramWordSimilarity(jamo(word.text), "names")
        anywhere |= in_text | close
        score += (
            points(exact | close, MATCH_POINTS) + points(in_title, TITLE_POINTS) + points(close, TYPO_POINTS)
        )
    if len(words) > 1:
        score += points(Q(names__contains=jamo(text)), PHRASE_POINTS)
    full_text = None
    for word in words:
        if (query := word_query(word)) is not None:
            full_text = query if full_text is None else full_text | query
    rank = SearchRank(F("vector"), full_text) if full_text is not None else Value(0.0)
    nearest = Greatest(*(F(name) for name in closeness), Value(0.0)) if closeness else Value(0.0)
    kind_weight = Case(
        *(When(kind=document.key, then=Value(document.weight)) for document in DOCUMENTS),
        default=Value(1.0),
        output_field=FloatField(),
    )
    return (
        entries.filter(anywhere)
        .annotate(**closeness)
        .annotate(score=(score + rank + nearest) * kind_weight)
        .order_by("-score", "kind", "title_ko")
    )


def closest_entries(text):
    """For a query with no results: the visible records whose names come closest, letter by letter."""
    return (
        visible_entries()
        .filter(names__trigram_word_similar=jamo(text))
        .annotate(closeness=TrigramWordSimilarity(jamo(text), "names"))
        .order_by("-closeness", "title_ko")[:SUGGESTIONS]
    )


def english_stems(words):
    """{'acquires': 'acquir', ...} from PostgreSQL's own English stemmer, for highlighting."""
    plain = sorted({part for word in words for variant in word.plain_variants for part in variant.split()})
    if not plain:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word, ts_lexize('english_stem', word) FROM unnest(%s::text[]) AS word", [plain]
        )
        return {word: (lexemes or [word])[0] for word, lexemes in cursor.fetchall()}


def highlighter(words, stems):
    """A pattern for what the query found: words starting with a word or its stem, Korean anywhere."""
    parts = []
    for word in words:
        for variant in word.plain_variants:
            words_of_variant = [
                "(?:" + "|".join(re.escape(form) for form in {part, stems.get(part, part)}) + r")\w*"
                for part in variant.split()
            ]
            parts.append(r"\b" + r"\s+".join(words_of_variant))
        parts += [re.escape(variant) for variant in word.other_variants]
    parts.sort(key=len, reverse=True)
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def snippet(text, pattern):
    """About SNIPPET_LENGTH characters around the first match, every match in <mark>, all else escaped."""
    text = " ".join(text.split())
    match = pattern.search(text) if pattern else None
    start = 0
    if match and match.start() > SNIPPET_LENGTH // 3:
        start = text.find(" ", match.start() - SNIPPET_LENGTH // 3) + 1
    end = start + SNIPPET_LENGTH
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    window = text[start:end]
    pieces, position = [], 0
    for found in pattern.finditer(window) if pattern else []:
        pieces.append(escape(window[position : found.start()]))
        pieces.append(f"<mark>{escape(found.group())}</mark>")
        position = found.end()
    pieces.append(escape(window[position:]))
    return mark_safe(("… " if start else "") + "".join(pieces) + (" …" if end < len(text) else ""))


@dataclass
class Hit:
    """One result as the page shows it: the live record, its kind, its link and a highlighted snippet."""

    record: object
    document: object
    snippet: str
    snippet_language: str  # set when the snippet is Korean on an English page

    @property
    def context(self):
        return self.document.context(self.record)

    @property
    def kind_label(self):
        return self.document.kind_label(self.record)

    @property
    def url(self):
        return self.document.url(self.record)

    @property
    def title_field(self):
        return self.document.title_field


def resolve(entries, language, pattern):
    """Index entries → hits, each record read through its model's ``published()`` (one query per kind)."""
    ids = {}
    for entry in entries:
        ids.setdefault(entry.kind, []).append(entry.object_id)
    records = {}
    for kind, pks in ids.items():
        document = DOCUMENTS_BY_KEY[kind]
        for record in document.for_display(document.visible().filter(pk__in=pks)):
            records[kind, record.pk] = record
    hits = []
    for entry in entries:
        record = records.get((entry.kind, entry.object_id))
        if record is None:  # unpublished since the page was counted
            continue
        text, text_language = entry.snippet_text(language, pattern)
        fallback = text_language if text_language != language else ""
        hits.append(Hit(record, DOCUMENTS_BY_KEY[entry.kind], snippet(text, pattern), fallback))
    return hits


@dataclass
class Results:
    query: str
    page: object = None
    hits: list = field(default_factory=list)
    suggestions: list = field(default_factory=list)

    @property
    def count(self):
        return self.page.paginator.count if self.page else 0


def search(text, language, page_number=1):
    """The page of results for ``text``; when nothing matches, the closest records instead."""
    text, words = read_query(text)
    if not words:
        return Results(query="")
    pattern = highlighter(words, english_stems(words))
    page = Paginator(ranked_entries(text, words, typos(words)), RESULTS_PER_PAGE).get_page(page_number)
    results = Results(query=text, page=page, hits=resolve(list(page), language, pattern))
    if not page.paginator.count:
        results.suggestions = resolve(list(closest_entries(text)), language, None)
    return results

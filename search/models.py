"""The search index: one entry per public record, with a stored full-text vector; and staff's synonyms."""

import re
import unicodedata

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from search.documents import DOCUMENTS, LANGUAGES


def jamo(text):
    """삼성 → 삼성: Korean syllables split into letters, so a one-letter slip (삼송) stays similar."""
    return unicodedata.normalize("NFD", text.lower())


HANGUL_RUN = re.compile(r"[가-힣]+")


def hangul_pairs(text):
    """'인공지능대학원' → '인공 공지 지능 능대 대학 학원': Korean as overlapping syllable pairs, so the
    index finds any part of a Korean word (대학원 in 인공지능대학원, 삼성 in 삼성전자는) as pairs in a row."""
    pairs = []
    for run in HANGUL_RUN.findall(text):
        pairs += [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]
    return " ".join(pairs)


def weighted(field, config, weight):
    return SearchVector(field, config=config, weight=weight)


def entry_fields(document, obj):
    """The index columns for ``obj``: its texts in both languages, its names split into letters."""
    fields = {}
    for language in LANGUAGES:
        for name, text in document.texts(obj, language)._asdict().items():
            fields[f"{name}_{language}"] = text
    fields["names"] = jamo(
        "\n".join(fields[f"{name}_{language}"] for name in ("title", "keywords") for language in LANGUAGES)
    )
    everything = "\n".join(fields.values())
    fields["haystack"] = everything.lower()
    fields["hangul_pairs"] = hangul_pairs(everything)
    return fields


class SearchEntryQuerySet(models.QuerySet):
    def store(self, document, obj):
        self.update_or_create(kind=document.key, object_id=obj.pk, defaults=entry_fields(document, obj))

    def forget(self, document, pk):
        self.filter(kind=document.key, object_id=pk).delete()

    def rebuild(self):
        """Index every record of every kind afresh (after bulk changes that sent no signals)."""
        with transaction.atomic():
            self.all().delete()
            entries = [
                SearchEntry(kind=document.key, object_id=obj.pk, **entry_fields(document, obj))
                for document in DOCUMENTS
                for obj in document.all_for_index()
            ]
            self.bulk_create(entries, batch_size=500)
        return len(entries)


class SearchEntry(models.Model):
    """What the index knows about one record: its words in both languages, weighted title > summary > body.

    Entries are written by signals whenever a record (or one of its parts) is saved or deleted, and by
    ``manage.py rebuild_search_index``. Whether a record may be shown is never stored here: results are
    filtered through each model's ``published()`` at query time.
    """

    kind = models.CharField(_("kind"), max_length=20)
    object_id = models.PositiveBigIntegerField(_("record id"))
    title_ko = models.TextField(_("title (Korean)"))
    title_en = models.TextField(_("title (English)"), blank=True)
    keywords_ko = models.TextField(_("keywords (Korean)"), blank=True)
    keywords_en = models.TextField(_("keywords (English)"), blank=True)
    summary_ko = models.TextField(_("summary (Korean)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    body_ko = models.TextField(_("text (Korean)"), blank=True)
    body_en = models.TextField(_("text (English)"), blank=True)
    names = models.TextField(
        _("names, split into letters"),
        help_text=_("Titles and keywords in both languages, for typo-tolerant matching."),
    )
    haystack = models.TextField(_("all words"), help_text=_("Every text in both languages, lower case."))
    hangul_pairs = models.TextField(
        _("Korean syllable pairs"), blank=True, help_text=_("For finding parts of Korean words.")
    )
    pairs_vector = models.GeneratedField(
        expression=SearchVector("hangul_pairs", config="simple"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    vector = models.GeneratedField(
        expression=(
            weighted("title_en", "english", "A")
            + weighted("title_ko", "simple", "A")
            + weighted("keywords_en", "english", "B")
            + weighted("keywords_ko", "simple", "B")
            + weighted("summary_en", "english", "B")
            + weighted("summary_ko", "simple", "B")
            + weighted("body_en", "english", "C")
            + weighted("body_ko", "simple", "C")
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    updated_at = models.DateTimeField(_("indexed at"), auto_now=True)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_one_per_record"),
        ]
        indexes = [
            GinIndex(fields=["vector"], name="search_entry_vector"),
            GinIndex(fields=["pairs_vector"], name="search_entry_pairs_vector"),
            GinIndex(OpClass("names", name="gin_trgm_ops"), name="search_entry_names_trgm"),
            GinIndex(OpClass("haystack", name="gin_trgm_ops"), name="search_entry_haystack_trgm"),
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id}: {self.title_ko}"

    def snippet_text(self, language, pattern=None):
        """(text, language) to cut a snippet from: summary and body in the visitor's language, else
        Korean; led by the matching keywords (a sector, a district) when only they matched."""
        if language != "ko" and not (
            getattr(self, f"summary_{language}") or getattr(self, f"body_{language}")
        ):
            language = "ko"
        text = "\n".join(
            filter(None, [getattr(self, f"summary_{language}"), getattr(self, f"body_{language}")])
        )
        if pattern and not pattern.search(text):
            keywords = [
                line for line in getattr(self, f"keywords_{language}").splitlines() if pattern.search(line)
            ]
            text = "\n".join([" · ".join(keywords), text]) if keywords else text
        return text, language


def split_terms(value):
    """'세금, 조세,Tax ' → ['세금', '조세', 'tax']: stripped, lower case, each once."""
    terms = []
    for term in value if isinstance(value, list) else value.split(","):
        term = " ".join(term.split()).lower()
        if term and term not in terms:
            terms.append(term)
    return terms


class SynonymGroup(models.Model):
    """Words a visitor may use for the same thing, in either language: searching one finds them all."""

    terms = ArrayField(
        models.CharField(max_length=60),
        verbose_name=_("words"),
        help_text=_("Words or short phrases that mean the same, separated by commas, e.g. 세금, 조세, tax."),
    )
    note = models.CharField(_("note for staff"), max_length=200, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")

    def __str__(self):
        return " ↔ ".join(self.terms)

    def save(self, *args, **kwargs):
        self.terms = split_terms(self.terms)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.terms = split_terms(self.terms or [])
        if len(self.terms) < 2:
            raise ValidationError({"terms": _("Enter at least two words that mean the same.")})

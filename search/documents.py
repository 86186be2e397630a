"""What each kind of public record puts in the search index, who may see it, and where its page is.

One ``Document`` per searchable model. Parts shown on a record's page (an incentive's conditions, an
interview's answers, a company's sectors) are folded into the record's own entry; ``parts`` names the
models whose changes re-index it. Visibility always comes from the model's ``published()``.
"""

from typing import NamedTuple

from django.apps import apps
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

LANGUAGES = ("ko", "en")


def joined(*values):
    return "\n".join(str(value) for value in values if value)


def choice_label(obj, field):
    """{'ko': '인터뷰', 'en': 'Interview'}: a choice's label in both languages, for the index."""
    labels = {}
    for language in LANGUAGES:
        with translation.override(language):
            labels[language] = str(getattr(obj, f"get_{field}_display")())
    return labels


class Texts(NamedTuple):
    """A record's words in one language. Keywords (its kind, sectors, district, group) count like its
    title when ranking; summary and body make the snippet."""

    title: str
    keywords: str = ""
    summary: str = ""
    body: str = ""


class Document:
    key = ""
    model_label = ""
    label = ""
    title_field = "name"
    # {"app.Model": "foreign key to this document's model"}: parts whose changes re-index the record.
    parts = {}

    @property
    def model(self):
        return apps.get_model(self.model_label)

    def visible(self):
        return self.model.objects.published()

    def for_display(self, queryset):
        """The queryset the results page reads (related rows it shows, fetched in the same query)."""
        return queryset

    def all_for_index(self):
        return self.model._default_manager.all()

    def kind_label(self, obj):
        return self.label

    def context(self, obj):
        """A record whose name the result shows after its own (a programme's institution)."""
        return None

    def url(self, obj):
        return obj.get_absolute_url()

    # Ranking weight of the kind: a page about the thing itself outranks a story or a figure that names it.
    weight = 1.0

    def texts(self, obj, language):
        """The ``Texts`` of ``obj`` in ``language``."""
        raise NotImplementedError

    def dependents(self, obj):
        """Entries of other kinds that quote this record (a deal names its companies)."""
        return []

    def field(self, obj, name, language):
        return getattr(obj, f"{name}_{language}", "") or ""


class CompanyDocument(Document):
    key = "companies"
    model_label = "companies.Company"
    label = _("Company")
    parts = {"companies.CompanyHighlight": "company"}

    def all_for_index(self):
        return (
            super()
            .all_for_index()
            .select_related("parent", "district")
            .prefetch_related("sectors", "highlights")
        )

    def kind_label(self, obj):
        return obj.get_kind_display()

    def texts(self, obj, language):
        return Texts(
            title=self.field(obj, "name", language),
            keywords=joined(
                choice_label(obj, "kind")[language],
                *(self.field(sector, "name", language) for sector in obj.sectors.all()),
                obj.parent and self.field(obj.parent, "name", language),
                obj.district and self.field(obj.district, "name", language),
            ),
            summary=self.field(obj, "summary", language),
            body=joined(
                self.field(obj, "description", language),
                *(self.field(item, "text", language) for item in obj.highlights.all()),
            ),
        )

    def dependents(self, obj):
        deals = apps.get_model("companies.Deal")._default_manager.filter(Q(acquirer=obj) | Q(target=obj))
        return [(DealDocument(), deal) for deal in deals.select_related("acquirer", "target")]


class DealDocument(Document):
    key = "deals"
    model_label = "companies.Deal"
    label = _("M&A deal")
    title_field = "title"

    def all_for_index(self):
        return super().all_for_index().select_related("acquirer", "target")

    def texts(self, obj, language):
        return Texts(
            title=self.field(obj, "title", language),
            keywords=joined(
                self.field(obj.acquirer, "name", language), self.field(obj.target, "name", language)
            ),
            summary=joined(self.field(obj, "stake", language), self.field(obj, "summary", language)),
            body=self.field(obj, "why_it_matters", language),
        )


class InstitutionDocument(Document):
    key = "institutions"
    model_label = "institutions.Institution"
    label = _("Institution")

    def all_for_index(self):
        return super().all_for_index().select_related("district")

    def kind_label(self, obj):
        return obj.get_kind_display()

    def texts(self, obj, language):
        return Texts(
            title=self.field(obj, "name", language),
            keywords=joined(
                choice_label(obj, "kind")[language],
                obj.district and self.field(obj.district, "name", language),
            ),
            summary=self.field(obj, "summary", language),
            body=joined(self.field(obj, "campus", language), self.field(obj, "description", language)),
        )

    def dependents(self, obj):
        return [(ProgramDocument(), program) for program in obj.programs.select_related("institution")]


class ProgramDocument(Document):
    key = "programs"
    model_label = "institutions.Program"
    label = _("Programme")
    weight = 0.9

    def visible(self):
        institutions = apps.get_model("institutions.Institution").objects.published()
        return self.model.objects.filter(institution__in=institutions)

    def for_display(self, queryset):
        return queryset.select_related("institution")

    def all_for_index(self):
        return super().all_for_index().select_related("institution")

    def url(self, obj):
        return f"{obj.institution.get_absolute_url()}#programs-heading"

    def context(self, obj):
        return obj.institution

    def texts(self, obj, language):
        return Texts(
            title=self.field(obj, "name", language),
            keywords=joined(
                self.field(obj, "category", language), self.field(obj.institution, "name", language)
            ),
            summary=self.field(obj, "description", language),
            body=self.field(obj, "partner", language),
        )


class EventDocument(Document):
    key = "events"
    model_label = "events.Event"
    label = _("Event")

    def texts(self, obj, language):
        return Texts(
            title=self.field(obj, "name", language),
            keywords=self.field(obj, "organizer", language),
            summary=self.field(obj, "summary", language),
            body=joined(self.field(obj, "description", language), self.field(obj, "venue", language)),
        )


class IncentiveDocument(Document):
    key = "incentives"
    model_label = "incentives.Incentive"
    label = _("Incentive")
    parts = {
        "incentives.Condition": "incentive",
        "incentives.Benefit": "incentive",
        "incentives.SupportSpace": "incentive",
    }

    def all_for_index(self):
        return super().all_for_index().prefetch_related("conditions", "benefits", "spaces")

    def kind_label(self, obj):
        return obj.get_kind_display()

    def condition(self, condition, language):
        """What the incentive's page shows for a condition: its rule written from the data, and the note."""
        with translation.override(language):
            rule = str(condition.requirement)
        return joined(rule, self.field(condition, "text", language))

    def texts(self, obj, language):
        return Texts(
            title=self.field(obj, "name", language),
            keywords=choice_label(obj, "kind")[language],
            summary=self.field(obj, "summary", language),
            body=joined(
                self.field(obj, "description", language),
                *(self.condition(item, language) for item in obj.conditions.all()),
                *(self.field(item, "text", language) for item in obj.benefits.all()),
                *(
                    joined(self.field(space, "name", language), self.field(space, "industries", language))
                    for space in obj.spaces.all()
                ),
                self.field(obj, "legal_basis", language),
            ),
        )


class StoryDocument(Document):
    key = "stories"
    model_label = "stories.Story"
    label = _("Story")
    title_field = "title"
    parts = {"stories.Answer": "story"}
    weight = 0.85

    def all_for_index(self):
        return super().all_for_index().prefetch_related("answers")

    def kind_label(self, obj):
        return obj.get_kind_display()

    def texts(self, obj, language):
        return Texts(
            title=self.field(obj, "title", language),
            keywords=joined(choice_label(obj, "kind")[language], self.field(obj, "person_name", language)),
            summary=joined(self.field(obj, "summary", language), self.field(obj, "person_role", language)),
            body=joined(
                self.field(obj, "body", language),
                *(
                    joined(self.field(item, "question", language), self.field(item, "answer", language))
                    for item in obj.answers.all()
                ),
            ),
        )


class PolicyLineDocument(Document):
    key = "policy"
    model_label = "seoul.PolicyLine"
    label = _("Policy line")
    title_field = "title"

    def url(self, obj):
        return f"{reverse('seoul:policy')}#policy-heading"

    def texts(self, obj, language):
        return Texts(
            title=self.field(obj, "title", language),
            keywords=choice_label(obj, "area")[language],
            summary=self.field(obj, "summary", language),
        )


class PublicServiceCaseDocument(Document):
    key = "cases"
    model_label = "seoul.PublicServiceCase"
    label = _("Public-sector AI case")

    def all_for_index(self):
        return super().all_for_index().select_related("district")

    def url(self, obj):
        return f"{reverse('seoul:policy')}#cases-heading"

    def texts(self, obj, language):
        return Texts(
            title=self.field(obj, "name", language),
            keywords=self.field(obj.district, "name", language),
            summary=self.field(obj, "summary", language),
            body=self.field(obj, "description", language),
        )


class KeyFigureDocument(Document):
    key = "figures"
    model_label = "seoul.KeyFigure"
    label = _("Key figure")
    title_field = "label"
    weight = 0.7

    def for_display(self, queryset):
        return queryset.select_related("source")

    def url(self, obj):
        return reverse("seoul:market")

    def texts(self, obj, language):
        return Texts(
            title=self.field(obj, "label", language),
            keywords=choice_label(obj, "topic")[language],
            summary=self.field(obj, "note", language),
        )


class DatasetDocument(Document):
    key = "datasets"
    model_label = "seoul.Dataset"
    label = _("Dataset")
    title_field = "title"
    parts = {"seoul.DataPoint": "dataset"}
    weight = 0.7

    def all_for_index(self):
        return super().all_for_index().prefetch_related("points")

    def url(self, obj):
        return f"{reverse('seoul:market')}#dataset-{obj.key}"

    def texts(self, obj, language):
        points = obj.points.all()
        return Texts(
            title=self.field(obj, "title", language),
            keywords=self.field(obj, "row_heading", language),
            summary=self.field(obj, "caption", language),
            body=joined(
                " · ".join(dict.fromkeys(self.field(point, "label", language) for point in points)),
                " · ".join(dict.fromkeys(self.field(point, "series", language) for point in points)),
            ),
        )


DOCUMENTS = [
    InstitutionDocument(),
    ProgramDocument(),
    CompanyDocument(),
    DealDocument(),
    IncentiveDocument(),
    EventDocument(),
    StoryDocument(),
    PolicyLineDocument(),
    PublicServiceCaseDocument(),
    KeyFigureDocument(),
    DatasetDocument(),
]
DOCUMENTS_BY_KEY = {document.key: document for document in DOCUMENTS}

"""The open datasets: what each one publishes, from which published records, and how it is filtered.

The API, the CSV and JSON downloads and the data page all read this one list, so a record is public in
one of them exactly when it is public in the others: every query starts from `published()`.
"""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from companies.forms import CompanyFilterForm
from companies.models import Company, CompanyFigure, Deal
from events.models import Event
from incentives.models import Condition, Incentive
from institutions.models import Institution, InstitutionFigure, Program
from opendata import serializers
from opendata.forms import EventFilterForm, IncentiveFilterForm, InstitutionFilterForm, KeyFigureFilterForm
from seoul.models import DataPoint, Dataset, KeyFigure


def companies():
    return (
        Company.objects.in_seoul()
        .select_related("district", "parent")
        .prefetch_related("sectors", "other_districts")
    )


def company_details():
    return companies().prefetch_related(
        Prefetch("figures", queryset=CompanyFigure.objects.select_related("source")),
        Prefetch("partner_institutions", queryset=Institution.objects.published()),
    )


def deals():
    """Deals whose two parties are public too, so no draft company is named."""
    public = Company.objects.published()
    return Deal.objects.published().filter(acquirer__in=public, target__in=public).with_parties()


def institutions():
    return Institution.objects.published().select_related("district").prefetch_related("other_districts")


def institution_details():
    return institutions().prefetch_related(
        "programs",
        Prefetch("figures", queryset=InstitutionFigure.objects.select_related("source")),
        Prefetch("partner_companies", queryset=Company.objects.published()),
    )


def programmes():
    return Program.objects.filter(institution__in=Institution.objects.published()).select_related(
        "institution"
    )


def events():
    return Event.objects.published().select_related("source")


def key_figures():
    return KeyFigure.objects.published().select_related("source")


def market_datasets():
    return Dataset.objects.published().select_related("source").prefetch_related("points")


def market_data_points():
    return DataPoint.objects.filter(dataset__in=Dataset.objects.published()).select_related("dataset__source")


def incentives():
    return Incentive.objects.published().select_related("source").prefetch_related("conditions", "benefits")


def conditions():
    return Condition.objects.filter(incentive__in=Incentive.objects.published()).select_related("incentive")


@dataclass(frozen=True)
class OpenDataset:
    slug: str
    title: str
    description: str
    rows: callable
    serializer: type
    filter_form: type | None = None


DATASETS = [
    OpenDataset(
        "companies",
        _("Companies"),
        _("Global AI companies in Seoul, Korean AI leaders and AI startups, with district and sectors."),
        companies,
        serializers.CompanySerializer,
        CompanyFilterForm,
    ),
    OpenDataset(
        "deals",
        _("M&A deals"),
        _("Acquisitions of Seoul AI companies: who bought whom, when, for how much, with the source."),
        deals,
        serializers.DealSerializer,
    ),
    OpenDataset(
        "institutions",
        _("Institutions"),
        _("Universities, AI graduate schools, research institutes, associations and hubs."),
        institutions,
        serializers.InstitutionSerializer,
        InstitutionFilterForm,
    ),
    OpenDataset(
        "programmes",
        _("Programmes"),
        _("Training and support programmes run by the institutions."),
        programmes,
        serializers.ProgrammeSerializer,
    ),
    OpenDataset(
        "events",
        _("Events"),
        _("AI forums, expos and conferences in Seoul, with their dates where known."),
        events,
        serializers.EventSerializer,
        EventFilterForm,
    ),
    OpenDataset(
        "key-figures",
        _("Key figures"),
        _("Headline figures on the AI market, startups, rankings and talent, each with its source and date."),
        key_figures,
        serializers.KeyFigureSerializer,
        KeyFigureFilterForm,
    ),
    OpenDataset(
        "market-data",
        _("Market data"),
        _("Every value of the market datasets, one row each, with the dataset's unit, date and source."),
        market_data_points,
        serializers.DatasetRowSerializer,
    ),
    OpenDataset(
        "incentives",
        _("Incentives"),
        _("Invest Seoul's incentives and support services, with the date staff last verified them."),
        incentives,
        serializers.IncentiveSerializer,
        IncentiveFilterForm,
    ),
    OpenDataset(
        "conditions",
        _("Incentive conditions"),
        _("The eligibility conditions of each incentive, with thresholds and units."),
        conditions,
        serializers.ConditionRowSerializer,
    ),
]

DATASETS_BY_SLUG = {dataset.slug: dataset for dataset in DATASETS}

# The API also serves each market dataset whole, its points nested; the download has them as rows.
MARKET_DATASETS = OpenDataset(
    "datasets",
    _("Market datasets"),
    _("Each market dataset with its unit, date, source and values."),
    market_datasets,
    serializers.DatasetSerializer,
)

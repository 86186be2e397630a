"""The read-only JSON API under /api/v1/: every dataset as a paginated list and, where records have a
stable slug or key, a detail; filters, language, conditional GET, CORS for reading and a rate limit.
"""

from django.conf import settings
from django.middleware.http import ConditionalGetMiddleware
from django.utils import translation
from django.utils.decorators import decorator_from_middleware, method_decorator
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.throttling import AnonRateThrottle

from companies.models import Company
from events.models import Event
from incentives.models import Incentive
from institutions.models import Institution
from opendata import datasets, serializers
from seoul.models import KeyFigure

LANGUAGE_PARAMETER = OpenApiParameter(
    "lang",
    str,
    enum=[code for code, _name in settings.LANGUAGES],
    description="Language of text fields (ko or en). Without it, the Accept-Language header decides; "
    "Korean is the default. A text missing in English comes in Korean.",
)


def choice_parameter(name, choices, description):
    return OpenApiParameter(name, str, enum=[value for value, _label in choices], description=description)


def text_parameter(name, description):
    return OpenApiParameter(name, str, description=description)


class OpenDataPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not raw.isdigit() or not 1 <= int(raw) <= self.max_page_size:
            raise ValidationError(
                {"page_size": [_("Enter a whole number from 1 to %(max)d.") % {"max": self.max_page_size}]}
            )
        return int(raw)

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound as error:
            raise ValidationError({"page": [_("There is no such page.")]}) from error


class AddressRateThrottle(AnonRateThrottle):
    """Requests per visitor address, counted in Django's cache; over the limit: 429 with Retry-After."""

    scope = "api"


@method_decorator(decorator_from_middleware(ConditionalGetMiddleware), name="dispatch")
class OpenDataViewSet(viewsets.ReadOnlyModelViewSet):
    """Lists and details of one open dataset, read in the language asked for."""

    dataset = None
    detail_rows = None
    detail_serializer_class = None
    http_method_names = ["get", "head", "options"]
    pagination_class = OpenDataPagination
    throttle_classes = [AddressRateThrottle]

    def initial(self, request, *args, **kwargs):
        language = request.query_params.get("lang")
        if language is not None:
            if language not in dict(settings.LANGUAGES):
                raise ValidationError({"lang": [_("Use ko (Korean) or en (English).")]})
            translation.activate(language)
            request.LANGUAGE_CODE = language
        super().initial(request, *args, **kwargs)

    def get_queryset(self):
        if self.action == "retrieve" and self.detail_rows:
            return self.detail_rows()
        return self.dataset.rows()

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class:
            return self.detail_serializer_class
        return self.dataset.serializer

    def filter_queryset(self, queryset):
        if self.action != "list" or self.dataset.filter_form is None:
            return queryset
        form = self.dataset.filter_form(self.request.query_params)
        if not form.is_valid():
            raise ValidationError(form.errors)
        return form.filter(queryset)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response["Access-Control-Allow-Headers"] = "Accept, Accept-Language, If-None-Match"
        response["Access-Control-Expose-Headers"] = "Content-Language, ETag, Retry-After"
        return response


def documented(*filters, detail=True):
    views = {"list": extend_schema(parameters=[LANGUAGE_PARAMETER, *filters])}
    if detail:
        views["retrieve"] = extend_schema(parameters=[LANGUAGE_PARAMETER])
    return extend_schema_view(**views)


@documented(
    choice_parameter(
        "kind", [c for c in Company.Kind.choices if c[0] != Company.Kind.OVERSEAS], "Kind of company."
    ),
    text_parameter("district", "District slug, e.g. gangnam (see the districts in /api/v1/companies/)."),
    text_parameter("sector", "Sector slug, e.g. vision."),
    choice_parameter("status", Company.Status.choices, "Whether the company is active, acquired or closed."),
)
class CompanyViewSet(OpenDataViewSet):
    """Companies in Seoul: global AI companies' offices, Korean AI leaders and AI startups."""

    dataset = datasets.DATASETS_BY_SLUG["companies"]
    detail_rows = staticmethod(datasets.company_details)
    detail_serializer_class = serializers.CompanyDetailSerializer
    lookup_field = "slug"


@documented()
class DealViewSet(OpenDataViewSet):
    """M&A deals involving Seoul AI companies, each with its source."""

    dataset = datasets.DATASETS_BY_SLUG["deals"]
    lookup_field = "slug"


@documented(
    choice_parameter("kind", Institution.Kind.choices, "Kind of institution."),
    text_parameter("district", "District slug, e.g. gwanak."),
)
class InstitutionViewSet(OpenDataViewSet):
    """Universities, research institutes, associations and hubs; the detail lists their programmes."""

    dataset = datasets.DATASETS_BY_SLUG["institutions"]
    detail_rows = staticmethod(datasets.institution_details)
    detail_serializer_class = serializers.InstitutionDetailSerializer
    lookup_field = "slug"


@documented()
class ProgrammeViewSet(OpenDataViewSet):
    """Programmes run by the institutions, with the institution's slug."""

    dataset = datasets.DATASETS_BY_SLUG["programmes"]


@documented(
    choice_parameter("season", Event.Season.choices, "When in the year the event is held."),
    choice_parameter("format", Event.Format.choices, "On site, online or both."),
)
class EventViewSet(OpenDataViewSet):
    """AI events in Seoul; start_date and end_date are empty when no edition's dates are known."""

    dataset = datasets.DATASETS_BY_SLUG["events"]
    lookup_field = "slug"


@documented(choice_parameter("topic", KeyFigure.Topic.choices, "Topic of the figure."))
class KeyFigureViewSet(OpenDataViewSet):
    """Headline figures, each with its unit, the date it describes (as_of) and its source."""

    dataset = datasets.DATASETS_BY_SLUG["key-figures"]
    lookup_field = "key"


@documented()
class DatasetViewSet(OpenDataViewSet):
    """Market datasets with all their values, their unit, date (as_of) and source."""

    dataset = datasets.MARKET_DATASETS
    lookup_field = "key"


@documented(choice_parameter("kind", Incentive.Kind.choices, "Kind of incentive."))
class IncentiveViewSet(OpenDataViewSet):
    """Invest Seoul's incentives with their conditions and benefits."""

    dataset = datasets.DATASETS_BY_SLUG["incentives"]
    lookup_field = "slug"

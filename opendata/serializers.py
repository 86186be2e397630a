"""What the API and the downloads say about each record: one set of field names for JSON, CSV and the
OpenAPI description.

Text fields carry the chosen language's value (Korean when the English one is missing); slugs, keys,
codes and numbers are the same in both languages, so rows can be joined across languages.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from companies.models import Company, Deal
from content.models import Source
from events.models import Event
from incentives.models import Benefit, Condition, Incentive
from institutions.models import Institution, Program
from seoul.models import DataPoint, Dataset, KeyFigure


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["key", "title", "publisher", "published_on", "url"]


class PageUrlField(serializers.Field):
    """The record's public page in the chosen language, as an absolute address."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        path = value.get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


PageUrlField = extend_schema_field(OpenApiTypes.URI)(PageUrlField)


class FigureSerializer(serializers.Serializer):
    """A sourced figure: its value, unit, the date it describes and where it comes from."""

    label = serializers.CharField()
    value = serializers.DecimalField(max_digits=20, decimal_places=2, coerce_to_string=False)
    unit = serializers.CharField()
    as_of = serializers.DateField()
    source = SourceSerializer()


class CompanySerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display")
    status_label = serializers.CharField(source="get_status_display")
    district = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    district_name = serializers.CharField(source="district.name", default=None)
    other_districts = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    group = serializers.SerializerMethodField()
    sectors = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    page_url = PageUrlField()

    class Meta:
        model = Company
        fields = [
            "slug",
            "name",
            "kind",
            "kind_label",
            "status",
            "status_label",
            "district",
            "district_name",
            "other_districts",
            "group",
            "founded_year",
            "founding_note",
            "sectors",
            "summary",
            "description",
            "website",
            "page_url",
            "updated_at",
        ]

    @extend_schema_field(OpenApiTypes.STR)
    def get_group(self, company):
        """The group's slug, when the group is published."""
        parent = company.parent
        return parent.slug if parent and parent.is_published else None


class CompanyDetailSerializer(CompanySerializer):
    figures = FigureSerializer(many=True)
    partner_institutions = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta(CompanySerializer.Meta):
        fields = [*CompanySerializer.Meta.fields, "figures", "partner_institutions"]


class CompanyRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Company
        fields = ["slug", "name"]


class DealSerializer(serializers.ModelSerializer):
    acquirer = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    acquirer_name = serializers.CharField(source="acquirer.name")
    target = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    target_name = serializers.CharField(source="target.name")
    source = SourceSerializer()
    page_url = PageUrlField()

    class Meta:
        model = Deal
        fields = [
            "slug",
            "title",
            "acquirer",
            "acquirer_name",
            "target",
            "target_name",
            "year",
            "amount_krw",
            "stake",
            "summary",
            "why_it_matters",
            "source",
            "page_url",
            "updated_at",
        ]


class ProgrammeSerializer(serializers.ModelSerializer):
    institution = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    institution_name = serializers.CharField(source="institution.name")

    class Meta:
        model = Program
        fields = ["id", "institution", "institution_name", "category", "name", "description", "partner"]


class InstitutionProgrammeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Program
        fields = ["id", "category", "name", "description", "partner"]


class InstitutionSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display")
    district = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    district_name = serializers.CharField(source="district.name", default=None)
    other_districts = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    page_url = PageUrlField()

    class Meta:
        model = Institution
        fields = [
            "slug",
            "name",
            "kind",
            "kind_label",
            "district",
            "district_name",
            "other_districts",
            "campus",
            "founded_year",
            "summary",
            "description",
            "website",
            "page_url",
            "updated_at",
        ]


class InstitutionDetailSerializer(InstitutionSerializer):
    programmes = InstitutionProgrammeSerializer(source="programs", many=True)
    figures = FigureSerializer(many=True)
    partner_companies = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta(InstitutionSerializer.Meta):
        fields = [*InstitutionSerializer.Meta.fields, "programmes", "figures", "partner_companies"]


class EventSerializer(serializers.ModelSerializer):
    season_label = serializers.CharField(source="get_season_display")
    format_label = serializers.CharField(source="get_format_display")
    source = SourceSerializer(allow_null=True)
    page_url = PageUrlField()

    class Meta:
        model = Event
        fields = [
            "slug",
            "name",
            "organizer",
            "first_held_year",
            "season",
            "season_label",
            "format",
            "format_label",
            "venue",
            "start_date",
            "end_date",
            "summary",
            "description",
            "website",
            "source",
            "page_url",
            "updated_at",
        ]


class KeyFigureSerializer(serializers.ModelSerializer):
    topic_label = serializers.CharField(source="get_topic_display")
    value = serializers.DecimalField(max_digits=20, decimal_places=2, coerce_to_string=False)
    source = SourceSerializer()

    class Meta:
        model = KeyFigure
        fields = [
            *["key", "topic", "topic_label", "label", "note"],
            *["value", "unit", "as_of", "source", "updated_at"],
        ]


class DataPointSerializer(serializers.ModelSerializer):
    value = serializers.DecimalField(max_digits=20, decimal_places=2, coerce_to_string=False)

    class Meta:
        model = DataPoint
        fields = ["label", "series", "value"]


class DatasetSerializer(serializers.ModelSerializer):
    source = SourceSerializer()
    points = DataPointSerializer(many=True)

    class Meta:
        model = Dataset
        fields = ["key", "title", "caption", "unit", "row_heading", "as_of", "source", "points", "updated_at"]


class DatasetRowSerializer(serializers.ModelSerializer):
    """One data point with its dataset's unit, date and source: a flat row for the download."""

    dataset = serializers.CharField(source="dataset.key")
    dataset_title = serializers.CharField(source="dataset.title")
    value = serializers.DecimalField(max_digits=20, decimal_places=2, coerce_to_string=False)
    unit = serializers.CharField(source="dataset.unit")
    as_of = serializers.DateField(source="dataset.as_of")
    source = SourceSerializer(source="dataset.source")

    class Meta:
        model = DataPoint
        fields = ["dataset", "dataset_title", "label", "series", "value", "unit", "as_of", "source"]


class ConditionSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display")
    threshold = serializers.DecimalField(
        max_digits=16, decimal_places=2, coerce_to_string=False, allow_null=True
    )

    class Meta:
        model = Condition
        fields = ["id", "kind", "kind_label", "threshold", "unit", "text", "alternative_group"]


class ConditionRowSerializer(ConditionSerializer):
    incentive = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    incentive_name = serializers.CharField(source="incentive.name")

    class Meta(ConditionSerializer.Meta):
        fields = ["incentive", "incentive_name", *ConditionSerializer.Meta.fields]


class BenefitSerializer(serializers.ModelSerializer):
    class Meta:
        model = Benefit
        fields = ["text", "max_amount_krw", "share_of_investment_percent", "min_investment_krw"]


class IncentiveSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display")
    source = SourceSerializer()
    conditions = ConditionSerializer(many=True)
    benefits = BenefitSerializer(many=True)
    page_url = PageUrlField()

    class Meta:
        model = Incentive
        fields = [
            "slug",
            "kind",
            "kind_label",
            "name",
            "summary",
            "description",
            "legal_basis",
            "effective_from",
            "last_verified_on",
            "source",
            "conditions",
            "benefits",
            "page_url",
            "updated_at",
        ]

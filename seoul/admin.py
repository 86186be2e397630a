from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from content.admin import ContentAdmin, PublishedAdmin, amount_column
from seoul.models import DataPoint, Dataset, District, KeyFigure, PolicyLine, PublicServiceCase


@admin.register(District)
class DistrictAdmin(ContentAdmin):
    list_display = ("name", "slug", "order")
    search_fields = ("name_ko", "name_en", "slug")
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(KeyFigure)
class KeyFigureAdmin(PublishedAdmin):
    list_display = ("label", "topic", "value", "unit", "as_of", "on_home_page", "is_published", "order")
    list_filter = ("topic", "unit", "on_home_page", "is_published")
    search_fields = ("label_ko", "label_en", "key")
    autocomplete_fields = ("source",)


class DataPointInline(TranslationTabularInline):
    model = DataPoint
    extra = 0


@admin.register(Dataset)
class DatasetAdmin(PublishedAdmin):
    list_display = ("title", "unit", "chart", "as_of", "is_published", "order")
    list_filter = ("chart", "unit", "is_published")
    search_fields = ("title_ko", "title_en", "key")
    autocomplete_fields = ("source",)
    inlines = [DataPointInline]


@admin.register(PolicyLine)
class PolicyLineAdmin(PublishedAdmin):
    list_display = (
        "title",
        "area",
        "year",
        amount_column("budget_krw", _("budget (KRW)")),
        "is_published",
        "order",
    )
    list_filter = ("area", "year", "is_published")
    search_fields = ("title_ko", "title_en", "summary_ko", "summary_en")
    autocomplete_fields = ("source",)


@admin.register(PublicServiceCase)
class PublicServiceCaseAdmin(PublishedAdmin):
    list_display = ("name", "district", "is_published", "order")
    list_filter = ("district", "is_published")
    search_fields = ("name_ko", "name_en")

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from seoul.models import DataPoint, Dataset, District, KeyFigure, PolicyLine, PublicServiceCase, Source


class PublishedAdmin(TabbedTranslationAdmin):
    """Shared by every public content model: drafts are filtered and toggled from the list."""

    list_editable = ("is_published", "order")
    actions = ["publish", "unpublish"]

    @admin.action(description=_("Publish the selected items"))
    def publish(self, request, queryset):
        queryset.update(is_published=True)

    @admin.action(description=_("Unpublish the selected items (keep them as drafts)"))
    def unpublish(self, request, queryset):
        queryset.update(is_published=False)


@admin.register(District)
class DistrictAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug", "order")
    search_fields = ("name_ko", "name_en", "slug")
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(Source)
class SourceAdmin(TabbedTranslationAdmin):
    list_display = ("title", "publisher", "published_on")
    search_fields = ("title_ko", "title_en", "publisher_ko", "publisher_en", "key")
    date_hierarchy = "published_on"


@admin.register(KeyFigure)
class KeyFigureAdmin(PublishedAdmin):
    list_display = ("label", "topic", "value", "unit", "as_of", "is_published", "order")
    list_filter = ("topic", "unit", "is_published")
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
    list_display = ("title", "area", "year", "budget_krw", "is_published", "order")
    list_filter = ("area", "year", "is_published")
    search_fields = ("title_ko", "title_en", "summary_ko", "summary_en")
    autocomplete_fields = ("source",)


@admin.register(PublicServiceCase)
class PublicServiceCaseAdmin(PublishedAdmin):
    list_display = ("name", "district", "is_published", "order")
    list_filter = ("district", "is_published")
    search_fields = ("name_ko", "name_en")

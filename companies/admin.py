from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from companies.models import Company, CompanyFigure, CompanyHighlight, Deal, Sector
from content.admin import ContentAdmin, PublishedAdmin, amount_column


@admin.register(Sector)
class SectorAdmin(ContentAdmin):
    list_display = ("name", "slug", "order")
    search_fields = ("name_ko", "name_en", "slug")


class HighlightInline(TranslationTabularInline):
    model = CompanyHighlight
    extra = 0
    autocomplete_fields = ("source",)


class FigureInline(TranslationTabularInline):
    model = CompanyFigure
    extra = 0
    autocomplete_fields = ("source",)


class AcquisitionInline(TranslationTabularInline):
    """The deals where this company was the buyer, so staff see a company's M&A where they expect it."""

    model = Deal
    fk_name = "acquirer"
    extra = 0
    fields = ("title", "target", "year", "amount_krw", "is_published")
    autocomplete_fields = ("target",)
    show_change_link = True


@admin.register(Company)
class CompanyAdmin(PublishedAdmin):
    list_display = ("name", "kind", "district", "founded_year", "status", "is_published", "order")
    list_filter = ("kind", "status", "district", "sectors", "is_published")
    search_fields = ("name_ko", "name_en", "slug", "summary_ko", "summary_en")
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = ("parent", "district", "other_districts")
    filter_horizontal = ("sectors",)
    inlines = [HighlightInline, FigureInline, AcquisitionInline]
    list_select_related = ("district",)


@admin.register(Deal)
class DealAdmin(PublishedAdmin):
    list_display = (
        "title",
        "acquirer",
        "target",
        "year",
        amount_column("amount_krw", _("amount (KRW)")),
        "is_published",
        "order",
    )
    list_filter = ("year", "is_published")
    search_fields = (
        "title_ko",
        "title_en",
        "acquirer__name_ko",
        "acquirer__name_en",
        "target__name_ko",
        "target__name_en",
    )
    autocomplete_fields = ("acquirer", "target", "source")
    list_select_related = ("acquirer", "target")
    fieldsets = [
        (None, {"fields": ("slug", "title", "is_published", "order")}),
        (_("Parties"), {"fields": ("acquirer", "target", "year", "amount_krw", "stake")}),
        (None, {"fields": ("summary", "why_it_matters", "source")}),
    ]

from django.contrib import admin
from modeltranslation.admin import TranslationTabularInline

from content.admin import PublishedAdmin
from institutions.models import Institution, InstitutionFigure, Program, Ranking, RankingEntry


class ProgramInline(TranslationTabularInline):
    model = Program
    extra = 0


class InstitutionFigureInline(TranslationTabularInline):
    model = InstitutionFigure
    extra = 0
    autocomplete_fields = ("source",)


@admin.register(Institution)
class InstitutionAdmin(PublishedAdmin):
    list_display = ("name", "kind", "district", "founded_year", "is_published", "order")
    list_filter = ("kind", "district", "is_published")
    search_fields = ("name_ko", "name_en", "slug", "summary_ko", "summary_en")
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = ("district", "other_districts", "partner_companies")
    inlines = [ProgramInline, InstitutionFigureInline]
    list_select_related = ("district",)


class RankingEntryInline(TranslationTabularInline):
    model = RankingEntry
    extra = 0
    autocomplete_fields = ("institution",)


@admin.register(Ranking)
class RankingAdmin(PublishedAdmin):
    list_display = ("title", "as_of", "is_published", "order")
    list_filter = ("is_published",)
    search_fields = ("title_ko", "title_en")
    autocomplete_fields = ("source",)
    inlines = [RankingEntryInline]

from django.contrib import admin
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from content.admin import ContentAdmin, PublishedAdmin
from incentives.models import Benefit, Condition, ContactPoint, Incentive, SupportSpace


class ConditionInline(TranslationTabularInline):
    model = Condition
    extra = 0


class BenefitInline(TranslationTabularInline):
    model = Benefit
    extra = 0


class SupportSpaceInline(TranslationStackedInline):
    model = SupportSpace
    extra = 0


@admin.register(Incentive)
class IncentiveAdmin(PublishedAdmin):
    list_display = ("name", "kind", "last_verified_on", "is_published", "order")
    list_filter = ("kind", "is_published")
    search_fields = ("name_ko", "name_en", "summary_ko", "summary_en")
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = ("source",)
    inlines = [ConditionInline, BenefitInline, SupportSpaceInline]


@admin.register(ContactPoint)
class ContactPointAdmin(ContentAdmin):
    list_display = ("name", "phone", "email", "is_primary")
    search_fields = ("name_ko", "name_en", "email")

from django import forms
from django.contrib import admin
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from content.admin import ContentAdmin, ContentChangeForm, PublishedAdmin
from incentives.models import (
    ACCEPTED_VALUE_CHOICES,
    Activity,
    Benefit,
    Condition,
    ContactPoint,
    Incentive,
    SeoulIndustry,
    SupportSpace,
)


class ConditionForm(forms.ModelForm):
    """Accepted answers picked from the lists (kinds of project, Seoul industries), not typed as codes."""

    accepted_values = forms.MultipleChoiceField(
        label=Condition._meta.get_field("accepted_values").verbose_name,
        help_text=Condition._meta.get_field("accepted_values").help_text,
        choices=ACCEPTED_VALUE_CHOICES,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )


class ConditionInline(TranslationStackedInline):
    """Each condition is a rule the incentive page and the finder both read."""

    model = Condition
    form = ConditionForm
    extra = 0
    fields = (
        ("kind", "alternative_group", "order"),
        ("answer", "comparison"),
        ("threshold", "unit"),
        "accepted_values",
        "effective_until",
        "text",
    )


class BenefitInline(TranslationTabularInline):
    model = Benefit
    extra = 0


class SupportSpaceInline(TranslationStackedInline):
    model = SupportSpace
    extra = 0


@admin.register(Incentive)
class IncentiveAdmin(PublishedAdmin):
    list_display = ("name", "kind", "effective_until", "last_verified_on", "is_published", "order")
    list_filter = ("kind", "is_published")
    search_fields = ("name_ko", "name_en", "summary_ko", "summary_en")
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = ("source",)
    inlines = [ConditionInline, BenefitInline, SupportSpaceInline]


class ActivityForm(ContentChangeForm):
    industries = forms.MultipleChoiceField(
        label=Activity._meta.get_field("industries").verbose_name,
        help_text=Activity._meta.get_field("industries").help_text,
        choices=SeoulIndustry.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


@admin.register(Activity)
class ActivityAdmin(PublishedAdmin):
    form = ActivityForm
    list_display = ("name", "is_published", "order")
    search_fields = ("name_ko", "name_en", "slug")
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(ContactPoint)
class ContactPointAdmin(ContentAdmin):
    list_display = ("name", "phone", "email", "is_primary")
    search_fields = ("name_ko", "name_en", "email")

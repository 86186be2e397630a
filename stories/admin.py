from django.contrib import admin
from modeltranslation.admin import TranslationStackedInline

from content.admin import PublishedAdmin
from stories.models import Answer, Story


class AnswerInline(TranslationStackedInline):
    model = Answer
    extra = 0


@admin.register(Story)
class StoryAdmin(PublishedAdmin):
    list_display = ("title", "kind", "company", "institution", "is_published", "order")
    list_filter = ("kind", "is_published")
    search_fields = ("title_ko", "title_en", "person_name_ko", "person_name_en")
    prepopulated_fields = {"slug": ("title_en",)}
    autocomplete_fields = ("company", "institution", "source")
    inlines = [AnswerInline]
    list_select_related = ("company", "institution")

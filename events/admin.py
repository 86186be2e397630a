from django.contrib import admin
from modeltranslation.admin import TranslationTabularInline

from content.admin import PublishedAdmin
from events.models import Event, EventFigure


class EventFigureInline(TranslationTabularInline):
    model = EventFigure
    extra = 0
    autocomplete_fields = ("source",)


@admin.register(Event)
class EventAdmin(PublishedAdmin):
    list_display = ("name", "season", "format", "start_date", "is_published", "order")
    list_filter = ("season", "format", "is_published")
    search_fields = ("name_ko", "name_en", "organizer_ko", "organizer_en")
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = ("source",)
    date_hierarchy = "start_date"
    inlines = [EventFigureInline]

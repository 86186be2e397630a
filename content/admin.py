from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from content.models import Citation, ContentReview, Source


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


@admin.register(Source)
class SourceAdmin(TabbedTranslationAdmin):
    list_display = ("title", "publisher", "kind", "published_on", "checked_on")
    list_filter = ("kind", "checked_on")
    search_fields = ("title_ko", "title_en", "publisher_ko", "publisher_en", "key")
    date_hierarchy = "published_on"


@admin.register(Citation)
class CitationAdmin(TabbedTranslationAdmin):
    list_display = ("record_type", "record_key", "field", "source", "has_note")
    list_filter = ("record_type", "field")
    search_fields = ("record_key", "key", "note_ko", "note_en")
    autocomplete_fields = ("source",)

    @admin.display(boolean=True, description=_("note for readers"))
    def has_note(self, citation):
        return bool(citation.note)


@admin.register(ContentReview)
class ContentReviewAdmin(admin.ModelAdmin):
    """Staff record each review of the content; the home page shows the latest date."""

    list_display = ("reviewed_on", "scope", "created_at")
    date_hierarchy = "reviewed_on"

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from content.cache import invalidate_page_cache
from content.models import Source


class PublishedAdmin(TabbedTranslationAdmin):
    """Shared by every public content model: drafts are filtered and toggled from the list."""

    list_editable = ("is_published", "order")
    actions = ["publish", "unpublish"]

    @admin.action(description=_("Publish the selected items"))
    def publish(self, request, queryset):
        queryset.update(is_published=True)
        invalidate_page_cache()  # update() sends no post_save

    @admin.action(description=_("Unpublish the selected items (keep them as drafts)"))
    def unpublish(self, request, queryset):
        queryset.update(is_published=False)
        invalidate_page_cache()


@admin.register(Source)
class SourceAdmin(TabbedTranslationAdmin):
    list_display = ("title", "publisher", "published_on")
    search_fields = ("title_ko", "title_en", "publisher_ko", "publisher_en", "key")
    date_hierarchy = "published_on"

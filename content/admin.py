"""The admin every content model shares: kept history with restore, drafts, schedules and previews.

History is django-reversion's: each admin save, list edit, bulk action, deletion and restore is its own
revision (one record with its inline rows), so restoring one record never rewinds another.
"""

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets, quote, unquote
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, resolve, reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin
from reversion.models import Version

from content.health import checks_for
from content.history import version_changes
from content.models import Citation, ContentReview, PublicationState, Source
from content.money import format_money

SCHEDULE_FIELDS = ("publish_from", "publish_until")


class ContentChangeForm(forms.ModelForm):
    change_note = forms.CharField(
        label=_("Note on this change"),
        required=False,
        max_length=200,
        help_text=_("Kept in the history with your change, e.g. “fixed a typo in the English summary”."),
    )


class ContentAdmin(VersionAdmin, TabbedTranslationAdmin):
    """Every content model staff edit: versions, a readable comparison with today, restore and recover."""

    form = ContentChangeForm
    object_history_template = "admin/content/object_history.html"
    history_latest_first = True

    class Media:
        js = ("js/admin-content.js",)  # long texts side by side, live character counts

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        """Translated text fields carry the wording of their live character count, in the staff's language."""
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        is_text = isinstance(db_field, models.TextField | models.CharField) and not db_field.choices
        if formfield is not None and is_text and hasattr(db_field, "translated_field"):
            formfield.widget.attrs.update(
                {
                    "data-count-label": _("%(count)s characters"),
                    "data-count-max-label": _("%(count)s of %(max)s characters"),
                }
            )
        return formfield

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/history/<int:version_id>/changes/",
                self.admin_site.admin_view(self.version_changes_view),
                name="{}_{}_version_changes".format(*info),
            ),
            path(
                "<path:object_id>/preview/<str:language>/",
                self.admin_site.admin_view(self.preview_view),
                name="{}_{}_preview".format(*info),
            ),
            *super().get_urls(),
        ]

    def admin_url(self, name, *args):
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_{name}", args=args)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if "change_note" not in flatten_fieldsets(fieldsets):
            fieldsets = [*fieldsets, (None, {"fields": ("change_note",)})]
        return fieldsets

    # Every write is its own revision, with the user and the staff member's note.

    def changelist_view(self, request, extra_context=None):
        """Unlike VersionAdmin, no revision around the whole list: each edited record gets its own."""
        context = {"has_change_permission": self.has_change_permission(request), **(extra_context or {})}
        return super(VersionAdmin, self).changelist_view(request, context)

    def save_model(self, request, obj, form, change):
        if reversion.is_active():
            super().save_model(request, obj, form, change)
            return
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(_("Changed in the list"))
            super().save_model(request, obj, form, change)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        self.add_change_note(request)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        self.add_change_note(request)
        return entry

    @staticmethod
    def add_change_note(request):
        note = request.POST.get("change_note", "").strip()[:200]
        if note and reversion.is_active():
            reversion.set_comment(f"{note} — {reversion.get_comment()}")

    def delete_model(self, request, obj):
        self.keep_before_deletion(request, [obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self.keep_before_deletion(request, queryset)
        super().delete_queryset(request, queryset)

    @staticmethod
    def keep_before_deletion(request, records):
        """A last version of each record (and its inline rows), so 'Recover deleted' can bring it back."""
        for record in records:
            with reversion.create_revision():
                reversion.set_user(request.user)
                reversion.set_comment(_("Kept before deletion"))
                reversion.add_to_revision(record)

    # History: the list of versions, and what each one differs in from today.

    def history_view(self, request, object_id, extra_context=None):
        versions = (
            Version.objects.get_for_object_reference(self.model, unquote(object_id))
            .select_related("revision__user")
            .order_by("-revision__date_created", "-pk")
        )
        rows = [
            {
                "version": version,
                "changes_url": self.admin_url("version_changes", quote(version.object_id), version.pk),
                "restore_url": self.admin_url("revision", quote(version.object_id), version.pk),
            }
            for version in versions
        ]
        return super().history_view(request, object_id, {"version_rows": rows, **(extra_context or {})})

    def version_changes_view(self, request, object_id, version_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        version = get_object_or_404(
            Version.objects.get_for_object_reference(self.model, obj.pk).select_related("revision__user"),
            pk=version_id,
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": _("Changes since the version of %(date)s")
            % {"date": date_format(localtime(version.revision.date_created), "DATETIME_FORMAT")},
            "version": version,
            "records": version_changes(version, obj),
            "restore_url": self.admin_url("revision", quote(obj.pk), version.pk),
            "history_url": self.admin_url("history", quote(obj.pk)),
        }
        return TemplateResponse(request, "admin/content/version_changes.html", context)

    # Preview: the public page of a record the public may not see yet.

    def preview_view(self, request, object_id, language):
        """The public detail page of the record as saved, published or not, marked and never indexed.

        Never cached either: like every admin view, admin_view() marks it private and no-store.
        """
        obj = self.get_object(request, unquote(object_id))
        if obj is None or language not in dict(settings.LANGUAGES) or not hasattr(obj, "get_absolute_url"):
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        request.is_content_preview = True
        with translation.override(language):
            request.LANGUAGE_CODE = language
            match = resolve(obj.get_absolute_url())
            response = match.func(request, *match.args, **match.kwargs)
            if hasattr(response, "render"):
                response.render()
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    def preview_links(self, obj):
        if obj is None or not hasattr(obj, "get_absolute_url"):
            return []
        labels = {"ko": _("Preview (한국어)"), "en": _("Preview (English)")}
        return [
            (labels.get(code, name), self.admin_url("preview", quote(obj.pk), code))
            for code, name in settings.LANGUAGES
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        context = {"preview_links": self.preview_links(obj), **(extra_context or {})}
        return super().change_view(request, object_id, form_url, context)


class PublicationStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return PublicationState.choices

    def queryset(self, request, queryset):
        if self.value() in PublicationState.values:
            return queryset.in_state(self.value())
        return queryset


class HealthFilter(admin.SimpleListFilter):
    """The records a content-health line on the admin home counts (``?health=<code>``)."""

    title = _("needs attention")
    parameter_name = "health"

    def lookups(self, request, model_admin):
        return [(check.code, check.message) for check in checks_for(model_admin.model)]

    def queryset(self, request, queryset):
        for check in checks_for(queryset.model):
            if check.code == self.value():
                return queryset.filter(pk__in=check.records().values("pk"))
        return queryset


class PublishedAdmin(ContentAdmin):
    """Shared by every public content model: state column and filter, bulk publish, schedule fields."""

    list_editable = ("is_published", "order")
    actions = ["publish", "unpublish"]

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        position = columns.index("is_published") if "is_published" in columns else len(columns)
        columns.insert(position, "publication_state_column")
        return columns

    def get_list_filter(self, request):
        return [PublicationStateFilter, HealthFilter, *super().get_list_filter(request)]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if "publish_from" not in flatten_fieldsets(fieldsets):
            fieldsets = [*fieldsets, (_("Publication schedule"), {"fields": (SCHEDULE_FIELDS,)})]
        return fieldsets

    @admin.display(description=_("state"))
    def publication_state_column(self, obj):
        state = obj.publication_state
        return format_html(
            '<span class="publication-state publication-state-{}">{}</span>', state, state.label
        )

    @admin.action(description=_("Publish the selected items"))
    def publish(self, request, queryset):
        self.set_published(request, queryset, True)

    @admin.action(description=_("Unpublish the selected items (keep them as drafts)"))
    def unpublish(self, request, queryset):
        self.set_published(request, queryset, False)

    def set_published(self, request, queryset, value):
        """One revision per record, saved through the model, so each change is in its own history."""
        comment = _("Published from the list") if value else _("Unpublished from the list")
        changed = 0
        for record in queryset.filter(is_published=not value):
            with reversion.create_revision():
                reversion.set_user(request.user)
                record.is_published = value
                record.save(update_fields=["is_published", "updated_at"])
                self.log_change(request, record, str(comment))
                reversion.set_comment(comment)
            changed += 1
        self.message_user(
            request,
            ngettext("%(count)d item changed.", "%(count)d items changed.", changed) % {"count": changed},
            messages.SUCCESS,
        )


def amount_column(field_name, description):
    """A list column with the exact amount and its reading, e.g. '943,500,000,000 (9,435억 원)'."""

    @admin.display(description=description, ordering=field_name)
    def column(obj):
        amount = getattr(obj, field_name)
        if amount is None:
            return "—"
        reading = format_money(amount, "KRW", translation.get_language() or settings.LANGUAGE_CODE)
        return format_html('{} <span class="amount-reading">({})</span>', intcomma(int(amount)), reading)

    return column


@admin.register(Source)
class SourceAdmin(ContentAdmin):
    list_display = ("title", "publisher", "kind", "published_on", "checked_on")
    list_filter = ("kind", "checked_on")
    search_fields = ("title_ko", "title_en", "publisher_ko", "publisher_en", "key")
    date_hierarchy = "published_on"


@admin.register(Citation)
class CitationAdmin(ContentAdmin):
    list_display = ("record_type", "record_key", "field", "source", "has_note")
    list_filter = ("record_type", "field")
    search_fields = ("record_key", "key", "note_ko", "note_en")
    autocomplete_fields = ("source",)

    @admin.display(boolean=True, description=_("note for readers"))
    def has_note(self, citation):
        return bool(citation.note)


@admin.register(ContentReview)
class ContentReviewAdmin(VersionAdmin):
    """Staff record each review of the content; the home page shows the latest date."""

    list_display = ("reviewed_on", "scope", "created_at")
    date_hierarchy = "reviewed_on"

"""Staff workflow: triage inquiries (status, assignee, notes), see their email, export them, leave a trace.

Only superusers and the "Inquiry handlers" group (granted in migration 0002) hold the permissions.
What the investor sent is read-only here; staff change only the status, the assignee and their notes.
"""

import csv
from datetime import datetime

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from inquiries.models import Inquiry, InquiryAccessLog, InquiryNote, OutboundEmail
from inquiries.services import inquiry_access_record, inquiry_emails_resend_in_doubt, inquiry_emails_retry

SPREADSHEET_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(inquiry, field_name):
    """A field as Excel should show it: choices as their labels, times local, formulas defused."""
    if display := getattr(inquiry, f"get_{field_name}_display", None):
        value = display()
    else:
        value = getattr(inquiry, field_name)
    if isinstance(value, datetime):
        value = timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    value = "" if value is None else str(value)
    return f"'{value}" if value.startswith(SPREADSHEET_FORMULA_STARTS) else value


class InquiryNoteForm(forms.ModelForm):
    """A note's text is editable by its author only; everyone else reads it (`editor` is set per request)."""

    editor = None

    class Meta:
        model = InquiryNote
        fields = ["text"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.author_id != getattr(self.editor, "pk", None):
            self.fields["text"].disabled = True  # Django ignores posted values of disabled fields


class InquiryNoteInline(admin.StackedInline):
    model = InquiryNote
    form = InquiryNoteForm
    extra = 1
    can_delete = False  # notes are the record of what was done; their author can correct them
    fields = ["text", "author", "created_at"]
    readonly_fields = ["author", "created_at"]

    def get_formset(self, request, obj=None, **kwargs):
        kwargs["form"] = type("InquiryNoteFormForEditor", (InquiryNoteForm,), {"editor": request.user})
        return super().get_formset(request, obj, **kwargs)


class OutboundEmailInline(admin.TabularInline):
    model = OutboundEmail
    extra = 0
    can_delete = False
    fields = ["kind", "to", "delivery", "created_at", "sent_at", "attempts", "last_error"]
    readonly_fields = fields

    @admin.display(description=_("delivery"))
    def delivery(self, email):
        return email.delivery().label

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Inquiry)
class InquiryAdmin(admin.ModelAdmin):
    list_display = [
        "reference",
        "received_at",
        "status",
        "assignee",
        "language",
        "topic",
        "country",
        "possibly_automated",
    ]
    list_filter = [
        "status",
        "possibly_automated",
        "assignee",
        "language",
        "topic",
        "investor_type",
        "investment_size",
        "country",
    ]
    list_select_related = ["assignee"]
    search_fields = ["reference", "name", "organisation", "email", "country", "message"]
    date_hierarchy = "received_at"
    actions = ["export_csv", "retry_unsent_emails", "resend_emails_in_doubt"]
    inlines = [InquiryNoteInline, OutboundEmailInline]
    fieldsets = [
        (
            _("Handling"),
            {"fields": ["reference", "status", "assignee", "received_at", "language", "possibly_automated"]},
        ),
        (_("Investor"), {"fields": ["name", "organisation", "country", "email", "phone", "investor_type"]}),
        (
            _("Inquiry"),
            {"fields": ["topic", "regarding", "investment_size", "timeline", "message"]},
        ),
        (
            _("Consents"),
            {"fields": ["consent_version", "privacy_consent_at", "news_consent_at", "anonymised_at"]},
        ),
    ]
    inquiry_fields = [name for _title, options in fieldsets for name in options["fields"]]
    readonly_fields = [name for name in inquiry_fields if name not in ("status", "assignee")]

    def has_add_permission(self, request):
        return False  # inquiries come from the public form only

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """Shows the inquiry as usual, and records that this staff member opened it."""
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            inquiry = self.get_object(request, unquote(object_id))
            viewed = InquiryAccessLog.Action.VIEWED
            inquiry_access_record(user=request.user, inquiries=[inquiry], action=viewed)
        return response

    def changelist_view(self, request, extra_context=None):
        """Shows the list (or search results) as usual, and records which inquiries this page showed."""
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if request.method == "GET" and response.status_code == 200 and changelist is not None:
            listed = InquiryAccessLog.Action.LISTED
            inquiry_access_record(user=request.user, inquiries=changelist.result_list, action=listed)
        return response

    def save_formset(self, request, form, formset, change):
        """Signs each new internal note with the staff member who wrote it (others' notes are read-only)."""
        for item in formset.save(commit=False):
            if isinstance(item, InquiryNote) and item.pk is None:
                item.author = request.user
            item.save()
        for item in formset.deleted_objects:
            item.delete()

    @admin.action(description=_("Export selected inquiries as CSV (Excel)"), permissions=["view"])
    def export_csv(self, request, queryset):
        inquiries = list(queryset.select_related("assignee"))
        inquiry_access_record(user=request.user, inquiries=inquiries, action=InquiryAccessLog.Action.EXPORTED)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"inquiries-{timezone.localdate():%Y%m%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response.write("\ufeff")  # the byte-order mark makes Excel read the file as UTF-8, so Korean shows
        writer = csv.writer(response)
        writer.writerow([str(Inquiry._meta.get_field(name).verbose_name) for name in self.inquiry_fields])
        writer.writerows([csv_cell(inquiry, name) for name in self.inquiry_fields] for inquiry in inquiries)
        return response

    @admin.action(description=_("Send unsent emails again"), permissions=["change"])
    def retry_unsent_emails(self, request, queryset):
        count = inquiry_emails_retry(inquiries=queryset)
        self.message_user(
            request,
            ngettext("%(count)d email queued.", "%(count)d emails queued.", count) % {"count": count},
            messages.SUCCESS,
        )
        if in_doubt := OutboundEmail.objects.filter(inquiry__in=queryset).in_doubt().count():
            self.message_user(request, in_doubt_message(in_doubt), messages.WARNING)

    @admin.action(
        description=_("Resend emails whose delivery is unknown (after checking they did not arrive)"),
        permissions=["change"],
    )
    def resend_emails_in_doubt(self, request, queryset):
        count = inquiry_emails_resend_in_doubt(inquiries=queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d email of unknown delivery queued again.",
                "%(count)d emails of unknown delivery queued again.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


def in_doubt_message(count):
    return ngettext(
        "%(count)d email was left alone: its delivery is unknown (the worker stopped while sending it). "
        "Check with the recipient, then use “Resend emails whose delivery is unknown”.",
        "%(count)d emails were left alone: their delivery is unknown (the worker stopped while sending "
        "them). Check with the recipients, then use “Resend emails whose delivery is unknown”.",
        count,
    ) % {"count": count}


@admin.register(InquiryAccessLog)
class InquiryAccessLogAdmin(admin.ModelAdmin):
    """Read-only audit trail; by default only superusers can open it."""

    list_display = ["at", "username", "action", "reference"]
    list_filter = ["action", "username"]
    search_fields = ["username", "reference"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

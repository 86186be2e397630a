"""Staff workflow: triage inquiries (status, assignee, notes), see their email, export them, leave a trace.

Only superusers and the "Inquiry handlers" group (granted in migration 0002) hold the permissions.
What the investor sent is read-only here; staff change only the status, the assignee and their notes.
"""

import csv
from datetime import datetime

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from content.spreadsheets import BYTE_ORDER_MARK, spreadsheet_safe
from inquiries.models import Inquiry, InquiryAccessLog, InquiryNote, OutboundEmail
from inquiries.services import inquiry_access_record, inquiry_emails_retry


def csv_cell(inquiry, field_name):
    """A field as Excel should show it: choices as their labels, times local, formulas defused."""
    if display := getattr(inquiry, f"get_{field_name}_display", None):
        value = display()
    else:
        value = getattr(inquiry, field_name)
    if isinstance(value, datetime):
        value = timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    return spreadsheet_safe(value)


class InquiryNoteInline(admin.StackedInline):
    model = InquiryNote
    extra = 1
    fields = ["text", "author", "created_at"]
    readonly_fields = ["author", "created_at"]


class OutboundEmailInline(admin.TabularInline):
    model = OutboundEmail
    extra = 0
    can_delete = False
    fields = ["kind", "to", "created_at", "sent_at", "attempts", "last_error"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Inquiry)
class InquiryAdmin(admin.ModelAdmin):
    list_display = ["reference", "received_at", "status", "assignee", "language", "topic", "country"]
    list_filter = ["status", "assignee", "language", "topic", "investor_type", "investment_size", "country"]
    list_select_related = ["assignee"]
    search_fields = ["reference", "name", "organisation", "email", "country", "message"]
    date_hierarchy = "received_at"
    actions = ["export_csv", "retry_unsent_emails"]
    inlines = [InquiryNoteInline, OutboundEmailInline]
    fieldsets = [
        (_("Handling"), {"fields": ["reference", "status", "assignee", "received_at", "language"]}),
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

    def save_formset(self, request, form, formset, change):
        """Signs each new internal note with the staff member who wrote it."""
        for item in formset.save(commit=False):
            if isinstance(item, InquiryNote) and item.author_id is None:
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
        response.write(BYTE_ORDER_MARK)
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

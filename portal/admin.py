"""The staff admin's front page: what needs attention first (new inquiries, content health), then the apps.

Branded as the portal's, in the staff's language; django-tasks' internals are for superusers only.
Sign-in (two-factor, lockout) is the site's base class, in portal/staff_sign_in.py.
"""

from django.utils.translation import gettext_lazy as _

from content.health import health_report
from content.staff import CONTENT_APPS
from inquiries.models import Inquiry
from portal.staff_sign_in import PortalAdminSite as SignInAdminSite

TASK_APPS = {"django_tasks_database": _("Background tasks (outgoing email)")}
TASK_MODELS = {"DBTaskResult": _("Task results")}
NEWEST_INQUIRIES = 5


class PortalAdminSite(SignInAdminSite):
    site_header = _("Invest Seoul AI portal — staff")
    site_title = _("Invest Seoul AI portal — staff")
    index_title = _("What needs attention")
    index_template = "admin/portal_index.html"

    def get_app_list(self, request, app_label=None):
        app_list = super().get_app_list(request, app_label)
        if not request.user.is_superuser:
            return [app for app in app_list if app["app_label"] not in TASK_APPS]
        for app in app_list:
            if app["app_label"] in TASK_APPS:
                app["name"] = TASK_APPS[app["app_label"]]
                for model in app["models"]:
                    model["name"] = TASK_MODELS.get(model["object_name"], model["name"])
        return app_list

    def index(self, request, extra_context=None):
        context = {**self.inquiries_context(request), **(extra_context or {})}
        if any(request.user.has_module_perms(label) for label in CONTENT_APPS):
            context["health_lines"] = health_report()
        return super().index(request, context)

    @staticmethod
    def inquiries_context(request):
        if not request.user.has_perm("inquiries.view_inquiry"):
            return {}
        new = Inquiry.objects.filter(status=Inquiry.Status.NEW)
        return {
            "new_inquiries": list(new.select_related("assignee")[:NEWEST_INQUIRIES]),
            "new_inquiry_count": new.count(),
            "my_open_inquiry_count": Inquiry.objects.filter(
                assignee=request.user, status__in=[Inquiry.Status.NEW, Inquiry.Status.IN_PROGRESS]
            ).count(),
        }

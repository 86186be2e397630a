from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")


class PortalAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the portal's admin site (portal/admin.py) as the default site."""

    default = False  # PortalConfig stays this module's default app config
    default_site = "portal.admin.PortalAdminSite"

"""Django's admin app with the portal's own admin site (two-factor sign-in), importable before models load."""

from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    default_site = "portal.staff_sign_in.PortalAdminSite"

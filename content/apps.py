from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = _("Content: sources and publishing")

    def ready(self):
        from content.staff import sync_content_editors

        post_migrate.connect(sync_content_editors, dispatch_uid="content.sync_content_editors")

from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = _("Content: sources and publishing")

    def ready(self):
        from content.cache import invalidate_on_content_change
        from content.staff import sync_content_editors

        post_migrate.connect(sync_content_editors, dispatch_uid="content.sync_content_editors")
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(invalidate_on_content_change, dispatch_uid=f"content.page_cache.{id(signal)}")

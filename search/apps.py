from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from search import signals

        signals.connect_index_updates()
        post_migrate.connect(signals.fill_an_empty_index, sender=self)
        post_migrate.connect(signals.let_content_editors_edit_synonyms, sender=self)
        connection_created.connect(signals.set_typo_threshold)

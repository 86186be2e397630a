"""Keep the search index current: every save or delete of a searchable record, or of a part shown on
its page, re-indexes that record. Connected in ``SearchConfig.ready``; content apps know nothing of it."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import connections
from django.db.models.signals import m2m_changed, post_delete, post_save

from content.staff import CONTENT_EDITORS
from search.documents import DOCUMENTS
from search.models import SearchEntry


def reindex(document, obj):
    SearchEntry.objects.store(document, obj)
    for dependent_document, dependent in document.dependents(obj):
        SearchEntry.objects.store(dependent_document, dependent)


def record_saved(document):
    def handler(sender, instance, raw=False, **kwargs):
        if not raw:  # fixtures load rows half-linked; run rebuild_search_index after loaddata
            reindex(document, instance)

    return handler


def record_deleted(document):
    def handler(sender, instance, **kwargs):
        SearchEntry.objects.forget(document, instance.pk)

    return handler


def part_changed(document, foreign_key):
    def handler(sender, instance, raw=False, **kwargs):
        if raw:
            return
        parent_id = getattr(instance, f"{foreign_key}_id")
        parent = document.model._default_manager.filter(pk=parent_id).first()
        if parent is not None:  # None while the parent itself is being deleted
            reindex(document, parent)

    return handler


def company_sectors_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    document = next(document for document in DOCUMENTS if document.key == "companies")
    companies = [instance] if not reverse else document.model._default_manager.filter(sectors=instance)
    for company in companies:
        reindex(document, company)


def sector_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        company_sectors_changed(sender, instance, "post_save", True, None)


# Handlers are kept here: signals hold only weak references to them.
_handlers = []


def connect_index_updates():
    for document in DOCUMENTS:
        saved, deleted = record_saved(document), record_deleted(document)
        _handlers.extend([saved, deleted])
        post_save.connect(saved, sender=document.model_label, dispatch_uid=f"search-{document.key}-save")
        post_delete.connect(
            deleted, sender=document.model_label, dispatch_uid=f"search-{document.key}-delete"
        )
        for part_label, foreign_key in document.parts.items():
            changed = part_changed(document, foreign_key)
            _handlers.append(changed)
            uid = f"search-{document.key}-{part_label}"
            post_save.connect(changed, sender=part_label, dispatch_uid=f"{uid}-save")
            post_delete.connect(changed, sender=part_label, dispatch_uid=f"{uid}-delete")
    company_model = apps.get_model("companies.Company")
    m2m_changed.connect(company_sectors_changed, sender=company_model.sectors.through)
    post_save.connect(sector_saved, sender="companies.Sector")


def fill_an_empty_index(sender, using="default", **kwargs):
    """After ``migrate``: a database that has content but no index yet (a first deploy) gets one."""
    if SearchEntry._meta.db_table not in connections[using].introspection.table_names():
        return  # migrated back to before the index existed
    if SearchEntry.objects.exists():
        return
    if any(document.model._default_manager.exists() for document in DOCUMENTS):
        SearchEntry.objects.rebuild()


def let_content_editors_edit_synonyms(sender, **kwargs):
    """Synonyms are content work: the "Content editors" group may add, change and delete them."""
    editors, _created = Group.objects.get_or_create(name=CONTENT_EDITORS)
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label="search", codename__endswith="synonymgroup")
    )


def set_typo_threshold(sender, connection, **kwargs):
    """How close a word must be to a name to count as a typo of it. The trigram index answers
    "word <% names" only at the connection's threshold, so every connection gets the same one."""
    if connection.vendor == "postgresql":
        from search.query import TYPO_SIMILARITY

        with connection.cursor() as cursor:
            cursor.execute(f"SET pg_trgm.word_similarity_threshold = {float(TYPO_SIMILARITY)}")

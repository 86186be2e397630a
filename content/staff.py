"""The "Content editors" staff group: every permission on every content app, kept current on migrate.

Synced after each `migrate` (not frozen in a data migration), so a model added later is editable by
the group without anyone remembering to grant it. Only superusers manage users and groups.
"""

from django.contrib.auth.models import Group, Permission

CONTENT_APPS = ("content", "seoul", "companies", "institutions", "events", "incentives", "stories")
CONTENT_EDITORS = "Content editors"


def sync_content_editors(sender=None, **kwargs):
    editors, _created = Group.objects.get_or_create(name=CONTENT_EDITORS)
    editors.permissions.add(*Permission.objects.filter(content_type__app_label__in=CONTENT_APPS))

"""Give the "Inquiry handlers" group what it needs to handle inquiries, and nobody else anything.

Handlers may view and update inquiries (status, assignee), write internal notes and see the email log.
They may not add or delete inquiries (the form adds them; `purge_inquiries` erases them) and may not
read the access log, which is for superusers.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Inquiry handlers"
CODENAMES = [
    "view_inquiry",
    "change_inquiry",
    "view_inquirynote",
    "add_inquirynote",
    "change_inquirynote",
    "delete_inquirynote",
    "view_outboundemail",
]


def grant_inquiry_permissions(apps, schema_editor):
    # Permissions are normally created after all migrations (post_migrate); create them now.
    app_config = apps.get_app_config("inquiries")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="inquiries", codename__in=CODENAMES)
    )


def revoke_inquiry_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=GROUP_NAME):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="inquiries", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("inquiries", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_inquiry_permissions, revoke_inquiry_permissions)]

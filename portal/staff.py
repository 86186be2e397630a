"""Staff groups: who may edit what in the admin. Only superusers manage users and groups."""

CONTENT_APPS = ("seoul", "companies", "institutions", "events", "incentives", "stories")
CONTENT_EDITORS = "Content editors"
INQUIRY_HANDLERS = "Inquiry handlers"


def grant_content_permissions(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _created = Group.objects.get_or_create(name=CONTENT_EDITORS)
    editors.permissions.add(*Permission.objects.filter(content_type__app_label__in=CONTENT_APPS))
    Group.objects.get_or_create(name=INQUIRY_HANDLERS)

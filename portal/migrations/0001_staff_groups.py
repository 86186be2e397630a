from django.db import migrations

from portal.staff import grant_content_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("seoul", "0001_initial"),
        ("companies", "0001_initial"),
        ("institutions", "0001_initial"),
        ("events", "0001_initial"),
        ("incentives", "0001_initial"),
        ("stories", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant_content_permissions, migrations.RunPython.noop)]

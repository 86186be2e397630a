from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0001_move_source_from_seoul"),
        ("seoul", "0004_delete_source"),
    ]

    operations = [migrations.AlterModelTable(name="source", table=None)]

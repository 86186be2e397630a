from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    """pg_trgm lets search forgive typos ("samsng") and match parts of Korean words."""

    dependencies = []

    operations = [TrigramExtension()]

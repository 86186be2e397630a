from django.core.management.base import BaseCommand

from search.models import SearchEntry


class Command(BaseCommand):
    help = "Index every record afresh; needed only after changes that bypass save() (loaddata, bulk updates)."

    def handle(self, *args, **options):
        count = SearchEntry.objects.rebuild()
        self.stdout.write(f"Search index: {count} records indexed.")

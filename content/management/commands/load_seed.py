import reversion
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from content.seeding import Loader, SeedError


class VersionedLoader(Loader):
    """Each top-level record the files create or rewrite gets its own version, so staff can compare
    with it and restore their own edit after a `--update` (one revision per record, never one for all)."""

    def upsert(self, model, record, *, parent=None, position=None):
        if parent is not None:
            return super().upsert(model, record, parent=parent, position=position)
        with reversion.create_revision():
            with translation.override(settings.LANGUAGE_CODE):  # history comments in the staff's language
                reversion.set_comment(
                    _("Rewritten from the seed files (load_seed --update)")
                    if self.update
                    else _("Created from the seed files (load_seed)")
                )
            return super().upsert(model, record)


class Command(BaseCommand):
    help = (
        "Load the brochure's content from each app's seed/*.yaml, creating what is missing. Existing "
        "records are kept as staff left them; --update rewrites them from the files and removes child rows "
        "the files no longer have. Safe to run again: nothing is duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Overwrite existing records from the files; remove child rows the files dropped.",
        )

    def handle(self, *args, update=False, **options):
        try:
            report = VersionedLoader(update=update).load_all()
        except SeedError as error:
            raise CommandError(f"Seed content not loaded (nothing was changed): {error}") from error
        created = sum(report.created.values())
        updated = sum(report.updated.values())
        unchanged = sum(report.unchanged.values())
        deleted = sum(report.deleted.values())
        self.stdout.write(
            f"Seed content: {created} created, {updated} updated, {unchanged} already present"
            + (f", {deleted} removed (no longer in the files)." if deleted else ".")
        )
        if options["verbosity"] > 1:
            for label in sorted({*report.created, *report.updated, *report.unchanged, *report.deleted}):
                counts = (
                    report.created.get(label, 0),
                    report.updated.get(label, 0),
                    report.unchanged.get(label, 0),
                    report.deleted.get(label, 0),
                )
                self.stdout.write(
                    "  {:<32} created {:>3}, updated {:>3}, present {:>3}, removed {:>3}".format(
                        label, *counts
                    )
                )

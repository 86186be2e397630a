import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from content.audit import ERROR, audit, has_errors
from content.health import health_report


class Command(BaseCommand):
    help = (
        "List every published figure, date, district, link or legal basis without a source, and every "
        "source without the date it was checked; then the content health counts the admin home shows "
        "(a language missing, stale figures and verifications, companies marked active though acquired, "
        "drafts scheduled soon). Exits with status 1 when there is an error; staleness is a warning "
        "unless --fail-on-stale."
    )

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print the findings as a JSON list.")
        parser.add_argument(
            "--fail-on-stale", action="store_true", help="Exit with status 1 when any data is stale too."
        )

    def handle(self, *args, **options):
        findings = audit()
        with translation.override("en"):
            # The audit above lists each unsourced record; the health lines count everything else.
            health = [line for line in health_report() if line.check.code != "no-source"]
            health_text = [str(line) for line in health]
            health_items = [line.as_dict() for line in health]
        if options["json"]:
            items = [item.as_dict() for item in findings] + health_items
            self.stdout.write(json.dumps(items, ensure_ascii=False, indent=2))
        else:
            for item in findings:
                self.stdout.write(str(item))
            errors = sum(1 for item in findings if item.severity == ERROR)
            self.stdout.write(f"Content audit: {errors} errors, {len(findings) - errors} warnings.")
            self.stdout.write("Content health:")
            for line in health_text:
                self.stdout.write(f"  {line}")
        if has_errors(findings) or any(line.severity == ERROR for line in health):
            raise CommandError("The content audit found unsourced facts or missing languages.", returncode=1)
        if options["fail_on_stale"] and any(line.check.code.startswith("stale-") for line in health):
            raise CommandError("The content audit found stale data (--fail-on-stale).", returncode=1)

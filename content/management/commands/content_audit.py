import json

from django.core.management.base import BaseCommand, CommandError

from content.audit import audit, has_errors


class Command(BaseCommand):
    help = (
        "List every published figure, date, district, link or legal basis without a source, and every "
        "source without the date it was checked. Exits with status 1 when there is an error."
    )

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print the findings as a JSON list.")

    def handle(self, *args, **options):
        findings = audit()
        if options["json"]:
            self.stdout.write(json.dumps([item.as_dict() for item in findings], ensure_ascii=False, indent=2))
        else:
            for item in findings:
                self.stdout.write(str(item))
            errors = sum(1 for item in findings if item.severity == "error")
            self.stdout.write(f"Content audit: {errors} errors, {len(findings) - errors} warnings.")
        if has_errors(findings):
            raise CommandError("The content audit found unsourced facts.", returncode=1)

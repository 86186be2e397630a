"""Erase the personal data of inquiries older than PORTAL_INQUIRY_RETENTION_DAYS (default 3 years).

The privacy notice promises this period, so run it every day. Anonymised inquiries keep their
reference, dates, status, country and the choices made (for statistics); names, organisations, email
addresses, phone numbers, messages, notes and the sender fingerprint are erased for good.

    python manage.py purge_inquiries --dry-run   # how many would be anonymised, changes nothing
    python manage.py purge_inquiries             # anonymise them

From cron (daily at 03:30, as the user that runs the portal, with its environment):

    30 3 * * *  cd /srv/portal && .venv/bin/python manage.py purge_inquiries >> /var/log/portal/purge.log 2>&1

Or with systemd, a service and a timer:

    # /etc/systemd/system/portal-purge-inquiries.service
    [Unit]
    Description=Invest Seoul portal: anonymise inquiries past their retention period
    [Service]
    Type=oneshot
    User=portal
    WorkingDirectory=/srv/portal
    EnvironmentFile=/etc/portal/env
    ExecStart=/srv/portal/.venv/bin/python manage.py purge_inquiries

    # /etc/systemd/system/portal-purge-inquiries.timer
    [Unit]
    Description=Daily inquiry retention purge
    [Timer]
    OnCalendar=*-*-* 03:30
    Persistent=true
    [Install]
    WantedBy=timers.target

    systemctl enable --now portal-purge-inquiries.timer
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from inquiries.models import Inquiry
from inquiries.services import inquiries_anonymise_expired


class Command(BaseCommand):
    help = "Anonymise inquiries older than the retention period (PORTAL_INQUIRY_RETENTION_DAYS). Run daily."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be anonymised.")

    def handle(self, *args, dry_run=False, **options):
        days = settings.PORTAL_INQUIRY_RETENTION_DAYS
        if dry_run:
            count = Inquiry.objects.past_retention().count()
            self.stdout.write(f"{count} inquiries older than {days} days would be anonymised (dry run).")
            return
        count = inquiries_anonymise_expired()
        self.stdout.write(f"{count} inquiries older than {days} days anonymised.")

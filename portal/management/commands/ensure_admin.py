import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

PASSWORD_FILE = settings.LOCAL_DIR / "admin-password"
LOGIN_NOTE = settings.LOCAL_DIR / "admin-login"


class Command(BaseCommand):
    help = (
        "Make sure a staff superuser exists. With DJANGO_SUPERUSER_USERNAME, _PASSWORD and _EMAIL set, "
        "that user is created or updated; otherwise a local 'admin' gets a generated password, printed "
        "once and kept in .local/admin-password."
    )

    def handle(self, *args, **options):
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME")
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        if username and password:
            self.ensure(username, password, os.environ.get("DJANGO_SUPERUSER_EMAIL", ""))
            note = f"log in as {username!r} with DJANGO_SUPERUSER_PASSWORD"
        else:
            note = self.ensure_local_admin()
        LOGIN_NOTE.parent.mkdir(exist_ok=True)
        LOGIN_NOTE.write_text(note)

    def ensure(self, username, password, email):
        user, created = get_user_model().objects.get_or_create(username=username)
        user.email = email or user.email
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        self.stdout.write(f"Superuser {username!r} {'created' if created else 'updated'}.")

    def ensure_local_admin(self):
        users = get_user_model().objects
        if users.filter(username="admin").exists() and PASSWORD_FILE.exists():
            return "log in as 'admin', password in .local/admin-password"
        password = secrets.token_urlsafe(12)
        self.ensure("admin", password, "admin@localhost")
        PASSWORD_FILE.parent.mkdir(exist_ok=True)
        PASSWORD_FILE.write_text(password + "\n")
        PASSWORD_FILE.chmod(0o600)
        self.stdout.write(
            self.style.SUCCESS(f"Admin login: user 'admin', password {password} (kept in {PASSWORD_FILE})")
        )
        return "log in as 'admin', password in .local/admin-password"

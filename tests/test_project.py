"""Project-wide checks: migrations match the models, translations are complete and compile, staff groups
exist."""

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = Path("locale/ko/LC_MESSAGES/django.po")
NOT_PROJECT_FILES = (".venv", ".git", ".local", "staticfiles", "test-artifacts", "media", "__pycache__")


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_content_editors_edit_content_but_not_users_or_inquiries():
    editors = Group.objects.get(name="Content editors")
    codenames = set(editors.permissions.values_list("content_type__app_label", "codename"))
    assert ("companies", "change_company") in codenames
    assert ("incentives", "change_incentive") in codenames
    assert not any(app in {"auth", "inquiries"} for app, _codename in codenames)


@pytest.mark.django_db
def test_the_inquiry_handlers_group_exists():
    assert Group.objects.filter(name="Inquiry handlers").exists()


@pytest.mark.django_db
def test_the_superuser_named_in_the_environment_is_created_then_updated(monkeypatch, tmp_path, settings):
    from django.contrib.auth import get_user_model

    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "kim")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "first-password-123")
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "kim@investseoul.example")
    monkeypatch.setattr("portal.management.commands.ensure_admin.LOGIN_NOTE", tmp_path / "admin-login")
    call_command("ensure_admin", stdout=io.StringIO())
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "second-password-456")
    call_command("ensure_admin", stdout=io.StringIO())

    user = get_user_model().objects.get(username="kim")
    assert user.is_superuser
    assert user.check_password("second-password-456")
    assert "kim" in (tmp_path / "admin-login").read_text()


@pytest.mark.django_db
def test_without_environment_a_local_admin_gets_a_password_printed_once_and_kept(monkeypatch, tmp_path):
    from django.contrib.auth import get_user_model

    for name in ("DJANGO_SUPERUSER_USERNAME", "DJANGO_SUPERUSER_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    password_file = tmp_path / "admin-password"
    monkeypatch.setattr("portal.management.commands.ensure_admin.PASSWORD_FILE", password_file)
    monkeypatch.setattr("portal.management.commands.ensure_admin.LOGIN_NOTE", tmp_path / "admin-login")

    first, second = io.StringIO(), io.StringIO()
    call_command("ensure_admin", stdout=first)
    call_command("ensure_admin", stdout=second)

    password = password_file.read_text().strip()
    assert password in first.getvalue()
    assert password not in second.getvalue()
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert oct(password_file.stat().st_mode)[-3:] == "600"


def message_ids(catalogue, *msgattrib_options):
    """The msgids msgattrib lists with these options (e.g. --untranslated), without the header entry."""
    listed = subprocess.run(
        ["msgattrib", *msgattrib_options, "--no-wrap", str(catalogue)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [line for line in listed.splitlines() if line.startswith("msgid ") and line != 'msgid ""']


@pytest.fixture(scope="module")
def refreshed_catalogue(tmp_path_factory):
    """The Korean catalogue as `make messages` would leave it, refreshed in a copy of the project so the
    working tree is untouched: every message of the code and templates is in it."""
    copy = tmp_path_factory.mktemp("project") / "portal"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(*NOT_PROJECT_FILES))
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "ko", "--no-obsolete", "--add-location", "file"],
        cwd=copy,
        capture_output=True,
        check=True,
    )
    return copy / CATALOGUE


def test_every_message_in_the_code_has_a_korean_translation(refreshed_catalogue):
    assert message_ids(refreshed_catalogue, "--untranslated") == []
    assert message_ids(refreshed_catalogue, "--only-fuzzy") == []
    assert len(message_ids(refreshed_catalogue)) > 300


def test_the_korean_catalogue_compiles_with_matching_placeholders():
    checked = subprocess.run(
        ["msgfmt", "--check", "--output-file=/dev/null", str(ROOT / CATALOGUE)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr


def test_the_lock_file_pins_every_dependency_of_pyproject_with_hashes():
    """requirements.txt is pip-compile's output for pyproject.toml: run make lock after changing it."""
    import re
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    lock = (root / "requirements.txt").read_text()
    pins = dict(re.findall(r"^([a-z0-9][a-z0-9._-]*)==(\S+) \\", lock, flags=re.MULTILINE))

    def normalised(requirement):
        return (
            re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0].lower().replace("_", "-").replace(".", "-")
        )

    wanted = [normalised(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]]
    assert [name for name in wanted if name not in pins] == []
    entries = lock.split("\n    # via")
    assert all("--hash=sha256:" in entry for entry in entries[:-1]), "every pin carries its hashes"

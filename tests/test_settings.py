"""Settings read from the environment: strict yes/no values, production refuses local defaults, security."""

import importlib
import logging
import re
import runpy
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.templatetags.static import static
from django.urls import clear_url_caches, reverse

from portal.settings import env_bool

SETTINGS_FILE = Path(__file__).resolve().parent.parent / "portal" / "settings.py"
PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "DJANGO_SECRET_KEY": "k7Qv2s9XbLmPz4RtYw8NcFhJd3GaKe6UoVi1SqTx5BnMy0ZlCr",
    "DJANGO_ALLOWED_HOSTS": "ai.investseoul.example",
    "PORTAL_SITE_URL": "https://ai.investseoul.example",
}


def load_settings(monkeypatch, **environ):
    """Run portal/settings.py afresh under the given environment; returns its names."""
    for name in [*PRODUCTION_ENV, "DJANGO_DEBUG", "DJANGO_SSL_REDIRECT"]:
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS_FILE))


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("YES", True), ("1", True), ("off", False)])
def test_env_bool_reads_the_usual_words(monkeypatch, value, expected):
    monkeypatch.setenv("PORTAL_FLAG", value)
    assert env_bool("PORTAL_FLAG", not expected) is expected


def test_env_bool_keeps_the_default_when_unset_or_empty(monkeypatch):
    monkeypatch.delenv("PORTAL_FLAG", raising=False)
    assert env_bool("PORTAL_FLAG", True) is True
    monkeypatch.setenv("PORTAL_FLAG", "")
    assert env_bool("PORTAL_FLAG", False) is False


@pytest.mark.parametrize("value", ["ture", "enabled", "2", "y es"])
def test_env_bool_refuses_a_value_it_does_not_understand(monkeypatch, value):
    monkeypatch.setenv("PORTAL_FLAG", value)
    with pytest.raises(ImproperlyConfigured, match="PORTAL_FLAG"):
        env_bool("PORTAL_FLAG", False)


def test_a_misspelt_security_switch_stops_start_up(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECURE_COOKIES"):
        load_settings(monkeypatch, DJANGO_SECURE_COOKIES="flase")


def test_production_starts_with_every_value_given(monkeypatch):
    values = load_settings(monkeypatch, **PRODUCTION_ENV)
    assert values["DEBUG"] is False
    assert values["SECRET_KEY"] == PRODUCTION_ENV["DJANGO_SECRET_KEY"]
    assert values["ALLOWED_HOSTS"] == ["ai.investseoul.example"]
    assert values["CSRF_TRUSTED_ORIGINS"] == ["https://ai.investseoul.example"]
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SESSION_COOKIE_SECURE"] is values["CSRF_COOKIE_SECURE"] is True


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("DJANGO_SECRET_KEY", "DJANGO_SECRET_KEY"),
        ("DJANGO_ALLOWED_HOSTS", "DJANGO_ALLOWED_HOSTS"),
        ("PORTAL_SITE_URL", "PORTAL_SITE_URL"),
    ],
)
def test_production_refuses_to_start_on_a_local_default(monkeypatch, missing, message):
    environ = {name: value for name, value in PRODUCTION_ENV.items() if name != missing}
    with pytest.raises(ImproperlyConfigured, match=message):
        load_settings(monkeypatch, **environ)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DJANGO_SECRET_KEY", "short"),
        ("DJANGO_SECRET_KEY", "django-insecure-" + "x1y2z3" * 10),
        ("DJANGO_ALLOWED_HOSTS", "*"),
        ("PORTAL_SITE_URL", "http://ai.investseoul.example"),
        ("DJANGO_DEBUG", "true"),
    ],
)
def test_production_refuses_a_weak_value(monkeypatch, name, value):
    with pytest.raises(ImproperlyConfigured, match=name):
        load_settings(monkeypatch, **{**PRODUCTION_ENV, name: value})


def test_an_unknown_environment_name_stops_start_up(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_ENV"):
        load_settings(monkeypatch, DJANGO_ENV="prod")


def test_the_admin_address_comes_from_the_environment(monkeypatch):
    assert load_settings(monkeypatch)["PORTAL_ADMIN_URL"] == "admin/"
    assert load_settings(monkeypatch, PORTAL_ADMIN_URL="/staff-7f3a/")["PORTAL_ADMIN_URL"] == "staff-7f3a/"


@pytest.fixture
def admin_at_another_address(settings):
    import portal.urls

    settings.PORTAL_ADMIN_URL = "staff-7f3a/"
    importlib.reload(portal.urls)
    clear_url_caches()
    yield
    settings.PORTAL_ADMIN_URL = "admin/"
    importlib.reload(portal.urls)
    clear_url_caches()


@pytest.mark.django_db
@pytest.mark.usefixtures("admin_at_another_address")
def test_the_admin_is_served_at_the_configured_address_only(client):
    assert reverse("admin:login") == "/staff-7f3a/login/"
    assert client.get("/staff-7f3a/login/").status_code == 200
    assert client.get("/admin/login/").status_code == 404


@pytest.mark.django_db
def test_https_requests_get_hsts_for_a_year_with_subdomains(client, settings):
    response = client.get("/healthz", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


@pytest.mark.django_db
def test_plain_http_is_redirected_to_https_but_health_probes_are_not(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/en/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/en/"
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_behind_the_proxy_its_https_header_is_trusted(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = client.get("/healthz", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    assert "Strict-Transport-Security" in response


@pytest.mark.django_db
def test_every_response_carries_a_permissions_policy(client):
    policy = client.get("/healthz")["Permissions-Policy"]
    assert "camera=()" in policy
    assert "geolocation=()" in policy


@pytest.mark.django_db
def test_a_foreign_host_name_is_logged_as_one_line_without_traceback(client, caplog):
    with caplog.at_level(logging.ERROR, logger="django.security.DisallowedHost"):
        response = client.get("/en/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "<h1>" in response.content.decode(), "the styled page, not Django's bare one"
    (record,) = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert record.exc_info is None
    assert "\n" not in record.getMessage()
    assert "evil.example" in record.getMessage()


@pytest.mark.django_db
def test_a_staff_session_ends_after_idle_minutes_and_each_request_restarts_the_clock(client, settings):
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    staff = get_user_model().objects.create_superuser("lee", "lee@investseoul.example", "pw-long-enough-1")
    client.force_login(staff)
    idle = timedelta(minutes=settings.PORTAL_SESSION_IDLE_MINUTES)
    session = Session.objects.get()
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() + timedelta(minutes=1))
    assert client.get(reverse("admin:index")).status_code == 200
    assert Session.objects.get().expire_date > timezone.now() + idle - timedelta(minutes=1)

    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_hashed_static_files_are_cached_for_a_year_and_never_revalidated(client):
    response = client.get(static("css/portal.css"))
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "immutable" in cache_control
    assert int(re.search(r"max-age=(\d+)", cache_control).group(1)) >= 365 * 24 * 3600

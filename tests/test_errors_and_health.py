"""Styled error pages in the visitor's language, a 503 while the database is away, and health checks."""

import signal
from contextlib import contextmanager

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import OperationalError, connection
from django_tasks_db.models import DBTaskResult

from tests.test_pages import h1_count


@contextmanager
def database_unreachable():
    """Every query fails as it does when PostgreSQL is down."""

    def refuse(execute, sql, params, many, context):
        raise OperationalError("connection to server failed: No such file or directory")

    with connection.execute_wrapper(refuse):
        yield


def run_worker_once():
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


@pytest.fixture
def client(client):
    """Exceptions become the error pages a visitor would see, as under gunicorn."""
    client.raise_request_exception = False
    return client


def test_a_ten_megabyte_post_gets_the_styled_413_in_the_visitors_language(client, db):
    response = client.post("/en/contact/", {"message": "x" * (10 * 1024 * 1024)})
    assert response.status_code == 413
    html = response.content.decode()
    assert "What you sent is too large" in html
    assert '<html lang="en">' in html
    assert h1_count(response) == 1


def test_a_post_with_too_many_fields_gets_the_styled_400(client, db):
    response = client.post("/ko/contact/", {f"field{n}": "x" for n in range(1001)})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Bad Request (400)" not in html
    assert '<html lang="ko">' in html
    assert h1_count(response) == 1


def test_a_staff_member_without_permission_gets_the_styled_403(client, db):
    clerk = get_user_model().objects.create_user("park", password="pw-long-enough-1", is_staff=True)
    client.force_login(clerk)
    response = client.get("/admin/companies/company/")
    assert response.status_code == 403
    assert h1_count(response) == 1
    assert "403 Forbidden" not in response.content.decode()


def test_the_404_language_switch_leads_to_the_same_path_in_the_other_language(client, db):
    html = client.get("/en/no-such-page/?from=mail").content.decode()
    assert 'href="/ko/no-such-page/?from=mail" hreflang="ko"' in html
    html = client.get("/ko/no-such-page/").content.decode()
    assert 'href="/en/no-such-page/" hreflang="en"' in html


def test_the_language_switch_still_translates_pages_that_exist(client, seeded_db):
    html = client.get("/en/companies/?kind=startup").content.decode()
    assert 'href="/ko/companies/?kind=startup" hreflang="ko"' in html


@pytest.mark.parametrize(
    ("language", "title"),
    [("ko", "포털을 잠시 이용할 수 없습니다"), ("en", "The portal is briefly unavailable")],
)
def test_while_the_database_is_unreachable_pages_answer_a_styled_503_then_recover(
    client, seeded_db, language, title
):
    with database_unreachable():
        response = client.get(f"/{language}/companies/")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    assert title in html
    assert f'<html lang="{language}">' in html
    assert client.get(f"/{language}/companies/").status_code == 200


def test_healthz_answers_without_the_database(client, db):
    with database_unreachable():
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_fails_while_the_database_is_unreachable(client, db):
    with database_unreachable():
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] is False


def test_readyz_needs_a_worker_seen_recently_and_queues_a_heartbeat_for_it(client, transactional_db):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": True, "migrations": True, "worker": False}
    assert DBTaskResult.objects.filter(task_path="portal.tasks.heartbeat", status="READY").count() == 1
    client.get("/readyz")
    assert DBTaskResult.objects.count() == 1, "one waiting heartbeat is enough"

    run_worker_once()
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": True, "migrations": True, "worker": True},
    }


def test_readyz_fails_when_the_worker_was_last_seen_too_long_ago(client, transactional_db, settings):
    client.get("/readyz")
    run_worker_once()
    settings.PORTAL_WORKER_SEEN_MINUTES = 0
    assert client.get("/readyz").json()["checks"]["worker"] is False

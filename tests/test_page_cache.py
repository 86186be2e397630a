"""Anonymous public pages come from the cache; nothing personal is stored; content changes show at once."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from companies.models import Company

pytestmark = pytest.mark.usefixtures("seeded_db")


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300


def test_an_anonymous_visitor_gets_the_second_request_from_the_cache(client, django_assert_num_queries):
    first = client.get("/en/companies/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/en/companies/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_each_language_and_query_is_its_own_page(client):
    client.get("/en/companies/")
    assert client.get("/ko/companies/")["X-Page-Cache"] == "miss"
    assert client.get("/en/companies/?kind=startup")["X-Page-Cache"] == "miss"


def test_a_cached_page_answers_conditional_requests(client):
    first = client.get("/en/")
    assert first["ETag"]
    assert first["Last-Modified"]
    assert client.get("/en/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get("/en/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304


def test_staff_saving_content_shows_at_once(client, admin_client):
    assert b"Lunit" in client.get("/en/companies/lunit/").content
    assert client.get("/en/companies/lunit/")["X-Page-Cache"] == "hit"
    company = Company.objects.get(slug="lunit")
    company.name_en = "Lunit Inc. (renamed)"
    company.save()
    response = client.get("/en/companies/lunit/")
    assert response["X-Page-Cache"] == "miss"
    assert b"Lunit Inc. (renamed)" in response.content


def test_unpublishing_from_the_admin_list_shows_at_once(client, admin_client):
    assert client.get("/en/companies/lunit/").status_code == 200
    lunit = Company.objects.get(slug="lunit")
    admin_client.post(
        reverse("admin:companies_company_changelist"),
        {"action": "unpublish", "_selected_action": [lunit.pk]},
    )
    assert client.get("/en/companies/lunit/").status_code == 404


def test_the_contact_form_is_never_cached_and_its_csrf_token_never_shared(client):
    first = client.get("/en/contact/")
    assert "X-Page-Cache" not in first
    assert b"csrfmiddlewaretoken" in first.content
    assert "X-Page-Cache" not in client.get("/en/contact/")


def test_the_admin_is_never_cached(admin_client):
    admin_client.get(reverse("admin:index"))
    assert "X-Page-Cache" not in admin_client.get(reverse("admin:index"))


def test_a_signed_in_staff_member_neither_reads_nor_fills_the_cache(client):
    staff = get_user_model().objects.create_user("choi", password="pw-long-enough-1", is_staff=True)
    client.get("/en/")  # an anonymous visit fills the cache
    client.force_login(staff)
    assert "X-Page-Cache" not in client.get("/en/")
    assert "X-Page-Cache" not in client.get("/en/market/")
    client.logout()
    client.cookies.clear()
    assert client.get("/en/market/")["X-Page-Cache"] == "miss", "the staff visit stored nothing"


def test_no_cached_page_holds_a_csrf_token_or_a_session(client):
    for url in ["/ko/", "/en/", "/en/companies/", "/en/search/?q=AI", "/en/invest/", "/en/contact/privacy/"]:
        response = client.get(url)
        if response.get("X-Page-Cache") == "miss":
            assert b"csrfmiddlewaretoken" not in response.content, url
            assert not response.cookies, url

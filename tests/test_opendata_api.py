"""The read-only API: filters as the directory's, pages, languages, errors as JSON, only published records,
constant queries, a valid OpenAPI description, conditional GET, CORS for reading and a rate limit."""

import pytest
from django.core.cache import cache
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

from companies.forms import CompanyFilterForm
from companies.models import Company, Deal
from institutions.models import Institution
from opendata.api import AddressRateThrottle
from tests.test_site import add_many_companies

pytestmark = pytest.mark.usefixtures("seeded_db")


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def slugs(response):
    return [row["slug"] for row in response.json()["results"]]


def test_companies_filter_by_the_directorys_facets_and_match_the_directory(client):
    response = client.get("/api/v1/companies/", {"district": "gangnam", "kind": "startup", "page_size": 200})
    assert response.status_code == 200
    form = CompanyFilterForm({"district": "gangnam", "kind": "startup"})
    directory = list(form.filter(Company.objects.in_seoul()).values_list("slug", flat=True))
    assert sorted(slugs(response)) == sorted(directory)
    assert "lunit" in slugs(response)
    assert {row["district"] for row in response.json()["results"]} == {"gangnam"}


def test_lists_are_paginated(client):
    total = Company.objects.in_seoul().count()
    first = client.get("/api/v1/companies/", {"page_size": 2}).json()
    assert first["count"] == total
    assert len(first["results"]) == 2
    assert "page=2" in first["next"]
    second = client.get("/api/v1/companies/", {"page_size": 2, "page": 2}).json()
    assert not set(slugs_of(first)) & set(slugs_of(second))


def slugs_of(data):
    return [row["slug"] for row in data["results"]]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"kind": "spaceship"}, "kind"),
        ({"status": "asleep"}, "status"),
        ({"page": "abc"}, "page"),
        ({"page": "9999"}, "page"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "100000"}, "page_size"),
        ({"lang": "fr"}, "lang"),
    ],
)
def test_bad_parameters_get_a_400_with_a_json_error_naming_the_parameter(client, params, field):
    response = client.get("/api/v1/companies/", params, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert field in response.json()


def test_errors_come_in_the_visitors_language(client):
    korean = client.get("/api/v1/companies/", {"lang": "ko", "page_size": "x"}).json()
    english = client.get("/api/v1/companies/", {"lang": "en", "page_size": "x"}).json()
    assert korean["page_size"] != english["page_size"]
    assert "whole number" in english["page_size"][0]


def test_the_language_comes_from_lang_or_accept_language_with_the_same_field_names(client):
    korean = client.get("/api/v1/companies/lunit/").json()
    by_param = client.get("/api/v1/companies/lunit/", {"lang": "en"}).json()
    by_header = client.get("/api/v1/companies/lunit/", HTTP_ACCEPT_LANGUAGE="en")
    assert korean["name"] == "루닛"
    assert by_param["name"] == "Lunit"
    assert by_header.json()["name"] == "Lunit"
    assert by_header["Content-Language"] == "en"
    assert by_param.keys() == korean.keys()
    assert by_param["page_url"].endswith("/en/companies/lunit/")


def test_every_figure_carries_its_source_and_date(client):
    figures = client.get("/api/v1/key-figures/", {"page_size": 200}).json()["results"]
    assert figures
    for figure in figures:
        assert "as_of" in figure  # empty only where the source gives no date
        assert figure["source"]["publisher"]
    assert any(figure["as_of"] for figure in figures)


def test_drafts_never_appear(client):
    Company.objects.filter(slug="lunit").update(is_published=False)
    Institution.objects.filter(slug="ai-yangjae-hub").update(is_published=False)
    listed = client.get("/api/v1/companies/", {"page_size": 200})
    assert "lunit" not in slugs(listed)
    assert client.get("/api/v1/companies/lunit/").status_code == 404
    institutions = client.get("/api/v1/institutions/", {"page_size": 200})
    assert "ai-yangjae-hub" not in slugs(institutions)
    draft_party = Deal.objects.published().first().target
    Company.objects.filter(pk=draft_party.pk).update(is_published=False)
    deals = client.get("/api/v1/deals/", {"page_size": 200}).json()["results"]
    assert draft_party.slug not in {deal["target"] for deal in deals}
    programmes = client.get("/api/v1/programmes/", {"page_size": 200}).json()["results"]
    assert "ai-yangjae-hub" not in {row["institution"] for row in programmes}


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/companies/",
        "/api/v1/deals/",
        "/api/v1/institutions/",
        "/api/v1/programmes/",
        "/api/v1/events/",
        "/api/v1/key-figures/",
        "/api/v1/datasets/",
        "/api/v1/incentives/",
    ],
)
def test_lists_take_a_constant_number_of_queries(client, django_assert_max_num_queries, url):
    add_many_companies(120)
    # count, rows, prefetched lists (sectors, other districts), and the company filter's two choice lists
    with django_assert_max_num_queries(6):
        assert client.get(url, {"page_size": 200}).status_code == 200


def test_the_openapi_description_is_served_and_valid(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert "/api/v1/companies/" in document["paths"]
    parameters = {p["name"] for p in document["paths"]["/api/v1/companies/"]["get"]["parameters"]}
    assert {"lang", "kind", "district", "sector", "status", "page", "page_size"} <= parameters
    validate_schema(SchemaGenerator().get_schema(request=None, public=True))


def test_an_unchanged_list_answers_304_to_a_conditional_get(client):
    first = client.get("/api/v1/companies/", {"lang": "en"})
    etag = first["ETag"]
    again = client.get("/api/v1/companies/", {"lang": "en"}, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    korean = client.get("/api/v1/companies/", {"lang": "ko"}, HTTP_IF_NONE_MATCH=etag)
    assert korean.status_code == 200


def test_cors_allows_reading_from_any_site_and_nothing_else(client):
    response = client.get("/api/v1/events/", HTTP_ORIGIN="https://analyst.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    preflight = client.options(
        "/api/v1/events/", HTTP_ORIGIN="https://analyst.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST"
    )
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    assert client.post("/api/v1/events/", {}).status_code == 405
    assert client.delete("/api/v1/events/").status_code == 405


def test_each_address_is_limited_and_told_when_to_come_back(client, monkeypatch):
    monkeypatch.setattr(AddressRateThrottle, "rate", "3/min", raising=False)
    for _ in range(3):
        assert client.get("/api/v1/events/", REMOTE_ADDR="198.51.100.9").status_code == 200
    refused = client.get("/api/v1/events/", REMOTE_ADDR="198.51.100.9")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert "detail" in refused.json()
    assert client.get("/api/v1/events/", REMOTE_ADDR="198.51.100.10").status_code == 200


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_reference_page_renders_the_openapi_description_without_script(client, language):
    html = client.get(f"/{language}/data/api/").content.decode()
    assert "<code>GET /api/v1/companies/</code>" in html
    assert "<code>district</code>" in html
    assert 'id="schema-Company"' in html
    assert "<script" not in html

"""Search finds records by Korean and English names, partial words and typos, and explains empty results."""

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.usefixtures("seeded_db")


def search(client, query, language="en"):
    with translation.override(language):
        url = reverse("portal:search")
    return client.get(url, {"q": query})


def found_names(response):
    return {
        kind.key: [getattr(item, "slug", None) for item in items]
        for kind, items in response.context["results"]
    }


@pytest.mark.parametrize(
    ("query", "kind", "slug"),
    [
        ("루닛", "companies", "lunit"),
        ("Lunit", "companies", "lunit"),
        ("samsng", "companies", "samsung"),
        ("kakao brain", "companies", "kakao-brain"),
        ("플리", "companies", "flitto"),
        ("hyperconect", "companies", "hyperconnect"),
        ("양재", "institutions", "ai-yangjae-hub"),
        ("cash grant", "incentives", "cash-grants"),
        ("AI Expo", "events", "ai-expo-korea"),
    ],
)
def test_it_finds_records_by_name_partial_word_or_typo(client, query, kind, slug):
    response = search(client, query)
    assert response.status_code == 200
    assert slug in found_names(response).get(kind, []), found_names(response)


def test_results_are_grouped_by_kind_and_shown_in_the_visitors_language(client):
    html = search(client, "삼성", language="ko").content.decode()
    assert "<h1>검색</h1>" in html
    assert 'id="results-companies"' in html


def test_no_results_offer_ways_forward(client):
    response = search(client, "zzqqxx")
    html = response.content.decode()
    assert response.context["results"] == []
    assert "Nothing found" in html
    assert reverse("companies:list") in html


def test_an_empty_query_shows_the_form_without_results(client):
    response = search(client, "   ")
    assert response.status_code == 200
    assert response.context["results"] == []


def test_a_too_long_query_gets_a_clear_message(client):
    response = search(client, "x" * 500)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Please use at most 100 characters." in html
    assert 'aria-invalid="true"' in html

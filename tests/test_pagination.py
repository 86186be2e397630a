"""The companies directory and the deal list come in pages whose links keep the chosen filters."""

import re

import pytest

from companies.models import Company, Deal
from tests.test_site import add_many_companies

pytestmark = pytest.mark.usefixtures("seeded_db")


def card_count(html):
    return len(re.findall(r'<li class="card', html))


def test_the_directory_shows_one_page_of_companies_and_links_to_the_next(client):
    add_many_companies(60)
    total = Company.objects.in_seoul().count()
    html = client.get("/en/companies/").content.decode()
    assert card_count(html) == 24
    assert f"{total} companies" in html, "the count is of every match, not of this page"
    assert 'href="?page=2" rel="next"' in html


def test_page_links_keep_the_filters(client):
    add_many_companies(60)
    html = client.get("/en/companies/?kind=startup&page=2").content.decode()
    assert 'href="?kind=startup&amp;page=3" rel="next"' in html
    assert 'href="?kind=startup&amp;page=1" rel="prev"' in html
    assert '<span aria-current="page">2</span>' in html
    assert card_count(html) == 24


def test_a_page_number_out_of_range_or_not_a_number_still_shows_a_page(client):
    add_many_companies(60)
    assert client.get("/en/companies/?page=abc").status_code == 200
    last = client.get("/en/companies/?page=999")
    assert last.status_code == 200
    assert 'rel="next"' not in last.content.decode()


def test_the_deal_list_comes_in_pages(client, monkeypatch):
    monkeypatch.setattr("companies.views.DEALS_PER_PAGE", 1)
    deals = Deal.objects.published().count()
    assert deals >= 2
    html = client.get("/en/deals/").content.decode()
    assert html.count('<article class="deal"') == 1
    assert 'href="?page=2" rel="next"' in html


def test_the_directory_makes_the_same_number_of_queries_on_any_page(client, django_assert_max_num_queries):
    add_many_companies(200)
    with django_assert_max_num_queries(13):
        assert client.get("/en/companies/?page=5").status_code == 200

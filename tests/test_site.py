"""Site-wide: sitemap with both languages, robots.txt, and a constant number of queries per page."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from companies.models import Company
from seoul.models import District
from tests.test_pages import h1_count

pytestmark = pytest.mark.usefixtures("seeded_db")


def test_the_sitemap_lists_each_page_in_both_languages_with_alternates(client):
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/ko/companies/lunit/</loc>" in xml
    assert "<loc>http://testserver/en/companies/lunit/</loc>" in xml
    assert 'hreflang="en" href="http://testserver/en/companies/lunit/"' in xml
    assert 'hreflang="x-default"' in xml


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_every_sitemap_page_answers_with_one_h1(client):
    xml = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>(.*?)</loc>", xml)
    assert len(locations) > 60
    for location in locations:
        response = client.get(location.replace("http://testserver", ""))
        assert response.status_code == 200, location
        assert h1_count(response) == 1, location


def add_many_companies(count=60):
    district = District.objects.first()
    Company.objects.bulk_create(
        Company(
            slug=f"extra-{n}",
            name_ko=f"추가 {n}",
            name_en=f"Extra {n}",
            kind=Company.Kind.STARTUP,
            district=district,
            summary_ko="요약",
            summary_en="Summary",
            founded_year=2020,
        )
        for n in range(count)
    )


@pytest.mark.parametrize(
    ("name", "args", "max_queries"),
    [
        ("portal:home", [], 10),
        ("companies:list", [], 12),
        ("companies:detail", ["samsung"], 14),
        ("companies:deals", [], 6),
        ("seoul:market", [], 6),
        ("seoul:policy", [], 6),
        ("institutions:list", [], 6),
        ("institutions:detail", ["ai-yangjae-hub"], 10),
        ("institutions:detail", ["kaist-graduate-school-of-ai"], 10),
        ("stories:detail", ["smartmind-interview"], 8),
        ("events:list", [], 6),
        ("incentives:list", [], 8),
        ("stories:list", [], 6),
    ],
)
def test_pages_make_a_constant_number_of_queries(
    client, django_assert_max_num_queries, name, args, max_queries
):
    add_many_companies()
    with translation.override("en"):
        url = reverse(name, args=args)
    with django_assert_max_num_queries(max_queries):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", ["/ko/", "/en/companies/", "/admin/login/"])
def test_a_strict_content_security_policy_is_sent_everywhere(client, url):
    policy = client.get(url)["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_static_files_are_hashed_and_precompressed(client, settings):
    html = client.get("/en/").content.decode()
    stylesheet = re.search(r'href="/static/(css/portal\.[0-9a-f]{12}\.css)"', html)
    assert stylesheet, "the stylesheet URL carries a content hash"
    collected = settings.STATIC_ROOT / stylesheet.group(1)
    assert collected.exists()
    assert collected.with_name(collected.name + ".gz").exists()


def test_no_page_loads_anything_from_another_site(client):
    for url in ["/ko/", "/en/market/", "/en/contact/"]:
        html = client.get(url).content.decode()
        assert not re.search(r'(src|href)="(https?:)?//(?!testserver)[^"]+\.(js|css|woff2?)"', html), url

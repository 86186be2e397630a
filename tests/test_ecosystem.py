"""The district map and the clusters: counts agree with the directory, links open it filtered, drafts
never count, a table says the same for screen readers, and the page takes a constant number of queries."""

import re

import pytest

from companies.models import Company
from institutions.models import Institution
from seoul.models import District
from seoul.tilemap import TILES
from tests.test_site import add_many_companies

pytestmark = pytest.mark.usefixtures("seeded_db")


def tiles(html):
    """{district slug: (companies, link or None, label)} read from the SVG's tiles."""
    found = {}
    for match in re.finditer(
        r'<(a|g) (?:href="([^"]*)"\s+)?id="tile-([a-z-]+)"[^>]*aria-label="([^"]*)"', html
    ):
        _tag, link, slug, label = match.groups()
        companies = int(re.search(r"companies: (\d+)", label).group(1))
        found[slug] = (companies, link, label)
    return found


def test_every_district_has_a_tile_and_the_grid_has_no_overlap():
    assert set(TILES) == set(District.objects.values_list("slug", flat=True))
    assert len(set(TILES.values())) == len(TILES)


def test_each_tile_counts_what_its_link_shows_in_the_directory(client):
    html = client.get("/en/ecosystem/").content.decode()
    found = tiles(html)
    assert len(found) == 25
    for slug, (companies, link, _label) in found.items():
        if not companies:
            assert link is None, f"{slug}: a district without companies must not link to the whole directory"
            continue
        directory = client.get(link).content.decode()
        assert "were not recognised" not in directory, slug
        shown = re.search(r'<h2 class="results-count">(\d+) compan', directory)
        assert int(shown.group(1)) == companies, slug
    assert found["gangnam"][0] == Company.objects.in_seoul().filter(district__slug="gangnam").count() > 0


def test_institutions_are_counted_per_district(client):
    html = client.get("/en/ecosystem/").content.decode()
    label = tiles(html)["gwanak"][2]
    expected = Institution.objects.published().filter(district__slug="gwanak").count()
    assert f"institutions: {expected}" in label


def test_drafts_do_not_count_on_the_map_or_in_the_clusters(client):
    before = tiles(client.get("/en/ecosystem/").content.decode())["gangnam"][0]
    Company.objects.filter(slug="lunit").update(is_published=False)
    html = client.get("/en/ecosystem/").content.decode()
    assert tiles(html)["gangnam"][0] == before - 1
    assert "/en/companies/lunit/" not in html


def test_a_table_gives_the_same_figures_without_the_map(client):
    html = client.get("/ko/ecosystem/").content.decode()
    assert "<table>" in html
    row = re.search(
        r'<th scope="row">강남구</th>\s*<td><a href="/ko/companies/\?district=gangnam">(\d+)</a>', html
    )
    assert int(row.group(1)) == Company.objects.in_seoul().filter(district__slug="gangnam").count()


def test_the_clusters_name_who_is_there(client):
    html = client.get("/en/ecosystem/").content.decode()
    clusters = re.findall(r'<h3 id="cluster-([a-z-]+)">', html)
    assert clusters[0] == "gangnam"
    assert "/en/companies/lunit/" in html


def test_the_map_takes_a_constant_number_of_queries(client, django_assert_max_num_queries):
    add_many_companies(120)
    # counts (2), districts, the clusters' companies and institutions with their districts (4), footer (2)
    with django_assert_max_num_queries(9):
        assert client.get("/en/ecosystem/").status_code == 200


def test_a_company_in_two_districts_counts_and_shows_in_both(client):
    lg = Company.objects.get(slug="lg-ai-research")
    assert lg.district is None  # the brochure names two districts and neither as the main one
    assert sorted(d.slug for d in lg.other_districts.all()) == ["gangseo", "yeongdeungpo"]
    for slug in ["yeongdeungpo", "gangseo"]:
        directory = client.get("/en/companies/", {"district": slug}).content.decode()
        assert "/en/companies/lg-ai-research/" in directory, slug
        api = client.get("/api/v1/companies/", {"district": slug, "page_size": 200}).json()
        assert "lg-ai-research" in [row["slug"] for row in api["results"]], slug
    found = tiles(client.get("/en/ecosystem/").content.decode())
    gangseo = Company.objects.in_seoul().filter(district__slug="gangseo").count() + 1
    assert found["gangseo"][0] == gangseo
    directory = client.get("/en/companies/").content.decode()
    option = re.search(r'<option value="gangseo"\s*>Gangseo-gu \((\d+)\)</option>', directory)
    assert option is not None
    assert int(option.group(1)) == gangseo


def test_a_company_is_counted_once_when_its_other_district_repeats_its_main_one(client):
    lunit = Company.objects.get(slug="lunit")
    before = tiles(client.get("/en/ecosystem/").content.decode())["gangnam"][0]
    lunit.other_districts.add(lunit.district)
    assert tiles(client.get("/en/ecosystem/").content.decode())["gangnam"][0] == before
    directory = client.get("/en/companies/", {"district": "gangnam"}).content.decode()
    assert directory.count('href="/en/companies/lunit/"') == 1


def test_detail_pages_show_the_connections_both_ways(client):
    institution = Institution.objects.published().filter(partner_companies__is_published=True).first()
    company = institution.partner_companies.filter(is_published=True).first()
    company_page = client.get(f"/en/companies/{company.slug}/").content.decode()
    institution_page = client.get(f"/en/talent/{institution.slug}/").content.decode()
    assert f"/en/talent/{institution.slug}/" in company_page
    assert f"/en/companies/{company.slug}/" in institution_page
    lg_page = client.get("/en/companies/lg-ai-research/").content.decode()
    assert "/en/companies/?district=gangseo" in lg_page
    assert "/en/companies/?district=yeongdeungpo" in lg_page

"""Downloads, calendars and the change feed: what the database holds comes back out intact, in both
languages, with formulas defused, filters carried over, and never a draft."""

import csv
import datetime
import io
import json
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from icalendar import Calendar

from companies.forms import CompanyFilterForm
from companies.models import Company
from events.models import Event
from seoul.models import KeyFigure
from tests.test_site import add_many_companies

pytestmark = pytest.mark.usefixtures("seeded_db")
ATOM = "{http://www.w3.org/2005/Atom}"


def csv_rows(response):
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(body.removeprefix("\ufeff"))))


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_companies_csv_round_trips_with_korean_intact(client, language):
    response = client.get(f"/{language}/data/companies.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f"investseoul-companies-{language}.csv" in response["Content-Disposition"]
    rows = {row["slug"]: row for row in csv_rows(response)}
    companies = Company.objects.in_seoul()
    assert set(rows) == set(companies.values_list("slug", flat=True))
    for company in companies.select_related("district"):
        row = rows[company.slug]
        expected_name = company.name_ko if language == "ko" else (company.name_en or company.name_ko)
        assert row["name"] == expected_name
        assert row["kind"] == company.kind
        assert row["district"] == (company.district.slug if company.district else "")
        assert row["founded_year"] == (str(company.founded_year) if company.founded_year else "")
    assert rows["lunit"]["name"] == ("루닛" if language == "ko" else "Lunit")


@pytest.mark.parametrize("language", ["ko", "en"])
def test_key_figures_come_with_value_unit_date_and_source(client, language):
    rows = {row["key"]: row for row in csv_rows(client.get(f"/{language}/data/key-figures.csv"))}
    figures = KeyFigure.objects.published().select_related("source")
    assert set(rows) == {figure.key for figure in figures}
    for figure in figures:
        row = rows[figure.key]
        assert Decimal(row["value"]) == figure.value
        assert row["unit"] == figure.unit
        assert row["as_of"] == (figure.as_of.isoformat() if figure.as_of else "")
        assert row["source_publisher"] == getattr(figure.source, f"publisher_{language}") or (
            figure.source.publisher_ko
        )


def test_the_json_download_holds_the_same_rows_with_terms_and_language(client):
    data = json.loads(client.get("/en/data/companies.json").content)
    assert data["language"] == "en"
    assert data["terms"]
    assert data["count"] == Company.objects.in_seoul().count()
    assert {row["slug"] for row in data["rows"]} == set(
        Company.objects.in_seoul().values_list("slug", flat=True)
    )


def test_formula_looking_cells_are_defused(client):
    Company.objects.filter(slug="lunit").update(name_en='=HYPERLINK("http://evil.example","x")')
    rows = {row["slug"]: row for row in csv_rows(client.get("/en/data/companies.csv"))}
    assert rows["lunit"]["name"] == '\'=HYPERLINK("http://evil.example","x")'


def test_the_directorys_filters_carry_over_to_its_download_links(client):
    page = client.get("/en/companies/", {"kind": "startup", "district": "gangnam"}).content.decode()
    link = "/en/data/companies.csv?kind=startup&amp;district=gangnam"
    assert link in page
    rows = csv_rows(client.get(link.replace("&amp;", "&")))
    form = CompanyFilterForm({"kind": "startup", "district": "gangnam"})
    assert sorted(row["slug"] for row in rows) == sorted(
        form.filter(Company.objects.in_seoul()).values_list("slug", flat=True)
    )


def test_an_unknown_filter_downloads_nothing_and_says_why_in_the_visitors_language(client):
    english = client.get("/en/data/companies.csv", {"kind": "spaceship"})
    korean = client.get("/ko/data/companies.csv", {"kind": "spaceship"})
    assert english.status_code == korean.status_code == 400
    assert "This download cannot be made" in english.content.decode()
    assert "This download cannot be made" not in korean.content.decode()
    assert "Content-Disposition" not in english


def test_no_download_feed_or_calendar_shows_a_draft(client):
    Company.objects.filter(slug="lunit").update(is_published=False)
    event = Event.objects.published().first()
    Event.objects.filter(pk=event.pk).update(
        is_published=False, start_date=datetime.date(2022, 5, 11), end_date=datetime.date(2022, 5, 13)
    )
    assert "lunit" not in client.get("/en/data/companies.csv").content.decode()
    assert "lunit" not in client.get("/en/data/companies.json").content.decode()
    assert "/companies/lunit/" not in client.get("/en/data/changes.atom").content.decode()
    assert event.slug not in client.get("/en/data/events.ics").content.decode()
    assert client.get(f"/en/data/events/{event.slug}.ics").status_code == 404


def test_the_events_calendar_parses_and_holds_the_events_with_dates(client):
    dated, undated = Event.objects.published()[:2]
    Event.objects.filter(pk=dated.pk).update(
        start_date=datetime.date(2022, 5, 11), end_date=datetime.date(2022, 5, 13)
    )
    Event.objects.filter(pk=undated.pk).update(start_date=None, end_date=None)
    response = client.get("/en/data/events.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    events = {str(item["uid"]): item for item in calendar.walk("VEVENT")}
    assert set(events) == {f"event-{dated.slug}@ai.investseoul"}
    item = events[f"event-{dated.slug}@ai.investseoul"]
    assert item.decoded("dtstart") == datetime.date(2022, 5, 11)
    assert item.decoded("dtend") == datetime.date(2022, 5, 14)
    assert str(item["summary"]) == dated.name_en
    single = Calendar.from_ical(client.get(f"/ko/data/events/{dated.slug}.ics").content)
    assert [str(e["summary"]) for e in single.walk("VEVENT")] == [dated.name_ko]
    assert client.get(f"/en/data/events/{undated.slug}.ics").status_code == 404


def test_the_change_feed_is_atom_with_the_latest_change_first(client):
    Company.objects.get(slug="lunit").save()
    feed = ET.fromstring(client.get("/en/data/changes.atom").content)
    entries = feed.findall(f"{ATOM}entry")
    assert 0 < len(entries) <= 50
    first = entries[0]
    assert first.find(f"{ATOM}link").get("href").endswith("/en/companies/lunit/")
    assert first.find(f"{ATOM}updated").text


@pytest.mark.parametrize(
    "url",
    ["/en/data/companies.csv", "/en/data/companies.json", "/en/data/changes.atom", "/en/data/events.ics"],
)
def test_downloads_take_a_constant_number_of_queries(client, django_assert_max_num_queries, url):
    add_many_companies(120)
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200

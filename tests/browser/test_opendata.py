"""In a real browser: an investor finds Gangnam's AI companies from the district map, and an analyst
downloads that list as CSV with Korean intact."""

import csv
import io
from pathlib import Path

import pytest

from content.seeding import Loader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded(transactional_db):
    Loader().load_all()


def test_the_map_leads_to_the_districts_companies_and_their_download(page, seeded):
    page.goto("/en/ecosystem/")
    page.locator("#tile-gangnam").click()
    page.wait_for_url("**/en/companies/?district=gangnam")
    assert "Lunit" in page.locator("main").inner_text()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV", exact=True).click()
    download = download_info.value
    assert download.suggested_filename == "investseoul-companies-en.csv"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert {row["district"] for row in rows} == {"gangnam"}
    assert "Lunit" in {row["name"] for row in rows}


def test_the_korean_download_keeps_korean_names(page, seeded):
    page.goto("/ko/data/")
    with page.expect_download() as download_info:
        page.locator('a[href="/ko/data/companies.csv"]').click()
    text = Path(download_info.value.path()).read_text(encoding="utf-8")
    assert "루닛" in text


def test_the_map_works_by_keyboard(page, seeded):
    page.goto("/en/ecosystem/")
    page.locator("#tile-gangnam").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/companies/?district=gangnam")

"""In a real browser: the language switch keeps the visitor on the same page."""

import pytest

from content.seeding import Loader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded(transactional_db):
    Loader().load_all()


def test_switching_from_english_to_korean_and_back_keeps_the_page(page, seeded):
    page.goto("/en/companies/lunit/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Lunit"

    page.get_by_role("link", name="한국어").click()
    page.wait_for_url("**/ko/companies/lunit/")
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.locator("h1").inner_text() == "루닛"

    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/companies/lunit/")
    assert page.locator("h1").inner_text() == "Lunit"


def test_the_home_page_opens_in_english_and_reaches_korean(page, seeded):
    page.goto("/en/")
    assert page.title().endswith("Invest Seoul AI portal")
    page.get_by_role("link", name="한국어").click()
    page.wait_for_url("**/ko/")
    assert page.locator("html").get_attribute("lang") == "ko"

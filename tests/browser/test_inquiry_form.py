"""In a real browser: an investor fills the inquiry form in Korean or English, fixes a mistake, sends it."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from inquiries.models import Inquiry

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MESSAGE = "We plan to open an AI research centre in Seoul next year and would like to meet you."


@pytest.fixture(autouse=True)
def _no_minimum_fill_time(settings):
    """Playwright types faster than any person; the 3-second check has its own tests."""
    settings.PORTAL_INQUIRY_MIN_FILL_SECONDS = 0


def fill_the_form(page, email="jane@northwind.example"):
    page.fill("#id_name", "Jane Park")
    page.fill("#id_organisation", "Northwind Robotics")
    page.fill("#id_country", "United States")
    page.fill("#id_email", email)
    page.select_option("#id_investor_type", "corporation")
    page.select_option("#id_topic", "rd-centre")
    page.select_option("#id_investment_size", "10m-50m")
    page.select_option("#id_timeline", "1-year")
    page.fill("#id_message", MESSAGE)
    page.check("#id_privacy_consent")


def send(page):
    """Submit and wait for the answer page, so assertions never read the page that was left."""
    with page.expect_navigation():
        page.locator("form.inquiry-form button[type=submit]").click()


@pytest.mark.parametrize("language", ["en", "ko"])
def test_an_investor_sends_an_inquiry_and_sees_the_reference(page, language):
    page.goto(f"/{language}/contact/")
    fill_the_form(page)
    send(page)

    page.wait_for_url(f"**/{language}/contact/thanks/**")
    inquiry = Inquiry.objects.get()
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator(".inquiry-reference").inner_text() == inquiry.reference
    assert re.fullmatch(r"IS-\d{4}-[A-Z2-9]{8}", inquiry.reference)
    assert inquiry.language == language
    assert inquiry.message == MESSAGE


def test_an_invalid_email_is_pointed_out_and_the_typed_message_is_kept(page):
    page.goto("/en/contact/")
    fill_the_form(page, email="jane-at-northwind")
    page.check("#id_news_consent")
    send(page)

    summary = page.get_by_role("alert")
    assert summary.is_visible()
    assert summary.get_by_role("link").get_attribute("href") == "#id_email"
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    assert page.locator("#id_email_error").is_visible()
    assert page.locator("#id_email").input_value() == "jane-at-northwind"
    assert page.locator("#id_message").input_value() == MESSAGE
    assert page.locator("#id_news_consent").is_checked()
    assert not Inquiry.objects.exists()

    page.fill("#id_email", "jane@northwind.example")
    send(page)

    page.wait_for_url("**/en/contact/thanks/**")
    inquiry = Inquiry.objects.get()
    assert (inquiry.email, inquiry.message) == ("jane@northwind.example", MESSAGE)
    assert inquiry.news_consent_at is not None


def test_the_form_with_errors_has_no_accessibility_violations_and_hides_the_honeypot(page):
    console_messages = []
    page.on("console", lambda message: console_messages.append(message.text))
    page.goto("/ko/contact/")
    send(page)  # everything empty: every field shows its error

    honeypot = page.locator("#id_website").bounding_box()
    assert honeypot["x"] + honeypot["width"] < 0  # off-screen, yet not display:none
    assert page.locator(".inquiry-form__trap").get_attribute("aria-hidden") == "true"
    results = Axe().run(page, context="#main")
    assert results.violations_count == 0, results.generate_report()
    assert not [text for text in console_messages if "Content Security Policy" in text]


def test_a_quick_resend_after_fixing_an_error_is_accepted(page, settings):
    """However fast the fix, the inquiry is stored and thanked; staff see it flagged if it was too fast."""
    settings.PORTAL_INQUIRY_MIN_FILL_SECONDS = 60
    page.goto("/en/contact/")
    fill_the_form(page, email="jane-at-northwind")
    send(page)
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"

    page.fill("#id_email", "jane@northwind.example")
    send(page)

    page.wait_for_url("**/en/contact/thanks/**")
    inquiry = Inquiry.objects.get()
    assert page.locator(".inquiry-reference").inner_text() == inquiry.reference
    assert inquiry.possibly_automated  # sent within a minute of the first showing

"""Staff see Korean and English side by side as tabs in the admin, with everything served locally."""

import pytest

from portal.seeding import Loader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_company_form_shows_korean_and_english_tabs_without_remote_assets_or_csp_errors(
    page, live_server, django_user_model
):
    Loader().load_all()
    django_user_model.objects.create_superuser("staff", "staff@example.com", "a-long-test-password")
    problems, remote = [], []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on(
        "request", lambda request: not request.url.startswith(live_server.url) and remote.append(request.url)
    )

    page.goto("/admin/login/")
    page.fill("#id_username", "staff")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.goto("/admin/companies/company/?q=lunit")
    page.get_by_role("link", name="Lunit", exact=True).click()

    tabs = page.locator(".ui-tabs-nav").first
    tabs.wait_for()
    assert [tab.text_content().strip() for tab in tabs.locator("a").all()] == ["ko", "en"]
    page.locator(".ui-tabs-nav a", has_text="en").first.click()
    assert page.locator("#id_name_en").is_visible()
    assert page.locator("#id_name_en").input_value() == "Lunit"
    assert problems == []
    assert remote == []

"""Staff edit content in the admin: Korean and English side by side, clear upload errors, nothing lost."""

import pytest
from PIL import Image

from companies.models import Company
from content.seeding import Loader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def staff_page(page, django_user_model):
    """A logged-in superuser on the seeded portal, at Lunit's change form."""
    Loader().load_all()
    django_user_model.objects.create_superuser("staff", "staff@example.com", "a-long-test-password")
    page.goto("/admin/login/")
    page.fill("#id_username", "staff")
    page.fill("#id_password", "a-long-test-password")
    with page.expect_navigation():
        page.click("input[type=submit]")
    page.goto("/admin/companies/company/?q=lunit")
    page.get_by_role("link", name="Lunit", exact=True).click()
    page.wait_for_url("**/admin/companies/company/*/change/**")
    return page


def test_a_company_form_shows_korean_and_english_tabs_without_remote_assets_or_csp_errors(
    staff_page, live_server
):
    page = staff_page
    problems, remote = [], []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on(
        "request", lambda request: not request.url.startswith(live_server.url) and remote.append(request.url)
    )
    page.reload()

    tabs = page.locator(".ui-tabs-nav").first
    tabs.wait_for()
    assert [tab.text_content().strip() for tab in tabs.locator("a").all()] == ["ko", "en"]
    page.locator(".ui-tabs-nav a", has_text="en").first.click()
    assert page.locator("#id_name_en").is_visible()
    assert page.locator("#id_name_en").input_value() == "Lunit"
    assert problems == []
    assert remote == []


def test_a_non_image_logo_is_refused_with_a_clear_message_and_other_edits_are_kept(
    staff_page, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    page = staff_page
    fake = tmp_path / "logo.png"
    fake.write_bytes(b"this is a text file, not a picture")
    page.locator(".ui-tabs-nav a", has_text="en").first.click()
    page.fill("#id_summary_en", "A summary edited by staff")
    page.set_input_files("#id_logo", str(fake))
    with page.expect_navigation():
        page.click("input[name=_save]")

    errors = page.locator(".errorlist").all_inner_texts()
    assert any("Upload a valid image" in error for error in errors), errors
    assert page.locator("#id_summary_en").input_value() == "A summary edited by staff"
    assert not Company.objects.get(slug="lunit").logo


def test_an_oversized_logo_is_refused_with_the_limit_stated(staff_page, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PORTAL_IMAGE_MAX_BYTES = 100
    big = tmp_path / "logo.png"
    Image.new("RGB", (200, 200), "white").save(big, "PNG", compress_level=0)
    staff_page.set_input_files("#id_logo", str(big))
    with staff_page.expect_navigation():
        staff_page.click("input[name=_save]")

    errors = staff_page.locator(".errorlist").all_inner_texts()
    assert any("images may be at most 100" in error for error in errors), errors
    assert not Company.objects.get(slug="lunit").logo

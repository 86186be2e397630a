"""In the Korean admin, staff fix an English typo, preview it, publish it and roll a bad edit back."""

import pytest
import reversion

from companies.models import Company
from content.seeding import Loader
from stories.models import Story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ORIGINAL_SUMMARY = "Medical imaging AI"


@pytest.fixture
def korean_staff_page(browser, live_server, django_user_model):
    Loader().load_all()
    with reversion.create_revision():
        lunit = Company.objects.get(slug="lunit")
        lunit.is_published = False
        lunit.summary_en = ORIGINAL_SUMMARY
        lunit.save()
    django_user_model.objects.create_superuser("staff", "staff@example.com", "a-long-test-password")
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        base_url=live_server.url,
        locale="ko-KR",
        extra_http_headers={"Accept-Language": "ko"},
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto("/admin/login/")
    page.fill("#id_username", "staff")
    page.fill("#id_password", "a-long-test-password")
    with page.expect_navigation():
        page.click("input[type=submit]")
    yield page, lunit
    context.close()


def save_and_continue(page):
    with page.expect_navigation():
        page.click("input[name=_continue]")


def test_edit_preview_publish_and_roll_back_in_the_korean_admin(korean_staff_page):
    page, lunit = korean_staff_page
    page.goto(f"/admin/companies/company/{lunit.pk}/change/")
    assert "서울투자청 AI 포털 — 직원용" in page.content()

    summary_tabs = page.locator(".ui-tabs", has=page.locator("#id_summary_en"))
    summary_tabs.locator(".ui-tabs-nav a", has_text="en").click()
    page.fill("#id_summary_en", "Medical imaging AI, with a bad edit")
    page.fill("#id_change_note", "영문 요약 수정")
    save_and_continue(page)

    with page.context.expect_page() as preview_opened:
        page.get_by_role("link", name="미리보기 (English)").click()
    preview = preview_opened.value
    preview.wait_for_load_state()
    assert preview.get_by_text("Preview — not public").is_visible()
    assert "with a bad edit" in preview.content()
    preview.close()

    page.check("#id_is_published")
    save_and_continue(page)
    assert page.request.get(f"/en/companies/{lunit.slug}/").status == 200

    page.get_by_role("link", name="변경 이력").click()
    page.wait_for_url("**/history/")
    assert "영문 요약 수정" in page.content()
    page.get_by_role("link", name="복원").last.click()
    page.wait_for_url("**/history/*/")
    with page.expect_navigation():
        page.click("input[name=_save]")

    lunit.refresh_from_db()
    assert lunit.summary_en == ORIGINAL_SUMMARY
    assert not lunit.is_published
    assert page.request.get(f"/en/companies/{lunit.slug}/").status == 404


def test_long_texts_show_both_languages_side_by_side_with_a_live_count(korean_staff_page):
    page, _lunit = korean_staff_page
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.goto(f"/admin/stories/story/{Story.objects.get(slug='esg-in-korea').pk}/change/")

    korean, english = page.locator("#id_body_ko"), page.locator("#id_body_en")
    assert korean.is_visible()
    assert english.is_visible()
    english.fill("Twelve chars")
    assert page.locator("#id_body_en + .char-count").text_content() == "12자"
    assert problems == []

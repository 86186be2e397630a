"""In a real browser on a 390 px phone screen: an investor goes from an incentive page to the finder,
makes a mistake, fixes it, reads the explained results, prints them and asks Invest Seoul about them."""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from content.seeding import Loader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(os.environ.get("PORTAL_SCREENSHOTS", "test-artifacts/screenshots"))
# Runs before the page's own code; CSP does not apply to it. Collects what the browser blocks.
RECORD_CSP_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""
TEXT = {
    "en": {
        "finder_link": "Check your project with the incentive finder",
        "submit": "Show matching incentives",
        "bad_amount": "Enter the amount in digits, e.g. 5000000.",
        "eligible": "Likely eligible",
        "reason": "Met: Foreign ownership of at least 30 %; you entered 100 %",
        "ask": "Ask Invest Seoul about these incentives",
        "message": "Cash grants: Likely eligible",
    },
    "ko": {
        "finder_link": "인센티브 찾기로 내 사업 확인하기",
        "submit": "맞는 인센티브 보기",
        "bad_amount": "금액을 숫자로 입력해 주세요(예: 5000000).",
        "eligible": "지원 가능성 높음",
        "reason": "충족: 외국인 지분 30% 이상; 100%를 입력했습니다",
        "ask": "이 인센티브에 관해 서울투자청에 문의하기",
        "message": "현금지원: 지원 가능성 높음",
    },
}


@pytest.fixture
def seeded(transactional_db):
    Loader().load_all()


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, base_url=live_server.url, is_mobile=True
    )
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def no_accessibility_violations(page):
    results = Axe().run(page, context="#main")
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("language", ["en", "ko"])
def test_an_investor_checks_an_ai_rd_centre_on_a_phone_and_asks_invest_seoul(phone, seeded, language):
    text = TEXT[language]
    phone.goto(f"/{language}/invest/cash-grants/")
    with phone.expect_navigation():
        phone.get_by_role("link", name=text["finder_link"]).click()
    assert phone.url.endswith(f"/{language}/invest/finder/")

    phone.fill("#id_amount", "USD 5 million")
    phone.check("#id_currency_0")
    phone.fill("#id_foreign_ownership", "100")
    phone.check("#id_new_shares_1")
    phone.select_option("#id_project_kind", "new-rd")
    phone.select_option("#id_activity", "ai-research")
    phone.check("#id_high_tech_1")
    with phone.expect_navigation():
        phone.get_by_role("button", name=text["submit"]).click()

    alert = phone.get_by_role("alert")
    assert text["bad_amount"] in alert.inner_text()
    assert phone.locator("#id_amount").get_attribute("aria-invalid") == "true"
    assert phone.locator("#id_foreign_ownership").input_value() == "100"
    assert phone.locator("#id_activity").input_value() == "ai-research"
    assert phone.locator("#id_high_tech_1").is_checked()
    assert fits_the_screen(phone)
    no_accessibility_violations(phone)

    phone.fill("#id_amount", "5,000,000")
    with phone.expect_navigation():
        phone.get_by_role("button", name=text["submit"]).click()

    cash = phone.locator("article.finder-result", has=phone.locator("#result-cash-grants"))
    assert text["eligible"] in cash.locator(".finder-result__status").inner_text()
    assert text["reason"] in cash.inner_text()
    assert "amount=5%2C000%2C000&currency=USD&foreign_ownership=100" in phone.url  # a link to share
    assert fits_the_screen(phone)
    no_accessibility_violations(phone)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=SCREENSHOTS / f"phone-{language}-finder.png", full_page=True)

    phone.emulate_media(media="print")
    assert not phone.locator("#finder-form").is_visible()
    assert not phone.locator(".site-header").is_visible()
    assert phone.locator("#results-heading").is_visible()
    phone.emulate_media(media="screen")

    with phone.expect_navigation():
        phone.get_by_role("link", name=text["ask"]).click()
    assert f"/{language}/contact/" in phone.url
    assert phone.locator("#id_topic").input_value() == "incentives"
    assert text["message"] in phone.locator("#id_message").input_value()
    assert phone.evaluate("window.cspViolations") == []

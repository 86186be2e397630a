"""Every page template, in both languages: axe-core finds no violation, the keyboard reaches everything,
a 390 px phone screen needs no horizontal scrolling, and the Content-Security-Policy reports nothing."""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from content.seeding import Loader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/{lang}/",
    "/{lang}/companies/",
    "/{lang}/companies/?kind=startup&district=atlantis",
    "/{lang}/companies/lunit/",
    "/{lang}/companies/samsung/",
    "/{lang}/deals/",
    "/{lang}/deals/cognex-acquires-sualab/",
    "/{lang}/market/",
    "/{lang}/policy/",
    "/{lang}/talent/",
    "/{lang}/talent/ai-yangjae-hub/",
    "/{lang}/events/",
    "/{lang}/events/ai-expo-korea/",
    "/{lang}/invest/",
    "/{lang}/invest/cash-grants/",
    "/{lang}/stories/",
    "/{lang}/stories/deepbrain-ai-interview/",
    "/{lang}/search/?q=samsng",
    "/{lang}/search/?q=AI&page=2",
    "/{lang}/search/?q=zzqqxx",
    "/{lang}/sources/",
    "/{lang}/contact/",
    "/{lang}/contact/privacy/",
    "/{lang}/data/",
    "/{lang}/data/api/",
    "/{lang}/ecosystem/",
    "/{lang}/no-such-page/",
]
SCREENSHOTS = Path(os.environ.get("PORTAL_SCREENSHOTS", "test-artifacts/screenshots"))


@pytest.fixture
def seeded(transactional_db):
    Loader().load_all()


# Runs before any of the page's own content (init scripts are not subject to the page's CSP), so it sees
# every violation, including those of inline styles and scripts in the HTML itself.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.reportCspViolation(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline code"} ` +
        `(${event.sourceFile || document.location.href}:${event.lineNumber})`
    );
});
"""


@pytest.fixture
def csp_violations(page):
    """Every Content-Security-Policy violation on the pages this test opens, as Chromium reports them:
    the `securitypolicyviolation` events, and console errors naming the policy (Chromium writes
    "Content Security Policy", without hyphens)."""
    violations = []
    page.expose_function("reportCspViolation", lambda text: violations.append(f"{page.url}: {text}"))
    page.add_init_script(REPORT_CSP_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and "content security policy" in message.text.lower()
            and violations.append(f"{page.url}: {message.text}")
        ),
    )
    return violations


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_no_page_has_an_accessibility_violation(page, seeded, lang):
    axe = Axe()
    problems = {}
    for template in PAGES:
        url = template.format(lang=lang)
        page.goto(url)
        results = axe.run(page)
        if results.violations_count:
            problems[url] = results.generate_report()
    assert problems == {}, "\n\n".join(f"{url}\n{report}" for url, report in problems.items())


def test_no_page_breaks_the_content_security_policy(page, seeded, csp_violations):
    for lang in ("ko", "en"):
        for template in PAGES:
            page.goto(template.format(lang=lang))
            page.wait_for_load_state("load")
    assert csp_violations == []


@pytest.mark.parametrize(
    ("injected", "directive"),
    [
        ('<p style="color: red">inline style attribute</p>', "style-src-attr"),
        ("<style>body { color: red; }</style>", "style-src-elem"),
        ("<script>document.title = 'inline';</script>", "script-src-elem"),
    ],
)
def test_the_csp_check_catches_inline_styles_and_scripts(page, seeded, csp_violations, injected, directive):
    """The check above can fail: the home page with inline code added, under the portal's real policy."""

    def inject(route):
        response = route.fetch()
        assert "content-security-policy" in response.headers
        route.fulfill(response=response, body=response.text().replace("</main>", f"{injected}</main>"))

    page.route("**/en/", inject)
    page.goto("/en/")
    page.wait_for_load_state("load")

    assert len(csp_violations) >= 1, "an inline style or script went unnoticed"
    assert any(directive in violation for violation in csp_violations), csp_violations


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_phone_screen_never_scrolls_sideways(browser, live_server, seeded, lang):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, base_url=live_server.url, is_mobile=True
    )
    phone = context.new_page()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        for template in PAGES:
            url = template.format(lang=lang)
            phone.goto(url)
            overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{url} is {overflow}px wider than the phone screen"
        for name, url in [
            ("home", "/"),
            ("directory", "/companies/"),
            ("company", "/companies/lunit/"),
            ("market", "/market/"),
        ]:
            phone.goto(f"/{lang}{url}")
            phone.screenshot(path=SCREENSHOTS / f"phone-{lang}-{name}.png", full_page=True)
    finally:
        context.close()


def test_desktop_screenshots_of_the_main_pages(page, seeded):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for lang in ("ko", "en"):
        for name, url in [
            ("home", "/"),
            ("directory", "/companies/"),
            ("company", "/companies/lunit/"),
            ("market", "/market/"),
        ]:
            page.goto(f"/{lang}{url}")
            assert page.locator("h1").count() == 1
            page.screenshot(path=SCREENSHOTS / f"desktop-{lang}-{name}.png", full_page=True)


def test_the_keyboard_alone_reaches_the_content_and_shows_where_focus_is(page, seeded):
    page.goto("/en/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Skip to content"
    outline = skip.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none"

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    page.goto("/en/companies/")
    page.locator("#id_kind").focus()
    page.keyboard.press("End")
    page.locator("#id_kind").select_option("startup")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Show companies"
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/companies/?kind=startup*")
    assert "Lunit" in page.locator("main").inner_text()
    assert "IBM Korea" not in page.locator("main").inner_text()


def test_english_pages_show_no_korean_except_names_and_the_language_switch(page, seeded):
    for template in [page for page in PAGES if "search" not in page and "no-such" not in page]:
        page.goto(template.format(lang="en"))
        korean = page.evaluate(
            """() => {
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                const found = [];
                while (walker.nextNode()) {
                    const node = walker.currentNode;
                    const marked = node.parentElement.closest('[lang="ko"]');
                    if (/[\\uac00-\\ud7a3]/.test(node.textContent) && !marked) {
                        found.push(node.textContent.trim());
                    }
                }
                return found;
            }"""
        )
        assert korean == [], f"{template}: {korean}"

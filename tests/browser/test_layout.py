"""Layout on a 390 px phone and a desktop: no page scrolls sideways, chart legends keep each colour key
beside its label, and chart labels stay readable on a phone."""

import pytest

from content.seeding import Loader
from tests.test_pages import LANGUAGES, LIST_PAGES, detail_urls, url_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE_WIDTH = 390
# Pages the URL conf walk cannot reach: filtered lists, search results and a 404.
EXTRA_PAGES = [
    "/{lang}/companies/?kind=startup&district=atlantis",
    "/{lang}/search/?q=AI",
    "/{lang}/search/?q=zzqqxx",
    "/{lang}/no-such-page/",
]


@pytest.fixture
def seeded(transactional_db):
    Loader().load_all()


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(
        viewport={"width": PHONE_WIDTH, "height": 844}, base_url=live_server.url, is_mobile=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def every_public_page(language):
    """Each list page the URL conf names and each published record's detail page, in one language."""
    urls = [url_in(language, name) for name in LIST_PAGES]
    urls += [url for url in detail_urls() if url.startswith(f"/{language}/")]
    return urls + [template.format(lang=language) for template in EXTRA_PAGES]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_is_wider_than_a_390_px_phone(phone, seeded, language):
    """Measured against the screen's width, not window.innerWidth: a mobile browser zooms out to fit a
    page that is too wide, which widens innerWidth and would hide the overflow."""
    urls = every_public_page(language)
    assert len(urls) > 60
    too_wide = {}
    for url in urls:
        phone.goto(url)
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > PHONE_WIDTH:
            too_wide[url] = width
    assert too_wide == {}


LEGEND_GEOMETRY = """() => [...document.querySelectorAll('.chart__legend li')].map(item => {
    const key = item.querySelector('svg').getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(item);
    range.setStartAfter(item.querySelector('svg'));
    const label = range.getBoundingClientRect();
    return {
        keyWidth: key.width, keyHeight: key.height,
        gap: label.left - key.right,
        centreOffset: Math.abs((key.top + key.bottom) / 2 - (label.top + label.bottom) / 2),
        labelHeight: label.height,
    };
})"""


@pytest.mark.parametrize("width", [PHONE_WIDTH, 1280])
def test_each_legend_key_sits_just_left_of_its_label(browser, live_server, seeded, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, base_url=live_server.url)
    page = context.new_page()
    try:
        for language in LANGUAGES:
            page.goto(url_in(language, "seoul:market"))
            legend = page.evaluate(LEGEND_GEOMETRY)
            assert len(legend) >= 2
            for item in legend:
                assert item["keyWidth"] <= 16, item
                assert item["keyHeight"] <= 16, item
                assert 0 <= item["gap"] <= 16, item
                assert item["centreOffset"] <= 4, item
                assert item["labelHeight"] <= 32, item
    finally:
        context.close()


CHART_TEXT_SIZES = """() => [...document.querySelectorAll('figure.chart svg[viewBox]')].map(chart => {
    const scale = chart.getBoundingClientRect().width / chart.viewBox.baseVal.width;
    const sizes = [...chart.querySelectorAll('text')].map(text => Number(text.getAttribute('font-size')));
    return Math.min(...sizes) * scale;
})"""


def test_chart_labels_are_readable_on_a_phone_and_the_chart_scrolls_in_its_own_region(phone, seeded):
    phone.goto(url_in("en", "seoul:market"))
    sizes = phone.evaluate(CHART_TEXT_SIZES)
    assert sizes
    assert min(sizes) >= 11, sizes
    region = phone.locator(".chart__scroll").first
    assert region.get_attribute("tabindex") == "0"
    assert region.get_attribute("role") == "group"
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH

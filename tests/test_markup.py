"""Every public page keeps paragraphs valid: no block element (another <p>, a list, a heading) inside a
<p>. An HTML parser closes the <p> before such a block, so the template's own </p> is left with no open
<p>: the W3C Nu Html Checker's "No p element in scope but a p end tag seen" error."""

from html.parser import HTMLParser

from django.utils import translation

from tests.test_pages import LANGUAGES, LIST_PAGES, detail_urls, url_in

# Start tags that close an open <p> (HTML Living Standard, "optional tags": a p element's end tag).
CLOSES_PARAGRAPH = {
    "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main",
    "menu", "nav", "ol", "p", "pre", "section", "table", "ul",
}  # fmt: skip
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class StrayParagraphEnds(HTMLParser):
    """Collects the line of every </p> that has no open <p> to close."""

    def __init__(self):
        super().__init__()
        self.open_elements = []
        self.stray_lines = []

    def handle_starttag(self, tag, attrs):
        if tag in CLOSES_PARAGRAPH and "p" in self.open_elements:
            del self.open_elements[self.open_elements.index("p") :]
        if tag not in VOID:
            self.open_elements.append(tag)

    def handle_startendtag(self, tag, attrs):
        """A self-closed element (in inline SVG) opens nothing."""

    def handle_endtag(self, tag):
        if tag not in self.open_elements:
            if tag == "p":
                self.stray_lines.append(self.getpos()[0])
            return
        last = len(self.open_elements) - 1 - self.open_elements[::-1].index(tag)
        del self.open_elements[last:]


def stray_paragraph_ends(html):
    parser = StrayParagraphEnds()
    parser.feed(html)
    return parser.stray_lines


def test_the_check_finds_a_block_inside_a_paragraph():
    assert stray_paragraph_ends("<p>Text <p class='note'>source</p></p>") == [1]
    assert stray_paragraph_ends("<p>Text <ul><li>item</li></ul></p>") == [1]
    assert stray_paragraph_ends("<p>A <a href='/'>link</a> and <strong>more</strong></p><p>B</p>") == []


def test_no_public_page_ends_a_paragraph_that_a_block_already_closed(client, seeded_db):
    urls = [url_in(language, name) for name in LIST_PAGES for language in LANGUAGES]
    urls += list(detail_urls())
    for language in LANGUAGES:
        with translation.override(language):
            urls.append(url_in(language, "portal:search") + "?q=AI")
    problems = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        lines = stray_paragraph_ends(response.content.decode())
        if lines:
            problems[url] = lines
    assert problems == {}

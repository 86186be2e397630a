"""Template helpers every content page shares: translated fields marked with their language, money."""

import json
import re

from django import template
from django.conf import settings
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from content.models import Citation
from content.money import format_money

register = template.Library()

# A blank line between paragraphs, whatever the line endings: the admin posts "\r\n", seed files "\n".
PARAGRAPH_BREAK = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)")


def shows_fallback(obj, field):
    """True when the page's language has no value for this field, so modeltranslation shows Korean."""
    language = get_language()
    return language != settings.LANGUAGE_CODE and not getattr(obj, f"{field}_{language}", None)


@register.simple_tag
def tr(obj, field):
    """A translated content field; when English is missing, the Korean shows, marked lang="ko"."""
    value = getattr(obj, field)
    if value and shows_fallback(obj, field):
        return format_html('<span lang="{}">{}</span>', settings.LANGUAGE_CODE, value)
    return value


@register.simple_tag
def tr_paragraphs(obj, field):
    """A translated text field split into <p> paragraphs at blank lines, language-marked like `tr`."""
    value = getattr(obj, field) or ""
    paragraphs = [(" ".join(chunk.split()),) for chunk in PARAGRAPH_BREAK.split(value) if chunk.strip()]
    if shows_fallback(obj, field):
        return format_html_join("\n", f'<p lang="{settings.LANGUAGE_CODE}">{{}}</p>', paragraphs)
    return format_html_join("\n", "<p>{}</p>", paragraphs)


@register.filter
def krw(value):
    return format_money(value, "KRW", get_language())


@register.filter
def figure(item):
    """Any SourcedValue or data point, written with its unit: money, percent, count, score or rank."""
    unit = getattr(item, "unit", None) or getattr(getattr(item, "dataset", None), "unit", "")
    value = item.number
    language = get_language()
    if unit in ("KRW", "USD"):
        return format_money(value, unit, language)
    if unit == "percent":
        return f"{value}%"
    if unit == "rank":
        return f"{value}위" if language == "ko" else ordinal(value)
    if unit == "count":
        return f"{value:,}"
    return str(value)


def ordinal(number):
    number = int(number)
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


@register.inclusion_tag("includes/_source_note.html")
def source_note(item):
    """'Source: publisher, title (as of date)' for a figure, dataset or anything with source and as_of."""
    return {"source": item.source, "as_of": getattr(item, "as_of", None)}


@register.inclusion_tag("includes/_citation_notes.html")
def citation_notes(record):
    """The notes staff attached to a record (e.g. where the brochure contradicts itself): one query."""
    return {"citations": list(Citation.objects.for_record(record).notes())}


@register.simple_tag(takes_context=True)
def json_ld(context, obj):
    """schema.org data for a page's main thing (obj.structured_data(request)), as a JSON-LD data block."""
    data = json.dumps(obj.structured_data(context["request"]), ensure_ascii=False)
    escaped = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{escaped}</script>')

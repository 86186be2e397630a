"""Template helpers shared by every page: translated fields with their language, money, alternates."""

import json

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from portal.money import format_money

register = template.Library()


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
    paragraphs = [(" ".join(chunk.split()),) for chunk in value.split("\n\n") if chunk.strip()]
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


@register.filter
def alternate_urls(request):
    """(language, absolute URL) for each language version of this page, plus x-default (Korean)."""
    urls = [
        (code, request.build_absolute_uri(translate_url(request.get_full_path(), code)))
        for code, _name in settings.LANGUAGES
    ]
    return [*urls, ("x-default", urls[0][1])]


@register.filter
def canonical_url(request):
    return request.build_absolute_uri(request.path)


@register.inclusion_tag("includes/_source_note.html")
def source_note(item):
    """'Source: publisher, title (as of date)' for a figure, dataset or anything with source and as_of."""
    return {"source": item.source, "as_of": getattr(item, "as_of", None)}


@register.filter
def facet_count(counts, key):
    """`facets|facet_count:"kind"|facet_count:"startup"` → how many companies that choice shows."""
    return counts.get(key, 0) if isinstance(counts, dict) else 0


@register.filter
def add_deals(first, second):
    return [*first, *second]


@register.simple_tag(takes_context=True)
def json_ld(context, obj):
    """schema.org data for a page's main thing (obj.structured_data(request)), as a JSON-LD data block."""
    data = json.dumps(obj.structured_data(context["request"]), ensure_ascii=False)
    escaped = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{escaped}</script>')

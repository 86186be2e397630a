"""Helpers for the base template: this page's address in each language, and its canonical address."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

register = template.Library()


@register.filter
def alternate_urls(request):
    """(language, absolute URL) for each language version of this page, plus x-default (Korean)."""
    urls = [
        (code, request.build_absolute_uri(translate_url(request.get_full_path(), code)))
        for code, _name in settings.LANGUAGES
    ]
    return [*urls, ("x-default", urls[0][1])]


@register.filter
def language_switch_urls(request):
    """(language, path) of this page in each language, for the language switch.

    A path that resolves is translated (its slugs may differ per language); one that does not, such as a
    404 page's, keeps its path and only changes the language prefix.
    """
    path = request.get_full_path()
    current = f"/{get_language()}/"
    urls = []
    for code, _name in settings.LANGUAGES:
        translated = translate_url(path, code)
        if translated == path and code != get_language() and path.startswith(current):
            translated = f"/{code}/" + path[len(current) :]
        urls.append((code, translated))
    return urls


@register.filter
def canonical_url(request):
    return request.build_absolute_uri(request.path)

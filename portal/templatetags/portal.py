"""Helpers for the base template: this page's address in each language, and its canonical address."""

from django import template
from django.conf import settings
from django.urls import translate_url

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
def canonical_url(request):
    return request.build_absolute_uri(request.path)

"""Helpers for the directory and company pages."""

from django import template

register = template.Library()


@register.filter
def facet_count(counts, key):
    """`facets|facet_count:"kind"|facet_count:"startup"` → how many companies that choice shows."""
    return counts.get(key, 0) if isinstance(counts, dict) else 0


@register.filter
def add_deals(first, second):
    return [*first, *second]

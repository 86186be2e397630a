"""Drawing a dataset: its SVG chart and the short value labels on the bars."""

from django import template
from django.utils.translation import get_language

from content.money import english_amount, korean_amount
from content.templatetags.content import figure
from seoul.charts import build_chart

register = template.Library()


@register.filter
def chart(dataset):
    """The SVG layout of a dataset (None for table-only datasets), values written like the table's."""
    return build_chart(dataset, compact_figure)


def compact_figure(item):
    """A short reading for chart labels: '4,076억' or '407.6 billion' (the table beside has the unit)."""
    if item.dataset.unit in ("KRW", "USD"):
        return korean_amount(item.value) if get_language() == "ko" else english_amount(item.value)
    return figure(item)

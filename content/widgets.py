"""Form widgets every content app may use."""

from django import forms
from django.conf import settings

from content.templatetags.content import shows_fallback


class FallbackMarkedSelect(forms.Select):
    """A select of translated records: an option whose name falls back to Korean is marked lang="ko"."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None and shows_fallback(instance, "name"):
            option["attrs"]["lang"] = settings.LANGUAGE_CODE
        return option

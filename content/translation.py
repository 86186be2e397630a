"""Content fields translated with django-modeltranslation: Korean is the source, English follows."""

from modeltranslation.translator import TranslationOptions, register

from content.models import Source


@register(Source)
class SourceTranslationOptions(TranslationOptions):
    fields = ("title", "publisher")

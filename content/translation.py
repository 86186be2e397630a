"""Content fields translated with django-modeltranslation: Korean is the source, English follows."""

from modeltranslation.translator import TranslationOptions, register

from content.models import Citation, Source


@register(Source)
class SourceTranslationOptions(TranslationOptions):
    fields = ("title", "publisher", "note")


@register(Citation)
class CitationTranslationOptions(TranslationOptions):
    fields = ("note",)

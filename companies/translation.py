"""Content fields translated with django-modeltranslation: Korean is the source, English follows."""

from modeltranslation.translator import TranslationOptions, register

from .models import Company, CompanyFigure, CompanyHighlight, Deal, Sector


@register(Sector)
class SectorTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Company)
class CompanyTranslationOptions(TranslationOptions):
    fields = (
        "name",
        "founding_note",
        "summary",
        "description",
    )


@register(CompanyHighlight)
class CompanyHighlightTranslationOptions(TranslationOptions):
    fields = ("text",)


@register(CompanyFigure)
class CompanyFigureTranslationOptions(TranslationOptions):
    fields = ("label",)


@register(Deal)
class DealTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "stake",
        "summary",
        "why_it_matters",
    )

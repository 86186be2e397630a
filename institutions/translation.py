"""Content fields translated with django-modeltranslation: Korean is the source, English follows."""

from modeltranslation.translator import TranslationOptions, register

from .models import Institution, InstitutionFigure, Program, Ranking, RankingEntry


@register(Institution)
class InstitutionTranslationOptions(TranslationOptions):
    fields = (
        "name",
        "campus",
        "summary",
        "description",
    )


@register(InstitutionFigure)
class InstitutionFigureTranslationOptions(TranslationOptions):
    fields = ("label",)


@register(Program)
class ProgramTranslationOptions(TranslationOptions):
    fields = (
        "category",
        "name",
        "description",
        "partner",
    )


@register(Ranking)
class RankingTranslationOptions(TranslationOptions):
    fields = ("title", "basis")


@register(RankingEntry)
class RankingEntryTranslationOptions(TranslationOptions):
    fields = ("university", "country")

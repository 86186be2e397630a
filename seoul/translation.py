"""Content fields translated with django-modeltranslation: Korean is the source, English follows."""

from modeltranslation.translator import TranslationOptions, register

from .models import DataPoint, Dataset, District, KeyFigure, PolicyLine, PublicServiceCase


@register(District)
class DistrictTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(KeyFigure)
class KeyFigureTranslationOptions(TranslationOptions):
    fields = (
        "label",
        "note",
    )


@register(Dataset)
class DatasetTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "caption",
        "row_heading",
    )


@register(DataPoint)
class DataPointTranslationOptions(TranslationOptions):
    fields = (
        "label",
        "series",
    )


@register(PolicyLine)
class PolicyLineTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "summary",
    )


@register(PublicServiceCase)
class PublicServiceCaseTranslationOptions(TranslationOptions):
    fields = (
        "name",
        "summary",
        "description",
    )

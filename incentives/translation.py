"""Content fields translated with django-modeltranslation: Korean is the source, English follows."""

from modeltranslation.translator import TranslationOptions, register

from .models import Activity, Benefit, Condition, ContactPoint, Incentive, SupportSpace


@register(Incentive)
class IncentiveTranslationOptions(TranslationOptions):
    fields = (
        "name",
        "summary",
        "description",
        "legal_basis",
    )


@register(Condition)
class ConditionTranslationOptions(TranslationOptions):
    fields = ("text",)


@register(Benefit)
class BenefitTranslationOptions(TranslationOptions):
    fields = ("text",)


@register(SupportSpace)
class SupportSpaceTranslationOptions(TranslationOptions):
    fields = (
        "name",
        "industries",
    )


@register(ContactPoint)
class ContactPointTranslationOptions(TranslationOptions):
    fields = (
        "name",
        "address",
    )


@register(Activity)
class ActivityTranslationOptions(TranslationOptions):
    fields = ("name",)

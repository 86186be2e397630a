"""Content fields translated with django-modeltranslation: Korean is the source, English follows."""

from modeltranslation.translator import TranslationOptions, register

from .models import Answer, Story


@register(Story)
class StoryTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "summary",
        "body",
        "person_name",
        "person_role",
    )


@register(Answer)
class AnswerTranslationOptions(TranslationOptions):
    fields = (
        "question",
        "answer",
    )

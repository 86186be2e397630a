"""Content fields translated with django-modeltranslation: Korean is the source, English follows."""

from modeltranslation.translator import TranslationOptions, register

from .models import Event, EventFigure


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = (
        "name",
        "organizer",
        "venue",
        "summary",
        "description",
    )


@register(EventFigure)
class EventFigureTranslationOptions(TranslationOptions):
    fields = ("label",)

"""Filters of the API lists and downloads beyond the company directory's own (companies/forms.py)."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from events.models import Event
from incentives.models import Incentive
from institutions.models import Institution
from seoul.models import District, KeyFigure


class FacetForm(forms.Form):
    """Optional choices read from the query string; each chosen value narrows the rows by its lookup."""

    lookups = {}

    def filter(self, rows):
        for name, lookup in self.lookups.items():
            if value := self.cleaned_data.get(name):
                rows = rows.filter(**{lookup: value})
        return rows


def with_any(choices, label):
    return [("", label), *choices]


class InstitutionFilterForm(FacetForm):
    """An institution is in a district when it is its main district or one of its other districts."""

    kind = forms.ChoiceField(label=_("Type"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)
    lookups = {"kind": "kind"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = with_any(Institution.Kind.choices, _("All types"))
        self.fields["district"].choices = with_any(
            District.objects.values_list("slug", "name"), _("All districts")
        )

    def filter(self, rows):
        district = self.cleaned_data.get("district")
        if district:
            rows = rows.filter(Q(district__slug=district) | Q(other_districts__slug=district)).distinct()
        return super().filter(rows)


class EventFilterForm(FacetForm):
    season = forms.ChoiceField(
        label=_("When"), required=False, choices=with_any(Event.Season.choices, _("Any time"))
    )
    format = forms.ChoiceField(
        label=_("Format"), required=False, choices=with_any(Event.Format.choices, _("Any format"))
    )
    lookups = {"season": "season", "format": "format"}


class KeyFigureFilterForm(FacetForm):
    topic = forms.ChoiceField(
        label=_("Topic"), required=False, choices=with_any(KeyFigure.Topic.choices, _("All topics"))
    )
    lookups = {"topic": "topic"}


class IncentiveFilterForm(FacetForm):
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=with_any(Incentive.Kind.choices, _("All types"))
    )
    lookups = {"kind": "kind"}

from django import forms
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from companies.models import Company, Sector
from seoul.models import District

# Each facet and the lookup that filters companies by the chosen value.
FACET_LOOKUPS = {"kind": "kind", "district": "district__slug", "sector": "sectors__slug", "status": "status"}


class CompanyFilterForm(forms.Form):
    """The directory's facets, read from GET so every filtered view has a shareable address.

    A value that matches nothing (an old link, a typo) is dropped with a notice rather than failing.
    """

    kind = forms.ChoiceField(label=_("Type"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Any status"))])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = [(value, label) for value, label in Company.Kind.choices if value != Company.Kind.OVERSEAS]
        self.fields["kind"].choices = [("", _("All types")), *kinds]
        self.fields["district"].choices = [
            ("", _("All districts")),
            *((d.slug, d.name) for d in District.objects.filter(companies__isnull=False).distinct()),
        ]
        self.fields["sector"].choices = [
            ("", _("All sectors")),
            *((s.slug, s.name) for s in Sector.objects.all()),
        ]
        self.fields["status"].choices += Company.Status.choices

    @property
    def ignored(self):
        """Labels of the facets whose values were not recognised."""
        if not self.is_bound or self.is_valid():
            return []
        return [str(self.fields[name].label) for name in self.errors]

    def selected(self):
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value and name not in self.errors}

    def filter(self, companies, *, skip=None):
        for name, value in self.selected().items():
            if name != skip:
                companies = companies.filter(**{FACET_LOOKUPS[name]: value})
        return companies

    def facet_counts(self):
        """For each facet, how many companies each value would show, given the other facets chosen."""
        base = Company.objects.in_seoul()
        counts = {}
        for name, lookup in FACET_LOOKUPS.items():
            rows = (
                self.filter(base, skip=name).values(lookup).order_by().annotate(n=Count("pk", distinct=True))
            )
            counts[name] = {row[lookup]: row["n"] for row in rows}
        return counts

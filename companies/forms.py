from collections import Counter

from django import forms
from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _

from companies.models import Company, Sector
from content.templatetags.content import shows_fallback
from seoul.models import District

# Each facet and the lookup that filters companies by the chosen value.
FACET_LOOKUPS = {"kind": "kind", "district": "district__slug", "sector": "sectors__slug", "status": "status"}


def in_district(slug):
    """A company is in a district when it is its main district or one of its other districts."""
    return Q(district__slug=slug) | Q(
        pk__in=Company.other_districts.through.objects.filter(district__slug=slug).values("company_id")
    )


def district_counts(companies):
    """How many of these companies sit in each district, main or other, each company once per district."""
    companies = companies.order_by()
    pairs = (
        companies.annotate(place=F("district__slug"))
        .values_list("pk", "place")
        .union(companies.annotate(place=F("other_districts__slug")).values_list("pk", "place"))
    )
    return Counter(slug for _pk, slug in pairs if slug)


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
        # Only places and sectors the directory can show: drafts and overseas companies do not count.
        listed = Company.objects.in_seoul()
        districts = District.objects.filter(Q(companies__in=listed) | Q(other_companies__in=listed))
        self.set_choices("district", _("All districts"), districts)
        self.set_choices("sector", _("All sectors"), Sector.objects.filter(companies__in=listed))
        self.fields["status"].choices += Company.Status.choices

    def set_choices(self, name, everything, rows):
        """Choices from records; `korean_values` are those whose name falls back to Korean (lang="ko")."""
        rows = list(rows.distinct())
        self.fields[name].choices = [("", everything), *((row.slug, row.name) for row in rows)]
        self.fields[name].korean_values = {row.slug for row in rows if shows_fallback(row, "name")}

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
            if name == skip:
                continue
            if name == "district":
                companies = companies.filter(in_district(value))
            else:
                companies = companies.filter(**{FACET_LOOKUPS[name]: value})
        return companies

    def facet_counts(self):
        """For each facet, how many companies each value would show, given the other facets chosen."""
        base = Company.objects.in_seoul()
        counts = {}
        for name, lookup in FACET_LOOKUPS.items():
            if name == "district":
                counts[name] = district_counts(self.filter(base, skip=name))
                continue
            rows = (
                self.filter(base, skip=name).values(lookup).order_by().annotate(n=Count("pk", distinct=True))
            )
            counts[name] = {row[lookup]: row["n"] for row in rows}
        return counts

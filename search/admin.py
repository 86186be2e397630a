from django import forms
from django.contrib import admin
from django.contrib.postgres.forms import SimpleArrayField
from django.utils.translation import gettext_lazy as _

from search.models import SynonymGroup


class SynonymGroupForm(forms.ModelForm):
    terms = SimpleArrayField(
        forms.CharField(max_length=60),
        label=_("words"),
        help_text=_("Words or short phrases that mean the same, separated by commas, e.g. 세금, 조세, tax."),
        widget=forms.TextInput(attrs={"size": 80}),
    )

    class Meta:
        model = SynonymGroup
        fields = ["terms", "note"]


@admin.register(SynonymGroup)
class SynonymGroupAdmin(admin.ModelAdmin):
    form = SynonymGroupForm
    list_display = ["__str__", "note"]
    search_fields = ["note"]

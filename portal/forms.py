from django import forms
from django.utils.translation import gettext_lazy as _

from portal.search import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the portal"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        error_messages={"max_length": _("Please use at most %(limit_value)d characters.")},
    )

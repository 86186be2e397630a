from django import forms
from django.utils.translation import gettext_lazy as _

from search.query import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the portal"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        error_messages={
            "max_length": _(
                "Please shorten your search to %(limit_value)d characters or fewer (it has %(show_value)d)."
            )
        },
    )

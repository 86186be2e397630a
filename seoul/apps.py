from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeoulConfig(AppConfig):
    name = "seoul"
    verbose_name = _("Seoul: districts, sources, market data and policy")

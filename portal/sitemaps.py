"""sitemap.xml: every public page in Korean and English, each with its hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from companies.models import Company, Deal
from events.models import Event
from incentives.models import Incentive
from institutions.models import Institution
from stories.models import Story

STATIC_PAGES = [
    "portal:home",
    "companies:list",
    "companies:deals",
    "seoul:market",
    "seoul:policy",
    "institutions:list",
    "events:list",
    "incentives:list",
    "stories:list",
    "inquiries:contact",
    "portal:sources",
]


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class StaticPagesSitemap(BilingualSitemap):
    def items(self):
        return STATIC_PAGES

    def location(self, item):
        return reverse(item)


class ContentSitemap(BilingualSitemap):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


SITEMAPS = {
    "pages": StaticPagesSitemap(),
    **{
        model._meta.model_name: ContentSitemap(model)
        for model in (Company, Deal, Institution, Event, Incentive, Story)
    },
}

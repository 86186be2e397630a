"""An Atom feed of what changed on the portal: the latest updated published records of every kind."""

from heapq import nlargest

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from companies.models import Company, Deal
from events.models import Event
from incentives.models import Incentive
from institutions.models import Institution
from stories.models import Story

FEED_LENGTH = 50
CHANGING_MODELS = [Company, Deal, Institution, Event, Incentive, Story]


class ChangesFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("Invest Seoul AI portal: what changed")

    def subtitle(self):
        return _("Companies, deals, institutions, events, incentives and stories as they are updated.")

    def link(self):
        return reverse("opendata:data")

    def items(self):
        recent = (
            record
            for model in CHANGING_MODELS
            for record in model.objects.published().order_by("-updated_at")[:FEED_LENGTH]
        )
        return nlargest(FEED_LENGTH, recent, key=lambda record: record.updated_at)

    def item_title(self, item):
        return f"{item._meta.verbose_name}: {item}"

    def item_description(self, item):
        return item.summary

    def item_updateddate(self, item):
        return item.updated_at

    def item_pubdate(self, item):
        return item.updated_at

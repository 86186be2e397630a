"""A draft is invisible to the public, for every public model: not on its list pages, not on its own page,
not in search, not in the sitemap, not in any count, and no other page links to it.

Each case names a seeded record and the pages that show it. The record's English name is replaced by a
marker word; while the record is published the marker must appear on each of those pages (so the case
really looks where the record shows), and once it is a draft it must appear nowhere.
"""

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from companies.models import Company, Deal
from events.models import Event
from incentives.models import Incentive
from institutions.models import Institution, Program, Ranking
from seoul.models import Dataset, KeyFigure, PolicyLine, PublicServiceCase
from stories.models import Story

pytestmark = pytest.mark.usefixtures("seeded_db")

MARKER = "Quixotrel"
SEARCH = ("portal:search", ())
SEARCH_QUERY = MARKER[:-2]  # a partial word finds the marker; the page repeats the query, not the marker


@dataclass
class DraftCase:
    model: type
    key: str
    text_field: str
    listed_on: list
    linked_from: list = field(default_factory=list)
    searchable: bool = False
    prepare: dict = field(default_factory=dict)

    def queryset(self):
        key_field = "slug" if hasattr(self.model, "slug") else "key"
        return self.model.objects.filter(**{key_field: self.key})

    def __str__(self):
        return f"{self.model.__name__}-{self.key}"


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


CASES = [
    DraftCase(
        Company,
        "samsung",
        "name",
        # The directory pages its results: the group's own type keeps it on the first page.
        listed_on=[("companies:list", (), {"kind": "domestic-leader"}), ("portal:home", ())],
        linked_from=[
            ("companies:detail", ("samsung-research",)),
            ("stories:detail", ("samsung-esg",)),
            ("institutions:detail", ("chung-ang-university-ai",)),
        ],
        searchable=True,
    ),
    DraftCase(
        Company,
        "sualab",
        "name",
        listed_on=[("companies:list", (), {"kind": "startup"})],
        linked_from=[("companies:deal", ("cognex-acquires-sualab",))],
        # Not searched for its name: the published deal that bought it names it in its own result.
    ),
    DraftCase(
        Deal,
        "cognex-acquires-sualab",
        "title",
        listed_on=[("companies:deals", ()), ("portal:home", ())],
        linked_from=[("companies:detail", ("sualab",)), ("companies:detail", ("cognex",))],
    ),
    DraftCase(
        Institution,
        "ai-yangjae-hub",
        "name",
        listed_on=[("institutions:list", ())],
        linked_from=[("stories:detail", ("smartmind-interview",)), ("companies:detail", ("smartmind",))],
        searchable=True,
    ),
    DraftCase(
        Institution,
        "kaist-graduate-school-of-ai",
        "name",
        listed_on=[("institutions:list", ())],
        linked_from=[("institutions:list", ())],  # from the ranking table
        searchable=True,
    ),
    DraftCase(
        Event,
        "ai-expo-korea",
        "name",
        listed_on=[("events:list", ())],
        searchable=True,
        prepare={"start_date": days_from_today(30), "end_date": days_from_today(32)},
    ),
    DraftCase(
        Event,
        "samsung-ai-forum",
        "name",
        listed_on=[("events:list", ())],
        searchable=True,
        prepare={"start_date": days_from_today(-32), "end_date": days_from_today(-30)},
    ),
    DraftCase(Event, "ai-seoul-2022", "name", listed_on=[("events:list", ())], searchable=True),
    DraftCase(
        Incentive,
        "cash-grants",
        "name",
        listed_on=[("incentives:list", ()), ("portal:home", ())],
        searchable=True,
    ),
    DraftCase(
        Story,
        "smartmind-interview",
        "title",
        listed_on=[("stories:list", ())],
        linked_from=[("companies:detail", ("smartmind",)), ("institutions:detail", ("ai-yangjae-hub",))],
        searchable=True,
    ),
    DraftCase(
        Story,
        "samsung-esg",
        "title",
        listed_on=[("stories:list", ())],
        linked_from=[("companies:detail", ("samsung",))],
        searchable=True,
    ),
    DraftCase(
        Ranking,
        "csrankings-asia-computer-science-2022",
        "title",
        listed_on=[("institutions:list", ()), ("institutions:detail", ("kaist-graduate-school-of-ai",))],
    ),
    DraftCase(
        KeyFigure,
        "korea-ai-market-2021",
        "label",
        listed_on=[("seoul:market", ()), ("portal:home", ())],
    ),
    DraftCase(Dataset, "seoul-ai-deal-count", "title", listed_on=[("seoul:market", ())]),
    DraftCase(PolicyLine, "seoul-innovation-challenge", "title", listed_on=[("seoul:policy", ())]),
    DraftCase(PublicServiceCase, "gangnam-bot", "name", listed_on=[("seoul:policy", ())]),
]


def english(name, args=()):
    with translation.override("en"):
        return reverse(name, args=args)


def page_html(client, page):
    name, args, *params = page
    url = english(name, args)
    response = client.get(url, {"q": SEARCH_QUERY} if page == SEARCH else {**(params[0] if params else {})})
    assert response.status_code == 200, url
    return response.content.decode()


def sitemap(client):
    return client.get("/sitemap.xml").content.decode()


def test_every_public_model_has_a_draft_case():
    public_models = {
        Company,
        Deal,
        Institution,
        Event,
        Incentive,
        Story,
        Ranking,
        KeyFigure,
        Dataset,
        PolicyLine,
        PublicServiceCase,
    }
    assert {case.model for case in CASES} == public_models


@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_draft_is_shown_nowhere_and_linked_from_nowhere(client, case):
    record = case.queryset().get()
    for name, value in {f"{case.text_field}_en": MARKER, **case.prepare}.items():
        setattr(record, name, value)
    record.save()  # through save(), so the search index and the page cache follow, as for staff edits
    url = english_url(record)
    pages = case.listed_on + ([SEARCH] if case.searchable else [])

    for page in pages:
        assert MARKER in page_html(client, page), f"{page} does not show the published record"
    for page in case.linked_from:
        assert f'href="{url}"' in page_html(client, page), f"{page} does not link the published record"
    if url:
        assert client.get(url).status_code == 200
        assert f"<loc>http://testserver{url}</loc>" in sitemap(client)

    case.queryset().update(is_published=False)

    for page in pages:
        assert MARKER not in page_html(client, page), f"{page} shows the draft"
    for page in case.linked_from:
        assert f'href="{url}"' not in page_html(client, page), f"{page} links the draft"
    if url:
        assert client.get(url).status_code == 404
        assert url not in sitemap(client)


def english_url(record):
    if not hasattr(record, "get_absolute_url"):
        return None
    with translation.override("en"):
        return record.get_absolute_url()


def test_a_draft_institutions_programmes_stay_out_of_search(client):
    programme = Program.objects.filter(institution__slug="ai-yangjae-hub").first()
    programme.name_en = MARKER
    programme.save()  # indexed for search, as a staff edit is
    assert MARKER in page_html(client, SEARCH)

    Institution.objects.filter(slug="ai-yangjae-hub").update(is_published=False)

    assert MARKER not in page_html(client, SEARCH)


def directory(client, **filters):
    return client.get(english("companies:list"), filters)


def offered_districts(response):
    return [value for value, _label in response.context["form"].fields["district"].choices if value]


def test_directory_counts_and_choices_leave_drafts_out(client):
    by_district = Counter(
        Company.objects.in_seoul().exclude(district=None).values_list("district__slug", flat=True)
    )
    district = next(slug for slug, count in sorted(by_district.items()) if count == 1)
    company = Company.objects.in_seoul().get(district__slug=district)
    before = directory(client, kind=company.kind)
    shown = len(before.context["companies"])
    assert before.context["facets"]["district"][district] == 1
    assert district in offered_districts(before)

    Company.objects.filter(pk=company.pk).update(is_published=False)
    after = directory(client, kind=company.kind)
    html = after.content.decode()

    assert len(after.context["companies"]) == shown - 1
    assert f"{shown - 1} companies" in html
    assert after.context["facets"]["kind"][company.kind] == shown - 1
    assert after.context["facets"]["district"].get(district, 0) == 0
    assert district not in offered_districts(after)
    assert f'value="{district}"' not in html


def test_directory_offers_no_district_whose_only_companies_are_overseas_or_drafts(client):
    offered = set(offered_districts(directory(client)))
    listed = Company.objects.in_seoul()
    expected = {
        *listed.exclude(district=None).values_list("district__slug", flat=True),
        *listed.exclude(other_districts=None).values_list("other_districts__slug", flat=True),
    }
    assert offered == expected


def search_total(client):
    """The count the search page states: "2 results for …"."""
    return int(re.search(r"(\d+) results? for", page_html(client, SEARCH)).group(1))


def test_the_search_total_counts_only_published_records(client):
    lunit, story = Company.objects.get(slug="lunit"), Story.objects.get(slug="samsung-esg")
    lunit.name_en, story.title_en = f"{MARKER} Lunit", f"{MARKER} story"
    lunit.save()  # saved as staff would, so the search index follows
    story.save()
    assert search_total(client) == 2

    Story.objects.filter(slug="samsung-esg").update(is_published=False)

    assert search_total(client) == 1

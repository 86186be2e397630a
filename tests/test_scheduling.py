"""A record scheduled by staff appears and disappears on time wherever the public looks, with no worker."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from companies.models import Company
from content.models import PublicationState
from institutions.models import Institution, Program
from tests import factories
from tests.admin_forms import changeform_data

pytestmark = pytest.mark.django_db
SEOUL = ZoneInfo("Asia/Seoul")
BEFORE = datetime.datetime(2026, 11, 28, 18, 0, tzinfo=SEOUL)
LAUNCH = datetime.datetime(2026, 11, 29, 9, 0, tzinfo=SEOUL)
AFTER = datetime.datetime(2026, 11, 29, 9, 1, tzinfo=SEOUL)
END = datetime.datetime(2026, 12, 31, 0, 0, tzinfo=SEOUL)


def english(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def found(search_response):
    return [hit.record for hit in search_response.context["results"].hits]


def what_the_public_sees(client, company):
    """Where a company can show up: its page, the directory with its counts, search and the sitemap."""
    directory = client.get(english("companies:list"))
    return {
        "detail": client.get(company.get_absolute_url()).status_code == 200,
        "list": company in directory.context["companies"],
        "district count": directory.context["facets"]["district"].get("launch-district", 0) == 1,
        "search": company in found(client.get(english("portal:search"), {"q": "Launch Labs"})),
        "sitemap": company.slug in client.get("/sitemap.xml").content.decode(),
    }


@pytest.fixture
def scheduled_company():
    district = factories.district("launch-district", name_ko="시험구", name_en="Test-gu")
    return factories.company(
        "launch-labs", name_en="Launch Labs", district=district, publish_from=LAUNCH, publish_until=END
    )


def test_a_scheduled_company_is_nowhere_before_its_time(client, scheduled_company):
    with time_machine.travel(BEFORE, tick=False):
        seen = what_the_public_sees(client, scheduled_company)

    assert seen == dict.fromkeys(seen, False)


def test_a_scheduled_company_is_everywhere_once_its_time_comes(client, scheduled_company):
    with time_machine.travel(AFTER, tick=False):
        seen = what_the_public_sees(client, scheduled_company)

    assert seen == dict.fromkeys(seen, True)


def test_a_company_disappears_when_its_publication_ends(client, scheduled_company):
    with time_machine.travel(END + datetime.timedelta(minutes=1), tick=False):
        seen = what_the_public_sees(client, scheduled_company)

    assert seen == dict.fromkeys(seen, False)


def test_each_state_is_told_apart():
    drafted = factories.company("drafted", is_published=False, publish_from=LAUNCH)
    scheduled = factories.company("scheduled", publish_from=LAUNCH)
    live = factories.company("live", publish_until=END)
    expired = factories.company("expired", publish_until=BEFORE)

    with time_machine.travel(BEFORE + datetime.timedelta(hours=1), tick=False):
        states = {company.slug: company.publication_state for company in (drafted, scheduled, live, expired)}
        by_filter = {
            state: set(Company.objects.filter(slug__in=states).in_state(state).values_list("slug", flat=True))
            for state in PublicationState.values
        }

    assert states == {"drafted": "draft", "scheduled": "scheduled", "live": "live", "expired": "expired"}
    assert by_filter == {
        "draft": {"drafted"},
        "scheduled": {"scheduled"},
        "live": {"live"},
        "expired": {"expired"},
    }


def test_the_admin_list_shows_and_filters_by_state(admin_client):
    factories.company("scheduled", name_en="Scheduled Co", publish_from=LAUNCH)
    factories.company("live", name_en="Live Co")
    url = reverse("admin:companies_company_changelist")

    with time_machine.travel(BEFORE, tick=False):
        everything = admin_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        scheduled = admin_client.get(url, {"state": "scheduled"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "publication-state-scheduled" in everything
    assert "publication-state-live" in everything
    assert "Scheduled Co" in scheduled
    assert "Live Co" not in scheduled


def test_the_admin_schedules_in_seoul_time(admin_client):
    company = factories.company()
    url = reverse("admin:companies_company_change", args=[company.pk])
    data = changeform_data(admin_client.get(url))
    data.update({"publish_from_0": "2026-11-29", "publish_from_1": "09:00:00"})
    assert admin_client.post(url, data).status_code == 302

    company.refresh_from_db()
    assert company.publish_from == LAUNCH
    assert company.publish_from.astimezone(datetime.UTC).hour == 0


def test_an_end_before_the_start_is_refused():
    company = factories.company(publish_from=LAUNCH, publish_until=BEFORE)

    with pytest.raises(ValidationError) as error:
        company.full_clean()

    assert "publish_until" in error.value.message_dict


def test_a_scheduled_institutions_programmes_stay_out_of_search_until_its_time(client):
    institution = Institution.objects.create(
        slug="new-hub",
        name_ko="새 허브",
        name_en="New Hub",
        kind="hub",
        summary_ko="요약",
        publish_from=LAUNCH,
    )
    programme = Program.objects.create(institution=institution, name_ko="교육", name_en="Quantumcraft course")
    search = english("portal:search")

    with time_machine.travel(BEFORE, tick=False):
        before = found(client.get(search, {"q": "Quantumcraft"}))
    with time_machine.travel(AFTER, tick=False):
        after = found(client.get(search, {"q": "Quantumcraft"}))

    assert programme not in before
    assert programme in after

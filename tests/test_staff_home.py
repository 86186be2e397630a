"""The admin is the portal's: branded in both languages, new inquiries and content health first."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from companies.models import CompanyHighlight
from content.staff import CONTENT_EDITORS
from inquiries.models import INQUIRY_HANDLERS, Inquiry
from seoul.models import PolicyLine
from tests import factories

pytestmark = pytest.mark.django_db
INDEX = "/admin/"


def staff(django_user_model, group):
    user = django_user_model.objects.create_user(group.replace(" ", ""), password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def inquiry(**fields):
    now = timezone.now()
    values = {
        "language": "en",
        "name": "Jane Investor",
        "organisation": "Fund",
        "country": "Germany",
        "email": "jane@example.com",
        "investor_type": "fund",
        "topic": "incentives",
        "investment_size": "undecided",
        "timeline": "undecided",
        "message": "Hello",
        "consent_version": "2026-11",
        "privacy_consent_at": now,
        **fields,
    }
    return Inquiry.objects.create(**values)


@pytest.mark.parametrize(
    ("language", "header"),
    [("en", "Invest Seoul AI portal — staff"), ("ko", "서울투자청 AI 포털 — 직원용")],
)
def test_the_admin_is_branded_as_the_portals_in_each_language(admin_client, language, header):
    html = admin_client.get(INDEX, HTTP_ACCEPT_LANGUAGE=language).content.decode()

    assert header in html
    assert "Django" not in html.split("<body", 1)[1].split("</header>", 1)[0]


def test_task_internals_are_for_superusers_only_and_named_in_korean(admin_client, client, django_user_model):
    assert (
        "백그라운드 작업 (발송 이메일)" in admin_client.get(INDEX, HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    )

    editor = staff(django_user_model, CONTENT_EDITORS)
    editor.user_permissions.add(Permission.objects.get(codename="view_dbtaskresult"))
    client.force_login(editor)
    html = client.get(INDEX, HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert "django_tasks_database" not in html
    assert "백그라운드 작업" not in html


def test_an_inquiry_handler_sees_new_inquiries_first_with_their_count(client, django_user_model):
    handler = staff(django_user_model, INQUIRY_HANDLERS)
    older = inquiry(received_at=timezone.now() - datetime.timedelta(days=2))
    newer = inquiry(assignee=handler)
    inquiry(status=Inquiry.Status.CLOSED)
    client.force_login(handler)

    html = client.get(INDEX, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "2 new inquiries" in html
    assert html.index(newer.reference) < html.index(older.reference) < html.index('class="app-inquiries')
    assert "1 open inquiry assigned to you" in html
    assert "Jane Investor" not in html  # no personal data on the home page
    assert "Content health" not in html


def test_a_content_editor_sees_content_health_but_no_inquiries(client, django_user_model):
    inquiry()
    client.force_login(staff(django_user_model, CONTENT_EDITORS))

    html = client.get(INDEX, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Content health" in html
    assert "new inquir" not in html


def test_amounts_read_in_words_beside_the_exact_value(admin_client):
    PolicyLine.objects.create(
        title_ko="예산",
        title_en="Budget",
        area="talent",
        year=2022,
        budget_krw=943_500_000_000,
        summary_ko="요약",
        source=factories.source(),
        as_of=datetime.date(2022, 1, 1),
    )

    korean = admin_client.get(reverse("admin:seoul_policyline_changelist"), HTTP_ACCEPT_LANGUAGE="ko")
    english = admin_client.get(reverse("admin:seoul_policyline_changelist"), HTTP_ACCEPT_LANGUAGE="en")

    assert "943,500,000,000" in korean.content.decode()
    assert "9,435억 원" in korean.content.decode()
    assert "KRW 943.5 billion" in english.content.decode()


def test_a_company_highlight_without_english_is_a_health_error_linked_to_its_company(admin_client):
    company = factories.company("half-english")
    CompanyHighlight.objects.create(company=company, year=2021, text_ko="국문만", order=1)
    complete = factories.company("complete")

    html = admin_client.get(INDEX, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    listing = admin_client.get(
        reverse("admin:companies_company_changelist"), {"health": "missing-en"}, HTTP_ACCEPT_LANGUAGE="en"
    )

    assert "missing-en" in html
    assert company in listing.context["cl"].result_list
    assert complete not in listing.context["cl"].result_list

"""The admin home and `content_audit` find each kind of problem staff must fix, and say the seed is stale."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from companies.models import CompanyFigure, CompanyHighlight
from content.health import health_report, months_before
from incentives.models import Incentive
from tests import factories

pytestmark = pytest.mark.django_db
OLD = datetime.date(2022, 12, 31)


def counts():
    return {(line.check.code, line.check.model._meta.label_lower): line.count for line in health_report()}


@pytest.fixture
def found():
    """What the report counts beyond what it counted when the test began (the seed may be loaded)."""
    before = counts()

    def newly_found():
        after = counts()
        return {
            key: count - before.get(key, 0) for key, count in after.items() if count != before.get(key, 0)
        }

    return newly_found


def test_months_before_keeps_the_day_or_takes_the_months_last():
    assert months_before(datetime.date(2026, 11, 28), 18) == datetime.date(2025, 5, 28)
    assert months_before(datetime.date(2026, 8, 31), 6) == datetime.date(2026, 2, 28)


def test_each_kind_of_problem_is_found_on_the_record_staff_open(found):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    factories.company("korean-only", name_en="")
    factories.company("english-only", summary_ko="", summary_en="Only English")
    unsourced = factories.company("unsourced")
    CompanyHighlight.objects.create(company=unsourced, year=2021, text_ko="수상", text_en="Award", order=1)
    stale = factories.company("stale")
    CompanyFigure.objects.create(
        company=stale,
        label_ko="직원",
        label_en="Staff",
        value=10,
        unit="count",
        as_of=OLD,
        source=factories.source(),
    )
    factories.deal(target=factories.company("acquired-but-active"))
    factories.company("draft-soon", is_published=False, publish_from=tomorrow)
    factories.company("live-soon", publish_from=tomorrow)
    Incentive.objects.create(
        slug="old-check",
        name_ko="지원",
        name_en="Support",
        summary_ko="요약",
        summary_en="Summary",
        last_verified_on=OLD,
        source=factories.source(),
    )

    assert found() == {
        ("missing-en", "companies.company"): 1,
        ("missing-ko", "companies.company"): 1,
        ("no-source", "companies.company"): 1,
        ("stale-figures", "companies.company"): 1,
        ("active-but-acquired", "companies.company"): 1,
        ("draft-scheduled-soon", "companies.company"): 1,
        ("scheduled-soon", "companies.company"): 1,
        ("stale-incentive", "incentives.incentive"): 1,
    }


def test_a_draft_is_not_an_error_and_a_company_without_figures_is_not_stale(found):
    factories.company("draft-korean-only", name_en="", is_published=False)
    factories.company("no-figures")

    assert found() == {}


def test_the_seed_content_has_no_health_error_and_says_it_is_stale(seeded_db):
    lines = health_report()

    assert [str(line) for line in lines if line.severity == "error"] == []
    stale = {line.check.model._meta.label_lower for line in lines if line.check.code.startswith("stale-")}
    assert {"seoul.keyfigure", "companies.company", "incentives.incentive"} <= stale


@pytest.fixture
def no_audit_findings(monkeypatch):
    """Only the health lines, whatever the sourcing audit says about this small database."""
    monkeypatch.setattr("content.management.commands.content_audit.audit", list)


def test_stale_data_is_a_warning_unless_asked_to_fail(no_audit_findings, capsys):
    company = factories.company()
    CompanyFigure.objects.create(
        company=company,
        label_ko="직원",
        label_en="Staff",
        value=10,
        unit="count",
        as_of=OLD,
        source=factories.source(),
    )

    call_command("content_audit")
    assert "companies: data dated more than 18 months ago" in capsys.readouterr().out

    with pytest.raises(CommandError) as failure:
        call_command("content_audit", "--fail-on-stale")
    assert failure.value.returncode == 1


def test_a_missing_language_fails_the_audit_and_shows_in_json(no_audit_findings, capsys):
    factories.company(name_en="")

    with pytest.raises(CommandError):
        call_command("content_audit", "--json")

    items = json.loads(capsys.readouterr().out)
    assert [item for item in items if item["code"] == "missing-en"] == [
        {
            "severity": "error",
            "code": "missing-en",
            "model": "companies.company",
            "pk": None,
            "count": 1,
            "message": "1 companies: published, with a field shown in Korean only (English missing)",
        }
    ]  # the seed content, if loaded, has none

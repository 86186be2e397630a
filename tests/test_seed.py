"""The brochure's content loads into an empty database, and loading again changes nothing."""

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from companies.models import Company, Deal
from content.models import Source
from content.seeding import SEED_APPS, Loader, SeedError
from events.models import Event
from incentives.models import ContactPoint, Incentive
from institutions.models import Institution, Program, Ranking
from seoul.models import Dataset, District, KeyFigure, PolicyLine, PublicServiceCase
from stories.models import Story

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_content(db):
    """Start from an empty database even when other tests loaded the seed for the session."""
    for app in reversed(SEED_APPS):
        for model in reversed(list(apps.get_app_config(app).get_models())):
            model.objects.all().delete()


def content_counts():
    return {
        model._meta.label: model.objects.count()
        for app in SEED_APPS
        for model in apps.get_app_config(app).get_models()
    }


def test_it_loads_every_kind_of_content_into_an_empty_database():
    report = Loader().load_all()

    assert sum(report.created.values()) > 300
    assert District.objects.count() == 25
    assert Company.objects.global_branches().count() == 9
    assert Company.objects.leading_groups().count() == 5
    assert Company.objects.startups().count() >= 4
    assert Deal.objects.count() == 2
    assert Institution.objects.count() >= 8
    assert Program.objects.filter(institution__slug="ai-yangjae-hub").count() == 14
    assert Ranking.objects.count() >= 1
    assert Event.objects.count() == 3
    assert Incentive.objects.count() >= 6
    assert Story.objects.interviews().count() == 3
    assert Story.objects.esg().count() >= 3
    assert PublicServiceCase.objects.count() == 4
    assert PolicyLine.objects.exclude(budget_krw=None).count() >= 4
    assert Dataset.objects.count() >= 4
    assert KeyFigure.objects.count() >= 15
    assert Source.objects.count() >= 30
    contact = ContactPoint.objects.get(is_primary=True)
    assert (contact.phone, contact.email) == ("02-6361-4120", "investseoul@sba.seoul.kr")


def test_loading_again_creates_and_changes_nothing():
    Loader().load_all()
    before = content_counts()

    report = Loader().load_all()

    assert report.created == {}
    assert report.updated == {}
    assert content_counts() == before


def test_staff_edits_survive_a_reload_unless_an_update_is_asked_for():
    Loader().load_all()
    Company.objects.filter(slug="lunit").update(summary_en="Edited by staff")

    Loader().load_all()
    assert Company.objects.get(slug="lunit").summary_en == "Edited by staff"

    Loader(update=True).load_all()
    assert Company.objects.get(slug="lunit").summary_en != "Edited by staff"
    assert content_counts()["companies.Company"] == Company.objects.count()


def test_every_content_field_has_both_languages():
    Loader().load_all()
    company = Company.objects.get(slug="lunit")
    assert company.name_ko == "루닛"
    assert company.name_en == "Lunit"
    assert company.summary_en
    assert company.summary_ko


def test_acquired_startups_link_to_their_deal():
    Loader().load_all()
    for deal in Deal.objects.select_related("target"):
        assert deal.target.status == Company.Status.ACQUIRED
        assert deal.target.deals_as_target.get() == deal


def test_a_broken_seed_file_is_reported_by_name_and_loads_nothing(tmp_path, monkeypatch):
    broken = tmp_path / "99-broken.yaml"
    broken.write_text(
        "- model: seoul.District\n  records:\n    - slug: new-district\n      name: {ko: 새구, en: New-gu}\n"
        "- model: companies.Company\n  records:\n    - slug: nowhere\n      name: {ko: 없음, en: Nowhere}\n"
        "      kind: startup\n      district: atlantis\n      summary: {ko: 요약, en: Summary}\n"
    )
    monkeypatch.setattr("content.seeding.seed_files", lambda: iter([broken]))

    with pytest.raises(CommandError, match=r"99-broken\.yaml.*atlantis"):
        call_command("load_seed")

    assert not District.objects.filter(slug="new-district").exists()


def test_an_invalid_record_names_the_field_at_fault(tmp_path, monkeypatch):
    broken = tmp_path / "bad.yaml"
    broken.write_text("- model: seoul.District\n  records:\n    - slug: x\n      colour: red\n")
    monkeypatch.setattr("content.seeding.seed_files", lambda: iter([broken]))

    with pytest.raises(SeedError, match="no field 'colour'"):
        Loader().load_all()

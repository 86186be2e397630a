"""The brochure's content loads into an empty database, and loading again changes nothing."""

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from companies.models import Company, CompanyHighlight, Deal
from content.models import Source
from content.seeding import SEED_APPS, Loader, SeedError, translated_fields
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
    from_the_file = Company.objects.get(slug="lunit").summary_en
    Company.objects.filter(slug="lunit").update(summary_en="Edited by staff")
    before = content_counts()

    Loader().load_all()
    assert Company.objects.get(slug="lunit").summary_en == "Edited by staff"

    report = Loader(update=True).load_all()
    assert Company.objects.get(slug="lunit").summary_en == from_the_file
    assert report.updated == {"companies.Company": 1}  # only the edited record; unchanged ones are not
    assert report.created == report.deleted == {}
    assert content_counts() == before


def translated_models():
    for app in SEED_APPS:
        for model in apps.get_app_config(app).get_models():
            if translated_fields(model):
                yield model


def test_every_translated_field_of_every_seeded_record_has_both_languages():
    Loader().load_all()
    one_language_only = []
    checked = 0
    for model in translated_models():
        for record in model.objects.all():
            for name in translated_fields(model):
                korean, english = getattr(record, f"{name}_ko"), getattr(record, f"{name}_en")
                checked += bool(korean)
                if bool(korean) != bool(english):
                    one_language_only.append(f"{model._meta.label} {record.pk} {name}")
    assert one_language_only == []
    assert checked > 600


def seed_files_from(tmp_path, monkeypatch, *texts):
    """Make the loader read these YAML texts (01.yaml, 02.yaml, …) instead of the apps' seed files."""
    paths = []
    for number, text in enumerate(texts, start=1):
        path = tmp_path / f"{number:02}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    monkeypatch.setattr("content.seeding.seed_files", lambda: iter(paths))


DISTRICT = "- model: seoul.District\n  records:\n    - slug: new-gu\n      name: {ko: 새구, en: New-gu}\n"


def company_with_highlights(*texts):
    rows = "".join(f"        - year: 2020\n          text: {{ko: 한 {text}, en: {text}}}\n" for text in texts)
    return (
        "- model: companies.Company\n  records:\n    - slug: seeded-co\n      name: {ko: 시드, en: Seeded}\n"
        "      kind: startup\n      district: new-gu\n      summary: {ko: 요약, en: Summary}\n"
        f"      highlights:\n{rows}"
    )


def highlights():
    return list(CompanyHighlight.objects.filter(company__slug="seeded-co").values_list("text_en", flat=True))


def test_a_plain_load_adds_new_child_rows_to_an_existing_record(tmp_path, monkeypatch):
    seed_files_from(tmp_path, monkeypatch, DISTRICT + company_with_highlights("First"))
    Loader().load_all()
    CompanyHighlight.objects.filter(text_en="First").update(text_en="First, edited by staff")

    seed_files_from(tmp_path, monkeypatch, DISTRICT + company_with_highlights("First", "Second"))
    report = Loader().load_all()

    assert highlights() == ["First, edited by staff", "Second"]
    assert report.created == {"companies.CompanyHighlight": 1}


def test_an_update_removes_child_rows_the_file_dropped_and_counts_only_real_changes(tmp_path, monkeypatch):
    seed_files_from(tmp_path, monkeypatch, DISTRICT + company_with_highlights("First", "Second", "Third"))
    Loader().load_all()

    seed_files_from(tmp_path, monkeypatch, DISTRICT + company_with_highlights("First", "Second reworded"))
    report = Loader(update=True).load_all()

    assert highlights() == ["First", "Second reworded"]
    assert report.deleted == {"companies.CompanyHighlight": 1}
    assert report.updated == {"companies.CompanyHighlight": 1}
    assert report.unchanged == {"seoul.District": 1, "companies.Company": 1, "companies.CompanyHighlight": 1}


def test_a_yaml_syntax_error_names_the_file_and_line_and_loads_nothing(tmp_path, monkeypatch):
    broken = "- model: companies.Sector\n  records:\n    - slug: [unclosed\n"
    seed_files_from(tmp_path, monkeypatch, DISTRICT, broken)

    with pytest.raises(CommandError, match=r"02\.yaml, line 4, column 1: not valid YAML"):
        call_command("load_seed")

    assert not District.objects.filter(slug="new-gu").exists()


def test_a_translated_field_missing_a_language_is_refused(tmp_path, monkeypatch):
    seed_files_from(tmp_path, monkeypatch, DISTRICT.replace("{ko: 새구, en: New-gu}", "{ko: 새구}"))

    with pytest.raises(SeedError, match=r"01\.yaml: seoul\.District 'new-gu': name: no text in en"):
        Loader().load_all()

    assert not District.objects.exists()


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

"""What the portal states is traceable and honest about its age: the content audit, undated figures,
the data-period notice, the review date, the exchange rate, caveats, and no sentence that reads as current."""

import datetime
import json
import re
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import translation

from companies.models import Company, CompanyHighlight
from content.audit import audit, has_errors
from content.models import Citation, ContentReview, Source
from content.money import format_money
from incentives.models import ContactPoint, Incentive
from seoul.models import KeyFigure
from tests import factories

ROOT = Path(settings.BASE_DIR)
BROCHURE = "seoul-investseoul-2022-brochure"

# Words that make a sentence read as if written today. A 2022 statement says "in 2022 … was due to".
RELATIVE_WORDS = {
    "en": re.compile(
        r"\b(will|won't|this year|next year|last year|plans? to|currently|nowadays|now|today|"
        r"recent|recently|upcoming|soon|so far|to date|still|over the next|coming years?|at present)\b",
        re.IGNORECASE,
    ),
    # 올해의 (…of the year) names an award, not the current year.
    "ko": re.compile(r"예정|올해(?!의)|내년|작년|지난해|계획|현재|최근|앞으로|향후|지금"),
}
# A source's title and publisher quote a headline or a name as published ("Money Today").
QUOTED_FIELDS = {("content.Source", "title"), ("content.Source", "publisher")}


def seed_texts(document):
    """Every (model, field, language, text) of a seed file's translated fields."""

    def walk(node, model, field):
        if isinstance(node, dict):
            if set(node) <= {"ko", "en"} and all(isinstance(value, str) for value in node.values()):
                for language, text in node.items():
                    yield model, field, language, text
                return
            for key, value in node.items():
                yield from walk(value, node.get("model", model), key)
        elif isinstance(node, list):
            for item in node:
                yield from walk(item, model, field)

    yield from walk(document or [], None, None)


def relative_words(document):
    return [
        (model, field, language, match.group(0))
        for model, field, language, text in seed_texts(document)
        if (model, field) not in QUOTED_FIELDS
        for match in RELATIVE_WORDS[language].finditer(text)
    ]


SEED_FILES = sorted(ROOT.glob("*/seed/*.yaml"))


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda path: f"{path.parent.parent.name}/{path.name}")
def test_no_seed_sentence_reads_as_current(path):
    assert relative_words(yaml.safe_load(path.read_text(encoding="utf-8"))) == []


def test_the_relative_word_check_finds_a_planted_word_in_either_language():
    planted = yaml.safe_load(
        "- model: stories.Story\n  records:\n"
        "    - summary: {ko: 2023년에 문을 열 예정입니다, en: It opens in 2023}\n"
        "      body: {ko: 2022년에 열었습니다, en: It will open soon}\n"
    )
    assert relative_words(planted) == [
        ("stories.Story", "summary", "ko", "예정"),
        ("stories.Story", "body", "en", "will"),
        ("stories.Story", "body", "en", "soon"),
    ]


def test_the_seed_walk_reads_both_languages_of_nested_fields():
    text = (ROOT / "stories/seed/02-interviews.yaml").read_text(encoding="utf-8")
    texts = seed_texts(yaml.safe_load(text))
    languages = {language for _model, field, language, _text in texts if field == "answer"}
    assert languages == {"ko", "en"}


# --- the content audit -------------------------------------------------------------------------

# Developer D owns the incentives content; its legal-basis lines and website source are not yet sourced.
NOT_YET_REVIEWED_APPS = ("incentives.",)


def outside_pending_apps(findings):
    pending_sources = set(Source.objects.filter(key__startswith="incentives-").values_list("pk", flat=True))
    return [
        item
        for item in findings
        if not item.model.startswith(NOT_YET_REVIEWED_APPS)
        and not (item.model == "content.source" and item.pk in pending_sources)
    ]


def test_the_seed_content_passes_the_audit(seeded_db):
    assert [str(item) for item in outside_pending_apps(audit())] == []


def codes(findings):
    return {(item.code, item.model) for item in findings}


def test_the_audit_flags_a_record_without_a_source(seeded_db):
    company = Company.objects.get(slug="lunit")
    CompanyHighlight.objects.create(company=company, year=2021, text_ko="수상", text_en="Award", order=99)
    assert ("no-source", "companies.companyhighlight") in codes(audit())


def test_the_audit_flags_an_undated_figure_whose_source_is_not_the_brochure(seeded_db):
    figure = KeyFigure.objects.get(key="seoul-share-of-korea-ai-deals")
    figure.as_of = None
    figure.source = Source.objects.get(key="bok-krw-usd-2022-average")
    figure.save()
    assert ("undated-figure", "seoul.keyfigure") in codes(audit())


def test_the_audit_flags_a_district_without_a_source(seeded_db):
    factories.company("new-startup", kind=Company.Kind.STARTUP)
    assert ("unsourced-district", "companies.company") in codes(audit())


def test_the_audit_flags_a_link_that_only_a_whole_record_citation_covers(seeded_db):
    Company.objects.filter(slug="lunit").update(website="https://example.com/")
    findings = audit()
    assert ("unsourced-link", "companies.company") in codes(findings)
    Citation.objects.create(
        key="lunit-website",
        record_type="companies.company",
        record_key="lunit",
        field="website",
        source=Source.objects.get(key=BROCHURE),
    )
    assert ("unsourced-link", "companies.company") not in codes(audit())


def test_the_audit_flags_a_legal_basis_without_an_official_source(seeded_db):
    incentive = Incentive.objects.published().first()
    incentive.legal_basis = "Foreign Investment Promotion Act"
    incentive.save()
    Citation.objects.filter(record_type="incentives.incentive").delete()

    def flagged():
        return {item.pk for item in audit() if item.code == "unsourced-legal-basis"}

    assert incentive.pk in flagged()
    basis = {"record_type": "incentives.incentive", "record_key": incentive.slug, "field": "legal_basis"}
    Citation.objects.create(key="basis-brochure", source=Source.objects.get(key=BROCHURE), **basis)
    assert incentive.pk in flagged()  # the brochure names no law
    law = factories.source(key="fipa", kind=Source.Kind.OFFICIAL, checked_on=datetime.date(2026, 11, 1))
    Citation.objects.create(key="basis-law", source=law, **basis)
    assert incentive.pk not in flagged()


def test_the_audit_flags_a_source_nobody_checked(seeded_db):
    source = factories.source(key="unchecked-report")
    flagged = [item for item in audit() if item.code == "source-unchecked" and item.pk == source.pk]
    assert [item.severity for item in flagged] == ["error"]


def test_the_audit_flags_an_exchange_rate_without_its_source(seeded_db, settings):
    settings.PORTAL_KRW_PER_USD_SOURCE = "no-such-source"
    assert ("rate-unsourced", "content.source") in codes(audit())


def test_the_audit_command_exits_non_zero_and_speaks_json(seeded_db, capsys):
    factories.source(key="unchecked-report")
    with pytest.raises(CommandError) as failure:
        call_command("content_audit", "--json")
    assert failure.value.returncode == 1
    findings = json.loads(capsys.readouterr().out)
    assert {"severity", "code", "message", "model", "pk"} <= set(findings[0])
    assert any(item["code"] == "source-unchecked" for item in findings)


def test_the_audit_command_succeeds_on_clean_content(seeded_db, capsys):
    Incentive.objects.all().delete()
    ContactPoint.objects.all().delete()
    Source.objects.filter(key__startswith="incentives-").delete()
    call_command("content_audit")
    assert "0 errors" in capsys.readouterr().out
    assert not has_errors(audit())


# --- what visitors see --------------------------------------------------------------------------


def page(client, language, name, *args):
    with translation.override(language):
        url = reverse(name, args=args)
    return client.get(url).content.decode()


def test_a_figure_the_brochure_does_not_date_says_so_instead_of_inventing_a_day(client, seeded_db):
    html = page(client, "en", "seoul:market")
    assert "as stated in the 2022 brochure" in html
    assert "2022-12-31" not in html
    assert "2022년 브로슈어 기준" in page(client, "ko", "seoul:market")


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("seoul:market", ()),
        ("seoul:policy", ()),
        ("companies:list", ()),
        ("companies:detail", ("deepbrain-ai",)),
        ("companies:deal", ("cognex-acquires-sualab",)),
        ("institutions:detail", ("snu-aiis",)),
        ("events:detail", ("ai-expo-korea",)),
        ("stories:detail", ("deepbrain-ai-interview",)),
        ("portal:home", ()),
    ],
)
def test_pages_with_figures_say_near_the_top_when_their_data_is_from(client, seeded_db, name, args):
    english = page(client, "en", name, *args)
    korean = page(client, "ko", name, *args)
    assert "Figures as published in 2022" in english
    assert "2022년 발간 자료 기준 수치" in korean
    assert english.index("Figures as published in 2022") < english.index("</h1>") + 400


def test_the_home_page_shows_the_latest_review_date_staff_set(client, seeded_db, admin_client):
    assert "not yet reviewed" in page(client, "en", "portal:home")
    form = {"reviewed_on": "2026-11-20", "scope": "all pages"}
    response = admin_client.post(reverse("admin:content_contentreview_add"), form)
    assert response.status_code == 302
    ContentReview.objects.create(reviewed_on=datetime.date(2026, 10, 1))
    assert "Content last reviewed by Invest Seoul staff on 2026-11-20" in page(client, "en", "portal:home")


def test_a_review_date_in_the_future_is_refused(db):
    review = ContentReview(reviewed_on=datetime.date.today() + datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as error:
        review.full_clean()
    assert "reviewed_on" in error.value.message_dict


def test_usd_readings_and_the_footer_say_which_rate_they_use(client, seeded_db):
    english = page(client, "en", "companies:deal", "cognex-acquires-sualab")
    assert "about USD 178 million at the 2022 average rate" in english
    assert "roughly the average exchange rate of 2022" in english
    assert "Bank of Korea" in english
    assert "as of 2022-12-31" not in english


def test_amounts_round_half_up_as_readers_expect():
    assert format_money(1_168_500_000_000, "KRW", "en").startswith("KRW 1.169 trillion")


def test_the_brochures_contradiction_on_deepbrain_ai_is_shown_on_both_pages(client, seeded_db):
    company = page(client, "en", "companies:detail", "deepbrain-ai")
    interview = page(client, "ko", "stories:detail", "deepbrain-ai-interview")
    assert "The two statements disagree" in company
    assert company.count("<strong>Note:</strong>") == 1  # citations without a note show nothing
    assert "두 내용은 서로 다르며" in interview


def test_a_planned_office_is_not_described_as_founded(client, seeded_db):
    html = page(client, "en", "companies:detail", "meta")
    assert "Planned, not yet open" in html
    assert "<dt>Planned opening</dt><dd>2022 (according to the brochure)</dd>" in html
    assert "<dt>Founded</dt>" not in html
    assert "foundingDate" not in html


def test_no_page_claims_a_single_district_for_lg_ai_research(client, seeded_db):
    html = page(client, "en", "companies:detail", "lg-ai-research")
    assert "Yeongdeungpo-gu and Gangseo-gu" in html
    assert "<dt>District</dt>" not in html


def test_a_citation_must_point_at_a_real_record_and_say_something(seeded_db):
    citation = Citation(key="x", record_type="companies.company", record_key="nobody")
    with pytest.raises(ValidationError) as error:
        citation.full_clean()
    assert "record_key" in error.value.message_dict
    assert "Give a source, a note for readers, or both." in str(error.value)

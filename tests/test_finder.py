"""The incentive finder: rules read from the rows the incentive pages show, explained results, bad input."""

import datetime
import re
from decimal import Decimal
from html import unescape
from urllib.parse import urlencode

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from content.models import Unit
from incentives.eligibility import Answers, Outcome, Status, evaluate, evaluate_all
from incentives.models import Activity, Condition, Incentive, ProjectKind
from tests import factories

pytestmark = pytest.mark.usefixtures("seeded_db")

TODAY = datetime.date(2026, 11, 28)
RD_CENTRE = {
    "amount": "5000000",
    "currency": "USD",
    "foreign_ownership": "100",
    "new_shares": "yes",
    "project_kind": "new-rd",
    "activity": "ai-research",
    "high_tech": "yes",
}
STARTUP_STAKE = {"foreign_ownership": "20", "project_kind": "stake-only", "new_shares": "no"}
SALES_OFFICE = {"amount": "500000", "currency": "USD", "project_kind": "new-site"}


@pytest.fixture(autouse=True)
def _stated_rate(settings):
    settings.PORTAL_KRW_PER_USD = 1292


def finder_url(language, answers=None):
    with translation.override(language):
        url = reverse("incentives:finder")
    return f"{url}?{urlencode(answers)}" if answers else url


def incentive(slug):
    return Incentive.objects.with_rules().get(slug=slug)


def result_for(slug, **answers):
    return evaluate(incentive(slug), Answers(**answers), TODAY)


def outcomes(result):
    return [item.outcome for group in result.groups for item in group.results]


def statuses(html):
    """{incentive slug: status} as the result page shows them."""
    found = re.findall(
        r'class="finder-result finder-result--([\w-]+)" aria-labelledby="result-([\w-]+)"', html
    )
    return {slug: status for status, slug in found}


def text_of(html):
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


# Thresholds and their boundaries


def test_foreign_ownership_of_29_99_percent_misses_the_30_percent_rule_and_30_meets_it():
    below = result_for("cash-grants", foreign_ownership=Decimal("29.99"))
    at = result_for("cash-grants", foreign_ownership=Decimal("30"))
    assert Outcome.NOT_MET in outcomes(below)
    assert below.status == Status.NOT_ELIGIBLE
    assert Outcome.NOT_MET not in outcomes(at)
    assert at.status == Status.DEPENDS


def test_usd_1_999_999_misses_the_usd_2_million_tax_rule_and_2_000_000_meets_it():
    stake = {"currency": Unit.USD, "project_kind": ProjectKind.STAKE_ONLY}
    assert result_for("tax-reductions", amount=Decimal(1_999_999), **stake).status == Status.NOT_ELIGIBLE
    assert result_for("tax-reductions", amount=Decimal(2_000_000), **stake).status == Status.ELIGIBLE


def test_krw_999_999_999_gets_no_settling_in_support_and_1_billion_gets_up_to_krw_5_million():
    with translation.override("en"):
        below = result_for("all-in-one-package", amount=Decimal(999_999_999), currency=Unit.KRW)
        at = result_for("all-in-one-package", amount=Decimal(1_000_000_000), currency=Unit.KRW)
    assert settling_in_estimate(below).startswith("not for your investment")
    assert settling_in_estimate(at).startswith("up to KRW 5 million")


def test_a_krw_amount_is_compared_with_a_usd_threshold_at_the_stated_rate_to_the_won():
    """USD 2 million at KRW 1,292 per USD is KRW 2,584,000,000."""
    stake = {"currency": Unit.KRW, "project_kind": ProjectKind.STAKE_ONLY}
    assert result_for("tax-reductions", amount=Decimal(2_583_999_999), **stake).status == Status.NOT_ELIGIBLE
    assert result_for("tax-reductions", amount=Decimal(2_584_000_000), **stake).status == Status.ELIGIBLE


def settling_in_estimate(result):
    return next(item.estimate for item in result.benefits if item.benefit.max_amount_krw)


def test_a_usd_amount_is_compared_with_a_krw_threshold_at_the_stated_rate(settings):
    """KRW 1 billion at KRW 1,250 per USD is USD 800,000; a changed rate setting changes the result."""
    settings.PORTAL_KRW_PER_USD = 1250
    with translation.override("en"):
        below = result_for("all-in-one-package", amount=Decimal(799_999), currency=Unit.USD)
        at = result_for("all-in-one-package", amount=Decimal(800_000), currency=Unit.USD)
    assert settling_in_estimate(below).startswith("not for your investment")
    assert settling_in_estimate(at).startswith("up to KRW 5 million")


def test_management_support_is_estimated_at_1_percent_of_the_fdi_amount():
    with translation.override("en"):
        result = result_for("all-in-one-package", amount=Decimal(1_000_000_000), currency=Unit.KRW)
        management = next(item for item in result.benefits if item.benefit.share_of_investment_percent)
        assert management.estimate.startswith("about KRW 10 million")
        assert management.benefit.terms == "worth 1 % of the FDI amount"


# Unknown answers, either-or groups, dates


def test_unanswered_questions_give_depends_never_a_no():
    results = evaluate_all(Answers(), TODAY)
    assert {result.status for result in results} == {Status.DEPENDS}
    cash = next(result for result in results if result.incentive.slug == "cash-grants")
    assert set(outcomes(cash)) == {Outcome.UNKNOWN}


def test_one_met_alternative_is_enough_and_all_missed_alternatives_rule_an_incentive_out():
    met_by_mou = result_for("employment-and-training-subsidies", mou=True)
    assert met_by_mou.status == Status.ELIGIBLE
    fashion = Activity.objects.get(slug="ai-fashion-design")
    assert (
        result_for("employment-and-training-subsidies", activity=fashion, mou=False).status == Status.ELIGIBLE
    )
    media = Activity.objects.get(slug="ai-media-content")
    assert result_for("office-space", activity=media).status == Status.DEPENDS  # ownership unknown
    other = Activity.objects.get(slug="other")
    assert result_for("employment-and-training-subsidies", activity=other, mou=False).status == Status.DEPENDS


def test_ai_medical_imaging_lands_in_biotechnology_and_it_convergence():
    imaging = Activity.objects.get(slug="ai-medical-imaging")
    assert set(imaging.industries) == {"bio", "it-convergence"}
    with translation.override("en"):
        result = result_for("employment-and-training-subsidies", activity=imaging)
        reason = result.groups[0].results[0].reason
    assert result.status == Status.ELIGIBLE
    assert "which we read as: Biotechnology, IT convergence" in reason


def test_an_expired_condition_is_not_applied_and_the_result_says_so(client):
    rule = Condition.objects.get(incentive__slug="cash-grants", answer=Condition.Answer.FOREIGN_OWNERSHIP)
    assert result_for("cash-grants", foreign_ownership=Decimal(25)).status == Status.NOT_ELIGIBLE
    rule.effective_until = TODAY - datetime.timedelta(days=1)
    rule.save()
    with translation.override("en"):
        result = result_for("cash-grants", foreign_ownership=Decimal(25))
        expired = [
            item for group in result.groups for item in group.results if item.outcome == Outcome.EXPIRED
        ]
        assert len(expired) == 1
        assert "no longer applied, this condition ended on 2026-11-27" in expired[0].reason
    assert result.status == Status.DEPENDS  # the other conditions are unanswered
    ended_on = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    Condition.objects.filter(pk=rule.pk).update(effective_until=ended_on)
    page = text_of(client.get("/en/invest/cash-grants/").content.decode())
    assert f"Foreign ownership of at least 30 % (ended on {ended_on}; no longer applied)" in page


def test_a_rule_still_applies_on_its_last_day():
    Condition.objects.filter(incentive__slug="cash-grants").update(effective_until=TODAY)
    assert result_for("cash-grants", foreign_ownership=Decimal(25)).status == Status.NOT_ELIGIBLE


def test_an_ended_incentive_is_not_offered_and_says_when_it_ended():
    Incentive.objects.filter(slug="tax-reductions").update(effective_until=datetime.date(2025, 12, 31))
    with translation.override("en"):
        result = result_for("tax-reductions", amount=Decimal(9_000_000), currency=Unit.USD)
        assert result.status == Status.NOT_ELIGIBLE
        assert str(result.note) == "This incentive ended on 2025-12-31 and is no longer offered."


# The pages and the finder read the same rows


def test_staff_editing_a_threshold_changes_the_page_and_the_finder_without_a_deploy(client):
    answers = {"foreign_ownership": "25"}
    assert statuses(client.get(finder_url("en", answers)).content.decode())["cash-grants"] == "not-eligible"

    Condition.objects.filter(incentive__slug="cash-grants", answer="foreign-ownership").update(threshold=20)

    page = text_of(client.get("/en/invest/cash-grants/").content.decode())
    result = text_of(client.get(finder_url("en", answers)).content.decode())
    assert "Foreign ownership of at least 20 %" in page
    assert "at least 30 %" not in page
    assert "Met: Foreign ownership of at least 20 %; you entered 25 %" in result
    assert statuses(client.get(finder_url("en", answers)).content.decode())["cash-grants"] == "depends"


def test_staff_change_a_threshold_through_the_admin(admin_client):
    rule = Condition.objects.get(incentive__slug="tax-reductions", answer=Condition.Answer.INVESTMENT_AMOUNT)
    url = reverse("admin:incentives_incentive_change", args=[rule.incentive_id])
    form = admin_client.get(url).context["adminform"].form
    inlines = admin_client.get(url).context["inline_admin_formsets"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    data["source"] = form.initial["source"]
    for formset in inlines:
        management = formset.formset.management_form
        for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"):
            data[f"{formset.formset.prefix}-{name}"] = management[name].value()
        for inline_form in formset.formset.forms:
            for name, _field in inline_form.fields.items():
                value = inline_form[name].value()
                if value in (None, False):
                    continue
                key = f"{inline_form.prefix}-{name}"
                if isinstance(value, list):
                    data[key] = value
                else:
                    data[key] = str(value)
            if inline_form.instance.pk == rule.pk:
                data[f"{inline_form.prefix}-threshold"] = "3000000"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    rule.refresh_from_db()
    assert rule.threshold == 3_000_000
    stake = {"currency": Unit.USD, "project_kind": ProjectKind.STAKE_ONLY}
    assert result_for("tax-reductions", amount=Decimal(2_500_000), **stake).status == Status.NOT_ELIGIBLE


def test_either_or_groups_are_rendered_as_separate_lists(client):
    tax = Incentive.objects.get(slug="tax-reductions")
    Condition.objects.create(
        incentive=tax, kind="other", text_en="First extra", text_ko="첫째", alternative_group=2, order=10
    )
    Condition.objects.create(
        incentive=tax, kind="other", text_en="Second extra", text_ko="둘째", alternative_group=2, order=11
    )
    html = client.get("/en/invest/tax-reductions/").content.decode()
    groups = re.findall(r'<li class="conditions__alternatives">(.*?)</ul>\s*</li>', html, re.S)
    assert len(groups) == 2
    assert "USD 2 million" in groups[0]
    assert "First extra" not in groups[0]
    assert "First extra" in groups[1]
    assert "Second extra" in groups[1]


def test_seeded_incentives_claim_no_legal_basis_and_no_verification_day_the_brochure_does_not_state():
    for item in Incentive.objects.all():
        assert item.legal_basis_ko in ("", None)
        assert item.legal_basis_en in ("", None)
        assert item.last_verified_on is None
        assert item.source.key == "seoul-investseoul-2022-brochure"
    assert not Incentive.objects.get(slug="core100").benefits.exists()
    employment = Incentive.objects.get(slug="employment-and-training-subsidies")
    assert "whatever their industry" not in employment.description_en
    assert "관계없이" not in employment.description_ko


def test_incentive_content_has_no_relative_time():
    words = re.compile(r"\b(will|this year|next year|currently|now)\b|예정|올해|내년|현재", re.I)
    for item in Incentive.objects.prefetch_related("conditions", "benefits"):
        texts = [item.name_en, item.summary_en, item.description_en, item.name_ko, item.summary_ko]
        texts += [item.description_ko]
        texts += [row.text_en for row in [*item.conditions.all(), *item.benefits.all()]]
        texts += [row.text_ko for row in [*item.conditions.all(), *item.benefits.all()]]
        assert not [text for text in texts if words.search(text or "")], item.slug


def test_a_rule_that_cannot_be_evaluated_is_refused_in_the_admin():
    cash = Incentive.objects.get(slug="cash-grants")
    missing_threshold = Condition(incentive=cash, kind="min-investment", answer="investment-amount")
    missing_threshold.comparison = "at-least"
    with pytest.raises(ValidationError) as error:
        missing_threshold.full_clean()
    assert "threshold" in error.value.message_dict
    wrong_unit = Condition(incentive=cash, kind="other", answer="foreign-ownership", comparison="at-least")
    wrong_unit.threshold, wrong_unit.unit = 30, Unit.USD
    with pytest.raises(ValidationError) as error:
        wrong_unit.full_clean()
    assert "unit" in error.value.message_dict
    unknown_value = Condition(incentive=cash, kind="industry", answer="industry", comparison="one-of")
    unknown_value.accepted_values = ["robots"]
    with pytest.raises(ValidationError) as error:
        unknown_value.full_clean()
    assert "accepted_values" in error.value.message_dict


# The page: languages, bad input, query count, inquiry


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_finder_page_answers_in_both_languages(client, language):
    response = client.get(finder_url(language, {"foreign_ownership": "25", "new_shares": "yes"}))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    expected = {
        "en": "Not met: Foreign ownership of at least 30 %; you entered 25 %",
        "ko": "충족하지 않음: 외국인 지분 30% 이상; 25%를 입력했습니다",
    }[language]
    assert expected in text_of(html)
    assert statuses(html)["cash-grants"] == "not-eligible"


@pytest.mark.parametrize(
    ("answers", "field", "message"),
    [
        ({"amount": "five million"}, "amount", "Enter the amount in digits, e.g. 5000000."),
        ({"amount": "-100"}, "amount", "Enter an amount above zero, or leave it empty."),
        ({"amount": "900000000000000", "currency": "USD"}, "amount", "more than KRW 100 trillion"),
        ({"amount": "1" * 40}, "amount", "That amount is too large; check the number of zeros."),
        ({"foreign_ownership": "120"}, "foreign_ownership", "A share cannot be more than 100 %."),
        ({"foreign_ownership": "thirty"}, "foreign_ownership", "Enter the share as a number from 0 to 100"),
        ({"activity": "quantum-teleportation"}, "activity", "Choose an activity from the list."),
        ({"project_kind": "castle"}, "project_kind", "Choose a kind of project from the list."),
        ({"mou": "maybe"}, "mou", "Choose yes, no or not sure."),
    ],
)
def test_bad_input_is_explained_on_the_form_and_the_other_answers_are_kept(client, answers, field, message):
    kept = {"foreign_ownership": "45", "project_kind": "new-rd", "currency": "USD"}
    response = client.get(finder_url("en", {**kept, **answers}))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html
    assert message in text_of(html)
    assert f'href="#id_{field}' in html  # a radio group's link goes to its first button
    assert 'id="results-heading"' not in html
    if field != "foreign_ownership":
        assert 'value="45"' in html
    if field != "project_kind":
        assert '<option value="new-rd" selected>' in html


def test_bad_input_is_explained_in_korean(client):
    html = client.get(finder_url("ko", {"foreign_ownership": "150"})).content.decode()
    assert "지분은 100%를 넘을 수 없습니다." in text_of(html)


def test_a_huge_query_string_is_cut_explained_and_never_an_error(client):
    answers = {"foreign_ownership": "45", "filler": "x" * 50_000}
    response = client.get(finder_url("en", answers))
    html = response.content.decode()
    assert response.status_code == 200
    assert "That address was too long to read in full" in text_of(html)
    assert 'value="45"' in html
    many_fields = "&".join(f"f{number}=1" for number in range(5000))
    assert client.get(f"{finder_url('en')}?{many_fields}").status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "amount=%00",
        "amount=1e400",
        "amount=NaN",
        "amount=Infinity",
        "foreign_ownership=-0.001",
        "currency=EUR&amount=5",
        "activity=&activity=ai-finance",
        "amount=1,000,000&currency=KRW",
        "foreign_ownership=1e2",
    ],
)
def test_odd_input_never_breaks_the_page(client, query):
    assert client.get(f"{finder_url('en')}?{query}").status_code == 200


def test_commas_in_amounts_are_understood(client):
    html = client.get(finder_url("en", {"amount": "2,000,000", "currency": "USD"})).content.decode()
    assert "Met: An investment of at least USD 2 million; you entered USD 2,000,000" in text_of(html)


def test_the_empty_form_shows_no_results_and_the_stated_rate(client):
    html = client.get(finder_url("en")).content.decode()
    assert 'id="results-heading"' not in html
    assert "at KRW 1,292 per USD" in text_of(html)


def test_the_result_page_needs_the_same_number_of_queries_whatever_the_rows(client):
    url = finder_url("en", RD_CENTRE)
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    source = factories.source()
    for number in range(15):
        extra = Incentive.objects.create(
            slug=f"extra-{number}",
            name_ko="추가",
            name_en="Extra",
            summary_ko="요약",
            summary_en="Summary",
            source=source,
        )
        Condition.objects.create(incentive=extra, kind="other", answer="mou", comparison="is-yes")
        extra.benefits.create(text_ko="혜택", text_en="Benefit", share_of_investment_percent=1)
        Activity.objects.create(slug=f"activity-{number}", name_ko="활동", name_en="Activity")
    with CaptureQueriesContext(connection) as after:
        html = client.get(url).content.decode()
    assert len(statuses(html)) == Incentive.objects.count() == 21
    assert len(after) == len(before) <= 10


def test_drafts_are_left_out_of_the_finder(client):
    Incentive.objects.filter(slug="core100").update(is_published=False)
    Activity.objects.filter(slug="ai-finance").update(is_published=False)
    html = client.get(finder_url("en", {"activity": "ai-finance"})).content.decode()
    assert "Choose an activity from the list." in text_of(html)
    html = client.get(finder_url("en", {"mou": "yes"})).content.decode()
    assert "core100" not in statuses(html)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_asking_invest_seoul_opens_the_inquiry_form_with_answers_and_results(client, language):
    html = client.get(finder_url(language, RD_CENTRE)).content.decode()
    link = unescape(
        re.search(r'<a class="button" href="([^"]+)">[^<]*</a>\s*</p>\s*</section>', html).group(1)
    )
    assert "finder=" in link
    contact = client.get(link).content.decode()
    message = unescape(re.search(r'<textarea name="message"[^>]*>(.*?)</textarea>', contact, re.S).group(1))
    assert '<option value="incentives" selected>' in contact
    expected = {
        "en": ["Investment: USD 5,000,000", "Foreign ownership: 100 %", "Cash grants: Likely eligible"],
        "ko": ["투자금액: 500만 달러", "외국인 지분: 100%", "현금지원: 지원 가능성 높음"],
    }[language]
    for line in expected:
        assert line in message


def test_a_broken_finder_link_still_opens_the_inquiry_form(client):
    response = client.get("/en/contact/", {"finder": "amount=lots&foreign_ownership=999"})
    assert response.status_code == 200
    assert '<option value="incentives" selected>' in response.content.decode()


def test_the_finder_is_linked_from_home_every_incentive_page_and_the_contact_form(client):
    finder = finder_url("en")
    pages = ["/en/", "/en/invest/", "/en/contact/"]
    pages += [item.get_absolute_url() for item in Incentive.objects.published()]
    for url in pages:
        with translation.override("en"):
            assert f'href="{finder}"' in client.get(url).content.decode(), url


# The cases of the issue, in both languages


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (
            RD_CENTRE,
            {
                "cash-grants": "eligible",
                "tax-reductions": "eligible",
                "employment-and-training-subsidies": "eligible",
                "office-space": "eligible",
                "all-in-one-package": "eligible",
                "core100": "depends",
            },
        ),
        (
            STARTUP_STAKE,
            {
                "cash-grants": "not-eligible",
                "tax-reductions": "depends",
                "employment-and-training-subsidies": "depends",
                "office-space": "depends",
                "all-in-one-package": "eligible",
                "core100": "depends",
            },
        ),
        (
            SALES_OFFICE,
            {
                "cash-grants": "depends",
                "tax-reductions": "eligible",
                "employment-and-training-subsidies": "depends",
                "office-space": "depends",
                "all-in-one-package": "depends",
                "core100": "depends",
            },
        ),
    ],
    ids=["usd-5m-ai-rd-centre", "20-percent-startup-stake", "usd-500k-sales-office"],
)
def test_realistic_cases(client, language, answers, expected):
    html = client.get(finder_url(language, answers)).content.decode()
    assert statuses(html) == expected

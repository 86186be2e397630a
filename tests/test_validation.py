"""Bad input gets a clear message on the field at fault, for every content model."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from PIL import Image

from companies.models import Company, CompanyFigure, CompanyHighlight
from content.models import Unit
from events.models import Event
from incentives.models import Benefit, Condition, ContactPoint, Incentive
from institutions.models import Institution, Ranking, RankingEntry
from seoul.models import DataPoint, Dataset, KeyFigure, PolicyLine
from tests import factories

pytestmark = pytest.mark.django_db
NEXT_YEAR = timezone.now().year + 2


@pytest.fixture(autouse=True)
def _english_messages():
    with translation.override("en"):
        yield


def errors_of(instance):
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return caught.value.message_dict


def png_bytes(size=(4, 4)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, "PNG")
    return buffer.getvalue()


def test_a_founding_year_in_the_future_is_refused():
    company = factories.company()
    company.founded_year = NEXT_YEAR
    assert "founded_year" in errors_of(company)


def test_a_global_branch_needs_its_district():
    company = factories.company(kind=Company.Kind.GLOBAL_BRANCH)
    company.district = None
    assert errors_of(company)["district"] == ["Choose the Seoul district where this company is based."]


def test_a_company_cannot_be_its_own_group():
    company = factories.company()
    company.parent = company
    assert "parent" in errors_of(company)


def test_a_deal_cannot_have_the_same_company_on_both_sides():
    deal = factories.deal()
    deal.target = deal.acquirer
    assert errors_of(deal)["target"] == ["The acquired company must differ from the acquirer."]


def test_a_deal_amount_cannot_be_negative():
    deal = factories.deal()
    deal.amount_krw = -1
    assert "amount_krw" in errors_of(deal)


@pytest.mark.parametrize(
    ("unit", "value", "message"),
    [
        (Unit.KRW, Decimal("-5"), "This figure cannot be negative."),
        (Unit.KRW, Decimal("10.5"), "Amounts and counts are whole numbers"),
        (Unit.COUNT, Decimal("2.25"), "Amounts and counts are whole numbers"),
    ],
)
def test_figures_refuse_negative_and_fractional_amounts(unit, value, message):
    figure = CompanyFigure(
        company=factories.company(),
        label_ko="매출",
        label_en="Revenue",
        value=value,
        unit=unit,
        as_of=factories.TODAY,
        source=factories.source(),
    )
    assert message in errors_of(figure)["value"][0]


def test_a_percentage_may_be_negative_for_a_decline():
    figure = KeyFigure(
        key="decline",
        topic=KeyFigure.Topic.WORLD_MARKET,
        label_ko="감소",
        label_en="Decline",
        value=Decimal("-3.5"),
        unit=Unit.PERCENT,
        as_of=factories.TODAY,
        source=factories.source(),
    )
    figure.full_clean()


def test_a_highlight_cannot_be_dated_in_the_future():
    highlight = CompanyHighlight(company=factories.company(), year=NEXT_YEAR, text_ko="수상", text_en="Award")
    assert "year" in errors_of(highlight)


def test_a_data_point_cannot_be_negative():
    dataset = Dataset.objects.create(
        key="d",
        title_ko="표",
        title_en="Table",
        unit=Unit.COUNT,
        as_of=factories.TODAY,
        source=factories.source(),
    )
    point = DataPoint(dataset=dataset, label_ko="2021", label_en="2021", value=Decimal(-1))
    assert "value" in errors_of(point)


def test_a_policy_budget_cannot_be_negative():
    line = PolicyLine(
        slug="p",
        area=PolicyLine.Area.INDUSTRY,
        title_ko="정책",
        title_en="Policy",
        summary_ko="요약",
        summary_en="Summary",
        budget_krw=-100,
        as_of=factories.TODAY,
        source=factories.source(),
    )
    assert "budget_krw" in errors_of(line)


def test_an_event_cannot_end_before_it_starts_or_have_only_one_date():
    event = Event(
        slug="e",
        name_ko="행사",
        name_en="Event",
        organizer_ko="주최",
        organizer_en="Host",
        season=Event.Season.ONE_OFF,
        format=Event.Format.ON_SITE,
        summary_ko="요약",
        summary_en="Summary",
        start_date=datetime.date(2022, 5, 3),
        end_date=datetime.date(2022, 5, 1),
    )
    assert "end_date" in errors_of(event)
    event.end_date = None
    assert "Enter both the start and the end date, or neither." in errors_of(event)["__all__"]


def test_an_incentive_condition_with_a_threshold_needs_its_unit():
    incentive = Incentive.objects.create(
        slug="cash",
        name_ko="현금지원",
        name_en="Cash grants",
        summary_ko="요약",
        summary_en="Summary",
        last_verified_on=factories.TODAY,
        source=factories.source(),
    )
    condition = Condition(
        incentive=incentive, kind=Condition.Kind.MIN_FOREIGN_OWNERSHIP, threshold=30, text="30%"
    )
    assert errors_of(condition)["unit"] == ["Choose the unit of the threshold."]
    benefit = Benefit(incentive=incentive, text="Grant", max_amount_krw=-1)
    assert "max_amount_krw" in errors_of(benefit)


def test_a_contact_needs_a_real_email_address():
    contact = ContactPoint(key="c", name="Invest Seoul", address="Seoul", phone="02-6361-4120", email="nope")
    assert "email" in errors_of(contact)


def test_a_ranking_row_needs_a_positive_rank_and_score():
    ranking = Ranking.objects.create(
        key="r", title_ko="순위", title_en="Ranking", as_of=factories.TODAY, source=factories.source()
    )
    entry = RankingEntry(ranking=ranking, rank=0, university="U", country="K", score=Decimal(-1))
    assert {"rank", "score"} <= set(errors_of(entry))


def test_an_institution_cannot_be_founded_in_the_future():
    institution = Institution(
        slug="i", name="I", kind=Institution.Kind.HUB, summary="s", founded_year=NEXT_YEAR
    )
    assert "founded_year" in errors_of(institution)


def test_logo_uploads_must_be_small_real_images(settings):
    company = factories.company()
    company.logo = SimpleUploadedFile("logo.png", b"not really a png", content_type="image/png")
    assert "This file is not an image" in errors_of(company)["logo"][0]

    settings.PORTAL_IMAGE_MAX_BYTES = 10
    company.logo = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")
    assert "images may be at most 10" in errors_of(company)["logo"][0]


def test_a_gif_logo_is_refused_with_the_formats_we_accept():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, "GIF")
    company = factories.company()
    company.logo = SimpleUploadedFile("logo.gif", buffer.getvalue(), content_type="image/gif")
    assert errors_of(company)["logo"] == ["GIF images are not accepted: upload a PNG, JPEG or WebP file."]


def test_a_valid_png_logo_is_accepted():
    company = factories.company()
    company.logo = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")
    company.full_clean()

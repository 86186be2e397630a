"""Amounts read naturally in each language, and charts are drawn to scale from the data."""

import datetime
from decimal import Decimal

import pytest

from content.models import Unit
from content.money import english_amount, format_money, korean_amount
from seoul.charts import PLOT_HEIGHT, build_chart
from seoul.models import Dataset
from tests import factories


@pytest.mark.parametrize(
    ("value", "korean", "english"),
    [
        (230_000_000_000, "2,300억", "230 billion"),
        (1_933_000_000_000, "1조 9,330억", "1.933 trillion"),
        (943_500_000_000, "9,435억", "943.5 billion"),
        (5_000_000, "500만", "5 million"),
        (4_120, "4,120", "4,120"),
    ],
)
def test_amounts_are_written_the_way_each_language_counts(value, korean, english):
    assert korean_amount(value) == korean
    assert english_amount(value) == english


def test_english_krw_amounts_carry_a_usd_reading_at_the_stated_rate(settings):
    settings.PORTAL_KRW_PER_USD = 1292
    assert (
        format_money(230_000_000_000, "KRW", "en")
        == "KRW 230 billion (about USD 178 million at the 2022 average rate)"
    )
    assert format_money(230_000_000_000, "KRW", "ko") == "2,300억 원"
    assert format_money(341_800_000_000, "USD", "en") == "USD 341.8 billion"
    assert format_money(None, "KRW", "en") == ""


def dataset_with(points, chart=Dataset.Chart.BAR):
    dataset = Dataset.objects.create(
        key="deals",
        title_ko="거래",
        title_en="Deals",
        unit=Unit.COUNT,
        chart=chart,
        as_of=datetime.date(2022, 8, 1),
        source=factories.source(),
    )
    for order, (label, series, value) in enumerate(points):
        dataset.points.create(label=label, series=series, value=Decimal(value), order=order)
    return dataset


@pytest.mark.django_db
def test_bars_are_drawn_to_scale_with_their_values():
    chart = build_chart(dataset_with([("2019", "", 46), ("2021", "", 61)]), lambda point: str(point.number))

    bars = [bar for group in chart.groups for bar in group.bars]
    assert [group.label for group in chart.groups] == ["2019", "2021"]
    assert bars[1].height == PLOT_HEIGHT
    assert bars[0].height == pytest.approx(PLOT_HEIGHT * 46 / 61, abs=0.1)
    assert [bar.value_label for bar in bars] == ["46", "61"]
    assert chart.legend == []


@pytest.mark.django_db
def test_several_series_get_a_legend_and_a_table_only_dataset_gets_no_chart():
    grouped = dataset_with([("AI", "universities", 16), ("AI", "graduate schools", 31)])
    assert [name for name, _colour in build_chart(grouped, str).legend] == [
        "universities",
        "graduate schools",
    ]

    grouped.chart = Dataset.Chart.TABLE
    assert build_chart(grouped, str) is None


@pytest.mark.django_db
def test_a_line_chart_joins_its_points():
    chart = build_chart(dataset_with([("2019", "", 1), ("2021", "", 4)], chart=Dataset.Chart.LINE), str)
    assert len(chart.line_points.split()) == 2

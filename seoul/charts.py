"""Server-rendered SVG charts: geometry computed here, drawn by seoul/_chart.svg (no chart library).

Each chart sits next to the same figures as an accessible table, so the SVG is a picture of the table
(role="img" with a text alternative), not the only way to read the data.
"""

from dataclasses import dataclass, field

WIDTH = 640
BAR_AREA_LEFT = 8
PLOT_TOP = 24
PLOT_HEIGHT = 200
LABEL_SPACE = 48
SERIES_COLOURS = ["#0b4f9c", "#c2410c", "#15803d", "#7e22ce"]


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    value_label: str
    label_x: float


@dataclass
class Group:
    """A row of the dataset: its label (`point` is the row's first data point, to mark a Korean fallback)."""

    label: str
    centre: float
    point: object = None
    bars: list = field(default_factory=list)


@dataclass
class LegendEntry:
    """A series: its name, colour, and first data point (to mark a Korean fallback)."""

    name: str
    colour: str
    point: object


@dataclass
class Chart:
    width: int
    height: int
    baseline: float
    groups: list
    legend: list
    line_points: str = ""


def build_chart(dataset, format_value):
    """Lay out the dataset's rows as groups of bars (one per series) scaled to the largest value."""
    points = list(dataset.points.all())
    if dataset.chart == dataset.Chart.TABLE or not points:
        return None
    first_of_series, first_of_row = {}, {}
    for point in points:
        first_of_series.setdefault(point.series, point)
        first_of_row.setdefault(point.label, point)
    series, rows = list(first_of_series), list(first_of_row)
    largest = max(point.value for point in points) or 1
    slot = (WIDTH - BAR_AREA_LEFT * 2) / len(rows)
    bar_width = min(56, slot * 0.7 / len(series))
    baseline = PLOT_TOP + PLOT_HEIGHT
    groups = {
        label: Group(label=label, centre=BAR_AREA_LEFT + slot * (i + 0.5), point=first_of_row[label])
        for i, label in enumerate(rows)
    }
    for point in points:
        group = groups[point.label]
        index = series.index(point.series)
        height = float(point.value / largest) * PLOT_HEIGHT
        x = group.centre - bar_width * len(series) / 2 + index * bar_width
        group.bars.append(
            Bar(
                x=round(x, 1),
                y=round(baseline - height, 1),
                width=round(bar_width - 2, 1),
                height=round(height, 1),
                colour=SERIES_COLOURS[index % len(SERIES_COLOURS)],
                value_label=format_value(point),
                label_x=round(x + (bar_width - 2) / 2, 1),
            )
        )
    line_points = ""
    if dataset.chart == dataset.Chart.LINE and len(series) == 1:
        line_points = " ".join(f"{bar.label_x},{bar.y}" for group in groups.values() for bar in group.bars)
    legend = (
        [
            LegendEntry(name, SERIES_COLOURS[i % len(SERIES_COLOURS)], first_of_series[name])
            for i, name in enumerate(series)
        ]
        if len(series) > 1
        else []
    )
    return Chart(
        width=WIDTH,
        height=baseline + LABEL_SPACE,
        baseline=baseline,
        groups=list(groups.values()),
        legend=legend,
        line_points=line_points,
    )

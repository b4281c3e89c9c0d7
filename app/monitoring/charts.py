"""An indicator's trend over the periods, as an SVG for the page and a PNG for Word.

The SVG is drawn by the template from the geometry computed here (coordinates are
SVG attributes, which the CSP allows; no style attributes). It is one image to a
screen reader (``role="img"`` labelled by its ``<title>`` and ``<desc>``) and the
same numbers are in a table beside it. Series differ by marker shape and dash as
well as colour (Okabe–Ito), each value is written beside its point, and each target
is a labelled dashed line, so nothing depends on colour.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from flask_babel import gettext as _

from ..plotting import plain_figure
from .dashboard import IndicatorStatus
from .dashboard_words import number_text, region_text, subgroup_text, target_text

WIDTH = 600
HEIGHT = 280
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 20, 44
#: Okabe–Ito colours, marker shapes and dashes: series 1–4 differ in all three.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7")
MARKERS = ("circle", "square", "diamond", "triangle")
DASHES = ("", "8 4", "3 3", "10 4 3 4")
MPL_MARKERS = ("o", "s", "D", "^")
MPL_DASHES = ("-", "--", ":", "-.")
TARGET_COLOUR = "#1b1f24"


@dataclass
class Point:
    x: float
    y: float
    label: str


@dataclass
class Line:
    label: str
    colour: str
    marker: str
    dash: str
    points: list[Point]

    @property
    def path(self) -> str:
        """The polyline's points; a gap (no value) is simply left out."""
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


@dataclass
class Reference:
    y: float
    label: str
    #: The colour of the subgroup's line (black for a target of all subgroups).
    colour: str


@dataclass
class Tick:
    at: float
    label: str


@dataclass
class TrendChart:
    id: str
    title: str
    desc: str
    width: int
    height: int
    left: int
    right: float
    top: int
    bottom: float
    lines: list[Line]
    references: list[Reference]
    x_ticks: list[Tick]
    y_ticks: list[Tick]


def _nice_step(span: float) -> float:
    """A round step (1, 2 or 5 times a power of ten) that gives about five ticks."""
    if span <= 0:
        return 1.0
    raw = span / 5
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _scale(status: IndicatorStatus) -> tuple[float, float, float]:
    numbers = [v for s in status.series for v in s.values if v is not None]
    numbers += [s.target for s in status.series if s.target is not None]
    low = min([0.0, *numbers])
    high = max(numbers, default=1.0)
    step = _nice_step(high - low)
    top = step * math.ceil(high * 1.1 / step) if high > 0 else step
    if status.unit.strip() == "%" and high <= 100:
        top = min(top, 100.0)
    bottom = step * math.floor(low / step)
    if top <= bottom:
        top = bottom + step
    return bottom, top, step


def _targets(status: IndicatorStatus) -> list[tuple[float, str, str]]:
    """(value, legend label, colour) of each distinct target line."""
    found = []
    seen = set()
    several = len(status.series) > 1
    for n, series in enumerate(status.series):
        if series.target is None or series.target in seen:
            continue
        seen.add(series.target)
        label = _(
            "Target %(target)s",
            target=target_text(status.direction, series.target, status.unit),
        )
        own = several and series.subgroup and series.subgroup in status.targets
        if own:
            label = f"{label} ({series.subgroup})"
        colour = COLOURS[n % len(COLOURS)] if own else TARGET_COLOUR
        found.append((series.target, label, colour))
    return found


def series_label(subgroup: str) -> str:
    return subgroup_text(subgroup) if subgroup else region_text()


def chart_description(status: IndicatorStatus) -> str:
    """The chart in words: each series' values by period and its target."""
    parts = []
    for series in status.series:
        values = ", ".join(
            f"{period} {number_text(value, status.unit)}"
            for period, value in zip(status.periods, series.values, strict=True)
            if value is not None
        )
        parts.append(
            _(
                "%(group)s: %(values)s; target %(target)s.",
                group=series_label(series.subgroup),
                values=values or _("no values"),
                target=target_text(status.direction, series.target, status.unit),
            )
        )
    return " ".join([_("Region-wide values by period.")] + parts)


def chart_title(status: IndicatorStatus) -> str:
    return _("%(indicator)s over time", indicator=status.title)


def build_trend_chart(status: IndicatorStatus, chart_id: str) -> TrendChart:
    """The line chart's geometry: one line per subgroup, the targets as lines."""
    bottom_value, top_value, step = _scale(status)
    plot_right = WIDTH - RIGHT
    plot_bottom = HEIGHT - BOTTOM
    count = len(status.periods)
    inner = 40

    def x_at(index: int) -> float:
        if count <= 1:
            return (LEFT + plot_right) / 2
        return LEFT + inner + index * (plot_right - LEFT - 2 * inner) / (count - 1)

    def y_at(value: float) -> float:
        share = (value - bottom_value) / (top_value - bottom_value)
        return plot_bottom - share * (plot_bottom - TOP)

    lines = []
    for n, series in enumerate(status.series):
        style = n % len(COLOURS)
        points = [
            Point(x_at(i), y_at(value), number_text(value, status.unit))
            for i, value in enumerate(series.values)
            if value is not None
        ]
        lines.append(
            Line(
                label=series_label(series.subgroup),
                colour=COLOURS[style],
                marker=MARKERS[style],
                dash=DASHES[style],
                points=points,
            )
        )
    references = [
        Reference(y_at(value), label, colour)
        for value, label, colour in _targets(status)
    ]
    ticks = []
    value = bottom_value
    while value <= top_value + step / 1000:
        ticks.append(Tick(y_at(value), number_text(value)))
        value += step
    return TrendChart(
        id=chart_id,
        title=chart_title(status),
        desc=chart_description(status),
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=plot_right,
        top=TOP,
        bottom=plot_bottom,
        lines=lines,
        references=references,
        x_ticks=[Tick(x_at(i), p) for i, p in enumerate(status.periods)],
        y_ticks=ticks,
    )


def trend_png(status: IndicatorStatus, *, width_inches: float = 6.5) -> bytes:
    """The same chart as a PNG (matplotlib, Agg) for the Word report, every text
    drawn as written (``PLAIN_TEXT``: no mathtext)."""
    return _draw_trend(status, width_inches)


def _draw_trend(status: IndicatorStatus, width_inches: float) -> bytes:
    bottom_value, top_value, _step = _scale(status)
    with plain_figure(width_inches, 3.8, 150) as figure:
        axes = figure.subplots()
        positions = list(range(len(status.periods)))
        for n, series in enumerate(status.series):
            style = n % len(COLOURS)
            xs = [
                i
                for i, v in zip(positions, series.values, strict=True)
                if v is not None
            ]
            ys = [v for v in series.values if v is not None]
            if not ys:
                continue
            axes.plot(
                xs,
                ys,
                color=COLOURS[style],
                marker=MPL_MARKERS[style],
                linestyle=MPL_DASHES[style],
                label=series_label(series.subgroup),
            )
            for x, y in zip(xs, ys, strict=True):
                axes.annotate(
                    number_text(y, status.unit),
                    (x, y),
                    textcoords="offset points",
                    xytext=(0, 7),
                    ha="center",
                    fontsize=8,
                    color=TARGET_COLOUR,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"},
                )
        for value, label, colour in _targets(status):
            axes.axhline(
                value, color=colour, linestyle=(0, (6, 3)), lw=1.2, label=label
            )
        axes.set_xticks(positions, labels=status.periods, fontsize=9)
        axes.set_xlim(-0.5, max(len(positions) - 0.5, 0.5))
        axes.set_ylim(bottom_value, top_value)
        if status.unit:
            axes.set_ylabel(status.unit, color=TARGET_COLOUR)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        if axes.get_legend_handles_labels()[0]:
            # Below the plot, where it covers no line.
            axes.legend(
                fontsize=8,
                loc="upper center",
                bbox_to_anchor=(0.5, -0.14),
                ncol=2,
                frameon=False,
            )
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", metadata={"Software": None})
        return buffer.getvalue()

"""Charts of findings drawn offline with matplotlib (Agg): SVG for pages and PDF, PNG for DOCX/XLSX.

A chart is data (:class:`BarChart`, :class:`SpreadChart`, :class:`MapChart`); :func:`chart_svg` and
:func:`chart_png` draw it, on a :class:`matplotlib.figure.Figure` of its own (not pyplot's global
state, so the web server's threads can draw at once). Charts are drawn from table cells, so a cell
hidden in the table is hidden in the chart (a hatched "x" bar), never drawn from the numbers behind
it. Labels stand above their bar, so a chart stays readable on a 360-pixel phone screen; text is
DejaVu Sans (shipped with matplotlib, with Cyrillic including Ө and Ү), kept as text in SVG so it
can be searched and read aloud. The map of the aimags is :mod:`solidata.core.reports.choropleth` in
SVG and the same shades drawn by matplotlib in PNG.

Example::

    >>> svg = chart_svg(BarChart((Bar("Cooperative", 78.0), Bar("Foundation", None, True)), "n"))
    >>> svg.startswith("<svg") and "Cooperative" in svg
    True
"""

from __future__ import annotations

import io
import json
import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import matplotlib
import matplotlib.ticker
from matplotlib.figure import Figure as PlotFigure
from matplotlib.patches import Polygon, Rectangle

from solidata.core.kept import Kept
from solidata.core.reports.choropleth import (
    BOUNDARIES,
    EMPTY,
    PALETTE,
    Shade,
    _rings,
    choropleth,
)

INK, BAR, MUTED, HATCH = "#1f2933", "#3182bd", "#9ecae1", "#888888"
matplotlib.rcParams.update(
    {
        "font.family": "DejaVu Sans",
        "font.size": 9,
        "svg.fonttype": "none",  # text stays text
        "svg.hashsalt": "solidata",  # the same chart gives the same SVG
        "axes.edgecolor": "#999999",
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    hidden: bool = False


@dataclass(frozen=True)
class BarChart:
    bars: tuple[Bar, ...]
    axis: str
    percent: bool = False  # values are shares in [0, 1], shown as %
    width: float = 6.0  # inches; pages use 4


@dataclass(frozen=True)
class Spread:
    """One row of a score chart: the peers' quartiles and median, and an entity's own score."""

    label: str
    p25: float | None
    median: float | None
    p75: float | None
    hidden: bool = False
    own: float | None = None


@dataclass(frozen=True)
class SpreadChart:
    rows: tuple[Spread, ...]
    axis: str
    width: float = 6.0
    row_height: float = 0.55  # inches per row


@dataclass(frozen=True)
class MapChart:
    shades: Mapping[str, Shade]
    title: str
    legend: tuple[str, ...] = ("0–20%", "20–40%", "40–60%", "60–80%", "80–100%")
    hidden_label: str = "hidden (too few entities)"
    empty_label: str = "no entities"
    credit: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)


Chart = BarChart | SpreadChart | MapChart


def chart_svg(chart: Chart) -> str:
    """The chart as an inline ``<svg>`` element that scales to its container."""
    if isinstance(chart, MapChart):
        return choropleth(
            chart.shades,
            title=chart.title,
            legend=chart.legend,
            hidden_label=chart.hidden_label,
            empty_label=chart.empty_label,
            credit=chart.credit,
        )
    return _drawn.get_or_make(("svg", repr(chart)), lambda: _svg(chart))  # type: ignore[return-value]


def _svg(chart: BarChart | SpreadChart) -> str:
    out = io.StringIO()
    figure = _draw(chart)
    figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    svg = out.getvalue()
    svg = svg[svg.index("<svg") :]
    # Scale with the container (max-width: 100% in the page's CSS), keep the aspect ratio.
    return re.sub(
        r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1 class="chart"', svg, count=1
    )


def chart_png(chart: Chart, dpi: int = 150) -> bytes:
    """The chart as PNG bytes (for DOCX and XLSX, which do not take SVG)."""

    def png() -> bytes:
        figure = _map(chart) if isinstance(chart, MapChart) else _draw(chart)
        out = io.BytesIO()
        figure.savefig(out, format="png", dpi=dpi, metadata={"Software": None})
        return out.getvalue()

    return _drawn.get_or_make(("png", dpi, repr(chart)), png)  # type: ignore[return-value]


# A chart is drawn from its data alone (the key holds its ``repr``: every label, value and
# setting); matplotlib takes about a tenth of a second for each, and the same page, report or table
# is asked for again and again, by every reader. 256 charts of a few kB of SVG or PNG each.
_drawn: Kept[tuple[object, ...], str | bytes] = Kept(256)


def _wrap(label: str, width: int) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def _rows_axes(n: int, width: float, row_height: float = 0.55) -> tuple[PlotFigure, Any]:
    height = 0.5 + row_height * max(n, 1)
    figure = PlotFigure(figsize=(width, height))
    axes = figure.add_axes((0.03, 0.55 / height, 0.94, 1 - 0.75 / height))
    axes.set_ylim(n - 0.4, -0.9)
    axes.set_yticks([])
    axes.spines["left"].set_visible(False)
    return figure, axes


def _label(axes: Any, y: int, text: str, width: float) -> None:
    axes.text(0, y - 0.32, _wrap(text, int(width * 13)), va="bottom", ha="left", color=INK)


def _draw(chart: BarChart | SpreadChart) -> PlotFigure:
    if isinstance(chart, BarChart):
        return _bars(chart)
    return _spread(chart)


def _bars(chart: BarChart) -> PlotFigure:
    figure, axes = _rows_axes(len(chart.bars), chart.width)
    shown = [b.value for b in chart.bars if not b.hidden and b.value is not None]
    top = max(shown, default=1.0) or 1.0
    top = 1.0 if chart.percent else top * 1.15
    for y, bar in enumerate(chart.bars):
        _label(axes, y, bar.label, chart.width)
        if bar.hidden:
            axes.barh(y, top * 0.04, height=0.3, color="#eeeeee", hatch="///", edgecolor=HATCH)
            axes.text(top * 0.05, y, "x", va="center", color=INK)
            continue
        value = bar.value or 0.0
        axes.barh(y, value, height=0.3, color=BAR)
        shown_text = f"{round(100 * value)}%" if chart.percent else f"{value:,.0f}"
        axes.text(value + top * 0.01, y, shown_text, va="center", color=INK)
    axes.set_xlim(0, top)
    if chart.percent:
        axes.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0, decimals=0))
    axes.set_xlabel(chart.axis)
    return figure


def _spread(chart: SpreadChart) -> PlotFigure:
    figure, axes = _rows_axes(len(chart.rows), chart.width, chart.row_height)
    for y, row in enumerate(chart.rows):
        _label(axes, y, row.label, chart.width)
        if row.hidden:
            axes.barh(y, 4, height=0.3, color="#eeeeee", hatch="///", edgecolor=HATCH)
            axes.text(5, y, "x", va="center", color=INK)
        elif row.p25 is not None and row.p75 is not None:
            axes.barh(y, row.p75 - row.p25, left=row.p25, height=0.3, color=MUTED)
        if not row.hidden and row.median is not None:
            axes.plot([row.median], [y], "o", color=BAR, markersize=6)
        if row.own is not None:
            axes.plot([row.own], [y], "D", color="#c2410c", markersize=7)
    axes.set_xlim(0, 100)
    axes.set_xticks([0, 25, 50, 75, 100])
    axes.grid(axis="x", color="#e5e5e5")
    axes.set_axisbelow(True)
    axes.set_xlabel(chart.axis)
    return figure


@lru_cache(maxsize=2)
def _areas(name: str = BOUNDARIES) -> tuple[tuple[str, tuple[tuple[float, float], ...]], ...]:
    text = resources.files("solidata.core.data.geo").joinpath(name).read_text("utf-8")
    return tuple(
        (f["properties"]["ISO"], tuple((p[0], p[1]) for p in ring))
        for f in json.loads(text)["features"]
        for ring in _rings(f["geometry"])
    )


def _map(chart: MapChart) -> PlotFigure:
    figure = PlotFigure(figsize=(6.0, 3.8))
    axes = figure.add_axes((0.01, 0.22, 0.98, 0.76))
    for code, ring in _areas():
        shade = chart.shades.get(code)
        if shade is None or (shade.value is None and not shade.hidden):
            patch = Polygon(ring, facecolor=EMPTY, edgecolor="white", linewidth=0.5)
        elif shade.hidden or shade.value is None:
            patch = Polygon(ring, facecolor="#eeeeee", edgecolor=HATCH, hatch="///", linewidth=0.3)
        else:
            k = min(int(max(shade.value, 0.0) * len(PALETTE)), len(PALETTE) - 1)
            patch = Polygon(ring, facecolor=PALETTE[k], edgecolor="white", linewidth=0.5)
        axes.add_patch(patch)
    axes.autoscale_view()
    axes.set_aspect(1.6)
    axes.set_axis_off()
    keys = list(zip(PALETTE, chart.legend, strict=True)) + [
        ("#eeeeee", chart.hidden_label),
        (EMPTY, chart.empty_label),
    ]
    for k, (colour, words) in enumerate(keys):
        x, y = 0.02 + (k % 5) * 0.195, 0.13 - (k // 5) * 0.07
        figure.patches.append(
            Rectangle(
                (x, y),
                0.02,
                0.035,
                facecolor=colour,
                edgecolor="#999999",
                transform=figure.transFigure,
                hatch="///" if k == 5 else None,
            )
        )
        figure.text(x + 0.025, y, words, fontsize=7)
    figure.text(0.02, 0.01, chart.credit, fontsize=6, color="#555555")
    return figure

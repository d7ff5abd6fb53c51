"""A map of the aimags as SVG, drawn on the server from the bundled boundaries (no network).

Each area gets a shade for a value between 0 and 1 (e.g. the share of entities meeting a
definition), a hatch when the value is hidden (too few entities), and a title (tooltip) saying
what it shows. The projection is equirectangular, scaled by the cosine of the middle latitude,
which is accurate enough for a country of Mongolia's size.

Example::

    >>> svg = choropleth({"MN-1": Shade(0.4, False, "Ulaanbaatar: 40%")}, title="Share")
    >>> svg.startswith("<svg") and 'data-code="MN-1"' in svg
    True
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from importlib import resources
from typing import Any

BOUNDARIES = "mongolia_admin1.geojson"
ATTRIBUTION = "Natural Earth (public domain), via Apache Superset (Apache-2.0)"
# Five classes of a colour-blind-safe sequential blue scale (ColorBrewer "Blues").
PALETTE = ("#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
EMPTY = "#f4f4f4"
WIDTH = 640


@dataclass(frozen=True)
class Shade:
    """What one area shows: ``value`` in [0, 1] (None: no data), hidden, and its tooltip."""

    value: float | None
    hidden: bool
    title: str


@lru_cache(maxsize=4)
def area_paths(name: str = BOUNDARIES, width: int = WIDTH) -> tuple[tuple[str, str], ...]:
    """``(ISO code, SVG path)`` of every area, projected to ``width`` pixels across."""
    text = resources.files("solidata.core.data.geo").joinpath(name).read_text("utf-8")
    features = json.loads(text)["features"]
    rings = [(f["properties"]["ISO"], ring) for f in features for ring in _rings(f["geometry"])]
    lons = [p[0] for _, ring in rings for p in ring]
    lats = [p[1] for _, ring in rings for p in ring]
    factor = math.cos(math.radians((min(lats) + max(lats)) / 2))
    scale = width / ((max(lons) - min(lons)) * factor)
    west, north = min(lons), max(lats)

    def point(p: Sequence[float]) -> str:
        return f"{(p[0] - west) * factor * scale:.1f},{(north - p[1]) * scale:.1f}"

    paths: dict[str, list[str]] = {}
    for code, ring in rings:
        paths.setdefault(code, []).append("M" + "L".join(point(p) for p in ring) + "Z")
    return tuple((code, "".join(parts)) for code, parts in paths.items())


def map_height(width: int = WIDTH) -> int:
    ys = [
        float(xy.split(",")[1])
        for _, d in area_paths(width=width)
        for xy in d.replace("M", "L").replace("Z", "").split("L")
        if xy
    ]
    return math.ceil(max(ys)) + 2


def choropleth(
    shades: Mapping[str, Shade],
    *,
    title: str,
    legend: Sequence[str] = ("0-20%", "20-40%", "40-60%", "60-80%", "80-100%"),
    hidden_label: str = "hidden (too few entities)",
    empty_label: str = "no entities",
    credit: str = "Boundaries: " + ATTRIBUTION,
    width: int = WIDTH,
) -> str:
    """The map as an ``<svg>`` element: areas not in ``shades`` are drawn empty."""
    height = map_height(width)
    legend_y = height + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {legend_y + 60}" '
        f'role="img" aria-label="{escape(title)}" class="choropleth">',
        f"<title>{escape(title)}</title>",
        '<defs><pattern id="hidden-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#eee"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#888" stroke-width="2"/></pattern></defs>',
    ]
    for code, d in area_paths(width=width):
        shade = shades.get(code)
        fill, label = _fill(shade)
        parts.append(
            f'<path d="{d}" fill="{fill}" fill-rule="evenodd" stroke="#fff" stroke-width="0.8" '
            f'data-code="{escape(code)}" data-state="{label}">'
            f"<title>{escape(shade.title if shade else code)}</title></path>"
        )
    rows = [
        list(zip(PALETTE, legend, strict=True)),
        [("url(#hidden-hatch)", hidden_label), (EMPTY, empty_label)],
    ]
    for r, keys in enumerate(rows):
        y = legend_y + 20 * r
        for k, (fill, text) in enumerate(keys):
            x = k * width / (len(PALETTE) if r == 0 else 2)
            parts.append(
                f'<rect x="{x:.0f}" y="{y}" width="14" height="14" fill="{fill}" stroke="#999" '
                f'stroke-width="0.5"/><text x="{x + 18:.0f}" y="{y + 12}" font-size="12">'
                f"{escape(text)}</text>"
            )
    parts.append(
        f'<text x="0" y="{legend_y + 54}" font-size="10" fill="#555">{escape(credit)}</text></svg>'
    )
    return "".join(parts)


def _fill(shade: Shade | None) -> tuple[str, str]:
    if shade is None or (shade.value is None and not shade.hidden):
        return EMPTY, "empty"
    if shade.hidden or shade.value is None:
        return "url(#hidden-hatch)", "hidden"
    k = min(int(max(shade.value, 0.0) * len(PALETTE)), len(PALETTE) - 1)
    return PALETTE[k], f"class-{k}"


def _rings(geometry: Mapping[str, Any]) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return list(geometry["coordinates"])
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    return []

"""The map of the aimags is drawn from the bundled boundaries, one shape per ISO code."""

from __future__ import annotations

import csv
from importlib import resources

from solidata.core.reports.choropleth import Shade, area_paths, choropleth


def test_every_aimag_and_the_capital_has_a_shape_keyed_by_its_iso_code() -> None:
    text = (
        resources.files("solidata.core.data.reference").joinpath("admin1_mn.csv").read_text("utf-8")
    )
    codes = {row["iso_code"] for row in csv.DictReader(text.splitlines())}
    assert {code for code, _ in area_paths()} == codes
    assert len(codes) == 22


def test_hidden_areas_are_hatched_and_titles_are_escaped() -> None:
    svg = choropleth(
        {"MN-061": Shade(None, True, "Dornod <hidden>"), "MN-1": Shade(0.95, False, "UB: 95%")},
        title="Share & count",
    )
    assert 'data-code="MN-061" data-state="hidden"' in svg
    assert 'data-code="MN-1" data-state="class-4"' in svg
    assert "Dornod &lt;hidden&gt;" in svg and "Share &amp; count" in svg
    assert svg.count("<path") == 22

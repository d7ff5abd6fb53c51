"""Estimates for people (a text table with R's digits) and for programs (JSON-ready records).

Numbers are shown as R prints ``svymean`` and ``svytotal`` results: at least 5 significant
digits, never rounding the integer part (662.29, SE 9.4089; 3687178, SE 114642). Very small or
very large values switch to scientific notation.

Example::

    >>> r_format(662.2873631593208), r_format(9.408940802784581), r_format(114641.716)
    ('662.29', '9.4089', '114642')
    >>> r_format(8.553972), r_format(0.0000123)
    ('8.554', '1.23e-05')
"""

from __future__ import annotations

import math
from typing import Any

from solidata.core.stats.design import DesignSummary
from solidata.core.stats.estimates import EstimateResult

DIGITS = 5

KIND_NAMES = {
    "simple": "Simple random sample",
    "stratified": "Stratified sample",
    "cluster": "One-stage cluster sample",
    "stratified cluster": "Stratified cluster sample",
    "two-stage cluster": "Two-stage cluster sample",
    "stratified two-stage cluster": "Stratified two-stage cluster sample",
}
STATISTIC_NAMES = {"mean": "mean", "total": "total", "proportion": "proportion"}


def r_format(value: float, digits: int = DIGITS) -> str:
    """``value`` with at least ``digits`` significant digits, as R prints survey estimates."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Inf" if value > 0 else "-Inf"
    if value == 0:
        return "0"
    magnitude = math.floor(math.log10(abs(value)))
    if magnitude < -4 or magnitude >= 15:
        mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
        return f"{_trim(mantissa)}e{exponent}"
    return _trim(f"{value:.{max(0, digits - 1 - magnitude)}f}")


def estimate_records(result: EstimateResult) -> list[dict[str, Any]]:
    """One JSON-ready dict per estimate: by, (category,) estimate, se, ci_low, ci_high, df, n.

    ``category`` is there for proportions only; non-finite numbers become ``None``.
    """
    records = []
    for e in result.estimates:
        record: dict[str, Any] = {"by": e.by}
        if result.statistic == "proportion":
            record["category"] = e.category
        record.update(
            estimate=_finite(e.estimate),
            se=_finite(e.se),
            ci_low=_finite(e.ci_low),
            ci_high=_finite(e.ci_high),
            df=e.df,
            n=e.n,
        )
        records.append(record)
    return records


def estimate_table(result: EstimateResult) -> str:
    """A readable table with a line on the design and one on the interval, like R's output."""
    statistic = STATISTIC_NAMES[result.statistic]
    labels: list[str] = []
    if result.by:
        labels.append(result.by)
    if result.statistic == "proportion":
        labels.append(result.variable)
    low, high = _percent((1 - result.confidence) / 2), _percent((1 + result.confidence) / 2)
    header = [*(labels or [""]), statistic, "SE", low, high, "df", "n"]
    rows = []
    for e in result.estimates:
        names = [v for v in (e.by, e.category) if v is not None] or [result.variable]
        numbers = [r_format(x) for x in (e.estimate, e.se, e.ci_low, e.ci_high)]
        rows.append([*names, *numbers, str(e.df), str(e.n)])
    text_columns = len(header) - 6
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = [
        describe_design(result.summary),
        f"{statistic.capitalize()} of {result.variable}, {result.confidence:.0%} confidence "
        f"interval: {result.ci_method}.",
        "",
    ]
    for row in [header, *rows]:
        cells = [
            str(cell).ljust(w) if i < text_columns else str(cell).rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def describe_design(summary: DesignSummary) -> str:
    """One line: the kind of design, its columns, the weights, the fpc and the sizes."""
    design = summary.design
    parts = [KIND_NAMES[summary.kind]]
    if design.strata:
        parts.append(f"strata {design.strata}")
    if design.cluster:
        parts.append(f"clusters {design.cluster}")
    if design.subcluster:
        stage = "" if design.fpc2 else " (variance from the first stage)"
        parts.append(f"second stage {design.subcluster}{stage}")
    parts.append(
        f"weights {design.weight}"
        if summary.weight_source == "column"
        else "weights N_h/n_h × M_i/m_i from the fpcs"
        if summary.weight_source == "fpc" and design.fpc2
        else "weights N_h/n_h from the fpc"
        if summary.weight_source == "fpc"
        else "unweighted"
        if not summary.weighted
        else "weights 1 before post-stratification"
    )
    if design.fpc:
        kind = "sampling fractions" if summary.fpc_kind == "fraction" else "population sizes"
        parts.append(f"fpc {design.fpc} ({kind})")
        if design.fpc2:
            parts.append(f"second-stage fpc {design.fpc2}")
    else:
        parts.append("no fpc (sampling with replacement)")
    if design.poststrata:
        parts.append(f"post-stratified on {design.poststrata.column}")
    strata = "stratum" if summary.strata == 1 else "strata"
    units = "PSUs" if design.cluster else "units"
    sizes = f"{summary.rows} rows, {summary.strata} {strata}, {summary.clusters} {units}"
    return f"{parts[0]}: {', '.join(parts[1:])}; {sizes}."


def _percent(share: float) -> str:
    """R's column names of an interval: ``2.5%`` and ``97.5%``."""
    return f"{_trim(f'{share * 100:.1f}')}%"


def _trim(text: str) -> str:
    """R shows no trailing zeros: 8.553972 prints as 8.554, not 8.5540."""
    return text.rstrip("0").rstrip(".") if "." in text else text


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None

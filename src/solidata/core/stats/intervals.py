"""Confidence intervals and degrees of freedom, as R's ``survey`` package computes them.

Three intervals, each the R call it reproduces (``x`` an estimate, ``d`` its design):

* ``wald``: ``estimate +/- z * SE`` with the normal quantile (1.959964 at 95%), R's
  ``confint(x)``; the default for means and totals.
* ``t``: ``estimate +/- t(df) * SE`` with Student's t on the design's degrees of freedom, R's
  ``confint(x, df = degf(d))``.
* ``logit``: for proportions, the Wald interval on the logit scale with t(df), transformed back:
  ``expit(logit(p) +/- t(df) * SE / (p (1 - p)))``, R's ``svyciprop(~I(v == c), d,
  method = "logit")`` (whose ``df`` is ``degf(d)`` by default); the default for proportions. It
  stays within [0, 1]; at p = 0 or 1 it is the single point p, as R's is.

Degrees of freedom are R's ``degf()``: the number of PSUs minus the number of strata, counting only
PSUs and strata that hold rows of the estimate's group (``degf(subset(d, group))``, which R's
``svyby(..., svyciprop)`` uses). Rows whose variable is missing still count, as in R.

Example::

    >>> low, high = interval("logit", 0.8743169, 0.0203595, df=14)
    >>> round(low, 5), round(high, 5)
    (0.8238, 0.9119)
    >>> degrees_of_freedom(strata=["a", "a", "b", "b"], psus=["1", "2", "3", "4"])
    2
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from statistics import NormalDist
from typing import Literal

from solidata.core.stats.design import Statistic

CiMethod = Literal["wald", "t", "logit"]
CI_METHODS: tuple[CiMethod, ...] = ("wald", "t", "logit")
CONFIDENCE = 0.95

DESCRIPTIONS: dict[CiMethod, str] = {
    "wald": "Wald with the normal quantile, as R's confint()",
    "t": "Wald with Student's t on the design degrees of freedom, as R's confint(x, df=degf(d))",
    "logit": "logit with Student's t on the design degrees of freedom, as R's svyciprop()",
}


def default_ci(statistic: Statistic) -> CiMethod:
    """R's default: ``confint()`` (normal) for means and totals, ``svyciprop`` (logit) else."""
    return "logit" if statistic == "proportion" else "wald"


def degrees_of_freedom(*, strata: Iterable[str], psus: Iterable[str]) -> int:
    """R's ``degf()``: distinct PSUs minus distinct strata (PSU keys unique across strata)."""
    return len(set(psus)) - len(set(strata))


def quantile(method: CiMethod, df: float, confidence: float = CONFIDENCE) -> float:
    """The multiplier of the SE: normal for ``wald``, Student's t on ``df`` otherwise.

    With ``df`` below 1 there is no t quantile (R gives ``NaN``), so the interval is ``NaN``.
    """
    level = 0.5 + confidence / 2
    if method == "wald" or math.isinf(df):
        return NormalDist().inv_cdf(level)
    if df < 1:
        return math.nan
    # Imported here: scipy.stats takes 0.6 s to load, a third of the site's start-up, and only a
    # t interval needs it.
    from scipy.stats import t as student_t

    return float(student_t.ppf(level, df))


def interval(
    method: CiMethod, estimate: float, se: float, *, df: float, confidence: float = CONFIDENCE
) -> tuple[float, float]:
    """The interval's ends for ``estimate`` with standard error ``se`` (see the module doc)."""
    q = quantile(method, df, confidence)
    if method != "logit":
        return estimate - q * se, estimate + q * se
    if estimate <= 0 or estimate >= 1:
        return estimate, estimate
    centre = math.log(estimate / (1 - estimate))
    half = q * se / (estimate * (1 - estimate))
    return _expit(centre - half), _expit(centre + half)


def _expit(x: float) -> float:
    if math.isnan(x):
        return math.nan
    return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))

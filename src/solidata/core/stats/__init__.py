"""Survey statistics: design-based estimates with standard errors, checked against R's ``survey``.

The pipeline: :mod:`~solidata.core.stats.reading` (CSV to a frame) ->
:mod:`~solidata.core.stats.design` (check the design columns) ->
:mod:`~solidata.core.stats.estimates` (means, proportions, totals, overall and by group; their
intervals and degrees of freedom in :mod:`~solidata.core.stats.intervals`) ->
:mod:`~solidata.core.stats.display` (a text table or JSON records). Weights from a sampling frame
or from population totals are in :mod:`~solidata.core.stats.weights`.

This package is generic: it knows nothing of Solidata's methods, scores, classification or
readers, and never imports :mod:`solidata.core.findings` (the findings a site shows, built on top
of it). Weights from a sampling frame of strata (:mod:`~solidata.core.stats.frames`) are here for
the same reason: a frame is counts by any columns.

Example::

    >>> from solidata.core.stats import SurveyDesign, estimate_mean
    >>> design = SurveyDesign(strata="stype", weight="pw", fpc="fpc")
    >>> result = estimate_mean(apistrat_csv, "api00", design=design)
    >>> round(result.estimates[0].estimate, 2), round(result.estimates[0].se, 4)
    (662.29, 9.4089)

    (R: ``svymean(~api00, svydesign(id=~1, strata=~stype, weights=~pw, fpc=~fpc, data=apistrat))``
    gives 662.29, SE 9.4089.)
"""

from __future__ import annotations

from solidata.core.stats.design import (
    DesignSummary,
    PostStrata,
    Statistic,
    SurveyDesign,
)
from solidata.core.stats.display import estimate_records, estimate_table, r_format
from solidata.core.stats.estimates import (
    Estimate,
    EstimateResult,
    estimate,
    estimate_mean,
    estimate_proportions,
    estimate_total,
)
from solidata.core.stats.intervals import CI_METHODS, CiMethod, degrees_of_freedom
from solidata.core.stats.reading import MISSING_MARKERS, read_survey_csv
from solidata.core.stats.weights import (
    DesignWeights,
    StratumWeight,
    design_weights,
    population_sizes,
    poststratified_weights,
)

__all__ = [
    "CI_METHODS",
    "MISSING_MARKERS",
    "CiMethod",
    "DesignSummary",
    "DesignWeights",
    "Estimate",
    "EstimateResult",
    "PostStrata",
    "Statistic",
    "StratumWeight",
    "SurveyDesign",
    "degrees_of_freedom",
    "design_weights",
    "estimate",
    "estimate_mean",
    "estimate_proportions",
    "estimate_records",
    "estimate_table",
    "estimate_total",
    "population_sizes",
    "poststratified_weights",
    "r_format",
    "read_survey_csv",
]

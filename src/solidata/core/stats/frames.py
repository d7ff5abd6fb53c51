"""Survey weights from a sampling frame: population counts by stratum (aimag, entity type ...).

A :class:`PopulationFrame` holds how many entities the population has in each stratum, a stratum
being a combination of classification values (e.g. the register of cooperatives by aimag). Two
uses, as the survey was drawn:

* ``design``: the sample was drawn at random within each stratum. Each entity weighs
  ``N_h / n_h`` (population over sample in its stratum) and the standard errors use the finite
  population correction ``N_h``; a stratum of the sample missing from the frame is an error.
* ``poststrata``: only the totals are known (the sample was not drawn by stratum, e.g. a
  self-selected survey). The entities are post-stratified on the strata: weights are scaled so
  each stratum adds up to its population count, and the standard errors account for it (R's
  ``postStratify``). Every stratum needs sampled entities and every sampled stratum a count.

Either way the estimates come from :mod:`solidata.core.stats.estimates`, validated against R.

Example::

    >>> import pandas as pd
    >>> groups = pd.DataFrame({"entity_type": ["coop", "coop", "ngo"]})
    >>> frame = PopulationFrame(("entity_type",), {("coop",): 40, ("ngo",): 10}, "poststrata")
    >>> w = weighting(groups, frame)
    >>> w.weights.tolist(), w.design.poststrata is not None
    ([20.0, 20.0, 10.0], True)
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd

from solidata.core.errors import Problem, SolidataError, problem
from solidata.core.kept import Kept
from solidata.core.stats.design import PostStrata, SurveyDesign
from solidata.core.stats.weights import design_weights, poststratified_weights

FrameKind = Literal["design", "poststrata"]
STRATA_COLUMNS = ("admin_area", "entity_type", "legal_form", "sector")
COUNT_COLUMNS = ("population", "count")
STRATUM = "sd_frame_stratum"
FPC = "sd_frame_fpc"
_JOIN = " / "


@dataclass(frozen=True)
class PopulationFrame:
    """Population counts by stratum; a stratum is one value per variable of ``variables``."""

    variables: tuple[str, ...]
    counts: Mapping[tuple[str, ...], float]
    kind: FrameKind = "poststrata"
    name: str = ""

    @property
    def population(self) -> float:
        return float(sum(self.counts.values()))


@dataclass(frozen=True)
class Weighting:
    """A frame applied to a sample: the design for the estimates and the resulting weights.

    ``memo`` keeps estimates already made with it, by whoever makes them (the findings tables):
    a weighting never changes once made, so neither do they."""

    frame: PopulationFrame
    columns: pd.DataFrame  # the design columns, one row per sampled entity
    design: SurveyDesign
    weights: pd.Series
    # estimates kept per weighting (a scores page makes four, a choices page one a choice)
    memo: Kept[Any, Any] = field(default_factory=lambda: Kept(1024), compare=False, repr=False)


def stratum_label(values: tuple[str, ...]) -> str:
    return _JOIN.join(values)


def weighting(groups: pd.DataFrame, frame: PopulationFrame) -> Weighting:
    """Apply ``frame`` to the sample whose classification is ``groups`` (one row per entity).

    Raises :class:`SolidataError` (``stats.*``) when the frame does not fit the sample.
    """
    strata = groups[list(frame.variables)].astype(str).agg(_JOIN.join, axis=1)
    strata = strata.reset_index(drop=True)
    totals = {stratum_label(tuple(str(v) for v in k)): float(n) for k, n in frame.counts.items()}
    sample = pd.DataFrame({STRATUM: strata})
    if frame.kind == "design":
        found = design_weights(sample, strata=STRATUM, population=totals)
        columns = sample.assign(**{FPC: found.fpc.to_numpy()})
        design = SurveyDesign(strata=STRATUM, fpc=FPC)
        weights = found.weights
    else:
        weights = poststratified_weights(sample, column=STRATUM, totals=totals)
        columns = sample
        design = SurveyDesign(poststrata=PostStrata(STRATUM, totals))
    if not np.isfinite(weights.to_numpy(dtype=float)).all():  # pragma: no cover - checked above
        raise SolidataError.of("stats.engine_failed", reason="weights are not finite")
    return Weighting(frame=frame, columns=columns, design=design, weights=weights)


def read_frame_csv(data: bytes, *, file: str | None = None) -> PopulationFrame:
    """A frame from CSV text: some of ``admin_area, entity_type, legal_form, sector`` and a
    ``population`` (or ``count``) column, one row per stratum.

    >>> read_frame_csv(b"entity_type,population\\ncooperative,4400\\nassociation,900\\n").counts
    {('cooperative',): 4400.0, ('association',): 900.0}
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SolidataError.of("file.unreadable", file=file, reason=str(exc)) from None
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or []]
    variables = tuple(c for c in STRATA_COLUMNS if c in header)
    count = next((c for c in COUNT_COLUMNS if c in header), None)
    missing = [] if count else ["population"]
    if not variables:
        missing.append("admin_area, entity_type, legal_form or sector")
    if missing:
        raise SolidataError.of(
            "stats.frame_columns",
            file=file,
            missing=" and ".join(missing),
            columns=", ".join(header),
        )
    assert count is not None
    counts: dict[tuple[str, ...], float] = {}
    seen: set[tuple[str, ...]] = set()
    problems: list[Problem] = []
    for row_number, raw in enumerate(reader, start=2):
        row = {k.strip(): (v or "").strip() for k, v in raw.items() if k}
        if not any(row.values()):
            continue
        key = tuple(row.get(v, "") for v in variables)
        problems += _row_problems(row, variables, count, row_number, file)
        if key in seen:
            problems.append(
                problem("stats.frame_duplicate", file=file, row=row_number, stratum=" / ".join(key))
            )
        seen.add(key)
        try:
            counts[key] = float(row[count])
        except ValueError:
            continue
    if problems:
        raise SolidataError(problems)
    if not counts:
        raise SolidataError.of("stats.frame_empty", file=file)
    return PopulationFrame(variables, counts)


def _row_problems(
    row: Mapping[str, str], variables: Sequence[str], count: str, number: int, file: str | None
) -> list[Problem]:
    found = [
        problem(
            "stats.frame_value_invalid",
            file=file,
            row=number,
            column=v,
            value="",
            reason="every stratum needs a value in each stratum column",
        )
        for v in variables
        if not row.get(v)
    ]
    text = row.get(count, "")
    try:
        value = float(text)
        bad = not value.is_integer() or value < 1
    except ValueError:
        bad = True
    if bad:
        found.append(
            problem(
                "stats.frame_value_invalid",
                file=file,
                row=number,
                column=count,
                value=text,
                reason="a population count is a whole number of at least 1",
            )
        )
    return found

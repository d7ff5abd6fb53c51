"""The one catalogue of user-facing errors and warnings.

Every problem Solidata reports to a user has a stable code, a message template and a hint on how to fix
it. A :class:`Problem` says *where* (file, sheet, row, column), *what* is wrong and *how to fix it*.
Tests assert the code, never the wording. The edges (CLI, views) turn problems into text or HTTP
responses in one place each.

Example::

    >>> p = problem("file.unreadable", file="a.xlsx", sheet="scoring", row=4, reason="bad zip")
    >>> p.code, p.where()
    ('file.unreadable', 'file a.xlsx, sheet scoring, row 4')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]

# code -> (message template, how to fix it). Templates use str.format with the keyword arguments given
# to problem(). Keep each section to its own part of the pipeline; codes are "<area>.<what>".
CATALOGUE: dict[str, tuple[str, str]] = {
    # --- general -------------------------------------------------------------------------------------
    "file.not_found": (
        "The file {path} does not exist.",
        "Check the path and try again.",
    ),
    "file.too_large": (
        "The file is {size} bytes, over the limit of {limit} bytes.",
        "Split the file, or raise the limit with the setting named in the documentation.",
    ),
    "file.unreadable": (
        "The file could not be read: {reason}.",
        "Save it again from the program that made it, in one of the supported formats.",
    ),
    # --- method workbook (core/method) ---------------------------------------------------------------
    # --- expressions (core/expressions) --------------------------------------------------------------
    # --- scoring (core/scoring) ----------------------------------------------------------------------
    # --- ingest (core/ingest) ------------------------------------------------------------------------
    # --- statistics (core/stats) ---------------------------------------------------------------------
    "stats.column_missing": (
        "There is no column {column} (given as the {role}); the columns are: {available}.",
        "Check the spelling: column names are case-sensitive.",
    ),
    "stats.not_numeric": (
        "The {role} column {column} must hold numbers, but has {value!r} ({count} such row(s)).",
        "Correct the value, or leave the cell empty if it is missing.",
    ),
    "stats.design_value_missing": (
        "The {role} column {column} is empty in {count} row(s).",
        "Every row needs its stratum, cluster, weight and fpc: fill them in or remove those rows.",
    ),
    "stats.weight_not_positive": (
        "The weight {column} is {value}, but weights must be greater than 0 ({count} such row(s)).",
        "Use sampling weights (1 / probability of selection), or remove the rows not sampled.",
    ),
    "stats.fpc_not_constant": (
        "The fpc column {column} has several values ({values}) within stratum {stratum}.",
        "The fpc is the stratum's population size (or sampling fraction): give one value per "
        "stratum.",
    ),
    "stats.fpc_invalid": (
        "The fpc {value} of stratum {stratum} is not usable: {reason}.",
        "Give the number of clusters (or units, without clusters) in the population of each "
        "stratum, or the sampling fraction as a number between 0 and 1, on every row.",
    ),
    "stats.singleton_stratum": (
        "The stratum {stratum} has a single sampled cluster, so its variance cannot be estimated.",
        "Merge the stratum with a similar one, or, if that cluster is the stratum's whole "
        "population, say so with an fpc equal to the number of sampled clusters.",
    ),
    "stats.no_data": (
        "The column {column} has no values to estimate from.",
        "Choose a column with data, or check that the file has the rows you expect.",
    ),
    "stats.poststratum_total_missing": (
        "The category {category} of {column} is in the sample but has no population total.",
        "Give a population total for every category of {column} found in the data.",
    ),
    "stats.poststratum_not_sampled": (
        "The population total of category {category} of {column} has no sampled rows.",
        "Merge the category with a similar one, in the data and in the population totals.",
    ),
    "stats.population_invalid": (
        "The population size {value!r} of {category} is not usable: {reason}.",
        "Give population sizes as positive counts, at least the number sampled.",
    ),
    "stats.stratum_not_in_frame": (
        "The stratum {stratum} of the sample is not in the sampling frame.",
        "Check that the sample and the frame use the same stratum codes.",
    ),
    "stats.engine_failed": (
        "The survey estimate could not be computed: {reason}.",
        "Check the design columns; if the data look right, report this as a bug.",
    ),
    "stats.unweighted": (
        "No weights and no fpc were given, so every row counts once: the estimates describe the "
        "sample, not a population.",
        "Give the sampling weights (or the population sizes as fpc) to estimate population values.",
    ),
    "stats.empty_domain": (
        "The group {group} of {column} has no value of {variable}, so it has no estimate.",
        "This is expected when a question was not asked in that group.",
    ),
    # --- reference and demo data (core/reference, core/demo) -----------------------------------------
    "settings.invalid": (
        "The setting {name} has the value {value!r}, which is not {expected}.",
        "Fix or unset the environment variable {name}.",
    ),
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a user's input, located as precisely as possible."""

    code: str
    message: str
    hint: str
    severity: Severity = "error"
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    params: dict[str, Any] = field(default_factory=dict, compare=False)

    def where(self) -> str:
        """A short location such as ``sheet scoring, row 4, column question`` (or ``""``)."""
        parts = []
        if self.file:
            parts.append(f"file {self.file}")
        if self.sheet:
            parts.append(f"sheet {self.sheet}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        return ", ".join(parts)

    def text(self) -> str:
        """The full sentence for a person: where, what, and how to fix it."""
        where = self.where()
        prefix = f"{where}: " if where else ""
        return f"{prefix}{self.message} {self.hint}".strip()

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("params")
        data["where"] = self.where()
        return data


def problem(
    code: str,
    *,
    severity: Severity = "error",
    file: str | None = None,
    sheet: str | None = None,
    row: int | None = None,
    column: str | None = None,
    **params: Any,
) -> Problem:
    """Build a :class:`Problem` from the catalogue; unknown codes are a programming error."""
    template, hint = CATALOGUE[code]
    return Problem(
        code=code,
        message=template.format(**params),
        hint=hint.format(**params),
        severity=severity,
        file=file,
        sheet=sheet,
        row=row,
        column=column,
        params=params,
    )


class SolidataError(Exception):
    """Raised by the core when input cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = list(problems)
        super().__init__("; ".join(p.text() for p in self.problems))

    @classmethod
    def of(cls, code: str, **kwargs: Any) -> SolidataError:
        return cls([problem(code, **kwargs)])

    @property
    def codes(self) -> list[str]:
        return [p.code for p in self.problems]

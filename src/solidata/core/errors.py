"""The one catalogue of user-facing errors and warnings.

Every problem Solidata reports to a user has a stable code, a message template and a hint on how to
fix
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

# code -> (message template, how to fix it). Templates use str.format with the keyword arguments
# given to problem(). Keep each section to its own part of the pipeline; codes are "<area>.<what>".
CATALOGUE: dict[str, tuple[str, str]] = {
    # --- general ----------------------------------------------------------------------------------
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
    # --- method workbook (core/method) ------------------------------------------------------------
    "method.xlsform_invalid": (
        "The form is not a valid XLSForm: {reason}.",
        "Fix the survey, choices or settings sheet as the message says (KoboToolbox and ODK would "
        "reject the form too).",
    ),
    "method.xlsform_warning": (
        "XLSForm warning: {reason}.",
        "Check the form; KoboToolbox and ODK accept it, but it may not behave as intended.",
    ),
    "method.sheet_missing": (
        "The workbook has no {name} sheet.",
        "Add a sheet named {name} with its columns, as described in docs/method-format.md.",
    ),
    "method.column_missing": (
        "The sheet has no column {name}.",
        "Add a column named {name} in the first row of the sheet.",
    ),
    "method.setting_missing": (
        "The settings sheet gives no {name}.",
        "Fill in {name}: form_id and version together identify the method version.",
    ),
    "method.id_missing": (
        "This row has no {field}.",
        "Fill in the {field} cell, or delete the row.",
    ),
    "method.id_duplicate": (
        "The id {id!r} is used again (first on row {first}).",
        "Give each row its own id.",
    ),
    "method.id_clash": (
        "The indicator id {id!r} is also a dimension id, so score({id!r}) would be ambiguous.",
        "Rename the indicator or the dimension.",
    ),
    "method.number_invalid": (
        "{value!r} is not {expected}.",
        "Write a plain number (use a dot for decimals), or leave the cell empty for the default.",
    ),
    "method.choice_score_invalid": (
        "The choice score {value!r} is not {expected}.",
        "Give a score from 0 to 1, or leave it blank for an answer that is not scored.",
    ),
    "method.kind_unknown": (
        "The dimension kind {value!r} is not one of purpose, principle, value, aspiration.",
        "Use one of purpose, principle, value, aspiration.",
    ),
    "method.dimension_unknown": (
        "The indicator belongs to the dimension {id!r}, which is not on the dimensions sheet.",
        "Use an id from the dimensions sheet (ids are case-sensitive), or add the dimension.",
    ),
    "method.dimension_empty": (
        "The dimension {id!r} has no indicators, so it can never be scored.",
        "Add indicators for it on the indicators sheet, or remove it.",
    ),
    "method.indicator_unknown": (
        "The scoring row feeds the indicator {id!r}, which is not on the indicators sheet.",
        "Use an id from the indicators sheet (ids are case-sensitive), or add the indicator.",
    ),
    "method.indicator_unscored": (
        "The indicator {id!r} has no rows on the scoring sheet, so it is always missing.",
        "Add scoring rows for it, or remove it.",
    ),
    "method.question_unknown": (
        "There is no question named {name!r} on the survey sheet.",
        "Use a name from the survey sheet's name column (names are case-sensitive).",
    ),
    "method.question_in_repeat": (
        "The question {name!r} is inside a repeat, and repeated answers cannot be scored.",
        "Score a calculate outside the repeat (for example a count) instead.",
    ),
    "method.rule_invalid": (
        "The rule {rule!r} cannot be used: {reason}.",
        "Write one of: choice, linear A B, at_least T, at_most T, bands T1 T2 ... Tk.",
    ),
    "method.rule_needs_source": (
        "The scoring row has neither a question nor a value.",
        "Name the question whose answer is scored, or give a value expression.",
    ),
    "method.rule_needs_select": (
        "The rule choice needs a select_one or select_multiple question, but {name!r} is {type}.",
        "Use linear, at_least, at_most or bands for numbers, or point at a select question.",
    ),
    "method.choice_rule_with_value": (
        "The rule choice scores the question's chosen answers, so it takes no value expression.",
        "Remove the value, or use a numeric rule (linear, at_least, at_most, bands).",
    ),
    "method.cycle": (
        "The questions {names} depend on each other in a loop (calculation or relevant).",
        "Break the loop: a question cannot depend, directly or not, on itself.",
    ),
    "method.level_duplicate_min": (
        "The level starts at {min}, like the level {other!r}.",
        "Give each level its own min.",
    ),
    "method.levels_gap": (
        "The lowest level starts at {min}, so scores below {min} get no level.",
        "Add a level with min 0.",
    ),
    "method.definition_not_condition": (
        "The rule {rule!r} gives a number or text, not true or false.",
        "Compare it, e.g. score('P2') >= 50.",
    ),
    "method.target_unknown": (
        "The recommendation targets {id!r}, which is neither a dimension nor an indicator.",
        "Use an id from the dimensions or indicators sheet.",
    ),
    "method.translation_missing": (
        "This text has no {language} translation.",
        "Fill in the cell, so users reading {language} do not see another language.",
    ),
    "method.translation_column_missing": (
        "No row of this sheet has a {language} text ({rows} rows).",
        "Add the column and fill it in, so users reading {language} do not see another language.",
    ),
    # --- expressions (core/expressions) -----------------------------------------------------------
    "expression.syntax": (
        "The expression {expression!r} cannot be read at character {position}: {reason}.",
        "Correct the expression; see the expression language in docs/method-format.md.",
    ),
    "expression.unknown_function": (
        "The expression {expression!r} uses the function {name}(), which Solidata does not know.",
        "Use one of: {known}.",
    ),
    "expression.arity": (
        "In {expression!r}, {name}() takes {expected} argument(s) but is given {given}.",
        "Give {name}() the right number of arguments.",
    ),
    "expression.unknown_name": (
        "The expression refers to ${{{name}}}, but there is no question named {name}.",
        "Check the spelling against the name column of the survey sheet.",
    ),
    "expression.unknown_score": (
        "score({id!r}) names no dimension or indicator.",
        "Use an id from the dimensions or indicators sheet (ids are case-sensitive).",
    ),
    "expression.score_outside_definition": (
        "The expression {expression!r} uses score(), which is only available in definition rules.",
        "Refer to answers with ${{name}} here, or move the test to the definitions sheet.",
    ),
    "expression.current_outside_constraint": (
        "The expression {expression!r} uses '.', which only means something in a constraint.",
        "Write ${{name}} to refer to a question's answer.",
    ),
    "expression.bad_regex": (
        "The pattern {pattern!r} in regex() is not a valid regular expression: {reason}.",
        "Correct the pattern.",
    ),
    # --- scoring (core/scoring) -------------------------------------------------------------------
    "scoring.instance_id_missing": (
        "The answers have no instance_id column (the first columns are: {columns}).",
        "Add an instance_id column with one unique id per submission; "
        "`solidata method template` writes the expected header.",
    ),
    "scoring.column_missing": (
        "The answers have no column for the question {question}, so it counts as unanswered.",
        "Add the column if the question was asked; `solidata method template` lists the columns.",
    ),
    "scoring.not_a_number": (
        "{count} answer(s) to the number question {question} are not numbers, e.g. {example!r}; "
        "they count as missing.",
        "Correct the answers (use a dot for decimals), or leave the cells empty.",
    ),
    "scoring.unknown_choice": (
        "{count} answer(s) to {question} are not choices of the list {list_name}, "
        "e.g. {example!r}; they count as missing.",
        "Use the choice names (the name column of the choices sheet), not their labels.",
    ),
    # --- ingest (core/ingest) ---------------------------------------------------------------------
    "ingest.empty": (
        "The file is empty.",
        "Export the data again: an export has a header row and one row per submission.",
    ),
    "ingest.binary": (
        "The file holds binary data, not text or a spreadsheet.",
        "Upload the export itself: an .xlsx or .csv file from KoboToolbox, or the .csv.zip from "
        "ODK Central.",
    ),
    "ingest.old_excel": (
        "The file is an old Excel workbook (.xls), which Solidata does not read.",
        "Export .xlsx from KoboToolbox, or open the file in a spreadsheet program and save it as "
        ".xlsx.",
    ),
    "ingest.encoding_unknown": (
        "The text is not in UTF-8, UTF-16 or Windows-1251 (Cyrillic), so its letters cannot be "
        "read.",
        "Save the file again as 'CSV UTF-8' (in Excel: Save As, then CSV UTF-8).",
    ),
    "ingest.zip_broken": (
        "The archive is damaged or incomplete: {reason}.",
        "Download or export the file again; it was probably cut off.",
    ),
    "ingest.zip_bomb": (
        "The archive is refused because {reason}, far more than an export holds.",
        "Upload the export as KoboToolbox or ODK Central produced it.",
    ),
    "ingest.xml_entities": (
        "The workbook part {member} declares XML entities, which spreadsheet programs never write "
        "and which can make a reader run out of memory.",
        "Export the workbook again, or save it again from a spreadsheet program.",
    ),
    "ingest.sheet_too_large": (
        "The sheet reaches cell {ref} (by its declared range or by its cells): {rows} rows by "
        "{columns} columns, more than the limit of {limit} cells (rows x columns, counted from "
        "A1) that a reader would hold in memory.",
        "Delete the rows and columns beyond the data (or copy the data into a new workbook) and "
        "save it again; an administrator can raise the limit (SOLIDATA_IMPORT_MAX_CELLS).",
    ),
    "ingest.strings_too_large": (
        "The workbook declares or holds {count} shared strings, more than the limit of {limit}: "
        "far more than a workbook of answers holds.",
        "Save the workbook again from a spreadsheet program, or export it again.",
    ),
    "ingest.string_too_long": (
        "Shared string number {index} of the workbook is longer than {limit} characters, the "
        "most a spreadsheet cell can hold.",
        "Save the workbook again from a spreadsheet program, or export it again.",
    ),
    "ingest.text_too_large": (
        "The cells of the workbook hold over {limit} characters of text: far more than a "
        "workbook of answers holds.",
        "Split the file, or ask an administrator to raise the limit (SOLIDATA_IMPORT_MAX_TEXT_MB).",
    ),
    "ingest.format_unknown": (
        "The file is not an export Solidata knows: {reason}.",
        "Use a KoboToolbox XLSX or CSV export, an ODK Central submissions.csv.zip or CSV, or the "
        "plain answers CSV (see docs/import.md).",
    ),
    "ingest.format_mismatch": (
        "The file is not a {expected} export: {reason}.",
        "Leave out --format to let Solidata detect the layout, or give the right one.",
    ),
    "ingest.no_questions": (
        "None of the file's columns matches a question of the method {method}.",
        "Check that the export is of this method's form; headers may be question names or labels.",
    ),
    "ingest.instance_id_missing": (
        "The file has no column with the submissions' instance ids (looked for {columns}).",
        "Export again with the metadata columns (KoboToolbox: _uuid; ODK: meta-instanceID or KEY; "
        "plain CSV: instance_id).",
    ),
    "ingest.instance_id_empty": (
        "This row has no instance id, so it is left out.",
        "Fill in the instance id, or export the data again.",
    ),
    "ingest.instance_id_duplicate": (
        "The instance id {instance_id!r} is used again (first on row {first}); this row is left "
        "out.",
        "Keep one row per submission.",
    ),
    "ingest.instance_id_too_long": (
        "The instance id has {length} characters, over the limit of {limit}; the row is left out.",
        "Use the instance ids that KoboToolbox or ODK gave the submissions.",
    ),
    "ingest.column_unknown": (
        "The column {header!r} matches no question of the method; it is not imported.",
        "Check that the export is of this form and version, or rename the column to a question "
        "name.",
    ),
    "ingest.column_duplicate": (
        "The column {header!r} holds the question {question} a second time; it is not imported.",
        "Remove one of the two columns.",
    ),
    "ingest.repeat_unknown": (
        "The table {name!r} matches no repeat group of the method; it is not imported.",
        "Check that the export is of this form and version.",
    ),
    "ingest.repeat_orphan": (
        "This repeat row belongs to {parent!r}, which is not a submission in the file; it is left "
        "out.",
        "Export the submissions and their repeats together.",
    ),
    "ingest.value_invalid": (
        "{value!r} is not {expected}.",
        "Correct the answer, then import the file again; until then it counts as missing.",
    ),
    "ingest.constraint_failed": (
        "The answer {value!r} breaks the question's constraint {constraint}.",
        "Check the answer with the respondent, or correct it, then import the file again.",
    ),
    "ingest.value_unknown": (
        "{count} answer(s) to {question} match no choice, e.g. {examples}; they are kept as given "
        "and count as missing.",
        "Use the names or labels of the choices sheet of the method.",
    ),
    "ingest.submitted_at_invalid": (
        "{count} submission time(s) cannot be read, e.g. {example!r}; those submissions get the "
        "import time.",
        "Give times in ISO 8601, e.g. 2023-03-15T09:30:00Z.",
    ),
    "ingest.review_unknown": (
        "{count} review status(es) are not known, e.g. {example!r}; those submissions stay "
        "pending.",
        "Use approved, not approved, on hold (KoboToolbox) or approved, hasIssues, rejected (ODK).",
    ),
    "ingest.no_rows": (
        "The file has a header but no submissions.",
        "Check that the export was made after data were collected.",
    ),
    "ingest.problems_truncated": (
        "{count} more row-level problems were found but are not listed (the first {cap} are).",
        "Fix the problems listed, then import again to see the rest.",
    ),
    "ingest.survey_unknown": (
        "There is no survey with the short name {slug!r}.",
        "Give the short name (slug) of an existing survey; the administration lists them.",
    ),
    "ingest.nul_character": (
        "The answer holds a NUL character (code 0), which cannot be stored; the row is left out.",
        "Remove the character (a damaged export or a binary value pasted in), then import again.",
    ),
    "import.running": (
        "Another import into the survey {slug!r} is running (started {started}).",
        "Wait until it has finished, then import again: one import at a time per survey.",
    ),
    # --- reports (core/reports) ---------------------------------------------------------------
    "report.organisation_unknown": (
        "There is no organisation with the id {id}.",
        "Give the number of an organisation as the administration lists it (its id).",
    ),
    "report.no_result": (
        "The organisation {name!r} has no scored assessment yet.",
        "Submit a self-assessment for it first (web, KoboToolbox or ODK import); rejected "
        "submissions do not count.",
    ),
    # --- statistics (core/stats) ------------------------------------------------------------------
    "stats.column_missing": (
        "There is no such column (given as the {role}); the columns are: {available}.",
        "Check the spelling: column names are case-sensitive.",
    ),
    "stats.not_numeric": (
        "The {role} must be a number, but the column has {value!r} ({count} such row(s)).",
        "Correct the value, or leave the cell empty if it is missing.",
    ),
    "stats.design_value_missing": (
        "The {role} is empty in {count} row(s) of this column.",
        "Every row needs its stratum, cluster, weight and fpc: fill them in or remove those rows.",
    ),
    "stats.weight_not_positive": (
        "The weight is {value}, but weights must be greater than 0 ({count} such row(s)).",
        "Use sampling weights (1 / probability of selection), or remove the rows not sampled.",
    ),
    "stats.fpc_not_constant": (
        "The fpc has several values ({values}) within stratum {stratum}.",
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
        "The column has no values to estimate from.",
        "Choose a column with data, or check that the file has the rows you expect.",
    ),
    "stats.poststratum_total_missing": (
        "The category {category} is in the sample but has no population total.",
        "Give a population total for every category of this column found in the data.",
    ),
    "stats.poststratum_not_sampled": (
        "The population total of category {category} has no sampled rows.",
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
    "stats.engine_note": (
        "The survey library noted: {reason}.",
        "Check the design columns if this is unexpected.",
    ),
    "stats.unweighted": (
        "No weights and no fpc were given, so every row counts once: the estimates describe the "
        "sample, not a population.",
        "Give the sampling weights (or the population sizes as fpc) to estimate population values.",
    ),
    "stats.ci_method_invalid": (
        "The confidence interval {method} cannot be used for a {statistic}.",
        "Use wald or t for means and totals, and wald, t or logit for proportions.",
    ),
    "stats.second_stage_fpc_missing": (
        "The sample has a second stage ({subcluster} within {cluster}) but only a first-stage "
        "fpc, so the variance uses the first stage alone with its fpc and leaves out the "
        "variance of the second stage: standard errors and intervals may be too small.",
        "Give the second-stage fpc too (R's fpc=~fpc1+fpc2; --fpc twice), or leave out the fpc "
        "to use R's with-replacement approximation of the first stage.",
    ),
    "stats.fpc2_not_constant": (
        "The second-stage fpc has several values ({values}) within cluster {cluster}.",
        "The second-stage fpc is the number of units in the cluster's population (or their "
        "sampling fraction): give one value per cluster.",
    ),
    "stats.fpc2_invalid": (
        "The second-stage fpc {value} of cluster {cluster} is not usable: {reason}.",
        "Give the number of units in each cluster's population, or the sampling fraction within "
        "the cluster as a number between 0 and 1, on every row.",
    ),
    "stats.singleton_cluster": (
        "Cluster {cluster} has a single sampled unit at the second stage but {size:g} in its "
        "population, so its second-stage variance cannot be estimated (R stops: one PSU at "
        "stage 2).",
        "Check the second-stage fpc of that cluster, or leave out both fpcs to use the first "
        "stage only (R's with-replacement approximation).",
    ),
    "stats.empty_domain": (
        "The group {group} has no value of {variable}, so it has no estimate.",
        "This is expected when a question was not asked in that group.",
    ),
    "stats.rule_answer_not_allowed": (
        "The rule uses the answer ${{{name}}} (a {type} question); rules typed by readers who do "
        "not see small groups may use scores and choice questions only.",
        "Compare scores (score('P2') >= 50) or choices (${{q}} = 'yes'), or ask a researcher to "
        "test the rule.",
    ),
    "stats.definition_unknown": (
        "{given!r} is neither a definition of the method (one of: {known}) nor a rule.",
        "Give a definition id, or a rule such as \"score('P2') >= 50 and score('P3') >= 50\".",
    ),
    "stats.definition_id_invalid": (
        "The id {id!r} cannot name a definition: {reason}.",
        "Use letters, digits, '-', '_' or '.', e.g. mn-working-draft.",
    ),
    "stats.frame_columns": (
        "The sampling frame has no {missing} column (its columns are: {columns}).",
        "Give a count column and at least one of admin_area, entity_type, legal_form, sector.",
    ),
    "stats.frame_value_invalid": (
        "The value {value!r} of the sampling frame is not usable: {reason}.",
        "Use the codes the registry uses (e.g. MN-061, cooperative) and whole positive counts.",
    ),
    "stats.frame_duplicate": (
        "The stratum {stratum} appears twice in the sampling frame.",
        "Give each stratum once, with its whole population count.",
    ),
    "stats.frame_empty": (
        "The sampling frame has no rows.",
        "Add one row per stratum with its population count.",
    ),
    # --- reference and demo data (core/reference, core/demo) --------------------------------------
    "method.version_exists": (
        "A different workbook is already stored as method {method_id} version {version}.",
        "Give the changed method a new version in the settings sheet, then upload it again.",
    ),
    # --- case studies (core/casestudies, web/casestudies) -----------------------------------------
    "casestudy.photo_format": (
        "The photo {name} is {found}, not a JPEG, PNG or WebP image.",
        "Save the photo as JPEG (what phones take), PNG or WebP and upload it again.",
    ),
    "casestudy.photo_too_large": (
        "The photo {name} is {width} by {height} pixels, more than the {limit} pixels accepted.",
        'Make the photo smaller (a phone\'s "medium" size is plenty) and upload it again.',
    ),
    "casestudy.code_unknown": (
        "The code {value!r} is not a choice of the list {list} in the survey's method.",
        "Tick codes from the method's challenge and opportunity lists only.",
    ),
    # --- the advisory committee's working definition (web/committee) -----------------------------
    "committee.version_frozen": (
        "Version {number} is {status}; it can no longer be changed.",
        "Start a new draft from it and change the draft.",
    ),
    "committee.keeps_unknown": (
        "{keeps!r} is not a principle or value of the method (it has: {known}).",
        "Choose the ILO principle or value that the clause keeps.",
    ),
    "committee.wording_missing": (
        "This text is empty.",
        "Fill it in; a clause, a preamble and a term need their wording in English and in "
        "Mongolian, since both go into the exported text.",
    ),
    "committee.clause_missing": (
        "The proposal names no clause of this version.",
        "Choose the clause to change or remove, or propose to add a clause.",
    ),
    "committee.already_decided": (
        "This was already decided ({status}).",
        "Make a new proposal if the question comes up again.",
    ),
    "committee.adopt_empty": (
        "A version without clauses cannot be adopted.",
        "Add at least one clause to the draft, then adopt it.",
    ),
    "committee.attachment_type": (
        "The file {name!r} is not a PDF, DOCX, ODT or plain-text file.",
        "Attach the minutes as PDF, DOCX, ODT or TXT.",
    ),
    "committee.attachment_content": (
        "The file {name!r} does not hold what its name says: {reason}.",
        "Save the minutes again as PDF, DOCX, ODT or TXT and attach that file.",
    ),
    "committee.term_unknown": (
        "{term!r} is not a term of the method's glossary.",
        "Choose a term from the glossary.",
    ),
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
        """The problem as JSON-ready data, with the parameters its texts were made from (so the
        web can say it again in another language)."""
        data = asdict(self)
        data["params"] = {k: _plain(v) for k, v in self.params.items()}
        data["where"] = self.where()
        return data


def _plain(value: Any) -> Any:
    return value if isinstance(value, str | int | float | bool | type(None)) else str(value)


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
    """Raised by the core when input cannot be used; carries every problem found, not just the
    first."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = list(problems)
        super().__init__("; ".join(p.text() for p in self.problems))

    @classmethod
    def of(cls, code: str, **kwargs: Any) -> SolidataError:
        return cls([problem(code, **kwargs)])

    @property
    def codes(self) -> list[str]:
        return [p.code for p in self.problems]

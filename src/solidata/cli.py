"""The ``solidata`` command line: a thin shell over ``solidata.core`` and ``solidata.web``.

Each command opens what it needs, calls one library function and turns a
:class:`~solidata.core.errors.SolidataError` into a clean message. Exit codes: 0 ok, 1 invalid
input,
2 usage error.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, NoReturn, cast

import click

from solidata import __version__
from solidata.core.errors import SolidataError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def fail(error: SolidataError, *, as_json: bool = False) -> NoReturn:
    """Print every problem of ``error`` (as text or JSON) and exit with status 1."""
    if as_json:
        click.echo(json.dumps([p.as_dict() for p in error.problems], ensure_ascii=False, indent=2))
    else:
        for p in error.problems:
            click.echo(f"error: {p.text()}", err=True)
    sys.exit(1)


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="solidata")
def main() -> None:
    """Solidata: SSE self-assessment, scoring, findings and reports.

    Run `solidata COMMAND --help` for the options and an example of each command.
    """


# --- the site -------------------------------------------------------------------------------------

data_dir_option = click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the database, secret key and uploads live. "
    "Default: $SOLIDATA_HOME or ./solidata-data.",
)


@main.command(context_settings=CONTEXT)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@data_dir_option
@click.option("--no-serve", is_flag=True, help="Prepare the data directory, then exit.")
def demo(host: str, port: int, data_dir: Path | None, no_serve: bool) -> None:
    """Set up the demo site with synthetic data and serve it.

    Creates the data directory with a SQLite database, loads the reference data and the synthetic
    demonstration data, creates a local admin account (its password is printed once) and serves the
    site. Running it again reuses the data.

    Example: solidata demo --port 8000 --data-dir ./solidata-data
    """
    from solidata.web import runtime

    runtime.configure(data_dir)
    report = runtime.prepare_demo()
    for line in report.lines():
        click.echo(line)
    if not no_serve:
        runtime.serve(host=host, port=port)


@main.command(context_settings=CONTEXT)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@data_dir_option
def serve(host: str, port: int, data_dir: Path | None) -> None:
    """Serve an existing data directory (applies pending migrations first).

    Example: solidata serve --data-dir /srv/solidata --port 8080
    """
    from solidata.web import runtime

    runtime.configure(data_dir)
    runtime.migrate()
    runtime.serve(host=host, port=port)


@main.command(
    context_settings={**CONTEXT, "ignore_unknown_options": True, "allow_extra_args": True},
    name="manage",
    add_help_option=False,
    short_help="Run a Django management command on the data directory.",
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args: tuple[str, ...]) -> None:
    """Run a Django management command against the data directory (e.g. `solidata manage check`)."""
    from solidata.web import runtime

    runtime.configure(None)
    runtime.manage(["solidata manage", *args])


# --- method and scoring (issue 3) -----------------------------------------------------------------


@main.group(
    context_settings=CONTEXT, name="method", short_help="Validate, convert or template a method."
)
def method_group() -> None:
    """Validate a method workbook, convert it to an XForm, or write its answers template.

    Example: solidata method validate my-method.xlsx
    """


def _method_path(path: Path | None) -> Path:
    from solidata.core.method import bundled_method_path

    found = path or bundled_method_path()
    if found is None:
        raise click.UsageError("Give --method PATH: no bundled method is installed.")
    return found


def _warn(problems: Any) -> None:
    for p in problems:
        click.echo(f"warning: {p.text()}", err=True)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


text_or_json_option = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="A table for people, or JSON for programs.",
)
output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the result (default: standard output).",
)


@method_group.command(
    context_settings=CONTEXT, name="validate", short_help="List every problem of a method workbook."
)
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people; json (a list of problems) for scripts.",
)
@click.option("--strict", is_flag=True, help="Count warnings (missing translations...) as errors.")
def method_validate(path: Path, fmt: str, strict: bool) -> None:
    """Check a method workbook and list every problem with its sheet, row and column.

    Exits 0 when the method is valid (warnings are listed but allowed unless --strict), 1 when it
    has errors.

    Example: solidata method validate ilo-2022.xlsx --format json
    """
    from solidata.core.method import load_method

    result = load_method(path)
    blocking = list(result.problems) if strict else result.errors
    if blocking:
        if fmt == "json":
            fail(SolidataError(result.problems), as_json=True)
        _warn([p for p in result.problems if p not in blocking])
        fail(SolidataError(blocking))
    if fmt == "json":
        echo_json([p.as_dict() for p in result.problems])
        return
    _warn(result.warnings)
    m = result.method
    assert m is not None
    click.echo(
        f"ok: {m.id} version {m.version}: {len(m.questions)} questions, "
        f"{len(m.dimensions)} dimensions, {len(m.indicators)} indicators, "
        f"{len(m.definitions)} definitions; languages: {', '.join(m.languages) or '-'}"
    )


@method_group.command(
    context_settings=CONTEXT, name="xform", short_help="Convert a method's form to an ODK XForm."
)
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@output_option
def method_xform(path: Path, output: Path | None) -> None:
    """Convert a method workbook's form to an XForm for ODK Collect or Enketo (with pyxform).

    Example: solidata method xform ilo-2022.xlsx -o ilo-2022.xml
    """
    from solidata.core.method import to_xform

    try:
        xform = to_xform(path)
    except SolidataError as error:
        fail(error)
    _warn(xform.warnings)
    _write(xform.xml if xform.xml.endswith("\n") else xform.xml + "\n", output)


@method_group.command(
    context_settings=CONTEXT, name="template", short_help="Write the header of a plain answers CSV."
)
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@output_option
def method_template(path: Path, output: Path | None) -> None:
    """Write the plain answers CSV template: instance_id and one column per question.

    Notes, groups and calculates have no column. Fill in one row per submission; select_multiple
    answers are choice names separated by spaces; leave a cell empty when there is no answer.

    Example: solidata method template ilo-2022.xlsx -o answers.csv
    """
    from solidata.core.method import read_method
    from solidata.core.scoring import INSTANCE_ID

    try:
        method = read_method(path)
    except SolidataError as error:
        fail(error)
    _write(",".join([INSTANCE_ID, *method.answer_columns()]) + "\n", output)


@main.command(
    context_settings=CONTEXT, name="score", short_help="Score answers: scores, levels, definitions."
)
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--method",
    "method_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The method workbook (default: the bundled ILO 2022 method).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json"]),
    default="csv",
    show_default=True,
    help="csv: one flat row per submission; json: one nested record per submission.",
)
@output_option
@click.option(
    "--lang", default=None, help="Language of texts, e.g. en or mn (default: the method's)."
)
def score_command(
    input_path: Path, method_path: Path | None, fmt: str, output: Path | None, lang: str | None
) -> None:
    """Score answers: dimension and indicator scores, levels, definitions, advice.

    INPUT is the plain answers CSV (an instance_id column and one column per question, see
    `solidata method template`) or any export `solidata import` reads (KoboToolbox XLSX or CSV,
    KoBoCAT CSV, ODK Central zip or CSV); the layout is detected. Warnings about the answers
    (unknown choices, numbers that are not numbers) go to standard error.

    Example: solidata score answers.csv --method ilo-2022.xlsx --format json -o scores.json
    """
    from solidata.core.ingest import answers_for_scoring
    from solidata.core.method import read_method
    from solidata.core.scoring import score
    from solidata.core.spreadsheet_csv import safe_frame

    try:
        method = read_method(_method_path(method_path))
        frame, problems = answers_for_scoring(input_path, method)  # any layout of `import`
        table = score(method, frame)
    except SolidataError as error:
        fail(error)
    _warn(problems)
    _warn(table.problems)
    if fmt == "json":
        _write(json.dumps(table.to_records(lang), ensure_ascii=False, indent=2) + "\n", output)
    else:
        # CRLF (RFC 4180): a cell with a carriage return in it is then quoted, not split
        _write(safe_frame(table.to_frame(lang)).to_csv(index=False, lineterminator="\r\n"), output)


# --- import (issue 4) -----------------------------------------------------------------------------

# The layouts of solidata.core.ingest.LAYOUTS (listed here so that `--help` needs no pandas).
IMPORT_FORMATS = ("kobo-xlsx", "kobo-csv", "kobocat-csv", "odk-zip", "odk-csv", "plain-csv")
SHOWN_PROBLEMS = 20


def _problem_lines(problems: Any, limit: int = SHOWN_PROBLEMS) -> None:
    """Every warning, and the first row-level problems, on standard error."""
    shown = 0
    for p in problems:
        if p.severity == "error":
            shown += 1
            if shown > limit:
                continue
        click.echo(f"{'problem' if p.severity == 'error' else 'warning'}: {p.text()}", err=True)
    if shown > limit:
        click.echo(
            f"... and {shown - limit} more problems (all of them: --problems FILE or --json).",
            err=True,
        )


class _Bar:
    """A click progress bar fed with (done, total), drawn on standard error."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: Any = None
        self.shown = 0

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = click.progressbar(length=max(total, 1), label=self.label, file=sys.stderr)
            self.bar.__enter__()
        step = min(done, self.bar.length) - self.shown
        if step > 0:
            self.bar.update(step)
            self.shown += step

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@main.command(
    context_settings=CONTEXT, name="import", short_help="Import a Kobo, ODK or CSV export, once."
)
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--survey", "slug", required=True, help="Short name (slug) of the survey.")
@click.option(
    "--format",
    "layout",
    type=click.Choice(IMPORT_FORMATS),
    default=None,
    help="The export's layout (default: detected from the file).",
)
@click.option("--dry-run", is_flag=True, help="Read and compare, show the counts, write nothing.")
@click.option(
    "--json", "as_json", is_flag=True, help="Print the counts, warnings and problems as JSON."
)
@click.option(
    "--problems",
    "problems_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write every problem to this CSV file (safe to open in a spreadsheet).",
)
@click.option(
    "--max-mb",
    type=click.IntRange(min=1),
    default=None,
    help="Largest file accepted, in megabytes (default: the setting SOLIDATA_IMPORT_MAX_MB).",
)
@data_dir_option
def import_command(
    input_path: Path,
    slug: str,
    layout: str | None,
    dry_run: bool,
    as_json: bool,
    problems_path: Path | None,
    max_mb: int | None,
    data_dir: Path | None,
) -> None:
    """Import a KoboToolbox, ODK Central or CSV export into a survey; again changes nothing.

    Reads KoboToolbox XLSX and CSV exports (names or labels, with or without groups), the legacy
    KoBoCAT CSV, ODK Central's submissions.csv.zip or root CSV, and the plain answers CSV; the
    layout is detected. Everything is stored in one transaction: a refused file or an interrupted
    import leaves the database as it was. Submissions already stored (same instance id) are
    unchanged, or updated with an audit record when their answers changed. New ones are matched
    to organisations and scored. Row-level problems are listed; rows without an instance id are
    left out. Exit status: 0 imported (even with problems listed), 1 file refused. See
    docs/import.md.

    \b
    Example:
      solidata import kobo-export.xlsx --survey mn-2023 --dry-run
      solidata import submissions.csv.zip --survey mn-2023 --json
    """
    from django.conf import settings
    from django.core.management import call_command

    from solidata.core.ingest import Limits, problems_csv
    from solidata.web import runtime

    runtime.configure(data_dir)
    call_command("migrate", interactive=False, verbosity=0)
    from solidata.web.imports.services import file_import
    from solidata.web.surveys.models import Survey

    survey = Survey.objects.select_related("method").filter(slug=slug).first()
    if survey is None:
        fail(SolidataError.of("ingest.survey_unknown", slug=slug), as_json=as_json)
    limit = (max_mb or settings.SOLIDATA_IMPORT_MAX_MB) * 1_000_000
    reading, storing = _Bar("Reading"), _Bar("Storing")
    try:
        summary = file_import(
            survey=survey,
            path=input_path,
            format=layout,
            limits=Limits(
                max_bytes=limit,
                max_cells=settings.SOLIDATA_IMPORT_MAX_CELLS,
                max_text=settings.SOLIDATA_IMPORT_MAX_TEXT_MB * 1_000_000,
            ),
            dry_run=dry_run,
            read_progress=reading,
            store_progress=storing,
        )
    except SolidataError as error:
        reading.close()
        fail(error, as_json=as_json)
    finally:
        reading.close()
        storing.close()
    if problems_path is not None:
        problems_path.write_text(problems_csv(summary.problems), encoding="utf-8")
    if as_json:
        echo_json(summary.as_json())
        return
    _problem_lines(summary.problems)
    verb = "would be" if dry_run else "were"
    click.echo(
        f"{summary.file} ({summary.format}): {summary.rows} submissions read; "
        f"{summary.created} new, {summary.updated} updated, {summary.unchanged} unchanged, "
        f"{summary.rejected} rejected; {summary.organisations_created} organisations {verb} "
        f"created (flagged for review)." + (" Dry run: nothing was written." if dry_run else "")
    )


# --- statistics (issue 6) -------------------------------------------------------------------------


@main.command(name="estimate", context_settings=CONTEXT)
@click.argument("data", type=click.Path(path_type=Path))
@click.option("--mean", "mean_of", metavar="COLUMN", help="Estimate the mean of this column.")
@click.option("--prop", "prop_of", metavar="COLUMN", help="Estimate the share of each category.")
@click.option("--total", "total_of", metavar="COLUMN", help="Estimate the total of this column.")
@click.option("--by", metavar="COLUMN", help="Estimate for each group (domain) of this column.")
@click.option("--strata", metavar="COLUMN", help="The stratum of each row.")
@click.option(
    "--cluster",
    "clusters",
    metavar="COLUMN",
    multiple=True,
    help="The cluster (primary sampling unit) of a row. Give it twice for a two-stage sample: "
    "the cluster, then the unit sampled within it (R's id=~psu+ssu).",
)
@click.option("--weight", metavar="COLUMN", help="The sampling weight (1 / selection probability).")
@click.option(
    "--fpc",
    "fpcs",
    metavar="COLUMN",
    multiple=True,
    help="Finite population correction: the stratum's population size (clusters, with "
    "--cluster), or the sampling fraction when every value is at most 1. For a two-stage "
    "sample give it twice (R's fpc=~fpc1+fpc2): the second is the number of units in the "
    "cluster's population.",
)
@click.option(
    "--ci",
    type=click.Choice(["wald", "t", "logit"]),
    help="The confidence interval: wald (normal quantile, R's confint(); the default for --mean "
    "and --total), t (Student's t on the design degrees of freedom, R's confint(x, "
    "df=degf(design))) or logit (proportions only, R's svyciprop(); the default for --prop).",
)
@text_or_json_option
def estimate_command(
    data: Path,
    mean_of: str | None,
    prop_of: str | None,
    total_of: str | None,
    by: str | None,
    strata: str | None,
    clusters: tuple[str, ...],
    weight: str | None,
    fpcs: tuple[str, ...],
    ci: str | None,
    output_format: str,
) -> None:
    """Estimate a mean, proportions or a total from survey data.

    Gives design-based estimates with standard errors and 95% confidence intervals, overall or for
    each group of --by. DATA is a CSV file with a header row. Give one of --mean, --prop or
    --total. The design options follow R's svydesign (clusters are numbered within strata);
    without --weight and --fpc every row counts once and a warning says so. Intervals follow R:
    Wald with the normal quantile for means and totals (confint()), logit with Student's t for
    proportions (svyciprop()); --ci chooses another. Every estimate shows its degrees of freedom
    (R's degf()). Empty cells and NA, N/A, NaN, null are missing (other text, such as None, is
    kept); missing values of the variable are left out as a domain (R's na.rm=TRUE). JSON output
    is a list of {"by", "category" (proportions only), "estimate", "se", "ci_low", "ci_high",
    "df", "n"}. See docs/statistics.md.

    \b
    Example:
      solidata estimate tests/data/survey/apistrat.csv --mean api00 \\
          --strata stype --weight pw --fpc fpc
    """
    from solidata.core.stats import (
        CiMethod,
        Statistic,
        SurveyDesign,
        estimate,
        estimate_records,
        estimate_table,
    )

    chosen: list[tuple[Statistic, str | None]] = [
        ("mean", mean_of),
        ("proportion", prop_of),
        ("total", total_of),
    ]
    given = [(statistic, column) for statistic, column in chosen if column is not None]
    if len(given) != 1:
        raise click.UsageError("Give exactly one of --mean, --prop or --total.")
    statistic, variable = given[0]
    if len(clusters) > 2 or len(fpcs) > len(clusters) and len(fpcs) > 1:
        raise click.UsageError(
            "Give --cluster at most twice (the first and second stage), and --fpc at most once "
            "per --cluster."
        )
    cluster, subcluster = (*clusters, None, None)[:2]
    fpc, fpc2 = (*fpcs, None, None)[:2]
    design = SurveyDesign(
        strata=strata, cluster=cluster, subcluster=subcluster, weight=weight, fpc=fpc, fpc2=fpc2
    )
    as_json = output_format == "json"
    interval = cast("CiMethod | None", ci)
    try:
        result = estimate(data, variable, statistic=statistic, design=design, by=by, ci=interval)
    except SolidataError as error:
        fail(error, as_json=as_json)
    for warning in result.warnings:
        click.echo(f"warning: {warning.text()}", err=True)
    if as_json:
        echo_json(estimate_records(result))
    else:
        click.echo(estimate_table(result))


@main.group(context_settings=CONTEXT, name="definitions")
def definitions_group() -> None:
    """Test definitions of an SSE entity on a survey's data.

    Example: solidata definitions compare --survey mn-demo ilo-2022-core ilo-2022-broad
    """


@definitions_group.command(context_settings=CONTEXT, name="compare")
@click.option("--survey", "slug", required=True, metavar="SLUG", help="The survey's short name.")
@click.argument("first", metavar="A")
@click.argument("second", metavar="B")
@text_or_json_option
@click.option(
    "--suppress",
    is_flag=True,
    help="Hide counts below SOLIDATA_MIN_CELL as the site does for committee members, and name "
    "no entity (for output that will be published).",
)
@data_dir_option
def definitions_compare(
    slug: str,
    first: str,
    second: str,
    output_format: str,
    suppress: bool,
    data_dir: Path | None,
) -> None:
    """Compare two definitions on a survey: who meets each, by type and aimag, who moves.

    A and B are definition ids of the survey's method (e.g. ilo-2022-core) or rules typed as
    in the method's definitions sheet (quote them). Reads the data directory's database: the
    approved, scored submissions, as the findings pages count them. JSON output has "a" and "b"
    (totals, by_entity_type, by_admin_area, clauses), "moves" (A's result -> B's result ->
    count), "moved_in" and "moved_out" (instance ids). See docs/findings.md.

    \b
    Example:
      solidata definitions compare --survey mn-demo ilo-2022-core \\
          "score('PUR') >= 50 and score('P2') >= 40" --format json
    """
    from solidata.web import runtime

    runtime.configure(data_dir)
    from solidata.core.definitions import comparison_report, comparison_text, resolve
    from solidata.web.findings.selectors import survey_by_slug, survey_dataset

    as_json = output_format == "json"
    try:
        survey = survey_by_slug(slug)
        dataset = survey_dataset(survey)
        method = dataset.data.method
        report = comparison_report(
            dataset.data,
            resolve(method, first),
            resolve(method, second),
            guard=dataset.guard if suppress else None,
        )
    except SolidataError as error:
        fail(error, as_json=as_json)
    report = {"survey": survey.slug, **report}
    if as_json:
        echo_json(report)
    else:
        click.echo(f"Survey {survey.slug}: {report['submissions']} approved, scored submissions.")
        click.echo(comparison_text(report))


@main.group(context_settings=CONTEXT, name="report")
def report_group() -> None:
    """Reports for the committee and stakeholders: PDF, DOCX, XLSX or HTML.

    Example: solidata report findings --survey mn-demo --lang mn --format pdf -o findings.pdf
    """


@report_group.command(context_settings=CONTEXT, name="findings")
@click.option("--survey", "slug", required=True, metavar="SLUG", help="The survey's short name.")
@click.option("--lang", type=click.Choice(["mn", "en"]), default="mn", show_default=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["pdf", "docx", "xlsx", "html"]),
    default="pdf",
    show_default=True,
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The file to write.",
)
@click.option(
    "--suppress",
    is_flag=True,
    help="The committee's edition: hide small cells exactly as the findings pages do for "
    "committee members (for a report that will be published).",
)
@data_dir_option
def report_findings(
    slug: str, lang: str, fmt: str, output: Path, suppress: bool, data_dir: Path | None
) -> None:
    """Write the findings report of a survey: summary, method and sample, profile, results by
    dimension, by entity type and aimag (with a map), definitions, challenges, annex tables.

    \b
    Example:
      solidata report findings --survey mn-demo --lang mn --format pdf -o findings.pdf
      solidata report findings --survey mn-demo --lang en --format docx --suppress -o c.docx
    """
    from solidata.web import runtime

    runtime.configure(data_dir)
    from solidata.core.reports.render import render
    from solidata.web.findings.reports import findings_document
    from solidata.web.findings.selectors import survey_by_slug, survey_dataset

    try:
        survey = survey_by_slug(slug)
        dataset = survey_dataset(survey)
    except SolidataError as error:
        fail(error)
    document = findings_document(survey=survey, dataset=dataset, lang=lang, suppressed=suppress)
    output.write_bytes(render(document, fmt))
    click.echo(
        f"{output}: {len(document.figures)} figures, {len(document.tables)} tables "
        f"({'small cells hidden' if suppress else 'full edition'})."
    )


@report_group.command(context_settings=CONTEXT, name="entity")
@click.option(
    "--organisation",
    "pk",
    required=True,
    type=int,
    metavar="ID",
    help="The organisation's id (as the administration lists it).",
)
@click.option(
    "--lang",
    type=click.Choice(["mn", "en"]),
    default=None,
    help="Default: the language of the organisation's country.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The PDF file to write.",
)
@data_dir_option
def report_entity(pk: int, lang: str | None, output: Path, data_dir: Path | None) -> None:
    """Write an organisation's own result as a one- or two-page PDF headed with its name: its
    scores beside its peers' (small groups hidden), definitions met, recommendations.

    \b
    Example:
      solidata report entity --organisation 31 -o result.pdf
    """
    from solidata.web import runtime

    runtime.configure(data_dir)
    from solidata.core.reports.render import render_pdf
    from solidata.web.findings.reports import entity_document
    from solidata.web.registry.models import Organisation

    try:
        organisation = Organisation.objects.select_related("country").filter(pk=pk).first()
        if organisation is None:
            raise SolidataError.of("report.organisation_unknown", id=pk)
        document = entity_document(organisation=organisation, lang=lang)
    except SolidataError as error:
        fail(error)
    output.write_bytes(render_pdf(document))
    click.echo(f"{output}: {organisation.name} ({document.lang}).")


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


if __name__ == "__main__":  # pragma: no cover
    main()

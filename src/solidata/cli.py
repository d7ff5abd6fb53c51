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
from typing import Any, NoReturn

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


@main.group(context_settings=CONTEXT, name="method")
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


output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the result (default: standard output).",
)


@method_group.command(context_settings=CONTEXT, name="validate")
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


@method_group.command(context_settings=CONTEXT, name="xform")
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


@method_group.command(context_settings=CONTEXT, name="template")
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


@main.command(context_settings=CONTEXT, name="score")
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
    """Score a plain answers CSV: dimension and indicator scores, levels, definitions, advice.

    INPUT has an instance_id column and one column per question (see `solidata method template`).
    Warnings about the answers (unknown choices, numbers that are not numbers) go to standard error.

    Example: solidata score answers.csv --method ilo-2022.xlsx --format json -o scores.json
    """
    from solidata.core.method import read_method
    from solidata.core.scoring import read_answers, score

    try:
        method = read_method(_method_path(method_path))
        if not input_path.is_file():
            raise SolidataError.of("file.not_found", path=str(input_path))
        table = score(method, read_answers(input_path, method))
    except SolidataError as error:
        fail(error)
    _warn(table.problems)
    if fmt == "json":
        _write(json.dumps(table.to_records(lang), ensure_ascii=False, indent=2) + "\n", output)
    else:
        _write(table.to_frame(lang).to_csv(index=False), output)


# --- import (issue 4) -----------------------------------------------------------------------------

# --- statistics (issue 6) -------------------------------------------------------------------------


@main.command(name="estimate", context_settings=CONTEXT)
@click.argument("data", type=click.Path(path_type=Path))
@click.option("--mean", "mean_of", metavar="COLUMN", help="Estimate the mean of this column.")
@click.option("--prop", "prop_of", metavar="COLUMN", help="Estimate the share of each category.")
@click.option("--total", "total_of", metavar="COLUMN", help="Estimate the total of this column.")
@click.option("--by", metavar="COLUMN", help="Estimate for each group (domain) of this column.")
@click.option("--strata", metavar="COLUMN", help="The stratum of each row.")
@click.option("--cluster", metavar="COLUMN", help="The cluster (primary sampling unit) of a row.")
@click.option("--weight", metavar="COLUMN", help="The sampling weight (1 / selection probability).")
@click.option(
    "--fpc",
    metavar="COLUMN",
    help="Finite population correction: the stratum's population size (clusters, with "
    "--cluster), or the sampling fraction when every value is at most 1.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="A table for people, or JSON for programs.",
)
def estimate_command(
    data: Path,
    mean_of: str | None,
    prop_of: str | None,
    total_of: str | None,
    by: str | None,
    strata: str | None,
    cluster: str | None,
    weight: str | None,
    fpc: str | None,
    output_format: str,
) -> None:
    """Estimate a mean, proportions or a total from survey data.

    Gives design-based estimates with standard errors and 95% confidence intervals, overall or for
    each group of --by. DATA is a CSV file with a header row. Give one of --mean, --prop or
    --total. The design options follow R's svydesign (clusters are numbered within strata);
    without --weight and --fpc every row counts once and a warning says so. Intervals are Wald
    intervals with the normal quantile, as R's confint(). Missing values of the variable are left
    out as a domain (R's na.rm=TRUE). JSON output is a list of {"by", "category" (proportions
    only), "estimate", "se", "ci_low", "ci_high", "n"}. See docs/statistics.md.

    \b
    Example:
      solidata estimate tests/data/survey/apistrat.csv --mean api00 \\
          --strata stype --weight pw --fpc fpc
    """
    from solidata.core.stats import (
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
    design = SurveyDesign(strata=strata, cluster=cluster, weight=weight, fpc=fpc)
    as_json = output_format == "json"
    try:
        result = estimate(data, variable, statistic=statistic, design=design, by=by)
    except SolidataError as error:
        fail(error, as_json=as_json)
    for warning in result.warnings:
        click.echo(f"warning: {warning.text()}", err=True)
    if as_json:
        echo_json(estimate_records(result))
    else:
        click.echo(estimate_table(result))


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


if __name__ == "__main__":  # pragma: no cover
    main()

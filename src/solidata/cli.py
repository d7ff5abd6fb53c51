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

# --- import (issue 4) -----------------------------------------------------------------------------

# --- statistics (issue 6) -------------------------------------------------------------------------


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


if __name__ == "__main__":  # pragma: no cover
    main()

"""The command line lists every command with a summary, and tells its version."""

from __future__ import annotations

from click.testing import CliRunner

from solidata import __version__
from solidata.cli import main


def test_help_lists_every_command_with_a_one_line_summary() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    lines = result.output.split("Commands:")[1].splitlines()
    listed = {line.split()[0]: line.split(None, 1)[1:] for line in lines if line.startswith("  ")}
    assert set(main.commands) == set(listed)
    assert all(summary for summary in listed.values())


def test_every_command_has_an_example_in_its_help() -> None:
    for name, command in main.commands.items():
        if name == "manage":
            continue
        assert "Example" in (command.help or ""), name


def test_version_prints_the_package_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output

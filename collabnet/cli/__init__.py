"""The ``collabnet`` command line: one click group, one module per command.

Each command module defines a click command named like the module and does
only three things: parse options, call the library, render the result.
Library errors become clean messages with exit status 2 (see
:mod:`collabnet.cli.common`).
"""

from __future__ import annotations

import importlib
import importlib.util

import click

from collabnet import __version__

__all__ = ["cli", "main"]

# Module name -> command name. Adding a command = adding its module here.
COMMANDS = {
    "info": "info",
    "validate": "validate",
    "analyze": "analyze",
    "report": "report",
    "view": "view",
    "export": "export",
    "convert": "convert",
    "synth": "synth",
    "bench": "bench",
    "diff": "diff",
    "plan": "plan",
    "import": "intake",
    "survey": "survey",
    "init": "init",
}


class _LazyGroup(click.Group):
    """Import a command's module only when the command is used (fast start-up)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if _exists(name))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS or not _exists(cmd_name):
            return None
        module = importlib.import_module(f"collabnet.cli.{COMMANDS[cmd_name]}")
        return getattr(module, cmd_name, None) or getattr(module, f"{cmd_name}_group")


def _exists(name: str) -> bool:
    return importlib.util.find_spec(f"collabnet.cli.{COMMANDS[name]}") is not None


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="collabnet")
def cli() -> None:
    """Network analysis of collaboration between health and welfare actors in the Brussels care zones.

    Reads a dataset (a folder of CSV files or an .xlsx workbook: actors, groups,
    memberships, ties), builds the actor graph and tells, per care zone, which
    actors are isolated, who bridges sectors and lines, where the gaps are and
    what to do about them.

    \b
    Example:
      collabnet info datasets/brussels
      collabnet analyze datasets/brussels --out reports/brussels
    """


def main() -> None:
    """Entry point of the ``collabnet`` console script."""
    from collabnet import runtime

    runtime.install()
    # One command is one short process: the cyclic collector would rescan the dataset, the graphs and the
    # analysis (millions of objects, none of them garbage) every few thousand new objects (about 4 s of a
    # 50,000-organisation run; objects are still freed by reference counting, at once), and the interpreter's
    # teardown would collect and free them all once more before exiting (about 5 s): the command's exit
    # status ends the process at once instead (runtime.exit_now: streams flushed, exit handlers run).
    with runtime.collector_paused():
        try:
            cli(prog_name="collabnet")
        except SystemExit as done:
            runtime.exit_now(done.code)

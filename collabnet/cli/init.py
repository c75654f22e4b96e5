"""``collabnet init``: an empty dataset to start from, with drop-downs for the codes."""

from __future__ import annotations

from pathlib import Path

import click

from collabnet.cli.common import handle_errors, lang_option, quiet_option

__all__ = ["init"]


@click.command()
@click.argument("target", type=click.Path(path_type=Path))
@lang_option
@quiet_option
@handle_errors
def init(target: Path, lang: str, quiet: bool) -> None:
    """Write an empty dataset: the workbook TARGET.xlsx, or the folder TARGET of CSV files.

    It has the contract's tables (actors, groups, memberships, ties, zones,
    sectors) with sheet names and headers in --lang, drop-down lists for the
    codes (kind, sector, line, zone, language, group type, role, tie type)
    and for the ids a row refers to, and one example row per table (marked in
    its note column: overwrite or delete it). zones and sectors hold the
    built-in tables. Dates are day first (15/01/2024). Nothing is overwritten.

    \b
    Example:
      collabnet init zone-zuid.xlsx --lang nl
      collabnet init zone-sud/ --lang fr
      collabnet validate zone-zuid.xlsx
    """
    from collabnet.dataset.template import write_template

    written = write_template(target, lang)
    if not quiet:
        for path in written:
            click.echo(str(path))

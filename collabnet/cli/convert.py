"""``collabnet convert``: a CSV folder to an .xlsx workbook, or back."""

from __future__ import annotations

from pathlib import Path

import click

from collabnet.cli.common import handle_errors, lang_option, say

__all__ = ["convert"]


@click.command()
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.argument("target", type=click.Path(path_type=Path))
@lang_option
@handle_errors
def convert(source: Path, target: Path, lang: str) -> None:
    """Convert a dataset between a folder of CSV files and an .xlsx workbook.

    TARGET ending in .xlsx makes a workbook (one sheet per table); any other
    TARGET is a folder that receives UTF-8 CSV files. Values are copied as
    text, unchanged.

    \b
    Example:
      collabnet convert datasets/brussels datasets/brussels.xlsx
      collabnet convert zone-south.xlsx zone-south/
    """
    from collabnet.dataset.workbook import convert_dataset

    written = convert_dataset(source, target)
    click.echo(say("cli.wrote", path=written))

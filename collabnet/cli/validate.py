"""``collabnet validate``: list every problem in a dataset."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from collabnet.cli.common import at_option, dataset_argument, default_dataset, fail_with, lang_option, problem_line, say
from collabnet.errors import CollabnetError

__all__ = ["validate"]


@click.command()
@dataset_argument
@at_option
@lang_option
def validate(dataset: Path | None, at: str | None, lang: str) -> None:
    """Check a dataset against the format and list every problem.

    Each problem is printed as FILE:ROW: COLUMN: reason (the header is row 1),
    then the rows used and left out per file, in --lang. Exit status: 0 when
    clean, 1 when rows were left out, 2 when the dataset cannot be used at all.

    \b
    Example:
      collabnet validate datasets/brussels
      collabnet validate zone-south.xlsx --lang nl
    """
    from collabnet.dataset import load_dataset

    path = dataset if dataset is not None else default_dataset()
    try:
        ds = load_dataset(path, at=at)
    except CollabnetError as exc:
        fail_with(exc)
    for problem in ds.problems:
        click.echo(problem_line(problem))
    left: dict[str, int] = {}
    for file, _row in sorted({(p.file, p.row) for p in ds.left_out if p.row > 0}):
        left[file] = left.get(file, 0) + 1
    if ds.problems:
        click.echo("")
    for table, read in ds.rows_read.items():
        label = ds.labels[table]
        left_out = left.get(label, 0)
        click.echo(say("cli.rows", file=label, read=say("cli.rows.read", read),
                       used=say("cli.rows.used", ds.rows_used[table]), left_out=say("cli.rows.left_out", left_out)))
    if ds.left_out:
        sys.exit(1)

"""``collabnet validate``: list every problem in a dataset."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from collabnet.cli.common import EXIT_UNUSABLE, at_option, dataset_argument, default_dataset, echo_err
from collabnet.errors import CollabnetError

__all__ = ["validate"]


@click.command()
@dataset_argument
@at_option
def validate(dataset: Path | None, at: str | None) -> None:
    """Check a dataset against the format and list every problem.

    Each problem is printed as FILE:ROW: COLUMN: reason (the header is row 1),
    then the rows used and left out per file. Exit status: 0 when clean,
    1 when rows were left out, 2 when the dataset cannot be used at all.

    \b
    Example:
      collabnet validate datasets/brussels
      collabnet validate zone-south.xlsx
    """
    from collabnet.dataset import load_dataset

    path = dataset if dataset is not None else default_dataset()
    try:
        ds = load_dataset(path, at=at)
    except CollabnetError as exc:
        echo_err(f"Error: {exc}")
        sys.exit(EXIT_UNUSABLE)
    for problem in ds.problems:
        prefix = "" if problem.left_out else "warning: "
        click.echo(f"{problem.file}:{problem.row}: {problem.column}: {prefix}{problem.reason}")
    left: dict[str, int] = {}
    for file, _row in sorted({(p.file, p.row) for p in ds.left_out if p.row > 0}):
        left[file] = left.get(file, 0) + 1
    if ds.problems:
        click.echo("")
    for table, read in ds.rows_read.items():
        label = ds.labels[table]
        used = ds.rows_used[table]
        click.echo(f"{label}: {read} row(s) read, {used} used, {left.get(label, 0)} left out")
    if ds.left_out:
        sys.exit(1)

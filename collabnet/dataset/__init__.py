"""Stage 1 of the pipeline: read and validate a dataset (CSV folder or .xlsx workbook).

>>> from collabnet.dataset import load_dataset
>>> ds = load_dataset("datasets/brussels", at="2024-06-01")  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from collabnet.dataset.dates import parse_date
from collabnet.dataset.model import Dataset
from collabnet.dataset.reading import read_tables
from collabnet.dataset.validation import problem_order, validate_tables
from collabnet.errors import DatasetError, reason
from collabnet.runtime import collector_paused

__all__ = ["Dataset", "load_dataset", "analysis_date"]


def analysis_date(at: dt.date | str | None) -> dt.date:
    """The analysis date: ``at`` (a date, or text :func:`~collabnet.dataset.dates.parse_date` reads), today when None.

    >>> analysis_date("2024-02-29"), analysis_date("29/02/2024")
    (datetime.date(2024, 2, 29), datetime.date(2024, 2, 29))
    """
    if at is None or at == "":
        return dt.date.today()
    if isinstance(at, dt.datetime):
        return at.date()
    if isinstance(at, dt.date):
        return at
    try:
        return parse_date(str(at))
    except ValueError as exc:
        raise DatasetError(reason("option", option="--at", reason=exc.message)) from None


def load_dataset(path: str | Path, at: dt.date | str | None = None) -> Dataset:
    """Read, validate and wrap a dataset; the graph is built on first use of ``.graph``.

    The collector is paused meanwhile: each row read is a tracked tuple, and
    a region's half million of them would be walked by every full collection.
    """
    source = Path(path)
    date = analysis_date(at)
    with collector_paused():
        raw, notes = read_tables(source)
        tables, problems = validate_tables(raw)
    name = source.stem if source.is_file() else source.resolve().name
    return Dataset(
        name=name,
        source=source,
        at=date,
        problems=tuple(sorted(notes + problems, key=problem_order(raw))),
        rows_read={t: raw[t].rows_read for t in raw},
        labels={t: raw[t].label for t in raw},
        **tables,
    )

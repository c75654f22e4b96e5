"""Exceptions and the problem record that every stage reports with.

A :class:`Problem` is one finding about one cell of the input: it names the
file, the spreadsheet row (the header is row 1) and the column, and says
whether the row was left out of the analysis.

Examples
--------
>>> p = Problem("actors.csv", 4, "sector", "unknown sector 'mental_helth' (did you mean 'mental_health'?)")
>>> str(p)
"actors.csv:4: sector: unknown sector 'mental_helth' (did you mean 'mental_health'?)"
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CollabnetError", "DatasetError", "Problem"]


class CollabnetError(Exception):
    """Base class of every error collabnet raises on purpose."""


class DatasetError(CollabnetError):
    """The dataset cannot be used as a whole (exit status 2).

    Raised for a missing ``actors`` table, a required column missing, an
    unreadable or empty file. The message names the file and, where it
    applies, the column.
    """


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one cell of the input.

    Parameters
    ----------
    file : str
        File name as the user knows it (``actors.csv`` or ``data.xlsx[actors]``).
    row : int
        Spreadsheet row number; the header is row 1, the first data row is 2.
        0 when the problem concerns the whole file.
    column : str
        The column concerned (as the contract names it).
    reason : str
        What is wrong, in plain words.
    left_out : bool
        True when the row was left out of the analysis, False for a warning
        (the row is used, a value was ignored or assumed).
    """

    file: str
    row: int
    column: str
    reason: str
    left_out: bool = True

    def __str__(self) -> str:
        return f"{self.file}:{self.row}: {self.column}: {self.reason}"

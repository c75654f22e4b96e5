"""Exceptions and the problem record that every stage reports with.

A :class:`Problem` is one finding about one cell of the input: it names the
file, the spreadsheet row (the header is row 1) and the column, says what is
wrong and whether the row was left out of the analysis. What is wrong is a
:class:`~collabnet.records.messages.Message` (a key of
:mod:`collabnet.words.problems` and its fields, made with :func:`reason`), put
into words in the reader's language by :class:`collabnet.words.Vocabulary`;
``str()`` gives the English text. The errors collabnet raises on purpose
(:class:`CollabnetError`) carry such a message too.

Examples
--------
>>> p = Problem("actors.csv", 4, "sector", reason("unknown.sector", value="mental_helth",
...                                                  hint=reason("did_you_mean", spelling="mental_health")))
>>> str(p)
"actors.csv:4: sector: unknown sector 'mental_helth' (did you mean 'mental_health'?)"
>>> from collabnet.words import Vocabulary
>>> Vocabulary("fr").say(p.as_message())
"actors.csv:4: sector: secteur inconnu 'mental_helth' (vouliez-vous dire 'mental_health' ?)"
>>> str(DatasetError(reason("no_such_path", path="zone-sud")))
'zone-sud: no such file or folder'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from collabnet.records.messages import Message

__all__ = ["BadValue", "CollabnetError", "DatasetError", "Problem", "english", "reason"]


def reason(key: str, **fields: Any) -> Message:
    """The message ``problem.<key>`` of :mod:`collabnet.words.problems` with its fields.

    A field holds plain data (an id, a code, a file name: written as it is, quoted
    where the template says ``{name!r}``), a :class:`~collabnet.records.messages.Number`,
    or another message.

    >>> reason("empty", column="kind")
    Message(key='problem.empty', fields=(('column', 'kind'),))
    """
    return Message(f"problem.{key}", tuple(fields.items()))


def english(message: Message | str) -> str:
    """A message in English (text is returned as it is): what ``str()`` of a problem or an error says."""
    from collabnet.words import plain

    return plain("en").say(message)


class CollabnetError(Exception):
    """Base class of every error collabnet raises on purpose.

    ``message`` is a :class:`~collabnet.records.messages.Message` (or, for an
    error with no words of its own yet, English text); ``str()`` is its English text.
    """

    def __init__(self, message: Message | str = ""):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return english(self.message)


class DatasetError(CollabnetError):
    """The dataset cannot be used as a whole (exit status 2).

    Raised for a missing ``actors`` table, a required column missing, an
    unreadable or empty file. The message names the file and, where it
    applies, the column.
    """


class BadValue(CollabnetError, ValueError):
    """A value that cannot be read (a date, a survey level): a ValueError whose reason is a message.

    >>> str(BadValue(reason("no_year_zero")))
    'there is no year 0'
    """


@dataclass(frozen=True, slots=True)
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
    message : Message or str
        What is wrong: a message of :mod:`collabnet.words.problems` (:func:`reason`).
    left_out : bool
        True when the row was left out of the analysis, False for a warning
        (the row is used, a value was ignored or assumed).
    """

    file: str
    row: int
    column: str
    message: Message | str
    left_out: bool = True

    @property
    def reason(self) -> str:
        """What is wrong, in English."""
        return english(self.message)

    def as_message(self) -> Message:
        """``FILE:ROW: COLUMN: reason`` as a message, for a reader's language."""
        return reason("at", file=self.file, row=self.row, column=self.column, reason=self.message)

    def __str__(self) -> str:
        return f"{self.file}:{self.row}: {self.column}: {english(self.message)}"  # problem.at, in English

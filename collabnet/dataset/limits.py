"""What collabnet reads at most: caps that keep memory and time following the data really there.

A file or workbook beyond a cap stops the command with a message naming
the file (and sheet) and the cap, exit status 2, before memory runs out:

- :data:`MAX_FILE_BYTES`: one CSV file, one workbook file, and each part of
  a workbook that is read (a sheet, the shared strings) once unpacked;
  a zip bomb is refused from the sizes its zip directory declares.
- :data:`MAX_ROWS`: data rows of one table.
- :data:`MAX_COLUMNS`: columns of one table; a value in a cell beyond it
  (a stray cell at ``XFD1048576``) stops the reading of the sheet.
- :data:`MAX_CELLS`: cells holding a value in one sheet.

Empty cells cost nothing: a workbook whose declared dimension reaches
``XFD1048576`` with a few real cells reads as fast as its real cells.

>>> f"{MAX_ROWS:,} rows, {MAX_COLUMNS:,} columns, {MAX_FILE_BYTES // 2**20:,} MiB"
'2,000,000 rows, 1,024 columns, 512 MiB'
"""

from __future__ import annotations

from collabnet.errors import DatasetError, reason
from collabnet.records.messages import Message, Number

__all__ = ["MAX_FILE_BYTES", "MAX_ROWS", "MAX_COLUMNS", "MAX_CELLS", "size", "too_many_rows"]

MAX_FILE_BYTES = 512 * 2**20
MAX_ROWS = 2_000_000
MAX_COLUMNS = 1_024
MAX_CELLS = 20_000_000


def size(count: int) -> Message:
    """A byte count for a message.

    >>> from collabnet.words import plain
    >>> [plain("en").say(size(n)) for n in (512 * 2**20, 5 * 2**30, 1500)]
    ['512 MiB', '5.0 GiB', '1,500 bytes']
    >>> plain("fr").say(size(5 * 2**30))
    '5,0 Gio'
    """
    if count >= 2**30:
        return reason("size.gib", n=Number(count / 2**30, 1))
    if count >= 2**20:
        return reason("size.mib", n=Number(count // 2**20))
    return reason("size.bytes", n=Number(count))


def too_many_rows(label: str) -> DatasetError:
    """The error for a table of more than :data:`MAX_ROWS` rows.

    >>> print(too_many_rows("actors.csv"))
    actors.csv: more than 2,000,000 rows, the most collabnet reads in one table (split the dataset, by zone for instance)
    """
    return DatasetError(reason("too_many_rows", file=label, n=Number(MAX_ROWS)))

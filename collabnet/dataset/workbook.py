"""Converting a dataset between a CSV folder and an .xlsx workbook, cell for cell.

Conversion copies the text as read (no validation), so a workbook made from a
folder holds exactly the same rows, and both read to the same graph. The
output is a dataset, not a report: nothing is neutralised (a phone number
``+32 2 555 01 00`` stays as it is), and every cell is written as text, so
postal codes such as ``0475`` keep their zero and a value starting with
``=`` stays text, never a formula.
"""

from __future__ import annotations

from pathlib import Path

from collabnet.dataset.reading import TABLES, read_tables
from collabnet.writing import atomic_write_bytes, csv_text, xlsx_bytes

__all__ = ["convert_dataset"]


def convert_dataset(source: str | Path, target: str | Path) -> Path:
    """Write the dataset at ``source`` to ``target``: a ``.xlsx`` path or a folder for CSV files.

    Returns the path written. Rows that could not be aligned with their
    header (reported by ``collabnet validate``) are not copied.
    """
    raw, _ = read_tables(source)
    target = Path(target)
    tables = [raw[name] for name in TABLES if name in raw]
    if target.suffix.lower() == ".xlsx":
        def build(book) -> None:
            for table in tables:
                sheet = book.add_worksheet(table.name)
                for number, values in enumerate([table.columns, *([v.get(c, "") for c in table.columns]
                                                                   for _, v in table.rows)]):
                    for column, value in enumerate(values):
                        if value:
                            sheet.write_string(number, column, value)

        return atomic_write_bytes(target, xlsx_bytes(build, neutralise=False))
    target.mkdir(parents=True, exist_ok=True)
    for table in tables:
        text = csv_text(table.columns, ([v.get(c, "") for c in table.columns] for _, v in table.rows),
                        neutralise=False)
        atomic_write_bytes(target / f"{table.name}.csv", text.encode("utf-8"))
    return target

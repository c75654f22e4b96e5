"""Converting a dataset between a CSV folder and an .xlsx workbook, cell for cell.

Conversion copies the text as read (no validation), so a workbook made from a
folder holds exactly the same rows, and both read to the same graph.
Every cell is written as text: postal codes such as ``0475`` keep their zero
and a value starting with ``=`` stays text, never a formula.
"""

from __future__ import annotations

from pathlib import Path

from collabnet.dataset.reading import TABLES, read_tables
from collabnet.writing import atomic_write_bytes, csv_text, workbook_bytes

__all__ = ["convert_dataset"]


def convert_dataset(source: str | Path, target: str | Path) -> Path:
    """Write the dataset at ``source`` to ``target``: a ``.xlsx`` path or a folder for CSV files.

    Returns the path written. Rows that could not be aligned with their
    header (reported by ``collabnet validate``) are not copied.
    """
    import openpyxl

    raw, _ = read_tables(source)
    target = Path(target)
    if target.suffix.lower() == ".xlsx":
        book = openpyxl.Workbook()
        book.remove(book.active)
        for name in TABLES:
            if name not in raw:
                continue
            sheet = book.create_sheet(name)
            table = raw[name]
            sheet.append(table.columns)
            for _, values in table.rows:
                sheet.append([values.get(c, "") or None for c in table.columns])
            for row in sheet.iter_rows(min_row=1):
                for cell in row:
                    if cell.value is not None:
                        cell.data_type = "s"
        return atomic_write_bytes(target, workbook_bytes(book))
    target.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        if name in raw:
            table = raw[name]
            text = csv_text(table.columns, ([v.get(c, "") for c in table.columns] for _, v in table.rows))
            atomic_write_bytes(target / f"{name}.csv", text.encode("utf-8"))
    return target

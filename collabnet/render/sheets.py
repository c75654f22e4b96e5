"""Workbooks for people: tables as sheets that open, read and print well (actions.xlsx, analysis.xlsx).

One writer for every workbook a zone opens: :func:`workbook` turns
:class:`Sheet` records into xlsx bytes with XlsxWriter
(:func:`collabnet.writing.xlsx_bytes`: fixed document date, so the same sheets
give the same bytes). Each sheet has

- a bold header row, frozen, with an autofilter over the rows;
- numbers as numbers, text as text (never a formula: the writer,
  :func:`collabnet.writing.xlsx_bytes`, neutralises every text that a
  spreadsheet would evaluate, headers and sheet names included);
- set column widths, wrapped columns top-aligned, and each row as high as its
  longest wrapped cell needs, so wrapped rows never overlap in Excel or
  LibreOffice, which do not measure text written by a program;
- A4 landscape, fitted to one page wide, the header row repeated on every
  printed page.

>>> import io, zipfile
>>> sheet = Sheet("all", (Column("zone", "Zone", 10), Column("why", "Why", 30, wrap=True)),
...               [("south", "=HYPERLINK(1)"), ("north", None)])
>>> data = workbook([sheet])
>>> data == workbook([sheet])
True
>>> xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
>>> b"<f>" in xml, b'fitToHeight="0"' in xml
(False, True)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from collabnet import writing
from collabnet.writing import xlsx_bytes

__all__ = ["Column", "Sheet", "sheet_title", "workbook"]

#: Excel's largest row height, in points; one line of 11-point Calibri takes 15.
_MAX_HEIGHT, _LINE_HEIGHT = 409, 15
#: Excel's longest text in a cell.
_MAX_TEXT = 32767


@dataclass(frozen=True)
class Column:
    """A column of a sheet: its key, its header (in the reader's language), its width in characters.

    ``wrap``: long text wraps inside the column (the row grows to show it all).
    ``decimals``: numbers are shown with that many decimals (in the reader's
    spreadsheet's own decimal mark); the cell keeps the full value.
    """

    key: str
    header: str
    width: float
    wrap: bool = False
    decimals: int | None = None


@dataclass(frozen=True)
class Sheet:
    """A sheet: its title (made safe by :func:`sheet_title`), its columns and its rows (one value per column)."""

    title: str
    columns: tuple[Column, ...]
    rows: Sequence[Sequence]


def sheet_title(name: str, taken: set[str]) -> str:
    """A worksheet name: no ``[]:*?/\\``, no formula start, at most 31 characters, unique (case-blind).

    ``taken`` holds the names used so far (case-folded) and gets the new one.

    >>> taken = {"all"}
    >>> sheet_title("Centre/Ouest: [test]", taken), sheet_title("ALL", taken), sheet_title("=SUM(A1)", taken)
    ('Centre-Ouest- -test-', 'ALL (2)', '_=SUM(A1)')
    """
    base = "".join("-" if ch in "[]:*?/\\" else ch for ch in str(name)).strip("' ") or "sheet"
    base = writing.sheet_title(base)[:31]  # a sheet name is shown as a cell is: never one that reads as a formula
    title, n = base, 1
    while title.casefold() in taken:
        n += 1
        suffix = f" ({n})"
        title = base[:31 - len(suffix)] + suffix
    taken.add(title.casefold())
    return title


def workbook(sheets: Iterable[Sheet]) -> bytes:
    """The xlsx bytes of ``sheets``, in order (titles made unique with :func:`sheet_title`)."""
    sheets = list(sheets)

    def build(book) -> None:
        bold = book.add_format({"bold": True, "valign": "top", "text_wrap": True})
        styles: dict[tuple, object] = {}

        def style(column: Column):
            key = (column.wrap, column.decimals)
            if key not in styles:
                spec = {"text_wrap": True, "valign": "top"} if column.wrap else {"valign": "top"}
                if column.decimals is not None:
                    spec["num_format"] = "0." + "0" * column.decimals if column.decimals else "0"
                styles[key] = book.add_format(spec)
            return styles[key]

        taken: set[str] = set()
        for sheet in sheets:
            ws = book.add_worksheet(sheet_title(sheet.title, taken))
            _fill(ws, sheet, bold, [style(c) for c in sheet.columns])

    return xlsx_bytes(build)


def _fill(ws, sheet: Sheet, bold, styles: list) -> None:
    columns = sheet.columns
    header_lines = 1
    for index, column in enumerate(columns):
        ws.set_column(index, index, column.width, styles[index])
        ws.write_string(0, index, str(column.header), bold)
        header_lines = max(header_lines, _lines(column.header, column.width))
    if header_lines > 1:  # headers wrap in narrow number columns
        ws.set_row(0, min(_MAX_HEIGHT, header_lines * _LINE_HEIGHT))
    for r, values in enumerate(sheet.rows, start=1):
        lines = 1
        for index, (column, value) in enumerate(zip(columns, values)):
            style = styles[index]
            if value is None or (isinstance(value, float) and not math.isfinite(value)):
                continue
            if isinstance(value, bool):
                ws.write_boolean(r, index, value, style)
            elif isinstance(value, (int, float)):
                ws.write_number(r, index, float(value) if isinstance(value, float) else int(value), style)
            else:
                text = writing.sheet_cell(str(value))[:_MAX_TEXT]  # what the writer will write, for the height
                ws.write_string(r, index, text, style)
                if column.wrap:
                    lines = max(lines, _lines(text, column.width))
        if lines > 1:
            ws.set_row(r, min(_MAX_HEIGHT, lines * _LINE_HEIGHT))
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, len(sheet.rows), max(len(columns) - 1, 0))
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)  # one page wide, as many pages down as it takes
    ws.repeat_rows(0)
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)


def _lines(text: str, width: float) -> int:
    """Lines a wrapped text takes in a column ``width`` characters wide (a generous estimate).

    >>> _lines("a" * 25, 10), _lines("one\\ntwo", 40)
    (3, 2)
    """
    per_line = max(1, int(width * 1.0))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))

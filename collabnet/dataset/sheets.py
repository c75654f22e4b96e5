"""Reading the sheets of an .xlsx workbook: only the cells that exist, within stated caps.

openpyxl builds every cell of a sheet's declared range: one stray cell at
``XFD1048576`` costs gigabytes. This reader streams each sheet's XML out of
the zip (``iterparse``, every row dropped once read) and keeps only cells
that hold a value, so memory and time follow the cells really there. The
sizes the zip declares are checked before anything is unpacked
(:mod:`collabnet.dataset.limits`), and a part whose data runs past its
declared size is a damaged file, never read further.

Values come out as spreadsheet text: numbers without a needless ``.0``,
date cells as ``YYYY-MM-DD``, booleans as ``true`` / ``false``; a formula
gives its saved value.

Examples
--------
>>> cell_text(3.0), cell_text(2.5), cell_text(True), cell_text(None)
('3', '2.5', 'true', '')
>>> column_number("A"), column_number("XFD")
(1, 16384)
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

from collabnet.dataset.limits import MAX_CELLS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, size, too_many_rows
from collabnet.errors import DatasetError, reason
from collabnet.records.messages import Number

__all__ = ["Workbook", "Sheet", "cell_text", "column_number", "cell_name"]

_EXCEL_ROWS = 1_048_576
_REF = re.compile(r"([A-Za-z]{1,3})(\d+)")
_RANGE = re.compile(r"([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?")
_DAMAGED = (zipfile.BadZipFile, EOFError, zlib.error, ET.ParseError, ValueError, IndexError, KeyError)


@dataclass
class Sheet:
    """The cells of one sheet that hold a value.

    ``rows`` maps a row number to ``{column number: text}``; ``merged``
    lists merged ranges as ``(first row, first column, last row, last column,
    name)``; ``blank_formulas`` the cells whose formula has no saved value.
    """

    name: str
    rows: dict[int, dict[int, str]] = field(default_factory=dict)
    merged: list[tuple[int, int, int, int, str]] = field(default_factory=list)
    blank_formulas: set[tuple[int, int]] = field(default_factory=set)


def cell_text(value) -> str:
    """The text of a cell value as a spreadsheet shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def column_number(letters: str) -> int:
    """Column letters -> number (``A`` is 1)."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def cell_name(row: int, column: int) -> str:
    """``(1048576, 16384)`` -> ``XFD1048576``.

    >>> cell_name(1048576, 16384), cell_name(2, 28)
    ('XFD1048576', 'AB2')
    """
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


class Workbook:
    """An open .xlsx file: its sheets' names and parts, shared strings and date styles, read on demand."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.archive = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise DatasetError(reason("bad_workbook", file=path.name, error=str(exc))) from None
        self._strings: list[str] | None = None
        try:
            self._read_structure()
        except DatasetError:
            raise
        except _DAMAGED as exc:
            raise DatasetError(reason("damaged_workbook", file=path.name, error=str(exc))) from None

    def close(self) -> None:
        self.archive.close()

    def _open(self, member: str, what):
        """A stream over one part (``what``: its name, a message), after checking the size the zip declares for it."""
        info = self.archive.getinfo(member)
        if info.file_size > MAX_FILE_BYTES:
            raise DatasetError(reason("zip_bomb", file=self.path.name, part=what, member=member,
                                      size=size(info.file_size), most=size(MAX_FILE_BYTES)))
        return self.archive.open(member)

    def _xml(self, member: str, what) -> ET.Element:
        with self._open(member, what) as stream:
            return ET.parse(stream).getroot()

    def _read_structure(self) -> None:
        names = set(self.archive.namelist())
        book = "xl/workbook.xml"
        if "_rels/.rels" in names:
            for rel in self._xml("_rels/.rels", reason("part.relationships")):
                if rel.get("Type", "").endswith("/officeDocument"):
                    book = posixpath.normpath(rel.get("Target", book).lstrip("/"))
        root = self._xml(book, reason("part.workbook"))
        base = posixpath.dirname(book)
        rels_name = posixpath.join(base, "_rels", posixpath.basename(book) + ".rels")
        targets, self._styles_member, self._strings_member = {}, None, None
        if rels_name in names:
            for rel in self._xml(rels_name, reason("part.workbook_relationships")):
                target = rel.get("Target", "")
                member = posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join(base, target))
                targets[rel.get("Id")] = member
                kind = rel.get("Type", "")
                if kind.endswith("/styles"):
                    self._styles_member = member
                elif kind.endswith("/sharedStrings"):
                    self._strings_member = member
        self.sheets: dict[str, str | None] = {}
        self.epoch = dt.datetime(1899, 12, 30)
        for element in root.iter():
            tag = _local(element.tag)
            if tag == "workbookPr" and element.get("date1904") in ("1", "true"):
                self.epoch = dt.datetime(1904, 1, 1)
            elif tag == "sheet":
                rid = next((v for k, v in element.attrib.items() if _local(k) == "id"), None)
                member = targets.get(rid)
                self.sheets[element.get("name", "")] = member if member in names else None
        self._date_styles = self._read_date_styles() if self._styles_member in names else set()

    def _read_date_styles(self) -> set[int]:
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

        root = self._xml(self._styles_member, reason("part.styles"))
        custom = {int(e.get("numFmtId")): e.get("formatCode", "") for e in root.iter() if _local(e.tag) == "numFmt"}
        dates = set()
        for section in root:
            if _local(section.tag) == "cellXfs":
                for index, xf in enumerate(x for x in section if _local(x.tag) == "xf"):
                    code = custom.get(int(xf.get("numFmtId", 0))) or BUILTIN_FORMATS.get(int(xf.get("numFmtId", 0)))
                    if code and is_date_format(code):
                        dates.add(index)
        return dates

    @property
    def strings(self) -> list[str]:
        """The shared strings table (read on first use, streamed)."""
        if self._strings is None:
            self._strings = []
            if self._strings_member in self.archive.namelist():
                with self._open(self._strings_member, reason("part.strings")) as stream:
                    root = None
                    for event, element in ET.iterparse(stream, events=("start", "end")):
                        if event == "start":
                            root = root if root is not None else element
                            continue
                        if _local(element.tag) == "si":
                            self._strings.append(_inline_text(element))
                            root.clear()
        return self._strings

    def read_sheet(self, name: str, label: str) -> Sheet:
        """The cells of sheet ``name`` that hold a value (``label`` names it in messages)."""
        sheet = Sheet(name)
        member = self.sheets.get(name)
        if member is None:
            return sheet
        try:
            with self._open(member, reason("part.sheet", name=name)) as stream:
                self._stream_sheet(stream, sheet, label)
        except DatasetError:
            raise
        except _DAMAGED as exc:
            raise DatasetError(reason("damaged_sheet", file=label, error=str(exc))) from None
        return sheet

    def _stream_sheet(self, stream, sheet: Sheet, label: str) -> None:
        data = None
        row_number = cells = 0
        for event, element in ET.iterparse(stream, events=("start", "end")):
            tag = _local(element.tag)
            if event == "start":
                if tag == "sheetData":
                    data = element
                continue
            if tag == "row":
                row_number = int(element.get("r") or row_number + 1)
                if not 1 <= row_number <= _EXCEL_ROWS:
                    raise DatasetError(reason("row_outside", file=label, row=row_number, last=Number(_EXCEL_ROWS)))
                values = self._row_values(element, row_number, sheet, label)
                if values:
                    sheet.rows[row_number] = values
                    cells += len(values)
                    if len(sheet.rows) > MAX_ROWS + 1:
                        raise too_many_rows(label)
                    if cells > MAX_CELLS:
                        raise DatasetError(reason("too_many_cells", file=label, n=Number(MAX_CELLS)))
                if data is not None:
                    data.clear()
            elif tag == "mergeCell":
                found = _RANGE.fullmatch(element.get("ref", ""))
                if found:
                    first, row, last, end = found.groups()
                    sheet.merged.append((int(row), column_number(first), int(end or row),
                                         column_number(last or first), found.group(0).upper()))

    def _row_values(self, element, row_number: int, sheet: Sheet, label: str) -> dict[int, str]:
        values: dict[int, str] = {}
        column = 0
        for cell in element:
            if _local(cell.tag) != "c":
                continue
            ref = _REF.fullmatch(cell.get("r", ""))
            column = column_number(ref.group(1)) if ref else column + 1
            value, formula = self._cell_value(cell)
            text = cell_text(value)
            if not text:
                if formula:
                    sheet.blank_formulas.add((row_number, column))
                continue
            if column > MAX_COLUMNS:
                raise DatasetError(reason("far_cell", file=label, cell=cell_name(row_number, column),
                                          last=cell_name(row_number, MAX_COLUMNS)[:-len(str(row_number))],
                                          n=Number(MAX_COLUMNS)))
            values[column] = text
        return values

    def _cell_value(self, cell):
        """The saved value of a cell and whether it holds a formula."""
        kind = cell.get("t", "n")
        raw, formula = None, False
        for child in cell:
            tag = _local(child.tag)
            if tag == "v":
                raw = child.text
            elif tag == "f":
                formula = True
            elif tag == "is":
                return _inline_text(child), formula
        if raw is None:
            return None, formula
        if kind == "s":
            return self.strings[int(raw)], formula
        if kind in ("str", "e", "inlineStr"):
            return raw, formula
        if kind == "b":
            return raw.strip() in ("1", "true"), formula
        if kind == "d":
            return raw.strip()[:10] if raw.strip().endswith(("T00:00:00", "T00:00:00Z")) else raw, formula
        number = float(raw) if any(c in raw for c in ".eE") else int(raw)
        if int(cell.get("s", 0)) in self._date_styles:
            return _excel_date(number, self.epoch), formula
        return number, formula


def _excel_date(number: int | float, epoch: dt.datetime):
    """The day (or time) a date cell's serial number stands for; the number itself when it stands for none.

    Excel shows ``#####`` for a serial below 0 or past 31/12/9999 (2958465, 1900 date system), and no
    datetime holds such a day: the cell is then read as its number, which the date check reports, with
    the file, row and column, as it reports any other value that is not a date.
    """
    from openpyxl.utils.datetime import from_excel

    if not number >= 0:  # negative, or NaN
        return number
    try:
        return from_excel(number, epoch)
    except (OverflowError, ValueError):
        return number


def _inline_text(element) -> str:
    """The text of a shared or inline string: its ``t`` runs, phonetic guides (``rPh``) left out."""
    parts = []
    for child in element:
        tag = _local(child.tag)
        if tag == "t":
            parts.append(child.text or "")
        elif tag == "r":
            parts.extend(t.text or "" for t in child if _local(t.tag) == "t")
    return "".join(parts)

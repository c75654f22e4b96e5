"""Reading a dataset's files into raw tables of text, whatever Excel wrote.

This stage knows about files, encodings, delimiters and workbooks; it knows
nothing about what the columns mean (that is :mod:`.validation`). Every cell
comes out as a stripped ``str``; every row keeps the number a spreadsheet
shows for it (the header is row 1).

Examples
--------
>>> t = parse_csv_bytes("id;name\\r\\na1;Gaétane\\r\\n".encode("cp1252"), "actors", "actors.csv")
>>> t.columns, t.rows
(['id', 'name'], [(2, {'id': 'a1', 'name': 'Gaétane'})])
>>> t.encoding, t.delimiter
('cp1252', ';')
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from collabnet.errors import DatasetError, Problem

__all__ = ["RawTable", "TABLES", "read_tables", "parse_csv_bytes", "decode", "detect_delimiter"]

TABLES = ("actors", "groups", "memberships", "ties", "zones", "sectors")

csv.field_size_limit(2**31 - 1)


@dataclass
class RawTable:
    """One table as read: header names and text rows.

    ``rows`` holds ``(spreadsheet row number, {column: text})``; blank rows are
    skipped; rows that cannot be aligned with the header are not in ``rows``
    but in ``problems`` (so every row is either here or reported).
    """

    name: str
    label: str
    columns: list[str]
    rows: list[tuple[int, dict[str, str]]]
    problems: list[Problem] = field(default_factory=list)
    encoding: str = "utf-8"
    delimiter: str = ","

    @property
    def rows_read(self) -> int:
        """Data rows found in the file (used or reported)."""
        return len(self.rows) + sum(1 for p in self.problems if p.left_out and p.row > 0)


def decode(data: bytes) -> tuple[str, str]:
    """Decode file bytes: strict UTF-8 (BOM or not) first, then Windows-1252.

    Latin-1 is only the last resort: it never fails but silently corrupts
    ``€ ’ “ Œ`` that Windows-1252 maps (PITFALLS.md).

    >>> decode("€ François".encode("cp1252"))
    ('€ François', 'cp1252')
    >>> decode("\\ufeffid".encode("utf-8"))
    ('id', 'utf-8')
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" is UTF-16 with a BOM
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass  # a broken UTF-16 file: read it as bytes below; validation reports what it finds
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def detect_delimiter(header_line: str) -> str:
    """Pick ``,``, ``;`` or a tab from the header line: the one that splits it into most fields.

    Only the header decides: a name with a comma in a data row cannot fool it,
    and a one-column file is never split on a letter (PITFALLS.md).

    >>> detect_delimiter("id;name;kind"), detect_delimiter("id,name"), detect_delimiter('"a;b",c')
    (';', ',', ',')
    """
    counts = {}
    for delimiter in (",", ";", "\t"):
        fields = next(csv.reader([header_line], delimiter=delimiter), [])
        counts[delimiter] = len(fields)
    return max(counts, key=lambda d: (counts[d], d == ","))


def _header(names: list[str], label: str) -> list[str]:
    columns: list[str] = []
    for position, raw in enumerate(names, start=1):
        name = re.sub(r"\s+", " ", str(raw).replace("\ufeff", "")).strip().lower()
        if not name:
            name = f"column_{position}"
        if name in columns:
            raise DatasetError(f"{label}:1: {name}: the column appears twice in the header")
        columns.append(name)
    while columns and columns[-1].startswith("column_"):
        columns.pop()
    return columns


def _rows(records, columns: list[str], label: str, delimiter: str | None, table: RawTable) -> None:
    """Align records with the header; report what cannot be aligned."""
    header_key = [c for c in columns]
    first = header_key[0] if header_key else None
    for number, values in records:
        try:
            values = list(map(str.strip, values))  # the CSV reader and _cell_text give text
        except TypeError:
            values = ["" if v is None else str(v).strip() for v in values]
        if not any(values):
            continue
        if values[0].lower() == first and [v.lower() for v in values[: len(columns)]] == header_key:
            table.problems.append(Problem(label, number, columns[0], "the header row is repeated here; row ignored"))
            continue
        extra = values[len(columns):]
        if any(extra):
            table.problems.append(
                Problem(label, number, "(row)",
                        f"the row has {len(columns) + len(extra)} values but the header has {len(columns)} columns"
                        " (an unquoted delimiter inside a value?)")
            )
            continue
        if delimiter and len(values) == 1 and len(columns) > 1:
            other = "," if delimiter == ";" else ";"
            if other in values[0]:
                table.problems.append(
                    Problem(label, number, "(row)",
                            f"the row is separated by {other!r} but the file uses {delimiter!r}")
                )
                continue
        row = dict(zip(columns, values))
        for column in columns[len(values):]:
            row[column] = ""
        table.rows.append((number, row))


def parse_csv_bytes(data: bytes, name: str, label: str) -> RawTable:
    """Parse one CSV file's bytes into a :class:`RawTable`.

    Raises
    ------
    DatasetError
        When the file is empty or has no header.
    """
    text, encoding = decode(data)
    if "\x00" in text:
        raise DatasetError(f"{label}: not a text file (NUL bytes: a binary file, or a damaged UTF-16 file?); "
                           "save it as CSV UTF-8")
    if not text.strip():
        raise DatasetError(f"{label}: the file is empty (expected a header row)")
    skipped = 0
    first = text.splitlines()[0].strip()
    match = re.fullmatch(r'"?sep=(.)"?[,;]*', first, flags=re.IGNORECASE)
    delimiter = None
    if match:  # Excel's "sep=;" hint line: not a row a spreadsheet shows
        delimiter = match.group(1)
        text = text.split("\n", 1)[1] if "\n" in text else ""
        skipped = 1
    body = text.lstrip("\r\n") if skipped else text
    first_line = next((line for line in body.splitlines() if line.strip()), "")
    if not first_line:
        raise DatasetError(f"{label}: the file is empty (expected a header row)")
    delimiter = delimiter or detect_delimiter(first_line)
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter)
    records = [(i, r) for i, r in enumerate(reader, start=1)]
    while records and not any(v.strip() for v in records[0][1]):
        records.pop(0)
    if not records:
        raise DatasetError(f"{label}: the file is empty (expected a header row)")
    header = records[0][1]
    columns = _header(header, label)
    table = RawTable(name, label, columns, [], encoding=encoding, delimiter=delimiter)
    # Row numbers are the spreadsheet's: blank lines above the header count, as Excel shows them.
    _rows(records[1:], columns, label, delimiter, table)
    return table


def _cell_text(value) -> str:
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


def _formula_cells(path: Path, sheet_names: list[str]) -> dict[str, set[tuple[int, int]]]:
    """Cells holding a formula, per sheet (only loaded when the workbook has any)."""
    with zipfile.ZipFile(path) as archive:
        if not any(b"<f" in archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")):
            return {}
    import openpyxl

    book = openpyxl.load_workbook(path, data_only=False)
    found: dict[str, set[tuple[int, int]]] = {}
    for sheet_name in sheet_names:
        cells = set()
        for row in book[sheet_name].iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cells.add((cell.row, cell.column))
        found[sheet_name] = cells
    return found


def read_workbook(path: Path) -> tuple[dict[str, RawTable], list[Problem]]:
    """Read the contract's sheets of an ``.xlsx`` workbook.

    Merged cells are filled with their top-left value (with a warning);
    formulas without a saved value are reported, never read as empty in silence.
    """
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken files
        raise DatasetError(f"{path.name}: cannot read the workbook ({exc.__class__.__name__}: {exc})") from None
    by_name = {s.strip().lower(): s for s in book.sheetnames}
    notes: list[Problem] = []
    wanted = [by_name[t] for t in TABLES if t in by_name]
    formulas = _formula_cells(path, wanted)
    tables: dict[str, RawTable] = {}
    for table_name in TABLES:
        if table_name not in by_name:
            continue
        sheet = book[by_name[table_name]]
        label = f"{path.name}[{by_name[table_name]}]"
        grid = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
        for merged in sorted(sheet.merged_cells.ranges, key=str):
            top = grid[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= len(grid) else None
            for r in range(merged.min_row, min(merged.max_row, len(grid)) + 1):
                for c in range(merged.min_col, merged.max_col + 1):
                    while len(grid[r - 1]) < c:
                        grid[r - 1] = (*grid[r - 1], None)
                    row = list(grid[r - 1])
                    row[c - 1] = top
                    grid[r - 1] = row
            if merged.max_row > 1:
                notes.append(Problem(label, merged.min_row, str(merged),
                                     "merged cells: the top-left value is used for every cell", left_out=False))
        blank_formulas = {
            cell for cell in formulas.get(by_name[table_name], set())
            if cell[0] <= len(grid) and cell[1] <= len(grid[cell[0] - 1]) and grid[cell[0] - 1][cell[1] - 1] is None
        }
        records = [(i, [_cell_text(v) for v in row]) for i, row in enumerate(grid, start=1)]
        while records and not any(records[0][1]):
            records.pop(0)
        if not records:
            notes.append(Problem(label, 0, "(sheet)", "the sheet is empty", left_out=False))
            if table_name == "actors":
                raise DatasetError(f"{label}: the sheet is empty (expected a header row)")
            continue
        header_number, header = records[0]
        columns = _header(header, label)
        table = RawTable(table_name, label, columns, [], encoding="xlsx", delimiter="")
        for (r, c) in sorted(blank_formulas):
            if r > header_number and c <= len(columns):
                table.problems.append(Problem(
                    label, r, columns[c - 1],
                    "a formula without a saved value (open and save the workbook in Excel, or paste values)",
                    left_out=False))
        _rows(records[1:], columns, label, None, table)
        tables[table_name] = table
    for sheet_name in book.sheetnames:
        if sheet_name.strip().lower() not in TABLES:
            notes.append(Problem(f"{path.name}[{sheet_name}]", 0, "(sheet)",
                                 "not a dataset sheet; ignored", left_out=False))
    return tables, notes


def read_folder(path: Path) -> tuple[dict[str, RawTable], list[Problem]]:
    """Read the contract's CSV files of a folder (``actors.csv`` … matched case-insensitively)."""
    files = {p.stem.strip().lower(): p for p in sorted(path.iterdir()) if p.suffix.lower() in (".csv", ".txt")}
    tables = {}
    notes: list[Problem] = []
    for table_name in TABLES:
        if table_name not in files:
            continue
        file = files[table_name]
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise DatasetError(f"{file.name}: cannot read the file ({exc.strerror})") from None
        if not data.strip() and table_name != "actors":
            notes.append(Problem(file.name, 0, "(file)", "the file is empty; no rows read", left_out=False))
            continue
        tables[table_name] = parse_csv_bytes(data, table_name, file.name)
    return tables, notes


def read_tables(path: str | Path) -> tuple[dict[str, RawTable], list[Problem]]:
    """Read a dataset (CSV folder or ``.xlsx`` workbook) into raw tables.

    Returns the tables found (by contract name) and file-level notes.

    Raises
    ------
    DatasetError
        The path does not exist, is not a folder or workbook, or has no ``actors`` table.
    """
    source = Path(path)
    if not source.exists():
        raise DatasetError(f"{source}: no such file or folder")
    if source.is_dir():
        tables, notes = read_folder(source)
        missing_label = f"{source.name}/actors.csv"
    elif source.suffix.lower() in (".xlsx", ".xlsm"):
        tables, notes = read_workbook(source)
        missing_label = f"{source.name}[actors]"
    else:
        raise DatasetError(f"{source.name}: a dataset is a folder of CSV files or an .xlsx workbook")
    if "actors" not in tables:
        raise DatasetError(f"{missing_label}: no actors table (the only required table)")
    return tables, notes

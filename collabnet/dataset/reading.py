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
import difflib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from collabnet.codes import normalise
from collabnet.dataset.limits import MAX_FILE_BYTES, MAX_ROWS, size, too_many_rows
from collabnet.dataset.names import canonical_columns, spellings, table_of
from collabnet.errors import DatasetError, Problem, reason
from collabnet.records.messages import Both, Message, Number

__all__ = ["RawTable", "TABLES", "read_tables", "parse_csv_bytes", "decode", "detect_delimiter"]

TABLES = ("actors", "groups", "memberships", "ties", "zones", "sectors")

csv.field_size_limit(2**31 - 1)


@dataclass
class RawTable:
    """One table as read: header names and text rows.

    ``rows`` holds ``(spreadsheet row number, {column: text})``; blank rows are
    skipped; rows that cannot be aligned with the header are not in ``rows``
    but in ``problems`` (so every row is either here or reported). A dataset
    table's Dutch or French headers are renamed to the contract's names
    (:mod:`collabnet.dataset.names`); ``written`` keeps what the header said,
    for messages.
    """

    def header(self, column: str) -> str:
        """The header of ``column`` as the file writes it (``depuis`` for ``since``)."""
        return self.written.get(column, column)

    name: str
    label: str
    columns: list[str]
    rows: list[tuple[int, dict[str, str]]]
    problems: list[Problem] = field(default_factory=list)
    encoding: str = "utf-8"
    delimiter: str = ","
    written: dict[str, str] = field(default_factory=dict)  # contract column -> its header as written (nl / fr)

    @property
    def rows_read(self) -> int:
        """Data rows found in the file (used or reported)."""
        return len(self.rows) + sum(1 for p in self.problems if p.left_out and p.row > 0)


def decode(data: bytes) -> tuple[str, str]:
    """Decode file bytes: UTF-8 (BOM or not) first, then Windows-1252.

    Latin-1 is only the last resort: it never fails but silently corrupts
    ``€ ’ “ Œ`` that Windows-1252 maps (bytes 0x80-0x9F). A UTF-8 file with a few
    invalid bytes stays UTF-8 (one bad byte must not turn every ``é`` into
    ``Ã©``): a file is UTF-8 when its valid UTF-8 characters beyond ASCII are
    at least as many as its invalid bytes. The invalid bytes come out as
    lone surrogates (``errors="surrogateescape"``), so that the rows holding
    them are reported (:func:`parse_csv_bytes`).

    >>> decode("€ François".encode("cp1252"))
    ('€ François', 'cp1252')
    >>> decode("\\ufeffid".encode("utf-8"))
    ('id', 'utf-8')
    >>> decode("Gaétane;Pâques;".encode("utf-8") + b"\\xe9")
    ('Gaétane;Pâques;\\udce9', 'utf-8')
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
    text = data.decode("utf-8-sig", "surrogateescape")
    invalid = sum(1 for _ in _INVALID.finditer(text))
    if sum(1 for _ in _BEYOND_ASCII.finditer(text)) >= invalid:
        return text, "utf-8"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


_INVALID = re.compile("[\udc80-\udcff]")
_BEYOND_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")


def detect_delimiter(header_line: str) -> str:
    """Pick ``,``, ``;`` or a tab from the header line: the one that splits it into most fields.

    Only the header decides: a name with a comma in a data row cannot fool it,
    and a one-column file is never split on a letter (as csv.Sniffer does).

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
            raise DatasetError(reason("column_twice", file=label, column=name))
        columns.append(name)
    while columns and columns[-1].startswith("column_"):
        columns.pop()
    return columns


def _rows(records, columns: list[str], label: str, delimiter: str | None, table: RawTable,
          width: int | None = None) -> None:
    """Align records with the header; report what cannot be aligned.

    ``width``: the header's cells, unnamed ones at its end included; None for a
    sheet, whose cells are never a delimiter typed by mistake. A value under an
    unnamed header cell (and, in a sheet, any cell right of the header) is kept in
    a column ``column_N``, N its position, as an unnamed cell in the middle of the
    header is; such a column is added only where a row has a value. In a CSV file,
    a row with more values than the header has cells is an error.
    """
    named = len(columns)
    header_key = [c for c in columns]
    first = header_key[0] if header_key else None
    for number, values in records:
        try:
            values = list(map(str.strip, values))  # the CSV reader and the sheet reader give text
        except TypeError:
            values = ["" if v is None else str(v).strip() for v in values]
        if not any(values):
            continue
        if values[0].lower() == first and [v.lower() for v in values[:named]] == header_key:
            table.problems.append(Problem(label, number, columns[0], reason("header_repeated")))
            continue
        extra = values[named:]
        if any(extra) and width is not None and len(values) > width:
            table.problems.append(Problem(label, number, "(row)", reason(
                "too_many_values", values=len(values), columns=reason("n.columns", n=width))))
            continue
        if delimiter and len(values) == 1 and named > 1:
            other = "," if delimiter == ";" else ";"
            if other in values[0]:
                table.problems.append(
                    Problem(label, number, "(row)", reason("other_delimiter", other=other, delimiter=delimiter)))
                continue
        row = dict(zip(columns[:named], values))
        for column in columns[len(values):named]:
            row[column] = ""
        for position, value in enumerate(extra, start=named + 1):
            if value:
                column = f"column_{position}"
                if column not in columns:
                    columns.append(column)
                row[column] = value
        table.rows.append((number, row))
    if len(columns) > named:  # columns found right of the named header: empty in the rows without a value there
        for _number, row in table.rows:
            for column in columns[named:]:
                row.setdefault(column, "")


def parse_csv_bytes(data: bytes, name: str, label: str) -> RawTable:
    """Parse one CSV file's bytes into a :class:`RawTable`.

    A row holding a byte that is not valid in the file's encoding, and a row
    whose quote is never closed (its value would swallow the rows after it),
    are reported and left out; the lines after an unclosed quote are read
    as rows.

    >>> t = parse_csv_bytes(b'id,name,zone\\n1,"Forest,south\\n2,Uccle,south\\n', "actors", "actors.csv")
    >>> [n for n, _ in t.rows]
    [3]
    >>> print(t.problems[0])  # doctest: +NORMALIZE_WHITESPACE
    actors.csv:2: name: a quote opened here is never closed: the value runs over 1 more line(s) of the file, up to
    its end; the row is left out and the lines after it are read as rows (close the quote)

    Raises
    ------
    DatasetError
        When the file is empty, has no header, or more than
        :data:`~collabnet.dataset.limits.MAX_ROWS` rows.
    """
    text, encoding = decode(data)
    if "\x00" in text:
        raise DatasetError(reason("not_text", file=label))
    if not text.strip():
        raise DatasetError(reason("empty_file", file=label))
    delimiter = None
    first = _LINE.match(text)
    match = re.fullmatch(r'"?sep=(.)"?[,;]*', first.group().strip(), flags=re.IGNORECASE)
    if match:  # Excel's "sep=;" hint line: not a row a spreadsheet shows
        delimiter = match.group(1)
        text = text[first.end():]
    header_line = re.search(r"[^\r\n]*[^\s][^\r\n]*", text)
    if header_line is None:
        raise DatasetError(reason("empty_file", file=label))
    delimiter = delimiter or detect_delimiter(header_line.group())
    table = RawTable(name, label, [], [], encoding=encoding, delimiter=delimiter)
    records = _records(text, delimiter, table)
    # Row numbers are the spreadsheet's: blank lines above the header count, as Excel shows them.
    header = next(((n, r) for n, r in records if any(v.strip() for v in r)), None)
    if header is None:
        raise DatasetError(reason("empty_file", file=label))
    if any(_INVALID.search(v) for v in header[1]):
        raise DatasetError(reason("header_byte", file=label, row=header[0], encoding=encoding.upper()))
    table.columns = _header(header[1], label)
    _rows(_readable(records, table) if _INVALID.search(text) else records, table.columns, label, delimiter, table,
          len(header[1]))
    return table


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_EXCEL_LINE_BREAKS = 253  # the most line breaks Excel keeps in one cell


def _records(text: str, delimiter: str, table: RawTable):
    """``(spreadsheet row number, values)`` of every record of ``text``, a quote never closed reported.

    A value that runs over line ends and holds lines that look like rows
    (as many delimiters as the header needs), more line breaks than Excel
    keeps in a cell, or runs to the end of the file inside its quote, comes
    from a quote never closed: its row is reported, and reading starts again
    on the line after the one where the quote opened.
    """
    position, number = 0, 0
    text_end = len(text.rstrip("\r\n"))
    while True:
        starts: list[int] = []
        reader = csv.reader(_lines(text, position, starts), delimiter=delimiter)
        restart = None
        while True:
            starts.clear()
            try:
                values = next(reader)
            except StopIteration:
                break
            number += 1
            if number > MAX_ROWS + 1:
                raise too_many_rows(table.label)
            if len(starts) > 1:
                last = _LINE.search(text, starts[-1]).end() >= text_end
                runaway = _runaway(values, last and _ends_inside_quote(text, starts[0], delimiter), delimiter,
                                   len(table.columns) or len(values), len(starts) - 1)
                if runaway is not None:
                    position_, why = runaway
                    column = table.columns[position_] if position_ < len(table.columns) else "(row)"
                    if not table.columns:  # the header itself
                        raise DatasetError(reason("at_row", file=table.label, row=number, reason=why))
                    table.problems.append(Problem(table.label, number, column, why))
                    restart = starts[1]
                    break
            yield number, values
        if restart is None:
            return
        position = restart


def _lines(text: str, position: int, starts: list[int]):
    """The lines of ``text`` from ``position``, each line's offset appended to ``starts``."""
    for line in _LINE.finditer(text, position):
        starts.append(line.start())
        yield line.group()


def _runaway(values: list[str], ends_open: bool, delimiter: str, width: int, lines: int):
    """``(column position, reason)`` when a value of a record over several lines comes from a quote never closed.

    ``ends_open``: the record runs to the end of the file inside its quote; ``lines``: the lines it runs over.
    """
    needed = max(2, width - 1)
    for position, value in enumerate(values):
        breaks = value.count("\n") + value.count("\r") - value.count("\r\n")
        if not breaks:
            continue
        looks_like_rows = any(line.count(delimiter) >= needed for line in re.split(r"\r\n|\r|\n", value)[1:])
        if breaks > _EXCEL_LINE_BREAKS or ends_open or looks_like_rows:
            return position, reason("unclosed_quote.end" if ends_open else "unclosed_quote.rows", n=lines)
    return None


def _ends_inside_quote(text: str, start: int, delimiter: str) -> bool:
    """Whether the last record of ``text``, which starts at ``start``, ends inside an open quote."""
    try:
        list(csv.reader(_lines(text, start, []), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _readable(records, table: RawTable):
    """The records, less those holding a byte the file's encoding cannot read (reported)."""
    for number, values in records:
        bad = next((i for i, v in enumerate(values) if _INVALID.search(v)), None)
        if bad is None:
            yield number, values
            continue
        value = values[bad]
        byte = ord(_INVALID.search(value).group()) - 0xDC00
        column = table.columns[bad] if bad < len(table.columns) else "(row)"
        shown = _INVALID.sub("\N{REPLACEMENT CHARACTER}", value.strip())
        table.problems.append(Problem(table.label, number, column, reason(
            "bad_byte", byte=f"0x{byte:02X}", value=shown, encoding=table.encoding.upper())))


def read_workbook(path: Path) -> tuple[dict[str, RawTable], list[Problem]]:
    """Read the contract's sheets of an ``.xlsx`` workbook (only the cells that exist, within the caps).

    Merged cells are filled with their top-left value (with a warning);
    formulas without a saved value are reported, never read as empty in silence.
    Two sheets for one table (``actors`` and ``Actors ``) are an error;
    every other sheet is listed as not read.
    """
    from collabnet.dataset.limits import MAX_CELLS
    from collabnet.dataset.sheets import Workbook

    book = Workbook(path)
    try:
        names = list(book.sheets)
        by_table: dict[str, list[str]] = {}
        notes: list[Problem] = []
        for sheet_name in names:
            key = table_of(sheet_name)
            if key is not None:
                by_table.setdefault(key, []).append(sheet_name)
            else:
                notes.append(Problem(f"{path.name}[{sheet_name}]", 0, "(sheet)",
                                     reason("not_a_sheet", hint=_did_you_mean(sheet_name, "")), left_out=False))
        for table_name, found in by_table.items():
            if len(found) > 1:
                raise DatasetError(reason("two_sheets", file=path.name, sheets=_quoted(found), table=table_name))
        tables: dict[str, RawTable] = {}
        for table_name in TABLES:
            if table_name not in by_table:
                continue
            sheet_name = by_table[table_name][0]
            label = f"{path.name}[{sheet_name}]"
            sheet = book.read_sheet(sheet_name, label)
            rows = sheet.rows
            last_row = max(rows, default=0)
            last_column = max((max(r) for r in rows.values()), default=0)
            filled = sum(len(r) for r in rows.values())
            for first_row, first_column, end_row, end_column, name_ in sorted(sheet.merged, key=lambda m: m[4]):
                top = rows.get(first_row, {}).get(first_column)
                for r in range(first_row, min(end_row, last_row) + 1):
                    for c in range(first_column, min(end_column, last_column) + 1):
                        if top is not None:
                            rows.setdefault(r, {})[c] = top
                            filled += 1
                    if filled > MAX_CELLS:
                        raise DatasetError(reason("merged_too_many", file=label, range=name_, n=Number(MAX_CELLS)))
                if end_row > 1:
                    notes.append(Problem(label, first_row, name_, reason("merged"), left_out=False))
            records = [(n, [rows[n].get(c, "") for c in range(1, max(rows[n]) + 1)]) for n in sorted(rows)]
            if not records:
                notes.append(Problem(label, 0, "(sheet)", reason("empty_sheet"), left_out=False))
                if table_name == "actors":
                    raise DatasetError(reason("empty_actors_sheet", file=label))
                continue
            header_number, header = records[0]
            columns = _header(header, label)
            table = RawTable(table_name, label, columns, [], encoding="xlsx", delimiter="")
            for (r, c) in sorted(sheet.blank_formulas):
                if r > header_number and c <= len(columns) and not rows.get(r, {}).get(c):
                    table.problems.append(Problem(label, r, columns[c - 1], reason("formula"), left_out=False))
            _rows(records[1:], columns, label, None, table)
            tables[table_name] = _named(table)
    finally:
        book.close()
    return tables, notes


def _did_you_mean(name: str, suffix: str) -> Message | str:
    """`` (did you mean 'memberships.csv'?)`` for a name close to a spelling of a table's, else empty.

    >>> from collabnet.words import plain
    >>> [plain("en").say(_did_you_mean(*a)) for a in (("memberschips", ".csv"), ("tiess", ""), ("notes", ".csv"))]
    [" (did you mean 'memberships.csv'?)", " (did you mean 'ties'?)", '']
    >>> plain("nl").say(_did_you_mean("Lidmaatschapen", ""))
    " (bedoelt u 'lidmaatschappen'?)"
    """
    spelled = {normalise(n): n for t in TABLES for n in spellings(t)}
    close = difflib.get_close_matches(normalise(name), list(spelled), n=1, cutoff=0.75)
    return reason("did_you_mean", spelling=spelled[close[0]] + suffix) if close else ""


#: Per table, the columns collabnet computes itself (``row``: the spreadsheet row of every record; an actor's
#: ``sectors`` and ``family``: from its sector). A file's column of that name is kept under another name.
COMPUTED = {"actors": ("row", "sectors", "family")}


def _named(table: RawTable) -> RawTable:
    """``table`` with its Dutch or French headers renamed to the contract's (:mod:`collabnet.dataset.names`).

    A column collabnet computes (:data:`COMPUTED`) is renamed ``NAME (as written)``, with a note.
    """
    columns = canonical_columns(table.name, table.columns, table.label)
    for position, column in enumerate(columns):  # after the spellings: ``sectors`` alone is the sector column
        if column in COMPUTED.get(table.name, ("row",)):
            kept, n = f"{column} (as written)", 1
            while kept in columns:
                n += 1
                kept = f"{column} (as written {n})"
            columns[position] = kept
            table.problems.append(Problem(table.label, 1, table.columns[position],
                                          reason("column_computed", column=column, kept=kept), left_out=False))
    renamed = {old: new for old, new in zip(table.columns, columns) if old != new}
    if renamed:
        table.written = {new: old for old, new in renamed.items()}
        table.columns = columns
        table.rows = [(number, {renamed.get(k, k): v for k, v in values.items()}) for number, values in table.rows]
    return table


def _quoted(names: list[str]) -> Both:
    """``'a', 'b' and 'c'`` in the reader's language."""
    return Both(tuple(repr(n) for n in names))


def _regular_file(path: Path, label: str) -> int:
    """The size of ``path``, refusing what is not a regular file or is beyond the size cap."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise DatasetError(reason("cannot_read", file=label, error=exc.strerror)) from None
    if not stat.S_ISREG(info.st_mode):
        raise DatasetError(reason("not_regular", file=label))
    if info.st_size > MAX_FILE_BYTES:
        raise DatasetError(reason("file_too_big", file=label, size=size(info.st_size), most=size(MAX_FILE_BYTES)))
    return info.st_size


def _read_capped(path: Path, label: str) -> bytes:
    """The bytes of a regular file, never more than the size cap (the file may grow while read)."""
    _regular_file(path, label)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise DatasetError(reason("cannot_read", file=label, error=exc.strerror)) from None
    if len(data) > MAX_FILE_BYTES:
        raise DatasetError(reason("file_grew", file=label, most=size(MAX_FILE_BYTES)))
    return data


#: Files collabnet itself writes next to a dataset's tables: listed as not read, saying what they are
#: (the key of the message that says it, ``problem.companion.<key>``).
COMPANION_FILES = {"edges.csv": "edges", "review.csv": "review", "truth.json": "truth"}


def about_an_entry_not_read(problem: Problem) -> bool:
    """Whether ``problem`` is about a file or sheet of the dataset that is no table of it, collabnet's own
    companion files (:data:`COMPANION_FILES`) aside: an entry whose name the user chose."""
    return problem.column in ("(file)", "(sheet)") and problem.file.lower() not in COMPANION_FILES


def read_folder(path: Path) -> tuple[dict[str, RawTable], list[Problem]]:
    """Read the contract's CSV files of a folder (``actors.csv`` … matched case-insensitively).

    Every other entry of the folder is listed as not read (with a "did you
    mean" for a near miss); two files for one table are an error naming both.
    """
    by_table: dict[str, list[Path]] = {}
    notes: list[Problem] = []
    for entry in sorted(path.iterdir(), key=lambda p: p.name):
        key = table_of(entry.stem)
        if entry.suffix.lower() in (".csv", ".txt") and key is not None:
            by_table.setdefault(key, []).append(entry)
            continue
        if entry.is_dir():
            why = reason("folder")
        elif not entry.is_file():
            why = reason("not_regular_entry")
        elif entry.name.lower() in COMPANION_FILES:
            why = reason(f"companion.{COMPANION_FILES[entry.name.lower()]}")
        else:
            why = reason("not_a_file", hint=_did_you_mean(entry.stem, ".csv"))
        notes.append(Problem(entry.name, 0, "(file)", why, left_out=False))
    for table_name, files in by_table.items():
        if len(files) > 1:
            raise DatasetError(reason("two_files", files=_quoted([f.name for f in files]), n=len(files),
                                      table=table_name))
    tables = {}
    for table_name in TABLES:
        if table_name not in by_table:
            continue
        file = by_table[table_name][0]
        data = _read_capped(file, file.name)
        if not data.strip() and table_name != "actors":
            notes.append(Problem(file.name, 0, "(file)", reason("empty_table_file"), left_out=False))
            continue
        tables[table_name] = _named(parse_csv_bytes(data, table_name, file.name))
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
        raise DatasetError(reason("no_such_path", path=source))
    if source.is_dir():
        tables, notes = read_folder(source)
        missing_label, found = f"{source.name}/actors.csv", "files"
    elif source.suffix.lower() in (".xlsx", ".xlsm"):
        _regular_file(source, source.name)
        tables, notes = read_workbook(source)
        missing_label, found = f"{source.name}[actors]", "sheets"
    else:
        raise DatasetError(reason("not_a_dataset", file=source.name))
    if "actors" not in tables:
        names = [t.label for t in tables.values()] + [n.file for n in notes if n.column in ("(file)", "(sheet)")]
        if found == "sheets":
            names = [n[len(source.name) + 1:-1] for n in names if n.startswith(source.name + "[")]
        shown = ", ".join(repr(n) for n in sorted(set(names))) or reason("none" if found == "files" else "none.f")
        raise DatasetError(reason(f"no_actors.{found}", file=missing_label, found=shown))
    return tables, notes

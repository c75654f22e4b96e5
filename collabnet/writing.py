"""Safe writing of output files: atomic, inside the chosen folder, spreadsheet-safe.

Examples
--------
>>> safe_cell("=HYPERLINK(\\"x\\")")
'\\'=HYPERLINK("x")'
>>> safe_cell(-0.5)
-0.5
>>> safe_cell("Maison médicale")
'Maison médicale'
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

__all__ = ["atomic_write_bytes", "atomic_write_text", "safe_cell", "sheet_cell", "sheet_title", "csv_text",
           "format_value", "write_csv", "safe_name", "inside", "xlsx_bytes"]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def safe_cell(value: Any) -> Any:
    """Neutralise a text cell that a spreadsheet would evaluate as a formula.

    Text starting with ``=``, ``+``, ``-``, ``@`` (or a tab / carriage
    return) gets a leading apostrophe, as OWASP recommends for CSV
    injection. Numbers and booleans are returned unchanged.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def sheet_cell(value: Any) -> Any:
    """A workbook cell: text neutralised like :func:`safe_cell`, without the control characters XML cannot hold.

    >>> sheet_cell("=1+1"), sheet_cell("a\\x07b"), sheet_cell(3), sheet_cell(None)
    ("'=1+1", 'ab', 3, None)
    """
    if isinstance(value, str):
        return safe_cell(_ILLEGAL_XML.sub("", value))
    return value


def sheet_title(name: str) -> str:
    """A sheet name that no spreadsheet reads as a formula: ``_`` before a formula start.

    Excel refuses an apostrophe at either end of a sheet name, so names are
    neutralised with an underscore, not with :func:`safe_cell`'s apostrophe.

    >>> sheet_title("=HYPERLINK(1)"), sheet_title("Zuid")
    ('_=HYPERLINK(1)', 'Zuid')
    """
    return "_" + name if name.startswith(_FORMULA_STARTS) else name


def safe_name(text: str) -> str:
    """A file-name part made from user data (a zone code, a dataset name): no path can hide in it.

    >>> safe_name("south"), safe_name("../../etc/passwd"), safe_name("Centre-Ouest é")
    ('south', 'etc-passwd', 'centre-ouest-e')
    """
    import unicodedata

    folded = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii").lower()
    slug = "-".join(part for part in re.split(r"[^a-z0-9_]+", folded) if part)
    return slug[:80] or "unnamed"


def inside(folder: str | os.PathLike, name: str) -> Path:
    """``folder / name``, refusing any name that would leave ``folder``.

    >>> inside("out", "report-south.html").as_posix()
    'out/report-south.html'
    """
    base = Path(folder)
    target = base / name
    if Path(name).is_absolute() or ".." in Path(name).parts:
        raise ValueError(f"refusing to write outside {base}: {name!r}")
    return target


def format_value(value: Any) -> str:
    """Format one cell the way every collabnet table does.

    Floats are rounded to 6 decimals (no exponent, no trailing zeros),
    booleans are ``true`` / ``false``, ``None`` is empty.

    >>> [format_value(v) for v in (1/3, 2.0, True, None, 7, "x")]
    ['0.333333', '2', 'true', '', '7', 'x']
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        text = f"{round(value, 6):.6f}".rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text
    if isinstance(value, int):
        return str(value)
    try:  # numpy scalars
        import numpy as np

        if isinstance(value, np.generic):
            return format_value(value.item())
    except ImportError:  # pragma: no cover
        pass
    return str(safe_cell(str(value)))


def csv_text(columns: Sequence[str], rows: Iterable[Sequence[Any] | dict], *, neutralise: bool = True) -> str:
    """Render rows as contract CSV text (UTF-8, comma, one header row, ``\\n`` line ends).

    Header cells are cells too: they are neutralised like the values.
    ``neutralise=False`` copies text verbatim (a dataset written by
    ``collabnet convert``, which promises identity, not a report).

    >>> print(csv_text(["a", "=b"], [[1, "=x"], {"a": 0.5, "=b": None}]), end="")
    a,'=b
    1,'=x
    0.5,
    >>> print(csv_text(["phone"], [["+32 2 555 01 00"]], neutralise=False), end="")
    phone
    +32 2 555 01 00
    """
    cell = format_value if neutralise else _verbatim
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([cell(c) for c in columns])
    for row in rows:
        values = [row.get(c) for c in columns] if isinstance(row, dict) else row
        writer.writerow([cell(v) for v in values])
    return buffer.getvalue()


def _verbatim(value: Any) -> str:
    return value if isinstance(value, str) else format_value(value)


def write_csv(path: str | os.PathLike, columns: Sequence[str], rows: Iterable[Sequence[Any] | dict]) -> Path:
    """Write a contract CSV atomically and return its path."""
    return atomic_write_text(path, csv_text(columns, rows))


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    An interrupted run leaves the previous file intact: readers see either
    the old file or the new one, never a half-written one.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return target


def atomic_write_text(path: str | os.PathLike, text: str) -> Path:
    """Write UTF-8 text atomically (see :func:`atomic_write_bytes`)."""
    return atomic_write_bytes(path, text.encode("utf-8"))


_FIXED_TIME = (2000, 1, 1, 0, 0, 0)


_FORMULA_ELEMENT = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _without_formulas(data: bytes) -> bytes:
    """``data`` (an .xlsx file), after checking that no worksheet holds a formula element."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and _FORMULA_ELEMENT.search(archive.read(name)):
                raise AssertionError(f"a formula in {name}: collabnet never writes formulas")
    return data


def xlsx_bytes(build: Callable[[Any], None], *, neutralise: bool = True) -> bytes:
    """A new workbook, filled by ``build(book)`` (an in-memory ``xlsxwriter.Workbook``), as bytes.

    XlsxWriter is collabnet's workbook writer: it writes only what is asked,
    fast, with fixed zip timestamps; the document date is fixed here, so the
    same content gives the same bytes. Text is never turned into a formula,
    a number or a link, and ``write_formula`` is refused. Every text cell
    (header cells included), sheet name and document property is neutralised
    here (:func:`sheet_cell`, :func:`sheet_title`); ``neutralise=False``
    writes text verbatim (``collabnet convert``: a dataset, not a report).

    >>> import zipfile
    >>> data = xlsx_bytes(lambda book: book.add_worksheet("all").write_string(0, 0, "=1+1"))
    >>> data == xlsx_bytes(lambda book: book.add_worksheet("all").write_string(0, 0, "=1+1"))
    True
    >>> b"<f>" in zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    False
    >>> b"'=1+1" in zipfile.ZipFile(io.BytesIO(data)).read("xl/sharedStrings.xml")
    True
    """
    import datetime as dt

    raw = io.BytesIO()
    book = _xlsxwriter_classes()[neutralise](
        raw, {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False})
    book.set_properties({"created": dt.datetime(*_FIXED_TIME), "author": "", "comments": ""})
    build(book)
    book.close()
    _let_go(book)
    return _without_formulas(raw.getvalue())


def _let_go(book) -> None:
    """Break the reference cycles of a closed XlsxWriter workbook, so that reference counting frees it at once.

    Each worksheet holds a bound method of its workbook: with Python's
    collector paused (as the renderers and the whole console command run, see
    :mod:`collabnet.runtime`) a workbook and all its cells would otherwise stay
    in memory until the collector resumes, if ever; at 50,000 organisations
    analysis.xlsx held 0.2 GB that way through every later file.
    """
    for sheet in book.worksheets():
        sheet.__dict__.clear()
    book.__dict__.clear()


@functools.cache
def _xlsxwriter_classes() -> dict[bool, type]:
    """XlsxWriter's Workbook, neutralising (``True``) or verbatim (``False``); neither writes a formula."""
    import xlsxwriter
    from xlsxwriter.worksheet import Worksheet

    def refuse(self, *args, **kwargs):
        raise TypeError("collabnet writes no formulas")

    class SafeSheet(Worksheet):
        _write_formula = _write_array_formula = write_dynamic_array_formula = refuse

        def _write_string(self, row, col, string, cell_format=None):
            return super()._write_string(row, col, sheet_cell(string), cell_format)

    class VerbatimSheet(SafeSheet):
        def _write_string(self, row, col, string, cell_format=None):
            return Worksheet._write_string(self, row, col, string, cell_format)

    class SafeBook(xlsxwriter.Workbook):
        worksheet_class = SafeSheet

        def add_worksheet(self, name=None, worksheet_class=None):
            return super().add_worksheet(None if name is None else sheet_title(name), worksheet_class)

        def set_properties(self, properties):
            super().set_properties({k: sheet_cell(v) for k, v in properties.items()})

    class VerbatimBook(xlsxwriter.Workbook):
        worksheet_class = VerbatimSheet

    return {True: SafeBook, False: VerbatimBook}

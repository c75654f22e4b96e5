"""Reading a list a coordinator keeps (sign-in sheet, member list): CSV or one sheet of a workbook.

CSV files go through the dataset reader (:func:`collabnet.dataset.reading.parse_csv_bytes`:
encodings, ``;`` or ``,``, Excel's ``sep=`` line, rows that do not fit the
header). A workbook's sheet is turned into the same text rows, so both give
a :class:`~collabnet.dataset.reading.RawTable` whose row numbers are the ones
the spreadsheet shows. Columns are then recognised by their Dutch, French or
English header (:func:`find_columns`).

Examples
--------
>>> table = parse_csv_bytes("Naam;Organisatie\\nAn;OCMW Vorst\\n".encode(), "list", "list.csv")
>>> find_columns(table, {"name": NAME, "organisation": ORGANISATION})
{'name': 'naam', 'organisation': 'organisatie'}
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from collabnet.codes import normalise
from collabnet.dataset.reading import RawTable, decode, parse_csv_bytes
from collabnet.errors import DatasetError, reason

__all__ = ["read_list", "find_columns", "NAME", "FIRST_NAME", "LAST_NAME", "ORGANISATION", "FUNCTION", "EMAIL",
           "PHONE", "DATE"]

# Header spellings (folded with codes.normalise) per meaning, in nl, fr and en.
NAME = ("name", "naam", "nom", "full name", "nom et prenom", "nom prenom", "prenom et nom", "prenom nom",
        "naam en voornaam", "voornaam en naam", "voornaam naam", "naam voornaam", "deelnemer", "participant",
        "participante", "personne", "persoon")
FIRST_NAME = ("first name", "firstname", "given name", "voornaam", "prenom")
LAST_NAME = ("last name", "lastname", "surname", "family name", "achternaam", "familienaam", "nom de famille")
ORGANISATION = ("organisation", "organization", "organisatie", "organisme", "organisme service", "structure",
                "institution", "instelling", "service", "dienst", "organisation service", "organisatie dienst",
                "employeur", "werkgever", "association", "vereniging", "asbl", "vzw", "company")
FUNCTION = ("function", "functie", "fonction", "job title", "titel", "role", "rol", "metier", "beroep")
EMAIL = ("email", "e mail", "mail", "courriel", "adresse e mail", "adresse mail", "e mailadres", "emailadres",
         "mailadres")
PHONE = ("phone", "telephone", "tel", "telefoon", "gsm", "mobile", "portable")
DATE = ("date", "datum", "jour", "dag", "since", "sinds", "depuis", "lid sinds", "membre depuis", "member since",
        "date de la reunion", "datum vergadering", "meeting date")


def _sheet_csv(path: Path, sheet: str | None) -> tuple[bytes, str]:
    """One sheet of a workbook as CSV bytes (one record per spreadsheet row) and its label.

    Read with the dataset reader's streaming workbook reader (:class:`collabnet.dataset.sheets.Workbook`):
    only the cells that exist, within the same caps, so a sign-in sheet cannot exhaust memory either.
    Empty rows are kept (as empty records), so the row numbers are the ones the spreadsheet shows.
    """
    from collabnet.dataset.sheets import Workbook

    book = Workbook(path)
    try:
        names = list(book.sheets)
        if not names:
            raise DatasetError(reason("no_sheet_at_all", file=path.name))
        if sheet is None:
            chosen = names[0]
        else:
            chosen = next((n for n in names if normalise(n) == normalise(sheet)), None)
            if chosen is None:
                raise DatasetError(reason("no_such_sheet", file=path.name, sheet=sheet, found=", ".join(names)))
        label = f"{path.name}[{chosen}]"
        rows = book.read_sheet(chosen, label).rows
    finally:
        book.close()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for number in range(1, max(rows, default=0) + 1):
        cells = rows.get(number, {})
        writer.writerow([cells.get(c, "") for c in range(1, max(cells, default=0) + 1)])
    return buffer.getvalue().encode("utf-8"), label


def read_list(path: str | Path, sheet: str | None = None, needs: dict[str, tuple[str, ...]] | None = None) -> RawTable:
    """Read a list (``.csv`` / ``.txt`` or one sheet of an ``.xlsx``, the first unless ``sheet`` is named).

    ``needs`` (meaning -> header spellings) finds the header row when a title
    sits above it ("Veranderatelier Zuid, 12/03/2024"): the first of the first
    ten rows in which every meaning has a column. Rows above it are not data.

    Raises
    ------
    DatasetError
        The file cannot be read, is empty, or has no sheet ``sheet`` (the sheets found are listed).
    """
    source = Path(path)
    if not source.is_file():
        raise DatasetError(reason("no_such_file", path=source))
    if source.suffix.lower() in (".xlsx", ".xlsm"):
        data, label = _sheet_csv(source, sheet)
    else:
        data, label = source.read_bytes(), source.name
    table = parse_csv_bytes(data, "list", label)
    if needs is None or len(find_columns(table, needs)) == len(needs):
        return table
    text, _encoding = decode(data)
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=table.delimiter))
    for number, record in enumerate(records[:10], start=1):
        if all(any(normalise(v) in spellings for v in record) for spellings in needs.values()):
            buffer = io.StringIO()  # the rows above the header emptied: row numbers stay those of the file
            csv.writer(buffer, delimiter=table.delimiter, lineterminator="\n").writerows(
                r if n >= number else [] for n, r in enumerate(records, start=1))
            return parse_csv_bytes(buffer.getvalue().encode("utf-8"), "list", label)
    return table


def find_columns(table: RawTable, wanted: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Meaning -> the table's column for it, recognised by header spelling (first match in column order)."""
    found: dict[str, str] = {}
    for meaning, spellings in wanted.items():
        for column in table.columns:
            if normalise(column) in spellings and column not in found.values():
                found[meaning] = column
                break
    return found

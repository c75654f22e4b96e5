"""An empty dataset to start from (``collabnet init``): the contract's tables, in Dutch, French or English.

The workbook holds the six sheets of the contract with their headers in the
chosen language, drop-down lists for every code (kind, sector, line, zone,
language, group type, role, tie type, family) and for the ids an actor,
group or tie refers to, and one example row per table, marked as such in its
``note`` column (``opmerking``, ``remarque``); ``actors`` has two, since a tie
needs two ends. ``zones`` and ``sectors`` hold the built-in tables (a
dataset's own table replaces the built-in one, so an example row there would
take the others away); the sector drop-down reads its names from them.

Every value the template writes is one the reader accepts, so the template
reads back as a valid dataset: its example rows. Drop-downs warn on other
values, never refuse them (``medical|social_assistance``, a code instead of a
name). A folder of CSV files gets the same tables, without drop-downs.

Examples
--------
>>> tables = template_tables("nl")
>>> tables["actors"].name, tables["actors"].header[:4]
('actoren', ['id', 'naam', 'soort', 'sector'])
>>> tables["memberships"].rows[0][:4]
['example-mm', 'example-wg', 'lid', datetime.date(2024, 1, 15)]
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from collabnet import codes
from collabnet.dataset.names import COLUMN_NAMES, LANG_INDEX, column_name, table_name
from collabnet.errors import CollabnetError, reason
from collabnet.writing import atomic_write_bytes, csv_text, xlsx_bytes

__all__ = ["TemplateTable", "template_tables", "write_template", "COLUMNS", "dropdowns"]

#: The columns of each table in the template, in contract order (an actor's or group's own dates left out).
COLUMNS = {table: tuple(c for c in columns if table not in ("actors", "groups") or c not in ("since", "until"))
           for table, columns in COLUMN_NAMES.items()}
_NOTE = {"en": "note", "nl": "opmerking", "fr": "remarque"}
_EXAMPLE = {"en": "example row: overwrite or delete it", "nl": "voorbeeldrij: overschrijf of wis ze",
            "fr": "ligne d'exemple : remplacez-la ou supprimez-la"}
_ROWS = 2000  # rows that get the drop-downs
_DAY = dt.date(2024, 1, 15)

# Code -> the value the template writes, per language (each one a spelling codes.py accepts).
_LABELS = {
    "kind": {"organisation": ("organisation", "organisatie", "organisation"),
             "person": ("person", "persoon", "personne")},
    "line": {0: ("informal", "nulde lijn", "ligne 0"), 1: ("first line", "eerste lijn", "première ligne"),
             2: ("second line", "tweede lijn", "deuxième ligne"), 3: ("third line", "derde lijn", "troisième ligne")},
    "language": {"nl": ("Dutch", "Nederlands", "néerlandais"), "fr": ("French", "Frans", "français"),
                 "bi": ("bilingual", "tweetalig", "bilingue"), "en": ("English", "Engels", "anglais"),
                 "de": ("German", "Duits", "allemand")},
    "group type": {"working_group": ("working group", "werkgroep", "groupe de travail"),
                   "partnership": ("partnership", "partnerschap", "partenariat"),
                   "project": ("project", "project", "projet"),
                   "support_group": ("support group", "ondersteuningsgroep", "groupe d'appui"),
                   "workshop": ("workshop", "veranderatelier", "atelier"),
                   "network": ("network", "netwerk", "réseau"), "other": ("other", "andere", "autre")},
    "role": {"member": ("member", "lid", "membre"), "coordinator": ("coordinator", "coördinator", "coordinateur"),
             "chair": ("chair", "voorzitter", "président"), "partner": ("partner", "partner", "partenaire"),
             "observer": ("observer", "waarnemer", "observateur")},
    "tie type": {"collaboration": ("collaboration", "samenwerking", "collaboration"),
                 "referral": ("referral", "doorverwijzing", "orientation"),
                 "agreement": ("agreement", "overeenkomst", "convention"),
                 "information": ("information", "informatie", "information")},
    "sector family": {"health": ("health", "gezondheid", "santé"), "welfare": ("welfare", "welzijn", "social"),
                      "other": ("other", "andere", "autre")},
    "zone": {**{z: (names[2], names[0], names[1]) for z, names in codes.BUILTIN_ZONE_NAMES.items()},
             codes.REGION: ("region", "gewest", "région")},
}
_SECTOR_NAME = {"en": 4, "nl": 2, "fr": 3}  # position of the sector's name in codes.BUILTIN_SECTORS


def _label(what: str, code, lang: str) -> str:
    return _LABELS[what][code][LANG_INDEX[lang]]


def _sector(code: str, lang: str) -> str:
    return next(row[_SECTOR_NAME[lang]] for row in codes.BUILTIN_SECTORS if row[0] == code)


@dataclass
class TemplateTable:
    """One table of the template: its name and header in the chosen language, its rows (the first ``examples``
    are example rows)."""

    table: str
    name: str
    header: list[str]
    rows: list[list] = field(default_factory=list)
    examples: int = 0


def dropdowns(lang: str) -> dict[tuple[str, str], list[str]]:
    """(table, column) -> the values of its drop-down list (the sector list is the sectors sheet's names).

    >>> dropdowns("fr")[("actors", "line")]
    ['ligne 0', 'première ligne', 'deuxième ligne', 'troisième ligne']
    """
    def values(what: str) -> list[str]:
        return [_label(what, code, lang) for code in _LABELS[what]]

    return {("actors", "kind"): values("kind"), ("actors", "line"): values("line"),
            ("actors", "zone"): values("zone"), ("actors", "language"): values("language"),
            ("actors", "sector"): [_sector(row[0], lang) for row in codes.BUILTIN_SECTORS],
            ("groups", "type"): values("group type"), ("groups", "zone"): values("zone"),
            ("memberships", "role"): values("role"), ("ties", "type"): values("tie type"),
            ("sectors", "family"): values("sector family")}


def template_tables(lang: str = "en") -> dict[str, TemplateTable]:
    """The template's tables in ``lang`` (``en``, ``nl`` or ``fr``), by contract table name."""
    if lang not in LANG_INDEX:
        raise ValueError(f"unknown language {lang!r} (expected en, nl or fr)")
    note = _EXAMPLE[lang]
    south = _label("zone", "south", lang)
    forest = {"en": "Forest", "nl": "Vorst", "fr": "Forest"}[lang]
    examples = {
        "actors": [
            ["example-mm", {"en": "Example: community health centre Forest", "nl": "Voorbeeld: wijkgezondheidscentrum "
                            "Vorst", "fr": "Exemple : maison médicale de Forest"}[lang], _label("kind", "organisation", lang),
             _sector("medical", lang), _label("line", 1, lang), south, forest, "", _label("language", "bi", lang),
             "", "", "", note],
            ["example-cpas", {"en": "Example: CPAS Forest", "nl": "Voorbeeld: OCMW Vorst",
                              "fr": "Exemple : CPAS de Forest"}[lang], _label("kind", "organisation", lang),
             _sector("social_assistance", lang), _label("line", 1, lang), "", forest, "",
             _label("language", "bi", lang), "", "", "", note],
        ],
        "groups": [["example-wg", {"en": "Example: working group zone South", "nl": "Voorbeeld: werkgroep zorgzone Zuid",
                                   "fr": "Exemple : groupe de travail zone Sud"}[lang],
                    _label("group type", "working_group", lang), south,
                    {"en": "mental health", "nl": "geestelijke gezondheid", "fr": "santé mentale"}[lang], note]],
        "memberships": [["example-mm", "example-wg", _label("role", "member", lang), _DAY, "", note]],
        "ties": [["example-mm", "example-cpas", _label("tie type", "referral", lang), "1", _DAY, "", note]],
    }
    tables = {}
    for table, columns in COLUMNS.items():
        header = [column_name(table, c, lang) for c in columns]
        if table in examples:
            tables[table] = TemplateTable(table, table_name(table, lang), [*header, _NOTE[lang]], examples[table],
                                          len(examples[table]))
        else:
            tables[table] = TemplateTable(table, table_name(table, lang), header, _builtin_rows(table, lang))
    return tables


def _builtin_rows(table: str, lang: str) -> list[list]:
    if table == "sectors":
        return [[c, _label("sector family", f, lang), nl, fr, en] for c, f, nl, fr, en in codes.BUILTIN_SECTORS]
    rows = []
    for zone, names, postal in codes.BUILTIN_ZONES:
        nl, fr, en = codes.BUILTIN_ZONE_NAMES[zone]
        rows += [[zone, name, "|".join(postal), nl, fr, en] for name in names]
    return rows


def _csv_cell(value) -> str:
    return value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else str(value)


def write_template(target: str | Path, lang: str = "en") -> list[Path]:
    """Write the template: an ``.xlsx`` workbook, or a folder of CSV files; returns the files written.

    Raises
    ------
    CollabnetError
        ``target`` exists already (a file, or a folder that is not empty): nothing is overwritten.
    """
    path = Path(target)
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise CollabnetError(reason("exists", path=path))
    tables = template_tables(lang)
    if path.suffix.lower() == ".xlsx":
        return [atomic_write_bytes(path, xlsx_bytes(lambda book: _build(book, tables, lang)))]
    if path.suffix:
        raise CollabnetError(reason("template_target", path=path))
    return [atomic_write_bytes(path / f"{t.name}.csv",
                               csv_text(t.header, ([_csv_cell(v) for v in row] for row in t.rows),
                                        neutralise=False).encode("utf-8"))
            for t in tables.values()]


def _build(book, tables: dict[str, TemplateTable], lang: str) -> None:
    bold = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    example = book.add_format({"italic": True, "font_color": "#7F7F7F"})
    example_day = book.add_format({"italic": True, "font_color": "#7F7F7F", "num_format": "dd/mm/yyyy"})
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    lists = dropdowns(lang)
    sheets = {t.table: t.name for t in tables.values()}
    references = {("actors", "organisation"): "actors", ("memberships", "actor"): "actors",
                  ("memberships", "group"): "groups", ("ties", "source"): "actors", ("ties", "target"): "actors"}
    sector_column = "ABCDE"[COLUMNS["sectors"].index(f"name_{lang}")]
    for t in tables.values():
        sheet = book.add_worksheet(t.name)
        sheet.freeze_panes(1, 0)
        for c, text in enumerate(t.header):
            sheet.write_string(0, c, text, bold)
            sheet.set_column(c, c, max(12, len(text) + 2))
        for r, row in enumerate(t.rows, start=1):
            style = example if r <= t.examples else None
            for c, value in enumerate(row):
                if isinstance(value, dt.date):
                    sheet.write_datetime(r, c, dt.datetime(value.year, value.month, value.day),
                                         example_day if style else day)
                elif value != "":
                    sheet.write_string(r, c, str(value), style)
        for c, column in enumerate(COLUMNS[t.table]):
            if column in ("since", "until"):
                sheet.set_column(c, c, 12, day)
            source = None
            if (t.table, column) == ("actors", "sector"):
                source = f"='{sheets['sectors']}'!${sector_column}$2:${sector_column}${len(codes.BUILTIN_SECTORS) + 1}"
            elif (t.table, column) in lists:
                source = lists[(t.table, column)]
            elif (t.table, column) in references:
                source = f"='{sheets[references[(t.table, column)]]}'!$A$2:$A${_ROWS}"
            if source is not None:
                sheet.data_validation(1, c, _ROWS - 1, c, {"validate": "list", "source": source, "error_type": "warning",
                                                           "ignore_blank": True})

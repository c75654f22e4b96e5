"""The survey form: a workbook a coordinator sends to the organisations of one zone (intake.md, section 3).

The first sheet explains the form and the scale; then either one sheet per
responding organisation (its id and name at the top, a date cell, one row per
partner) or, with ``long=True``, one sheet with a row per (respondent,
partner) pair. Every answer cell validates itself: the level is a drop-down of
``0 – …`` to ``5 – …`` (Levels of Collaboration, labels in the form's
language), frequency and PARTNER's trust and value items are drop-downs too
(only when asked for), the date accepts only a date. A value typed outside
the list is refused by the spreadsheet. The form holds no formula.

The organisations listed are those of the zone, and the region-wide ones
active in it (linked to one of its organisations on the dataset's date), in
name order. The same dataset, zone and options give the same bytes.

Examples
--------
>>> import collabnet                                                    # doctest: +SKIP
>>> data = form_bytes(collabnet.load("datasets/brussels"), "south", "nl")   # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from collabnet.codes import REGION
from collabnet.survey.scale import ITEMS, TRUST_ITEMS, VALUE_ITEMS, choices
from collabnet.words import t
from collabnet.writing import xlsx_bytes

__all__ = ["FormLayout", "form_bytes", "form_organisations", "HEADER_ROW", "RESPONDENT_ROW", "DATE_ROW"]

#: Rows of a respondent's sheet (1-based, as a spreadsheet shows them).
RESPONDENT_ROW, DATE_ROW, HEADER_ROW = 1, 2, 4
_MAX_SHEET = 31
_SHEET_FORBIDDEN = str.maketrans({c: "_" for c in "[]:*?/\\'"})


@dataclass(frozen=True)
class FormLayout:
    """What a form asks: the optional columns and whether it is one long sheet."""

    frequency: bool = False
    trust: bool = False
    value: bool = False
    long: bool = False

    @property
    def items(self) -> tuple[str, ...]:
        return (TRUST_ITEMS if self.trust else ()) + (VALUE_ITEMS if self.value else ())

    def answer_columns(self) -> tuple[str, ...]:
        """The columns a respondent fills in, after the level."""
        return ("level", *(("frequency",) if self.frequency else ()), *self.items)


def form_organisations(dataset, zone: str) -> list[str]:
    """The organisations a zone's form lists: the zone's, then none twice, region-wide ones linked to it; by name.

    A region-wide organisation (zone ``region``) is listed when, on the
    dataset's date, the organisation graph links it to an organisation of the
    zone. For ``zone="region"``: the region-wide organisations.
    """
    G = dataset.organisation_graph

    def zone_of(v) -> str:
        return G.nodes[v].get("zone") or REGION

    orgs = [v for v, data in G.nodes(data=True) if data.get("kind") == "organisation"]
    listed = {v for v in orgs if zone_of(v) == zone}
    listed |= {v for v in orgs if zone_of(v) == REGION and any(zone_of(u) == zone for u in G[v])}
    return sorted(listed, key=lambda v: (str(G.nodes[v].get("name", "")).casefold(), str(v)))


def _sheet_names(ids: Sequence[str], reserved: set[str]) -> list[str]:
    """A sheet name per respondent: its id, made legal (31 characters, no ``[]:*?/\\``), never twice."""
    names, taken = [], {n.casefold() for n in reserved}
    for actor in ids:
        base = str(actor).translate(_SHEET_FORBIDDEN).strip() or "org"
        name, n = base[:_MAX_SHEET], 1
        while name.casefold() in taken:
            n += 1
            name = f"{base[:_MAX_SHEET - len(str(n)) - 1]}~{n}"
        taken.add(name.casefold())
        names.append(name)
    return names


def form_bytes(dataset, zone: str, lang: str, layout: FormLayout = FormLayout()) -> bytes:
    """The form of ``zone`` in ``lang`` as .xlsx bytes (see the module docstring)."""
    orgs = form_organisations(dataset, zone)
    if len(orgs) < 2:
        from collabnet.errors import DatasetError, reason

        raise DatasetError(reason("too_few_to_survey", zone=zone, organisations=reason("n.organisations", n=len(orgs))))
    G = dataset.organisation_graph
    facts = {v: (str(G.nodes[v].get("name", v)), dataset.zone_name(G.nodes[v].get("zone") or REGION, lang),
                 dataset.sector_name(G.nodes[v].get("sector") or "", lang)) for v in orgs}
    return xlsx_bytes(lambda book: _Form(book, lang, layout, dataset.zone_name(zone, lang), zone == REGION)
                      .fill(orgs, facts))


class _Form:
    def __init__(self, book, lang: str, layout: FormLayout, zone_name: str, region: bool = False):
        self.book, self.lang, self.layout, self.zone_name, self.region = book, lang, layout, zone_name, region
        self.bold = book.add_format({"bold": True})
        self.head = book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDEBF7",
                                     "border": 1})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})
        self.answer = book.add_format({"bg_color": "#FFF2CC", "border": 1})
        self.date = book.add_format({"num_format": "dd/mm/yyyy", "bg_color": "#FFF2CC", "border": 1})

    def word(self, key: str, **fields) -> str:
        return t(key, self.lang, **fields)

    def fill(self, orgs: list[str], facts: dict) -> None:
        self.instructions()
        if self.layout.long:
            self.long_sheet(orgs, facts)
        else:
            for actor, name in zip(orgs, _sheet_names(orgs, {self.word("survey.sheet.instructions")})):
                self.respondent_sheet(name, actor, [v for v in orgs if v != actor], facts)

    def instructions(self) -> None:
        sheet = self.book.add_worksheet(self.word("survey.sheet.instructions"))
        sheet.set_column(0, 0, 28)
        sheet.set_column(1, 1, 90)
        title = "survey.form.title_region" if self.region else "survey.form.title"
        sheet.write_string(0, 0, self.word(title, zone=self.zone_name), self.bold)
        lines = [self.word("survey.form.how"),
                 self.word("survey.form.long" if self.layout.long else "survey.form.sheets")]
        if self.layout.items:
            lines.append(self.word("survey.form.scores"))
        row = 2
        for line in lines:
            sheet.merge_range(row, 0, row, 1, line, self.wrap)
            sheet.set_row(row, 32)
            row += 1
        row += 1
        sheet.write_string(row, 0, self.word("survey.form.scale"), self.bold)
        for level, text in enumerate(choices("level", self.lang)):
            row += 1
            sheet.write_string(row, 0, text)
            sheet.write_string(row, 1, self.word(f"survey.level_text.{level}"), self.wrap)

    def columns(self, first: Sequence[tuple[str, int]]) -> list[tuple[str, str, int]]:
        """(key, heading, width) of every column of an answer table."""
        keyed = [*first, ("partner_id", 16), ("partner", 44), ("zone", 14), ("sector", 28), ("level", 30)]
        if self.layout.frequency:
            keyed.append(("frequency", 26))
        keyed += [(item, 22) for item in self.layout.items]
        return [(key, self.word(f"survey.item.{key}" if key in ITEMS else f"survey.col.{key}"), width)
                for key, width in keyed]

    def header(self, sheet, row: int, columns) -> None:
        for col, (_key, heading, width) in enumerate(columns):
            sheet.set_column(col, col, width)
            sheet.write_string(row, col, heading, self.head)
        sheet.set_row(row, 45)
        sheet.freeze_panes(row + 1, 0)

    def partner_cells(self, sheet, row: int, start: int, partner: str, facts: dict) -> None:
        name, zone, sector = facts[partner]
        for col, text in enumerate((partner, name, zone, sector), start=start):
            sheet.write_string(row, col, text)

    def validate(self, sheet, first: int, last: int, columns) -> None:
        """Drop-downs on the answer columns of rows ``first``..``last`` (0-based)."""
        wrong = self.word("survey.form.wrong")
        for col, (key, heading, _width) in enumerate(columns):
            if key in ("level", "frequency") or key in ITEMS:
                kind = "level" if key == "level" else "frequency" if key == "frequency" else "score"
                message = self.word("survey.form.bad_level" if kind == "level" else "survey.form.bad_score"
                                    if kind == "score" else "survey.col.frequency")
                sheet.data_validation(first, col, last, col, {
                    "validate": "list", "source": choices(kind, self.lang), "input_title": heading[:32],
                    "error_title": wrong, "error_message": message, "error_type": "stop"})
                for row in range(first, last + 1):
                    sheet.write_blank(row, col, None, self.answer)
            elif key == "date":
                self.date_cells(sheet, first, col, last)

    def date_cells(self, sheet, first: int, col: int, last: int) -> None:
        sheet.data_validation(first, col, last, col, {
            "validate": "date", "criteria": "between", "minimum": dt.date(2000, 1, 1), "maximum": dt.date(2099, 12, 31),
            "input_message": self.word("survey.form.bad_date"), "error_title": self.word("survey.form.wrong"),
            "error_message": self.word("survey.form.bad_date"), "error_type": "stop"})
        for row in range(first, last + 1):
            sheet.write_blank(row, col, None, self.date)

    def respondent_sheet(self, title: str, actor: str, partners: list[str], facts: dict) -> None:
        sheet = self.book.add_worksheet(title)
        sheet.write_string(RESPONDENT_ROW - 1, 0, self.word("survey.col.respondent"), self.bold)
        sheet.write_string(RESPONDENT_ROW - 1, 1, actor, self.bold)
        sheet.write_string(RESPONDENT_ROW - 1, 2, facts[actor][0], self.bold)
        sheet.write_string(DATE_ROW - 1, 0, self.word("survey.col.date"), self.bold)
        self.date_cells(sheet, DATE_ROW - 1, 1, DATE_ROW - 1)
        columns = self.columns(())
        self.header(sheet, HEADER_ROW - 1, columns)
        for i, partner in enumerate(partners):
            self.partner_cells(sheet, HEADER_ROW + i, 0, partner, facts)
        self.validate(sheet, HEADER_ROW, HEADER_ROW + len(partners) - 1, columns)

    def long_sheet(self, orgs: list[str], facts: dict) -> None:
        sheet = self.book.add_worksheet(self.word("survey.sheet.answers"))
        columns = [*self.columns((("respondent", 16), ("respondent_name", 44))), ("date", self.word("survey.col.date"), 16)]
        self.header(sheet, 0, columns)
        row = 1
        for actor in orgs:
            for partner in orgs:
                if partner == actor:
                    continue
                sheet.write_string(row, 0, actor)
                sheet.write_string(row, 1, facts[actor][0])
                self.partner_cells(sheet, row, 2, partner, facts)
                row += 1
        self.validate(sheet, 1, row - 1, columns)

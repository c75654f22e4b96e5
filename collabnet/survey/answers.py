"""Filled survey forms -> answers: every row used or reported as ``FILE:ROW: COLUMN: reason``.

Reads the workbooks :mod:`collabnet.survey.form` makes (one sheet per
respondent, or one long sheet) and the long CSV of intake.md (columns
``respondent, partner, level, frequency, trust, value, date``; headers in
Dutch, French or English too). Workbooks go through collabnet's streaming
reader (:class:`collabnet.dataset.sheets.Workbook`), CSV files through the
dataset reader.

A respondent or partner is an organisation id of the dataset, or a name typed
by hand, matched across languages and spellings by
:class:`collabnet.intake.matching.Matcher` (only a certain match counts).
A row is an answer when its level is filled in; a row without level and
without any other answer is a partner not rated (counted, not reported).
Reported and left out: an unknown respondent or partner, an answer about
itself, a level out of range (not 0-5) or not on the scale, a date that is not
a day, no date at all (fill in the form's date cell or give a default date),
the same respondent, partner and date answered twice (the first is kept), a
frequency, trust or value filled in without a level. Reported and ignored
(the answer is kept): a frequency not on the list, a trust or value rating not
1-4.

Examples
--------
>>> _cells_of_csv("respondent;partner;level\\na;b;3\\n".encode(), "answers.csv")[1]
[(2, {1: 'a', 2: 'b', 3: '3'})]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from collabnet.codes import LANGS, normalise
from collabnet.dataset.reading import parse_csv_bytes
from collabnet.dataset.validation import parse_date
from collabnet.errors import DatasetError, Problem, reason
from collabnet.survey.scale import ITEMS, TRUST_ITEMS, VALUE_ITEMS, parse_frequency, parse_level, parse_score, score_mean
from collabnet.words import t

__all__ = ["Answer", "SurveyRead", "read_answers", "COLUMNS"]

# Header spellings per meaning (folded with codes.normalise): the form's headings in nl, fr, en, and plain names.
_PLAIN = {
    "respondent": ("respondent", "respondent id", "repondant", "respondent organisation", "organisation",
                   "organisatie", "reported by"),
    "respondent_name": ("respondent name",),
    "date": ("date", "datum", "answered", "since"),
    "partner_id": ("partner id", "partner code", "target"),
    "partner": ("partner", "partenaire", "partner name", "partner organisation"),
    "level": ("level", "niveau", "level of collaboration", "weight"),
    "frequency": ("frequency", "frequentie", "frequence", "how often"),
    "trust": ("trust", "vertrouwen", "confiance"),
    "value": ("value", "waarde", "valeur"),
}
#: Meanings of the columns an answer table may have.
COLUMNS = (*_PLAIN, *ITEMS)


def _spellings() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {key: {normalise(s) for s in plain} for key, plain in _PLAIN.items()}
    for item in ITEMS:
        found[item] = {normalise(item)}
    for key in COLUMNS:
        word = f"survey.item.{key}" if key in ITEMS else f"survey.col.{key}"
        for lang in LANGS:
            try:
                found[key].add(normalise(t(word, lang)))
            except KeyError:
                pass
    return found


_SPELLINGS = _spellings()
_HEADER_SEARCH = 10


@dataclass(frozen=True)
class Answer:
    """One organisation's answer about one partner on one date (``source``: ``FILE:ROW``)."""

    respondent: str
    partner: str
    level: int
    date: str
    frequency: str = ""
    items: tuple[tuple[str, int], ...] = ()
    trust: float | None = None
    value: float | None = None
    source: str = ""


@dataclass
class SurveyRead:
    """What the forms gave: the answers, the problems, rows without an answer, sheets not read."""

    answers: list[Answer] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unrated: int = 0
    skipped: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    @property
    def left_out(self) -> int:
        return len({(p.file, p.row) for p in self.problems if p.left_out})


def _cells_of_csv(data: bytes, label: str):
    table = parse_csv_bytes(data, "survey", label)
    header = {i: name for i, name in enumerate(table.columns, start=1)}
    rows = [(n, {i: values.get(name, "") for i, name in header.items() if values.get(name, "")})
            for n, values in table.rows]
    return header, rows, table.problems


def _columns_of(cells: dict[int, str]) -> dict[str, int]:
    """Meaning -> column number of a header row (first match wins)."""
    found: dict[str, int] = {}
    for col in sorted(cells):
        key = normalise(cells[col])
        for meaning, spellings in _SPELLINGS.items():
            if key in spellings and meaning not in found:
                found[meaning] = col
                break
    return found


def _is_header(columns: dict[str, int]) -> bool:
    return "level" in columns and bool({"partner", "partner_id"} & set(columns))


class _Reader:
    def __init__(self, dataset, default_date: dt.date | None, matcher):
        from collabnet.intake.attendance import organisation_names
        from collabnet.intake.matching import Matcher

        self.organisations = {rec["id"] for rec in dataset.actors.to_dict("records") if rec["kind"] == "organisation"}
        self.matcher = matcher or Matcher(organisation_names(dataset.actors))
        self.default_date = default_date.isoformat() if default_date else ""
        self.result = SurveyRead()
        self.seen: dict[tuple[str, str, str], str] = {}

    def problem(self, label: str, row: int, column: str, message, left_out: bool = True) -> None:
        self.result.problems.append(Problem(label, row, column, message, left_out))

    def organisation(self, label: str, row: int, column: str, text: str, name: str = "") -> str | None:
        """The organisation an id or a typed name means, or None (reported)."""
        for candidate in (text, name):
            if candidate in self.organisations:
                return candidate
        for candidate in (text, name):
            if candidate:
                match = self.matcher.match(candidate)
                if match.status == "matched":
                    return match.actor
        what = "respondent" if column.startswith("respondent") else "partner"
        shown = text or name
        best = self.matcher.match(shown).candidates if shown else ()
        hint = reason("did_you_mean_actor", id=best[0].actor, name=best[0].name) if best else ""
        self.problem(label, row, column, reason(f"unknown_{what}", value=shown, hint=hint))
        return None

    def date(self, label: str, row: int, column: str, text: str) -> str | None:
        try:
            return parse_date(text).isoformat()  # the dataset's own date rule
        except ValueError as exc:
            self.problem(label, row, column, reason("answer_left_out", reason=exc.message))
            return None

    def table(self, label: str, header: dict[int, str], rows, sheet_respondent=None, sheet_date: str = "") -> None:
        columns = _columns_of(header)
        answers = set(columns) & {"level", "frequency", "trust", "value", *ITEMS}
        for number, cells in rows:
            values = {key: cells.get(col, "").strip() for key, col in columns.items()}
            if not any(values.get(key) for key in answers):
                self.result.unrated += 1
                continue
            self.row(label, number, values, sheet_respondent, sheet_date)

    def row(self, label: str, number: int, values: dict[str, str], sheet_respondent, sheet_date: str) -> None:
        if not values.get("level"):
            filled = next(k for k in ("frequency", "trust", "value", *ITEMS) if values.get(k))
            self.problem(label, number, "level", reason("no_level", field=filled))
            return
        if sheet_respondent is not None:
            respondent = sheet_respondent
        elif values.get("respondent") or values.get("respondent_name"):
            respondent = self.organisation(label, number, "respondent", values.get("respondent", ""),
                                           values.get("respondent_name", ""))
        else:
            self.problem(label, number, "respondent", reason("answer_left_out", reason=reason("no_respondent")))
            return
        partner = self.organisation(label, number, "partner" if not values.get("partner_id") else "partner_id",
                                    values.get("partner_id", ""), values.get("partner", ""))
        try:
            level = parse_level(values["level"])
        except ValueError as exc:
            self.problem(label, number, "level", reason("answer_left_out", reason=exc.message))
            level = None
        if values.get("date"):
            date = self.date(label, number, "date", values["date"])
        elif sheet_date or self.default_date:
            date = sheet_date or self.default_date
        else:
            self.problem(label, number, "date", reason("answer_left_out", reason=reason("no_date")))
            date = None
        if respondent is None or partner is None or level is None or date is None:
            return
        if respondent == partner:
            self.problem(label, number, "partner", reason("answer_about_itself", respondent=respondent))
            return
        key = (respondent, partner, date)
        if key in self.seen:
            self.problem(label, number, "level", reason("duplicate_answer", respondent=respondent, partner=partner,
                                                        date=date, first=self.seen[key]))
            return
        self.seen[key] = f"{label}:{number}"
        self.result.answers.append(self.answer(label, number, values, respondent, partner, level, date))

    def answer(self, label, number, values, respondent, partner, level, date) -> Answer:
        frequency = ""
        if values.get("frequency"):
            try:
                frequency = parse_frequency(values["frequency"])
            except ValueError as exc:
                self.problem(label, number, "frequency", reason("answer_kept", reason=exc.message), left_out=False)
        items = []
        for item in ITEMS:
            if values.get(item):
                try:
                    items.append((item, parse_score(values[item])))
                except ValueError as exc:
                    self.problem(label, number, item, reason("answer_kept", reason=exc.message), left_out=False)
        given = dict(items)
        scores = {}
        for score, group in (("trust", TRUST_ITEMS), ("value", VALUE_ITEMS)):
            mean = score_mean(given.get(i) for i in group)
            if mean is None and values.get(score):
                try:
                    mean = float(values[score].replace(",", "."))
                    if not 1 <= mean <= 4:
                        raise ValueError
                except ValueError:
                    self.problem(label, number, score, reason("answer_kept", reason=reason(
                        "not_a_score", score=score, value=values[score])), left_out=False)
                    mean = None
            scores[score] = mean
        return Answer(respondent, partner, level, date, frequency, tuple(items), scores["trust"], scores["value"],
                      f"{label}:{number}")

    def workbook(self, path: Path) -> None:
        from collabnet.dataset.sheets import Workbook

        book = Workbook(path)
        try:
            found = False
            for name in book.sheets:
                label = f"{path.name}[{name}]"
                sheet = book.read_sheet(name, label)
                found |= self.sheet(label, sheet.rows)
        finally:
            book.close()
        if not found:
            raise DatasetError(reason("no_answer_table", file=path.name))

    def sheet(self, label: str, rows: dict[int, dict[int, str]]) -> bool:
        """Read one sheet; False (and listed as skipped) when it holds no answer table."""
        header_row = next((n for n in sorted(rows)[:_HEADER_SEARCH] if _is_header(_columns_of(rows[n]))), None)
        if header_row is None:
            self.result.skipped.append(label)
            return False
        header = rows[header_row]
        body = [(n, rows[n]) for n in sorted(rows) if n > header_row]
        if "respondent" in _columns_of(header) or "respondent_name" in _columns_of(header):
            self.table(label, header, body)
            return True
        respondent, date = None, ""
        above: dict[str, tuple[int, dict[int, str]]] = {}  # "respondent" / "date" -> the row labelled so
        for n in sorted(r for r in rows if r < header_row):
            for key in ("respondent", "date"):
                if key in _columns_of({1: rows[n].get(1, "")}):
                    above.setdefault(key, (n, rows[n]))
        if "respondent" in above:
            n, cells = above["respondent"]
            respondent = self.organisation(label, n, "respondent", cells.get(2, ""), cells.get(3, ""))
        else:
            self.problem(label, header_row, "respondent", reason("no_sheet_respondent"))
        if "date" in above and above["date"][1].get(2):
            n, cells = above["date"]
            date = self.date(label, n, "date", cells[2]) or ""
        if respondent is None:
            columns = _columns_of(header)
            for number, cells in body:
                if any(cells.get(columns[key]) for key in ("level", "frequency", *ITEMS) if key in columns):
                    self.problem(label, number, "respondent", reason("sheet_respondent_unknown"))
            return True
        self.table(label, header, body, respondent, date)
        return True

    def csv(self, path: Path) -> None:
        from collabnet.dataset.reading import _read_capped

        header, rows, problems = _cells_of_csv(_read_capped(path, path.name), path.name)
        self.result.problems.extend(problems)
        if not _is_header(_columns_of(header)):
            raise DatasetError(reason("no_answer_columns", file=path.name,
                                      found=", ".join(header.values()) or reason("none")))
        self.table(path.name, header, rows)


def read_answers(paths: Iterable[str | Path], dataset, *, date: dt.date | None = None, matcher=None) -> SurveyRead:
    """Read filled forms (``.xlsx``) and long answer files (``.csv``) against a dataset's organisations.

    Parameters
    ----------
    paths : iterable of path
        The files, read in the order given (the first of two equal answers is kept).
    dataset : collabnet.dataset.Dataset
        Whose organisations the respondents and partners must be.
    date : datetime.date, optional
        The date of answers whose form gives none.

    Raises
    ------
    DatasetError
        A file that cannot be read, or holds no answer table.
    """
    reader = _Reader(dataset, date, matcher)
    for path in map(Path, paths):
        if not path.is_file():
            raise DatasetError(reason("no_such_file", path=path))
        reader.result.files.append(path.name)
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            reader.workbook(path)
        else:
            reader.csv(path)
    reader.result.problems.sort(key=lambda p: (reader.result.files.index(p.file.split("[")[0])
                                               if p.file.split("[")[0] in reader.result.files else 0, p.file, p.row))
    return reader.result

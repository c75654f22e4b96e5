"""Validation: raw text tables -> clean pandas DataFrames and a list of problems.

Each row is either used (it is in the returned DataFrame) or reported as a
:class:`~collabnet.errors.Problem` with ``left_out=True``; warnings
(``left_out=False``) note a value that was ignored or assumed in a row that
is used. Nothing disappears unreported.

Examples
--------
>>> from collabnet.dataset.reading import parse_csv_bytes
>>> raw = parse_csv_bytes(b"id,name,kind,sector,zone\\na,A,org,medical,Zuid\\nb,B,org,mental_helth,south\\n",
...                       "actors", "actors.csv")
>>> tables, problems = validate_tables({"actors": raw})
>>> list(tables["actors"]["zone"])
['south']
>>> print(problems[0])
actors.csv:3: sector: unknown sector 'mental_helth' (did you mean 'mental_health'?)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import methodcaller

import pandas as pd

from collabnet import codes
from collabnet.codes import CodeTable, normalise
from collabnet.dataset.dates import parse_date
from collabnet.dataset.names import spellings
from collabnet.dataset.reading import RawTable
from collabnet.errors import DatasetError, Problem, reason

__all__ = ["REQUIRED", "KNOWN", "validate_tables", "problem_order", "Taxonomy", "ZoneTable"]

REQUIRED = {
    "actors": ("id", "name", "kind", "sector"),
    "groups": ("id", "name", "type"),
    "memberships": ("actor", "group"),
    "ties": ("source", "target"),
    "zones": ("zone", "municipality"),
    "sectors": ("code", "family"),
}

KNOWN = {
    "actors": ("id", "name", "kind", "sectors", "sector", "family", "line", "zone", "municipality", "organisation",
               "language", "neighbourhood", "email", "phone", "since", "until"),
    "groups": ("id", "name", "type", "zone", "theme", "since", "until"),
    "memberships": ("actor", "group", "role", "since", "until"),
    "ties": ("source", "target", "type", "weight", "since", "until"),
    "zones": ("zone", "municipality", "postal_code", "name_nl", "name_fr", "name_en"),
    "sectors": ("code", "family", "name_nl", "name_fr", "name_en"),
}

_REGION_ALIASES = ("gewest", "region", "regio", "regional", "gewestelijk", "brussels region", "region bruxelloise",
                   "bruxelles capitale", "brussel hoofdstad", "brussels capital region", "hele gewest",
                   "toute la region", "whole region", "bhg", "rbc")


@dataclass
class Taxonomy:
    """The sector taxonomy in force: codes, families, display names and aliases."""

    table: pd.DataFrame
    codes_table: CodeTable = field(init=False)
    family: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        aliases = {}
        self.family = {}
        for rec in self.table.itertuples(index=False):
            aliases[rec.code] = [n for n in (rec.name_nl, rec.name_fr, rec.name_en) if n]
            self.family[rec.code] = rec.family
        self.codes_table = CodeTable("sector", aliases)

    @classmethod
    def builtin(cls) -> Taxonomy:
        rows = [dict(code=c, family=f, name_nl=nl, name_fr=fr, name_en=en)
                for c, f, nl, fr, en in codes.BUILTIN_SECTORS]
        taxonomy = cls(pd.DataFrame(rows, columns=list(KNOWN["sectors"])))
        taxonomy.codes_table = CodeTable("sector", {code: [*names, *codes.FORMER_SECTOR_NAMES.get(code, ())]
                                                    for code, names in taxonomy.codes_table.aliases.items()})
        return taxonomy


@dataclass
class ZoneTable:
    """The care zones in force: zone codes with aliases, municipality names and postal codes -> zone."""

    table: pd.DataFrame
    zone_codes: CodeTable = field(init=False)
    by_place: dict[str, set[str]] = field(init=False)
    _places: dict[str, set[str]] = field(init=False, repr=False, default_factory=dict)  # value -> its zones, once read

    def __post_init__(self) -> None:
        aliases: dict[str, list[str]] = {}
        self.by_place = {}
        for rec in self.table.itertuples(index=False):
            names = aliases.setdefault(rec.zone, [])
            for name in (rec.name_nl, rec.name_fr, rec.name_en):
                if name and name not in names:
                    names.append(name)
            for place in [rec.municipality, *str(rec.postal_code or "").split("|")]:
                key = normalise(place)
                if key:
                    self.by_place.setdefault(key, set()).add(rec.zone)
        builtin = {code: list(names) for code, names in codes.BUILTIN_ZONE_NAMES.items()}
        for code in aliases:
            for name in builtin.get(code, []):
                if name not in aliases[code]:
                    aliases[code].append(name)
        aliases[codes.REGION] = list(_REGION_ALIASES)
        self.zone_codes = CodeTable("zone", aliases)

    @classmethod
    def builtin(cls) -> ZoneTable:
        rows = []
        for zone, names, postal in codes.BUILTIN_ZONES:
            nl, fr, en = codes.BUILTIN_ZONE_NAMES[zone]
            for name in names:
                rows.append(dict(zone=zone, municipality=name, postal_code="|".join(postal),
                                 name_nl=nl, name_fr=fr, name_en=en))
        return cls(pd.DataFrame(rows, columns=list(KNOWN["zones"])))

    def match_zone(self, value: str) -> str | None:
        """Zone code named by ``value`` ("Zuid", "zorgzone Sud", "south"), or None."""
        found = self.zone_codes.match(value)
        if found is None:
            key = normalise(value)
            for prefix in codes.ZONE_PREFIXES:
                if key.startswith(prefix + " "):
                    found = self.zone_codes.match(key[len(prefix) + 1:])
                    break
        return found

    def zones_of_place(self, value: str) -> set[str]:
        """Zones a municipality name or postal code belongs to (empty when unknown)."""
        if value not in self._places:  # a column repeats few distinct places
            self._places[value] = self._zones_of_place(value)
        return self._places[value]

    def _zones_of_place(self, value: str) -> set[str]:
        key = normalise(value)
        if key in self.by_place:
            return self.by_place[key]
        postal = re.search(r"\b(\d{4})\b", value)
        if postal and postal.group(1) in self.by_place:
            return self.by_place[postal.group(1)]
        if postal:
            rest = normalise(value.replace(postal.group(1), " "))
            if rest in self.by_place:
                return self.by_place[rest]
        return set()


class _Checker:
    """Collects problems for one table while its rows are validated."""

    def __init__(self, raw: RawTable, problems: list[Problem]):
        self.raw = raw
        self.problems = problems
        self.failed = False
        self.dates: dict[tuple[str, str], tuple[str, str]] = {}  # (since, until) as written -> as read, when valid

    def start(self) -> None:
        """Begin a new row: every problem of the row is reported, then the row is left out."""
        self.failed = False

    def fail(self, row: int, column: str, message) -> None:
        self.failed = True
        self.problems.append(Problem(self.raw.label, row, self.raw.header(column), message, left_out=True))

    def warn(self, row: int, column: str, message) -> None:
        self.problems.append(Problem(self.raw.label, row, self.raw.header(column), message, left_out=False))


def _identify(check: _Checker, number: int, values: dict[str, str], seen: dict[str, int]) -> str:
    """Check a row's ``id`` (present, unique in its table) and ``name``; return the id."""
    row_id = values["id"]
    if not row_id:
        check.fail(number, "id", reason("empty", column="id"))
    elif row_id in seen:
        check.fail(number, "id", reason("duplicate_id", id=row_id, first=seen[row_id]))
    else:
        seen[row_id] = number
    if not values["name"]:
        check.fail(number, "name", reason("empty", column="name"))
    return row_id


def _require_columns(raw: RawTable) -> None:
    for column in REQUIRED[raw.name]:
        if column not in raw.columns:
            found = ", ".join(raw.header(c) for c in raw.columns) or reason("none.f")
            others = [n for n in spellings(raw.name, column) if n != column][:2]
            also = reason("also_accepted", names=", ".join(others)) if others else ""
            raise DatasetError(reason("missing_column", file=raw.label, column=column, found=found, also=also))


def _code(check: _Checker, row: int, column: str, value: str, table: CodeTable, required: bool):
    """Match a code; report and return ``False`` when it cannot be used."""
    if not value:
        if required:
            check.fail(row, column, reason("empty", column=column))
            return False
        return None
    found = table.match(value)
    if found is None:
        check.fail(row, column, table.unknown_message(value))
        return False
    return found


def _dates(check: _Checker, row: int, values: dict[str, str], kept: bool = False) -> tuple[str, str] | None:
    """A row's ``since`` and ``until`` as ISO text; None when they are bad and the row is left out.

    ``kept``: the dates are an extension of the contract (actors, groups), whose
    unknown columns are never an error: bad dates are reported, ignored, and the row is kept.
    """
    written = (values.get("since", ""), values.get("until", ""))
    if written in check.dates:  # a table repeats a few dates many times
        return check.dates[written]
    def bad(column: str, why) -> tuple[str, str] | None:
        if kept:
            check.warn(row, column, reason("date_ignored", reason=why))
            return ("", "")
        check.fail(row, column, why)
        return None

    parsed, found = {}, None
    for column in ("since", "until"):
        try:
            parsed[column] = parse_date(values.get(column, ""))
        except ValueError as exc:
            found = bad(column, exc.message)
    if len(parsed) < 2:
        return found
    since, until = parsed["since"], parsed["until"]
    if since and until and until <= since:
        return bad("until", reason("reversed_dates", until=until, since=since))
    found = check.dates[written] = (since.isoformat() if since else "", until.isoformat() if until else "")
    return found


def _frame(records: list[dict], raw: RawTable, known: tuple[str, ...]) -> pd.DataFrame:
    """The table of ``records``: the contract's columns, ``row``, then the file's other columns (empty when absent)."""
    extras = [c for c in raw.columns if c not in known and c != "row"]
    columns = [*known, "row", *extras]
    if not records:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "row" else "object") for c in columns})
    return pd.DataFrame({c: list(map(methodcaller("get", c, ""), records)) for c in columns}, columns=columns)


def _validate_sectors(raw: RawTable, problems: list[Problem]) -> Taxonomy:
    _require_columns(raw)
    check = _Checker(raw, problems)
    records, seen = [], {}
    for number, values in raw.rows:
        code = values["code"]
        family = _code(check, number, "family", values["family"], codes.FAMILIES, True)
        if not code:
            check.fail(number, "code", reason("empty", column="code"))
            continue
        if family is False:
            continue
        if code in seen:
            check.fail(number, "code", reason("duplicate_sector", code=code, first=seen[code]))
            continue
        seen[code] = number
        records.append(dict(values, code=code, family=family, row=number))
    frame = _frame(records, raw, KNOWN["sectors"])
    if frame.empty:
        raise DatasetError(reason("no_sector", file=raw.label))
    return Taxonomy(frame)


def _validate_zones(raw: RawTable, problems: list[Problem]) -> ZoneTable:
    _require_columns(raw)
    check = _Checker(raw, problems)
    records = []
    for number, values in raw.rows:
        if not values["zone"]:
            check.fail(number, "zone", reason("empty", column="zone"))
            continue
        if not values["municipality"]:
            check.fail(number, "municipality", reason("empty", column="municipality"))
            continue
        records.append({**{k: values.get(k, "") for k in raw.columns}, "row": number})
    frame = _frame(records, raw, KNOWN["zones"])
    if frame.empty:
        raise DatasetError(reason("no_zone_row", file=raw.label))
    return ZoneTable(frame)


def _validate_actors(raw: RawTable, taxonomy: Taxonomy, zones: ZoneTable, problems: list[Problem]) -> pd.DataFrame:
    _require_columns(raw)
    check = _Checker(raw, problems)
    seen: dict[str, int] = {}
    candidates: dict[str, dict] = {}
    for number, values in raw.rows:
        check.start()
        actor_id = _identify(check, number, values, seen)
        kind = _code(check, number, "kind", values["kind"], codes.KINDS, True)
        sectors = []
        parts = [p.strip() for p in values["sector"].split("|") if p.strip()]
        if not parts:
            check.fail(number, "sector", reason("empty", column="sector"))
        for part in parts:
            code = taxonomy.codes_table.match(part)
            if code is None:
                unknown = taxonomy.codes_table.unknown_message(part)
                if "," in part or ";" in part:
                    unknown = reason("several_sectors", reason=unknown)
                check.fail(number, "sector", unknown)
            elif code not in sectors:
                sectors.append(code)
        line = _code(check, number, "line", values.get("line", ""), codes.LINES, False)
        language = values.get("language", "")
        if language:
            matched = codes.LANGUAGES.match(language)
            if matched is None and language.lower() in codes.ISO_639_1:
                matched = language.lower()
            if matched is None:
                check.fail(number, "language", reason("bad_language", value=language))
            language = matched or ""
        zone = ""
        if values.get("zone", ""):
            zone = zones.match_zone(values["zone"])
            if zone is None:
                check.fail(number, "zone", zones.zone_codes.unknown_message(values["zone"]))
        elif values.get("municipality", ""):
            found = zones.zones_of_place(values["municipality"])
            if len(found) == 1:
                zone = next(iter(found))
            elif len(found) > 1:
                check.fail(number, "municipality", reason("several_zones", municipality=values["municipality"],
                                                          zones=", ".join(sorted(found))))
        dates = _dates(check, number, values, kept=True) if ("since" in raw.columns or "until" in raw.columns) \
            else ("", "")
        if check.failed:
            continue
        candidates[actor_id] = dict(
            values, id=actor_id, kind=kind, sectors="|".join(sectors), sector=sectors[0],
            family=taxonomy.family[sectors[0]], line="" if line is None else str(line), zone=zone,
            language=language, since=dates[0], until=dates[1], row=number,
        )
    # Second pass: references between actors (a person's organisation), zone inheritance.
    used: dict[str, dict] = {}
    # Organisations first, so that a person is only kept when its organisation is.
    ordered = sorted(candidates.items(), key=lambda item: (item[1]["kind"] != "organisation", item[1]["row"]))
    for actor_id, rec in ordered:
        organisation = rec.get("organisation", "")
        number = rec["row"]
        if rec["kind"] == "person" and organisation:
            org = used.get(organisation) or (candidates.get(organisation) if candidates.get(organisation, {})
                                              .get("kind") == "person" else None)
            if org is None:
                if organisation in seen:
                    check.fail(number, "organisation", reason("left_out.organisation", id=organisation,
                                                              at=f"{raw.label}:{seen[organisation]}"))
                else:
                    check.fail(number, "organisation", reason("no_id.actor", id=organisation))
                continue
            if org["kind"] != "organisation":
                check.fail(number, "organisation", reason("person_not_organisation", id=organisation))
                continue
            for column in ("zone", "line", "language", "municipality"):
                if not rec.get(column):
                    rec[column] = org.get(column, "")
        elif rec["kind"] == "organisation" and organisation:
            check.warn(number, "organisation", reason("organisation_of_organisation"))
        if not rec["zone"]:
            if rec.get("municipality"):
                check.fail(number, "municipality", reason("zone_of_municipality", municipality=rec["municipality"]))
            else:
                check.fail(number, "zone", reason("no_zone"))
            continue
        used[actor_id] = rec
    return _frame(sorted(used.values(), key=lambda r: r["row"]), raw, KNOWN["actors"])


def _validate_groups(raw: RawTable, zones: ZoneTable, problems: list[Problem]) -> pd.DataFrame:
    _require_columns(raw)
    check = _Checker(raw, problems)
    seen: dict[str, int] = {}
    records = []
    for number, values in raw.rows:
        check.start()
        group_id = _identify(check, number, values, seen)
        group_type = _code(check, number, "type", values["type"], codes.GROUP_TYPES, True)
        zone = ""
        if values.get("zone", ""):
            zone = zones.match_zone(values["zone"])
            if zone is None:
                check.fail(number, "zone", zones.zone_codes.unknown_message(values["zone"]))
        dates = _dates(check, number, values, kept=True) if ("since" in raw.columns or "until" in raw.columns) \
            else ("", "")
        if check.failed:
            continue
        records.append(dict(values, id=group_id, type=group_type, zone=zone, since=dates[0], until=dates[1],
                            row=number))
    return _frame(records, raw, KNOWN["groups"])


def _reference(check: _Checker, number: int, column: str, value: str, used: set[str], seen: dict[str, str],
               what: str) -> bool:
    """Check that ``value`` names a used actor or group; report why not."""
    if not value:
        check.fail(number, column, reason("empty", column=column))
        return False
    if value in used:
        return True
    if value in seen:
        check.fail(number, column, reason(f"left_out.{what}", id=value, at=seen[value]))
    else:
        check.fail(number, column, reason(f"no_id.{what}", id=value))
    return False


def _validate_memberships(raw: RawTable, actors: set[str], groups: set[str], seen_actors: dict, seen_groups: dict,
                          problems: list[Problem]) -> pd.DataFrame:
    _require_columns(raw)
    check = _Checker(raw, problems)
    records = []
    for number, values in raw.rows:
        check.start()
        _reference(check, number, "actor", values["actor"], actors, seen_actors, "actor")
        _reference(check, number, "group", values["group"], groups, seen_groups, "group")
        role = values.get("role", "") or "member"
        matched = codes.ROLES.match(role)
        dates = _dates(check, number, values)
        if check.failed:
            continue
        if matched is None:
            check.warn(number, "role", reason("kept_as_written", reason=codes.ROLES.unknown_message(role)))
            matched = role
        records.append(dict(values, role=matched, since=dates[0], until=dates[1], row=number))
    return _frame(records, raw, KNOWN["memberships"])


def _weight(text: str, zero: bool = False) -> float:
    """A tie's weight; ``zero``: 0 is a weight too (a survey answer "no interaction", which makes no edge)."""
    value = float(text.replace(",", ".")) if text else 1.0
    if not (value > 0 or (zero and value == 0)) or value == float("inf"):
        raise ValueError
    return value


def _validate_ties(raw: RawTable, actors: set[str], seen_actors: dict, problems: list[Problem]) -> pd.DataFrame:
    _require_columns(raw)
    check = _Checker(raw, problems)
    records = []
    surveys: dict[str, bool] = {}  # tie type as written -> a survey's?
    for number, values in raw.rows:
        check.start()
        source, target = values["source"], values["target"]
        _reference(check, number, "source", source, actors, seen_actors, "actor")
        _reference(check, number, "target", target, actors, seen_actors, "actor")
        if source and source == target:
            check.fail(number, "target", reason("self_tie", id=source))
        weight = 1.0
        written = values.get("type", "")
        if written not in surveys:
            surveys[written] = normalise(written) == "survey"
        survey = surveys[written]
        try:
            weight = _weight(values.get("weight", ""), zero=survey)
        except ValueError:
            check.fail(number, "weight", reason("bad_weight_survey" if survey else "bad_weight", value=values["weight"]))
        dates = _dates(check, number, values)
        if check.failed:
            continue
        tie_type = values.get("type", "") or "collaboration"
        tie_type = codes.TIE_TYPES.match(tie_type) or tie_type.strip().lower()
        records.append(dict(values, type=tie_type, weight=weight, since=dates[0], until=dates[1], row=number))
    frame = _frame(records, raw, KNOWN["ties"])
    frame["weight"] = frame["weight"].astype("float64")
    return frame


def problem_order(raw: dict[str, RawTable]):
    """Sort key for problems: tables in contract order, then file, row, column."""
    order = {name: i for i, name in enumerate(("actors", "groups", "memberships", "ties", "zones", "sectors"))}
    labels = {t.label: order.get(t.name, 9) for t in raw.values()}

    def key(problem: Problem):
        table = next((order[n] for n in order if problem.file.endswith((f"{n}.csv", f"[{n}]"))), 9)
        return (labels.get(problem.file, table), problem.file, problem.row, problem.column)

    return key


def validate_tables(raw: dict[str, RawTable]) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Validate raw tables against the dataset contract.

    Returns clean DataFrames for every table (absent optional tables are
    empty; ``zones`` / ``sectors`` fall back to the built-in tables) and the
    problems found, reading problems included, in file and row order.
    """
    problems: list[Problem] = []
    for table in raw.values():
        problems.extend(table.problems)
    taxonomy = _validate_sectors(raw["sectors"], problems) if "sectors" in raw else Taxonomy.builtin()
    zones = _validate_zones(raw["zones"], problems) if "zones" in raw else ZoneTable.builtin()
    actors = _validate_actors(raw["actors"], taxonomy, zones, problems)
    seen_actors = {v["id"]: f"{raw['actors'].label}:{n}" for n, v in raw["actors"].rows if v.get("id")}
    actor_ids = set(actors["id"].tolist())
    empty = RawTable("", "", [], [])
    groups = _validate_groups(raw["groups"], zones, problems) if "groups" in raw else _frame([], empty, KNOWN["groups"])
    seen_groups = {v["id"]: f"{raw['groups'].label}:{n}" for n, v in raw["groups"].rows if v.get("id")} \
        if "groups" in raw else {}
    group_ids = set(groups["id"].tolist())
    memberships = (_validate_memberships(raw["memberships"], actor_ids, group_ids, seen_actors, seen_groups, problems)
                   if "memberships" in raw else _frame([], empty, KNOWN["memberships"]))
    ties = (_validate_ties(raw["ties"], actor_ids, seen_actors, problems)
            if "ties" in raw else _frame([], empty, KNOWN["ties"]))
    if "ties" not in raw:
        ties["weight"] = ties["weight"].astype("float64")
    problems.sort(key=problem_order(raw))
    tables = {"actors": actors, "groups": groups, "memberships": memberships, "ties": ties,
              "zones": zones.table, "sectors": taxonomy.table}
    return tables, problems

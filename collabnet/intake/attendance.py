"""Sign-in sheets and member lists -> persons and memberships of one group (intake.md, section 2).

Each row of the list names a person and, in free text, their organisation.
The organisation is matched to an organisation actor of the dataset
(:mod:`collabnet.intake.matching`); a matched row adds the person (an actor of
kind ``person`` of that organisation) and their membership of the group.
Every row not matched with certainty goes to ``review.csv`` with its best
candidates and an empty ``decision`` column; the next run applies what the
user wrote there:

- an actor id (one of the candidates or any other organisation of the dataset);
- ``new:SECTOR`` or ``new:SECTOR:ZONE``: create the organisation as written in
  the list (zone: the group's when not given);
- ``skip``: the row is not imported (and counted as skipped).

Re-running an import is harmless: persons and memberships already in the
dataset are recognised, not added twice. Nothing is dropped in silence: each
row ends up matched, decided, in review, a duplicate of an earlier row, or
reported with file, row and column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from collabnet.codes import normalise
from collabnet.dataset import load_dataset
from collabnet.dataset.dates import parse_date
from collabnet.dataset.reading import parse_csv_bytes
from collabnet.dataset.validation import Taxonomy, ZoneTable
from collabnet.errors import DatasetError, Problem, reason
from collabnet.intake.folder import DatasetTables
from collabnet.intake.matching import Match, Matcher
from collabnet.intake.sheets import (
    DATE,
    EMAIL,
    FIRST_NAME,
    FUNCTION,
    LAST_NAME,
    NAME,
    ORGANISATION,
    PHONE,
    find_columns,
    read_list,
)
from collabnet.records.messages import Message
from collabnet.writing import safe_name, write_csv

__all__ = ["import_attendance", "AttendanceResult", "RowOutcome", "REVIEW_FILE", "REVIEW_COLUMNS", "organisation_names"]

REVIEW_FILE = "review.csv"
CANDIDATES = 3
REVIEW_COLUMNS = ("list", "row", "name", "organisation", "function", "reason",
                  *(f"{what}_{i}" for i in range(1, CANDIDATES + 1) for what in ("candidate", "score", "candidate_name")),
                  "decision")


@dataclass(frozen=True)
class RowOutcome:
    """What became of one row of the list.

    ``outcome`` is one of ``matched`` (automatically), ``decided`` (by the
    review file), ``created`` (a new organisation, by the review file),
    ``review``, ``skipped`` (by the review file), ``duplicate`` or ``left_out``;
    ``detail`` says why (a message of :mod:`collabnet.words.intake`).
    """

    row: int
    organisation_text: str
    outcome: str
    actor: str = ""
    score: float = 0.0
    detail: Message | str = ""


@dataclass
class AttendanceResult:
    """The summary of one import: per-row outcomes, problems, and what was added."""

    label: str
    group: str
    rows: list[RowOutcome] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    persons_added: int = 0
    memberships_added: int = 0
    already_present: int = 0
    group_created: bool = False
    written: list[Path] = field(default_factory=list)
    review_file: Path | None = None

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.rows if r.outcome == outcome)


def organisation_names(actors) -> list[tuple[str, list[str]]]:
    """(id, names) of every organisation of a validated actors table: ``name``, ``name_nl``, ``name_fr``, ``alias``.

    ``alias`` may hold several names separated by ``|``.
    """
    found = []
    for rec in actors.to_dict("records"):
        if rec["kind"] != "organisation":
            continue
        names = [rec["name"], rec.get("name_nl", ""), rec.get("name_fr", "")]
        names += [a.strip() for a in str(rec.get("alias", "") or "").split("|")]
        found.append((rec["id"], [str(n) for n in names if isinstance(n, str) and n.strip()]))
    return found


def _decisions(path: Path, label: str, organisations: set[str], taxonomy: Taxonomy, zones: ZoneTable,
               group_zone: str, problems: list[Problem]) -> dict[int, tuple[str, dict[str, str]]]:
    """The review file's decisions for this list: list row -> (decision, the review row)."""
    if not path.is_file():
        return {}
    table = parse_csv_bytes(path.read_bytes(), "review", path.name)
    for column in ("list", "row", "organisation", "decision"):
        if column not in table.columns:
            raise DatasetError(reason("column_missing", file=path.name, column=column, found=", ".join(table.columns)))
    problems.extend(table.problems)
    found: dict[int, tuple[str, dict[str, str]]] = {}
    for number, values in table.rows:
        if values["list"] != label:
            continue
        decision = values["decision"].strip()
        try:
            row = int(values["row"])
        except ValueError:
            problems.append(Problem(path.name, number, "row", reason("not_a_row_number", value=values["row"])))
            continue
        error = _decision_error(decision, organisations, taxonomy, zones, group_zone) if decision else None
        if error is not None:
            problems.append(Problem(path.name, number, "decision", reason("stays_in_review", reason=error)))
            decision = ""
        found[row] = (decision, values)
    return found


def _decision_error(decision: str, organisations: set[str], taxonomy: Taxonomy, zones: ZoneTable,
                    group_zone: str):
    """Why a decision cannot be applied (a message), or None when it can."""
    if decision.lower() == "skip" or decision in organisations:
        return None
    if decision.lower().startswith("new:"):
        parts = decision.split(":")
        if len(parts) not in (2, 3) or taxonomy.codes_table.match(parts[1]) is None:
            return reason("decision_new", decision=decision)
        if len(parts) == 3 and zones.match_zone(parts[2]) is None:
            return reason("decision", decision=decision, reason=zones.zone_codes.unknown_message(parts[2]))
        if len(parts) == 2 and not group_zone:
            return reason("decision_zone", decision=decision)
        return None
    return reason("decision_unknown", decision=decision)


def _says(key: str, **fields) -> Message:
    return Message(f"import.detail.{key}", tuple(fields.items()))


def _person_id(name: str, organisation: str, actors: dict[str, dict[str, str]]) -> str:
    """A stable id for a person: ``p-<name>``, with the organisation added when another actor has that id."""
    base = f"p-{safe_name(name)}"
    if base not in actors or actors[base].get("organisation") == organisation:
        return base
    return f"{base}-{safe_name(organisation)}"


def _new_organisation(text: str, decision: str, group_zone: str, taxonomy: Taxonomy, zones: ZoneTable,
                      tables: DatasetTables) -> str:
    parts = decision.split(":")
    org_id = f"org-{safe_name(text)}"
    if org_id not in tables.ids("actors"):
        zone = zones.match_zone(parts[2]) if len(parts) == 3 else group_zone
        tables.add("actors", {"id": org_id, "name": text, "kind": "organisation",
                              "sector": str(taxonomy.codes_table.match(parts[1])), "zone": zone or ""})
    return org_id


def import_attendance(list_path: str | Path, dataset: str | Path, group: str, *, out: str | Path | None = None,
                      since: dt.date | None = None, sheet: str | None = None, review: str | Path | None = None,
                      group_name: str | None = None, group_type: str | None = None,
                      matcher: Matcher | None = None) -> AttendanceResult:
    """Import one sign-in sheet or member list into a dataset folder (see the module's description).

    Parameters
    ----------
    list_path : path
        The list (CSV or xlsx; headers in nl, fr or en).
    dataset : path
        The dataset (a CSV folder, or a workbook when ``out`` is given).
    group : str
        The group's id; it must exist unless ``group_type`` is given (then it is created).
    out : path, optional
        Where to write the dataset (default: in place).
    since : date, optional
        The memberships' ``since``, for rows without a date of their own (a ``date`` / ``datum`` column).
    review : path, optional
        The review file (default: ``review.csv`` in the written dataset).
    """
    source, target = Path(dataset), Path(out) if out is not None else Path(dataset)
    if out is None and not source.is_dir():
        raise DatasetError(reason("import_writes_folder", file=source.name))
    ds = load_dataset(source)
    tables = DatasetTables.read(source)
    taxonomy = Taxonomy(ds.sectors)
    zones = ZoneTable(ds.zones)
    table = read_list(list_path, sheet, needs={"organisation": ORGANISATION, "name": NAME + FIRST_NAME + LAST_NAME})
    columns = find_columns(table, {"name": NAME, "first": FIRST_NAME, "last": LAST_NAME,
                                   "organisation": ORGANISATION, "function": FUNCTION, "email": EMAIL, "phone": PHONE,
                                   "date": DATE})
    if "organisation" not in columns or not ({"name", "last", "first"} & set(columns)):
        missing = "organisation" if "organisation" not in columns else "name"
        raise DatasetError(reason(f"no_list_column.{missing}", file=table.label,
                                  found=", ".join(table.columns) or reason("none"),
                                  examples=", ".join((ORGANISATION if missing == "organisation" else NAME)[:4])))
    result = AttendanceResult(table.label, group, problems=list(table.problems))
    groups = tables.ids("groups")
    if group not in groups:
        if group_type is None:
            known = ", ".join(sorted(g for g in groups if g)) or reason("none")
            raise DatasetError(reason("no_group", group=group, known=known))
        tables.add("groups", {"id": group, "name": group_name or group, "type": group_type})
        result.group_created = True
        group_zone = ""
    else:
        group_zone = ds.groups.set_index("id")["zone"].get(group, "") if len(ds.groups) else ""
    organisations = {rec["id"]: rec for rec in ds.actors.to_dict("records") if rec["kind"] == "organisation"}
    matcher = matcher or Matcher(organisation_names(ds.actors))
    review_path = Path(review) if review is not None else target / REVIEW_FILE
    decisions = _decisions(review_path, table.label, set(organisations), taxonomy, zones, group_zone, result.problems)
    actors = tables.ids("actors")
    memberships = {(m.get("actor"), m.get("group"), m.get("since", "")) for m in tables.rows.get("memberships", [])}
    seen: dict[str, int] = {}
    pending: list[dict[str, str]] = []
    for number, values in table.rows:
        name = _full_name(values, columns)
        text = values.get(columns["organisation"], "")
        if not name:
            result.problems.append(Problem(table.label, number, columns.get("name", columns.get("last", "name")),
                                           reason("row_not_imported", reason=reason("no_person_name"))))
            result.rows.append(RowOutcome(number, text, "left_out", detail=_says("no_name")))
            continue
        try:  # a date column (a member list's "lid sinds") comes before --since; day first, as everywhere
            day = parse_date(values.get(columns.get("date", ""), "")) or since
        except ValueError as exc:
            result.problems.append(Problem(table.label, number, columns["date"],
                                           reason("row_not_imported", reason=exc.message)))
            result.rows.append(RowOutcome(number, text, "left_out", detail=_says("bad_date")))
            continue
        person_key = normalise(name)  # one person signs once; a second line is a duplicate, whatever it says
        if person_key in seen:
            result.rows.append(RowOutcome(number, text, "duplicate", detail=_says("same_person", row=seen[person_key])))
            continue
        seen[person_key] = number
        match = matcher.match(text)
        decision, reviewed = decisions.get(number, ("", {}))
        if reviewed and normalise(reviewed.get("organisation", "")) != normalise(text):
            result.problems.append(Problem(review_path.name, 0, "organisation",
                                           reason("decision_changed", at=f"{table.label}:{number}",
                                                  before=reviewed.get("organisation"), now=text), left_out=False))
            decision = ""
        if match.status == "matched" and not decision:
            actor, outcome = match.actor, "matched"
        elif decision.lower() == "skip":
            result.rows.append(RowOutcome(number, text, "skipped", detail=_says("skip")))
            pending.append(_review_row(table.label, number, name, text, values, columns, match, decision))
            continue
        elif decision.lower().startswith("new:"):
            actor, outcome = _new_organisation(text, decision, group_zone, taxonomy, zones, tables), "created"
            organisations.setdefault(actor, {"id": actor, "sectors": str(taxonomy.codes_table.match(decision.split(":")[1]))})
            actors = tables.ids("actors")
        elif decision:
            actor, outcome = decision, "decided"
        else:
            result.rows.append(RowOutcome(number, text, "review", score=match.score, detail=match.message))
            if match.status == "empty":
                result.problems.append(Problem(table.label, number, columns["organisation"],
                                               reason("no_organisation"), left_out=False))
            pending.append(_review_row(table.label, number, name, text, values, columns, match, decision))
            continue
        if outcome != "matched":
            pending.append(_review_row(table.label, number, name, text, values, columns, match, decision))
        result.rows.append(RowOutcome(number, text, outcome, actor, match.score if outcome == "matched" else 0.0,
                                      match.message if outcome == "matched" else _says("decision", decision=decision)))
        person = _person_id(name, actor, actors)
        if person not in actors:
            org = organisations[actor]
            row = {"id": person, "name": name, "kind": "person", "sector": org.get("sectors") or org.get("sector", ""),
                   "organisation": actor}
            for meaning in ("function", "email", "phone"):
                if meaning in columns and values.get(columns[meaning]):
                    row[meaning] = values[columns[meaning]]
            tables.add("actors", row)
            actors = tables.ids("actors")
            result.persons_added += 1
        membership = (person, group, day.isoformat() if day else "")
        if membership in memberships:
            result.already_present += 1
        else:
            tables.add("memberships", {"actor": person, "group": group, "role": "member", "since": membership[2]})
            memberships.add(membership)
            result.memberships_added += 1
    result.written = tables.write(target)
    result.review_file = _write_review(review_path, table.label, pending)
    return result


def _full_name(values: dict[str, str], columns: dict[str, str]) -> str:
    """The person's name: the name column, or the first name joined to the family name ("Prénom" + "Nom")."""
    name, first, last = (values.get(columns[c], "") if c in columns else "" for c in ("name", "first", "last"))
    if first and (last or name):
        name = f"{first} {last or name}"  # with "Voornaam", the "Naam" column holds the family name
    return " ".join((name or first or last).split())


def _review_row(label: str, number: int, name: str, text: str, values: dict[str, str], columns: dict[str, str],
                match: Match, decision: str) -> dict[str, str]:
    row = {"list": label, "row": str(number), "name": name, "organisation": text,
           "function": values.get(columns.get("function", ""), ""), "reason": match.reason, "decision": decision}
    for i, candidate in enumerate(match.candidates[:CANDIDATES], start=1):
        row.update({f"candidate_{i}": candidate.actor, f"score_{i}": f"{candidate.score:g}",
                    f"candidate_name_{i}": candidate.name})
    return row


def _write_review(path: Path, label: str, rows: Iterable[dict[str, str]]) -> Path | None:
    """Rewrite the review file: this list's rows replaced, other lists' rows kept as they were."""
    kept: list[dict[str, str]] = []
    if path.is_file():
        kept = [values for _n, values in parse_csv_bytes(path.read_bytes(), "review", path.name).rows
                if values.get("list") != label]
    rows = kept + list(rows)
    if not rows and not path.is_file():
        return None
    return write_csv(path, REVIEW_COLUMNS, rows)

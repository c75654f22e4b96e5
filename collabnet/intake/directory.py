"""The region's directory (social.brussels records) -> organisation actors (intake.md, section 1).

One record per organisation, as the directory serves them (``/rest/organisation/{id}``),
saved as a JSON array or a folder of one-record files. Each usable record
becomes one actor ``sb-<id>``: its name in the language it works in (both
kept as ``name_fr`` / ``name_nl``), ``language`` from ``langStatus``,
municipality, ``postal_code`` and zone from the address, sectors and line
through ``sector_map.csv``, and a ``provenance`` naming the record and its date.

Labels the map does not know are reported with the records they affect, and
those organisations still get a row (sector ``other``, a sector the written
``sectors.csv`` adds to the built-in taxonomy). Re-importing newer records
into the same folder updates their rows in place and says what changed;
columns and rows the import does not own are kept as they are.

Every field read must have the JSON type the directory writes: ``id`` and the
names a text or a whole number (else the record is left out), ``address``,
``legalStatus`` and each item of ``sectorsObjects`` / ``categoriesObject`` an
object, those two a list, the other fields a text (``zipCode`` also a whole
number); ``null`` is an absent field. A field of another type, a ``langStatus``
or a ``lastUpdate`` that cannot be read is ignored and reported
(``FILE:RECORD: field: reason``, a list item as ``sectorsObjects[N]``, counted
from 1), the record is kept. In a folder, every entry that is not a ``.json``
file is named, not read.

Examples
--------
>>> rec = {"id": 12, "nameOfficialFr": "CPAS de Forest", "nameOfficialNl": "OCMW Vorst", "langStatus": "FR-NL",
...        "address": {"zipCode": "1190", "municipalityFr": "Forest", "municipalityNl": "Vorst"},
...        "sectorsObjects": [{"labelFr": "CPAS", "labelNl": "OCMW"}], "lastUpdate": "15/01/24"}
>>> row, unmapped, notes = actor_row(rec, SectorMap.shipped())
>>> row["id"], row["name"], row["language"], row["sector"], row["line"], row["zone"], row["provenance"]
('sb-12', 'CPAS de Forest', 'bi', 'social_assistance', '1', 'south', 'social.brussels 12 2024-01-15')
>>> _, _, notes = actor_row({**rec, "langStatus": "FR/NL", "address": "Rue du Curé 35, 1190"}, SectorMap.shipped())
>>> [f"{name}: {english(why)}" for name, why in notes]  # doctest: +NORMALIZE_WHITESPACE
["langStatus: unknown language 'FR/NL' (expected one of: FR, NL, FR-NL, NL-FR, BI, EN, DE); ignored, the record
  is kept", 'address: "Rue du Curé 35, 1190" is not a JSON object; ignored, the record is kept',
 'address: zone not decided: postal code (none), municipality (none)']
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from collabnet import codes
from collabnet.codes import normalise
from collabnet.dataset.dates import parse_date
from collabnet.dataset.reading import parse_csv_bytes
from collabnet.dataset.validation import Taxonomy, ZoneTable
from collabnet.errors import BadValue, DatasetError, Problem, english, reason
from collabnet.intake.folder import DatasetTables
from collabnet.records.messages import Joined, Message

__all__ = ["SectorMap", "read_records", "actor_row", "import_directory", "DirectoryResult", "OWNED", "OTHER_SECTOR"]

#: The columns a directory import writes (and updates on re-import); any other column is the user's.
OWNED = ("id", "name", "kind", "sector", "line", "zone", "municipality", "postal_code", "language", "name_fr",
         "name_nl", "company_number", "provenance", "note")
#: The sector of an organisation whose directory labels map to no sector.
OTHER_SECTOR = ("other", "other", "Andere", "Autre", "Other")
_LANGUAGES = {"fr": "fr", "nl": "nl", "fr-nl": "bi", "nl-fr": "bi", "bi": "bi", "en": "en", "de": "de"}
_BRUSSELS_CITY = {"bruxelles", "brussel", "brussels", "bruxelles ville", "brussel stad", "ville de bruxelles",
                  "stad brussel", "brussels city"}


@dataclass
class SectorMap:
    """Directory label (folded) -> (sector code or "", line or ""), with the label as written."""

    entries: dict[str, tuple[str, str]] = field(default_factory=dict)

    @classmethod
    def read(cls, data: bytes, label: str, taxonomy: Taxonomy) -> SectorMap:
        """Read a ``label,sector,line`` table; bad rows stop the import (exit 2), all named at once."""
        table = parse_csv_bytes(data, "sector_map", label)
        for column in ("label", "sector"):
            if column not in table.columns:
                raise DatasetError(reason("missing_column", file=label, column=column, found=", ".join(table.columns),
                                          also=""))
        errors, entries = [p for p in table.problems if p.left_out], {}
        for number, values in table.rows:
            sector, line = values["sector"], values.get("line", "")
            code = taxonomy.codes_table.match(sector) if sector else ""
            if code is None:
                errors.append(Problem(label, number, "sector", taxonomy.codes_table.unknown_message(sector)))
            level = codes.LINES.match(line) if line else ""
            if level is None:
                errors.append(Problem(label, number, "line", codes.LINES.unknown_message(line)))
            if not values["label"]:
                errors.append(Problem(label, number, "label", reason("empty", column="label")))
            elif code is not None and level is not None:
                entries[normalise(values["label"])] = (str(code), str(level))
        if errors:
            raise DatasetError(reason("list", problems=Joined(tuple(p.as_message() for p in errors), "; ")))
        return cls(entries)

    @classmethod
    def shipped(cls) -> SectorMap:
        """The map that ships with collabnet (``collabnet/intake/sector_map.csv``)."""
        data = resources.files("collabnet.intake").joinpath("sector_map.csv").read_bytes()
        return cls.read(data, "sector_map.csv", _taxonomy())

    def over(self, base: SectorMap) -> SectorMap:
        """This map's entries first, ``base``'s for labels this map does not name."""
        return SectorMap({**base.entries, **self.entries})

    def lookup(self, obj: dict) -> tuple[str, str] | None:
        """(sector, line) for a directory object with ``labelFr`` / ``labelNl``, or None when neither is mapped."""
        for key in ("labelFr", "labelNl"):
            found = self.entries.get(normalise(obj.get(key) or ""))
            if found is not None:
                return found
        return None


def _taxonomy() -> Taxonomy:
    """The built-in taxonomy plus the ``other`` sector of unmapped organisations."""
    import pandas as pd

    builtin = Taxonomy.builtin().table
    other = pd.DataFrame([dict(zip(("code", "family", "name_nl", "name_fr", "name_en"), OTHER_SECTOR))])
    return Taxonomy(pd.concat([builtin, other], ignore_index=True))


def read_records(path: str | Path) -> tuple[list[tuple[str, int, dict]], list[Problem]]:
    """The records of a JSON array file or a folder of JSON files: (file, record number, record), problems.

    Raises
    ------
    DatasetError
        No record could be read at all.
    """
    source = Path(path)
    if not source.exists():
        raise DatasetError(reason("no_such_path", path=source))
    records, problems, files = [], [], 0
    for file in sorted(source.iterdir()) if source.is_dir() else [source]:
        if source.is_dir() and (skipped := _not_a_record_file(file)) is not None:
            problems.append(Problem(file.name, 0, "(file)", skipped, left_out=False))
            continue
        files += 1
        try:
            data = json.loads(file.read_bytes().decode("utf-8-sig"))
        except (OSError, ValueError, RecursionError) as exc:  # ValueError: bad UTF-8, bad JSON, a too long number
            error = str(getattr(exc, "msg", None) or getattr(exc, "strerror", None) or exc)
            problems.append(Problem(file.name, 0, "(json)", reason("bad_json_line", line=exc.lineno, error=error)
                                    if isinstance(exc, json.JSONDecodeError) else reason("bad_json", error=error)))
            continue
        items = data if isinstance(data, list) else [data]
        for number, item in enumerate(items, start=1):
            if isinstance(item, dict):
                records.append((file.name, number, item))
            else:
                problems.append(Problem(file.name, number, "(record)", reason("not_an_object")))
    if not records:
        found = [p.as_message() for p in problems] if files else [reason("no_json", folder=source),
                                                                   *(p.as_message() for p in problems)]
        raise DatasetError(reason("no_records", file=source.name, reasons=Joined(tuple(found), "; ")))
    return records, problems


def _not_a_record_file(entry: Path) -> Message | None:
    """Why an entry of a records folder is not read (a folder, no regular file, no ``.json`` name), or None."""
    if entry.is_dir():
        return reason("folder")
    if not entry.is_file():
        return reason("not_regular_entry")
    return None if entry.suffix.lower() == ".json" else reason("not_a_record_file")


#: A field's notes: (field, message), in the order the record is read.
Notes = list[tuple[str, Message]]


def _shown(value) -> str:
    """A JSON value as the record writes it, cut short."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (RecursionError, ValueError):  # nested deeper than json.dumps goes (json.loads may go deeper)
        text = "[…" if isinstance(value, list) else "{…"
    return text if len(text) <= 60 else text[:59] + "…"


def _wrong(value, expected: str) -> Message:
    return reason("not_json_type", value=_shown(value), expected=reason(f"json.{expected}"))


def _ignore(notes: Notes, name: str, why: Message) -> None:
    notes.append((name, reason("record_value_ignored", reason=why)))


def _is_whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(obj: dict, key: str, notes: Notes, name: str | None = None, *, number: bool = False) -> str:
    """``obj[key]`` as stripped text ("" when absent or null); a value of another JSON type is ignored and noted."""
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return (value or "").strip()
    if number and _is_whole(value):
        return str(value)
    _ignore(notes, name or key, _wrong(value, "text_or_number" if number else "text"))
    return ""


def _key_text(record: dict, key: str) -> str:
    """The id or a name: text or a whole number ("" when absent or null); any other JSON type leaves the record out.

    Raises
    ------
    ValueError
        (field, reason message).
    """
    value = record.get(key)
    if value is None or isinstance(value, str):
        return (value or "").strip()
    if _is_whole(value):
        return str(value)
    raise ValueError(key, reason("record_value_left_out", reason=_wrong(value, "text_or_number")))


def _object(record: dict, key: str, notes: Notes) -> dict:
    """``record[key]`` when it is an object ({} when absent or null); another JSON type is ignored and noted."""
    value = record.get(key)
    if value is None or isinstance(value, dict):
        return value or {}
    _ignore(notes, key, _wrong(value, "object"))
    return {}


def _labels(obj: dict, name: str, notes: Notes) -> dict[str, str]:
    """The text labels (``labelFr``, ``labelNl``) of a directory object; a label of another type is noted."""
    return {key: _text(obj, key, notes, f"{name}.{key}") for key in ("labelFr", "labelNl")}


def _listed(record: dict, key: str, notes: Notes) -> list[tuple[str, dict[str, str]]]:
    """(field, labels) of each object of the list ``record[key]``; whatever is no list, no object or has no
    label is ignored and noted."""
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        _ignore(notes, key, _wrong(value, "list"))
        return []
    found = []
    for number, obj in enumerate(value, start=1):
        name = f"{key}[{number}]"
        if not isinstance(obj, dict):
            _ignore(notes, name, _wrong(obj, "object"))
            continue
        before = len(notes)
        labels = _labels(obj, name, notes)
        if any(labels.values()):
            found.append((name, labels))
        elif len(notes) == before:  # no label at all (one of another type is noted already)
            _ignore(notes, name, reason("empty", column="labelFr/labelNl"))
    return found


def _language(record: dict, notes: Notes) -> tuple[str, str]:
    """(``language``, ``langStatus`` as written, upper case); a value that names no language is ignored and noted."""
    status = _text(record, "langStatus", notes)
    language = _LANGUAGES.get(status.lower(), "")
    if status and not language:
        _ignore(notes, "langStatus", reason("unknown.language", value=status, hint=reason(
            "expected_one_of", codes=", ".join(code.upper() for code in _LANGUAGES))))
    return language, status.upper()


def _date(record: dict, notes: Notes) -> dt.date | None:
    """``lastUpdate``: ``dd/mm/yy`` as the directory writes it, read by the one date parser; None (and a note)
    when unusable."""
    try:
        return parse_date(_text(record, "lastUpdate", notes))
    except BadValue as exc:
        _ignore(notes, "lastUpdate", exc.message)
        return None


def _zone(postal: str, names: list[str], zones: ZoneTable):
    """(zone, note): from the postal code where it decides, else the municipality (French, Dutch name); the note
    (a message, or None) says when it did not."""
    city = any(normalise(n) in _BRUSSELS_CITY for n in names)
    by_postal = zones.zones_of_place(postal) if postal else set()
    if len(by_postal) == 1:
        zone = next(iter(by_postal))
        return zone, (reason("city_zone", zone=zone, postal=postal) if city else None)
    if city:
        return "", reason("city_undecided", postal=postal or reason("none_given"))
    for name in names:
        found = zones.zones_of_place(name) if name else set()
        if len(found) == 1:
            return next(iter(found)), None
    return "", reason("zone_undecided", postal=postal or reason("none_given"),
                      municipality=names[0] or names[1] or reason("none_given.f"))


def actor_row(record: dict, sector_map: SectorMap, zones: ZoneTable | None = None):
    """The actor row of one record, the record's labels the map does not know, and the notes on its fields
    (``[(field, message)]``, in reading order: values ignored, and the zone's note, which the row's ``note``
    column holds in English).

    Raises
    ------
    ValueError
        (field, reason message) when the record cannot become an actor (no id, no usable name, an id or a name
        that is neither text nor a whole number).
    """
    zones = zones or ZoneTable.builtin()
    notes: Notes = []
    ident = _key_text(record, "id")
    if not ident:
        raise ValueError("id", reason("record_no_id"))
    names = {f"name{kind}{lang}": _key_text(record, f"name{kind}{lang}")
             for kind in ("Official", "Alternative", "Service") for lang in ("Fr", "Nl")}
    language, status = _language(record, notes)
    order = ("Nl", "Fr") if status.startswith("NL") else ("Fr", "Nl")
    official = {lang: names[f"nameOfficial{lang}"] for lang in ("Fr", "Nl")}
    others = [names[f"name{kind}{lang}"] for kind in ("Alternative", "Service") for lang in order]
    name = next((n for n in [official[order[0]], official[order[1]], *others] if n), "")
    if not name:
        raise ValueError("nameOfficialFr", reason("record_no_name"))
    address = _object(record, "address", notes)
    postal = _text(address, "zipCode", notes, "address.zipCode", number=True)
    places = {lang: _text(address, f"municipality{lang}", notes, f"address.municipality{lang}") for lang in ("Fr", "Nl")}
    sectors, line, unmapped = [], "", []
    status_labels = _labels(_object(record, "legalStatus", notes), "legalStatus", notes)
    found = sector_map.lookup(status_labels)
    if found:
        sectors += [found[0]] if found[0] else []
        line = found[1]
    for _, labels in [*_listed(record, "categoriesObject", notes), *_listed(record, "sectorsObjects", notes)]:
        found = sector_map.lookup(labels)
        if found is None:
            unmapped.append(" / ".join(text for text in labels.values() if text))
            continue
        if found[0] and found[0] not in sectors:
            sectors.append(found[0])
        line = line or found[1]
    company = _text(record, "pmRp", notes)
    updated = _date(record, notes)
    zone, note = _zone(postal, [places["Fr"], places["Nl"]], zones)
    if note is not None:
        notes.append(("address", note))
    row = {"id": f"sb-{ident}", "name": name, "kind": "organisation",
           "sector": "|".join(sectors) or OTHER_SECTOR[0], "line": line, "zone": zone,
           "municipality": places[order[0]] or places[order[1]], "postal_code": postal, "language": language,
           "name_fr": official["Fr"], "name_nl": official["Nl"], "company_number": company,
           "provenance": f"social.brussels {ident} {updated.isoformat() if updated else '(no date)'}",
           "note": english(note) if note is not None else ""}
    return row, unmapped, notes


@dataclass
class DirectoryResult:
    """What one directory import did."""

    added: list[str] = field(default_factory=list)
    updated: dict[str, list[str]] = field(default_factory=dict)  # actor id -> "column: old -> new"
    unchanged: list[str] = field(default_factory=list)
    older: list[str] = field(default_factory=list)  # the dataset's row is newer: kept
    not_in_records: list[str] = field(default_factory=list)  # directory rows of the dataset these records lack
    unmapped: dict[str, list[str]] = field(default_factory=dict)  # label -> actor ids
    problems: list[Problem] = field(default_factory=list)
    written: list = field(default_factory=list)


def _provenance_date(text: str) -> str:
    match = re.search(r"\d{4}-\d{2}-\d{2}", text or "")
    return match.group(0) if match else ""


def import_directory(records_path: str | Path, out: str | Path, *, sector_map: str | Path | None = None
                     ) -> DirectoryResult:
    """Import directory records into the dataset folder ``out`` (created, or updated in place)."""
    mapping = SectorMap.shipped()
    if sector_map is not None:
        path = Path(sector_map)
        mapping = SectorMap.read(path.read_bytes(), path.name, _taxonomy()).over(mapping)
    records, problems = read_records(records_path)
    result = DirectoryResult(problems=problems)
    tables = DatasetTables.read(out)
    existing = tables.ids("actors")
    seen: dict[str, str] = {}
    companies: dict[str, str] = {}
    for file, number, record in records:
        try:
            row, unmapped, notes = actor_row(record, mapping)
        except ValueError as exc:
            column, why = exc.args
            result.problems.append(Problem(file, number, column, why))
            continue
        actor = row["id"]
        if actor in seen:
            result.problems.append(Problem(file, number, "id", reason("duplicate_record", id=repr(record["id"]),
                                                                      first=seen[actor])))
            continue
        seen[actor] = f"{file}:{number}"
        company = row["company_number"]
        if company and company in companies:
            result.problems.append(Problem(file, number, "pmRp", reason("same_company", company=company,
                                                                        other=companies[company]), left_out=False))
        if company:
            companies.setdefault(company, actor)
        for label in unmapped:
            result.unmapped.setdefault(label, []).append(actor)
        result.problems += [Problem(file, number, column, why, left_out=False) for column, why in notes]
        old = existing.get(actor)
        if old is None:
            tables.add("actors", row)
            result.added.append(actor)
        elif _provenance_date(old.get("provenance", "")) > _provenance_date(row["provenance"]):
            result.older.append(actor)
        else:
            changes = [f"{c}: {old.get(c, '')!r} -> {row[c]!r}" for c in OWNED if old.get(c, "") != row[c]]
            if changes:
                old.update(row)
                for column in row:
                    if column not in tables.columns["actors"]:
                        tables.columns["actors"].append(column)
                result.updated[actor] = changes
            else:
                result.unchanged.append(actor)
    result.not_in_records = sorted(a for a in existing if a.startswith("sb-") and a not in seen)
    if any(r.get("sector", "").split("|")[0] == OTHER_SECTOR[0] for r in tables.rows.get("actors", [])):
        _add_other_sector(tables)
    result.written = tables.write(out)
    return result


def _add_other_sector(tables: DatasetTables) -> None:
    """Make sure the dataset's taxonomy has ``other``: the built-in one, written out, plus ``other``."""
    if "sectors" not in tables.columns:
        for row in codes.BUILTIN_SECTORS:
            tables.add("sectors", dict(zip(("code", "family", "name_nl", "name_fr", "name_en"), row)))
    if OTHER_SECTOR[0] not in tables.ids("sectors", "code"):
        tables.add("sectors", dict(zip(("code", "family", "name_nl", "name_fr", "name_en"), OTHER_SECTOR)))

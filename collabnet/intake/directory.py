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

Examples
--------
>>> rec = {"id": 12, "nameOfficialFr": "CPAS de Forest", "nameOfficialNl": "OCMW Vorst", "langStatus": "FR-NL",
...        "address": {"zipCode": "1190", "municipalityFr": "Forest", "municipalityNl": "Vorst"},
...        "sectorsObjects": [{"labelFr": "CPAS", "labelNl": "OCMW"}], "lastUpdate": "15/01/24"}
>>> row, unmapped, note = actor_row(rec, SectorMap.shipped())
>>> row["id"], row["name"], row["language"], row["sector"], row["line"], row["zone"], row["provenance"]
('sb-12', 'CPAS de Forest', 'bi', 'social_assistance', '1', 'south', 'social.brussels 12 2024-01-15')
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
from collabnet.errors import DatasetError, Problem, english, reason
from collabnet.intake.folder import DatasetTables
from collabnet.records.messages import Joined

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
    files = sorted(p for p in source.iterdir() if p.suffix.lower() == ".json") if source.is_dir() else [source]
    records, problems = [], []
    for file in files:
        try:
            data = json.loads(file.read_bytes().decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            error = str(getattr(exc, "msg", exc))
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
        reasons = Joined(tuple(p.as_message() for p in problems), "; ") if problems else reason("no_json", folder=source)
        raise DatasetError(reason("no_records", file=source.name, reasons=reasons))
    return records, problems


def _date(text: str) -> dt.date | None:
    """``lastUpdate``: ``dd/mm/yy`` as the directory writes it, read by the one date parser; None when unusable."""
    try:
        return parse_date(text)
    except ValueError:
        return None


def _zone(address: dict, zones: ZoneTable):
    """(zone, note): from the postal code where it decides, else the municipality; the note (a message, or None)
    says when it did not."""
    postal = str(address.get("zipCode") or "").strip()
    names = [str(address.get(k) or "") for k in ("municipalityFr", "municipalityNl")]
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
    """The actor row of one record, the record's labels the map does not know, and the note on its zone (a
    message, or None; the row's ``note`` column holds it in English).

    Raises
    ------
    ValueError
        (field, reason message) when the record cannot become an actor (no id, no usable name).
    """
    zones = zones or ZoneTable.builtin()
    if record.get("id") in (None, ""):
        raise ValueError("id", reason("record_no_id"))
    language = _LANGUAGES.get(str(record.get("langStatus") or "").strip().lower(), "")
    order = ("Nl", "Fr") if str(record.get("langStatus") or "").strip().upper().startswith("NL") else ("Fr", "Nl")
    official = {lang: str(record.get(f"nameOfficial{lang}") or "").strip() for lang in ("Fr", "Nl")}
    others = [str(record.get(f"name{kind}{lang}") or "").strip()
              for kind in ("Alternative", "Service") for lang in order]
    name = next((n for n in [official[order[0]], official[order[1]], *others] if n), "")
    if not name:
        raise ValueError("nameOfficialFr", reason("record_no_name"))
    address = record.get("address") or {}
    zone, note = _zone(address, zones)
    sectors, line, unmapped = [], "", []
    status = record.get("legalStatus") or {}
    found = sector_map.lookup(status) if isinstance(status, dict) else None
    if found:
        sectors += [found[0]] if found[0] else []
        line = found[1]
    for obj in [*(record.get("categoriesObject") or []), *(record.get("sectorsObjects") or [])]:
        found = sector_map.lookup(obj) if isinstance(obj, dict) else None
        if found is None:
            label = " / ".join(str(obj.get(k)) for k in ("labelFr", "labelNl") if obj.get(k)) if isinstance(obj, dict) \
                else str(obj)
            unmapped.append(label)
            continue
        if found[0] and found[0] not in sectors:
            sectors.append(found[0])
        line = line or found[1]
    municipality = str(address.get(f"municipality{order[0]}") or address.get(f"municipality{order[1]}") or "")
    updated = _date(str(record.get("lastUpdate") or ""))
    row = {"id": f"sb-{record['id']}", "name": name, "kind": "organisation",
           "sector": "|".join(sectors) or OTHER_SECTOR[0], "line": line, "zone": zone,
           "municipality": municipality, "postal_code": str(address.get("zipCode") or ""), "language": language,
           "name_fr": official["Fr"], "name_nl": official["Nl"], "company_number": str(record.get("pmRp") or ""),
           "provenance": f"social.brussels {record['id']} {updated.isoformat() if updated else '(no date)'}",
           "note": english(note) if note is not None else ""}
    return row, unmapped, note


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
            row, unmapped, note = actor_row(record, mapping)
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
        if note is not None:
            result.problems.append(Problem(file, number, "address", note, left_out=False))
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

"""collabnet import directory: social.brussels records -> organisation actors (intake.md, section 1)."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from collabnet.cli import cli
from collabnet.dataset import load_dataset
from collabnet.errors import english

DATA = Path(__file__).parent / "data" / "intake" / "directory"


def _run(*args):
    return CliRunner().invoke(cli, ["import", "directory", *map(str, args)])


def _actors(folder: Path) -> dict[str, dict[str, str]]:
    with open(folder / "actors.csv", encoding="utf-8", newline="") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


def test_each_usable_record_becomes_one_organisation(tmp_path):
    result = _run(DATA / "records.json", tmp_path / "ds")
    assert result.exit_code == 0, result.output
    assert sorted(_actors(tmp_path / "ds")) == ["sb-101", "sb-102", "sb-103", "sb-104", "sb-105", "sb-107"]


def test_a_record_row_carries_names_language_place_sector_line_and_provenance(tmp_path):
    _run(DATA / "records.json", tmp_path / "ds")
    row = _actors(tmp_path / "ds")["sb-101"]
    assert {k: row[k] for k in ("name", "name_nl", "language", "municipality", "postal_code", "zone", "sector", "line",
                                "provenance")} == {
        "name": "CPAS de Forest", "name_nl": "OCMW Vorst", "language": "bi", "municipality": "Forest",
        "postal_code": "1190", "zone": "south", "sector": "social_assistance", "line": "1",
        "provenance": "social.brussels 101 2024-01-15"}


def test_a_dutch_speaking_organisation_is_named_in_dutch(tmp_path):
    _run(DATA / "records.json", tmp_path / "ds")
    row = _actors(tmp_path / "ds")["sb-103"]
    assert (row["name"], row["language"], row["zone"]) == ("Wijkgezondheidscentrum Medikuregem", "nl", "centre-west")


def test_brussels_city_takes_its_zone_from_the_postal_code_and_says_so(tmp_path):
    _run(DATA / "records.json", tmp_path / "ds")
    row = _actors(tmp_path / "ds")["sb-105"]
    assert (row["zone"], row["note"]) == ("north", "Brussels-City: zone north from the postal code 1020")


def test_an_unmapped_label_is_reported_and_the_organisation_kept_as_other(tmp_path):
    result = _run(DATA / "records.json", tmp_path / "ds")
    assert "sector_map: no sector for 'Loisirs / Vrije tijd' (1 record(s): sb-105)" in result.output
    assert _actors(tmp_path / "ds")["sb-105"]["sector"] == "other"


def test_records_without_name_and_duplicate_ids_are_reported_by_file_and_record(tmp_path):
    result = _run(DATA / "records.json", tmp_path / "ds")
    assert "records.json:6: nameOfficialFr: no usable name" in result.output
    assert "records.json:7: id: duplicate id 101 (first at records.json:1); record left out" in result.output
    assert "records.json:8: pmRp: warning: same company number 0212.345.678 as sb-101" in result.output


def test_the_imported_folder_passes_validate(tmp_path):
    _run(DATA / "records.json", tmp_path / "ds")
    ds = load_dataset(tmp_path / "ds")
    assert (len(ds.actors), ds.problems) == (6, ())


def test_reimport_updates_in_place_and_says_what_changed(tmp_path):
    _run(DATA / "records.json", tmp_path / "ds")
    result = _run(DATA / "records-update.json", tmp_path / "ds")
    assert result.exit_code == 0, result.output
    assert ("updated sb-101: sector: 'social_assistance' -> 'social_assistance|housing'; provenance: "
            "'social.brussels 101 2024-01-15' -> 'social.brussels 101 2024-06-01'") in result.output
    assert "kept sb-102: the dataset's row is newer than the record" in result.output
    assert "1 added, 1 updated, 0 unchanged, 1 older record(s) not applied, 0 record(s) left out" in result.output
    actors = _actors(tmp_path / "ds")
    assert (actors["sb-101"]["sector"], actors["sb-102"]["name"]) == ("social_assistance|housing",
                                                                      "Maison médicale Santé Plurielle")


def test_reimport_keeps_the_users_own_rows_and_columns(tmp_path):
    _run(DATA / "records.json", tmp_path / "ds")
    path = tmp_path / "ds" / "actors.csv"
    path.write_text(path.read_text(encoding="utf-8") + "p-an,An,person,social_assistance,,,,,,,,,,\n", encoding="utf-8")
    _run(DATA / "records-update.json", tmp_path / "ds")
    assert _actors(tmp_path / "ds")["p-an"]["name"] == "An"


def test_a_folder_of_one_record_files_is_read_in_name_order(tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "b.json").write_text('{"id": 2, "nameOfficialNl": "OCMW Elsene", "langStatus": "NL", '
                                   '"address": {"zipCode": "1050"}}', encoding="utf-8")
    (folder / "a.json").write_text('{"id": 1, "nameOfficialFr": "CPAS d\'Uccle", "langStatus": "FR", '
                                   '"address": {"zipCode": "1180"}, "legalStatus": {"labelFr": "CPAS"}}',
                                   encoding="utf-8")
    (folder / "c.json").write_text('{"id": 3,', encoding="utf-8")
    result = _run(folder, tmp_path / "ds")
    assert "c.json:0: (json): not valid JSON (line 1: Expecting property name enclosed in double quotes)" in result.output
    assert list(_actors(tmp_path / "ds")) == ["sb-1", "sb-2"]


def test_a_file_that_is_not_json_stops_with_status_2(tmp_path):
    bad = tmp_path / "records.json"
    bad.write_text("<html>", encoding="utf-8")
    result = _run(bad, tmp_path / "ds")
    assert result.exit_code == 2
    assert result.output == ("Error: records.json: no directory record read (records.json:0: (json): not valid JSON "
                             "(line 1: Expecting value))\n")


def test_a_users_sector_map_comes_before_the_shipped_one(tmp_path):
    own = tmp_path / "map.csv"
    own.write_text("label;sector;line\nLoisirs;community;0\n", encoding="utf-8")
    result = _run(DATA / "records.json", tmp_path / "ds", "--sector-map", own)
    assert "Loisirs" not in result.output
    assert (_actors(tmp_path / "ds")["sb-105"]["sector"], _actors(tmp_path / "ds")["sb-105"]["line"]) == ("community", "0")


def test_a_bad_sector_map_row_is_named_with_status_2(tmp_path):
    own = tmp_path / "map.csv"
    own.write_text("label,sector\nLoisirs,leisure\n", encoding="utf-8")
    result = _run(DATA / "records.json", tmp_path / "ds", "--sector-map", own)
    assert result.exit_code == 2
    assert result.output.startswith("Error: map.csv:2: sector: unknown sector 'leisure'")


# --------------------------------------------------------------------------- fields of the wrong JSON type or value
RECORD = {"id": 101, "nameOfficialFr": "CPAS de Forest", "nameOfficialNl": "OCMW Vorst", "langStatus": "FR-NL",
          "legalStatus": {"labelFr": "CPAS", "labelNl": "OCMW"},
          "address": {"zipCode": "1190", "municipalityFr": "Forest", "municipalityNl": "Vorst"},
          "sectorsObjects": [{"labelFr": "Logement", "labelNl": "Wonen"}],
          "categoriesObject": [{"labelFr": "Médiation de dettes", "labelNl": "Schuldbemiddeling"}],
          "pmRp": "0212.345.678", "lastUpdate": "15/01/24"}
OTHER = {"id": 2, "nameOfficialFr": "Maison médicale", "langStatus": "FR", "address": {"zipCode": "1190"}}


def _import_one(tmp_path, *args, **fields):
    """Import RECORD changed by ``fields`` (a field ``address__zipCode`` is ``address.zipCode``) and OTHER."""
    record = json.loads(json.dumps(RECORD))
    for name, value in fields.items():
        *outer, key = name.split("__")
        target = record
        for part in outer:
            target = target[part] if not part.isdigit() else target[int(part)]
        target[int(key) if key.isdigit() else key] = value
    path = tmp_path / "records.json"
    path.write_text(json.dumps([record, OTHER], ensure_ascii=False), encoding="utf-8")
    return _run(path, tmp_path / "ds", *args)


def test_an_address_that_is_text_is_reported_and_the_record_kept_without_zone(tmp_path):
    result = _import_one(tmp_path, address="Rue X 1, 1060")
    assert result.exit_code == 0, result.output
    assert ('records.json:1: address: warning: "Rue X 1, 1060" is not a JSON object; ignored, the record is kept'
            in result.output.splitlines())
    row = _actors(tmp_path / "ds")["sb-101"]
    assert (row["zone"], row["postal_code"], row["municipality"]) == ("", "", "")


def test_categories_that_are_a_number_are_reported_and_the_record_kept(tmp_path):
    result = _import_one(tmp_path, categoriesObject=5)
    assert result.exit_code == 0, result.output
    assert ("records.json:1: categoriesObject: warning: 5 is not a JSON list; ignored, the record is kept"
            in result.output.splitlines())
    assert _actors(tmp_path / "ds")["sb-101"]["sector"] == "social_assistance|housing"


def test_sectors_that_are_text_are_reported_not_read_letter_by_letter(tmp_path):
    result = _import_one(tmp_path, sectorsObjects="CPAS")
    assert ('records.json:1: sectorsObjects: warning: "CPAS" is not a JSON list; ignored, the record is kept'
            in result.output.splitlines())
    assert "sector_map" not in result.output


def test_a_sector_item_that_is_no_object_is_reported_by_its_place_in_the_list(tmp_path):
    result = _import_one(tmp_path, sectorsObjects=[{"labelFr": "Logement"}, "CPAS", {"labelFr": 5}])
    lines = result.output.splitlines()
    assert 'records.json:1: sectorsObjects[2]: warning: "CPAS" is not a JSON object; ignored, the record is kept' in lines
    assert "records.json:1: sectorsObjects[3].labelFr: warning: 5 is not a text; ignored, the record is kept" in lines
    assert "sector_map" not in result.output


@pytest.mark.parametrize(("value", "why"), [
    ("31/02/24", "February 2024 has 29 days"),
    ("garbage", "expected DD/MM/YYYY (day first: 15/01/2024, 15-01-2024, 15.01.2024) or YYYY-MM-DD")])
def test_an_unreadable_last_update_is_reported_and_the_provenance_has_no_date(tmp_path, value, why):
    result = _import_one(tmp_path, lastUpdate=value)
    assert (f"records.json:1: lastUpdate: warning: not a date: {value!r} ({why}); ignored, the record is kept"
            in result.output.splitlines())
    assert _actors(tmp_path / "ds")["sb-101"]["provenance"] == "social.brussels 101 (no date)"


@pytest.mark.parametrize("value", ["FR/NL", "XX"])
def test_an_unknown_lang_status_is_reported_and_the_language_left_empty(tmp_path, value):
    result = _import_one(tmp_path, langStatus=value)
    assert (f"records.json:1: langStatus: warning: unknown language {value!r} (expected one of: FR, NL, FR-NL, NL-FR, "
            "BI, EN, DE); ignored, the record is kept") in result.output.splitlines()
    assert _actors(tmp_path / "ds")["sb-101"]["language"] == ""


def test_a_name_that_is_an_object_leaves_the_record_out(tmp_path):
    result = _import_one(tmp_path, nameOfficialFr={"a": 1})
    assert 'records.json:1: nameOfficialFr: {"a": 1} is not a text or a whole number; record left out' in result.output
    assert list(_actors(tmp_path / "ds")) == ["sb-2"]
    assert result.output.endswith("1 added, 0 updated, 0 unchanged, 0 older record(s) not applied, 1 record(s) left out\n")


@pytest.mark.parametrize(("value", "shown"), [([1, 2], "[1, 2]"), (float("inf"), "Infinity"), (1.5, "1.5"),
                                              (True, "true")])
def test_an_id_that_is_no_text_or_whole_number_leaves_the_record_out(tmp_path, value, shown):
    result = _import_one(tmp_path, id=value)
    assert f"records.json:1: id: {shown} is not a text or a whole number; record left out" in result.output
    assert list(_actors(tmp_path / "ds")) == ["sb-2"]


def test_whole_numbers_are_read_as_an_id_a_name_and_a_postal_code(tmp_path):
    result = _import_one(tmp_path, nameOfficialNl=1030, address__zipCode=1190)
    assert "records.json:1" not in result.output
    row = _actors(tmp_path / "ds")["sb-101"]
    assert (row["name_nl"], row["postal_code"], row["zone"]) == ("1030", "1190", "south")


def test_a_wrong_type_is_reported_in_the_user_s_language(tmp_path):
    result = _import_one(tmp_path, "--lang", "nl", address="Rue X 1")
    assert ('records.json:1: address: let op: "Rue X 1" is geen JSON-object; genegeerd, de fiche telt mee'
            in result.output.splitlines())


# Every field the import reads, and the JSON types it takes (null is an absent field, the string is "x").
FIELDS = {"id": "id", "nameOfficialFr": "key", "nameOfficialNl": "key", "nameAlternativeFr": "key",
          "nameServiceNl": "key", "langStatus": "code", "legalStatus": "object", "legalStatus__labelFr": "text",
          "address": "object", "address__zipCode": "number", "address__municipalityFr": "text",
          "address__municipalityNl": "text", "sectorsObjects": "list", "sectorsObjects__0": "item",
          "sectorsObjects__0__labelNl": "text", "categoriesObject": "list", "categoriesObject__0__labelFr": "text",
          "pmRp": "text", "lastUpdate": "date"}
VALUES = {"string": "x", "number": 7, "fraction": 1.5, "list": ["CPAS"], "object": {"a": 1}, "null": None,
          "bool": False}
ACCEPTS = {"id": {"string", "number"}, "key": {"string", "number", "null"}, "code": {"null"}, "item": set(),
           "number": {"string", "number", "null"}, "text": {"string", "null"},
           "date": {"null"}, "object": {"object", "null"}, "list": {"list", "null"}}


@pytest.mark.parametrize("kind", VALUES)
@pytest.mark.parametrize("name", FIELDS)
def test_a_field_of_any_json_type_is_used_or_reported_never_a_traceback(tmp_path, name, kind):
    result = _import_one(tmp_path, **{name: VALUES[kind]})
    assert (result.exit_code, result.exception) == (0, None), result.output
    field_name = re.sub(r"__(\d+)", lambda m: f"[{int(m.group(1)) + 1}]", name).replace("__", ".")
    reported = [line for line in result.output.splitlines() if line.startswith(f"records.json:1: {field_name}: ")
                and not line.endswith("municipality (none)")]  # the zone's note on an unusable address
    actors = _actors(tmp_path / "ds")
    if kind in ACCEPTS[FIELDS[name]]:
        assert reported == []
    elif FIELDS[name] in ("id", "key"):
        assert len(reported) == 1 and reported[0].endswith(("; record left out", "the record has no id"))
        assert "sb-101" not in actors
    else:
        assert len(reported) == 1 and reported[0].endswith("; ignored, the record is kept") and "sb-101" in actors
    assert "sb-2" in actors


@pytest.mark.parametrize(("text", "error"), [
    ("[" * 100_000, "maximum recursion depth exceeded while decoding a JSON array from a unicode string"),
    ('{"id": ' + "1" * 5000 + "}", "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 "
                                   "digits; use sys.set_int_max_str_digits() to increase the limit")])
def test_json_python_cannot_hold_is_reported_as_not_valid_json(tmp_path, text, error):
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(OTHER), encoding="utf-8")
    (folder / "b.json").write_text(text, encoding="utf-8")
    result = _run(folder, tmp_path / "ds")
    assert result.exit_code == 0, result.output
    assert f"b.json:0: (json): not valid JSON ({error})" in result.output.splitlines()


def test_a_folder_names_every_entry_it_does_not_read(tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(OTHER), encoding="utf-8")
    (folder / "c.txt").write_text(json.dumps(RECORD), encoding="utf-8")
    (folder / "old").mkdir()
    result = _run(folder, tmp_path / "ds")
    assert result.output.splitlines()[:2] == ["c.txt:0: (file): warning: not a .json file; not read",
                                              "old:0: (file): warning: a folder; not read"]
    assert result.output.endswith("1 added, 0 updated, 0 unchanged, 0 older record(s) not applied, 0 record(s) left out\n")


def test_a_folder_without_json_files_names_what_it_holds(tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "c.txt").write_text(json.dumps(RECORD), encoding="utf-8")
    result = _run(folder, tmp_path / "ds")
    assert (result.exit_code, result.output) == (2, f"Error: records: no directory record read (no .json file in {folder}; "
                                                    "c.txt:0: (file): not a .json file; not read)\n")


def test_a_value_nested_deeper_than_json_writes_is_reported_not_a_traceback():
    from collabnet.intake.directory import SectorMap, actor_row

    deep: list = []
    for _ in range(100_000):  # json.dumps overflows the stack long before this
        deep = [deep]
    record = {"id": 7, "nameOfficialFr": "CPAS", "legalStatus": deep}
    row, _unmapped, notes = actor_row(record, SectorMap.shipped())
    assert row["id"] == "sb-7"
    assert [(field, english(why)) for field, why in notes][0] == (
        "legalStatus", "[… is not a JSON object; ignored, the record is kept")

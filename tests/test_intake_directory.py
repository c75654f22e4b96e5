"""collabnet import directory: social.brussels records -> organisation actors (intake.md, section 1)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from click.testing import CliRunner

from collabnet.cli import cli
from collabnet.dataset import load_dataset

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

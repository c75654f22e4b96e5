"""collabnet import attendance: a sign-in sheet -> persons and memberships, review.csv (intake.md, section 2)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from click.testing import CliRunner

from collabnet.cli import cli
from collabnet.dataset import load_dataset
from collabnet.writing import xlsx_bytes

DATA = Path(__file__).parent / "data" / "intake"
SHEET = DATA / "signin-atelier-sud.csv"
GROUP = "ws-south-2024-03"


def _dataset(tmp_path: Path) -> Path:
    return Path(shutil.copytree(DATA / "zone", tmp_path / "zone"))


def _run(list_file, dataset, *extra):
    return CliRunner().invoke(cli, ["import", "attendance", str(list_file), "--dataset", str(dataset),
                                    "--group", GROUP, *map(str, extra)])


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_summary_counts_every_row_of_the_sheet(tmp_path):
    result = _run(SHEET, _dataset(tmp_path), "--since", "2024-03-12")
    assert result.exit_code == 0, result.output
    assert ("signin-atelier-sud.csv: 12 row(s) read: 7 matched, 0 decided, 0 created, 3 review, 0 skipped, "
            "1 duplicate, 1 left_out") in result.output


def test_each_match_is_shown_with_its_score(tmp_path):
    result = _run(SHEET, _dataset(tmp_path))
    assert "signin-atelier-sud.csv:5: matched: 'OCMW Vorst' -> cpas-forest (score 100)" in result.output
    assert "signin-atelier-sud.csv:13: matched: 'CPAS Forrest' -> cpas-forest (score 95.7)" in result.output


def test_matched_rows_become_persons_of_their_organisation_and_members_of_the_group(tmp_path):
    ds = _dataset(tmp_path)
    _run(SHEET, ds, "--since", "2024-03-12")
    person = {r["id"]: r for r in _rows(ds / "actors.csv")}["p-gaetane-dupont"]
    assert (person["name"], person["kind"], person["organisation"], person["email"], person["function"]) == (
        "Gaétane Dupont", "person", "cpas-forest", "g.dupont@example.org", "assistante sociale")
    assert {"actor": "p-gaetane-dupont", "group": GROUP, "role": "member", "since": "2024-03-12"} in _rows(
        ds / "memberships.csv")


def test_a_person_signing_twice_is_a_duplicate(tmp_path):
    result = _run(SHEET, _dataset(tmp_path))
    assert "signin-atelier-sud.csv:6: duplicate: 'C.P.A.S. Forest'; same person as row 4" in result.output


def test_a_row_without_a_name_is_reported_by_file_row_and_column(tmp_path):
    result = _run(SHEET, _dataset(tmp_path))
    assert "signin-atelier-sud.csv:11: nom: no person's name; row not imported" in result.output


def test_uncertain_rows_go_to_review_with_candidates_and_an_empty_decision(tmp_path):
    ds = _dataset(tmp_path)
    _run(SHEET, ds)
    review = _rows(ds / "review.csv")
    assert [(r["row"], r["organisation"], r["candidate_1"], r["score_1"], r["decision"]) for r in review] == [
        ("9", "CPAS", "cpas-uccle", "78.6", ""), ("10", "Médecins du Monde", "", "", ""),
        ("15", "Clinique Saint-Luc", "kliniek-sint-jan", "85.4", "")]


def _decide(ds: Path, decisions: dict[str, str]) -> None:
    rows = _rows(ds / "review.csv")
    for row in rows:
        row["decision"] = decisions.get(row["row"], "")
    with open(ds / "review.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_the_second_run_applies_the_reviewed_decisions(tmp_path):
    ds = _dataset(tmp_path)
    _run(SHEET, ds)
    _decide(ds, {"9": "cpas-forest", "10": "new:social_assistance", "15": "skip"})
    result = _run(SHEET, ds)
    assert ("12 row(s) read: 7 matched, 1 decided, 1 created, 0 review, 1 skipped, 1 duplicate, 1 left_out"
            in result.output)
    actors = {r["id"]: r for r in _rows(ds / "actors.csv")}
    assert (actors["p-an-peeters"]["organisation"], actors["org-medecins-du-monde"]["zone"]) == ("cpas-forest", "south")
    assert "added 2 person(s) and 2 membership(s) of ws-south-2024-03; 7 already there" in result.output


def test_a_decision_naming_no_actor_is_reported_and_the_row_stays_in_review(tmp_path):
    ds = _dataset(tmp_path)
    _run(SHEET, ds)
    _decide(ds, {"9": "cpas-forst"})
    result = _run(SHEET, ds)
    assert ("review.csv:2: decision: no organisation with id 'cpas-forst' in the dataset (write an actor id, "
            "new:SECTOR[:ZONE] or skip); the row stays in review") in result.output
    assert "3 review" in result.output


def test_the_result_passes_validate(tmp_path):
    ds = _dataset(tmp_path)
    _run(SHEET, ds)
    _decide(ds, {"9": "cpas-forest", "10": "new:social_assistance", "15": "skip"})
    _run(SHEET, ds)
    loaded = load_dataset(ds)
    assert ([str(p) for p in loaded.problems], len(loaded.memberships)) == (
        ["review.csv:0: (file): the names `collabnet import` could not match for sure, not a dataset table; not read"], 9)


def test_a_dutch_workbook_sheet_is_read_by_name(tmp_path):
    def build(book):
        book.add_worksheet("Info").write_string(0, 0, "Werkgroep GGZ Zuid")
        sheet = book.add_worksheet("Aanwezigheden")
        for r, values in enumerate([["Voornaam", "Naam", "Organisatie", "Functie"],
                                    ["Sofie", "Vermeulen", "Huis voor Gezondheid", "stafmedewerker"],
                                    ["Pieter", "Janssens", "OCMW Vorst", ""]]):
            for c, value in enumerate(values):
                sheet.write_string(r, c, value)
    workbook = tmp_path / "aanwezigheden.xlsx"
    workbook.write_bytes(xlsx_bytes(build))
    ds = _dataset(tmp_path)
    result = _run(workbook, ds, "--sheet", "aanwezigheden")
    assert "aanwezigheden.xlsx[Aanwezigheden]:3: matched: 'OCMW Vorst' -> cpas-forest (score 100)" in result.output
    assert "p-sofie-vermeulen" in {r["id"] for r in _rows(ds / "actors.csv")}


def test_a_missing_sheet_lists_the_sheets_found(tmp_path):
    workbook = tmp_path / "list.xlsx"
    workbook.write_bytes(xlsx_bytes(lambda book: book.add_worksheet("Feuil1")))
    result = _run(workbook, _dataset(tmp_path), "--sheet", "présences")
    assert (result.exit_code, result.output) == (2, "Error: list.xlsx: no sheet 'présences' (sheets found: Feuil1)\n")


def test_a_list_without_an_organisation_column_stops_with_status_2(tmp_path):
    bad = tmp_path / "list.csv"
    bad.write_text("Nom;Signature\nDupont;x\n", encoding="utf-8")
    result = _run(bad, _dataset(tmp_path))
    assert result.exit_code == 2
    assert result.output.startswith("Error: list.csv: no organisation column (headers read: nom, signature;")


def test_an_unknown_group_needs_a_group_type(tmp_path):
    result = CliRunner().invoke(cli, ["import", "attendance", str(SHEET), "--dataset", str(_dataset(tmp_path)),
                                      "--group", "wg-new"])
    assert result.exit_code == 2
    assert "--group: no group 'wg-new' in the dataset" in result.output


def test_an_unknown_group_is_created_with_its_type(tmp_path):
    ds = _dataset(tmp_path)
    result = CliRunner().invoke(cli, ["import", "attendance", str(SHEET), "--dataset", str(ds), "--group", "wg-new",
                                      "--group-type", "werkgroep", "--group-name", "Nieuwe werkgroep"])
    assert "(new group)" in result.output
    assert {"id": "wg-new", "name": "Nieuwe werkgroep", "type": "working_group", "zone": "", "theme": ""} in _rows(
        ds / "groups.csv")

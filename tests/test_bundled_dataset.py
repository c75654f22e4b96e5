"""The bundled Brussels dataset: clean, and the same data as CSV folder and as workbook."""

from pathlib import Path

import collabnet

ROOT = Path(__file__).resolve().parents[1] / "datasets"


def test_bundled_dataset_has_no_problems():
    ds = collabnet.load(ROOT / "brussels", at="2024-06-01")
    assert ds.problems == ()
    assert ds.rows_left_out == 0


def test_bundled_workbook_is_the_same_data_as_the_csv_folder():
    from_csv = collabnet.load(ROOT / "brussels", at="2024-06-01").graph
    from_xlsx = collabnet.load(ROOT / "brussels.xlsx", at="2024-06-01").graph
    assert dict(from_csv.nodes(data=True)) == dict(from_xlsx.nodes(data=True))
    assert list(from_csv.edges(data=True)) == list(from_xlsx.edges(data=True))


def test_bundled_dataset_names_no_person():
    # Persons appear by role only (datasets/README.md): no e-mail or phone anywhere.
    actors = collabnet.load(ROOT / "brussels").actors
    persons = actors[actors["kind"] == "person"]
    assert (persons["email"].fillna("") == "").all() and (persons["phone"].fillna("") == "").all()

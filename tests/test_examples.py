"""The walk-through of datasets/examples/README.md, end to end: directory records and two sign-in sheets -> a zone report.

Expected values are read off the example files by hand: 7 directory records
(all in the South zone), a sign-in sheet of 8 rows (4 matched, 2 to review,
1 duplicate, 1 without a name) and a member list of 6 rows (4 matched, 2 to
review); the review decisions add one organisation and skip one row.
"""

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from collabnet.cli import cli
from collabnet.dataset import load_dataset

EXAMPLES = Path(__file__).resolve().parents[1] / "datasets" / "examples"
SIGNIN = EXAMPLES / "signin-atelier-sud-2024-03-12.csv"
MEMBERS = EXAMPLES / "ledenlijst-werkgroep-ggz-zuid.xlsx"
WORKSHOP = ["import", "attendance", str(SIGNIN), "--dataset", "zone-sud/", "--group", "ws-sud-2024-03",
            "--group-type", "workshop", "--group-name", "Atelier du changement Sud"]
GROUP = ["import", "attendance", str(MEMBERS), "--dataset", "zone-sud/", "--group", "wg-ggz-zuid",
         "--group-type", "working_group", "--group-name", "Werkgroep geestelijke gezondheid Zuid", "--since", "1/9/2023"]


def _run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def walk(tmp_path_factory):
    """Run the README's commands in a fresh folder; the output of each step, by step."""
    folder = tmp_path_factory.mktemp("walk")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        out = {"directory": _run("import", "directory", EXAMPLES / "directory" / "records.json", "zone-sud/"),
               "workshop": _run(*WORKSHOP), "group": _run(*GROUP)}
        shutil.copy(EXAMPLES / "review-decisions.csv", folder / "zone-sud" / "review.csv")
        out["workshop again"] = _run(*WORKSHOP)
        out["group again"] = _run(*GROUP)
        out["validate"] = _run("validate", "zone-sud/")
        out["report"] = _run("report", "zone-sud/", "--zone", "Sud", "--lang", "fr", "--at", "30/06/2024",
                             "--out", "reports/zone-sud", "-q")
    return folder, out


def test_unmapped_directory_labels_are_listed(walk):
    _folder, out = walk
    assert "zone-sud: 7 added, 0 updated, 0 unchanged, 0 older record(s) not applied, 0 record(s) left out" \
        in out["directory"]
    assert "sector_map: no sector for \"Guichet d'information / Infoloket\" (1 record(s): sb-90006)" in out["directory"]
    assert "sector_map: no sector for 'Initiatives citoyennes / Burgerinitiatieven' (1 record(s): sb-90007)" \
        in out["directory"]


def test_every_unmatched_row_is_listed(walk):
    _folder, out = walk
    listed = [line for line in (out["workshop"] + out["group"]).splitlines()
              if ": review: " in line or ": duplicate: " in line or ": left_out: " in line]
    assert listed == [
        "signin-atelier-sud-2024-03-12.csv:7: review: 'SSM Le Tilleul Forest'; best score 87.9 < 90",
        "signin-atelier-sud-2024-03-12.csv:9: review: 'Maison des familles Forest'; best score 62.6 < 90",
        "signin-atelier-sud-2024-03-12.csv:10: duplicate: 'CPAS de Forest'; same person as row 4",
        "signin-atelier-sud-2024-03-12.csv:11: left_out: 'Antenne Logement'; no name",
        "ledenlijst-werkgroep-ggz-zuid.xlsx[Leden]:8: review: 'Huis van het Kind Ukkel'; no actor scores 50 or more",
        "ledenlijst-werkgroep-ggz-zuid.xlsx[Leden]:9: review: 'OCMW'; best score 76.7 < 90"]
    assert "signin-atelier-sud-2024-03-12.csv:11: nom: no person's name; row not imported" in out["workshop"]


def test_the_reviewed_decisions_are_applied(walk):
    _folder, out = walk
    assert ("signin-atelier-sud-2024-03-12.csv: 8 row(s) read: 4 matched, 1 decided, 0 created, 0 review, "
            "1 skipped, 1 duplicate, 1 left_out") in out["workshop again"]
    assert ("ledenlijst-werkgroep-ggz-zuid.xlsx[Leden]: 6 row(s) read: 4 matched, 1 decided, 1 created, 0 review, "
            "0 skipped, 0 duplicate, 0 left_out") in out["group again"]


def test_the_dataset_holds_what_the_files_hold(walk):
    folder, _out = walk
    ds = load_dataset(folder / "zone-sud", at="2024-06-30")
    assert [str(p) for p in ds.problems if p.left_out] == []
    organisations = ds.actors[ds.actors["kind"] == "organisation"]
    assert list(organisations["id"]) == [f"sb-9000{i}" for i in range(1, 8)] + ["org-huis-van-het-kind-ukkel"]
    assert set(organisations["zone"]) == {"south"}
    assert list(ds.groups[["id", "type"]].itertuples(index=False, name=None)) == [
        ("ws-sud-2024-03", "workshop"), ("wg-ggz-zuid", "working_group")]
    people = ds.actors[ds.actors["kind"] == "person"].set_index("id")["organisation"].to_dict()
    members = {(people[a], g, s) for a, g, s in ds.memberships[["actor", "group", "since"]].itertuples(index=False)}
    assert members == {
        ("sb-90001", "ws-sud-2024-03", "2024-03-12"), ("sb-90002", "ws-sud-2024-03", "2024-03-12"),
        ("sb-90003", "ws-sud-2024-03", "2024-03-12"), ("sb-90004", "ws-sud-2024-03", "2024-03-12"),
        ("sb-90005", "ws-sud-2024-03", "2024-03-12"),
        ("sb-90001", "wg-ggz-zuid", "2024-01-15"), ("sb-90003", "wg-ggz-zuid", "2024-01-15"),
        ("sb-90004", "wg-ggz-zuid", "2023-09-01"), ("sb-90003", "wg-ggz-zuid", "2024-02-01"),
        ("org-huis-van-het-kind-ukkel", "wg-ggz-zuid", "2024-03-01"), ("sb-90002", "wg-ggz-zuid", "2024-03-01")}
    assert len(ds.memberships) == 11  # Claire Lambert and Lien Wouters both work at sb-90003


def test_the_zone_report_counts_the_organisations_and_their_links(walk):
    folder, out = walk
    assert out["validate"].splitlines()[-3:] == [
        "groups.csv: 2 row(s) read, 2 used, 0 left out", "memberships.csv: 11 row(s) read, 11 used, 0 left out",
        "sectors.csv: 21 row(s) read, 21 used, 0 left out"]
    report = (folder / "reports" / "zone-sud" / "report-south.fr.md").read_text(encoding="utf-8")
    # 8 organisations; the workshop links 5 of them (10 pairs), the working group 5 (10 pairs, 6 of them the
    # workshop's): 14 links; Antenne Logement and the Collectif sit in no group.
    assert "- Acteurs : **8 (organisations : 8, personnes : 0)**" in report
    assert "- Liens entre ces acteurs : **14**" in report
    assert "- Acteurs sans lien hors de leur organisation : **2**" in report

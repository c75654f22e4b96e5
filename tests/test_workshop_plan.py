"""The planning tools in the zone report's action section and in actions.csv (``analyze --with-plan``).

Fixture: the tiny dataset of the ``collabnet plan`` CLI tests (tests/test_plan.py). South is the graph of
``line_gap_zone`` there: gp - net - hosp, and a (home care) and b (elderly) with no tie; north holds mm alone.
The plans' values are worked out by hand in tests/test_plan.py:
- invite: targets gp and hosp (first / second line, no cross-line link and a single partner: 8 + 2 = 10 each);
  gp reaches both (itself, and hosp through net): 20 of 20. The other seats bring what is missing to the
  table, one requirement each, smallest id first: b (welfare), hosp (second line), net (other).
- introduce: gp-hosp through net (6.2), a-b (3.6), b-gp (1.8), then a-gp and b-net.
"""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
import test_plan as plan_tests  # the tiny dataset of the plan CLI tests
from click.testing import CliRunner

import collabnet
from collabnet.analyses import analyse
from collabnet.cli import cli
from collabnet.planning import plan_actions, zone_plan
from collabnet.records import Action
from collabnet.render.report import render_reports

AT = "2024-06-01"
XSS = "<img src=x onerror=alert(1)>"


def write(folder: Path, actors: str = plan_tests.ACTORS) -> Path:
    folder.mkdir(parents=True)
    (folder / "actors.csv").write_text(actors, encoding="utf-8")
    (folder / "ties.csv").write_text(plan_tests.TIES, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    return write(tmp_path_factory.mktemp("data") / "tiny")


@pytest.fixture(scope="module")
def reports(tiny, tmp_path_factory) -> dict[str, str]:
    """File name -> text of every report in English and French."""
    ds = collabnet.load(tiny, at=AT)
    out = tmp_path_factory.mktemp("reports")
    analysis = analyse(ds, plans=True)
    paths = [*render_reports(analysis, out, "en"), *render_reports(analysis, out, "fr")]
    return {p.name: p.read_text(encoding="utf-8") for p in paths}


def part(markdown: str, heading: str) -> str:
    start = markdown.index(f"### {heading}\n")
    end = markdown.find("\n#", start + 1)
    return markdown[start:end]


def table(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("|")][2:]


def test_whom_to_invite_with_reasons_and_the_guarantee(reports):
    text = part(reports["report-south.en.md"], "Whom to invite")
    assert table(text) == [
        "| 1 | GP Zuid | 2 | Invite GP Zuid (“Medical care”, the first line): it reaches 2 isolated or peripheral "
        "actors (GP Zuid, Kliniek); it brings health care and the first line to the table. |",
    ]  # nobody else reaches an isolated actor that GP Zuid does not reach already: no seat for them
    assert "Together they reach all 20 points of isolation of the zone." in text
    assert "Seats proposed: 1 of 5; nobody else reaches an isolated actor who is not reached yet." in text
    assert "Not at the table (4 seats would be needed): welfare, other sectors and second line." in text


def test_introductions_with_who_introduces_gaps_closed_and_figures(reports):
    text = part(reports["report-south.en.md"], "Introductions that close most gaps")
    rows = table(text)
    assert [row.split(" | ")[:4] for row in rows] == [
        ["| 1", "GP Zuid — Kliniek", "Netwerk Zuid", "No link between first and second line"],
        ["| 2", "Thuiszorg — Seniors", "the coordination team",
         "No link between health and welfare; Two sectors with no link"],
        ["| 3", "Seniors — GP Zuid", "the coordination team", "Two sectors with no link"],
        ["| 4", "Thuiszorg — GP Zuid", "the coordination team", "Two sectors with no link"],
        ["| 5", "Seniors — Netwerk Zuid", "the coordination team", "Two sectors with no link"],
    ]
    assert rows[0].endswith("| Introduce GP Zuid to Kliniek through Netwerk Zuid, who works with both: the first and "
                            "second line of the South zone get their first link, GP Zuid is no longer isolated and "
                            "Kliniek is no longer isolated. |")
    figures = part(reports["report-south.en.md"], "The zone's figures before and after these introductions")
    assert table(figures) == [
        "| Actors with an isolation signal | 4 | 0 |",
        "| Actors with no link outside their own organisation | 2 | 0 |",
        "| Pairs of sectors with no link | 5 | 1 |",
        "| No link between first and second line | yes | no |",
        "| No link between Dutch- and French-speaking actors | no | no |",
        "| E-I index between sectors | 1.00 | 0.71 |",
    ]


def test_plans_sit_in_the_action_section_of_zone_reports_only(reports):
    html = reports["report-south.en.html"]
    actions = html[html.index('<section id="actions">'):html.index('<section id="howto">')]
    assert "<h3>Whom to invite</h3>" in actions and "<h3>Introductions that close most gaps</h3>" in actions
    assert "Whom to invite" not in reports["report-region.en.md"]
    north = reports["report-north.en.md"]
    assert "No new tie would close a gap or lift an isolation." in north
    assert "before and after these introductions" not in north


def test_plans_in_french(reports):
    md = reports["report-south.fr.md"]
    assert "### Qui inviter" in md and "### Mises en contact qui comblent le plus de lacunes" in md
    assert "Ensemble, ils atteignent les 20 points d'isolement du bassin." in md
    assert "| 1 | GP Zuid — Kliniek | Netwerk Zuid | Aucun lien entre première et deuxième ligne |" in md
    assert "| Indice E-I entre secteurs | 1,00 | 0,71 |" in md
    assert "Pas encore autour de la table (il faudrait 4 places) : social, autres secteurs et deuxième ligne." in md


def test_names_in_the_plans_are_escaped(tmp_path):
    actors = plan_tests.ACTORS.replace("GP Zuid", f"{XSS} *GP* | Zuid")
    ds = collabnet.load(write(tmp_path / "hostile", actors), at=AT)
    html, md = (p.read_text(encoding="utf-8") for p in render_reports(analyse(ds, plans=True), tmp_path, "en", zone="south"))
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt; *GP* | Zuid — Kliniek" in html
    assert "<img" not in md.replace("\\<img", "")
    assert "| 1 | \\<img src=x onerror=alert(1)\\> \\*GP\\* \\| Zuid — Kliniek | Netwerk Zuid |" in md


def test_report_no_plan(tiny, tmp_path):
    result = CliRunner().invoke(cli, ["report", str(tiny), "--zone", "south", "--at", AT, "--out", str(tmp_path),
                                      "--no-plan", "-q"])
    assert result.exit_code == 0, result.output
    md = (tmp_path / "report-south.en.md").read_text(encoding="utf-8")
    assert "## Action list" in md and "Whom to invite" not in md and "Introductions that close" not in md


# ----- actions.csv --with-plan

def analyze(tiny: Path, out: Path, *args: str) -> Path:
    result = CliRunner().invoke(cli, ["analyze", str(tiny), "--out", str(out), "--at", AT, "-q", *args])
    assert result.exit_code == 0, result.output
    return out


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_with_plan_appends_plan_actions_after_each_zones_own(tiny, tmp_path):
    found = rows(analyze(tiny, tmp_path / "out", "--with-plan") / "actions.csv")
    assert list(found[0]) == ["zone", "priority", "action", "actors", "rationale", "via", "evidence", "score",
                              "source"]
    assert [(r["zone"], r["priority"], r["action"], r["actors"], r["source"]) for r in found if r["zone"] == "south"] == [
        ("south", "1", "secure_bridge", "gp|hosp", "analysis"),
        ("south", "2", "invite", "a", "analysis"),
        ("south", "3", "invite", "b", "analysis"),
        ("south", "4", "introduce", "gp|b", "analysis"),
        # the plan: invitations, then introductions; gp reaches both targets (gp, hosp), so no second seat
        # (it would reach nobody new); gp-hosp (the bridge to secure) and b-gp are on the list already
        ("south", "5", "invite", "gp", "plan"),
        ("south", "6", "introduce", "a|b", "plan"),
        ("south", "7", "introduce", "a|gp", "plan"),
        ("south", "8", "introduce", "b|net", "plan"),
    ]
    # north: the plan invites mm, whom the analysis invites already, and finds no introduction
    assert {r["source"] for r in found if r["zone"] != "south"} == {"analysis"}
    plan = next(r for r in found if r["source"] == "plan" and r["action"] == "introduce")
    assert (plan["via"], plan["score"]) == ("", "3.6")
    assert plan["evidence"] == ("family_pair health-welfare; sector_pair elderly-home_care; a: no_ties -> single_tie; "
                                "b: no_ties -> single_tie; via coordination team")


def test_with_plan_rows_are_in_the_workbook_too_and_rerun_identically(tiny, tmp_path):
    first = analyze(tiny, tmp_path / "a", "--with-plan", "--lang", "nl")
    second = analyze(tiny, tmp_path / "b", "--with-plan", "--lang", "nl")
    for name in ("actions.csv", "actions.xlsx"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    sheet = openpyxl.load_workbook(first / "actions.xlsx")["Zuid"]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][-1] == "Bron" and sheet.auto_filter.ref == "A1:G9"
    assert [v[-1] for v in values[1:]] == ["analyse"] * 4 + ["planning"] * 4
    assert [v[1] for v in values[1:]] == list(range(1, 9))


def test_without_with_plan_no_source_column_and_one_zone_with_it(tiny, tmp_path):
    assert "source" not in rows(analyze(tiny, tmp_path / "plain") / "actions.csv")[0]
    found = rows(analyze(tiny, tmp_path / "south", "--with-plan", "--zone", "Zuid") / "actions.csv")
    assert {r["zone"] for r in found} == {"south"} and [r["priority"] for r in found] == [str(n) for n in range(1, 9)]


def test_with_plan_and_report_show_the_same_plans(tiny, tmp_path):
    out = analyze(tiny, tmp_path / "out", "--with-plan", "--report")
    md = (out / "report-south.en.md").read_text(encoding="utf-8")
    assert "| 1 | GP Zuid | 2 |" in part(md, "Whom to invite")


def test_plan_actions_number_after_each_zones_last_priority():
    G = collabnet.load(Path(__file__).parents[1] / "datasets" / "brussels", at=AT).graph
    plans = [zone_plan(G, "south", seats=2, count=2), zone_plan(G, "north-east", seats=1, count=1)]
    own = [Action("south", 1, "recruit", (), "Recruit.", None, ""), Action("south", 7, "recruit", (), "Again.", None, "")]
    numbered = plan_actions(plans, after=own)
    # south continues after its priority 7 (one invitee reaches every target: the second seat stays free);
    # north-east has no first- or second-line target to reach, so its plan proposes nothing
    assert [(a.zone, a.priority, a.action) for a in numbered] == [
        ("south", 8, "invite"), ("south", 9, "introduce"), ("south", 10, "introduce")]
    assert [a.actors for a in numbered] == [a.actors for p in plans for a in p.actions()]
    assert plan_actions(plans, after=numbered) == []  # everything is on the list already


def test_plans_shared_by_two_processes_are_the_plans_made_in_one(monkeypatch):
    from collabnet.analyses import run

    ds = collabnet.load(Path(__file__).parents[1] / "datasets" / "brussels", at="2024-06-30")
    one = analyse(ds, plans=True).plans
    monkeypatch.setattr(run, "_SHARED_PLANS_EDGES", 0)  # a forked process for half of the zones, as at region scale
    shared = analyse(ds, plans=True).plans
    assert list(shared) == list(one) and len(one) >= 3
    assert all(shared[zone] == one[zone] for zone in one)

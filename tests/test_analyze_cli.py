"""``collabnet analyze`` end to end on a tiny dataset whose gaps are computed by hand."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from collabnet.cli import cli

FILES = ["actions.csv", "actions.xlsx", "analysis.xlsx", "brokers.csv", "gaps.csv", "isolated.csv", "summary.json"]

ACTORS = """id,name,kind,sector,line,zone,language
gp,GP Zuid,organisation,medical,1,south,fr
cpas,CPAS Vorst,organisation,social_assistance,1,south,fr
hosp,Kliniek,organisation,medical,2,region,nl
net,Netwerk,organisation,coordination,,region,bi
mm,Maison médicale,organisation,medical,1,north,fr
ocmw,OCMW Jette,organisation,social_assistance,1,north,nl
"""
TIES = """source,target,type
gp,net,collaboration
cpas,net,collaboration
mm,ocmw,collaboration
ocmw,hosp,referral
gp,ghost,collaboration
"""
GROUPS = """id,name,type,zone,theme
wg-south,Werkgroep ziekenhuis-ambulant Zuid,working_group,south,hospital-ambulatory
"""


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    folder = tmp_path / "tiny"
    folder.mkdir()
    for name, text in (("actors", ACTORS), ("ties", TIES), ("groups", GROUPS)):
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder


def run(*args: str):
    return CliRunner().invoke(cli, ["analyze", *args])


def read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_analyze_writes_the_contract_tables(tiny: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = run(str(tiny), "--out", str(out), "--at", "2024-06-01")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == FILES
    assert "1 row left out of the analysis" in result.output  # the tie to an unknown actor
    assert "South zone: 2 actors, 2 with an isolation signal, 3 gaps" in result.output

    assert read(out / "isolated.csv")[0][:8] == ["zone", "actor", "name", "kind", "sector", "line", "reason",
                                                 "degree"]
    assert read(out / "brokers.csv")[0][:18] == [
        "zone", "rank", "actor", "name", "kind", "sector", "line", "betweenness", "cross_sector_ties",
        "sectors_bridged", "coordinator", "itinerant", "representative", "liaison", "constraint",
        "effective_size", "ei", "cut_vertex"]
    assert read(out / "actions.csv")[0][:5] == ["zone", "priority", "action", "actors", "rationale"]

    # Edges: gp-net, cpas-net, mm-ocmw, ocmw-hosp (net, hosp region-wide).
    # south = {gp, cpas}: no edge inside, density 0 -> expected 0; only line 1 -> line gap, 2 actors cut off.
    # north = {mm, ocmw}: one edge, medical-social linked; only line 1 -> line gap.
    # region (whole graph, density 4/15): every sector pair, 1-2 and nl-fr have an edge -> no gap.
    assert read(out / "gaps.csv") == [
        ["zone", "gap", "a", "b", "observed", "expected", "severity", "evidence"],
        ["north", "line_gap", "1", "2", "0", "0", "2", "1: 2 (mm, ocmw); 2: 0; 0 edges"],
        ["south", "line_gap", "1", "2", "0", "0", "2", "1: 2 (cpas, gp); 2: 0; 0 edges"],
        ["south", "family_pair", "health", "welfare", "0", "0", "0",
         "health: 1 (gp); welfare: 1 (cpas); 0 edges; zone density 0.000000"],
        ["south", "sector_pair", "medical", "social_assistance", "0", "0", "0",
         "medical: 1 (gp); social_assistance: 1 (cpas); 0 edges; zone density 0.000000"],
    ]
    actions = [row[:4] + [row[5]] for row in read(out / "actions.csv")[1:]]
    assert actions == [
        # mm has no second-line partner; ocmw knows the hospital
        ["north", "1", "introduce", "mm|hosp", "ocmw"],
        # ocmw is the only link between line 1 and 2 and between nl and fr in the whole graph
        ["region", "1", "secure_bridge", "hosp|mm", "ocmw"],
        ["south", "1", "introduce", "cpas|hosp", ""],
        ["south", "2", "introduce", "gp|hosp", ""],
        ["south", "3", "introduce", "gp|cpas", "net"],  # family_pair: health side first
    ]

    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert {k: summary[k] for k in ("dataset", "analysis_date", "actors", "organisations", "persons", "groups",
                                    "ties", "edges")} == {
        "dataset": "tiny", "analysis_date": "2024-06-01", "actors": 6, "organisations": 6, "persons": 0,
        "groups": 1, "ties": 4, "edges": 4}
    assert summary["rows_left_out"]["total"] == 1
    assert summary["rows_left_out"]["problems"] == [
        {"file": "ties.csv", "row": 6, "column": "target", "reason": "no actor with id 'ghost'"}]
    assert summary["zones"]["south"] == {
        "actors": 2, "sectors": {"medical": 1, "social_assistance": 1},
        "lines": {"0": 0, "1": 2, "2": 0, "3": 0, "none": 0}, "isolated": 2, "gaps": 3, "ei": None,
        "cut_vertices": 0}
    assert summary["zones"]["region"]["ei"] == 1.0  # all 4 edges join two sectors
    assert set(summary["zones"]) == {"north", "south", "region"}


def test_analyze_is_byte_identical_on_rerun(tiny: Path, tmp_path: Path):
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        assert run(str(tiny), "--out", str(out), "--at", "2024-06-01", "-q").exit_code == 0
    for name in FILES:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert (first / "summary.json").read_bytes().endswith(b"}\n")


def test_json_quiet_zone_and_language(tiny: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["analyze", str(tiny), "--out", str(out), "--at", "2024-06-01", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads((out / "summary.json").read_text(encoding="utf-8"))

    quiet = run(str(tiny), "--out", str(out), "--at", "2024-06-01", "-q")
    assert (quiet.exit_code, quiet.output) == (0, "")

    zone = run(str(tiny), "--out", str(out), "--at", "2024-06-01", "--zone", "Zuid", "--lang", "nl", "-q")
    assert zone.exit_code == 0
    assert {row[0] for row in read(out / "gaps.csv")[1:]} == {"south"}
    assert {row[0] for row in read(out / "isolated.csv")[1:]} == {"south"}
    rationale = read(out / "actions.csv")[1][4]
    assert rationale == ("Breng CPAS Vorst in contact met Kliniek: CPAS Vorst heeft nog geen verbinding met de "
                         "tweede lijn.")


def test_errors_are_clean_with_exit_status_2(tmp_path: Path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run(str(empty), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "Error:" in result.output

    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    folder = tmp_path / "tiny"
    folder.mkdir()
    (folder / "actors.csv").write_text(ACTORS, encoding="utf-8")
    result = run(str(folder), "--out", str(blocked / "sub"), "-q")
    assert result.exit_code == 2
    assert result.output == (f"Error: {blocked} is a file, not a folder. This command writes several files into a "
                             f"folder: give a folder with --out, for example --out {tmp_path / 'file-out' / 'sub'}\n")

    result = run(str(folder), "--out", str(tmp_path / "o"), "--zone", "atlantis")
    assert result.exit_code == 2 and "unknown zone" in result.output


BRUSSELS = Path(__file__).parents[1] / "datasets" / "brussels"


def _brokers(out: Path) -> dict:
    with open(out / "brokers.csv", encoding="utf-8") as f:
        return {row["actor"]: float(row["betweenness"]) for row in csv.DictReader(f)}


@pytest.fixture
def small_exact_limit(monkeypatch):
    """Treat the bundled dataset as a large graph: estimated betweenness above 10 actors, from 8 sources."""
    from collabnet.analyses import brokerage

    monkeypatch.setattr(brokerage, "EXACT_MAX", 10)
    monkeypatch.setattr(brokerage, "SAMPLE_SOURCES", 8)


def test_summary_says_betweenness_was_estimated_on_a_large_graph(tmp_path, small_exact_limit):
    result = CliRunner().invoke(cli, ["analyze", str(BRUSSELS), "--at", "2024-06-30", "--out", str(tmp_path), "-q"])
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    entry = summary["betweenness"]
    assert entry["method"] == "estimated" and entry["seed"] == 42 and entry["sources"] >= 8
    assert entry["certified"]["confidence"] == 0.95 and set(entry["certified"]["zones"]) <= set(summary["zones"])


def test_terminal_says_how_many_zones_have_a_settled_top_10_when_betweenness_was_estimated(tmp_path, small_exact_limit):
    result = CliRunner().invoke(cli, ["analyze", str(BRUSSELS), "--at", "2024-06-30", "--out", str(tmp_path),
                                      "--lang", "en"])
    assert result.exit_code == 0, result.output
    entry = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))["betweenness"]
    # certified with 8 sources: south (its top 10 separated) and the region-wide actors; the two other zones have
    # nobody ranked, so nothing to settle
    assert entry["sources"] == 8 and entry["certified"]["zones"] == {"region": True, "south": True}
    assert ("Betweenness estimated from 8 starting points: top 10 settled (95%) in 3 of 3 zones; exact ranks with "
            "--exact-betweenness") in result.output.splitlines()


def test_terminal_says_nothing_of_an_estimate_when_betweenness_is_exact(tmp_path):
    result = CliRunner().invoke(cli, ["analyze", str(BRUSSELS), "--at", "2024-06-30", "--out", str(tmp_path),
                                      "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "estimated" not in result.output


def test_exact_betweenness_option_gives_networkx_exact_values(tmp_path, small_exact_limit):
    import networkx as nx

    import collabnet

    result = CliRunner().invoke(cli, ["analyze", str(BRUSSELS), "--at", "2024-06-30", "--out", str(tmp_path), "-q",
                                      "--exact-betweenness"])
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert summary["betweenness"] == {"method": "exact"}
    exact = nx.betweenness_centrality(collabnet.load(BRUSSELS, at="2024-06-30").organisation_graph)
    found = _brokers(tmp_path)
    assert found and all(found[v] == pytest.approx(exact[v], abs=1e-6) for v in found)


def test_analyze_names_a_file_of_the_dataset_folder_it_does_not_read(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(BRUSSELS, folder)
    (folder / "memberships.csv").rename(folder / "memberschips.csv")
    result = CliRunner().invoke(cli, ["analyze", str(folder), "--at", "2024-06-30", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "memberschips.csv:0: (file): warning: not a dataset file; not read (did you mean 'memberships.csv'?)" \
        in result.output
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["files_not_read"] == [{"file": "memberschips.csv",
                                          "reason": "not a dataset file; not read (did you mean 'memberships.csv'?)"}]

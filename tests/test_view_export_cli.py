"""``collabnet view`` and ``collabnet export`` end to end on a tiny dataset."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import openpyxl
import pytest
from click.testing import CliRunner
from viewdata import view_data

from collabnet.cli import cli

ACTORS = """id,name,kind,sector,line,zone,language,organisation,email,phone
gp,GP Zuid,organisation,medical,1,south,fr,,gp@example.org,022000000
cpas,<img src=x onerror=alert(1)>,organisation,social_assistance,1,south,fr,,,
nurse,Nurse,person,home_care,1,south,fr,cpas,nurse@example.org,+32475000000
hosp,Kliniek,organisation,medical,2,region,nl,,,
mm,Maison médicale,organisation,medical,1,north,fr,,,
clerk,Clerk,person,social_assistance,1,south,fr,cpas,,
lab,Lab,organisation,medical,2,south,nl,,,
"""
TIES = """source,target,type
gp,cpas,collaboration
nurse,gp,referral
mm,hosp,referral
lab,gp,referral
"""


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    folder = tmp_path / "tiny"
    folder.mkdir()
    (folder / "actors.csv").write_text(ACTORS, encoding="utf-8")
    (folder / "ties.csv").write_text(TIES, encoding="utf-8")
    return folder


EDGES_NOTE = ("edges.csv:0: (file): the links of the actor graph as `collabnet export --format csv` writes them, "
              "not a dataset table; not read")


def run(*args: str):
    return CliRunner().invoke(cli, [*args, "--at", "2024-06-01"])


def payload(page: Path) -> dict:
    return view_data(page.read_text(encoding="utf-8"))


def nodes_of(page: Path) -> list[str]:
    return sorted(n["id"] for n in payload(page)["nodes"])


def test_view_of_a_zone_by_its_name_in_dutch(tiny: Path, tmp_path: Path):
    out = tmp_path / "zuid.html"
    result = run("view", str(tiny), "--zone", "Zuid", "--lang", "nl", "--colour", "line", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(out)
    assert nodes_of(out) == ["cpas", "gp", "lab"]  # the organisations: nurse and clerk act through the CPAS
    marks = {n["id"]: n["mark"] for n in payload(out)["nodes"]}
    # gp alone links the lab; the CPAS (through itself and its nurse) works with gp only: one partner.
    assert marks["gp"] == "cut_vertex" and marks["cpas"] == "isolated"
    html = out.read_text(encoding="utf-8")
    assert "Kleur: zorglijn" in html and "Zuid" in html and "<img src=x" not in html
    assert not re.search(r'(src|href)="?https?:', html) and "example.org" not in html


def test_view_of_the_region_folds_persons_and_writes_the_default_file(tiny: Path, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("view", str(tiny), "-q")
    assert result.exit_code == 0 and result.output == ""
    page = tmp_path / "reports" / "tiny" / "view-region.en.html"
    assert nodes_of(page) == ["cpas", "gp", "hosp", "lab", "mm"]  # the persons are folded into the CPAS
    assert run("view", str(tiny), "--aggregate", "full", "--out", "full.html").exit_code == 0
    assert nodes_of(tmp_path / "full.html") == ["cpas", "gp", "hosp", "lab", "mm"]  # the organisation graph
    assert run("view", str(tiny), "--aggregate", "full", "--level", "actors", "--out", "actors.html").exit_code == 0
    assert nodes_of(tmp_path / "actors.html") == ["clerk", "cpas", "gp", "hosp", "lab", "mm", "nurse"]
    assert run("view", str(tiny), "--out", "again.html").exit_code == 0
    assert (tmp_path / "again.html").read_bytes() == page.read_bytes()


def test_a_zone_view_at_the_actor_level_shows_the_persons(tiny: Path, tmp_path: Path):
    out = tmp_path / "zuid.html"
    assert run("view", str(tiny), "--zone", "south", "--level", "actors", "--out", str(out)).exit_code == 0
    assert nodes_of(out) == ["clerk", "cpas", "gp", "lab", "nurse"]
    marks = {n["id"]: n["mark"] for n in payload(out)["nodes"]}
    assert marks["gp"] == "cut_vertex" and marks["cpas"] == "cut_vertex"  # the CPAS alone links its clerk


def test_view_refuses_an_unknown_zone_cleanly(tiny: Path, tmp_path: Path):
    result = run("view", str(tiny), "--zone", "atlantis", "--out", str(tmp_path / "x.html"))
    assert result.exit_code == 2 and "unknown zone" in result.output and "Traceback" not in result.output


def test_export_gexf_of_a_zone_reads_back(tiny: Path, tmp_path: Path):
    out = tmp_path / "south.gexf"
    result = run("export", str(tiny), "--format", "gexf", "--zone", "south", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "5 actors, 5 links" in result.output
    G = nx.read_gexf(out)
    assert sorted(G.nodes) == ["clerk", "cpas", "gp", "lab", "nurse"]
    assert G.nodes["cpas"]["label"] == "<img src=x onerror=alert(1)>" and G.nodes["cpas"]["name"] == "cpas"
    assert G.edges["gp", "nurse"]["origin"] == "tie"


def test_export_kumu_with_and_without_contacts(tiny: Path, tmp_path: Path):
    plain, contacts = tmp_path / "plain.xlsx", tmp_path / "contacts.xlsx"
    assert run("export", str(tiny), "-f", "kumu", "--out", str(plain)).exit_code == 0
    assert run("export", str(tiny), "-f", "kumu", "--out", str(contacts), "--include-contacts").exit_code == 0

    def cells(path):
        book = openpyxl.load_workbook(path)
        assert book.sheetnames == ["Elements", "Connections"]
        return [c for s in book.worksheets for r in s.iter_rows(values_only=True) for c in r]

    assert "nurse@example.org" not in cells(plain) and "email" not in cells(plain)
    assert "nurse@example.org" in cells(contacts) and "'+32475000000" in cells(contacts)


def test_export_csv_default_folder_is_a_dataset_folder(tiny: Path, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("export", str(tiny), "--format", "csv")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "reports" / "tiny" / "graph-csv"
    assert sorted(p.name for p in folder.iterdir()) == ["actors.csv", "edges.csv", "groups.csv", "memberships.csv",
                                                        "sectors.csv", "ties.csv"]
    assert (folder / "actors.csv").read_text(encoding="utf-8").startswith(
        "id,name,kind,sector,line,zone,municipality,organisation,language,neighbourhood\n")


GROUPS = """id,name,type,zone
wg1,Werkgroep dementie,working_group,south
wg2,Gesloten werkgroep,workshop,south
"""
MEMBERSHIPS = """actor,group,role,until
gp,wg1,chair,
clerk,wg1,,
hosp,wg1,,
lab,wg2,,2024-01-01
"""


def test_export_csv_reads_back_as_a_dataset_with_the_same_graph(tiny: Path, tmp_path: Path):
    from collabnet.dataset import load_dataset

    actors = ACTORS.replace("gp,GP Zuid,organisation,medical,", "gp,GP Zuid,organisation,medical|mental_health,")
    (tiny / "actors.csv").write_text(actors, encoding="utf-8")
    (tiny / "groups.csv").write_text(GROUPS, encoding="utf-8")
    (tiny / "memberships.csv").write_text(MEMBERSHIPS, encoding="utf-8")
    out = tmp_path / "again"
    assert run("export", str(tiny), "-f", "csv", "--out", str(out)).exit_code == 0
    original, again = load_dataset(tiny, at="2024-06-01"), load_dataset(out, at="2024-06-01")
    assert [str(p) for p in again.problems] == [EDGES_NOTE]  # the export's links file, listed as not read
    assert dict(again.graph.nodes(data=True)) == dict(original.graph.nodes(data=True))
    assert nx.utils.edges_equal(again.graph.edges(data=True), original.graph.edges(data=True))
    assert again.graph.nodes["gp"]["sectors"] == ("medical", "mental_health")  # secondary sectors kept
    assert list(again.groups["id"]) == ["wg1"]  # wg2's only membership ended before the analysis date


def test_export_csv_of_a_zone_reads_back(tiny: Path, tmp_path: Path):
    from collabnet.dataset import load_dataset

    out = tmp_path / "south"
    assert run("export", str(tiny), "-f", "csv", "--zone", "south", "--out", str(out)).exit_code == 0
    again = load_dataset(out, at="2024-06-01")
    assert [str(p) for p in again.problems] == [EDGES_NOTE] and sorted(again.graph) == ["clerk", "cpas", "gp", "lab", "nurse"]
    assert sorted(again.graph.edges) == [("clerk", "cpas"), ("cpas", "gp"), ("cpas", "nurse"), ("gp", "lab"),
                                         ("gp", "nurse")]


@pytest.mark.parametrize("fmt, name", [("cytoscape", "graph.cyjs"), ("gexf", "graph.gexf")])
def test_export_writes_the_default_file_of_each_format(tiny: Path, tmp_path: Path, monkeypatch, fmt, name):
    monkeypatch.chdir(tmp_path)
    assert run("export", str(tiny), "--format", fmt, "-q").exit_code == 0
    assert (tmp_path / "reports" / "tiny" / name).is_file()


def test_export_kumu_words_follow_lang(tiny: Path, tmp_path: Path):
    out = tmp_path / "kumu.xlsx"
    assert run("export", str(tiny), "-f", "kumu", "--lang", "fr", "--out", str(out)).exit_code == 0
    elements = list(openpyxl.load_workbook(out)["Elements"].iter_rows(values_only=True))
    row = next(r for r in elements if r[0] == "nurse")
    assert row[2] == "personne" and row[3] == "Secteurs : Aide et soins à domicile · Ligne : première ligne · " \
        "Bassin : Sud" and row[4] == "Aide et soins à domicile"


def test_view_into_a_folder_writes_the_default_name_there_and_prints_it(tiny: Path, tmp_path: Path):
    folder = tmp_path / "out"
    folder.mkdir()
    result = run("view", str(tiny), "--zone", "Zuid", "--lang", "nl", "--out", str(folder))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(folder / "view-south.nl.html")
    assert [p.name for p in folder.iterdir()] == ["view-south.nl.html"]  # no temporary file left behind

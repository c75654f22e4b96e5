"""``collabnet view`` and ``collabnet export`` end to end on a tiny dataset."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import openpyxl
import pytest
from click.testing import CliRunner

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


def run(*args: str):
    return CliRunner().invoke(cli, [*args, "--at", "2024-06-01"])


def payload(page: Path) -> dict:
    block = re.search(r'type="application/json">(.*?)</script>', page.read_text(encoding="utf-8"), re.DOTALL)
    return json.loads(block.group(1))


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
    assert G.nodes["cpas"]["name"] == "<img src=x onerror=alert(1)>"
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


def test_export_csv_default_folder(tiny: Path, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("export", str(tiny), "--format", "csv")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "reports" / "tiny" / "graph-csv"
    assert sorted(p.name for p in folder.iterdir()) == ["edges.csv", "nodes.csv"]
    assert (folder / "nodes.csv").read_text(encoding="utf-8").startswith("id,name,kind,sectors,sector,family,line")

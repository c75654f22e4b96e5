"""Acceptance across commands: every output is complete, safe, private on request, and deterministic."""

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from collabnet.cli import COMMANDS, cli

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = '<img src=x onerror=alert(1)>'
AMPERSAND = 'Ça & Cie "test"'
PERSONS = ["Gaétane Thirion", "Pierre-Michel Dupont", "Marie-Catherine Janssens"]
ACTORS = f"""id,name,kind,sector,line,zone,organisation,language,email,phone
cpas,CPAS de Forest — Coordination sociale,organisation,social_assistance,1,south,,fr,info@cpas.example,022220000
kliniek,Kliniek Sint-Jan,organisation,medical,2,south,,nl,,
evil,{HOSTILE},organisation,mental_health,1,south,,fr,,
cie,"{AMPERSAND.replace('"', '""')}",organisation,housing,1,north,,fr,,
gp,Maison médicale Santé Plurielle,organisation,medical,1,north,,fr,,
p1,{PERSONS[0]},person,coordination,,,cpas,,gaetane@brusano.example,0475000001
p2,{PERSONS[1]},person,mental_health,,,kliniek,,,
p3,{PERSONS[2]},person,medical,,,gp,,,
"""
GROUPS = "id,name,type,zone,theme\nwg,Werkgroep geestelijke gezondheid,working_group,south,mental health\n"
MEMBERSHIPS = "actor,group\np1,wg\np2,wg\nevil,wg\n"
TIES = "source,target,type\ncpas,kliniek,referral\ngp,cie,collaboration\np3,cie,information\n"


@pytest.fixture
def dataset(tmp_path):
    folder = tmp_path / "zone"
    folder.mkdir()
    for name, text in [("actors", ACTORS), ("groups", GROUPS), ("memberships", MEMBERSHIPS), ("ties", TIES)]:
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result


def every_output(dataset, out, *extra):
    """Run every command that writes files into ``out``; return all files written."""
    at = ("--at", "2024-06-01")
    assert run("analyze", dataset, "--out", out, "--report", *at, "-q", *extra).exit_code == 0
    for lang in ("nl", "fr"):
        assert run("report", dataset, "--out", out, "--lang", lang, *at, "-q", *extra).exit_code == 0
    assert run("view", dataset, "--zone", "south", "--out", out / "view-full.html", "--aggregate", "full", *at, "-q",
               *extra).exit_code == 0
    for fmt, name in [("gexf", "g.gexf"), ("graphml", "g.graphml"), ("json", "g.json"), ("csv", "csv"),
                      ("kumu", "kumu.xlsx")]:
        assert run("export", dataset, "--format", fmt, "--out", out / name, *at, "-q", *extra).exit_code == 0
    assert run("diff", dataset, "--from", "2023-01-01", "--to", "2024-06-01", "--out", out / "diff", "-q",
               *extra).exit_code == 0
    return sorted(p for p in out.rglob("*") if p.is_file())


def text_of(path: Path) -> str:
    if path.suffix == ".xlsx":
        import zipfile

        with zipfile.ZipFile(path) as archive:
            return "".join(archive.read(n).decode("utf-8") for n in archive.namelist())
    return path.read_text(encoding="utf-8")


def test_analyze_report_writes_tables_reports_and_views_per_zone_and_region(dataset, tmp_path):
    out = tmp_path / "out"
    assert run("analyze", dataset, "--out", out, "--report", "--lang", "nl", "--at", "2024-06-01", "-q").exit_code == 0
    names = sorted(p.name for p in out.iterdir())
    expected = ["actions.csv", "actions.xlsx", "analysis.xlsx", "brokers.csv", "gaps.csv", "isolated.csv", "summary.json"]
    for zone in ("north", "south", "region"):
        expected += [f"report-{zone}.nl.html", f"report-{zone}.nl.md", f"view-{zone}.nl.html"]
    assert names == sorted(expected)


def test_summary_json_gives_the_counts_grouped_and_flat(dataset, tmp_path):
    import json

    run("analyze", dataset, "--out", tmp_path, "--at", "2024-06-01", "-q")
    summary = json.loads((tmp_path / "summary.json").read_text())
    # 8 actors (5 organisations, 3 persons); edges: 3 ties, 3 affiliations, 3 co-memberships in wg (p1, p2, evil).
    assert summary["counts"] == {"actors": 8, "organisations": 5, "persons": 3, "groups": 1, "ties": 3,
                                 "memberships": 3, "edges": 9}
    assert all(summary[key] == value for key, value in summary["counts"].items())


def test_html_outputs_escape_user_strings_and_load_nothing_from_the_network(dataset, tmp_path):
    files = every_output(dataset, tmp_path / "out")
    html = [p for p in files if p.suffix == ".html"]
    assert len(html) >= 10
    for path in html:
        text = path.read_text(encoding="utf-8")
        assert HOSTILE not in text, path.name
        assert not re.search(r'src="https?:|href="https?:', text), path.name
        assert "<script>alert" not in text


def test_contacts_never_leave_without_include_contacts(dataset, tmp_path):
    for path in every_output(dataset, tmp_path / "out"):
        text = text_of(path)
        assert "gaetane@brusano.example" not in text and "0475000001" not in text, path.name


def test_include_contacts_adds_them_to_exports_only(dataset, tmp_path):
    out = tmp_path / "g.gexf"
    assert run("export", dataset, "--format", "gexf", "--out", out, "--include-contacts", "-q").exit_code == 0
    assert "gaetane@brusano.example" in out.read_text(encoding="utf-8")


def test_pseudonymised_outputs_contain_no_person_name(dataset, tmp_path):
    key = tmp_path / "key"
    files = every_output(dataset, tmp_path / "out", "--pseudonymise", "--key-file", key)
    for path in files:
        text = text_of(path)
        for name in PERSONS + ["Gaétane", "gaetane"]:
            assert name not in text, (path.name, name)
    assert any("person-" in text_of(p) for p in files if p.name == "isolated.csv" or p.suffix == ".html")


def test_pseudonyms_are_the_same_on_a_rerun_with_the_same_key(dataset, tmp_path):
    key = tmp_path / "key"
    for out in ("a", "b"):
        run("export", dataset, "--format", "json", "--out", tmp_path / f"{out}.json", "--pseudonymise",
            "--key-file", key, "-q")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_two_runs_give_byte_identical_files(dataset, tmp_path):
    first = every_output(dataset, tmp_path / "one")
    second = every_output(dataset, tmp_path / "two")
    assert [p.relative_to(tmp_path / "one") for p in first] == [p.relative_to(tmp_path / "two") for p in second]
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_the_input_is_never_modified(dataset, tmp_path):
    before = {p.name: p.read_bytes() for p in dataset.iterdir()}
    every_output(dataset, tmp_path / "out")
    assert {p.name: p.read_bytes() for p in dataset.iterdir()} == before


CORPUS = ROOT / "tests" / "data" / "broken"


@pytest.mark.parametrize("case", sorted(p.name for p in CORPUS.iterdir()))
def test_every_command_on_every_broken_dataset_fails_cleanly(case, tmp_path):
    target = CORPUS / case / "data.xlsx" if (CORPUS / case / "data.xlsx").exists() else CORPUS / case
    out = tmp_path / "out"
    for args in (["info"], ["validate"], ["analyze", "--out", out, "--report"], ["report", "--out", out],
                 ["view", "--out", out / "v.html"], ["export", "--format", "graphml", "--out", out / "g.graphml"],
                 ["plan", "invite", "--zone", "south", "--seats", "2"], ["plan", "introduce", "--zone", "south"],
                 ["diff", "--from", "2023-01-01", "--to", "2024-01-01", "--out", out / "diff"]):
        result = CliRunner().invoke(cli, [args[0], *args[1:2], str(target), *map(str, args[2:])]
                                    if args[0] == "plan" else [args[0], str(target), *map(str, args[1:])])
        assert "Traceback" not in result.output, (case, args)
        assert result.exit_code in (0, 1, 2), (case, args, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (case, args, result.exception)


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"collabnet {command}" in readme, command

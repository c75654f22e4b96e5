"""Acceptance: with --pseudonymise, no output of any command holds a person's id, name, contact or free text.

Every personal or free-text value of the dataset below contains ``zqx`` (a string no word of collabnet and
no hex pseudonym contains), so one search per file finds any of them; phones are searched on their digits.
"""

import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from collabnet.cli import cli
from collabnet.privacy import load_key, pseudonym

MARK = "zqx"
PHONES = ["475998877", "25550100"]
ACTORS = """id,name,kind,sector,line,zone,organisation,language,neighbourhood,email,phone,note,contact_person
cpas,CPAS de Forest,organisation,social_assistance,1,south,,fr,Zqxneigh,cpas@zqx.be,+32 2 555 01 00,zqxorg,Zoltan Zqxc
kliniek,Kliniek Sint-Jan,organisation,medical,2,south,,nl,,,,,
gp,Cabinet Dr Xaviera Zqxnom,organisation,medical,1,south,,fr,,,,,
mm,Maison Médicale Nord,organisation,medical,1,north,,fr,,,,,Yolande Zqxother
home,Aide à domicile Nord,organisation,home_care,1,north,,fr,,,,,
p-zqxa1,Quirinus Zqxname,person,coordination,,,cpas,,Zqxhome street,quirinus@zqx.example,+32 475 99 88 77,zqxnote person,
p-zqxa10,Xaviera Zqxnom,person,medical,,,gp,,,,,,
p-zqxb,Wendelin Zqxbridge,person,mental_health,,,kliniek,,,,,,
p-zqxc,Ulrike Zqxalone,person,home_care,,,home,,,,,,
p-zqxgone,Valentin Zqxleft,person,not-a-sector-zqx,,,mm,,,,,,
"""
GROUPS = """id,name,type,zone,theme,organiser
wg,Werkgroep Zuid,working_group,south,intervision with Quirinus Zqxname,Zqx Organiser
net,Réseau Nord,network,north,home care,
"""
MEMBERSHIPS = """actor,group,role,since,note
p-zqxa1,wg,zqxrole chief,,zqx membership note
p-zqxb,wg,member,,
p-zqxa10,wg,coordinator,2024-03-01,
mm,net,member,,
p-zqxc,net,member,,
p-zqxgone,net,member,,
"""
TIES = """source,target,type,since,note
cpas,kliniek,referral,,
p-zqxa10,mm,zqxtype via Quirinus,2024-03-01,zqx tie note
p-zqxb,home,collaboration,,
"""
AT = ("--at", "2024-06-01")
SINCE = ("--since", "2024-01-01")


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def dataset(tmp_path):
    """The dataset above, as the folder ``zone``."""
    tables = {"actors": ACTORS, "groups": GROUPS, "memberships": MEMBERSHIPS, "ties": TIES}
    (tmp_path / "zone").mkdir()
    for name, text in tables.items():
        (tmp_path / "zone" / f"{name}.csv").write_text(text, encoding="utf-8")
    # a file the dataset does not read, named after a person: summary.json lists it, not by that name
    (tmp_path / "zone" / "notes Quirinus Zqxname.txt").write_text("call back\n", encoding="utf-8")
    return tmp_path / "zone"


@pytest.fixture
def old_actions(dataset, tmp_path):
    """An earlier actions.csv written without --pseudonymise (persons' ids and names in it), plus a row
    a coordinator typed: real ids, a name in the rationale, evidence and an extra column."""
    old = tmp_path / "old"
    assert run("analyze", dataset, "--out", old, "--level", "actors", "--with-plan", *AT, "-q").exit_code == 0
    text = (old / "actions.csv").read_text(encoding="utf-8")
    assert MARK in text.lower()  # the test would prove nothing otherwise
    lines = text.splitlines()
    lines[0] += ",owner"
    lines = [lines[0]] + [f"{line}," for line in lines[1:]]
    lines.append("south,9,introduce,p-zqxa1|p-zqxb,Call Quirinus Zqxname first,,cut vertex p-zqxb: zqx said so,1,"
                 "Zqx Owner")
    lines.append("south,9,backup_contact,cpas|p-zqxgone,zqx left,,,1,")
    path = tmp_path / "old-actions.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def every_output(dataset, actions: Path, out: Path, key: Path) -> list[Path]:
    """Run every command that writes files, with --pseudonymise, into ``out``; all files written."""
    private = ("--pseudonymise", "--key-file", key, "-q")
    for level in ("organisations", "actors"):
        assert run("analyze", dataset, "--out", out / level, "--report", "--with-plan", *SINCE, "--actions", actions,
                   "--level", level, *AT, *private).exit_code == 0
    for lang in ("nl", "fr"):
        assert run("report", dataset, "--out", out / "report", "--lang", lang, *SINCE, "--actions", actions, *AT,
                   *private).exit_code == 0
    for aggregate in ("auto", "full", "sectors"):
        since = SINCE if aggregate != "sectors" else ()
        assert run("view", dataset, "--out", out / f"view-{aggregate}.html", "--aggregate", aggregate, *since, *AT,
                   *private).exit_code == 0
    for fmt, name in [("gexf", "g.gexf"), ("graphml", "g.graphml"), ("json", "g.json"), ("cytoscape", "g.cyjs"),
                      ("csv", "csv"), ("kumu", "kumu.xlsx")]:
        assert run("export", dataset, "--format", fmt, "--out", out / name, *AT, *private).exit_code == 0
    assert run("diff", dataset, "--from", "2024-01-01", "--to", "2024-06-01", "--actions", actions,
               "--out", out / "diff", *private).exit_code == 0
    assert run("diff", dataset, dataset, "--actions", actions, "--out", out / "diff2", *AT, *private).exit_code == 0
    person = pseudonym("p-zqxb", load_key(key))
    for verb, extra in [("invite", ()), ("introduce", ()), ("leave", ("--actor", "cpas")),
                        ("leave", ("--actor", person))]:
        assert run("plan", verb, dataset, *extra, "--out", out / f"plan-{verb}{len(extra)}.csv", *AT,
                   *private).exit_code == 0
    return sorted(p for p in out.rglob("*") if p.is_file())


# The view's bundled graph library carries its icons as base64 images, where "zqx" occurs by chance.
_IMAGE = re.compile(r"data:image/[\w+.-]+;base64,[A-Za-z0-9+/=]+")


def parts_of(path: Path) -> dict[str, str]:
    """Every part of a file as text (each member of an xlsx archive), without embedded images."""
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as archive:
            return {f"{path.name}:{n}": archive.read(n).decode("utf-8") for n in archive.namelist()}
    return {str(path): _IMAGE.sub("data:image", path.read_text(encoding="utf-8"))}


def test_no_output_holds_a_persons_id_name_contact_or_free_text(dataset, old_actions, tmp_path):
    files = every_output(dataset, old_actions, tmp_path / "out", tmp_path / "key")
    kinds = {p.suffix for p in files}
    assert {".json", ".csv", ".html", ".md", ".xlsx", ".gexf", ".graphml", ".cyjs"} <= kinds
    assert len(files) >= 60
    for path in files:
        for part, text in parts_of(path).items():
            assert MARK not in text.lower(), (part, text[max(0, text.lower().find(MARK) - 80):][:200])
            digits = re.sub(r"\D", "", text)
            assert not any(phone in digits for phone in PHONES), part


def test_persons_are_in_the_outputs_as_pseudonyms(dataset, old_actions, tmp_path):
    files = every_output(dataset, old_actions, tmp_path / "out", tmp_path / "key")
    key = load_key(tmp_path / "key")
    text = "".join(t for p in files for t in parts_of(p).values())
    for person in ("p-zqxa1", "p-zqxa10", "p-zqxb", "p-zqxc"):
        assert pseudonym(person, key) in text, person


def test_the_organisation_graph_names_carriers_by_pseudonym(dataset, tmp_path):
    import csv

    key = tmp_path / "key"
    assert run("analyze", dataset, "--out", tmp_path / "out", *AT, "--pseudonymise", "--key-file", key,
               "-q").exit_code == 0
    carrier = pseudonym("p-zqxc", load_key(key))  # home's link to mm rests on p-zqxc's membership of net
    with open(tmp_path / "out" / "brokers.csv", encoding="utf-8") as handle:
        brokers = {row["actor"]: row for row in csv.DictReader(handle)}
    with open(tmp_path / "out" / "actions.csv", encoding="utf-8") as handle:
        actions = [row for row in csv.DictReader(handle) if row["action"] == "backup_contact"]
    assert brokers["home"]["carried_by"] == carrier
    assert f"home|{carrier}" in [row["actors"] for row in actions]


def test_a_left_out_persons_id_reaches_summary_json_as_its_pseudonym(dataset, tmp_path):
    key = tmp_path / "key"
    assert run("analyze", dataset, "--out", tmp_path, *AT, "--pseudonymise", "--key-file", key, "-q").exit_code == 0
    problems = json.loads((tmp_path / "summary.json").read_text())["rows_left_out"]["problems"]
    gone = pseudonym("p-zqxgone", load_key(key))
    assert {"file": "memberships.csv", "row": 7, "column": "actor",
            "reason": f"actor '{gone}' was left out (see actors.csv:11)"} in problems
    sector = next(p["reason"] for p in problems if (p["file"], p["row"]) == ("actors.csv", 11))
    assert sector.startswith("unknown sector '…' (expected one of: medical, pharmacy,")


def test_convert_is_a_copy_of_the_users_own_dataset_and_refuses_pseudonymise(dataset, tmp_path):
    result = run("convert", dataset, tmp_path / "copy.xlsx", "--pseudonymise")
    assert result.exit_code == 2 and "No such option '--pseudonymise'" in result.output

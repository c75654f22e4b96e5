"""One analysis, one truth: every command analyses each date once, and renderers only read the record."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from english import ENGLISH, without_names

import collabnet
from collabnet.analyses import analyse
from collabnet.cli import cli
from collabnet.render.report import render_report
from collabnet.render.tables import action_rows
from collabnet.words import Vocabulary

ROOT = Path(__file__).parents[1]
BRUSSELS = ROOT / "datasets" / "brussels"
AT, SINCE = "2024-06-30", "2024-01-01"


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("path", sorted((ROOT / "collabnet" / "render").glob("*.py")), ids=lambda p: p.name)
def test_a_renderer_imports_no_analysis(path):
    # dataset -> graph -> analyses (one record) -> renderers that only read it.
    computing = ("collabnet.analyses", "collabnet.planning", "collabnet.diff", "collabnet.algorithms")
    assert [m for m in imports_of(path) if m.startswith(computing)] == []


@pytest.fixture
def counted(monkeypatch) -> Counter:
    """Calls of the graph builder and of each analysis, whoever makes them."""
    import collabnet.graph
    from collabnet.analyses import brokerage, run

    calls: Counter = Counter()

    def counting(module, name):
        original = getattr(module, name)

        def wrapper(*args, **kwargs):
            calls[name] += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)

    counting(collabnet.graph, "build_actor_graph")
    counting(run, "isolated_actors")
    counting(run, "find_gaps")
    counting(run, "cut_vertices")
    counting(run, "recommend_actions")
    counting(brokerage, "_betweenness_values")
    return calls


def test_a_report_since_an_earlier_date_of_one_zone_analyses_each_date_once(counted, tmp_path):
    result = CliRunner().invoke(cli, ["analyze", str(BRUSSELS), "--at", AT, "--since", SINCE, "--zone", "south",
                                      "--report", "--out", str(tmp_path), "-q"])
    assert result.exit_code == 0, result.output
    assert dict(counted) == {"build_actor_graph": 2, "isolated_actors": 2, "find_gaps": 2, "cut_vertices": 2,
                             "recommend_actions": 2, "_betweenness_values": 2}


def test_a_report_analyses_once(counted, tmp_path):
    result = CliRunner().invoke(cli, ["analyze", str(BRUSSELS), "--at", AT, "--report", "--out", str(tmp_path), "-q"])
    assert result.exit_code == 0, result.output
    assert dict(counted) == {"build_actor_graph": 1, "isolated_actors": 1, "find_gaps": 1, "cut_vertices": 1,
                             "recommend_actions": 1, "_betweenness_values": 1}


def test_a_view_since_an_earlier_date_analyses_each_date_once(counted, tmp_path):
    result = CliRunner().invoke(cli, ["view", str(BRUSSELS), "--at", AT, "--since", SINCE,
                                      "--out", str(tmp_path / "view.html")])
    assert result.exit_code == 0, result.output
    # The earlier date's links only: its graph, no analysis.
    assert counted["build_actor_graph"] == 2 and counted["_betweenness_values"] == 1


@pytest.fixture(scope="module")
def brussels():
    return analyse(collabnet.load(BRUSSELS, at=AT), plans=True)


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_rationales_are_in_the_reader_s_language_only(brussels, lang):
    words = Vocabulary.for_analysis(brussels, lang)
    rows = action_rows(brussels.actions + brussels.plan_actions, words)
    assert rows and [r["rationale"] for r in rows if ENGLISH.search(without_names(r["rationale"], words))] == []


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_a_report_of_an_analysis_speaks_one_language(brussels, lang):
    words = Vocabulary.for_analysis(brussels, lang)
    text = without_names(render_report(brussels, "south", lang).markdown, words)
    assert [line for line in text.splitlines() if ENGLISH.search(line)] == []


def test_one_record_whatever_the_language_asked(brussels):
    # The record holds no words: the same actions come out in each language, only their sentences differ.
    rows = {lang: action_rows(brussels.actions, Vocabulary.for_analysis(brussels, lang)) for lang in ("en", "nl")}
    strip = [{k: v for k, v in row.items() if k != "rationale"} for row in rows["en"]]
    assert strip == [{k: v for k, v in row.items() if k != "rationale"} for row in rows["nl"]]
    assert [r["rationale"] for r in rows["en"]] != [r["rationale"] for r in rows["nl"]]


def test_a_zone_of_the_record_holds_the_zone_s_rows_of_the_whole_run(brussels):
    south = brussels.for_zone("south")
    assert south.actions == tuple(a for a in brussels.actions if a.zone == "south")
    assert south.isolated == tuple(r for r in brussels.isolated if r.zone == "south")
    assert south.gaps == tuple(g for g in brussels.gaps if g.zone == "south")


def test_the_english_detector_finds_every_english_rationale(brussels):
    # The language tests above can fail: each English sentence has one of the words they look for.
    words = Vocabulary.for_analysis(brussels, "en")
    rows = action_rows(brussels.actions + brussels.plan_actions, words)
    assert all(ENGLISH.search(without_names(r["rationale"], words)) for r in rows)


def test_every_file_is_the_same_whatever_python_s_string_hashing(tmp_path):
    # Within one process a set iterates the same way twice; across processes it need not (PYTHONHASHSEED).
    # The outputs must not depend on it: two processes with different seeds write the same bytes.
    import os
    import subprocess
    import sys

    for seed in ("1", "2"):
        done = subprocess.run([sys.executable, "-m", "collabnet", "analyze", str(BRUSSELS), "--at", AT, "--report",
                               "--with-plan", "--out", str(tmp_path / seed), "-q"],
                              env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    first = sorted(p.name for p in (tmp_path / "1").iterdir())
    assert first == sorted(p.name for p in (tmp_path / "2").iterdir()) and "report-south.en.html" in first
    assert [n for n in first if (tmp_path / "1" / n).read_bytes() != (tmp_path / "2" / n).read_bytes()] == []

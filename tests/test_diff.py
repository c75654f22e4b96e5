"""Snapshots, diffs and the follow-up of earlier actions (collabnet.diff, ``collabnet diff``).

Fixture: tests/data/dated, one small dataset with dated rows, seen on OLD = 2024-01-01
and NEW = 2025-01-01; everything that changes does so on 2024-06-01. All expected
values below are hand-computed from these graphs (ids shortened: s_ = south,
n_ = north, r_net = region-wide):

OLD (9 actors; n_home starts 2024-06-01), 9 edges:
    s_cpas-s_gp (co_membership|tie), s_cpas-s_home, s_gp-s_home (co_membership, g_south),
    s_gp-s_hosp (tie), r_net-s_gp (tie), n_gp-r_net (co_membership|tie),
    n_cpas-n_gp, n_cpas-r_net (co_membership, g_north), s_home-s_nurse (affiliation);
    s_house has no edge.
NEW (10 actors), 10 edges:
    s_cpas-s_gp, s_cpas-s_house, s_gp-s_house (co_membership, g_south), s_cpas-s_home (tie),
    r_net-s_gp, r_net-s_cpas, n_gp-r_net, n_cpas-n_home (tie), n_cpas-n_gp (co_membership),
    s_home-s_nurse (affiliation); s_hosp has no edge.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner

import collabnet
from collabnet.analyses import analyse
from collabnet.cli import cli
from collabnet.diff import TABLE_FILES, ActionsFileError, compare, edge_changes, read_actions, snapshot
from collabnet.graph import active
from collabnet.records import Action

DATA = Path(__file__).parent / "data" / "dated"
ACTIONS = DATA.parent / "dated_earlier_actions.csv"  # beside the dataset: a file in it would be named as not read
OLD, NEW = "2024-01-01", "2025-01-01"


@pytest.fixture(scope="module")
def snapshots():
    ds = collabnet.load(DATA, at=OLD)
    # The hand computations above are on the actor graph.
    return snapshot(analyse(ds, level="actors")), snapshot(analyse(ds.on(NEW), level="actors"))


@pytest.fixture(scope="module")
def result(snapshots):
    return compare(*snapshots, top=1, actions=read_actions(ACTIONS))


def test_ties(result):
    # Tie pairs OLD: s_gp-s_hosp, s_cpas-s_gp, r_net-s_gp, n_gp-r_net;
    # NEW: r_net-s_gp, n_gp-r_net, s_cpas-s_home, n_cpas-n_home, r_net-s_cpas (region and south row).
    assert [(t.zone, t.change, t.a, t.b, t.types) for t in result.ties] == [
        ("north", "new", "n_cpas", "n_home", "collaboration"),
        ("region", "new", "r_net", "s_cpas", "agreement"),
        ("south", "new", "r_net", "s_cpas", "agreement"),
        ("south", "new", "s_cpas", "s_home", "collaboration"),
        ("south", "lost", "s_cpas", "s_gp", "information"),   # the edge stays: both still in g_south
        ("south", "lost", "s_gp", "s_hosp", "referral"),
    ]
    assert result.ties[0].b_name == "Soins à domicile Nord"


def test_memberships(result):
    assert [(m.zone, m.change, m.actor, m.group, m.group_name) for m in result.memberships] == [
        ("region", "lost", "r_net", "g_north", "Groupe Nord"),
        ("south", "new", "s_house", "g_south", "Werkgroep Zuid"),
        ("south", "lost", "s_home", "g_south", "Werkgroep Zuid"),
    ]


def test_edges_by_origin(result):
    assert [(e.zone, e.change, e.u, e.v, e.origin) for e in result.edges] == [
        ("north", "new", "n_cpas", "n_home", "tie"),
        ("north", "lost", "n_cpas", "r_net", "co_membership"),
        ("region", "new", "r_net", "s_cpas", "tie"),
        ("region", "lost", "n_cpas", "r_net", "co_membership"),
        ("south", "new", "r_net", "s_cpas", "tie"),
        ("south", "new", "s_cpas", "s_house", "co_membership"),
        ("south", "new", "s_gp", "s_house", "co_membership"),
        ("south", "lost", "s_gp", "s_home", "co_membership"),
        ("south", "lost", "s_gp", "s_hosp", "tie"),
    ]


def test_edge_changes(snapshots):
    old, new = (s.graph for s in snapshots)
    changes = edge_changes(old, new)
    assert len(changes) == 13  # 9 old edges + 4 new ones
    assert {e for e, c in changes.items() if c == "new"} == {("n_cpas", "n_home"), ("r_net", "s_cpas"),
                                                             ("s_cpas", "s_house"), ("s_gp", "s_house")}
    assert {e for e, c in changes.items() if c == "lost"} == {("n_cpas", "r_net"), ("s_gp", "s_home"),
                                                              ("s_gp", "s_hosp")}
    assert changes[("s_cpas", "s_gp")] == "kept"
    assert edge_changes(new, new) == {e: "kept" for e in changes if e in new.edges}


def test_isolated(result):
    # OLD reasons: s_cpas, s_home no_cross_line; s_hosp intra_sector_only + single_tie (only s_gp, medical);
    # s_house no_ties; s_nurse no_ties (only its own organisation).
    # NEW reasons: n_home single_tie; s_cpas, s_gp, s_home, s_house no_cross_line (no line-2 partner
    # left); s_home single_tie; s_hosp no_ties; s_nurse no_ties.
    assert [(r.zone, r.change, r.actor, r.reason, r.old_degree, r.new_degree) for r in result.isolated] == [
        ("north", "became", "n_home", "single_tie", None, 1),
        ("south", "became", "s_gp", "no_cross_line", 4, 3),
        ("south", "became", "s_home", "single_tie", 2, 1),
        ("south", "became", "s_hosp", "no_ties", 1, 0),
        ("south", "became", "s_house", "no_cross_line", 0, 2),
        ("south", "stopped", "s_hosp", "intra_sector_only", 1, 0),
        ("south", "stopped", "s_hosp", "single_tie", 1, 0),
        ("south", "stopped", "s_house", "no_ties", 0, 2),
    ]
    evidence = {(r.actor, r.reason): r.evidence for r in result.isolated}
    assert evidence[("n_home", "single_tie")] == "new actor; outside neighbours: n_cpas"
    assert evidence[("s_house", "no_ties")] == "outside neighbours now: s_cpas, s_gp"


def test_gaps(result):
    # South: 6 actors, 5 edges on both dates (density 1/3). OLD: housing has no edge; NEW: s_gp-s_home
    # and s_gp-s_hosp are gone, so home_care-medical (expected 1/3*2*2) and the line gap open (expected
    # 1/3*5*1, severity + 5 + 1). North NEW: n_home arrives without a link to medical (density 2/3); with
    # one other zone no sector is "missing" in north (gaps.MIN_OTHER_ZONES). Region: density 9/36, then 10/45.
    assert [(g.zone, g.change, g.gap, g.a, g.b, g.observed, g.expected, g.severity) for g in result.gaps] == [
        ("north", "opened", "sector_pair", "home_care", "medical", 0, 0.666667, 0.666667),
        ("region", "opened", "line_gap", "1", "2", 0, 1.111111, 7.111111),
        ("region", "opened", "sector_pair", "home_care", "medical", 0, 2.0, 2.0),
        ("region", "closed", "sector_pair", "housing", "medical", 0, 0.75, 1.5),
        ("region", "closed", "sector_pair", "housing", "social_assistance", 0, 0.5, 0.5),
        ("south", "opened", "line_gap", "1", "2", 0, 1.666667, 7.666667),
        ("south", "opened", "sector_pair", "home_care", "medical", 0, 1.333333, 1.333333),
        ("south", "closed", "sector_pair", "housing", "medical", 0, 0.666667, 1.333333),
        ("south", "closed", "sector_pair", "housing", "social_assistance", 0, 0.333333, 0.333333),
    ]


def test_brokers(result):
    # Cut vertices OLD: s_gp (s_hosp; r_net side), s_home (s_nurse), r_net; NEW: s_cpas (s_home, s_nurse),
    # s_home, r_net, n_gp and n_cpas (the chain r_net-n_gp-n_cpas-n_home); s_gp is in the triangle
    # s_gp-s_cpas-r_net. Top broker (--top 1): north OLD tie at score 0 -> smaller id n_cpas; NEW n_gp
    # (liaison 1 like n_cpas, betweenness 12 pairs vs 7). South OLD s_gp; NEW s_cpas (betweenness 14,
    # the only south cut vertex with brokerage).
    assert [(b.zone, b.change, b.measure, b.actor, b.old_rank, b.new_rank) for b in result.brokers] == [
        ("north", "gained", "top_broker", "n_gp", 2, 1),
        ("north", "gained", "cut_vertex", "n_cpas", 1, 2),
        ("north", "gained", "cut_vertex", "n_gp", 2, 1),
        ("north", "lost", "top_broker", "n_cpas", 1, 2),
        ("south", "gained", "top_broker", "s_cpas", 3, 1),
        ("south", "gained", "cut_vertex", "s_cpas", 3, 1),
        ("south", "lost", "top_broker", "s_gp", 1, 3),
        ("south", "lost", "cut_vertex", "s_gp", 1, 3),
    ]


def test_figures(result):
    # E-I by main sector: south OLD 3 external, 2 internal (s_gp-s_hosp, s_home-s_nurse) = 0.2; NEW 4/1 = 0.6.
    # Region OLD 7/2 = 5/9; NEW 9/1 = 0.8.
    figures = {(f.zone, f.figure): (f.old, f.new, f.difference) for f in result.figures}
    assert figures == {
        ("north", "actors"): (2, 3, 1), ("north", "edges"): (1, 2, 1), ("north", "isolated"): (0, 1, 1),
        ("north", "gaps"): (0, 1, 1), ("north", "cut_vertices"): (0, 2, 2),
        ("north", "density"): (1.0, 0.666667, -0.333333), ("north", "ei"): (1.0, 1.0, 0.0),
        ("region", "actors"): (9, 10, 1), ("region", "edges"): (9, 10, 1), ("region", "isolated"): (5, 7, 2),
        ("region", "gaps"): (5, 5, 0), ("region", "cut_vertices"): (3, 5, 2),
        ("region", "density"): (0.25, 0.222222, -0.027778), ("region", "ei"): (0.555556, 0.8, 0.244444),
        ("south", "actors"): (6, 6, 0), ("south", "edges"): (5, 5, 0), ("south", "isolated"): (5, 6, 1),
        ("south", "gaps"): (3, 3, 0), ("south", "cut_vertices"): (2, 2, 0),
        ("south", "density"): (0.333333, 0.333333, 0.0), ("south", "ei"): (0.2, 0.6, 0.4),
    }


def test_action_follow_up(result):
    assert result.action_columns == ("zone", "priority", "action", "actors", "rationale", "via", "evidence",
                                     "score")
    assert [(a.zone, dict(a.row)["priority"], a.action, a.status) for a in result.actions] == [
        ("north", "1", "recruit", "realised"),            # n_home (home_care) now in north; sector from evidence
        ("north", "2", "recruit", "not_realised"),        # sector of the named actor s_house: housing
        ("north", "3", "recruit", "not_realised"),        # sector code in the actors field
        ("region", "1", "secure_bridge", "realised"),     # s_cpas-r_net tie avoids s_gp (via)
        ("region", "2", "secure_bridge", "realised"),     # cut edge s_gp-r_net: second path through s_cpas
        ("south", "1", "secure_bridge", "not_realised"),  # s_hosp has no edge any more
        ("south", "2", "introduce", "realised"),          # both in g_south
        ("south", "3", "introduce", "not_realised"),
        ("south", "4", "invite", "realised"),             # s_house joined g_south (via)
        ("south", "5", "invite", "not_realised"),
        ("south", "6", "invite", "realised"),             # any group
        ("south", "7", "secure_bridge", "not_realised"),  # bridge actor found on OLD: s_gp
        ("south", "8", "introduce", "unknown"),           # one actor only
        ("south", "9", "celebrate", "unknown"),           # no rule for that verb
    ]
    evidence = [a.status_evidence for a in result.actions]
    assert evidence[0] == "home_care actors in north on 2025-01-01: n_home"
    assert evidence[4] == "second path between s_gp and r_net on 2025-01-01: s_gp - s_cpas - r_net"
    assert evidence[6] == "s_house and s_cpas on 2025-01-01: both in g_south"
    assert evidence[11] == "no path between s_hosp and s_cpas without s_gp on 2025-01-01"
    assert evidence[13] == "no follow-up rule for the action 'celebrate'"


@pytest.mark.parametrize("row, status, evidence", [
    (dict(zone="south", action="secure_bridge", actors="s_gp"), "realised",
     "s_gp is no longer a cut vertex on 2025-01-01"),
    (dict(zone="south", action="secure_bridge", actors="s_home"), "not_realised",
     "s_home is still a cut vertex on 2025-01-01"),
    (dict(zone="north", action="recruit", actors="", sector="home_care"), "realised",
     "home_care actors in north on 2025-01-01: n_home"),
    (dict(zone="north", action="recruit", actors=""), "unknown", "the row names no sector"),
    (dict(zone="south", action="invite", actors="s_house", group="g_north"), "not_realised",
     "s_house is not in g_north on 2025-01-01"),
    (dict(zone="south", action="invite", actors="s_gp", group="g_south"), "not_realised",
     "s_gp was already in g_south on 2024-01-01"),
    (dict(zone="south", action="Introduce", actors="s_home|s_cpas"), "realised",
     "s_home and s_cpas on 2025-01-01: tie (collaboration)"),
    (dict(zone="north", action="introduce", actors="n_home|n_gp"), "not_realised",
     "no tie and no shared group between n_home and n_gp on 2025-01-01"),
    (dict(zone="south", action="introduce", actors="s_gp|ghost"), "unknown", "ghost is in neither snapshot"),
])
def test_follow_up_rules(snapshots, row, status, evidence):
    [followed] = compare(*snapshots, actions=[row]).actions
    assert (followed.status, followed.status_evidence) == (status, evidence)


def test_follow_up_of_action_records(snapshots):
    action = Action("south", 1, "introduce", ("s_house", "s_gp"), "Introduce them.", None, "isolated: no_ties")
    result = compare(*snapshots, actions=[action])
    assert result.actions[0].status == "realised"
    # An action record's rationale is a language-free message: not a cell of the follow-up.
    assert result.action_columns == ("zone", "priority", "action", "actors", "via", "evidence", "score")
    assert dict(result.actions[0].row)["actors"] == "s_house|s_gp"


def test_actor_gone_is_not_realised(tmp_path, snapshots):
    old, _ = snapshots
    new = snapshot(analyse(collabnet.load(_write_snapshot(tmp_path / "later", "2025-01-01", drop_actor="s_house"))))
    [followed] = compare(old, new, actions=[dict(zone="south", action="invite", actors="s_house")]).actions
    assert (followed.status, followed.status_evidence) == ("not_realised", "s_house is not active on "
                                                           f"{new.at.isoformat()}")


def test_for_zone_and_counts(result):
    south = result.for_zone("south")
    assert south.zones == ("south",)
    assert {r.zone for name in ("ties", "edges", "gaps", "figures") for r in getattr(south, name)} == {"south"}
    assert len(south.actions) == 9
    assert result.counts()["south"] == {
        "actions_not_realised": 4, "actions_realised": 3, "actions_unknown": 2, "brokers_gained": 2,
        "brokers_lost": 2, "edges_lost": 2, "edges_new": 3, "gaps_closed": 2, "gaps_opened": 2,
        "isolated_became": 4, "isolated_stopped": 3, "memberships_lost": 1, "memberships_new": 1,
        "ties_lost": 2, "ties_new": 2,
    }
    assert result.zones == ("north", "south", "region")


def test_no_change_on_the_same_date(snapshots):
    old, _ = snapshots
    same = compare(old, old)
    assert not (same.ties or same.memberships or same.edges or same.isolated or same.gaps or same.brokers)
    assert all(f.difference == 0 for f in same.figures if f.difference is not None)
    assert same.actions is None


@pytest.mark.parametrize("content, message", [
    (b"zone,priority,action\nsouth,1,invite\n", "x.csv:1: actors: required column missing"),
    (b"", "x.csv: the file is empty"),
    (b"zone,action,actors\nsouth,invite,a,b\n", "x.csv:2: (row): the row has 4 values"),
    (b"\xff\xfe\x00", "x.csv: not a text file (NUL bytes"),
])
def test_read_actions_errors(tmp_path, content, message):
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with pytest.raises(ActionsFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_actions(path)


def test_read_actions_spreadsheet_export(tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes("Zone;Action;Actors;Rationale\nsouth;invite;s_house;Invitez Logement Sud à l'atelier\n"
                     .encode("cp1252"))
    assert read_actions(path) == [dict(zone="south", action="invite", actors="s_house",
                                       rationale="Invitez Logement Sud à l'atelier")]


# ----- command line -----

SUMMARY = """\
Changes from dated on 2024-01-01 to dated on 2025-01-01
(+ new, became isolated, opened, gained; - lost, stopped, closed)

zone    ties   memberships  edges  isolated  gaps   brokers  actors   E-I           actions realised
north   +1 -0  +0 -0        +1 -1  +1 -0     +1 -0  +3 -1    2 -> 3   1.00          1 of 3
south   +2 -2  +1 -1        +3 -2  +4 -3     +2 -2  +2 -2    6        0.20 -> 0.60  3 of 9
region  +1 -0  +0 -1        +1 -1  +0 -0     +2 -2  +0 -0    9 -> 10  0.56 -> 0.80  2 of 2

Earlier actions: 6 realised, 6 not realised, 2 unknown
"""


def _invoke(*args: str):
    return CliRunner().invoke(cli, ["diff", *map(str, args), "--level", "actors"])  # hand counts: actor graph


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_cli_one_dataset_two_dates(tmp_path):
    out = tmp_path / "out"
    run = _invoke(DATA, "--from", OLD, "--to", NEW, "--top", 1, "--actions", ACTIONS, "--out", out)
    assert run.exit_code == 0, run.output
    assert run.output == SUMMARY + f"\nWrote to {out}: {', '.join(TABLE_FILES.values())}\n"  # as analyze says it
    files = _files(out)
    assert sorted(files) == sorted(TABLE_FILES.values())
    with open(out / "diff_ties.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["zone", "change", "a", "b", "a_name", "b_name", "types"]
    assert rows[1] == ["north", "new", "n_cpas", "n_home", "CPAS Nord", "Soins à domicile Nord", "collaboration"]
    actions = (out / "diff_actions.csv").read_text(encoding="utf-8").splitlines()
    assert actions[0] == "zone,priority,action,actors,rationale,via,evidence,score,status,status_evidence"
    assert actions[13] == ("south,8,introduce,s_gp,'=Introduce Maison médicale Sud to someone,,,1,unknown,"
                           "an introduction names two actors")
    assert (out / "diff_figures.csv").read_text(encoding="utf-8").splitlines()[6:8] == [
        "north,density,1,0.666667,-0.333333", "north,ei,1,1,0"]

    again = tmp_path / "again"
    assert _invoke(DATA, "--from", OLD, "--to", NEW, "--top", 1, "--actions", ACTIONS, "--out", again,
                   "-q").output == ""
    assert _files(again) == files


def _write_snapshot(folder: Path, date: str, drop_actor: str | None = None) -> Path:
    """The rows of tests/data/dated active on ``date``, without dates: an undated dataset."""
    import datetime as dt

    folder.mkdir(parents=True)
    for name in ("actors", "groups", "memberships", "ties"):
        table = pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)
        if "since" in table:
            table = table[active(table, dt.date.fromisoformat(date))].drop(columns=["since", "until"])
        if drop_actor:
            table = table[~table.isin([drop_actor]).any(axis=1)]
        table.to_csv(folder / f"{name}.csv", index=False)
    return folder


def test_cli_two_datasets(tmp_path):
    old = _write_snapshot(tmp_path / "old", OLD)
    new = _write_snapshot(tmp_path / "new", NEW)
    first, second = tmp_path / "dated", tmp_path / "two"
    assert _invoke(DATA, "--from", OLD, "--to", NEW, "--top", 1, "--actions", ACTIONS, "--out", first,
                   "-q").exit_code == 0
    run = _invoke(old, new, "--at", "2030-01-01", "--top", 1, "--actions", ACTIONS, "--out", second)
    assert run.exit_code == 0, run.output
    assert run.output.startswith("Changes from old on 2030-01-01 to new on 2030-01-01\n")
    expected = _files(first)
    # Only the date in the follow-up evidence differs: each dataset is seen on --at.
    expected["diff_actions.csv"] = expected["diff_actions.csv"].replace(NEW.encode(), b"2030-01-01")
    assert _files(second) == expected


def test_cli_json_and_zone(tmp_path):
    run = _invoke(DATA, "--from", OLD, "--to", NEW, "--zone", "Nord", "--json", "--out", tmp_path)
    assert run.exit_code == 0, run.output
    data = json.loads(run.output)
    assert data["old"] == {"dataset": "dated", "date": OLD}
    assert list(data["zones"]) == ["north"]
    assert data["ties"] == [dict(zone="north", change="new", a="n_cpas", b="n_home", a_name="CPAS Nord",
                                 b_name="Soins à domicile Nord", types="collaboration")]
    assert "actions" not in data
    assert (tmp_path / "diff_gaps.csv").read_text(encoding="utf-8").count("\nnorth,") == 1


@pytest.mark.parametrize("args, message", [
    ([DATA, "--from", "2024-13-01"], "Invalid value for '--from': not a date: '2024-13-01'"),
    ([DATA, "--from", OLD, "--to", "30/02/2025"], "Invalid value for '--to': not a date: '30/02/2025'"),
    ([DATA, "--from", NEW, "--to", OLD], "--from 2025-01-01 is after --to 2024-01-01"),
    ([DATA], "--from is required"),
    ([DATA, "--from", OLD, "--at", NEW], "--at is for two datasets OLD NEW"),
    ([DATA, DATA, DATA], "give one DATASET"),
    ([DATA, DATA, "--at", "2024-02-30"], "--at: not a date: '2024-02-30'"),
    ([DATA, "--from", OLD, "--actions", DATA / "missing.csv"], "missing.csv: cannot read the actions file"),
    ([DATA, "--from", OLD, "--actions", DATA / "actors.csv"], "actors.csv:1: action: required column missing"),
    ([DATA, "--from", OLD, "--actions", DATA], "is a folder, expected an actions .csv file"),
    ([DATA, "--from", OLD, "--zone", "nowhere"], "--zone:"),
])
def test_cli_bad_input(tmp_path, args, message):
    run = _invoke(*args, "--out", tmp_path / "out")
    assert run.exit_code == 2, run.output
    assert message in run.output
    assert "Traceback" not in run.output
    assert run.exception is None or isinstance(run.exception, SystemExit)

"""Planning tools (``collabnet plan``): hand-built graphs whose best answer is worked out by hand."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import collabnet
from collabnet.analyses.gaps import actor_line
from collabnet.analyses.isolation import isolated_actors
from collabnet.cli import cli
from collabnet.planning import PlanError, plan_introductions, plan_invite, plan_leave
from collabnet.planning.scope import reasons, standing, standings_of
from collabnet.words import Vocabulary

FAMILY = {"medical": "health", "home_care": "health", "social_assistance": "welfare", "elderly": "welfare",
          "coordination": "other"}


def said(G: nx.Graph, message) -> str:
    """A plan's rationale in English words, as the plan command prints it."""
    return Vocabulary.of(G, "en").say(message)


def graph(nodes: dict, edges: list) -> nx.Graph:
    """nodes: id -> (sector, line, zone[, language[, organisation]])."""
    G = nx.Graph()
    for v, (sector, line, zone, *rest) in nodes.items():
        language = rest[0] if rest else "fr"
        organisation = rest[1] if len(rest) > 1 else None
        G.add_node(v, name=v.upper(), sector=sector, family=FAMILY[sector], line=line, zone=zone, language=language,
                   kind="person" if organisation else "organisation", organisation=organisation)
    G.add_edges_from(edges)
    return G


# ----- invite -----

def star() -> nx.Graph:
    # hub reaches gp1-gp3 directly and t through x; x is in another zone, so not a candidate.
    # Each gp and t: single_tie + no_cross_line -> weight 2 + 8 = 10. The hub has no line: not a target.
    nodes = {"hub": ("coordination", None, "south"), "x": ("coordination", None, "north"),
             "t": ("medical", 1, "south")}
    nodes.update({f"gp{i}": ("medical", 1, "south") for i in (1, 2, 3)})
    return graph(nodes, [("hub", "gp1"), ("hub", "gp2"), ("hub", "gp3"), ("hub", "x"), ("x", "t")])


def test_invite_hub_reaching_a_star_of_isolated_actors_comes_first():
    plan = plan_invite(star(), "south", 2)
    [first] = plan.choices
    # A gp reaches the three gps (30) but not t (three steps away); the hub reaches all four (40).
    assert (first.actor, first.reaches, first.direct, first.gain) == ("hub", ("gp1", "gp2", "gp3", "t"),
                                                                       ("gp1", "gp2", "gp3"), 40.0)
    assert first.adds == ("family:other",) and not first.forced
    # Nothing left to reach: a second seat would reach nobody new, so it is not proposed (health and the
    # first line are then not at the table as invitees: the plan says so).
    assert plan.unmet == ("family:health", "line:1")
    assert plan.requirements == ("family:health", "family:other", "line:1")
    assert (plan.seats_needed, plan.reached, plan.total, plan.guarantee) == (2, 40.0, 40.0, 1.0)
    assert [(t.actor, t.reasons, t.weight) for t in plan.targets] == [
        (v, ("no_cross_line", "single_tie"), 10.0) for v in ("gp1", "gp2", "gp3", "t")]
    assert said(star(), first.rationale) == ("Invite HUB (“coordination”): it reaches 4 isolated or peripheral actors "
                               "(GP1, GP2, GP3 and 1 more); it brings “coordination” to the table.")


def two_families() -> nx.Graph:
    # hub1 with four medical partners, hub2 with two; the only welfare actor w has no tie.
    # Weights: g* and h* = single_tie 2 + intra_sector_only 4 + no_cross_line 8 = 14;
    # hub1, hub2 = intra_sector_only + no_cross_line = 12; w = no_ties 16.
    nodes = {v: ("medical", 1, "south") for v in ("hub1", "g1", "g2", "g3", "g4", "hub2", "h1", "h2")}
    nodes["w"] = ("social_assistance", 1, "south")
    edges = [("hub1", g) for g in ("g1", "g2", "g3", "g4")] + [("hub2", "h1"), ("hub2", "h2")]
    return graph(nodes, edges)


def test_invite_second_seat_covers_the_missing_family():
    plan = plan_invite(two_families(), "south", 2)
    assert [(c.actor, c.gain, c.adds, c.forced) for c in plan.choices] == [
        # hub1 and each g reach 68 (hub1 + g1..g4); hub1 reaches all of it directly.
        ("hub1", 68.0, ("family:health", "line:1"), False),
        # hub2 would reach 40, but with one seat left only w brings welfare: a forced seat.
        ("w", 16.0, ("family:welfare",), True),
    ]
    # 1 - (1 - 1/2)^1: one unforced seat out of two.
    assert (plan.reached, plan.total, plan.guarantee, plan.unmet) == (84.0, 124.0, 0.5, ())


def test_invite_with_a_seat_to_spare_takes_coverage_first_then_the_family():
    plan = plan_invite(two_families(), "south", 3)
    assert [(c.actor, c.gain, c.forced) for c in plan.choices] == [("hub1", 68.0, False), ("hub2", 40.0, False),
                                                                  ("w", 16.0, False)]
    assert (plan.reached, plan.guarantee) == (124.0, 1.0)


def test_invite_with_too_few_seats_says_what_is_not_covered():
    plan = plan_invite(two_families(), "south", 1)
    # Every seat leaves one family uncovered; hub1 reaches most.
    assert [c.actor for c in plan.choices] == ["hub1"]
    assert (plan.seats_needed, plan.unmet) == (2, ("family:welfare",))
    # One seat, not forced: 1 - (1 - 1/1)^1 = 1, the greedy seat is the best single seat.
    assert plan.guarantee == 1.0


def test_invite_stops_when_nothing_is_left_to_reach():
    plan = plan_invite(star(), "south", 5)
    assert [c.actor for c in plan.choices] == ["hub"]
    assert plan.seats == 5


def test_invite_rejects_unknown_zone_and_no_seat():
    with pytest.raises(PlanError, match=r"no actor in zone 'suth' \(did you mean 'south'\?"):
        plan_invite(star(), "suth", 2)
    with pytest.raises(PlanError, match="at least 1"):
        plan_invite(star(), "south", 0)


# ----- introduce -----

def line_gap_zone() -> nx.Graph:
    # gp - net - hosp: no first-second line link; a (home care) and b (elderly) have no tie.
    # n = 5, m = 2: density 0.2. Severities (gaps.py): line_gap 0.2*1*1 + 2 actors = 2.2;
    # family_pair health-welfare 0.2*3*1*2 = 1.2; sector pairs: home_care-elderly 0.2*1*1*2 = 0.4,
    # medical-elderly 0.2*2*1*2 = 0.8, medical-home_care 0.4, coordination-x 0.2 or 0.4.
    nodes = {"gp": ("medical", 1, "south"), "net": ("coordination", None, "south"), "hosp": ("medical", 2, "south"),
             "a": ("home_care", None, "south"), "b": ("elderly", None, "south")}
    return graph(nodes, [("gp", "net"), ("net", "hosp")])


def test_introduce_closes_the_line_gap_first_through_the_common_neighbour():
    plan = plan_introductions(line_gap_zone(), "south", 3)
    first, second, third = plan.introductions
    # gp-hosp: line gap 2.2 + gp 2 -> 0 + hosp 2 -> 0 (first-line urgency 2) = 6.2
    assert (first.actors, first.via, first.gain, first.closes) == (("gp", "hosp"), "net", 6.2, ("line_gap 1-2",))
    assert first.isolation == ("gp: no_cross_line+single_tie -> not isolated",
                               "hosp: no_cross_line+single_tie -> not isolated")
    assert said(line_gap_zone(), first.rationale) == (
        "Introduce GP to HOSP through NET, who works with both: the first and second line of the South zone get "
        "their first link, GP is no longer isolated and HOSP is no longer isolated.")
    # a-b: family 1.2 + sector pair 0.4 + urgency 2 -> 1 for each (no line: 1, doubled with no tie) = 3.6
    assert (second.actors, second.via, second.gain) == (("a", "b"), None, 3.6)
    assert second.closes == ("family_pair health-welfare", "sector_pair elderly-home_care")
    assert "(the coordination team makes the introduction)" in said(line_gap_zone(), second.rationale)
    # b-gp: medical-elderly 0.8 + b 1 -> 0 = 1.8 (b-hosp is worth the same; gp wins on id)
    assert (third.actors, third.gain, third.closes) == (("b", "gp"), 1.8, ("sector_pair elderly-medical",))


def test_introduce_reports_the_figures_before_and_after():
    plan = plan_introductions(line_gap_zone(), "south", 2)
    b, a = plan.before, plan.after
    assert (b.actors, b.isolated, b.no_ties, b.unlinked_sector_pairs, b.line_gap, b.language_gap, b.ei) == (
        5, 4, 2, 5, True, False, 1.0)
    # After gp-hosp and a-b: a and b still have a single tie; edges E, E, I, E -> E-I (3 - 1) / 4.
    assert (a.isolated, a.no_ties, a.unlinked_sector_pairs, a.line_gap, a.language_gap, a.ei) == (
        2, 0, 4, False, False, 0.5)
    assert plan_introductions(line_gap_zone(), "south", 2) == plan  # deterministic


def test_introduce_never_pairs_linked_actors_or_colleagues():
    # Two persons of one organisation, both without outside ties: introducing them does nothing.
    nodes = {"org": ("medical", 1, "south"), "p1": ("medical", 1, "south", "fr", "org"),
             "p2": ("home_care", 1, "south", "fr", "org")}
    plan = plan_introductions(graph(nodes, [("org", "p1"), ("org", "p2")]), "south", 3)
    assert all(not {"p1", "p2"} <= set(i.actors) and "org" not in i.actors for i in plan.introductions)
    assert plan.introductions == ()


def test_introduce_closes_the_language_gap():
    nodes = {"nl1": ("medical", 1, "south", "nl"), "nl2": ("medical", 1, "south", "nl"),
             "fr1": ("medical", 1, "south", "fr"), "fr2": ("medical", 1, "south", "fr")}
    plan = plan_introductions(graph(nodes, [("nl1", "nl2"), ("fr1", "fr2")]), "south", 1)
    assert plan.before.language_gap and not plan.after.language_gap
    assert plan.introductions[0].closes == ("language_gap nl-fr",)


# ----- leave -----

def sole_bridge() -> nx.Graph:
    # cpas is the only link between medical (gp) and social assistance (ocmw, ocmw2) in the zone;
    # net works with gp and ocmw2, so it can take over. ocmw only knows cpas.
    nodes = {"cpas": ("social_assistance", None, "south"), "ocmw": ("social_assistance", None, "south"),
             "ocmw2": ("social_assistance", None, "south"), "gp": ("medical", None, "south"),
             "net": ("coordination", None, "south")}
    return graph(nodes, [("cpas", "gp"), ("cpas", "ocmw"), ("net", "gp"), ("net", "ocmw2")])


def test_leave_shows_the_broken_sector_pair_and_the_takeover():
    impact = plan_leave(sole_bridge(), "cpas")
    south = [(b.gap, b.a, b.b, b.takeover, b.partners) for b in impact.broken if b.zone == "south"]
    assert south == [
        # 5 actors before, 4 after with 2 edges: density 1/3; severity 2 * 1/3 * 1 * 2 (health-welfare) each
        ("family_pair", "health", "welfare", ("net",), ("gp", "ocmw2")),
        ("sector_pair", "medical", "social_assistance", ("net",), ("gp", "ocmw2")),
    ]
    assert impact.broken[0].severity == pytest.approx(4 / 3, abs=1e-6)
    # The region (the whole graph) is this one zone: the same links break there.
    assert [(b.gap, b.zone) for b in impact.broken] == [("family_pair", "south"), ("sector_pair", "south"),
                                                        ("family_pair", "region"), ("sector_pair", "region")]
    sector = impact.broken[1]
    assert said(sole_bridge(), sector.rationale) == (
        "If CPAS leaves, “medical” and “social_assistance” lose their last link in the South zone: ask NET, who "
        "works with both sides, to introduce GP to OCMW2.")
    assert [(c.actors, c.partners) for c in impact.cut_off] == [(("ocmw",), ("ocmw", "gp"))]
    # gp keeps net only (single_tie), ocmw nobody (no_ties): introducing them to each other lifts both.
    assert [(i.actor, i.before, i.after, i.partner) for i in impact.isolated] == [
        ("gp", (), ("single_tie",), "ocmw"), ("ocmw", ("intra_sector_only", "single_tie"), ("no_ties",), "gp")]
    assert (impact.before[0].unlinked_sector_pairs, impact.after[0].unlinked_sector_pairs) == (0, 1)


def test_leave_actions_rows_take_over_and_deduplicate():
    rows = [(a.zone, a.priority, a.action, a.actors, a.via) for a in plan_leave(sole_bridge(), "cpas").actions()]
    assert rows == [
        ("region", 1, "take_over", ("net", "gp", "ocmw2"), "cpas"),
        # ocmw cut off (score 2 x 1 actor), ocmw without ties (2), gp with one tie (1): one row, score 2
        ("south", 1, "introduce", ("ocmw", "gp"), None),
        ("south", 2, "take_over", ("net", "gp", "ocmw2"), "cpas"),  # severity 4/3
    ]


def test_leave_of_the_last_actor_of_a_line_is_a_loss_to_recruit_for():
    nodes = {"gp": ("medical", 1, "south"), "hosp": ("medical", 2, "south"), "gp2": ("medical", 1, "south")}
    impact = plan_leave(graph(nodes, [("gp", "hosp"), ("gp", "gp2"), ("hosp", "gp2")]), "hosp")
    assert [(b.zone, b.gap, b.a, b.partners) for b in impact.broken] == [
        ("south", "line_lost", "2", ()), ("region", "line_lost", "2", ())]
    assert impact.after[0].line_gap and not impact.before[0].line_gap
    # gp and gp2 lose their only second-line partner; no former partner of hosp can help them: invite.
    # All score 2 (the loss: hosp's 2 partners; each first-line actor: urgency 2): recruit goes first.
    assert [(a.zone, a.action, a.actors, a.score) for a in impact.actions()] == [
        ("region", "recruit", ("hosp",), 2.0), ("south", "recruit", ("hosp",), 2.0),
        ("south", "invite", ("gp",), 2.0), ("south", "invite", ("gp2",), 2.0)]


def test_leave_with_staff_removes_the_organisation_and_its_persons():
    nodes = {"org": ("medical", 1, "south"), "p1": ("medical", 1, "south", "fr", "org"),
             "cpas": ("social_assistance", 1, "south")}
    G = graph(nodes, [("org", "p1"), ("p1", "cpas")])
    assert plan_leave(G, "org").leaving == ("org",)
    impact = plan_leave(G, "org", with_staff=True)
    assert impact.leaving == ("org", "p1")
    assert [(i.actor, i.after) for i in impact.isolated] == [("cpas", ("no_ties",))]


def test_leave_names_an_actor_by_name_and_rejects_unknown_ones():
    assert plan_leave(sole_bridge(), "Cpas").actor == "cpas"
    with pytest.raises(PlanError, match=r"unknown actor 'cpass' \(did you mean 'cpas'\?\)"):
        plan_leave(sole_bridge(), "cpass")


def test_leave_does_not_change_the_graph():
    G = sole_bridge()
    before = nx.to_dict_of_dicts(G)
    plan_leave(G, "cpas", with_staff=True)
    plan_introductions(G, "south", 2)
    assert nx.to_dict_of_dicts(G) == before


def test_planning_isolation_matches_the_isolation_analysis():
    # The planners' reasons (from an actor's standing) must be isolation.py's, on real data.
    G = collabnet.load(Path(__file__).parents[1] / "datasets" / "brussels", at="2024-06-01").graph
    expected: dict = {}
    for row in isolated_actors(G):
        expected.setdefault(row.actor, []).append(row.reason)
    assert {v: reasons(actor_line(G, v), standing(G, v)) for v in G} == {v: tuple(expected.get(v, ())) for v in G}


def test_standings_of_many_actors_equal_each_actors_standing():
    # standings_of looks attributes up once for all actors; the standings must be standing()'s, on real data.
    G = collabnet.load(Path(__file__).parents[1] / "datasets" / "brussels", at="2024-06-01").graph
    assert standings_of(G, list(G)) == {v: standing(G, v) for v in G}


def test_figures_after_new_ties_equal_those_of_the_graph_with_the_ties():
    # zone_figures works the figures after an introduction plan out from those before; adding the ties to a
    # copy of the zone's graph and computing everything again must give the same figures, for random ties.
    import random

    from collabnet.planning.scope import _figures_on_copy, scope_actors, zone_figures

    G = collabnet.load(Path(__file__).parents[1] / "datasets" / "brussels", at="2024-06-01").graph
    rng = random.Random(7)
    for zone in ("south", "region"):
        members = scope_actors(G, zone)
        for size in (1, 2, 5, 12):
            added: list = []
            while len(added) < size:
                u, v = rng.sample(members, 2)
                if not G.has_edge(u, v) and {u, v} not in [set(p) for p in added]:
                    added.append((u, v))
            assert zone_figures(G, zone, added) == _figures_on_copy(G, zone, members, added, None)
    # Ties that are not new ties between two actors of the zone take the long way, with the same result.
    south = scope_actors(G, "south")
    odd = [(south[0], south[0]), (south[1], next(iter(G[south[1]]))), (south[2], scope_actors(G, "north-east")[0])]
    for added in ([odd[0]], [odd[1]], [odd[2]], [(south[3], south[4]), (south[4], south[3])]):
        assert zone_figures(G, "south", added) == _figures_on_copy(G, "south", south, added, None)


def test_introductions_with_the_analysis_gaps_equal_those_found_again():
    from collabnet.analyses.gaps import find_gaps

    G = collabnet.load(Path(__file__).parents[1] / "datasets" / "brussels", at="2024-06-01").graph
    gaps = find_gaps(G)
    for zone in ("south", "centre-west", "region"):
        assert plan_introductions(G, zone, 4, gaps=gaps) == plan_introductions(G, zone, 4)


# ----- CLI -----

ACTORS = """id,name,kind,sector,line,zone,language
gp,GP Zuid,organisation,medical,1,south,fr
net,Netwerk Zuid,organisation,coordination,,south,fr
hosp,Kliniek,organisation,medical,2,south,fr
a,Thuiszorg,organisation,home_care,,south,fr
b,Seniors,organisation,elderly,,south,fr
mm,Maison médicale,organisation,medical,1,north,fr
"""
TIES = """source,target,type
gp,net,collaboration
net,hosp,collaboration
"""


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    folder = tmp_path / "tiny"
    folder.mkdir()
    (folder / "actors.csv").write_text(ACTORS, encoding="utf-8")
    (folder / "ties.csv").write_text(TIES, encoding="utf-8")
    return folder


def run(*args: str):
    return CliRunner().invoke(cli, ["plan", *args])


def read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_cli_introduce_prints_one_line_per_introduction_and_the_figures(tiny: Path):
    result = run("introduce", str(tiny), "--zone", "Zuid", "--count", "1", "--at", "2024-06-01")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "Introductions for South (south): 1 of 1\n"
        "  1. Introduce GP Zuid to Kliniek through Netwerk Zuid, who works with both: the first and second line of "
        "the South zone get their first link, GP Zuid is no longer isolated and Kliniek is no longer isolated.\n"
        "Before: isolated 4, unlinked sector pairs 5, line gap yes, language gap no, E-I 1.00\n"
        "After:  isolated 2, unlinked sector pairs 5, line gap no, language gap no, E-I 0.33\n")


def test_cli_out_writes_actions_csv_rows(tiny: Path, tmp_path: Path):
    out = tmp_path / "plans" / "introduce.csv"
    result = run("introduce", str(tiny), "--zone", "south", "--count", "2", "--out", str(out), "-q")
    assert result.exit_code == 0 and result.output == ""
    rows = read(out)
    assert rows[0] == ["zone", "priority", "action", "actors", "rationale", "via", "evidence", "score"]
    assert [r[:4] + r[5:6] + r[7:] for r in rows[1:]] == [["south", "1", "introduce", "gp|hosp", "net", "6.2"],
                                                          ["south", "2", "introduce", "a|b", "", "3.6"]]
    first = out.read_bytes()
    run("introduce", str(tiny), "--zone", "south", "--count", "2", "--out", str(out), "-q")
    assert out.read_bytes() == first


def test_cli_invite_every_zone_and_json(tiny: Path):
    result = run("invite", str(tiny), "--seats", "2", "--json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert [p["zone"] for p in document["plans"]] == ["north", "south"]
    south = document["plans"][1]
    assert [c["actor"] for c in south["choices"]] == ["gp"]
    # gp reaches gp and hosp, the only targets: a second seat would reach nobody new and is not proposed.
    assert (south["seats_needed"], south["unmet"]) == (4, ["family:other", "family:welfare", "line:2"])
    text = run("invite", str(tiny), "--zone", "south", "--seats", "2", "--lang", "nl").output
    assert "  1. Nodig GP Zuid (‘Medische zorg’, de eerste lijn) uit: zo bereikt u 2 geïsoleerde actoren" in text


def test_cli_leave_text_and_csv(tiny: Path, tmp_path: Path):
    out = tmp_path / "leave.csv"
    result = run("leave", str(tiny), "--actor", "Netwerk Zuid", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("If Netwerk Zuid (net) leaves (South (south)):\n  Broken links: 2\n")
    assert "the South zone has no actor of “Coordination and support” left: recruit one." in result.output
    assert [r[:4] for r in read(out)[1:]] == [
        ["region", "1", "recruit", "net"],
        ["south", "1", "introduce", "gp|hosp"],  # both newly without partner, and hosp cut off: one row
        ["south", "2", "recruit", "net"],
    ]


@pytest.mark.parametrize("args, message", [
    (["invite", "--zone", "Zud"], "unknown zone 'Zud' (did you mean 'Zuid'?)"),
    (["introduce", "--zone", "north-east"], "no actor in zone 'north-east' (zones with actors: north, south, region)"),
    (["leave", "--actor", "nett"], "unknown actor 'nett' (did you mean 'net'?)"),
])
def test_cli_errors_are_clean_with_exit_status_2(tiny: Path, args: list, message: str):
    result = run(args[0], str(tiny), *args[1:])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


def test_cli_plan_is_a_group_of_three_documented_commands():
    result = CliRunner().invoke(cli, ["plan", "--help"])
    assert result.exit_code == 0
    for name in ("invite", "introduce", "leave"):
        assert name in result.output
        assert "Example:" in CliRunner().invoke(cli, ["plan", name, "--help"]).output


@pytest.mark.parametrize("lang", ["nl", "fr"])
@pytest.mark.parametrize("command", [["invite", "--zone", "south", "--seats", "2"],
                                     ["introduce", "--zone", "south", "--count", "2"], ["leave", "--actor", "net"]])
def test_the_plan_text_speaks_the_user_s_language(tiny: Path, lang, command):
    text = run(command[0], str(tiny), *command[1:], "--lang", lang).output
    english = re.compile(r"\b(Invite for|Introductions for|Before|After|If |leaves|Broken links|Newly isolated|"
                         r"Cut off|isolated|unlinked|line gap|language gap|yes|no|none|seat)\b")
    assert text and english.findall(text) == []

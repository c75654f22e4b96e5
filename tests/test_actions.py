"""Actions on tiny hand-built graphs: each action kind, the introducer, the ranking."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import pandas as pd
import pytest

from collabnet.analyses.actions import recommend_actions
from collabnet.analyses.gaps import find_gaps
from collabnet.analyses.themes import group_sectors
from collabnet.codes import ACTION_KINDS
from collabnet.words import Vocabulary

FAMILY = {"medical": "health", "mental_health": "health", "social_assistance": "welfare", "housing": "welfare",
          "elderly": "welfare", "coordination": "other"}
NAMES = {"en": {"medical": "Medical care", "social_assistance": "Social assistance", "housing": "Housing"},
         "nl": {"medical": "Medische zorg", "social_assistance": "Maatschappelijk werk", "housing": "Wonen"},
         "fr": {"medical": "Soins médicaux", "social_assistance": "Action sociale", "housing": "Logement"}}


@dataclass(frozen=True)
class Isolated:  # the fields of collabnet.analyses.isolation.IsolatedActor that actions read
    zone: str
    actor: str
    reason: str
    degree: int = 0
    evidence: str = ""


def graph(actors: dict, edges=()) -> nx.Graph:
    """actors: id -> (zone, sector, line, language)."""
    G = nx.Graph(sector_names=NAMES)
    for v, (zone, sector, line, language) in actors.items():
        G.add_node(v, name=v.upper(), kind="organisation", zone=zone, sector=sector, sectors=(sector,),
                   family=FAMILY[sector], line=line, language=language, organisation=None)
    G.add_edges_from(edges)
    return G


def said(G: nx.Graph, action, lang: str = "en", groups: pd.DataFrame | None = None) -> str:
    """An action's rationale in words, as a report puts it."""
    return Vocabulary.of(G, lang, groups=groups).say(action.rationale)


def brokers(*ranked: str) -> pd.DataFrame:
    return pd.DataFrame({"zone": "south", "rank": range(1, len(ranked) + 1), "actor": list(ranked)})


def test_introduce_through_a_shared_neighbour():
    # medical m1, m2 and social s1, s2 in the south, no edge between the sectors; net (region-wide)
    # works with m2 and s2: the pair (m2, s2) has an introducer and wins over better-ranked m1/s1
    G = graph({"m1": ("south", "medical", 1, None), "m2": ("south", "medical", 1, None),
               "s1": ("south", "social_assistance", 1, None), "s2": ("south", "social_assistance", 1, None),
               "net": ("region", "coordination", None, None)},
              [("m1", "m2"), ("s1", "s2"), ("m2", "net"), ("s2", "net")])
    gaps = [g for g in find_gaps(G, zones=["south"]) if g.gap == "sector_pair"]
    [action] = recommend_actions(G, [], brokers("m1", "s1", "m2", "s2"), gaps, zones=["south"])
    assert (action.zone, action.priority, action.action) == ("south", 1, "introduce")
    assert (action.actors, action.via) == (("m2", "s2"), "net")
    assert said(G, action) == ("Introduce M2 to S2 through NET, who works with both: “Medical care” and "
                                "“Social assistance” do not work together in the South zone yet.")
    assert action.score == gaps[0].severity
    assert action.evidence.endswith("; shared neighbour net")


def test_introduce_without_introducer_prefers_lines_then_brokers():
    # no shared neighbour: first/second-line actors first, then the lowest broker rank
    G = graph({"m1": ("south", "medical", None, None), "m2": ("south", "medical", 1, None),
               "m3": ("south", "medical", 2, None), "s1": ("south", "social_assistance", 1, None),
               "s2": ("south", "social_assistance", 1, None)},
              [("m1", "m2"), ("m2", "m3"), ("s1", "s2")])
    gaps = [g for g in find_gaps(G, zones=["south"]) if g.gap == "sector_pair"]
    [action] = recommend_actions(G, [], brokers("m1", "s2", "m3", "s1", "m2"), gaps, zones=["south"])
    # m1 has no line; m3 (rank 3) beats m2 (rank 5); s2 (rank 2) beats s1
    assert (action.actors, action.via) == (("m3", "s2"), None)  # side a (medical) first
    assert said(G, action).startswith("Introduce M3 to S2: ")


def test_line_gap_with_missing_line_looks_outside_the_zone():
    # the south has only first-line actors; the hospital is region-wide, known to gp's partner p
    G = graph({"gp": ("south", "medical", 1, None), "p": ("south", "medical", 1, None),
               "hosp": ("region", "medical", 2, None), "far": ("north", "medical", 2, None)},
              [("gp", "p"), ("p", "hosp")])
    gaps = [g for g in find_gaps(G, zones=["south"]) if g.gap == "line_gap"]
    [action] = recommend_actions(G, [], None, gaps, zones=["south"])
    assert (action.actors, action.via) == (("gp", "hosp"), "p")
    assert said(G, action) == ("Introduce GP to HOSP through P, who works with both: the South zone has no "
                                "second line actor, so its first line needs a partner from outside the zone.")


def test_language_gap_rationale_in_three_languages_same_choice():
    # two bilingual actors link n1 and f1 (so neither is the only link): b, first by id, introduces
    G = graph({"n1": ("south", "medical", None, "nl"), "f1": ("south", "medical", None, "fr"),
               "b": ("south", "medical", None, "bi"), "b2": ("south", "medical", None, "bi")},
              [("n1", "b"), ("b", "f1"), ("n1", "b2"), ("b2", "f1")])
    gaps = find_gaps(G, zones=["south"])
    [action] = recommend_actions(G, [], None, gaps, zones=["south"])
    assert (action.actors, action.via) == (("n1", "f1"), "b")
    assert said(G, action, "nl") == ("Breng N1 in contact met F1 via B, die met beide samenwerkt: de "
                                       "Nederlandstalige en Franstalige actoren van zorgzone Zuid hebben nog geen "
                                       "enkele verbinding.")
    assert said(G, action, "fr") == ("Mettre N1 en contact avec F1 par l'intermédiaire de B, qui travaille "
                                       "avec les deux : dans le bassin Sud, les acteurs néerlandophones et "
                                       "francophones n'ont encore aucun lien entre eux.")


def test_isolated_actor_with_a_single_tie_meets_its_partners_partner():
    # a (line 1) only knows b; b knows c (line 2): introduce a to c through b. (e keeps a's sector and
    # line on the other side of b, so b is not the only link between two values: no secure_bridge.)
    G = graph({"a": ("south", "medical", 1, None), "b": ("south", "social_assistance", 1, None),
               "c": ("south", "housing", 2, None), "d": ("south", "housing", None, None),
               "e": ("south", "medical", 1, None)},
              [("a", "b"), ("b", "c"), ("b", "d"), ("c", "e"), ("d", "e")])
    isolated = [Isolated("south", "a", "no_cross_line"), Isolated("south", "a", "single_tie")]
    [action] = recommend_actions(G, isolated, None, [], zones=["north"]) or [None]
    assert action is None  # another zone: nothing
    [action] = [a for a in recommend_actions(G, isolated, None, [], zones=["south"]) if a.action == "introduce"]
    assert (action.actors, action.via, action.score) == (("a", "c"), "b", 2.0)  # line 1: x2
    assert said(G, action) == ("Introduce A to C through B, who works with both: A has no link with the second "
                                "line yet.")
    assert action.evidence == "isolated no_cross_line|single_tie: a, line 1; shared neighbour b"


def test_intra_sector_only_actor_meets_another_sector():
    G = graph({"m1": ("south", "medical", 1, None), "m2": ("south", "medical", 1, None),
               "m3": ("south", "medical", 1, None), "s": ("south", "social_assistance", None, None)},
              [("m1", "m2"), ("m2", "m3"), ("m2", "s"), ("m3", "s")])
    actions = recommend_actions(G, [Isolated("south", "m1", "intra_sector_only")], None, [], zones=["south"])
    introduce = [a for a in actions if a.action == "introduce"]
    assert [(a.actors, a.via) for a in introduce] == [(("m1", "s"), "m2")]  # not m3: same sector
    assert said(G, introduce[0]).endswith("M1 only works within “Medical care”.")


GROUPS = pd.DataFrame([
    {"id": "wg-mh", "name": "Working group mental health", "type": "working_group", "zone": "south",
     "theme": "mental health"},
    {"id": "wg-mh-region", "name": "GGZ overleg", "type": "working_group", "zone": "region", "theme": "geestelijke"},
    {"id": "wg-hosp", "name": "Ziekenhuis - ambulant", "type": "working_group", "zone": "south", "theme": ""},
    {"id": "support", "name": "Steungroep Zuid", "type": "support_group", "zone": "south", "theme": ""},
    {"id": "wg-north", "name": "Mental health North", "type": "working_group", "zone": "north", "theme": "mental"},
])


def test_group_theme_keywords():
    assert group_sectors("Working group mental health", "") == ({"mental_health"}, set())
    assert group_sectors("x", "Hôpital et ambulatoire") == ({"medical", "home_care", "pharmacy"}, {1, 2})
    assert group_sectors("Preventie", "gezondheidspromotie")[0] == {"prevention", "community"}
    assert group_sectors("Crisis preparedness", "")[0] >= {"medical", "social_assistance"}
    assert group_sectors("Wonen", "", {"housing": "Wonen"})[0] == {"housing"}


@pytest.mark.parametrize("sector, line, group", [
    ("mental_health", 1, "wg-mh"),  # the zone's own fitting group beats the region-wide one
    ("medical", 2, "wg-hosp"),  # hospital keywords: medical sector and second line
    ("housing", None, "support"),  # nothing fits: the zone's support group
])
def test_invite_to_the_group_that_fits(sector, line, group):
    G = graph({"x": ("south", sector, line, None)})
    [action] = recommend_actions(G, [Isolated("south", "x", "no_ties")], None, [], groups=GROUPS, zones=["south"])
    assert (action.action, action.actors, action.via) == ("invite", ("x",), group)
    assert action.score == (4.0 if line else 2.0)  # no ties: x2, first/second line: x2


def test_invite_rationale_and_no_group():
    G = graph({"x": ("south", "mental_health", 1, None)})
    [action] = recommend_actions(G, [Isolated("south", "x", "no_ties")], None, [], groups=GROUPS, zones=["south"])
    assert said(G, action, groups=GROUPS) == ("Invite X (mental_health) to Working group mental health, whose theme fits its "
                                "work: it has no link outside its own organisation yet.")
    [action] = recommend_actions(G, [Isolated("south", "x", "no_ties")], None, [], zones=["south"])
    assert action.via is None
    assert said(G, action, "fr") == ("Inviter X (mental_health) à rejoindre le prochain atelier du changement pour le "
                                "bassin Sud : cet acteur n'a encore aucun lien hors de sa propre organisation.")


def test_secure_bridge_names_the_bridge_holder_as_introducer():
    # m2 - m1 - c - s1 - s2: c (coordination) is the only link between medical and social assistance
    G = graph({"m1": ("south", "medical", None, None), "m2": ("south", "medical", None, None),
               "c": ("south", "coordination", None, None), "s1": ("south", "social_assistance", None, None),
               "s2": ("south", "social_assistance", None, None)},
              [("m2", "m1"), ("m1", "c"), ("c", "s1"), ("s1", "s2")])
    bridges = [a for a in recommend_actions(G, [], None, [], zones=["south"]) if a.action == "secure_bridge"]
    by_via = {a.via: a for a in bridges}
    # c: 2 actors on each side, health-welfare x2 = 4; m1 and s1 are cut vertices too, but removing them
    # leaves one medical (social) actor on its own: 1 actor cut off, x2 = 2
    assert set(by_via) == {"c", "m1", "s1"}
    assert sorted(by_via["c"].actors) == ["m1", "s1"] and by_via["c"].score == 4.0
    assert by_via["c"].priority == 1
    assert said(G, by_via["c"]) in {
        ("Ask C to introduce M1 to S1: C is the only link between “Medical care” and “Social assistance” in the "
         "South zone, a link lost if C leaves."),
        ("Ask C to introduce S1 to M1: C is the only link between “Social assistance” and “Medical care” in the "
         "South zone, a link lost if C leaves.")}
    assert (by_via["m1"].actors, by_via["m1"].score) == (("m2", "c"), 2.0)


def test_secure_bridge_for_a_group_cut_off_without_its_bridge():
    # h1-h2-h3 (a housing cluster) reach the rest only through c; housing and mental health also meet in
    # the rest (x1-x2), so c links no two values, but its departure cuts off 3 other organisations
    G = graph({"h1": ("south", "housing", None, None), "h2": ("south", "housing", None, None),
               "h3": ("south", "housing", None, None), "c": ("south", "mental_health", None, None),
               "x1": ("south", "housing", None, None), "x2": ("south", "mental_health", None, None),
               "x3": ("south", "medical", None, None), "x4": ("south", "medical", None, None)},
              [("h1", "h2"), ("h2", "h3"), ("h1", "h3"), ("h1", "c"), ("h2", "c"), ("c", "x1"), ("c", "x2"),
               ("x1", "x2"), ("x2", "x3"), ("x3", "x4"), ("x4", "x1")])
    [action] = [a for a in recommend_actions(G, [], None, [], zones=["south"]) if a.action == "secure_bridge"]
    assert (action.actors, action.via, action.score) == (("h1", "x1"), "c", 3.0)
    assert said(G, action) == ("Ask C to introduce H1 to X1: C is the only link between 3 actors around H1 and "
                                "the rest of the South zone, a link lost if C leaves.")
    # the same shape made of c's own staff cuts off no one outside c's organisation
    for v in ("h1", "h2", "h3"):
        G.nodes[v].update(kind="person", organisation="c")
    assert [a for a in recommend_actions(G, [], None, [], zones=["south"]) if a.action == "secure_bridge"] == []


def test_no_secure_bridge_when_another_component_links_the_same_values():
    G = graph({"m1": ("south", "medical", None, None), "c": ("south", "coordination", None, None),
               "s1": ("south", "social_assistance", None, None), "m9": ("south", "medical", None, None),
               "s9": ("south", "social_assistance", None, None)},
              [("m1", "c"), ("c", "s1"), ("m9", "s9")])
    assert [a for a in recommend_actions(G, [], None, [], zones=["south"]) if a.action == "secure_bridge"] == []


def test_recruit_a_missing_sector():
    actors = {f"h{i}": (f"z{i}", "housing", None, None) for i in (1, 2, 3)}
    actors |= {"m4": ("z4", "medical", None, None), "rh": ("region", "housing", None, None)}
    G = graph(actors)
    gaps = [g for g in find_gaps(G) if g.gap == "sector_missing"]
    groups = pd.DataFrame([{"id": "wg-housing-z4", "name": "Housing first z4", "type": "working_group",
                            "zone": "z4", "theme": ""}])
    [action] = recommend_actions(G, [], None, gaps, groups=groups, zones=["z4"])
    assert (action.zone, action.action, action.actors, action.via) == ("z4", "recruit", ("rh",), "wg-housing-z4")
    assert said(G, action, groups=groups) == ("Recruit an actor from “Housing” for the z4 zone through Housing first z4 and ask "
                                "RH, who work region-wide in that sector: the sector is active in 3 of 3 other "
                                "zones but absent here.")
    assert action.score == 1.0  # mean of 1, 1, 1 housing actors elsewhere


def test_a_bridge_is_secured_by_the_introduction_that_closes_a_gap():
    # n1 - b - f1: b is the only nl-fr link; the language gap asks for the same introduction
    G = graph({"n1": ("south", "medical", None, "nl"), "f1": ("south", "medical", None, "fr"),
               "b": ("south", "medical", None, "bi")}, [("n1", "b"), ("b", "f1")])
    gaps = find_gaps(G, zones=["south"])  # language_gap: density 2/3, expected 2/3, severity 2/3 + 2
    [action] = recommend_actions(G, [], None, gaps, zones=["south"])
    assert (action.action, action.actors, action.via) == ("secure_bridge", ("n1", "f1"), "b")
    assert action.score == gaps[0].severity  # the higher of 2.666667 and 1 actor x2
    assert action.evidence.endswith("; also answers language_gap nl-fr")


def test_ranking_priorities_and_one_action_per_pair():
    # c is a cut vertex between medical and social assistance, and the sector_pair gap asks for the
    # same introduction: one action (secure_bridge), naming the other finding it answers
    G = graph({"m1": ("south", "medical", 1, None), "c": ("south", "coordination", None, None),
               "s1": ("south", "social_assistance", 1, None), "lone": ("south", "elderly", 1, None)},
              [("m1", "c"), ("c", "s1")])
    gaps = find_gaps(G, zones=["south"])
    isolated = [Isolated("south", "lone", "no_ties")]
    actions = recommend_actions(G, isolated, None, gaps, zones=["south"])
    assert [a.priority for a in actions] == list(range(1, len(actions) + 1))
    scores = [a.score for a in actions]
    assert scores == sorted(scores, reverse=True)
    pairs = [frozenset(a.actors) for a in actions if a.action in ("introduce", "secure_bridge")]
    assert len(pairs) == len(set(pairs))
    m1_s1 = [a for a in actions if set(a.actors) == {"m1", "s1"}]
    assert [a.action for a in m1_s1] == ["secure_bridge"] and "also answers" in m1_s1[0].evidence
    assert {a.action for a in actions} <= set(ACTION_KINDS)
    assert recommend_actions(G, isolated, None, gaps, zones=["south"]) == actions


def test_actions_found_by_two_processes_are_those_found_by_one(monkeypatch):
    from pathlib import Path

    import collabnet
    from collabnet.analyses import actions, analyse

    ds = collabnet.load(Path(__file__).parents[1] / "datasets" / "brussels", at="2024-06-30")
    one = analyse(ds).actions
    monkeypatch.setattr(actions, "_SHARED_EDGES", 0)  # backups, bridges, gaps and isolated actors: two processes
    shared = analyse(ds).actions
    assert shared == one
    assert {a.action for a in one} >= {"backup_contact", "secure_bridge", "introduce"}

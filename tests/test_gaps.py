"""Gaps per zone on tiny hand-built graphs; every expected number is computed by hand in the comments."""

from __future__ import annotations

import networkx as nx
import pytest

from collabnet.analyses.gaps import find_gaps
from collabnet.codes import GAP_KINDS
from collabnet.records import Gap

FAMILY = {"medical": "health", "pharmacy": "health", "mental_health": "health", "social_assistance": "welfare",
          "elderly": "welfare", "housing": "welfare", "coordination": "other"}


def graph(actors: dict, edges=()) -> nx.Graph:
    """actors: id -> (zone, sector, line, language)."""
    G = nx.Graph()
    for v, (zone, sector, line, language) in actors.items():
        G.add_node(v, zone=zone, sector=sector, family=FAMILY[sector], line=line, language=language)
    G.add_edges_from(edges)
    return G


def rows(gaps: list[Gap]) -> list[tuple]:
    return [(g.zone, g.gap, g.a, g.b, g.observed, g.expected, g.severity) for g in gaps]


def test_sector_and_family_pairs_with_density_expectation():
    # 5 actors, 3 edges: density = 3 / (5*4/2) = 0.3
    G = graph({"m1": ("south", "medical", None, None), "m2": ("south", "medical", None, None),
               "s1": ("south", "social_assistance", None, None), "s2": ("south", "social_assistance", None, None),
               "e1": ("south", "elderly", None, None)},
              [("m1", "m2"), ("s1", "s2"), ("s1", "e1")])
    assert rows(find_gaps(G, zones=["south"])) == [
        # health (2) x welfare (3): expected 0.3*2*3 = 1.8, x2 priority = 3.6
        ("south", "family_pair", "health", "welfare", 0, 1.8, 3.6),
        # medical (2) x social_assistance (2): 0.3*4 = 1.2, health-welfare x2 = 2.4
        ("south", "sector_pair", "medical", "social_assistance", 0, 1.2, 2.4),
        # elderly (1) x medical (2): 0.3*2 = 0.6, x2 = 1.2; elderly-social has its edge (1 > 0.6/4): no row
        ("south", "sector_pair", "elderly", "medical", 0, 0.6, 1.2),
    ]


def test_region_rows_use_the_whole_graph_and_default_zones():
    G = graph({"m1": ("south", "medical", None, None), "s1": ("north", "social_assistance", None, None),
               "c": ("region", "coordination", None, None)},
              [("m1", "c"), ("s1", "c")])
    gaps = find_gaps(G)
    # the zones have one actor each: no pair inside them; with one other zone, no sector is "missing"
    assert {g.zone for g in gaps} == {"region"}
    region = [g for g in gaps if g.zone == "region"]
    # whole graph: 3 actors, 2 edges, density 2/3; medical x social: 2/3*1*1, x2
    assert rows(region) == [("region", "family_pair", "health", "welfare", 0, 0.666667, 1.333333),
                            ("region", "sector_pair", "medical", "social_assistance", 0, 0.666667, 1.333333)]
    assert not any(g.gap == "sector_missing" for g in region)


def two_cliques(*between: tuple[str, str]) -> nx.Graph:
    """A 4-clique of medical actors m0..m3, one of pharmacy actors p0..p3, and the edges ``between``."""
    medical = [f"m{i}" for i in range(4)]
    pharmacy = [f"p{i}" for i in range(4)]
    G = graph({v: ("south", "medical" if v[0] == "m" else "pharmacy", None, None) for v in medical + pharmacy})
    G.add_edges_from(nx.complete_graph(medical).edges)
    G.add_edges_from(nx.complete_graph(pharmacy).edges)
    G.add_edges_from(between)
    return G


def test_weak_sector_pair():
    # 6 + 6 edges inside the cliques, one between: n=8, m=13
    [gap] = find_gaps(two_cliques(("m0", "p3")), zones=["south"])
    density = 13 / 28
    assert gap.gap == "weak_sector_pair"
    assert (gap.a, gap.b, gap.observed) == ("medical", "pharmacy", 1)
    assert gap.expected == pytest.approx(density * 16, abs=1e-6)  # 7.428571 > 4 * observed
    assert gap.severity == pytest.approx(density * 16 - 1, abs=1e-6)  # both health: weight 1
    assert "m0-p3" in gap.evidence and "medical: 4 (m0, m1, m2 and 1 more)" in gap.evidence


def test_weak_threshold_is_a_quarter_of_expected():
    # two edges between: expected 14/28*16 = 8, observed 2 = 8/4: still weak
    G = two_cliques(("m0", "p3"), ("m1", "p2"))
    assert rows(find_gaps(G, zones=["south"])) == [("south", "weak_sector_pair", "medical", "pharmacy", 2, 8.0,
                                                    6.0)]
    G.add_edge("m2", "p1")  # 3 > 15/28*16/4 = 2.14: no longer weak
    assert find_gaps(G, zones=["south"]) == []


def test_line_gap_both_lines_present():
    # a, b first line, c second line, one edge a-b: density 1/3, expected 1/3*2*1
    G = graph({"a": ("south", "medical", 1, None), "b": ("south", "medical", 1, None),
               "c": ("south", "medical", 2, None)}, [("a", "b")])
    [gap] = find_gaps(G, zones=["south"])
    assert rows([gap]) == [("south", "line_gap", "1", "2", 0, 0.666667, 3.666667)]  # 0.666667 + 3 actors
    assert gap.evidence == "1: 2 (a, b); 2: 1 (c); 0 edges"
    G.add_edge("b", "c")
    assert find_gaps(G, zones=["south"]) == []


def test_line_gap_one_line_absent():
    G = graph({"a": ("south", "medical", 1, None), "b": ("south", "medical", 1, None)}, [("a", "b")])
    [gap] = find_gaps(G, zones=["south"])
    assert rows([gap]) == [("south", "line_gap", "1", "2", 0, 0.0, 2.0)]  # 2 first-line actors cut off
    assert gap.evidence == "1: 2 (a, b); 2: 0; 0 edges"


def test_language_gap_only_when_both_present():
    # x, y nl; z fr; w bilingual bridges them: n=4, m=3, density 0.5, expected 0.5*2*1
    G = graph({"x": ("south", "medical", None, "nl"), "y": ("south", "medical", None, "nl"),
               "z": ("south", "medical", None, "fr"), "w": ("south", "medical", None, "bi")},
              [("x", "w"), ("w", "z"), ("x", "y")])
    [gap] = find_gaps(G, zones=["south"])
    assert rows([gap]) == [("south", "language_gap", "nl", "fr", 0, 1.0, 4.0)]  # 1 + 3 actors
    assert gap.evidence == "nl: 2 (x, y); fr: 1 (z); 0 edges; bilingual actors who could bridge: bi: 1 (w)"
    G.remove_node("z")
    assert find_gaps(G, zones=["south"]) == []


@pytest.mark.parametrize(("zones", "missing"), [(2, []), (3, ["z1"]), (4, ["z1"])])
def test_sector_missing_needs_two_other_zones(zones, missing):
    # housing everywhere but in z1: "present in 1 of the 1 other zones" says nothing; 2 of 2 is most
    actors = {f"h{i}": (f"z{i}", "housing", None, None) for i in range(2, zones + 1)}
    actors |= {f"c{i}": (f"z{i}", "coordination", None, None) for i in range(1, zones + 1)}
    gaps = [g for g in find_gaps(graph(actors)) if g.gap == "sector_missing"]
    assert [g.zone for g in gaps] == missing


def test_sector_missing_strictly_more_than_half_of_other_zones():
    actors = {
        "h1": ("z1", "housing", None, None), "h1b": ("z1", "housing", None, None),
        "h2": ("z2", "housing", None, None), "h3": ("z3", "housing", None, None),
        "e1": ("z1", "elderly", None, None), "e2": ("z2", "elderly", None, None),
        "c4": ("z4", "coordination", None, None), "c5": ("z5", "coordination", None, None),
        "rh": ("region", "housing", None, None),  # region-wide actors are no zone
    }
    G = graph(actors)
    gaps = [g for g in find_gaps(G) if g.gap == "sector_missing"]
    # housing: in z1, z2, z3 = 3 of the 4 other zones of z4 (and of z5): 3 > 2; mean (2 + 1 + 1) / 3
    # elderly: 2 of 4 other zones for z3, z4, z5: not more than half; coordination: 1 of 4 for z1..z3
    assert rows(gaps) == [("z4", "sector_missing", "housing", "", 0, 1.333333, 1.333333),
                          ("z5", "sector_missing", "housing", "", 0, 1.333333, 1.333333)]
    assert gaps[0].evidence == "housing: 0 here; present in 3 of 4 other zones (z1 2, z2 1, z3 1)"


def test_sort_order_and_kinds():
    G = graph({"a": ("south", "medical", 1, "nl"), "b": ("south", "social_assistance", 2, "fr"),
               "c": ("north", "medical", 1, "nl"), "d": ("north", "housing", 2, "fr")})
    gaps = find_gaps(G)
    keys = [(g.zone, -g.severity, g.gap, g.a, g.b) for g in gaps]
    assert keys == sorted(keys)
    assert {g.gap for g in gaps} <= set(GAP_KINDS)
    assert find_gaps(G) == gaps  # deterministic
    assert find_gaps(G, zones=["nowhere"]) == []

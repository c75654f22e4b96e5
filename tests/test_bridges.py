"""Cut vertices and cut edges (collabnet.analyses.bridges)."""

import random

import networkx as nx
import pytest

from collabnet.analyses.bridges import cut_edges, cut_vertices
from collabnet.records import CutEdge


def actors(G, **by_node):
    """Set node attributes from ``node=(sector, line, language)`` keywords."""
    for v, (sector, line, language) in by_node.items():
        G.add_node(v, sector=sector, line=line, language=language)
    return G


def brute_force_cut_edges(G):
    """Remove each bridge and compare the value sets of the two sides (the definition)."""
    watched = {"sector": None, "line": {1, 2}, "language": {"nl", "fr"}}
    found = set()
    for u, v in nx.bridges(G):
        u, v = sorted((u, v))
        H = G.copy()
        H.remove_edge(u, v)
        side_u, side_v = nx.node_connected_component(H, u), nx.node_connected_component(H, v)
        for name, allowed in watched.items():
            values_u = {H.nodes[x].get(name) for x in side_u} - {None}
            values_v = {H.nodes[x].get(name) for x in side_v} - {None}
            for a in values_u - values_v:
                for b in values_v - values_u:
                    if allowed is None or {a, b} == allowed:
                        found.add((u, v, name, str(a), str(b)))
    return found


def test_cut_vertices_of_the_kite():
    # Krackhardt's kite (networkx numbering): Heather (7) and Ike (8) hold Jane (9) to the rest.
    assert cut_vertices(nx.krackhardt_kite_graph()) == {7, 8}


def test_cut_vertices_of_a_cycle_are_none():
    assert cut_vertices(nx.cycle_graph(5)) == set()


def test_cut_vertices_of_florentine_families():
    # Padgett's marriages (networkx): Medici holds Acciaiuoli and Salviati-Pazzi, Albizzi holds Ginori,
    # Guadagni holds Lamberteschi, Salviati holds Pazzi.
    assert cut_vertices(nx.florentine_families_graph()) == {"Medici", "Albizzi", "Guadagni", "Salviati"}


def test_tie_between_two_sectors_separates_them():
    G = actors(nx.Graph([("gp", "cpas")]), gp=("medical", None, None), cpas=("social_assistance", None, None))
    assert cut_edges(G) == [CutEdge("cpas", "gp", "sector", "social_assistance", "medical")]


def test_a_is_the_value_on_the_side_of_u():
    G = actors(nx.Graph([("a", "z")]), a=("housing", None, None), z=("elderly", None, None))
    assert [(e.u, e.a, e.v, e.b) for e in cut_edges(G)] == [("a", "housing", "z", "elderly")]


def test_tie_on_a_cycle_is_never_a_cut_edge():
    G = actors(nx.Graph([("x", "y"), ("y", "z"), ("z", "x")]), x=("medical", 1, "nl"), y=("housing", 2, "fr"),
               z=("elderly", 1, "nl"))
    assert cut_edges(G) == []


def test_no_separation_when_both_sides_keep_a_link():
    # gp1-cpas1-cpas2-gp2: every tie is a bridge, but medical and social actors meet on both
    # sides of each (or, for an end tie, the lone gp's sector is also on the other side).
    G = actors(nx.Graph([("gp1", "cpas1"), ("cpas1", "cpas2"), ("cpas2", "gp2")]),
               gp1=("medical", None, None), cpas1=("social", None, None),
               cpas2=("social", None, None), gp2=("medical", None, None))
    assert cut_edges(G) == []


def test_only_lines_one_and_two_are_watched():
    G = actors(nx.Graph([("a", "b"), ("c", "d")]), a=("s", 1, None), b=("s", 2, None),
               c=("s", 0, None), d=("s", 3, None))
    assert cut_edges(G) == [CutEdge("a", "b", "line", "1", "2")]


def test_only_nl_and_fr_are_watched():
    # A bilingual actor is a language of its own, not a separated network.
    G = actors(nx.Graph([("a", "b"), ("c", "d")]), a=("s", None, "nl"), b=("s", None, "fr"),
               c=("s", None, "bi"), d=("s", None, "fr"))
    assert cut_edges(G) == [CutEdge("a", "b", "language", "nl", "fr")]


def test_records_are_sorted_by_tie_then_attribute_then_values():
    G = actors(nx.Graph([("x", "y")]), x=("medical", 1, "nl"), y=("housing", 2, "fr"))
    assert [(e.separates, e.a, e.b) for e in cut_edges(G)] == [
        ("sector", "medical", "housing"), ("line", "1", "2"), ("language", "nl", "fr")]


@pytest.mark.parametrize("seed", range(10))
def test_cut_edges_equal_removing_each_bridge(seed):
    rng = random.Random(seed)
    G = nx.random_labeled_tree(25, seed=seed) if seed % 2 else nx.gnp_random_graph(30, 0.08, seed=seed)
    G.add_edges_from((rng.randrange(25), rng.randrange(25)) for _ in range(seed))
    G.remove_edges_from(nx.selfloop_edges(G))
    G = nx.relabel_nodes(G, {v: f"n{v:02d}" for v in G})
    for v in G:
        G.nodes[v].update(sector=rng.choice("abcd"), line=rng.choice([0, 1, 2, None]),
                          language=rng.choice(["nl", "fr", "bi", None]))
    assert {(e.u, e.v, e.separates, e.a, e.b) for e in cut_edges(G)} == brute_force_cut_edges(G)

"""Exact betweenness by blocks and twins (collabnet.analyses.shortest_paths.exact_pairs) against networkx.

Every reduction is exercised on random graphs built to contain it: pendant
trees (chains and stars hanging on one node), twins (open: same neighbours, not
linked; closed: same neighbours and linked), cut vertices joining blocks, and
large cliques labelled as groups (``groups`` edge attribute, as in the actor
graph). The reference is ``networkx.betweenness_centrality`` (normalised by
``(n - 1)(n - 2) / 2``), to 1e-9.
"""

import itertools

import networkx as nx
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from collabnet.algorithms.reductions import block_weights, twin_classes
from collabnet.analyses.brokerage import _adjacency, betweenness


def add_clique(G, members, name):
    for u, v in itertools.combinations(members, 2):
        old = G.edges[u, v].get("groups", ()) if G.has_edge(u, v) else ()
        G.add_edge(u, v, groups=tuple(sorted({*old, name})))


@st.composite
def structured_graphs(draw):
    """A random core, then cliques, twins, pendant trees and blocks hung on cut vertices."""
    n = draw(st.integers(3, 14))
    G = nx.gnm_random_graph(n, draw(st.integers(0, 2 * n)), seed=draw(st.integers(0, 10**6)))
    for g in range(draw(st.integers(0, 2))):  # large cliques, possibly overlapping the core
        size = draw(st.integers(3, 12))
        members = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=min(size, n), unique=True))
        members += list(range(G.number_of_nodes(), G.number_of_nodes() + size - len(members)))
        add_clique(G, members, f"g{g}")
    nodes = list(G)
    for _ in range(draw(st.integers(0, 4))):  # twins of existing nodes
        v, twin = draw(st.sampled_from(nodes)), G.number_of_nodes()
        G.add_edges_from((twin, w) for w in list(G[v]))
        if draw(st.booleans()):
            G.add_edge(twin, v)  # closed twin
    for _ in range(draw(st.integers(0, 3))):  # pendant trees
        root = draw(st.sampled_from(list(G)))
        tree = nx.random_labeled_tree(draw(st.integers(1, 6)), seed=draw(st.integers(0, 1000)))
        first = G.number_of_nodes()
        G.add_edges_from((first + a, first + b) for a, b in tree.edges())
        G.add_node(first)
        G.add_edge(root, first)
    for _ in range(draw(st.integers(0, 2))):  # another block (a cycle or a clique) on a cut vertex
        root, first, size = draw(st.sampled_from(list(G))), G.number_of_nodes(), draw(st.integers(3, 7))
        ring = [root] + list(range(first, first + size - 1))
        if draw(st.booleans()):
            add_clique(G, ring, f"b{first}")
        else:
            nx.add_cycle(G, ring)
    if draw(st.booleans()):
        G.add_edge("x", "y")  # a component of two, and one alone
        G.add_node("alone")
    return G


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(structured_graphs())
def test_exact_betweenness_equals_networkx_on_structured_graphs(G):
    ours, reference = betweenness(G), nx.betweenness_centrality(G)
    assert max(abs(ours[v] - reference[v]) for v in G) < 1e-9


def test_twins_of_a_workshop_and_a_pendant_chain_equal_networkx():
    G = nx.Graph()
    add_clique(G, ["a", "b", "c", "d", "e"], "workshop")  # a, b, c: closed twins inside the clique
    G.add_edges_from([("d", "f"), ("e", "f"), ("d", "g"), ("e", "g")])  # f, g: open twins on {d, e}
    G.add_edges_from([("f", "p1"), ("p1", "p2"), ("p2", "p3")])  # a pendant chain makes f a cut vertex
    ours, reference = betweenness(G), nx.betweenness_centrality(G)
    assert max(abs(ours[v] - reference[v]) for v in G) < 1e-12


def test_large_clique_joined_to_a_cycle_by_a_cut_vertex_equals_networkx():
    G = nx.Graph()
    add_clique(G, range(40), "big")
    nx.add_cycle(G, [39, 40, 41, 42, 43])
    G.add_edges_from([(43, 44), (44, 45), (44, 46)])
    ours, reference = betweenness(G), nx.betweenness_centrality(G)
    assert max(abs(ours[v] - reference[v]) for v in G) < 1e-12


def test_block_weights_count_the_nodes_reaching_each_block_through_each_node():
    # Triangle 0-1-2; 2 carries the path 2-3-4; 1 carries the leaf 5.
    blocks = [[0, 1, 2], [2, 3], [3, 4], [1, 5]]
    weights = block_weights(blocks, 6)
    assert [w.tolist() for w in weights] == [[1, 2, 3], [4, 2], [5, 1], [5, 1]]


def test_twin_classes_separate_open_and_closed_twins():
    G = nx.empty_graph(8)
    G.add_edges_from([(0, 2), (0, 3), (1, 2), (1, 3), (4, 5), (4, 6), (5, 6), (6, 7)])  # open {0, 1}; closed {4, 5}
    A = _adjacency(G).matrix
    found = [(m.tolist(), closed) for m, closed in twin_classes(A, np.ones(8, bool))]
    assert found == [([0, 1], False), ([2, 3], False), ([4, 5], True)]

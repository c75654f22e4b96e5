"""Biconnected components and cut vertices on adjacency lists agree with networkx."""

from __future__ import annotations

import networkx as nx
import pytest

from collabnet.algorithms.blocks import adjacency_lists, articulation_points, biconnected


def graphs():
    for seed in range(8):
        yield nx.gnp_random_graph(60, 0.05, seed=seed)  # several components, isolated nodes, pendants
        yield nx.random_labeled_tree(25, seed=seed)  # every inner node a cut vertex
    yield nx.complete_graph(6)  # one block, no cut vertex
    yield nx.barbell_graph(5, 2)


@pytest.mark.parametrize("G", list(graphs()))
def test_blocks_are_networkx_biconnected_components(G):
    nodes, adj = adjacency_lists(G)
    blocks, _ = biconnected(adj)
    assert sorted(sorted(nodes[v] for v in b) for b in blocks) == sorted(map(sorted, nx.biconnected_components(G)))


@pytest.mark.parametrize("G", list(graphs()))
def test_components_are_networkx_connected_components(G):
    nodes, adj = adjacency_lists(G)
    _, component = biconnected(adj)
    found = {frozenset(nodes[v] for v in range(len(nodes)) if component[v] == root) for root in set(component)}
    assert found == set(map(frozenset, nx.connected_components(G)))


@pytest.mark.parametrize("G", list(graphs()))
def test_articulation_points_are_networkx_articulation_points(G):
    nodes, adj = adjacency_lists(G)
    assert {nodes[v] for v in articulation_points(adj)} == set(nx.articulation_points(G))


def test_adjacency_lists_number_nodes_by_id_and_keep_edges_inside():
    G = nx.Graph([("b", "a"), ("a", "c"), ("c", "z"), ("a", "a")])
    assert adjacency_lists(G, ["c", "a", "b"]) == (["a", "b", "c"], [[1, 2], [0], [0]])


def test_a_long_path_needs_no_deep_stack():
    n = 50_000  # far past Python's recursion limit
    adj = [[v - 1] * (v > 0) + [v + 1] * (v < n - 1) for v in range(n)]
    assert articulation_points(adj) == list(range(1, n - 1))

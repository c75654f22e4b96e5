"""Biconnected components and cut vertices on adjacency lists agree with networkx."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from collabnet.algorithms.blocks import adjacency_lists, articulation_points, biconnected, cuts
from collabnet.graph import neighbour_numbers


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


def _with_self_loops(G: nx.Graph, seed: int) -> nx.Graph:
    H = nx.relabel_nodes(G, {v: f"n{v}" if v % 3 else v for v in G})  # mixed ids, as hand-made data has
    for v in list(H)[seed % 4::7]:
        H.add_edge(v, v)
    return H


def looped_graphs():
    for i, G in enumerate(graphs()):
        yield _with_self_loops(G, i)


@pytest.mark.parametrize("G", list(looped_graphs()))
def test_compiled_cut_vertices_are_networkx_articulation_points(G):
    nodes = list(G)
    cut, _ = cuts(*neighbour_numbers(G, {v: i for i, v in enumerate(nodes)}))
    assert {nodes[i] for i in np.flatnonzero(cut)} == set(nx.articulation_points(G))


@pytest.mark.parametrize("G", list(looped_graphs()))
def test_compiled_bridges_are_networkx_bridges(G):
    nodes = list(G)
    indptr, indices = neighbour_numbers(G, {v: i for i, v in enumerate(nodes)})
    _, bridge = cuts(indptr, indices)
    rows = np.searchsorted(indptr, np.flatnonzero(bridge), side="right") - 1
    found = {frozenset((nodes[a], nodes[b])) for a, b in zip(rows, indices[bridge])}
    assert len(found) == bridge.sum() and found == set(map(frozenset, nx.bridges(G)))


def test_compiled_cuts_need_no_deep_stack():
    G = nx.path_graph(50_000)
    cut, bridge = cuts(*neighbour_numbers(G, {v: v for v in G}))
    assert np.flatnonzero(cut).tolist() == list(range(1, 49_999)) and bridge.sum() == 49_999

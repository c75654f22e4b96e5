"""Betweenness engine (collabnet.analyses.shortest_paths) and its use in brokerage.betweenness.

Reference values: networkx's own Brandes implementation (``betweenness_centrality``,
and its single-source functions for per-source dependencies), on random graphs
built to exercise the reductions: leaves and chains (degree-1 removal), twins
(nodes with the same neighbours), and cliques labelled as groups, overlapping
and mixed with plain edges.
"""

import itertools
import random

import networkx as nx
import numpy as np
import pytest
from networkx.algorithms.centrality.betweenness import _single_source_shortest_path_basic

from collabnet.analyses import brokerage, shortest_paths
from collabnet.analyses.brokerage import _adjacency, _cliques, betweenness


def random_actor_graph(seed):
    """A random graph with labelled cliques (some overlapping), twins, leaves and chains of leaves."""
    rng = random.Random(seed)
    G = nx.gnm_random_graph(rng.randint(3, 35), rng.randint(0, 50), seed=seed)
    n = G.number_of_nodes()
    for g in range(rng.randint(0, 4)):
        members = rng.sample(range(n), min(n, rng.randint(2, 9)))
        for u, v in itertools.combinations(members, 2):
            groups = G.edges[u, v].get("groups", ()) if G.has_edge(u, v) else ()
            G.add_edge(u, v, groups=tuple(sorted({*groups, f"g{g}"})))
    for _ in range(rng.randint(0, 3)):  # a twin of an existing node
        v, twin = rng.randrange(n), G.number_of_nodes()
        G.add_edges_from((twin, w) for w in list(G[v]))
    for _ in range(rng.randint(0, 8)):  # leaves, sometimes on leaves (chains)
        G.add_edge(rng.randrange(G.number_of_nodes()), G.number_of_nodes())
    if rng.random() < 0.3:
        G.add_edge("x", "y")  # a component of two
        G.add_node("alone")
    return G


def per_source(G, sources, linear=False):
    """Brandes' dependencies summed over ``sources``, straight from networkx's single-source search."""
    total = dict.fromkeys(G, 0.0)
    for s in sources:
        order, preds, sigma, dist = _single_source_shortest_path_basic(G, s)
        delta = dict.fromkeys(order, 0.0)
        for w in reversed(order):
            for v in preds[w]:
                scale = dist[v] / dist[w] if linear else 1.0
                delta[v] += sigma[v] / sigma[w] * scale * (1 + delta[w])
            if w != s:
                total[w] += delta[w]
    return total


def engine(G):
    adj = _adjacency(G)
    return adj.nodes, shortest_paths.path_graph(adj.matrix, _cliques(G, adj.nodes))


@pytest.mark.parametrize("seed", range(60))
def test_exact_betweenness_equals_networkx_with_leaves_twins_and_cliques(seed):
    G = random_actor_graph(seed)
    ours, reference = betweenness(G), nx.betweenness_centrality(G)
    assert all(ours[v] == pytest.approx(reference[v], abs=1e-12) for v in G)


@pytest.mark.parametrize("seed", range(30))
def test_dependencies_of_any_sources_equal_brandes(seed):
    G = random_actor_graph(seed)
    nodes, graph = engine(G)
    rng = random.Random(seed)
    picked = rng.sample(range(len(nodes)), max(1, len(nodes) // 3))
    weights = [rng.random() for _ in picked]
    for linear in (False, True):
        ours = shortest_paths.dependencies(graph, np.array(picked), np.array(weights), linear=linear)
        reference = dict.fromkeys(G, 0.0)
        for i, weight in zip(picked, weights):
            for v, value in per_source(G, [nodes[i]], linear=linear).items():
                reference[v] += weight * value
        assert ours == pytest.approx([reference[v] for v in nodes], abs=1e-9)


@pytest.mark.parametrize("seed", range(20))
def test_linear_scaling_over_all_sources_is_exact(seed):
    # Geisberger et al. (2008): the two ends of a pair share its credit, d(s, v)/d(s, t) + d(t, v)/d(t, s) = 1.
    G = random_actor_graph(seed)
    nodes, graph = engine(G)
    ours = shortest_paths.dependencies(graph, np.arange(len(nodes)), linear=True)
    reference = nx.betweenness_centrality(G, normalized=False)
    assert ours == pytest.approx([reference[v] for v in nodes], abs=1e-9)


def test_a_group_label_on_a_non_clique_is_not_used_as_a_clique():
    # A zone subgraph of a workshop keeps its label on the remaining edges: still a clique, used;
    # a label on a path is not one, and is ignored.
    G = nx.path_graph(4)
    nx.set_edge_attributes(G, ("g",), "groups")
    assert _cliques(G, list(G)) == []
    K = nx.complete_graph(4)
    nx.set_edge_attributes(K, ("w",), "groups")
    assert [c.tolist() for c in _cliques(K, list(K))] == [[0, 1, 2, 3]]
    assert betweenness(G) == pytest.approx(nx.betweenness_centrality(G))


def test_leaves_of_a_star_and_chains_are_exact():
    G = nx.star_graph(5)
    G.add_edges_from([(1, 10), (10, 11)])  # a chain hanging on a leaf of the star
    assert betweenness(G) == pytest.approx(nx.betweenness_centrality(G))


def test_estimate_is_deterministic_unbiased_and_near_exact(monkeypatch):
    # Zone-stratified, linearly scaled sample above exact_max; the mean over seeds is close to exact.
    G = nx.connected_watts_strogatz_graph(200, 6, 0.1, seed=3)
    nx.set_node_attributes(G, {v: ("north", "south", "region")[v % 3] for v in G}, "zone")
    monkeypatch.setattr(brokerage, "SAMPLE_SOURCES", 40)
    exact = np.array(list(betweenness(G).values()))
    runs = [np.array(list(betweenness(G, exact_max=0, seed=seed).values())) for seed in range(40)]
    assert (runs[0] == np.array(list(betweenness(G, exact_max=0, seed=0).values()))).all()
    assert np.abs(np.mean(runs, axis=0) - exact).sum() / exact.sum() < 0.03
    assert np.abs(runs[0] - exact).sum() / exact.sum() < 0.3


def test_stratified_sample_covers_every_zone_in_proportion():
    G = nx.empty_graph(100)
    nx.set_node_attributes(G, {v: "big" if v < 80 else "small" for v in G}, "zone")
    sources, weights = brokerage._stratified_sample(G, list(G), 10, seed=1)
    zones = ["big" if v < 80 else "small" for v in sources]
    assert zones.count("big") == 8 and zones.count("small") == 2 and len(set(sources.tolist())) == 10
    assert weights.sum() == pytest.approx(100)


def test_parallel_workers_give_the_same_bits_as_one(monkeypatch):
    G = random_actor_graph(7)
    nodes, graph = engine(G)
    monkeypatch.setattr(shortest_paths, "_PARALLEL_WORK", 0)
    monkeypatch.setattr(shortest_paths, "available_cores", lambda: 2)
    both = shortest_paths.dependencies(graph, np.arange(len(nodes)), linear=True)
    monkeypatch.setattr(shortest_paths, "available_cores", lambda: 1)
    one = shortest_paths.dependencies(graph, np.arange(len(nodes)), linear=True)
    assert both.tolist() == one.tolist()
    reference = nx.betweenness_centrality(G, normalized=False)
    assert one == pytest.approx([reference[v] for v in nodes], abs=1e-9)


@pytest.mark.parametrize("linear", [False, True])
@pytest.mark.parametrize("seed", range(6))
def test_grouped_searches_give_each_group_the_bits_of_its_own_call(seed, linear, monkeypatch):
    G = random_actor_graph(seed)
    nodes, graph = engine(G)
    order = np.random.default_rng(seed).permutation(len(nodes))
    groups = [order[:3], order[3:4], order[4:4], order[4:]]  # an empty group too
    monkeypatch.setattr(shortest_paths, "_PARALLEL_WORK", 0)  # the groups' parts shared by two processes
    monkeypatch.setattr(shortest_paths, "available_cores", lambda: 2)
    together = shortest_paths.grouped_dependencies(graph, groups, linear=linear, squares=True)
    monkeypatch.setattr(shortest_paths, "available_cores", lambda: 1)
    for sources, (total, square) in zip(groups, together, strict=True):
        alone, alone_square = shortest_paths.dependencies(graph, sources, linear=linear, squares=True)
        assert (total.tolist(), square.tolist()) == (alone.tolist(), alone_square.tolist())

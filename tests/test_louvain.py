"""Louvain communities on arrays (collabnet.render.louvain) against networkx's louvain_communities.

The reference is networkx itself on the same graph: nodes 0..n-1 added first, then the edges in the order
given, the same seed. The graphs have planted communities of different densities, weights as the views
give them, workshop cliques, pairs given twice, self-loops and nodes without links.
"""

from __future__ import annotations

import random

import networkx as nx
import pytest

from collabnet.render.louvain import louvain

WEIGHTS = (0.8, 1.0, 1.5, 2.5, 3.7)


def reference(n: int, edges: list, seed: int) -> list[set]:
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from(edges)
    return nx.community.louvain_communities(G, weight="weight", seed=seed)


def planted(rng: random.Random, n: int, groups: int, inside: float, outside: float) -> list:
    side = [rng.randrange(groups) for _ in range(n)]
    return [(a, b, rng.choice(WEIGHTS)) for a in range(n) for b in range(a + 1, n)
            if rng.random() < (inside if side[a] == side[b] else outside)]


@pytest.mark.parametrize("seed", range(25))
def test_planted_communities_are_networkx_s(seed):
    rng = random.Random(seed)
    n = rng.randrange(5, 250)
    edges = planted(rng, n, rng.randrange(1, 12), rng.uniform(0.05, 0.6), rng.uniform(0.0, 0.05))
    assert louvain(n, edges, seed=seed) == reference(n, edges, seed)


@pytest.mark.parametrize("seed", range(10))
def test_edges_in_any_order_and_either_way_round_are_networkx_s(seed):
    rng = random.Random(100 + seed)
    n = rng.randrange(20, 200)
    edges = planted(rng, n, rng.randrange(2, 8), 0.3, 0.02)
    rng.shuffle(edges)
    edges = [(b, a, w) if rng.random() < 0.5 else (a, b, w) for a, b, w in edges]
    assert louvain(n, edges, seed=seed) == reference(n, edges, seed)


@pytest.mark.parametrize("seed", range(8))
def test_workshop_cliques_repeated_pairs_self_loops_and_lone_nodes_are_networkx_s(seed):
    rng = random.Random(200 + seed)
    n = 150
    edges = []
    for _ in range(6):  # workshops: every pair of participants linked
        people = rng.sample(range(n - 10), rng.randrange(5, 30))
        edges += [(a, b, 0.8) for i, a in enumerate(people) for b in people[i + 1:]]
    edges += [(a, a, 2.0) for a in rng.sample(range(n - 10), 5)]  # self-loops
    edges += [edges[i][:2] + (3.7,) for i in rng.sample(range(len(edges)), 20)]  # pairs again: the later weight
    assert louvain(n, edges, seed=seed) == reference(n, edges, seed)  # nodes n-10.. have no link


def test_a_graph_without_links_is_one_community_per_node():
    assert louvain(3, []) == [{0}, {1}, {2}] == reference(3, [], 42)


def test_a_thousand_node_graph_of_many_levels_is_networkx_s():
    rng = random.Random(7)
    edges = planted(rng, 1000, 40, 0.2, 0.002)
    assert louvain(1000, edges, seed=42) == reference(1000, edges, 42)

"""Louvain communities (Blondel, Guillaume, Lambiotte & Lefebvre 2008), the same as networkx's, on arrays.

A big view opens as groups of actors that work together: the Louvain
communities of its links (:func:`collabnet.render.groups.communities`).
networkx's ``louvain_communities`` walks dicts of dicts: on a zone view of
200,000 links it took 3 to 6 s, half of the view's time. :func:`louvain`
makes the same moves in the same order on neighbour arrays, the local moving
phase compiled with numba, and gives the same communities as
``networkx.community.louvain_communities(G, weight="weight", seed=seed)`` for
the graph ``G`` built with nodes ``0..n-1`` and then the edges in the order
given (tested on random graphs, tests/test_louvain.py):

- the nodes of each level are visited in the order of ``random.Random(seed)``'s
  shuffles, one per level, as networkx does;
- a node's neighbouring communities are weighed in the order networkx's
  dicts hold them, and a move must gain strictly more than the best so far,
  so ties go the same way;
- the sums are made in networkx's order, so the gains are the same numbers.

The one sum made in another order is the modularity of a level (networkx adds
within each community in set order): it only decides whether another level is
worth making (a gain of more than ``threshold``), so the communities differ
only if a level's gain is within rounding of ``threshold``.

>>> louvain(6, [(0, 1, 1.0), (0, 2, 1.0), (1, 2, 1.0), (3, 4, 1.0), (3, 5, 1.0), (4, 5, 1.0), (2, 3, 0.1)])
[{0, 1, 2}, {3, 4, 5}]
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import numpy as np
from numba import njit

__all__ = ["louvain"]


def louvain(n: int, edges: Sequence[tuple[int, int, float]], *, seed: int = 42, resolution: float = 1.0,
            threshold: float = 1e-7) -> list[set[int]]:
    """The Louvain communities of the graph of nodes ``0..n-1`` and weighted ``edges`` ``(a, b, weight)``.

    Edges are taken in order, as ``nx.Graph.add_weighted_edges_from`` takes
    them (a pair given again keeps its place and takes the later weight;
    ``a == b`` is a self-loop). Returns the communities in networkx's order.
    """
    rng = random.Random(seed)
    indptr, indices, weights = _first_graph(n, edges)
    if len(indices) == 0:
        return [{u} for u in range(n)]
    degrees = _degrees(indptr, indices, weights)
    m = float(sum(degrees.tolist())) / 2  # graph.size(weight="weight"): the degrees added in node order
    two_m2 = 2 * m ** 2
    members = np.arange(n, dtype=np.int64)  # each original node's community at the last level made
    mod = _modularity(indptr, indices, weights, degrees, members, n, resolution)
    first = True
    while True:
        k = len(indptr) - 1
        order = list(range(k))
        rng.shuffle(order)
        community, moved = _one_level(indptr, indices, weights, degrees, np.array(order, dtype=np.int64),
                                      m, two_m2, resolution)
        if not first and not moved:  # networkx's answer: the partition of the level before
            return _partition(members, k)
        first = False
        # networkx drops the communities left empty and keeps the others in order of their first number
        used = np.zeros(k, dtype=np.bool_)
        used[community] = True
        community = (np.cumsum(used) - 1)[community]
        count = int(used.sum())
        members = community[members]
        new_mod = _modularity(indptr, indices, weights, degrees, community, count, resolution)
        if new_mod - mod <= threshold:
            return _partition(members, count)
        mod = new_mod
        indptr, indices, weights = _folded(indptr, indices, weights, community, count)
        degrees = _degrees(indptr, indices, weights)


def _partition(members: np.ndarray, count: int) -> list[set[int]]:
    """The original nodes of each of the ``count`` communities (``members``: each node's community)."""
    found: list[set[int]] = [set() for _ in range(count)]
    for node, c in enumerate(members.tolist()):
        found[c].add(node)
    return found


def _edges_once(indptr, indices, weights):
    """Each edge once, as ``G.edges()`` meets it (from its end met first in node order, a self-loop once):
    the two ends and the weight, in that order."""
    rows = np.repeat(np.arange(len(indptr) - 1), np.diff(indptr))
    first = indices >= rows
    return rows[first], indices[first], weights[first]


def _first_graph(n: int, edges) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Neighbour arrays in networkx's order for ``nx.Graph(nodes 0..n-1, edges)`` rebuilt from its
    ``edges(data="weight")`` (what ``louvain_partitions`` works on)."""
    adj: list[dict] = [{} for _ in range(n)]
    for a, b, w in edges:
        adj[a][b] = w
        adj[b][a] = w
    # louvain_partitions copies the graph from G.edges(): each edge from its end met first in node order
    rows, cols, ws = [], [], []
    for u in range(n):
        for v, w in adj[u].items():
            if v >= u:
                rows.append(u)
                cols.append(v)
                ws.append(float(w))
    return _csr_in_order(n, np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64),
                         np.array(ws, dtype=np.float64))


def _csr_in_order(n: int, rows: np.ndarray, cols: np.ndarray, ws: np.ndarray):
    """Neighbour arrays of the graph whose distinct edges were added in this order (each once, no repeats):
    each node's neighbours in the order their edge was added, a self-loop once."""
    loop = rows == cols
    ends = np.concatenate([rows, cols[~loop]])
    others = np.concatenate([cols, rows[~loop]])
    when = np.concatenate([np.arange(len(rows)), np.flatnonzero(~loop)])
    place = np.lexsort((when, ends))
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(ends, minlength=n), out=indptr[1:])
    return indptr, others[place], np.concatenate([ws, ws[~loop]])[place]


@njit(cache=True, nogil=True)
def _degrees(indptr, indices, weights):
    """Weighted degrees as ``G.degree(weight="weight")``: the neighbours' weights in order, a self-loop twice."""
    k = len(indptr) - 1
    out = np.zeros(k, dtype=np.float64)
    for u in range(k):
        total = 0.0
        loop = 0.0
        for p in range(indptr[u], indptr[u + 1]):
            total += weights[p]
            if indices[p] == u:
                loop = weights[p]
        out[u] = total + loop
    return out


@njit(cache=True, nogil=True)
def _one_level(indptr, indices, weights, degrees, order, m, two_m2, resolution):
    """networkx's ``_one_level``: move nodes (in ``order``, sweep after sweep) to the neighbouring
    community of best gain until none moves. The community of each node, and whether any moved."""
    k = len(indptr) - 1
    community = np.arange(k)
    total = degrees.copy()  # Stot
    weight_to = np.zeros(k, dtype=np.float64)
    stamp = np.full(k, -1, dtype=np.int64)
    met = np.empty(k, dtype=np.int64)
    moved = False
    visit = 0
    moves = 1
    while moves > 0:
        moves = 0
        for u in order:
            found = 0
            for p in range(indptr[u], indptr[u + 1]):
                v = indices[p]
                if v == u:
                    continue
                c = community[v]
                if stamp[c] != visit:
                    stamp[c] = visit
                    weight_to[c] = 0.0
                    met[found] = c
                    found += 1
                weight_to[c] += weights[p]
            best = community[u]
            staying = weight_to[best] if stamp[best] == visit else 0.0
            visit += 1
            degree = degrees[u]
            total[best] -= degree
            # networkx also weighs the node's own community when no neighbour is in it: a gain of exactly 0
            remove_cost = (-staying) / m + resolution * (total[best] * degree) / two_m2
            best_gain = 0.0
            for i in range(found):
                c = met[i]
                gain = remove_cost + weight_to[c] / m - resolution * (total[c] * degree) / two_m2
                if gain > best_gain:
                    best_gain = gain
                    best = c
            total[best] += degree
            if best != community[u]:
                community[u] = best
                moved = True
                moves += 1
    return community, moved


def _modularity(indptr, indices, weights, degrees, community, count: int, resolution: float) -> float:
    """Newman's modularity of the partition ``community`` (numbers ``0..count-1``), as networkx's
    ``modularity`` (its sums within a community in node and edge order instead of set order)."""
    a, b, w = _edges_once(indptr, indices, weights)
    inside = community[a] == community[b]
    within = np.zeros(count, dtype=np.float64)
    np.add.at(within, community[a[inside]], w[inside])
    degree_sum = np.zeros(count, dtype=np.float64)
    np.add.at(degree_sum, community, degrees)
    deg_sum = float(sum(degrees.tolist()))
    m = deg_sum / 2
    norm = 1 / deg_sum ** 2
    return sum(L / m - resolution * d * d * norm for L, d in zip(within.tolist(), degree_sum.tolist()))


def _folded(indptr, indices, weights, community, count: int):
    """networkx's ``_gen_graph``: one node per community, the weights of the links between two
    communities (within one: a self-loop) added in the order of the level's edges."""
    u, v, w = _edges_once(indptr, indices, weights)
    a, b = community[u], community[v]
    low, high = np.minimum(a, b), np.maximum(a, b)
    keys = low * count + high
    unique, where, inverse = np.unique(keys, return_index=True, return_inverse=True)
    summed = np.zeros(len(unique), dtype=np.float64)
    np.add.at(summed, inverse, w)  # in edge order, as H.add_edge(c1, c2, weight=wt + temp)
    added = np.argsort(where, kind="stable")  # the pairs in the order networkx first adds them
    # a node's neighbours are in the order their pairs were first added, whichever end came first
    pair_low, pair_high = unique[added] // count, unique[added] % count
    return _csr_in_order(count, pair_low, pair_high, summed[added])

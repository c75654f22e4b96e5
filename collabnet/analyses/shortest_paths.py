"""Shortest-path dependencies (Brandes 2001) for many sources at once, on a reduced graph.

The engine behind :func:`collabnet.analyses.brokerage.betweenness`. Betweenness
sums, over source nodes ``s``, Brandes' *dependency* ``delta_s(v)``: the share
of shortest paths from ``s`` to every other node that pass through ``v``. Each
source costs one breadth-first search and one backward sweep over the graph;
this module makes that cheap on collabnet's actor graphs, where workshop
cliques hold most of the edges and many persons hang on their organisation
by a single tie.

Two exact reductions shrink every search without changing any value:

- **Leaves.** A node of degree 1 whose neighbour (its *anchor*) has other
  neighbours is never inside a shortest path. It leaves the graph; its anchor
  counts it as an extra target, and a search from the leaf is the search from
  its anchor shifted by one step (degree-1 reduction: Baglioni et al. 2012,
  Sariyüce et al. 2013; structural-equivalence reductions in general: Puzis
  et al. 2012).
- **Cliques.** A group whose members are all linked to each other (the
  ``groups`` edge attribute of the actor graph) is kept as one hyperedge: a
  search step through it costs its ``s`` members, not ``s (s - 1)`` edge
  visits. A pair of nodes that shares several cliques would be counted once
  per clique; a correction entry of ``-(shared - 1)`` keeps every pair at one
  edge. Plain edges (ties, affiliations) stay as they are.

The searches themselves are the compiled loop of
:func:`collabnet.algorithms.searches.searches`. Above about half a second of
work they are split in two fixed halves (two per group of sources, for
:func:`grouped_dependencies`), which this process and a forked one take in
turn when a second core is free; the halves are always added in the same
order, so the result does not depend on the number of cores.

With ``linear=True`` each source's dependency uses the *linear scaling* of
Geisberger, Sanders & Schultes (2008): the pair ``(s, t)`` credits ``v`` from
``s``'s side with weight ``d(s, v) / d(s, t)`` (and the rest from ``t``'s side),
so summed over all sources it is exact, while a sample of sources no longer
over-rates the nodes next to the sampled ones.

References
----------
.. [1] Brandes, U. (2001). "A faster algorithm for betweenness centrality".
   Journal of Mathematical Sociology 25(2), 163-177.
.. [2] Geisberger, R., Sanders, P. and Schultes, D. (2008). "Better approximation of
   betweenness centrality". ALENEX 2008, 90-100.
.. [3] Baglioni, M., Geraci, F., Pellegrini, M. and Lastres, E. (2012). "Fast exact
   computation of betweenness centrality in social networks". ASONAM 2012, 450-456.
.. [4] Sariyüce, A. E., Saule, E., Kaya, K. and Çatalyürek, Ü. V. (2013). "Shattering and
   compressing networks for betweenness centrality". SDM 2013, 686-694.
.. [5] Puzis, R., Elovici, Y., Zilberman, P., Dolev, S. and Brandes, U. (2012). "Topology
   manipulations for speeding betweenness centrality computation". Journal of
   Complex Networks 3(1), 84-112.

Examples
--------
A path of four nodes: the two inner nodes each lie on 2 of the 6 unordered pairs,
i.e. 4 ordered ones:

>>> import scipy.sparse as sp
>>> A = sp.csr_array(np.array([[0, 1, 0, 0], [1, 0, 1, 0], [0, 1, 0, 1], [0, 0, 1, 0]]))
>>> dependencies(path_graph(A), np.arange(4)).tolist()
[0.0, 4.0, 4.0, 0.0]
>>> dependencies(path_graph(A), np.arange(4), linear=True).round(9).tolist()
[0.0, 2.0, 2.0, 0.0]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.sparse import csgraph

from collabnet.algorithms.blocks import biconnected
from collabnet.algorithms.reductions import block_weights, twin_classes
from collabnet.algorithms.searches import searches
from collabnet.progress import NO_PROGRESS, Progress
from collabnet.runtime import available_cores, share_out

__all__ = ["PathGraph", "path_graph", "dependencies", "exact_pairs", "grouped_dependencies"]

# Array entries visited by the searches of one call of the compiled loop (about a tenth of a second):
# the progress bar moves once per call.
_SLICE_WORK = 50_000_000
# The searches are summed in this many fixed parts (one per worker process at most).
_CHUNKS = 2
# Array entries visited by all the searches above which the parts run in parallel: about a sixth of a
# second of work (6-9 ns an entry measured at 5,000 and 50,000 organisations), where forking even a
# 2 GB process (some 50 ms) costs less than it saves. Each zone's round of the certified estimate at
# 50,000 organisations (170 searches of 620,000 entries) is above it.
_PARALLEL_WORK = 20_000_000


@dataclass(frozen=True)
class PathGraph:
    """The graph the searches run on: leaves removed, cliques as hyperedges.

    ``n`` nodes originally; ``keep`` lists the ``len(keep)`` nodes left (the
    *reduced* nodes), ``position`` maps an original index to its reduced index
    (-1 for a removed leaf), ``anchor`` an original index to the original index
    of its leaf's neighbour (-1 when kept), ``leaves`` counts the removed leaves
    of each reduced node. ``plain`` holds the edges outside every clique (1)
    and the corrections for pairs sharing cliques (``-(shared - 1)``);
    ``member_of`` (reduced nodes x cliques) and ``members`` (its transpose)
    the cliques.
    """

    n: int
    keep: np.ndarray
    position: np.ndarray
    anchor: np.ndarray
    leaves: np.ndarray
    component: np.ndarray
    component_size: np.ndarray
    plain: sp.csr_array
    member_of: sp.csr_array
    members: sp.csr_array
    mult: np.ndarray
    target: np.ndarray


def path_graph(A: sp.csr_array, cliques: Sequence[np.ndarray] = (), merge: np.ndarray | None = None,
               extra: np.ndarray | None = None) -> PathGraph:
    """Reduce the symmetric 0/1 adjacency matrix ``A`` (no diagonal) for the searches.

    Parameters
    ----------
    A : scipy.sparse.csr_array
        Adjacency matrix, n x n.
    cliques : sequence of int arrays
        Node index sets that are complete subgraphs of ``A`` (each pair linked).
        Sets of fewer than three nodes are ignored.
    merge : int array, optional
        Per node, the node that stands for it (itself, or a twin of degree at
        least 2 with the same neighbours: :func:`collabnet.algorithms.reductions.twin_classes`).
        Only for Brandes' ordered pairs (``linear=False``).
    extra : float array, optional
        Per node, targets beyond itself that a path reaching it also reaches
        (the nodes hanging on it outside a block; 0 by default). Only with ``linear=False``.
    """
    A = sp.csr_array(A)
    n = A.shape[0]
    degree = np.diff(A.indptr)
    neighbour = np.full(n, -1, np.int64)
    has = degree > 0
    neighbour[has] = A.indices[A.indptr[:-1][has]]
    removed = (degree == 1) & (degree[np.maximum(neighbour, 0)] > 1)
    merge = np.arange(n) if merge is None else np.asarray(merge, np.int64)
    keep = np.flatnonzero(~removed & (merge == np.arange(n)))
    keep = keep[_locality_order(A[keep][:, keep])]
    position = np.full(n, -1, np.int64)
    position[keep] = np.arange(len(keep))
    position[~removed] = position[merge[~removed]]
    anchor = np.where(removed, neighbour, -1)
    leaves = np.bincount(position[anchor[removed]], minlength=len(keep)).astype(float)
    _, component = csgraph.connected_components(A, directed=False)
    component_size = np.bincount(component)[component]

    nr = len(keep)
    mult = np.bincount(position[~removed], minlength=nr).astype(float)
    target = 1.0 + leaves + (0.0 if extra is None else np.asarray(extra, float)[keep])
    reduced = sp.csr_array(A[keep][:, keep], dtype=float)
    reduced.data[:] = 1.0
    sets = [s for c in cliques if len(c) >= 3 and len(s := np.unique(position[np.asarray(c, np.int64)])) >= 3]
    if sets:
        clique_of = np.repeat(np.arange(len(sets)), [len(c) for c in sets])
        member_of = sp.csr_array((np.ones(len(clique_of)), (np.concatenate(sets), clique_of)), shape=(nr, len(sets)))
        shared = sp.csr_array(member_of @ member_of.T)  # pairs -> number of shared cliques (diagonal too)
        shared.setdiag(0)
        shared.eliminate_zeros()
        covered = shared.copy()
        covered.data[:] = 1.0
        outside = sp.csr_array(reduced - reduced.multiply(covered))  # edges in no clique
        extra = shared.copy()
        extra.data -= 1.0
        plain = sp.csr_array(outside - extra)
        plain.eliminate_zeros()
    else:
        member_of = sp.csr_array((nr, 0))
        plain = reduced
    plain.sort_indices()
    members = sp.csr_array(member_of.T)
    return PathGraph(n, keep, position, anchor, leaves, component, component_size, plain,
                     sp.csr_array(member_of), members, mult, target)


def _locality_order(A: sp.csr_array) -> np.ndarray:
    """The reduced nodes in reverse Cuthill-McKee order (Cuthill & McKee 1969; George 1971).

    Neighbours get nearby numbers, so a search reads the arrays of a node's
    neighbours from few cache lines: at 50,000 organisations, where a search's
    arrays no longer fit the processor's cache, this and 32-bit indices made a
    search about 1.3 times faster. The order is a function of the graph alone
    (scipy's implementation, deterministic), so results are the same on every run.

    >>> A = sp.csr_array(np.array([[0, 0, 1], [0, 0, 1], [1, 1, 0]]))  # the star 0 - 2 - 1
    >>> _locality_order(A).tolist()
    [1, 2, 0]
    """
    if A.shape[0] < 3:
        return np.arange(A.shape[0])
    return csgraph.reverse_cuthill_mckee(sp.csr_matrix(A), symmetric_mode=True).astype(np.int64)


def dependencies(graph: PathGraph, sources: np.ndarray, weights: np.ndarray | None = None, *,
                 linear: bool = False, progress: Progress | None = None, squares: bool = False):
    """Sum over ``sources`` of ``weights[s] * delta_s(v)`` for every node ``v``.

    Parameters
    ----------
    graph : PathGraph
    sources : int array
        Original node indices, each at most once.
    weights : float array, optional
        One per source (default 1).
    linear : bool
        Brandes' dependency over ordered pairs (False: summed over all sources it
        is twice the number of unordered pairs through ``v``, weighted by path
        shares), or its linearly scaled form (True: summed over all sources it
        is the unordered count itself).
    progress : collabnet.progress.Progress, optional
        Shows the searches done as a ``betweenness`` bar (only past two seconds, on a terminal).

    squares : bool
        Also return the sum of ``weights[s] * delta_s(v) ** 2`` (with ``linear``, for
        the variance of a sampled estimate; sources of weight 1 then).

    Returns
    -------
    numpy.ndarray
        One float per original node (and the sums of squares when ``squares``).
    """
    return grouped_dependencies(graph, [sources], None if weights is None else [weights], linear=linear,
                                progress=progress, squares=squares)[0]


def grouped_dependencies(graph: PathGraph, groups: Sequence[np.ndarray], weights: Sequence[np.ndarray] | None = None,
                         *, linear: bool = False, progress: Progress | None = None, squares: bool = False) -> list:
    """:func:`dependencies` of each group of sources, one answer per group, the searches of all groups run at once.

    Each group's answer is the same, to the last bit, as :func:`dependencies` of that
    group alone (its searches are split and summed the same way); only the
    processes are shared: one fork and one wait for every group instead of one each
    (the certified estimate asks for one group per zone and round).

    >>> import scipy.sparse as sp
    >>> g = path_graph(sp.csr_array(np.array([[0, 1, 0, 0], [1, 0, 1, 0], [0, 1, 0, 1], [0, 0, 1, 0]])))
    >>> [x.tolist() for x in grouped_dependencies(g, [np.array([0]), np.array([1, 3])])]  # the path 0 - 1 - 2 - 3
    [[0.0, 2.0, 1.0, 0.0], [0.0, 1.0, 3.0, 0.0]]
    """
    g = graph
    plans = [_plan(g, np.asarray(sources, np.int64), None if weights is None else weights[i], linear)
             for i, sources in enumerate(groups)]
    # Each group's searches are split into _CHUNKS fixed parts, each summed in order and then added in order,
    # so that the result is the same to the last bit with one worker or several, in one call or in several.
    items = [(i, part) for i, (roots, _, _, _) in enumerate(plans)
             for part in np.array_split(np.arange(len(roots)), _CHUNKS) if len(part)]
    searched = sum(len(roots) for roots, _, _, _ in plans)
    work = searched * _work_per_search(g)
    parallel = min(available_cores(), len(items)) > 1 and work >= _PARALLEL_WORK
    if parallel:  # compile (or load) the loop once, before the fork, not in both processes
        _chunk(g, np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0), linear, lambda done: None)
    with (progress or NO_PROGRESS).step("betweenness", total=searched) as advance:
        sums = share_out(items, lambda item: _chunk(g, *(x[item[1]] for x in plans[item[0]][:3]), linear, advance),
                         parallel=parallel)
    found = []
    merged = g.position >= 0
    for i, (_, _, _, total) in enumerate(plans):
        mine = [done for (group, _), done in zip(items, sums) if group == i]
        reduced = sum(mine[1:], start=mine[0]) if mine else np.zeros((2, len(g.keep)))
        total[merged] += reduced[0][g.position[merged]]  # a twin gets the value of the node that stands for it
        if squares:
            square = np.zeros(g.n)
            square[merged] = reduced[1][g.position[merged]]
            found.append((total, square))
        else:
            found.append(total)
    return found


def _plan(g: PathGraph, sources: np.ndarray, weights: np.ndarray | None, linear: bool) -> tuple:
    """The searches that :func:`dependencies` runs for ``sources``: their roots (reduced nodes), offsets
    and weights, and the part of the answer known without a search (the pairs that leaves make)."""
    weights = np.ones(len(sources)) if weights is None else np.asarray(weights, float)
    total = np.zeros(g.n)
    nr = len(g.keep)
    leaf = g.anchor[sources] >= 0
    roots = g.position[np.where(leaf, g.anchor[sources], sources)]
    if linear:
        # A search from a leaf is its anchor's search, one step further from every node.
        row = roots * 2 + leaf
        weight_of = np.bincount(row, weights, minlength=2 * nr)
        rows = np.flatnonzero(weight_of)
        roots, offsets, row_weights = rows // 2, rows % 2, weight_of[rows]
    else:
        # Ordered pairs: a leaf's dependencies are its anchor's, plus the anchor itself
        # on the path to every other node of the component.
        np.add.at(total, g.anchor[sources[leaf]], weights[leaf] * (g.component_size[sources[leaf]] - 2))
        weight_of = np.bincount(roots, weights, minlength=nr)
        # Leaves as targets: a search from another node of the component passes each anchor to its leaves.
        component = g.component[g.keep]
        reaching = np.bincount(component, weight_of, minlength=int(g.component.max(initial=0)) + 1)[component]
        total[g.keep] += g.leaves * (reaching - weight_of)
        roots = np.flatnonzero(weight_of)
        offsets, row_weights = np.zeros(len(roots), np.int64), weight_of[roots]
    return roots, offsets, row_weights, total


def _chunk(g: PathGraph, roots: np.ndarray, offsets: np.ndarray, weights: np.ndarray, linear: bool,
           advance: Callable[[int], None]) -> np.ndarray:
    """Weighted sum of the dependencies of the searches from ``roots`` (reduced nodes), and of their squares."""
    total = np.zeros((2, len(g.keep)))
    plain, member_of, members = g.plain, g.member_of, g.members
    # 32-bit indices: half the memory the searches read (every array has fewer than 2**31 entries)
    arrays = (plain.indptr.astype(np.int32), plain.indices.astype(np.int32), plain.data.astype(float),
              bool((plain.data == 1.0).all()), member_of.indptr.astype(np.int32), member_of.indices.astype(np.int32),
              members.indptr.astype(np.int32), members.indices.astype(np.int32), g.mult, g.target, g.leaves)
    size = max(1, _SLICE_WORK // _work_per_search(g))
    for first in range(0, len(roots), size):  # in slices, for the progress bar
        part = slice(first, first + size)
        searches(*arrays, roots[part].astype(np.int64), offsets[part].astype(np.int64),
                 weights[part].astype(float), linear, total, linear)
        advance(len(roots[part]))
    return total


def _work_per_search(g: PathGraph) -> int:
    """What one search costs, in array entries visited (nodes, plain edges, clique memberships), both passes."""
    return len(g.keep) + g.plain.nnz + 3 * g.member_of.nnz


# Blocks of at least this many nodes are searched on their own; smaller ones together (a search costs the
# nodes of the graph it runs on, so many small blocks in one graph would cost each other's nodes).
_OWN_BLOCK = 256


def exact_pairs(A: sp.csr_array, cliques: Sequence[np.ndarray] = (), progress: Progress | None = None) -> np.ndarray:
    """Exact betweenness of every node over ordered pairs (twice the unordered count), block by block.

    The graph is split at its cut vertices (:func:`collabnet.algorithms.blocks.biconnected`);
    in every block of three nodes or more, Brandes' searches run from each node
    ``a`` weighted by ``r_B(a)``, the nodes that reach the block through it, and
    a path to ``t`` counts ``r_B(t)`` targets
    (:func:`collabnet.algorithms.reductions.block_weights`); twins inside a block
    are searched once (:func:`collabnet.algorithms.reductions.twin_classes`), and
    the pairs of open twins, joined by their ``k`` common neighbours, give ``1/k``
    to each. A cut vertex adds the pairs it separates. Exact: equal to Brandes'
    algorithm on the whole graph up to float rounding.

    >>> path = sp.csr_array(np.array([[0, 1, 0, 0], [1, 0, 1, 0], [0, 1, 0, 1], [0, 0, 1, 0]]))
    >>> exact_pairs(path).tolist()
    [0.0, 4.0, 4.0, 0.0]
    """
    A = sp.csr_array(A)
    A.sort_indices()
    n = A.shape[0]
    lists = [A.indices[A.indptr[v]:A.indptr[v + 1]].tolist() for v in range(n)]
    blocks, _ = biconnected(lists)
    weights = block_weights(blocks, n)
    total = np.zeros(n)
    # Pairs separated by a cut vertex: the parts of its component outside each of its blocks.
    ones, squares = np.zeros(n), np.zeros(n)
    for block, r in zip(blocks, weights):
        part = r.sum() - r
        np.add.at(ones, block, part)
        np.add.at(squares, block, part * part)
    total += ones * ones - squares
    big = [i for i, block in enumerate(blocks) if len(block) >= 3]
    groups, small, size = [], [], 0
    for i in sorted(big, key=lambda i: -len(blocks[i])):
        if len(blocks[i]) >= _OWN_BLOCK:
            groups.append([i])
        else:
            small.append(i)
            size += len(blocks[i])
            if size >= _OWN_BLOCK:
                groups.append(small)
                small, size = [], 0
    if small:
        groups.append(small)
    home = _clique_blocks(cliques, blocks, n)
    for group in groups:
        _blocks_together(A, [blocks[i] for i in group], [weights[i] for i in group],
                         [[c for c in home.get(i, ())] for i in group], total, progress)
    return total


def _clique_blocks(cliques: Sequence[np.ndarray], blocks: list[list[int]], n: int) -> dict[int, list[np.ndarray]]:
    """Block index -> the cliques (three nodes or more) inside it: the one block holding two of their members."""
    blocks_of: list[list[int]] = [[] for _ in range(n)]
    for i, block in enumerate(blocks):
        for v in block:
            blocks_of[v].append(i)
    home: dict[int, list[np.ndarray]] = {}
    for c in cliques:
        if len(c) >= 3:
            (b,) = set(blocks_of[int(c[0])]) & set(blocks_of[int(c[1])])
            home.setdefault(b, []).append(np.asarray(c, np.int64))
    return home


def _blocks_together(A: sp.csr_array, blocks: list[list[int]], weights: list[np.ndarray],
                     cliques: list[list[np.ndarray]], total: np.ndarray, progress: Progress | None) -> None:
    """Add the in-block dependencies of ``blocks`` (searched as one graph of disjoint copies) to ``total``."""
    nodes = np.concatenate([np.array(sorted(b), np.int64) for b in blocks])
    r = np.concatenate([w[np.argsort(b, kind="stable")] for b, w in zip(blocks, weights)]).astype(float)
    starts = np.cumsum([0] + [len(b) for b in blocks])
    parts, local_cliques = [], []
    for b, first, inside in zip(blocks, starts[:-1].tolist(), cliques):
        ids = np.array(sorted(b), np.int64)
        parts.append(A[ids][:, ids])
        local_cliques.extend(first + np.searchsorted(ids, c) for c in inside)
    sub = sp.csr_array(sp.block_diag(parts, format="csr"))
    sub.sort_indices()
    merge = np.arange(len(nodes))
    pairs: list[tuple[np.ndarray, np.ndarray]] = []
    for members, closed in twin_classes(sub, r == 1.0):
        merge[members] = members[0]
        if not closed:
            pairs.append((members, sub.indices[sub.indptr[members[0]]:sub.indptr[members[0] + 1]]))
    graph = path_graph(sub, local_cliques, merge=merge, extra=r - 1.0)
    found = dependencies(graph, np.arange(len(nodes)), r, progress=progress)
    for members, around in pairs:  # open twins: each ordered pair of them goes through each common neighbour
        c = len(members)
        found[around] += c * (c - 1) / len(around)
    np.add.at(total, nodes, found)

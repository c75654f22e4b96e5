"""Exact structure behind fast betweenness: block weights at cut vertices, and twins.

Two facts let Brandes' algorithm run on much less than the whole graph
(Sarıyüce, Saule, Kaya & Çatalyürek 2013, "BADIOS"; Puzis, Zilberman & Elovici 2012):

- **Blocks.** Every shortest path between two nodes crosses the blocks
  (biconnected components) on the path between them in the block-cut tree,
  entering and leaving each block by one node. :func:`block_weights` gives,
  for every node ``v`` of block ``B``, ``r_B(v)``: how many nodes of the
  component reach ``B`` through ``v`` (``v`` itself and all that hangs on it
  outside ``B``). A search inside ``B`` then weights its sources and targets
  by ``r_B``, and a cut vertex adds the pairs it separates.
- **Twins.** Nodes with the same neighbours (:func:`twin_classes`; *open*
  twins are not linked to each other, *closed* twins are) lie on the same
  shortest paths in the same way: one of them, counted with its multiplicity,
  stands for all.

Examples
--------
The path 0 - 1 - 2 - 3 has three blocks (its edges); node 1 is reached through
by 0 in block {0, 1}, and in block {1, 2} by 0 and 1:

>>> blocks = [[0, 1], [1, 2], [2, 3]]
>>> [w.tolist() for w in block_weights(blocks, 4)]
[[1, 3], [2, 2], [3, 1]]
>>> import scipy.sparse as sp, numpy as np
>>> star2 = sp.csr_array(np.array([[0, 0, 1, 1], [0, 0, 1, 1], [1, 1, 0, 0], [1, 1, 0, 0]]))
>>> twin_classes(star2, np.ones(4, bool))  # 0 and 1 share {2, 3}; 2 and 3 share {0, 1}
[(array([0, 1]), False), (array([2, 3]), False)]
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

__all__ = ["block_weights", "twin_classes"]


def block_weights(blocks: list[list[int]], n: int) -> list[np.ndarray]:
    """``r_B(v)`` for every node of every block, aligned with ``blocks`` (see the module docstring).

    ``blocks`` are the biconnected components of a graph on nodes ``0 .. n-1``
    (:func:`collabnet.algorithms.blocks.biconnected`); the weights of a block
    add up to the size of its connected component.
    """
    blocks_of: list[list[int]] = [[] for _ in range(n)]
    for i, block in enumerate(blocks):
        for v in block:
            blocks_of[v].append(i)
    weights: list[np.ndarray] = [np.zeros(0, np.int64)] * len(blocks)
    parent = [-2] * len(blocks)  # the cut vertex above each block (-1 for a root block)
    below = [0] * len(blocks)  # nodes under each block, its parent cut vertex excluded
    for root in range(len(blocks)):
        if parent[root] != -2:
            continue
        parent[root] = -1
        order, stack = [], [root]
        while stack:
            b = stack.pop()
            order.append(b)
            for v in blocks[b]:
                if v != parent[b]:
                    for c in blocks_of[v]:
                        if c != b and parent[c] == -2:
                            parent[c] = v
                            stack.append(c)
        for b in order:
            below[b] = len(blocks[b]) - (parent[b] >= 0)
        for b in reversed(order):  # children before the block above them
            if parent[b] >= 0:
                below[_parent_block(b, parent, blocks_of)] += below[b]
        total = below[root]
        for b in order:
            hanging: dict[int, int] = {}
            for v in blocks[b]:
                if v != parent[b]:
                    hanging[v] = 1 + sum(below[c] for c in blocks_of[v] if c != b and parent[c] == v)
            if parent[b] >= 0:
                hanging[parent[b]] = total - below[b]
            weights[b] = np.array([hanging[v] for v in blocks[b]], np.int64)
    return weights


def _parent_block(b: int, parent: list[int], blocks_of: list[list[int]]) -> int:
    """The block above block ``b``: the one of its parent cut vertex that is not below it."""
    v = parent[b]
    for c in blocks_of[v]:
        if c != b and parent[c] != v:
            return c
    raise AssertionError("a non-root block has a block above it")


def twin_classes(A: sp.csr_array, allowed: np.ndarray) -> list[tuple[np.ndarray, bool]]:
    """Classes of two or more ``allowed`` nodes of degree at least 2 with the same neighbours.

    Returns ``(members, closed)`` pairs, members sorted, classes in order of their
    first member: ``closed`` False for open twins (same neighbours, not linked to
    each other), True for closed twins (same neighbours once each counts itself).
    ``A`` is a symmetric 0/1 CSR matrix with sorted indices and no diagonal.
    """
    n = A.shape[0]
    degree = np.diff(A.indptr)
    rng = np.random.default_rng(20130502)  # fixed: the classes never depend on it, only the speed of finding them
    code = rng.integers(1, 2**62, size=n, dtype=np.int64).astype(np.uint64)
    sums = np.zeros(n, np.uint64)
    rows = np.repeat(np.arange(n), degree)
    np.add.at(sums, rows, code[A.indices])
    found = []
    for closed in (False, True):
        key = sums + code if closed else sums
        candidates = np.flatnonzero(allowed & (degree >= 2))
        order = candidates[np.lexsort((candidates, key[candidates], degree[candidates]))]
        k, d = key[order], degree[order]
        starts = np.flatnonzero(np.r_[True, (k[1:] != k[:-1]) | (d[1:] != d[:-1])])
        ends = np.r_[starts[1:], len(order)]
        for a, b in zip(starts.tolist(), ends.tolist()):
            if b - a < 2:
                continue
            groups: dict[tuple, list[int]] = {}
            for v in order[a:b].tolist():
                around = A.indices[A.indptr[v]:A.indptr[v + 1]].tolist()
                groups.setdefault(tuple(sorted(around + [v])) if closed else tuple(around), []).append(v)
            found.extend((np.array(sorted(g), np.int64), closed) for g in groups.values() if len(g) >= 2)
    return sorted(found, key=lambda item: int(item[0][0]))

"""The actor graph as arrays and lists; biconnected components and cut vertices on them.

:func:`edge_ends` and :func:`adjacency_matrix` give the graph to numpy and
scipy.sparse (the measures over all actors); :func:`adjacency_lists` gives it
to the searches below.

networkx finds them too, but walking a big graph (or a subgraph view of a
zone) through networkx costs several times more than the search itself. The
functions here take the graph as lists of neighbour numbers, made once by
:func:`adjacency_lists`, and search depth first without recursion (Hopcroft &
Tarjan 1973), so a graph of a million edges needs no deep Python stack.

Examples
--------
>>> import networkx as nx
>>> nodes, adj = adjacency_lists(nx.Graph([("gp", "hub"), ("hub", "cpas"), ("cpas", "gp"), ("hub", "x")]))
>>> nodes, adj
(['cpas', 'gp', 'hub', 'x'], [[2, 1], [2, 0], [1, 0, 3], [2]])
>>> [nodes[v] for v in articulation_points(adj)]
['hub']
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

import networkx as nx
import numpy as np
import scipy.sparse as sp
from numba import njit

from collabnet.graph import neighbour_numbers

__all__ = ["adjacency_lists", "adjacency_matrix", "articulation_points", "biconnected", "block_cut_tree", "cuts",
           "edge_ends"]


def edge_ends(G: nx.Graph, index: dict) -> tuple[np.ndarray, np.ndarray]:
    """The numbers (``index``: node -> number) of the two ends of every edge, in ``G.edges()`` order.

    >>> edge_ends(nx.Graph([("a", "b"), ("b", "c")]), {"a": 0, "b": 1, "c": 2})
    (array([0, 1]), array([1, 2]))
    """
    position = {v: i for i, v in enumerate(G)}
    indptr, indices = neighbour_numbers(G, position)
    row = np.repeat(np.arange(len(position)), np.diff(indptr))
    first = indices >= row  # G.edges() meets an edge at its end that comes first in the graph (a self-loop once)
    number = np.fromiter(map(index.__getitem__, position), np.int64, len(position))
    return number[row[first]], number[indices[first]]


def adjacency_matrix(G: nx.Graph, nodes: list | None = None) -> tuple[list, sp.csr_array]:
    """The graph as a symmetric 0/1 CSR matrix (int64, sorted indices, no diagonal), nodes numbered
    in the order of ``nodes`` (default: ``G``'s), which must be all of ``G``'s.

    >>> nodes, A = adjacency_matrix(nx.Graph([("a", "b"), ("b", "b")]), ["b", "a"])
    >>> nodes, A.toarray().tolist()
    (['b', 'a'], [[0, 1], [1, 0]])
    """
    nodes = list(G) if nodes is None else list(nodes)
    u, v = edge_ends(G, {x: i for i, x in enumerate(nodes)})
    proper = u != v  # a self-loop is no tie to another actor
    u, v = u[proper], v[proper]
    n = len(nodes)
    A = sp.coo_array((np.ones(2 * len(u), np.int64), (np.concatenate([u, v]), np.concatenate([v, u]))),
                     shape=(n, n)).tocsr()
    A.sum_duplicates()
    A.sort_indices()
    A.data[:] = 1
    return nodes, A


def adjacency_lists(G: nx.Graph, nodes: Iterable | None = None) -> tuple[list, list[list[int]]]:
    """The graph on ``nodes`` (default: all of ``G``) as neighbour numbers.

    Nodes are numbered in the order of their ids as text, so that sorting numbers
    sorts ids; each node's neighbours keep ``G``'s order. Edges to nodes outside
    ``nodes`` and self-loops are left out.
    """
    order = sorted(G if nodes is None else nodes, key=str)
    index = {v: i for i, v in enumerate(order)}
    adj = [[j for w in G.adj[v] if (j := index.get(w)) is not None and j != i] for i, v in enumerate(order)]
    return order, adj


def biconnected(adj: list[list[int]]) -> tuple[list[list[int]], list[int]]:
    """Biconnected components (node lists; an isolated node has none) and each node's connected component.

    The component of a node is named by its first node; blocks come in the order
    the search closes them, roots and neighbours taken in number order.

    >>> biconnected([[1], [0, 2, 3], [1, 3], [1, 2], []])  # a pendant 0 on the triangle 1-2-3, and 4 alone
    ([[3, 2, 1], [1, 0]], [0, 0, 0, 0, 4])
    """
    n = len(adj)
    order, low, component = [-1] * n, [0] * n, [-1] * n
    blocks: list[list[int]] = []
    time = 0
    for root in range(n):
        if order[root] != -1:
            continue
        order[root] = low[root] = time
        time += 1
        component[root] = root
        stack, path, parents, next_edge = [root], [root], [-1], [0]
        while path:
            v, parent, i = path[-1], parents[-1], next_edge[-1]
            around = adj[v]
            while i < len(around):
                w = around[i]
                i += 1
                if order[w] == -1:
                    break
                if w != parent and order[w] < low[v]:
                    low[v] = order[w]
            else:  # every edge of v seen: back to its parent, closing a block when v's subtree hangs on it
                path.pop()
                parents.pop()
                next_edge.pop()
                if path:
                    u = path[-1]
                    low[u] = min(low[u], low[v])
                    if low[v] >= order[u]:
                        block = []
                        while not block or block[-1] != v:
                            block.append(stack.pop())
                        block.append(u)
                        blocks.append(block)
                continue
            next_edge[-1] = i
            order[w] = low[w] = time
            time += 1
            component[w] = root
            stack.append(w)
            path.append(w)
            parents.append(v)
            next_edge.append(0)
    return blocks, component


def articulation_points(adj: list[list[int]]) -> list[int]:
    """The cut vertices (nodes in more than one block), in number order.

    >>> articulation_points([[1], [0, 2], [1]])  # the path 0 - 1 - 2
    [1]
    """
    seen = [0] * len(adj)
    for block in biconnected(adj)[0]:
        for v in block:
            seen[v] += 1
    return [v for v, count in enumerate(seen) if count > 1]


def cuts(indptr: np.ndarray, indices: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Cut vertices and bridges of a graph given as CSR neighbour rows (:func:`collabnet.graph.neighbour_numbers`).

    One depth-first search with low points (Hopcroft & Tarjan 1973), compiled:
    a node is a cut vertex when a child's subtree reaches no higher than the
    node itself (a root: when it has two children or more); a tree edge is a
    bridge when the child's subtree reaches no higher than the child. Self-loops
    are ignored; the rows must hold each neighbour once (a simple graph).

    Returns
    -------
    cut, bridge : bool arrays
        Per node: a cut vertex. Per stored entry ``(v, w)``: the tree edge from
        ``v`` down to ``w`` is a bridge (each bridge is marked once, at one of its two entries).

    Examples
    --------
    A triangle 0-1-2 with a pendant node 3 on node 2:

    >>> cut, bridge = cuts(np.array([0, 2, 4, 7, 8]), np.array([1, 2, 0, 2, 0, 1, 3, 2]))
    >>> np.flatnonzero(cut).tolist(), np.flatnonzero(bridge).tolist()
    ([2], [6])
    """
    return _cuts(np.asarray(indptr, np.int64), np.asarray(indices, np.int64))


@njit(cache=True, nogil=True)
def _cuts(indptr, indices):  # pragma: no cover - compiled; tested through cuts
    n = len(indptr) - 1
    order = np.full(n, -1, np.int64)
    low = np.zeros(n, np.int64)
    parent = np.full(n, -1, np.int64)
    down = np.full(n, -1, np.int64)  # the entry (parent, node) of each node's tree edge
    following = np.zeros(n, np.int64)  # the next entry of each node to look at
    path = np.empty(n, np.int64)
    cut = np.zeros(n, np.bool_)
    bridge = np.zeros(len(indices), np.bool_)
    time = 0
    for root in range(n):
        if order[root] >= 0:
            continue
        order[root] = low[root] = time
        time += 1
        following[root] = indptr[root]
        path[0] = root
        top = 0
        children = 0
        while top >= 0:
            v = path[top]
            e = following[v]
            if e < indptr[v + 1]:
                following[v] = e + 1
                w = indices[e]
                if w == v:
                    continue
                if order[w] < 0:
                    order[w] = low[w] = time
                    time += 1
                    parent[w] = v
                    down[w] = e
                    following[w] = indptr[w]
                    top += 1
                    path[top] = w
                    if v == root:
                        children += 1
                elif w != parent[v] and order[w] < low[v]:
                    low[v] = order[w]
                continue
            top -= 1
            if top >= 0:
                u = path[top]
                if low[v] < low[u]:
                    low[u] = low[v]
                if low[v] >= order[u] and u != root:
                    cut[u] = True
                if low[v] > order[u]:
                    bridge[down[v]] = True
        if children > 1:
            cut[root] = True
    return cut, bridge


def block_cut_tree(blocks: list[list[int]], cuts: set[int], tags: list) -> tuple[dict, dict, dict]:
    """Tag counts of every subtree of the block-cut forest (Harary 1969; rooted at each component's first block).

    Parameters
    ----------
    blocks : list of node lists
        The biconnected components (:func:`biconnected`).
    cuts : set of int
        The cut vertices (nodes in more than one block).
    tags : list of iterables
        Per node, the tags it counts for (any hashable values).

    Returns
    -------
    subtree, parent_block, children
        ``subtree[("B", i)]``, ``subtree[("C", c)]``: a Counter of the tags of
        the nodes below block ``i`` / cut vertex ``c``, plus ``("n",)`` = how
        many nodes; ``subtree[("root", c)]``: the same for the whole component
        of ``c``. ``parent_block[c]``: the block above cut vertex ``c``;
        ``children[c]``: its child blocks.

    Examples
    --------
    The path 0 - 1 - 2 (blocks {2, 1}, the root, and {1, 0}), with a tag ``x`` on node 0:

    >>> blocks, _ = biconnected([[1], [0, 2], [1]])
    >>> subtree, parent, children = block_cut_tree(blocks, {1}, [["x"], [], []])
    >>> parent, dict(children), subtree[("C", 1)]
    ({1: 0}, {1: [1]}, Counter({('n',): 2, 'x': 1}))
    """
    blocks_of: list[list[int]] = [[] for _ in range(1 + max((v for block in blocks for v in block), default=-1))]
    for i, block in enumerate(blocks):
        for v in block:
            blocks_of[v].append(i)
    subtree: dict = {}
    parent_block: dict = {}
    children: dict = defaultdict(list)
    done: set = set()
    for start in range(len(blocks)):
        if ("B", start) in done:
            continue
        order, stack = [], [("B", start)]
        done.add(("B", start))
        while stack:
            node = stack.pop()
            order.append(node)
            kind, key = node
            if kind == "B":
                for c in sorted(v for v in blocks[key] if v in cuts):
                    if ("C", c) not in done:
                        done.add(("C", c))
                        parent_block[c] = key
                        stack.append(("C", c))
            else:
                for i in blocks_of[key]:
                    if ("B", i) not in done:
                        done.add(("B", i))
                        children[key].append(i)
                        stack.append(("B", i))
        for kind, key in reversed(order):
            if kind == "B":
                own = [v for v in blocks[key] if v not in cuts]
                total = Counter(tag for v in own for tag in tags[v])
                total[("n",)] += len(own)
                for c in blocks[key]:
                    if c in cuts and parent_block.get(c) == key:
                        total += subtree[("C", c)]
            else:
                total = Counter(tags[key])
                total[("n",)] += 1
                for i in children[key]:
                    total += subtree[("B", i)]
            subtree[(kind, key)] = total
        root = subtree[order[0]]
        for kind, key in order:
            if kind == "C":
                subtree[("root", key)] = root
    return subtree, parent_block, children

"""Single points of failure: actors and ties whose loss would cut the network apart.

Turnover in the sector is high: when the one person who links two sectors,
the two care lines or the two language networks leaves, the link goes with
them. :func:`cut_vertices` finds the actors whose departure disconnects part
of the graph; :func:`cut_edges` finds the single ties whose loss would leave
two sectors (or lines 1 and 2, or the ``nl`` and ``fr`` networks) with no path
between them at all.

Examples
--------
>>> G = nx.Graph([("gp1", "gp2"), ("gp2", "cpas"), ("cpas", "ocmw")])
>>> nx.set_node_attributes(G, {"gp1": "medical", "gp2": "medical", "cpas": "social_assistance",
...                            "ocmw": "social_assistance"}, "sector")
>>> sorted(cut_vertices(G))
['cpas', 'gp2']
>>> [(e.u, e.v, e.separates, e.a, e.b) for e in cut_edges(G)]
[('cpas', 'gp2', 'sector', 'social_assistance', 'medical')]
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

import networkx as nx
import numpy as np

__all__ = ["SEPARATIONS", "LINE_PAIR", "LANGUAGE_PAIR", "CutEdge", "cut_vertices", "cut_edges"]

#: What a cut edge can separate (the ``separates`` field), in output order.
SEPARATIONS = ("sector", "line", "language")
#: The two care lines whose link is watched.
LINE_PAIR = (1, 2)
#: The two language networks whose link is watched.
LANGUAGE_PAIR = ("nl", "fr")


@dataclass(frozen=True)
class CutEdge:
    """A tie whose loss leaves values ``a`` and ``b`` of ``separates`` with no path between them.

    ``u`` < ``v``; ``a`` is a value found only on ``u``'s side of the tie, ``b``
    one found only on ``v``'s side (both as text: ``"1"``, ``"2"`` for lines).
    """

    u: Hashable
    v: Hashable
    separates: str
    a: str
    b: str


@nx.utils.not_implemented_for("directed")
@nx.utils.not_implemented_for("multigraph")
def cut_vertices(G: nx.Graph) -> set:
    """Actors whose removal disconnects part of the graph (articulation points).

    Parameters
    ----------
    G : networkx.Graph

    Returns
    -------
    set
        The cut vertices (Hopcroft & Tarjan 1973, via ``networkx.articulation_points``).

    Examples
    --------
    >>> sorted(cut_vertices(nx.path_graph(4)))
    [1, 2]
    """
    return set(nx.articulation_points(G))


@nx.utils.not_implemented_for("directed")
@nx.utils.not_implemented_for("multigraph")
def cut_edges(G: nx.Graph) -> list[CutEdge]:
    """Ties whose loss separates two sectors, the two care lines or the two languages.

    A bridge (a tie on no cycle) splits its component in two sides. The
    bridge separates values ``a`` and ``b`` of an attribute when ``a`` is found
    only on one side and ``b`` only on the other: after its loss, no path links
    any actor of ``a`` to any actor of ``b`` in that component (where both
    values also meet on one side, a path between them remains). Attributes:
    main ``sector`` (every pair of sectors), ``line`` (only lines 1 and 2,
    :data:`LINE_PAIR`), ``language`` (only ``nl`` and ``fr``, :data:`LANGUAGE_PAIR`).

    Parameters
    ----------
    G : networkx.Graph
        Nodes carry ``sector``, ``line`` and ``language`` (missing values are ignored).

    Returns
    -------
    list of CutEdge
        One record per (tie, attribute, a, b), sorted by ``u``, ``v``, attribute
        (sector, line, language), ``a``, ``b``.

    Notes
    -----
    Linear in the size of the graph: the sides' value counts come from one pass
    over the bridge tree (the 2-edge-connected components joined by the bridges),
    not from a search per bridge.

    Examples
    --------
    A French-speaking GP and a Dutch-speaking hospital linked by a single referral tie:

    >>> G = nx.Graph([("gp", "hospital")])
    >>> nx.set_node_attributes(G, {"gp": {"sector": "medical", "line": 1, "language": "fr"},
    ...                            "hospital": {"sector": "medical", "line": 2, "language": "nl"}})
    >>> [(e.separates, e.a, e.b) for e in cut_edges(G)]
    [('line', '1', '2'), ('language', 'fr', 'nl')]
    """
    # A bridge is a biconnected block of a single edge; this is ~5x faster than nx.bridges.
    ties = [tuple(sorted(block[0])) for block in nx.biconnected_component_edges(G) if len(block) == 1]
    if not ties:
        return []
    block = _two_edge_connected_blocks(G, ties)
    n_blocks = max(block.values()) + 1
    columns = _value_columns(G)
    counts = np.zeros((n_blocks, len(columns)), np.int64)
    for v, data in G.nodes(data=True):
        for name in SEPARATIONS:
            column = columns.get((name, data.get(name)))
            if column is not None:
                counts[block[v], column] += 1
    parent, root, below = _subtree_counts(n_blocks, [(block[u], block[v]) for u, v in ties], counts)
    labels = list(columns)
    found = []
    for u, v in ties:
        bu, bv = block[u], block[v]
        child = bu if parent[bu] == bv else bv
        inside = below[child] > 0
        outside = (below[root[child]] - below[child]) > 0
        u_side, v_side = (inside, outside) if child == bu else (outside, inside)
        only_u = np.flatnonzero(u_side & ~v_side)
        only_v = set(np.flatnonzero(v_side & ~u_side).tolist())
        for i in only_u.tolist():
            name, a = labels[i]
            for j in sorted(only_v):
                other, b = labels[j]
                if other == name:
                    found.append(CutEdge(u, v, name, str(a), str(b)))
    return sorted(found, key=lambda e: (e.u, e.v, SEPARATIONS.index(e.separates), e.a, e.b))


def _value_columns(G: nx.Graph) -> dict[tuple[str, object], int]:
    """Column of each watched (attribute, value): every main sector, lines 1 and 2, nl and fr."""
    sectors = sorted({s for s in nx.get_node_attributes(G, "sector").values() if s is not None}, key=str)
    watched = [("sector", s) for s in sectors]
    watched += [("line", x) for x in LINE_PAIR] + [("language", x) for x in LANGUAGE_PAIR]
    return {key: i for i, key in enumerate(watched)}


def _two_edge_connected_blocks(G: nx.Graph, ties: list[tuple]) -> dict[Hashable, int]:
    """Block number of every node once the bridges ``ties`` are removed."""
    cut = set(ties) | {(v, u) for u, v in ties}
    block: dict[Hashable, int] = {}
    number_of_blocks = 0
    for start in G:
        if start in block:
            continue
        number = block[start] = number_of_blocks
        number_of_blocks += 1
        stack = [start]
        while stack:
            x = stack.pop()
            for y in G[x]:
                if y not in block and (x, y) not in cut:
                    block[y] = number
                    stack.append(y)
    return block


def _subtree_counts(n_blocks: int, tree: list[tuple[int, int]], counts: np.ndarray):
    """Root every tree of the bridge forest; sum the value counts of each subtree.

    Returns ``parent`` (-1 at a root), ``root`` of every block and ``below``:
    the counts summed over each block's subtree (at a root: its whole component).
    """
    neighbours: list[list[int]] = [[] for _ in range(n_blocks)]
    for x, y in tree:
        neighbours[x].append(y)
        neighbours[y].append(x)
    parent = [-1] * n_blocks
    root = [-1] * n_blocks
    order = []
    for start in range(n_blocks):
        if root[start] >= 0:
            continue
        root[start] = start
        stack = [start]
        while stack:
            x = stack.pop()
            order.append(x)
            for y in neighbours[x]:
                if root[y] < 0:
                    root[y] = start
                    parent[y] = x
                    stack.append(y)
    below = counts.copy()
    for x in reversed(order):  # children come after their parent in ``order``
        if parent[x] >= 0:
            below[parent[x]] += below[x]
    return parent, root, below

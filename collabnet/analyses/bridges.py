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

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from itertools import combinations

import networkx as nx
import numpy as np

from collabnet.algorithms.blocks import adjacency_lists, biconnected, block_cut_tree, cuts
from collabnet.analyses.gaps import actor_line
from collabnet.graph import neighbour_numbers, org_of
from collabnet.records.findings import CutEdge

__all__ = ["MIN_CUT_OFF", "SEPARATIONS", "LINE_PAIR", "LANGUAGE_PAIR", "cut_vertices", "cut_edges", "fragile_links",
           "priority_pair", "watched_values"]

#: What a cut edge can separate (the ``separates`` field), in output order.
SEPARATIONS = ("sector", "line", "language")
#: The two care lines whose link is watched.
LINE_PAIR = (1, 2)
#: The two language networks whose link is watched.
LANGUAGE_PAIR = ("nl", "fr")
#: A cut vertex that links no two sectors, lines or languages is still fragile when its departure
#: would cut off at least this many actors outside its own organisation.
MIN_CUT_OFF = 3


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
        The cut vertices (Hopcroft & Tarjan 1973: :func:`collabnet.algorithms.blocks.cuts`;
        the same set as ``networkx.articulation_points``).

    Examples
    --------
    >>> sorted(cut_vertices(nx.path_graph(4)))
    [1, 2]
    """
    nodes, _, _, cut, _ = _cuts_of(G)
    return {nodes[i] for i in np.flatnonzero(cut).tolist()}


def _cuts_of(G: nx.Graph) -> tuple[list, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``G``'s nodes in order, their neighbour rows (indptr, indices), and :func:`~collabnet.algorithms.blocks.cuts`."""
    nodes = list(G)
    indptr, indices = neighbour_numbers(G, {v: i for i, v in enumerate(nodes)})
    return (nodes, indptr, indices, *cuts(indptr, indices))


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
    nodes, indptr, indices, _, bridge = _cuts_of(G)
    entries = np.flatnonzero(bridge)
    rows = np.searchsorted(indptr, entries, side="right") - 1
    ties = [tuple(sorted((nodes[a], nodes[b]))) for a, b in zip(rows.tolist(), indices[entries].tolist())]
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


# ----- cut vertices that are the only link between two values (the secure_bridge actions) -----
def _family(H: nx.Graph, families: dict | None, sector: str):
    if families and sector in families:
        return families[sector]
    return next((d.get("family") for _, d in H.nodes(data=True) if d.get("sector") == sector), None)


def priority_pair(H: nx.Graph, attribute: str, a, b, families: dict | None) -> bool:
    """Health-welfare sector pairs, the first-second line and nl-fr are the region's priorities."""
    if attribute == "sector":
        return {_family(H, families, a), _family(H, families, b)} == {"health", "welfare"}
    return True


_BRIDGED = {"sector": None, "line": LINE_PAIR, "language": LANGUAGE_PAIR}


def watched_values(H: nx.Graph, v: Hashable) -> list[tuple]:
    """The (attribute, value) pairs of actor ``v`` whose links are watched: its main sector, line 1 or 2,
    language ``nl`` or ``fr``.

    >>> H = nx.Graph(); H.add_node("gp", sector="medical", line=1, language="bi")
    >>> watched_values(H, "gp")
    [('sector', 'medical'), ('line', 1)]
    """
    data = H.nodes[v]
    tags = [("sector", data.get("sector")), ("line", actor_line(H, v)), ("language", data.get("language"))]
    return [(attr, value) for attr, value in tags
            if value not in (None, "") and (_BRIDGED[attr] is None or value in _BRIDGED[attr])]


class _Piece:
    """Some actors of a graph and the edges among them, numbered by id (:func:`adjacency_lists`)."""

    def __init__(self, G: nx.Graph, nodes: Iterable):
        self.G = G
        self.nodes, self.adj = adjacency_lists(G, nodes)
        self.org = [org_of(G, v) for v in self.nodes]


def fragile_links(G: nx.Graph, nodes: Iterable | None = None, families: dict | None = None,
                  tags: dict | None = None) -> list[tuple]:
    """Cut vertices of the graph on ``nodes`` (default: all of ``G``) that are the only link between
    two values of an attribute, or whose departure cuts a group of actors off (:data:`MIN_CUT_OFF`).

    Returns (c, attribute, a, b, p, q, cut_off) per cut vertex and attribute: without
    ``c`` no ``a`` actor can reach a ``b`` actor (they could before, both values
    remain, and no other component links them); ``p`` and ``q`` are neighbours of ``c``
    on the two sides (an ``a``/``b`` actor when one is adjacent), ``cut_off`` the number
    of actors on the smaller side. Computed on the block-cut tree: linear in the graph
    size plus the values per piece. ``tags``: :func:`watched_values` of each actor, when known.

    >>> G = nx.Graph([("gp", "hub"), ("hub", "cpas")])
    >>> G.add_nodes_from([("gp", {"sector": "medical"}), ("hub", {"sector": "coordination"}),
    ...                   ("cpas", {"sector": "social_assistance"})])
    >>> fragile_links(G)[0]
    ('hub', 'sector', 'medical', 'social_assistance', 'gp', 'cpas', 1)
    """
    piece = _Piece(G, G if nodes is None else nodes)
    tags_of = [tags[v] if tags is not None else watched_values(G, v) for v in piece.nodes]
    blocks, component = biconnected(piece.adj)
    blocks_of: list[list[int]] = [[] for _ in piece.nodes]
    for i, block in enumerate(blocks):
        for v in block:
            blocks_of[v].append(i)
    cuts = {v for v, ids in enumerate(blocks_of) if len(ids) > 1}
    values: dict = defaultdict(lambda: defaultdict(set))  # component -> attribute -> values
    for v, root in enumerate(component):
        for attribute, value in tags_of[v]:
            values[root][attribute].add(value)
    linked_in: Counter = Counter()  # (attribute, a, b) -> number of components where a and b meet
    for found in values.values():
        for attribute, held in found.items():
            for a, b in combinations(sorted(held, key=str), 2):
                linked_in[(attribute, a, b)] += 1

    subtree, parent_block, children = block_cut_tree(blocks, cuts, tags_of)
    links = []
    for c in sorted(cuts):
        # the neighbours of c in each of its blocks: one pass over c's edges
        own_blocks = set(blocks_of[c])
        near: dict = defaultdict(list)
        for v in piece.adj[c]:
            near[next(i for i in blocks_of[v] if i in own_blocks)].append(v)
        sides = [*children[c], parent_block[c]]
        counts = [subtree[("B", i)] for i in children[c]] + [subtree[("root", c)] - subtree[("C", c)]]
        pieces = [(count, _contacts(near[i], tags_of)) for i, count in zip(sides, counts)]
        found = _separations(G, c, pieces, linked_in, families)
        if not found:
            found = _cut_off_group(piece, c, [near[i] for i in sides], [count[("n",)] for count in counts])
        name = piece.nodes
        links.extend((name[c], attribute, a, b, name[p], name[q], cut_off)
                     for _, attribute, a, b, p, q, cut_off in found)
    return links


def _cut_off_group(piece: _Piece, c: int, near: list[list[int]], sizes: list[int]) -> list[tuple]:
    """The biggest piece without ``c`` (not the largest one) with MIN_CUT_OFF actors outside c's organisation.

    Returns [(c, "group", n, None, p, q, n)] with p a contact of c in that piece and q one in
    the largest piece (outside c's organisation and organisations first), or [].
    """
    own = piece.org[c]
    largest = max(range(len(sizes)), key=lambda i: (sizes[i], -i))
    for i in sorted(range(len(sizes)), key=lambda i: (-sizes[i], i)):
        if i == largest or sizes[i] < MIN_CUT_OFF:
            continue
        if _outsiders(piece, c, near[i], own) >= MIN_CUT_OFF:
            def contact(v: int) -> tuple:
                return (own is not None and piece.org[v] == own,
                        piece.G.nodes[piece.nodes[v]].get("kind") != "organisation", v)

            return [(c, "group", sizes[i], None, min(near[i], key=contact), min(near[largest], key=contact),
                     sizes[i])]
    return []


def _outsiders(piece: _Piece, c: int, start: list[int], own, visits: int = 5_000) -> int:
    """Actors outside organisation ``own`` reachable from ``start`` without ``c``, counted up to MIN_CUT_OFF."""
    seen, queue, found = {c, *start}, list(start), 0
    while queue and found < MIN_CUT_OFF and len(seen) < visits:
        v = queue.pop()
        found += own is None or piece.org[v] != own
        for w in piece.adj[v]:
            if w not in seen:
                seen.add(w)
                queue.append(w)
    return found


def _most(pieces: list, among: set, tag: tuple) -> int:
    """The piece (index) with the most actors holding ``tag``; the first on ties."""
    return max(among, key=lambda i: (pieces[i][0][tag], -i))


def _contacts(neighbours: list[int], tags: list) -> dict:
    """Tag -> the first neighbour (by number) holding it, and ``None`` -> the first neighbour."""
    contacts: dict = {}
    for v in sorted(neighbours):
        contacts.setdefault(None, v)
        for tag in tags[v]:
            contacts.setdefault(tag, v)
    return contacts


def _separations(H, c, pieces, linked_in, families) -> list[tuple]:
    """Per attribute, the most important value pair that only ``c`` links (see _fragile_links).

    ``pieces``: per piece of H - c, its tag counts and its contacts (tag -> a neighbour of
    c there holding it). Importance: the region's priorities (health-welfare), then pairs
    that c's own contacts hold, then the actors cut off; ties go to the first pair by value.
    """
    size = sum(counts[("n",)] for counts, _ in pieces)
    largest = max(range(len(pieces)), key=lambda i: (pieces[i][0][("n",)], -i))
    found = []
    for attribute in _BRIDGED:
        where: dict = defaultdict(set)  # value -> pieces holding it
        for i, (counts, _) in enumerate(pieces):
            for tag in counts:
                if tag[0] == attribute:
                    where[tag[1]].add(i)
        best, best_key = None, None
        for a in sorted(where, key=str):
            if largest in where[a]:
                continue
            for b in sorted(where, key=str):
                pair = tuple(sorted((a, b), key=str))
                if b == a or where[a] & where[b] or linked_in[(attribute, *pair)] > 1:
                    continue
                side_a = _most(pieces, where[a], (attribute, a))
                side_b = largest if largest in where[b] else _most(pieces, where[b], (attribute, b))
                contacts_a, contacts_b = pieces[side_a][1], pieces[side_b][1]
                direct = ((attribute, a) in contacts_a) + ((attribute, b) in contacts_b)
                cut_off = min(pieces[side_a][0][("n",)], size - pieces[side_a][0][("n",)])
                key = (priority_pair(H, attribute, a, b, families), direct, cut_off)
                if best_key is None or key > best_key:
                    p = contacts_a.get((attribute, a), contacts_a[None])
                    q = contacts_b.get((attribute, b), contacts_b[None])
                    best, best_key = (a, b, p, q, cut_off), key
        if best is None:
            continue
        a, b, p, q, cut_off = best
        if attribute == "sector" or a == _BRIDGED[attribute][0]:
            found.append((c, attribute, a, b, p, q, cut_off))
        else:  # keep line 1 before 2 and nl before fr in the sentence
            found.append((c, attribute, b, a, q, p, cut_off))
    return found

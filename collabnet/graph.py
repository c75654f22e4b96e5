"""Stage 2 of the pipeline: the actor graph.

Nodes are the actors active on the analysis date; an undirected, simple edge
links two actors that have a direct tie, share a group (co-membership), or
are a person and their own organisation (affiliation).

Co-membership is a full clique per group, as the output contract defines it,
but its *weight* falls with group size (Newman 2001): each shared group of
``n`` active members adds ``1/(n-1)``, so every member of a group gets a total
co-membership strength of 1 from that group, whether it has 4 or 200
members. A 200-person plenary workshop therefore links its members (they did
meet) without outweighing a direct tie (weight 1) in any weighted measure.
The unweighted measures of the contract (betweenness, constraint, effective
size, brokerage) see the clique as it is. Memory stays linear in the
number of edges: edge data are small, the ``groups`` tuple is one shared
object for all edges of the same group set, and edges with the same data
share one dict (:func:`shared_dicts`): treat edge data as read-only, and
change them on ``G.copy()``, which gives every edge its own dict.

Examples
--------
>>> import pandas as pd, datetime as dt
>>> actors = pd.DataFrame([
...     dict(id="o1", name="CPAS", kind="organisation", sectors="social_assistance", sector="social_assistance",
...          family="welfare", line="1", zone="south", organisation="", language="fr"),
...     dict(id="p1", name="Nurse", kind="person", sectors="home_care", sector="home_care",
...          family="health", line="1", zone="south", organisation="o1", language="fr")])
>>> G = build_graph(actors, at=dt.date(2024, 1, 1))
>>> G.edges["o1", "p1"]["origin"], G.nodes["p1"]["line"]
('affiliation', 1)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from itertools import chain
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from collabnet.runtime import collector_paused

__all__ = ["add_edges", "add_nodes", "adjacency_of", "neighbour_numbers", "build_actor_graph", "build_graph", "active",
           "open_groups", "org_of", "rounded_weights", "same_organisation", "shared_dicts", "NODE_ATTRIBUTES"]

NODE_ATTRIBUTES = ("name", "kind", "sectors", "sector", "family", "line", "zone", "language", "organisation",
                   "municipality", "neighbourhood")
_NOT_ATTRIBUTES = {"id", "row", "email", "phone", "since", "until"}


def active(frame: pd.DataFrame, at: dt.date) -> pd.Series:
    """Rows of ``frame`` that count on day ``at``: ``since <= at < until`` (empty = open-ended).

    >>> f = pd.DataFrame({"since": ["", "2024-01-01", ""], "until": ["", "", "2024-01-01"]})
    >>> list(active(f, dt.date(2024, 1, 1)))
    [True, True, False]
    """
    day = at.isoformat()
    mask = pd.Series(True, index=frame.index)
    if "since" in frame:
        since = frame["since"].fillna("")
        mask &= (since == "") | (since <= day)
    if "until" in frame:
        until = frame["until"].fillna("")
        mask &= (until == "") | (until > day)
    return mask


def open_groups(groups: pd.DataFrame, at: dt.date) -> pd.DataFrame:
    """Groups not ended on ``at`` (current or upcoming): those an actor can still be invited into.

    The rule of :func:`active` without its first half (a group that starts later is open too).

    >>> g = pd.DataFrame({"id": ["old", "now", "next"], "until": ["2022-01-01", "", ""]})
    >>> list(open_groups(g, dt.date(2024, 6, 1))["id"])
    ['now', 'next']
    """
    if not len(groups):
        return groups
    return groups[active(groups.drop(columns=["since"], errors="ignore"), at)]


def adjacency_of(G: nx.Graph) -> dict:
    """The graph's adjacency as plain dicts (node -> neighbour -> edge data), to read, never to change.

    networkx's read-only views cost a function call per neighbour; the hot
    loops over millions of edges (standings, views) read the dicts the graph
    builder filled. With :func:`add_edges`, the only places that see them.

    >>> adjacency_of(nx.Graph([(1, 2)]))[1]
    {2: {}}
    """
    return G._adj


def neighbour_numbers(G: nx.Graph, index: dict, nodes: Iterable | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The neighbours of ``nodes`` (default: every node, in graph order) as numbers, rows of a CSR table.

    ``index``: node -> number, for every node of ``G``. Row ``r`` is
    ``indices[indptr[r]:indptr[r + 1]]``: the numbers of the ``r``-th node's
    neighbours in the graph's order (a self-loop included), read at C speed.
    The rows are taken from the graph's own numbering (:func:`_numbered`, made
    once per graph), so a call reads each node's number once, not once per link.

    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "c")])
    >>> indptr, indices = neighbour_numbers(G, {"a": 0, "b": 1, "c": 2})
    >>> indptr.tolist(), indices.tolist()
    ([0, 1, 3, 5], [1, 0, 2, 1, 2])
    >>> [x.tolist() for x in neighbour_numbers(G, {"c": 0, "b": 1, "a": 2}, ["c"])]
    [[0, 2], [1, 0]]
    """
    order, position, indptr, indices = _numbered(G)
    number = np.fromiter(map(index.__getitem__, order), np.int64, len(order))
    if nodes is None:
        return indptr.copy(), number[indices]
    rows = np.fromiter(map(position.__getitem__, nodes), np.int64)
    starts, lengths = indptr[rows], np.diff(indptr)[rows]
    found = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(lengths, out=found[1:])
    entries = np.arange(found[-1], dtype=np.int64) + np.repeat(starts - found[:-1], lengths)
    return found, number[indices[entries]]


_NUMBERED = "collabnet.numbered"  # the key of _numbered's entry in a graph's networkx cache


def _numbered(G: nx.Graph) -> tuple[list, dict, np.ndarray, np.ndarray]:
    """``G``'s nodes in order, node -> position, and every node's neighbours as positions (CSR rows), read-only.

    Made once per graph and kept in ``G.__networkx_cache__``, which networkx
    empties whenever nodes or edges are added or removed (and :func:`add_nodes`
    and :func:`add_edges` too): at 50,000 organisations the analyses ask for
    these rows twenty times, 2.4 million dict lookups each. A view of another
    graph (``G.subgraph``) is numbered anew each time: its graph may change
    under it.
    """
    cache = getattr(G, "__networkx_cache__", None)
    if "_graph" in G.__dict__:  # a view: networkx clears the cache of the graph it shows, not its own
        cache = None
    if cache is not None and _NUMBERED in cache:
        return cache[_NUMBERED]
    adjacency = adjacency_of(G)
    order = list(adjacency)
    position = {v: i for i, v in enumerate(order)}
    rows = list(adjacency.values())
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, rows), np.int64, len(rows)), out=indptr[1:])
    indices = np.fromiter(map(position.__getitem__, chain.from_iterable(rows)), np.int64, int(indptr[-1]))
    if len(order) < 2**31:
        indices = indices.astype(np.int32)  # half the memory kept
    indptr.flags.writeable = indices.flags.writeable = False
    found = (order, position, indptr, indices)
    if cache is not None:
        cache[_NUMBERED] = found
    return found


def _changed(G: nx.Graph) -> None:
    """Forget what was worked out from ``G``'s nodes and edges (networkx's own changes do this themselves)."""
    cache = getattr(G, "__networkx_cache__", None)
    if cache:
        cache.clear()


def add_nodes(G: nx.Graph, nodes: list, data: list) -> None:
    """Add new nodes ``nodes[i]`` with attribute dicts ``data[i]``, in order, as the graph builders do.

    What ``G.add_nodes_from`` does for new nodes, without copying each
    attribute dict (``data`` is the graph's own afterwards). Only for nodes not yet in ``G``.

    >>> G = nx.Graph(); add_nodes(G, ["a", "b"], [{"zone": "south"}, {}])
    >>> list(G.nodes(data=True))
    [('a', {'zone': 'south'}), ('b', {})]
    """
    G._node.update(zip(nodes, data))
    G._adj.update((v, {}) for v in nodes)
    _changed(G)


def add_edges(G: nx.Graph, nodes: list, u: np.ndarray, v: np.ndarray, data: list) -> None:
    """Add new edges ``(nodes[u[i]], nodes[v[i]], data[i])`` between existing nodes, in order, as the graph builders do.

    What ``G.add_edges_from`` does for new pairs of existing nodes, without
    its per-edge checks and dict copies: each node's neighbours are filled at
    once, in the order of its edges in the list (the order ``add_edges_from``
    gives them). Only for pairs not yet linked.

    >>> G = nx.Graph(); G.add_nodes_from("abc")
    >>> add_edges(G, list("abc"), np.array([0, 1]), np.array([2, 0]), [{"weight": 1.0}, {}])
    >>> list(G.edges(data=True)), list(G["a"])
    ([('a', 'c', {'weight': 1.0}), ('a', 'b', {})], ['c', 'b'])
    """
    if not len(data):
        return
    _changed(G)
    edge = np.arange(len(data), dtype=np.int64)
    ends, others = np.concatenate([u, v]), np.concatenate([v, u])
    order = np.argsort(ends * len(data) + np.concatenate([edge, edge]))  # by end, then edge order
    ends, neighbours = ends[order], np.fromiter(nodes, object, len(nodes))[others[order]].tolist()
    found = np.fromiter(data, object, len(data))[order % len(data)].tolist()
    del others, order, edge
    starts = np.flatnonzero(np.concatenate([[True], ends[1:] != ends[:-1]]))
    adjacency = G._adj
    for end, a, b in zip(ends[starts].tolist(), starts.tolist(), [*starts[1:].tolist(), len(ends)]):
        adjacency[nodes[end]].update(zip(neighbours[a:b], found[a:b]))


def org_of(G: nx.Graph, v: Any) -> Any:
    """The organisation an actor belongs to: itself for an organisation, its employer for a person (or None)."""
    data = G.nodes[v]
    if data.get("kind") == "organisation":
        return v
    return data.get("organisation") or None


def same_organisation(G: nx.Graph, u: Any, v: Any) -> bool:
    """True when ``u`` and ``v`` belong to one organisation (a person and its organisation, or colleagues)."""
    org = org_of(G, u)
    return org is not None and org == org_of(G, v)


def _attribute_columns(columns: dict[str, list]) -> tuple[list[str], list[tuple]]:
    """Attribute names and, per actor, its attribute values (same order), converted as the README says."""
    names, converted = [], []
    for key, values in columns.items():
        if key in _NOT_ATTRIBUTES:
            continue
        names.append(key)
        if key == "sectors":
            converted.append([tuple(value.split("|")) if value else () for value in values])
        elif key == "line":
            converted.append([int(value) if value not in ("", None) else None for value in values])
        elif key in ("language", "organisation", "municipality", "neighbourhood"):
            converted.append([value or None for value in values])
        else:
            converted.append([value if value is not None else "" for value in values])
    return names, list(zip(*converted))


# Contribution kinds of an edge, in the order they are summed (affiliation, ties in row order, groups in id order).
_AFFILIATION, _TIE, _GROUP = 0, 1, 2
_ORIGINS = ("affiliation", "tie", "co_membership")


def build_graph(actors: pd.DataFrame, memberships: pd.DataFrame | None = None, ties: pd.DataFrame | None = None,
                at: dt.date | None = None) -> nx.Graph:
    """Build the actor graph from validated tables for the analysis date ``at``.

    Parameters
    ----------
    actors, memberships, ties : pandas.DataFrame
        Validated tables (see :mod:`collabnet.dataset`).
    at : datetime.date
        Analysis date (default today).

    Returns
    -------
    networkx.Graph
        Node and edge attributes as described in the module docstring and the README.

    Notes
    -----
    Every link is first a *contribution* (an affiliation, a tie row, a shared
    group) on a pair of actor codes; the contributions are sorted by pair
    (stable, so each edge sums its weight in the same order: affiliation,
    ties in row order, groups in id order) and folded into one edge each.
    Group cliques are expanded with numpy, so a region of 50,000
    organisations (1.45 million edges) takes seconds, not minutes.
    """
    with collector_paused():
        return _build(actors, memberships, ties, at or dt.date.today())


def _build(actors: pd.DataFrame, memberships: pd.DataFrame | None, ties: pd.DataFrame | None,
           at: dt.date) -> nx.Graph:
    G = nx.Graph()
    actors = actors[active(actors, at)] if len(actors) else actors
    columns = {key: actors[key].tolist() for key in actors.columns}
    ids = columns.get("id", [])
    order = sorted(range(len(ids)), key=ids.__getitem__)
    columns = {key: [values[i] for i in order] for key, values in columns.items()}
    ids = columns.get("id", [])
    names, rows = _attribute_columns(columns)
    add_nodes(G, ids, [dict(zip(names, row)) for row in rows])
    code = {v: i for i, v in enumerate(ids)}  # ids are sorted: code order is id order

    # Contributions, one array per source (affiliations, ties, each group): pair key, kind, weight,
    # detail (tie row or group number).
    pairs: list[np.ndarray] = []
    kinds: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    details: list[np.ndarray] = []

    def add(u: np.ndarray, v: np.ndarray, kind: int, weight: np.ndarray, detail: np.ndarray) -> None:
        pairs.append(np.minimum(u, v) * len(ids) + np.maximum(u, v))
        kinds.append(np.full(len(u), kind, np.int8))
        weights.append(np.asarray(weight, float))
        details.append(np.asarray(detail, np.int64))

    if "kind" in columns and "organisation" in columns:
        persons = [(code[v], code[org]) for v, kind, org in zip(ids, columns["kind"], columns["organisation"])
                   if kind == "person" and org and org in code]
        if persons:
            u, v = np.array(persons, np.int64).T
            add(u, v, _AFFILIATION, np.ones(len(u)), np.zeros(len(u)))

    tie_types: list = []
    if ties is not None and len(ties):
        current = ties[active(ties, at)]
        found = [(code[s], code[t], float(w), k) for s, t, w, k in zip(*(current[c].tolist() for c in (
                     "source", "target", "weight", "type")))
                 if s in code and t in code and s != t and w > 0]  # weight 0: a survey's "no interaction"
        if found:
            u, v, w, tie_types = (list(x) for x in zip(*found))
            add(np.array(u, np.int64), np.array(v, np.int64), _TIE, np.array(w), np.arange(len(u)))

    group_ids: list = []
    if memberships is not None and len(memberships):
        current = memberships[active(memberships, at)]
        members: dict[str, set[int]] = {}
        for actor, group in zip(current["actor"].tolist(), current["group"].tolist()):
            if actor in code:
                members.setdefault(group, set()).add(code[actor])
        for group in sorted(members):
            people = np.array(sorted(members[group]), np.int64)
            if len(people) < 2:
                continue
            i, j = np.triu_indices(len(people), 1)
            add(people[i], people[j], _GROUP, np.full(len(i), 1.0 / (len(people) - 1)),
                np.full(len(i), len(group_ids)))
            group_ids.append(group)

    if pairs:
        u, v, data = _fold(ids, np.concatenate(pairs), np.concatenate(kinds), np.concatenate(weights),
                           np.concatenate(details), tie_types, group_ids)
        add_edges(G, ids, u, v, data)
    return G


def _fold(ids: list, pair: np.ndarray, kind: np.ndarray, weight: np.ndarray, detail: np.ndarray,
          tie_types: list, group_ids: list) -> tuple[np.ndarray, np.ndarray, list]:
    """The codes ``u`` < ``v`` of every pair of actors, sorted, and its edge data, from its contributions."""
    order = np.argsort(pair, kind="stable")
    pair, kind, weight, detail = pair[order], kind[order], weight[order], detail[order]
    starts = np.flatnonzero(np.concatenate([[True], pair[1:] != pair[:-1]]))
    runs = np.diff(np.append(starts, len(pair)))
    total = weight[starts].copy()
    for step in range(1, int(runs.max(initial=1))):  # sequential sums, in contribution order
        longer = runs > step
        total[longer] += weight[starts[longer] + step]
    owner = np.repeat(np.arange(len(starts)), runs)
    mask = np.zeros(len(starts), np.int64)
    np.bitwise_or.at(mask, owner, 1 << kind.astype(np.int64))
    n_ties = np.bincount(owner[kind == _TIE], minlength=len(starts))
    origins = np.array(["|".join(sorted(name for k, name in enumerate(_ORIGINS) if bits >> k & 1))
                        for bits in range(8)], dtype=object)
    empty: tuple = ()
    singles = np.empty(len(group_ids) + 1, dtype=object)
    singles[:] = [(group,) for group in group_ids] + [empty]
    first = kind[starts]
    groups = singles[np.where((runs == 1) & (first == _GROUP), detail[starts], len(group_ids))]
    types = np.full(len(starts), "", dtype=object)
    lone_tie = np.flatnonzero((runs == 1) & (first == _TIE))
    types[lone_tie] = np.array(tie_types + [""], dtype=object)[detail[starts[lone_tie]]]
    shared: dict[tuple, tuple] = {}
    for e in np.flatnonzero(runs > 1).tolist():
        span = slice(starts[e], starts[e] + runs[e])
        k, d = kind[span].tolist(), detail[span].tolist()
        if n_ties[e]:
            types[e] = "|".join(sorted({tie_types[x] for x, y in zip(d, k) if y == _TIE}))
        found = tuple(group_ids[x] for x, y in zip(d, k) if y == _GROUP)
        if len(found) == 1:
            groups[e] = singles[d[k.index(_GROUP)]]
        elif found:
            groups[e] = shared.setdefault(found, found)
    u, v = np.divmod(pair[starts], len(ids))
    return u, v, shared_dicts(("weight", "origin", "ties", "tie_types", "groups"), rounded_weights(total),
                              origins[mask].tolist(), n_ties.tolist(), types.tolist(), groups.tolist())


def shared_dicts(keys: tuple, *columns: list) -> list[dict]:
    """``dict(zip(keys, row))`` for every row of the columns, one dict object for equal rows.

    The edges of one workshop clique carry the same data: at 50,000
    organisations 1.42 million actor edges have 3,984 distinct contents, and
    one dict each would hold 260 MB. The values are compared by identity
    (the builders share one object per distinct weight, origin and group
    set), so equal rows made of distinct objects may still get two dicts.
    Edge data built this way are read-only: change them on ``G.copy()``,
    which copies every edge's dict.

    >>> a, b, c = shared_dicts(("x", "y"), [1.0, 1.0, 2.0], ["g", "g", "g"])
    >>> a is b, a == {"x": 1.0, "y": "g"}, c
    (True, True, {'x': 2.0, 'y': 'g'})
    """
    made: dict[tuple, dict] = {}
    found = []
    for row in zip(*columns):
        key = tuple(map(id, row))
        data = made.get(key)
        if data is None:
            data = made[key] = dict(zip(keys, row))
        found.append(data)
    return found


def rounded_weights(weight: np.ndarray) -> list:
    """``round(w, 9)`` of every weight, one float object per distinct value (few: sums of ``1/(n-1)`` and ties).

    >>> rounded_weights(np.array([1 / 3, 1.0, 1 / 3]))
    [0.333333333, 1.0, 0.333333333]
    """
    distinct, inverse = np.unique(weight.view(np.int64), return_inverse=True)  # bit patterns: -0.0 is not 0.0
    return np.fromiter((round(w, 9) for w in distinct.view(float).tolist()), object, len(distinct))[inverse].tolist()


def build_actor_graph(dataset) -> nx.Graph:
    """The actor graph of a :class:`~collabnet.dataset.Dataset` on its analysis date."""
    G = build_graph(dataset.actors, dataset.memberships, dataset.ties, at=dataset.at)
    G.graph.update(
        dataset=dataset.name,
        analysis_date=dataset.at.isoformat(),
        sector_names={lang: dataset.sector_names(lang) for lang in ("nl", "fr", "en")},
        zone_names={lang: {z: dataset.zone_name(z, lang) for z in [*dataset.zone_codes, "region"]}
                    for lang in ("nl", "fr", "en")},
        families=dict(zip(dataset.sectors["code"], dataset.sectors["family"])),
    )
    return G

"""The organisation graph: organisations act through their people (outputs.md, "Organisations act through their people").

Coordinators judge organisations, and an organisation takes part through its
staff: a CPAS whose social coordinator sits in three working groups is not
isolated. :func:`organisation_graph` folds the actor graph:

- one node per organisation, and one per person without an organisation (an
  independent GP, a volunteer); a person with an organisation is folded into it;
- an edge links two such nodes when any of their actors are linked in the
  actor graph; the affiliation of a person to its own organisation, and links
  between colleagues, disappear inside the organisation;
- each edge remembers **who carries it**: ``carried_by`` maps each end to the
  people of that end whose ties or memberships make the link, and ``itself``
  lists the ends that are linked themselves (an organisation's own tie or
  membership); a link *rests on one person* (:func:`sole_carrier`) when one
  person carries it and the organisation itself does not.

Edge data folds the actor edges' data: ``weight`` and ``ties`` are summed,
``origin``, ``tie_types`` and ``groups`` are the union of theirs. Node data
is the organisation's (or the independent person's) own, plus ``people``: the
persons folded in, sorted; ``H.graph["folded"]`` maps each of them to its
own data in the actor graph (its name, its role).

Examples
--------
>>> import networkx as nx
>>> G = nx.Graph()
>>> G.add_node("cpas", kind="organisation", organisation=None, zone="south")
>>> G.add_node("coord", kind="person", organisation="cpas", zone="south")
>>> G.add_node("gp", kind="person", organisation=None, zone="south")
>>> G.add_edge("cpas", "coord", origin="affiliation", weight=1.0, ties=0, tie_types="", groups=())
>>> G.add_edge("coord", "gp", origin="co_membership", weight=0.5, ties=0, tie_types="", groups=("wg",))
>>> H = organisation_graph(G)
>>> sorted(H), H.nodes["cpas"]["people"], H.edges["cpas", "gp"]["carried_by"]["cpas"]
(['cpas', 'gp'], ('coord',), ('coord',))
>>> carriers(H, "cpas")
('coord',)
"""

from __future__ import annotations

from collections.abc import Hashable
from itertools import chain
from operator import itemgetter

import networkx as nx
import numpy as np

from collabnet.graph import add_edges, add_nodes, adjacency_of, rounded_weights
from collabnet.runtime import collector_paused

__all__ = ["carriers", "carriers_of", "link_carriers", "organisation_graph", "owner_map", "resting_on", "sole_carrier"]


def owner_map(G: nx.Graph) -> dict:
    """Actor -> the node it is folded into: its organisation for a person employed by one, else itself.

    >>> G = nx.Graph(); G.add_node("o", kind="organisation"); G.add_node("p", kind="person", organisation="o")
    >>> owner_map(G)
    {'o': 'o', 'p': 'o'}
    """
    owner = {}
    for v, data in G.nodes(data=True):
        org = data.get("organisation") if data.get("kind") == "person" else None
        owner[v] = org if org is not None and org in G and org != v else v
    return owner


def organisation_graph(G: nx.Graph) -> nx.Graph:
    """The organisation graph of actor graph ``G`` (see the module docstring); ``G`` is not changed."""
    with collector_paused():
        return _fold(G)


def _fold(G: nx.Graph) -> nx.Graph:
    owner = owner_map(G)
    H = nx.Graph()
    H.graph.update(G.graph)
    people: dict = {}
    for v, o in owner.items():
        if o != v:
            people.setdefault(o, []).append(v)
    # The folded persons' own data (names for the people who carry links; not nodes here).
    H.graph["folded"] = {v: G.nodes[v] for v, o in owner.items() if o != v}
    kept = [v for v in G if owner[v] == v]
    add_nodes(H, kept, [{**G.nodes[v], "people": tuple(sorted(people.get(v, ()), key=str))} for v in kept])
    nodes = list(G)
    low, high, data = _folded_edges(G, nodes, owner)
    add_edges(H, nodes, low, high, data)
    return H


def _folded_edges(G: nx.Graph, nodes: list, owner: dict) -> tuple[np.ndarray, np.ndarray, list]:
    """The organisation graph's edges: the positions in ``nodes`` (``G``'s order) of their ends ``u`` < ``v``,
    sorted, and their data.

    Each actor edge is read once (from the end that comes first in ``G``) and
    folded onto its owners' pair with numpy: the pair's contributions are
    sorted by pair (stably, so weights add up in the graph's order) and reduced
    per pair. A pair of one contribution takes its values as they are; only the
    pairs of several contributions with tie types or groups are merged in Python.
    """
    n = len(nodes)
    code = {v: i for i, v in enumerate(nodes)}
    own = np.fromiter((code[owner[v]] for v in nodes), np.int64, n)
    adjacency = adjacency_of(G)
    around = [adjacency[v] for v in nodes]
    degree = np.fromiter(map(len, around), np.int64, n)
    other = np.fromiter(map(code.__getitem__, chain.from_iterable(around)), np.int64, int(degree.sum()))
    end = np.repeat(np.arange(n, dtype=np.int64), degree)
    # Read from the first end; inside one organisation (an affiliation, or colleagues) nothing is folded.
    keep = np.flatnonzero((other > end) & (own[end] != own[other]))
    u, v = end[keep], other[keep]
    ou, ov = own[u], own[v]
    swap = ou > ov
    low_owner, high_owner = np.where(swap, ov, ou), np.where(swap, ou, ov)
    low, high = np.where(swap, v, u), np.where(swap, u, v)  # the actor at each end
    order = np.argsort(low_owner * n + high_owner, kind="stable")
    low_owner, high_owner, low, high = low_owner[order], high_owner[order], low[order], high[order]
    if not len(order):
        return low_owner, high_owner, []
    data = np.fromiter(chain.from_iterable(d.values() for d in around), object, len(end))
    data = data[keep[order]].tolist()
    del around, end, other, keep, order
    starts = np.flatnonzero(np.concatenate([[True], (low_owner[1:] != low_owner[:-1]) |
                                            (high_owner[1:] != high_owner[:-1])]))
    pair_of = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(data))))
    weight = np.add.reduceat(np.array(_values(data, "weight", 1.0), dtype=float), starts)
    ties = np.add.reduceat(np.array([t or 0 for t in _values(data, "ties", 0)], dtype=np.int64), starts)
    itself = np.zeros(len(starts), dtype=np.int64)
    np.bitwise_or.at(itself, pair_of, (low == low_owner) * 1 | (high == high_owner) * 2)
    origin = _origins(_values(data, "origin", None), starts)
    types = _merged(_values(data, "tie_types", None), starts, _tie_types, alone=lambda text: _tie_types([text]))
    groups = _merged(_values(data, "groups", None), starts, _groups)
    del data
    low_people = _carriers(nodes, pair_of, low, low_owner, len(starts))
    high_people = _carriers(nodes, pair_of, high, high_owner, len(starts))
    low_owner, high_owner = low_owner[starts], high_owner[starts]
    names = np.fromiter(nodes, object, n)
    empty: tuple = ()
    return low_owner, high_owner, [
        {"weight": w, "origin": o, "ties": t, "tie_types": k, "groups": g, "carried_by": {x: cx, y: cy},
         "itself": (x, y) if s == 3 else (x,) if s == 1 else (y,) if s == 2 else empty}
        for x, y, w, o, t, k, g, cx, cy, s in zip(
            names[low_owner].tolist(), names[high_owner].tolist(), rounded_weights(weight), origin, ties.tolist(),
            types, groups, low_people, high_people, itself.tolist())]


def _parts(text) -> tuple:
    """The names of an ``origin`` or ``tie_types`` text, ``affiliation`` left out (it stays inside organisations)."""
    return tuple(p for p in str(text).split("|") if p and p != "affiliation")


def _values(data: list, key: str, default) -> list:
    """``d.get(key, default)`` of every edge's data ``d``, at C speed when all have ``key`` (the actor graph's do)."""
    try:
        return list(map(itemgetter(key), data))
    except KeyError:
        return [d.get(key, default) for d in data]


def _factorised(values: list) -> tuple[np.ndarray, list]:
    """The position of each value among the distinct ones (in order of first appearance), and those.

    >>> _factorised(["tie", "co_membership", "tie"])
    (array([0, 1, 0]), ['tie', 'co_membership'])
    """
    distinct = list(dict.fromkeys(values))
    position = {v: i for i, v in enumerate(distinct)}
    return np.fromiter(map(position.__getitem__, values), np.int64, len(values)), distinct


def _origins(origins: list, starts: np.ndarray) -> list:
    """Per pair, the union of its contributions' origins (as bits, or-ed per pair: a handful of names)."""
    index, texts = _factorised(origins)
    names: dict = {}
    bits = np.array([sum(1 << names.setdefault(o, len(names)) for o in _parts(text or "")) for text in texts],
                    dtype=np.int64)
    found = np.bitwise_or.reduceat(bits[index], starts)
    by_bit = sorted(names, key=names.get)
    text = {m: "|".join(sorted(by_bit[k] for k in range(len(by_bit)) if m >> k & 1)) for m in np.unique(found).tolist()}
    return [text[m] for m in found.tolist()]


def _tie_types(values: list):
    """The tie types of several contributions (or one), joined in order; ``""`` when none."""
    return "|".join(sorted({p for text in values for p in _parts(text)}))


def _groups(values: list) -> tuple:
    """The groups of one contribution as they are (one shared tuple), of several sorted; ``()`` when none."""
    return values[0] if len(values) == 1 else tuple(sorted(set().union(*values), key=str))


def _merged(values: list, starts: np.ndarray, merge, alone=None) -> list:
    """Per pair, ``merge`` of its contributions' non-empty ``values`` (``merge([])`` when none has one).

    A pair with one such contribution takes it as it is, or ``alone`` of it (computed once per distinct value).
    """
    has = np.fromiter(map(bool, values), bool, len(values))
    count = np.add.reduceat(has.astype(np.int64), starts)
    where = np.flatnonzero(has)
    first = where[np.searchsorted(where, starts[count > 0])]
    chosen = np.fromiter(map(values.__getitem__, first.tolist()), object, len(first))
    if alone is not None:
        index, distinct = _factorised(chosen.tolist())
        chosen = np.fromiter(map(alone, distinct), object, len(distinct))[index]
    found = np.empty(len(starts), dtype=object)
    found.fill(merge([]))
    found[count > 0] = chosen
    stops = np.append(starts[1:], len(values))
    for p, a, b in zip(*(x[count > 1].tolist() for x in (np.arange(len(starts)), starts, stops))):
        found[p] = merge([x for x in values[a:b] if x])
    return found.tolist()


def _carriers(nodes: list, pair_of: np.ndarray, actors: np.ndarray, owners: np.ndarray, n: int) -> list:
    """Per pair, the distinct people at one end (actors that are not their owner), sorted by id.

    A lone carrier's tuple is one object per person (a person carries many links).
    """
    found = np.empty(n, dtype=object)
    found.fill(())
    mask = actors != owners
    key = np.sort(pair_of[mask] * len(nodes) + actors[mask])
    if not len(key):
        return found.tolist()  # nobody's people carry a link: organisations linked themselves only
    key = key[np.concatenate([[True], key[1:] != key[:-1]])]
    pairs, people = np.divmod(key, len(nodes))
    starts = np.flatnonzero(np.concatenate([[True], pairs[1:] != pairs[:-1]]))
    count = np.diff(np.append(starts, len(key)))
    lone = starts[count == 1]
    persons, inverse = np.unique(people[lone], return_inverse=True)
    found[pairs[lone]] = np.fromiter(((nodes[x],) for x in persons.tolist()), object, len(persons))[inverse]
    for p, a, c in zip(pairs[starts[count > 1]].tolist(), starts[count > 1].tolist(), count[count > 1].tolist()):
        found[p] = tuple(sorted((nodes[x] for x in people[a:a + c].tolist()), key=str))
    return found.tolist()


def link_carriers(H: nx.Graph, v: Hashable, w: Hashable) -> tuple:
    """The people of ``v`` who carry its link to ``w`` (empty: ``v`` itself is linked, or ``v`` is no organisation).

    >>> H = nx.Graph(); H.add_edge("a", "b", carried_by={"a": ("p",), "b": ()})
    >>> link_carriers(H, "a", "b"), link_carriers(H, "b", "a")
    (('p',), ())
    """
    return _carried(H[v][w], v)


def _carried(data: dict, v: Hashable) -> tuple:
    """The people of ``v`` in the ``carried_by`` attribute of one of its links' data."""
    return tuple((data.get("carried_by") or {}).get(v, ()))


def carriers(H: nx.Graph, v: Hashable) -> tuple:
    """The people of ``v`` whose ties or memberships make its outside links (the ``carried_by`` column).

    Sorted ids; empty when only the organisation itself is linked, and for a node of the actor graph.
    """
    found: set = set()
    for data in H[v].values():
        found.update(_carried(data, v))
    return tuple(sorted(found, key=str))


def carriers_of(H: nx.Graph) -> dict:
    """:func:`carriers` of every node at once, in graph order (one pass over the links); nodes with none are left out.

    >>> H = nx.Graph(); H.add_edge("a", "b", carried_by={"a": ("q", "p"), "b": ()}); H.add_edge("a", "c")
    >>> carriers_of(H)
    {'a': ('p', 'q')}
    """
    found: dict = {}
    for v, around in adjacency_of(H).items():
        people: set = set()
        for data in around.values():
            carried = data.get("carried_by")
            if carried and carried.get(v):
                people.update(carried[v])
        if people:
            found[v] = tuple(sorted(people, key=str))
    return found


def sole_carrier(H: nx.Graph, v: Hashable, w: Hashable) -> Hashable | None:
    """The one person of ``v`` on whom its link to ``w`` rests, or None (several people, or ``v`` itself).

    >>> H = nx.Graph(); H.add_edge("a", "b", carried_by={"a": ("p",), "b": ("q", "r")}, itself=())
    >>> sole_carrier(H, "a", "b"), sole_carrier(H, "b", "a")
    ('p', None)
    """
    return _sole_carrier(H.edges[v, w], v)


def _sole_carrier(data: dict, v: Hashable) -> Hashable | None:
    """:func:`sole_carrier` on the link's data."""
    people = (data.get("carried_by") or {}).get(v, ())
    if len(people) != 1 or v in (data.get("itself") or ()):
        return None
    return people[0]


def resting_on(H: nx.Graph, v: Hashable) -> dict:
    """Person -> the partners of ``v`` whose link to it rests on that person alone (partners in graph order).

    >>> H = nx.Graph()
    >>> H.add_edge("cpas", "gp", carried_by={"cpas": ("coord",), "gp": ()}, itself=("gp",))
    >>> H.add_edge("cpas", "net", carried_by={"cpas": ("coord", "clerk"), "net": ()}, itself=("net",))
    >>> resting_on(H, "cpas")
    {'coord': ('gp',)}
    """
    found: dict = {}
    for w, data in adjacency_of(H)[v].items():
        person = _sole_carrier(data, v)
        if person is not None:
            found.setdefault(person, []).append(w)
    return {person: tuple(partners) for person, partners in sorted(found.items(), key=lambda item: str(item[0]))}

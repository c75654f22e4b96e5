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

import networkx as nx
import numpy as np

from collabnet.graph import add_edges, adjacency_of
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
    H.add_nodes_from((v, {**data, "people": tuple(sorted(people.get(v, ()), key=str))})
                     for v, data in G.nodes(data=True) if owner[v] == v)
    edges = _folded_edges(G, owner)
    add_edges(H, edges)
    return H


def _folded_edges(G: nx.Graph, owner: dict) -> list:
    """The organisation graph's edges ``(u, v, data)``, sorted by the positions of ``u`` < ``v`` in ``G``.

    Each actor edge is read once (from the end that comes first in ``G``) and
    folded onto its owners' pair with numpy: the pair's contributions are
    sorted by pair (stably, so weights add up in the graph's order) and reduced
    per pair; only what needs Python objects (groups, tie types, carriers) is
    gathered per contribution.
    """
    nodes = list(G)
    code = {v: i for i, v in enumerate(nodes)}
    own = np.array([code[owner[v]] for v in nodes], dtype=np.int64)
    us, vs, datas = [], [], []
    for u, around in adjacency_of(G).items():
        iu = code[u]
        for v, data in around.items():
            iv = code[v]
            if iv > iu:
                us.append(iu)
                vs.append(iv)
                datas.append(data)
    u, v = np.array(us, dtype=np.int64), np.array(vs, dtype=np.int64)
    ou, ov = own[u], own[v]
    keep = np.flatnonzero(ou != ov)  # inside one organisation: an affiliation, or colleagues
    ou, ov, u, v = ou[keep], ov[keep], u[keep], v[keep]
    swap = ou > ov
    low_owner, high_owner = np.where(swap, ov, ou), np.where(swap, ou, ov)
    low, high = np.where(swap, v, u), np.where(swap, u, v)  # the actor at each end
    order = np.argsort(low_owner * len(nodes) + high_owner, kind="stable")
    keep, low_owner, high_owner, low, high = keep[order], low_owner[order], high_owner[order], low[order], high[order]
    if not len(keep):
        return []
    starts = np.flatnonzero(np.concatenate([[True], (low_owner[1:] != low_owner[:-1]) |
                                            (high_owner[1:] != high_owner[:-1])]))
    pair_of = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(keep))))
    data = [datas[i] for i in keep.tolist()]
    weight = np.add.reduceat(np.array([d.get("weight", 1.0) for d in data], dtype=float), starts)
    ties = np.add.reduceat(np.array([d.get("ties", 0) or 0 for d in data], dtype=np.int64), starts)
    words: dict = {}  # "co_membership|tie" -> its parts (a handful of distinct values)

    def parts(text) -> tuple:
        found = words.get(text)
        if found is None:
            found = words[text] = tuple(p for p in str(text).split("|") if p and p != "affiliation")
        return found

    n = len(starts)
    # Origins as bits, or-ed per pair (a handful of names; no set per pair: memory follows the edges).
    names: dict = {}
    bits = np.array([sum(1 << names.setdefault(o, len(names)) for o in parts(d.get("origin") or ""))
                     for d in data], dtype=np.int64)
    origin_bits = np.bitwise_or.reduceat(bits, starts)
    by_bit = sorted(names, key=names.get)
    origin_text = {m: "|".join(sorted(by_bit[k] for k in range(len(by_bit)) if m >> k & 1))
                   for m in np.unique(origin_bits).tolist()}
    itself = np.zeros(n, dtype=np.int64)
    np.bitwise_or.at(itself, pair_of, (low == low_owner) * 1 | (high == high_owner) * 2)
    # Tie types and groups: kept per pair only where a contribution has some; a lone contribution's
    # groups tuple is shared as it is (one object for all the edges of one group set).
    types: dict = {}
    groups: dict = {}
    for d, p in zip(data, pair_of.tolist()):
        if d.get("tie_types"):
            types.setdefault(p, set()).update(parts(d["tie_types"]))
        found = d.get("groups")
        if found:
            groups[p] = found if p not in groups else tuple(sorted(set(groups[p]) | set(found), key=str))
    del data
    # Carriers: the distinct people of each end, per pair, sorted by id (the graph's order is by id).
    sort_ids = [str(v) for v in nodes]

    def carriers_of(actors: np.ndarray, owners: np.ndarray) -> list:
        found: list = [()] * n
        mask = actors != owners
        key = np.unique(pair_of[mask] * len(nodes) + actors[mask])
        if not len(key):
            return found  # nobody's people carry a link: organisations linked themselves only
        pairs, people = np.divmod(key, len(nodes))
        bounds = np.flatnonzero(np.concatenate([[True], pairs[1:] != pairs[:-1], [True]]))
        people = people.tolist()
        for i, j in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
            group = people[i:j]
            found[int(pairs[i])] = ((nodes[group[0]],) if len(group) == 1 else
                                    tuple(sorted((nodes[x] for x in group), key=lambda v: sort_ids[code[v]])))
        return found

    low_people, high_people = carriers_of(low, low_owner), carriers_of(high, high_owner)
    empty: tuple = ()
    edges = []
    for p, (start, w, t, m, own) in enumerate(zip(starts.tolist(), weight.tolist(), ties.tolist(),
                                                  origin_bits.tolist(), itself.tolist())):
        x, y = nodes[int(low_owner[start])], nodes[int(high_owner[start])]
        found = types.get(p)
        edges.append((x, y, {
            "weight": round(w, 9), "origin": origin_text[m], "ties": t,
            "tie_types": "|".join(sorted(found)) if found else "", "groups": groups.get(p, empty),
            "carried_by": {x: low_people[p], y: high_people[p]},
            "itself": (x, y) if own == 3 else (x,) if own == 1 else (y,) if own == 2 else empty}))
    return edges


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
    """:func:`carriers` of every node at once (one pass over the links); nodes with none are left out.

    >>> H = nx.Graph(); H.add_edge("a", "b", carried_by={"a": ("q", "p"), "b": ()}); H.add_edge("a", "c")
    >>> carriers_of(H)
    {'a': ('p', 'q')}
    """
    found: dict = {}
    for v, w, data in H.edges(data="carried_by"):
        if data:
            for end in (v, w):
                if data.get(end):
                    found.setdefault(end, set()).update(data[end])
    return {v: tuple(sorted(people, key=str)) for v, people in found.items()}


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

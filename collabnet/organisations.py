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

from collabnet.graph import adjacency_of
from collabnet.runtime import collector_paused

__all__ = ["carriers", "link_carriers", "organisation_graph", "owner_map", "resting_on", "sole_carrier"]


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
    H.graph["level"] = "organisations"
    people: dict = {}
    for v, o in owner.items():
        if o != v:
            people.setdefault(o, []).append(v)
    # The folded persons' own data (names for the people who carry links; not nodes here).
    H.graph["folded"] = {v: G.nodes[v] for v, o in owner.items() if o != v}
    H.add_nodes_from((v, {**data, "people": tuple(sorted(people.get(v, ()), key=str))})
                     for v, data in G.nodes(data=True) if owner[v] == v)
    folded: dict = {}  # (a, b) with a < b by insertion -> [weight, ties, origins, tie types, groups, {end: people}]
    adjacency = adjacency_of(G)
    for u, around in adjacency.items():
        ou = owner[u]
        for v, data in around.items():
            ov = owner[v]
            if ou == ov or not _first(u, v):
                continue  # inside one organisation; or the second meeting of this actor edge
            key = (ov, ou) if (ov, ou) in folded else (ou, ov)
            entry = folded.get(key)
            if entry is None:
                entry = folded[key] = [0.0, 0, set(), set(), [], {ou: set(), ov: set()}, set()]
            entry[0] += data.get("weight", 1.0)
            entry[1] += data.get("ties", 0) or 0
            entry[2].update(o for o in str(data.get("origin") or "").split("|") if o and o != "affiliation")
            entry[3].update(t for t in str(data.get("tie_types") or "").split("|") if t)
            entry[4].extend(g for g in data.get("groups") or () if g not in entry[4])
            for actor, end in ((u, ou), (v, ov)):
                if actor != end:
                    entry[5][end].add(actor)
                else:
                    entry[6].add(end)  # the organisation (or independent person) is linked itself
    out = H._adj  # the builder's way (collabnet.graph): plain dicts, same insertion order every run
    for (a, b), (weight, ties, origins, types, groups, carried, itself) in folded.items():
        data = {"weight": round(weight, 9), "origin": "|".join(sorted(origins)), "ties": ties,
                "tie_types": "|".join(sorted(types)), "groups": tuple(sorted(groups, key=str)),
                "carried_by": {end: tuple(sorted(carried[end], key=str)) for end in (a, b)},
                "itself": tuple(end for end in (a, b) if end in itself)}
        out[a][b] = out[b][a] = data
    return H


def _first(u: Hashable, v: Hashable) -> bool:
    """Each undirected actor edge is met twice in the adjacency: keep the meeting with ``u`` first by id."""
    return (str(u), repr(u)) < (str(v), repr(v))


def link_carriers(H: nx.Graph, v: Hashable, w: Hashable) -> tuple:
    """The people of ``v`` who carry its link to ``w`` (empty: ``v`` itself is linked, or ``v`` is no organisation).

    >>> H = nx.Graph(); H.add_edge("a", "b", carried_by={"a": ("p",), "b": ()})
    >>> link_carriers(H, "a", "b"), link_carriers(H, "b", "a")
    (('p',), ())
    """
    return tuple((H.edges[v, w].get("carried_by") or {}).get(v, ()))


def carriers(H: nx.Graph, v: Hashable) -> tuple:
    """The people of ``v`` whose ties or memberships make its outside links (the ``carried_by`` column).

    Sorted ids; empty when only the organisation itself is linked, and for a node of the actor graph.
    """
    found: set = set()
    for w in H[v]:
        found.update(link_carriers(H, v, w))
    return tuple(sorted(found, key=str))


def sole_carrier(H: nx.Graph, v: Hashable, w: Hashable) -> Hashable | None:
    """The one person of ``v`` on whom its link to ``w`` rests, or None (several people, or ``v`` itself).

    >>> H = nx.Graph(); H.add_edge("a", "b", carried_by={"a": ("p",), "b": ("q", "r")}, itself=())
    >>> sole_carrier(H, "a", "b"), sole_carrier(H, "b", "a")
    ('p', None)
    """
    data = H.edges[v, w]
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
    for w in H[v]:
        person = sole_carrier(H, v, w)
        if person is not None:
            found.setdefault(person, []).append(w)
    return {person: tuple(partners) for person, partners in sorted(found.items(), key=lambda item: str(item[0]))}

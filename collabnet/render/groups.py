"""What a view groups, ranks and keeps for later: communities, kinds of link, label order, people.

These are presentation choices made before the page is written, all
deterministic:

- :func:`communities`: a big view opens as groups of actors that work
  together (Louvain communities of the drawn links, seed 42), one node each,
  opened by a click;
- :func:`cross_kinds`: whether a link joins two sectors, two lines of care or
  two language networks (what the workshop looks for); the other links are
  shown on demand;
- :func:`importance`: the order in which labels are placed (betweenness, then
  links, then page order), so that the bridges are named first;
- :func:`people_of`: the people of each organisation of a zone view and their
  own links, for the page to unfold an organisation on click.

>>> communities(4, [(0, 1), (2, 3)], [1.0, 1.0], above=10)
[-1, -1, -1, -1]
>>> cross_kinds([("gp", "1", "fr"), ("cpas", "1", "nl"), ("gp", "2", "fr")], [(0, 1), (0, 2)])
[5, 2]
>>> importance([0.5, 0.0, 0.9], [(0, 1)])
[1, 2, 0]
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

import networkx as nx

from collabnet.graph import adjacency_of
from collabnet.render.louvain import louvain

__all__ = ["CLUSTER_ABOVE", "LOUVAIN_MAX_EDGES", "CROSS_LANGUAGE", "CROSS_LINE", "CROSS_SECTOR", "communities", "cross_kinds",
           "importance", "people_of"]

#: Views with more nodes than this open as groups (communities).
CLUSTER_ABOVE = 300
#: Views with more links than this group their nodes by zone and main sector, not by Louvain communities.
LOUVAIN_MAX_EDGES = 200_000
#: Bits of :func:`cross_kinds`.
CROSS_SECTOR, CROSS_LINE, CROSS_LANGUAGE = 1, 2, 4
# A community smaller than this stays as its actors.
_SMALLEST = 3


def communities(n: int, edges: Sequence[tuple[int, int]], weights: Sequence[float], *, seed: int = 42,
                above: int = CLUSTER_ABOVE, keys: Sequence[Hashable] | None = None,
                most_edges: int = LOUVAIN_MAX_EDGES) -> list[int]:
    """The group of each node 0..n-1 (-1: in no group), when there are more than ``above`` nodes.

    Groups are the Louvain communities (Blondel et al. 2008, ``seed``; networkx's, computed by
    :func:`collabnet.render.louvain.louvain`)
    of the graph of ``edges`` with ``weights``, of at least three nodes,
    numbered largest first (then by their first node). The graph is built in
    node order, so that the same edges always give the same groups. Above
    ``most_edges`` links (a region of tens of thousands of organisations, where
    Louvain would cost minutes and gigabytes) the nodes with the same ``keys``
    (the view passes zone and main sector) form the groups instead.

    >>> communities(5, [(0, 1)] * 3, [1.0] * 3, above=2, keys="aaabb", most_edges=2)
    [0, 0, 0, -1, -1]
    """
    if n <= above:
        return [-1] * n
    if keys is not None and len(edges) > most_edges:
        by_key: dict = {}
        for v, key in enumerate(keys):
            by_key.setdefault(key, []).append(v)
        found = sorted((c for c in by_key.values() if len(c) >= _SMALLEST), key=lambda c: (-len(c), c[0]))
        group = [-1] * n
        for k, members in enumerate(found):
            for v in members:
                group[v] = k
        return group
    links = sorted((min(a, b), max(a, b), float(w)) for (a, b), w in zip(edges, weights) if a != b)
    found = [sorted(c) for c in louvain(n, links, seed=seed)]  # networkx's louvain_communities, on arrays
    found = sorted((c for c in found if len(c) >= _SMALLEST), key=lambda c: (-len(c), c[0]))
    group = [-1] * n
    for k, members in enumerate(found):
        for v in members:
            group[v] = k
    return group


def cross_kinds(facts: Sequence[tuple[str, str, str]], edges: Sequence[tuple[int, int]]) -> list[int]:
    """Per edge, which divides it crosses: sector 1 + line 2 + language 4 (0: a link within all three).

    ``facts``: (main sector, line, language) of each node. A line or a
    language that is missing crosses nothing; a bilingual actor crosses no
    language divide.
    """
    kinds = []
    for a, b in edges:
        (sa, la, ga), (sb, lb, gb) = facts[a], facts[b]
        bits = CROSS_SECTOR if sa != sb else 0
        if la != lb and "none" not in (la, lb):
            bits |= CROSS_LINE
        if ga != gb and ga in ("nl", "fr") and gb in ("nl", "fr"):
            bits |= CROSS_LANGUAGE
        kinds.append(bits)
    return kinds


def importance(scores: Sequence[float], edges: Sequence[tuple[int, int]]) -> list[int]:
    """The label rank of each node (0 = labelled first): highest score, then most links, then page order."""
    degree = [0] * len(scores)
    for a, b in edges:
        degree[a] += 1
        degree[b] += 1
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], -degree[i], i))
    rank = [0] * len(scores)
    for position, i in enumerate(order):
        rank[i] = position
    return rank


def people_of(H: nx.Graph, actors: nx.Graph, shown: Sequence[Hashable], tooltip: Callable[[Hashable], str],
              style: Callable[[Mapping[str, Any]], str]) -> dict[str, list]:
    """Organisation id -> its people ``[id, name, tooltip, links]`` for the organisations ``shown``.

    ``H`` is the organisation graph (``H.nodes[o]["people"]``), ``actors`` the
    actor graph it folds. A person's links are ``[actor, drawn as, style]``:
    the actor at the other end, the node of the view it is folded into (its
    organisation, or itself), and the link style (``tie``, ``co_membership``);
    links to actors outside the view and the person's own affiliation are left
    out. Ids are strings, as on the page.
    """
    in_view = {v: str(v) for v in shown}
    orgs = adjacency_of(H)  # plain dicts: a membership test per person's partner, millions per region
    owner = {}
    for v, data in (H.graph.get("folded") or {}).items():
        org = data.get("organisation")
        owner[v] = org if org in orgs else v
    adjacency, people_data, org_data = adjacency_of(actors), actors.nodes, H.nodes
    found: dict[str, list] = {}
    for org in shown:
        people = org_data[org].get("people") or ()
        rows = []
        for person in people:
            partners = adjacency.get(person)
            if partners is None:
                continue
            links = []
            for other, data in sorted(partners.items(), key=_by_name):
                drawn = owner.get(other, other)
                if other == org or drawn not in in_view:
                    continue
                links.append([str(other), in_view[drawn], style(data)])
            name = people_data[person].get("name", person)
            rows.append([str(person), "" if name is None else str(name), tooltip(person), links])
        if rows:
            found[in_view[org]] = rows
    return found


def _by_name(item: tuple) -> str:
    return str(item[0])

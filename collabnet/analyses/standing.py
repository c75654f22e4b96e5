"""An actor's standing: its partners outside its own organisation, as far as isolation depends on them.

The one home of the isolation rules. :func:`collabnet.analyses.isolation.isolated_actors`
(isolated.csv) and the planners (:mod:`collabnet.planning`: what a new tie or a
departure does to an actor) all decide an actor's isolation reasons here,
from its *standing*: how many distinct partners it has outside its own
organisation (:func:`outside_partners`), whether one of them has another main
sector, and whether one of them is on the other care line (first <-> second).
The reasons follow from the standing alone (:func:`reasons`).

"Outside its own organisation": for a person, its own organisation and its
colleagues do not count; for an organisation, its own staff do not count.

Reasons, in :data:`collabnet.codes.REASONS` order:

``no_ties``
    no partner outside its own organisation (the only reason such an actor gets);
``intra_sector_only``
    all its outside partners share its main sector;
``no_cross_line``
    a first-line actor with outside partners but none on the second line, or a
    second-line actor with none on the first line;
``single_tie``
    exactly one outside partner.

Examples
--------
>>> import networkx as nx
>>> G = nx.Graph([("gp", "cpas")])
>>> nx.set_node_attributes(G, {"gp": "medical", "cpas": "social_assistance"}, "sector")
>>> nx.set_node_attributes(G, {"gp": 1, "cpas": 1}, "line")
>>> s = standing(G, "gp")
>>> s, reasons(1, s)
(Standing(partners=1, other_sector=True, cross_line=False), ('no_cross_line', 'single_tie'))
>>> reasons(1, with_partner(s, "medical", 1, "medical", 2))
()
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

import networkx as nx
import numpy as np

from collabnet.analyses.gaps import actor_line
from collabnet.graph import adjacency_of, neighbour_numbers, org_of

__all__ = ["CROSS_LINE", "PERIPHERAL", "PERIPHERAL_DEGREE", "Everyone", "Standing", "isolation_score",
           "outside_partners", "reasons", "standing", "standings_of", "with_partner"]

#: Not isolated but thinly linked: at most this many partners outside its own organisation.
PERIPHERAL = "peripheral"
PERIPHERAL_DEGREE = 2
#: The other care line of a first- or second-line actor.
CROSS_LINE = {1: 2, 2: 1}
_OTHER_LINE = CROSS_LINE


def outside_partners(G: nx.Graph, v: Hashable) -> list:
    """The neighbours of ``v`` outside its own organisation, in the graph's order.

    >>> G = nx.Graph([("cpas", "worker"), ("worker", "gp")])
    >>> G.nodes["worker"].update(kind="person", organisation="cpas")
    >>> G.nodes["cpas"]["kind"] = "organisation"
    >>> outside_partners(G, "worker"), outside_partners(G, "cpas")
    (['gp'], [])
    """
    own = org_of(G, v)
    if own is None:
        return [w for w in G.adj[v] if w != v]
    return [w for w in G.adj[v] if w != v and org_of(G, w) != own]


@dataclass(frozen=True)
class Standing:
    """An actor's partners outside its own organisation, as far as isolation needs them.

    Attributes
    ----------
    partners : int
        Distinct neighbours outside its own organisation, counted up to
        ``PERIPHERAL_DEGREE + 1``.
    other_sector : bool
        One of them has a main sector other than the actor's.
    cross_line : bool
        One of them is on the other care line (2 for a first-line actor, 1 for a
        second-line actor).
    """

    partners: int
    other_sector: bool
    cross_line: bool



def standing(G: nx.Graph, v: Hashable, extra: Iterable = ()) -> Standing:
    """The standing of ``v`` in ``G``, plus new partners ``extra`` (outside its organisation)."""
    nodes = G.nodes
    sector, line = nodes[v].get("sector"), actor_line(G, v)
    own = org_of(G, v)
    result = Standing(0, False, False)
    for w in G[v]:
        if own is not None and org_of(G, w) == own:
            continue
        result = with_partner(result, sector, line, nodes[w].get("sector"), actor_line(G, w))
        if result.partners > PERIPHERAL_DEGREE and result.other_sector and (result.cross_line or
                                                                              line not in _OTHER_LINE):
            break  # nothing more can change: hubs cost no more than peripheral actors
    for w in extra:
        result = with_partner(result, sector, line, nodes[w].get("sector"), actor_line(G, w))
    return result


def standings_of(G: nx.Graph, actors: Iterable) -> dict:
    """Actor -> :func:`standing` in ``G``, for many actors: each node's organisation, sector and line is
    looked up once, however many actors it is a partner of.

    >>> G = nx.Graph([("gp", "cpas"), ("gp", "nurse")])
    >>> nx.set_node_attributes(G, {"gp": "medical", "cpas": "social_assistance", "nurse": "medical"}, "sector")
    >>> standings_of(G, ["gp", "nurse"]) == {v: standing(G, v) for v in ["gp", "nurse"]}
    True
    """
    nodes, adjacency = G.nodes, adjacency_of(G)
    facts: dict = {}

    def fact(v: Hashable) -> tuple:
        found = facts.get(v)
        if found is None:
            found = facts[v] = (org_of(G, v), nodes[v].get("sector"), actor_line(G, v))
        return found

    result = {}
    for v in actors:
        own, sector, line = fact(v)
        wanted = _OTHER_LINE.get(line)  # the other care line, for a first- or second-line actor
        partners, other_sector, cross_line = 0, False, False
        for w in adjacency[v]:  # as standing(): the same partners in the same order, the same early stop
            org, partner_sector, partner_line = fact(w)
            if own is not None and org == own:
                continue
            partners = min(partners + 1, PERIPHERAL_DEGREE + 1)
            other_sector = other_sector or partner_sector != sector or sector is None
            cross_line = cross_line or (wanted is not None and partner_line == wanted)
            if partners > PERIPHERAL_DEGREE and other_sector and (cross_line or wanted is None):
                break
        result[v] = Standing(partners, other_sector, cross_line)
    return result


class Everyone:
    """Every actor's partners outside its own organisation and its standing, for the whole graph at once.

    The rules of :func:`outside_partners` and :func:`with_partner` on arrays
    (the graph read once), for isolated.csv, which examines every actor. Actor
    ``i`` is the ``i``-th node of ``G``; the care line is the node's ``line``
    attribute as it is (as isolated.csv reads it).

    >>> G = nx.Graph([("cpas", "worker"), ("worker", "gp"), ("gp", "nurse")])
    >>> G.nodes["worker"].update(kind="person", organisation="cpas", sector="social_assistance", line=1)
    >>> G.nodes["cpas"].update(kind="organisation", sector="social_assistance", line=1)
    >>> nx.set_node_attributes(G, {"gp": "medical", "nurse": "medical"}, "sector")
    >>> nx.set_node_attributes(G, {"gp": 1, "nurse": 2}, "line")
    >>> everyone = Everyone(G)
    >>> [(v, everyone.partners(i), everyone.standing(i)) for i, v in enumerate(G) if v != "nurse"]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('cpas', [], Standing(partners=0, other_sector=False, cross_line=False)),
     ('worker', ['gp'], Standing(partners=1, other_sector=True, cross_line=False)),
     ('gp', ['worker', 'nurse'], Standing(partners=2, other_sector=True, cross_line=True))]
    >>> all(everyone.standing(i) == standing(G, v) for i, v in enumerate(G))
    True
    """

    def __init__(self, G: nx.Graph):
        self.nodes = list(G)
        n = len(self.nodes)
        indptr, indices = neighbour_numbers(G, {v: i for i, v in enumerate(self.nodes)})
        row = np.repeat(np.arange(n), np.diff(indptr))
        data = G.nodes
        org = _codes([org_of(G, v) for v in self.nodes], missing=None)
        sectors = [data[v].get("sector") for v in self.nodes]
        sector = _codes(sectors)
        line_of = {}
        line = _codes([data[v].get("line") for v in self.nodes], table=line_of)
        # the code of the other care line of each actor (-2: none, or none present)
        wanted = np.array([line_of.get(_OTHER_LINE[x], -2) if x in _OTHER_LINE else -2 for x in line_of],
                          dtype=np.int64)[line] if n else line
        outside = (indices != row) & ((org[row] < 0) | (org[indices] != org[row]))
        row, indices = row[outside], indices[outside]
        self.count = np.bincount(row, minlength=n)
        self.indptr = np.concatenate([[0], np.cumsum(self.count)])
        self.indices = indices
        no_sector = np.array([x is None for x in sectors], dtype=bool)
        other = no_sector[row] | (sector[indices] != sector[row])
        self.other_sector = np.bincount(row[other], minlength=n) > 0
        self.cross_line = np.bincount(row[line[indices] == wanted[row]], minlength=n) > 0
        self.counted = np.minimum(self.count, PERIPHERAL_DEGREE + 1).tolist()
        self._other, self._cross = self.other_sector.tolist(), self.cross_line.tolist()

    def standing(self, i: int) -> Standing:
        """The standing of actor ``i`` (as :func:`standing`)."""
        return Standing(self.counted[i], self._other[i], self._cross[i])

    def partners(self, i: int) -> list:
        """The partners of actor ``i`` outside its organisation (as :func:`outside_partners`)."""
        nodes = self.nodes
        return [nodes[j] for j in self.indices[self.indptr[i]:self.indptr[i + 1]].tolist()]


def _codes(values: list, missing: object = object(), table: dict | None = None) -> np.ndarray:
    """A number per distinct value (equal values, one number), -1 for ``missing``; ``table``: value -> number."""
    table = {} if table is None else table
    return np.fromiter((-1 if x is missing else table.setdefault(x, len(table)) for x in values), np.int64,
                       len(values))


def with_partner(s: Standing, sector, line, partner_sector, partner_line) -> Standing:
    """The standing once the actor (``sector``, ``line``) has one more partner outside its organisation.

    An actor without a main sector is never "only within its own sector".
    """
    return Standing(min(s.partners + 1, PERIPHERAL_DEGREE + 1),
                    s.other_sector or partner_sector != sector or sector is None,
                    s.cross_line or (line in _OTHER_LINE and partner_line == _OTHER_LINE[line]))


def reasons(line: int | None, s: Standing) -> tuple[str, ...]:
    """The isolation reasons of an actor on ``line`` with standing ``s`` (isolation.py's rules).

    ``no_ties`` excludes the others; ``no_cross_line`` only applies to the first and second line.

    >>> reasons(2, Standing(0, False, False)), reasons(None, Standing(2, False, False))
    (('no_ties',), ('intra_sector_only',))
    """
    if s.partners == 0:
        return ("no_ties",)
    found = []
    if not s.other_sector:
        found.append("intra_sector_only")
    if line in _OTHER_LINE and not s.cross_line:
        found.append("no_cross_line")
    if s.partners == 1:
        found.append("single_tie")
    return tuple(found)


def isolation_score(line: int | None, why: tuple[str, ...]) -> float:
    """Urgency of an isolated actor as actions.csv ranks it: 1, doubled on the first or second line,
    doubled again with no tie at all; 0 when it is not isolated.

    >>> isolation_score(1, ("no_ties",)), isolation_score(None, ("single_tie",)), isolation_score(2, ())
    (4.0, 1.0, 0.0)
    """
    if not why:
        return 0.0
    return 1.0 * (2 if line in _OTHER_LINE else 1) * (2 if "no_ties" in why else 1)

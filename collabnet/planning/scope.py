"""What the three planning tools share: a zone's actors, an actor's standing, a zone's figures.

An actor's standing (its isolation) is :mod:`collabnet.analyses.standing`'s;
the zone figures here follow from the standings, so the planners can tell
what a new tie does to a zone without recomputing the whole graph.
"""

from __future__ import annotations

import difflib
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

import networkx as nx

from collabnet.analyses.gaps import REGION, actor_line, find_gaps, zone_members
from collabnet.analyses.standing import reasons, standing, standings_of, with_partner
from collabnet.errors import CollabnetError, reason

__all__ = ["PlanError", "ZoneFigures", "find_actor", "scope_actors", "zone_figures", "zone_mixing"]


class PlanError(CollabnetError):
    """A plan cannot be made as asked (unknown zone or actor); the message says why."""


@dataclass(frozen=True)
class ZoneFigures:
    """A zone's (or the region's) figures before or after a plan.

    Attributes
    ----------
    zone : str
        Zone code, or ``region`` for the whole graph.
    actors : int
        Actors of the zone.
    isolated : int
        Actors of the zone with at least one isolation reason (the distinct
        actors of isolated.csv for that zone).
    no_ties : int
        Of those, actors with no partner outside their own organisation.
    unlinked_sector_pairs : int
        ``sector_pair`` rows of gaps.csv: two sectors present with no edge between them.
    line_gap, language_gap : bool
        The zone has a ``line_gap`` / ``language_gap`` row in gaps.csv.
    ei : float or None
        E-I index of the zone subgraph by main sector (Krackhardt & Stern 1988);
        None without edges.
    """

    zone: str
    actors: int
    isolated: int
    no_ties: int
    unlinked_sector_pairs: int
    line_gap: bool
    language_gap: bool
    ei: float | None


def scope_actors(G: nx.Graph, zone: str) -> list:
    """The sorted actors of ``zone`` (every actor for ``region``), or a :class:`PlanError`.

    >>> G = nx.Graph(); G.add_nodes_from([("a", {"zone": "south"}), ("b", {"zone": "north"})])
    >>> scope_actors(G, "south"), scope_actors(G, "region")
    (['a'], ['a', 'b'])
    >>> scope_actors(G, "suth")
    Traceback (most recent call last):
    ...
    collabnet.planning.scope.PlanError: no actor in zone 'suth' (did you mean 'south'? zones with actors: ...)
    """
    if zone == REGION:
        return sorted(G, key=str)
    found = sorted((v for v, z in G.nodes(data="zone") if z == zone), key=str)  # as zone_members(G)[zone]
    if found and zone:
        return found
    members = zone_members(G)
    known = [*members, REGION]
    close = difflib.get_close_matches(str(zone), known, n=1, cutoff=0.75)
    hint = reason("did_you_mean_then", spelling=close[0]) if close else ""
    raise PlanError(reason("no_actor_in_zone", zone=zone, hint=hint, zones=", ".join(known)))


def find_actor(G: nx.Graph, text: str) -> Hashable:
    """The actor named ``text``: its id, or its exact display name (case and accents ignored).

    >>> G = nx.Graph(); G.add_node("cpas-forest", name="CPAS de Forest")
    >>> find_actor(G, "cpas de forest")
    'cpas-forest'
    >>> find_actor(G, "cpas-forrest")
    Traceback (most recent call last):
    ...
    collabnet.planning.scope.PlanError: unknown actor 'cpas-forrest' (did you mean 'cpas-forest'?); ...
    """
    from collabnet.codes import normalise

    if text in G:
        return text
    by_name = {}
    for v, name in G.nodes(data="name"):
        by_name.setdefault(normalise(name or v), v)
        by_name.setdefault(normalise(v), v)
    found = by_name.get(normalise(text))
    if found is not None:
        return found
    known = sorted({str(v) for v in G} | {str(n) for _, n in G.nodes(data="name") if n})
    close = difflib.get_close_matches(str(text), known, n=1, cutoff=0.6)
    hint = reason("did_you_mean", spelling=close[0]) if close else ""
    raise PlanError(reason("unknown_actor", text=text, hint=hint))


def zone_figures(G: nx.Graph, zone: str, added: Iterable[tuple] = (), gaps: Iterable | None = None,
                 standings: dict | None = None, mixing: tuple[int, int] | None = None) -> ZoneFigures:
    """The figures of ``zone`` in ``G``, with the new ties ``added`` (``G`` is not changed).

    ``added`` are pairs of actors of the zone. ``gaps``: the zone's rows of
    :func:`~collabnet.analyses.gaps.find_gaps` on ``G`` (before the new ties)
    when already computed; ``standings``: :func:`standings_of` the zone's
    actors in ``G``, and ``mixing``: :func:`zone_mixing` of the zone in ``G``,
    when already computed.

    New ties between two distinct actors of the zone, not linked yet (what
    the introduction plan proposes), change the figures in ways known in
    advance: the gaps they close disappear, the two ends gain a partner, the
    E-I index counts one more edge each. The figures after them are worked
    out from the figures before, without copying the zone's graph; any other
    ``added`` (an actor outside the zone, a tie that exists) is added to a
    copy of the zone's graph and everything is computed again.

    Examples
    --------
    >>> G = nx.Graph([("gp", "nurse")])
    >>> for v, sector, line in (("gp", "medical", 1), ("nurse", "medical", 1), ("cpas", "social_assistance", 2)):
    ...     G.add_node(v, zone="south", sector=sector, family="health" if line == 1 else "welfare", line=line)
    >>> before, after = zone_figures(G, "south"), zone_figures(G, "south", [("gp", "cpas")])
    >>> (before.isolated, before.line_gap, before.ei), (after.isolated, after.line_gap, after.ei)
    ((3, True, -1.0), (2, False, 0.0))
    """
    added = list(added)
    members = scope_actors(G, zone)
    if not _clean(G, zone, added):
        return _figures_on_copy(G, zone, members, added, gaps)
    if standings is None:
        standings = standings_of(G, members)
    new_partners: dict = {}
    for u, v in added:
        new_partners.setdefault(u, []).append(v)
        new_partners.setdefault(v, []).append(u)
    nodes = G.nodes
    isolated = no_ties = 0
    for v in members:
        line, s = actor_line(G, v), standings[v]
        for w in new_partners.get(v, ()):
            s = with_partner(s, nodes[v].get("sector"), line, nodes[w].get("sector"), actor_line(G, w))
        why = reasons(line, s)
        isolated += bool(why)
        no_ties += why == ("no_ties",)
    if gaps is None:
        gaps = find_gaps(G, zones=[zone])
    kinds = [g.gap for g in gaps if g.zone == zone and not any(_closes(G, g, u, v) for u, v in added)]
    internal, external = zone_mixing(G, zone, members) if mixing is None else mixing
    for u, v in added:  # E-I with each new tie counted
        a, b = nodes[u].get("sector"), nodes[v].get("sector")
        if a is not None and b is not None:
            internal += a == b
            external += a != b
    total = internal + external
    ei = None if total == 0 else (external - internal) / total  # as mixing.network_ei
    return ZoneFigures(zone, len(members), isolated, no_ties, kinds.count("sector_pair"), "line_gap" in kinds,
                       "language_gap" in kinds, None if ei is None else round(float(ei), 6))


def zone_mixing(G: nx.Graph, zone: str, members: list | None = None) -> tuple[int, int]:
    """Edges inside one main sector and between two, among the actors of ``zone`` (``region``: all).

    The ``I`` and ``E`` of :func:`collabnet.analyses.mixing.zone_ei`, counted
    the same way (edges touching an actor without a sector left out);
    ``members``: :func:`scope_actors` of the zone, when already known.

    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "medical", "b": "housing", "c": "housing"}, "sector")
    >>> nx.set_node_attributes(G, "south", "zone")
    >>> zone_mixing(G, "south")
    (1, 1)
    """
    from collabnet.analyses.mixing import sector_matrix

    if zone != REGION and members is None:
        members = scope_actors(G, zone)
    matrix = sector_matrix(G, None if zone == REGION else members).to_numpy()
    internal = int(matrix.trace())
    return internal, int(matrix.sum() - internal) // 2  # off-diagonal cells hold each edge twice


def _clean(G: nx.Graph, zone: str, added: list) -> bool:
    """Every new tie links two distinct actors of the zone not linked yet, and no tie comes twice."""
    pairs = set()
    for u, v in added:
        if u == v or u not in G or v not in G or G.has_edge(u, v) or frozenset((u, v)) in pairs:
            return False
        if zone != REGION and (G.nodes[u].get("zone") != zone or G.nodes[v].get("zone") != zone):
            return False
        pairs.add(frozenset((u, v)))
    return True


def _closes(G: nx.Graph, gap, u: Hashable, v: Hashable) -> bool:
    """Whether a new tie u-v closes ``gap`` (a row of gaps.csv): a first link between its two sides."""
    if gap.gap == "sector_pair":
        attribute = "sector"
    elif gap.gap in ("line_gap", "language_gap"):
        attribute = "line" if gap.gap == "line_gap" else "language"
    else:
        return False
    if attribute == "line":
        ends = (actor_line(G, u), actor_line(G, v))
    else:
        ends = (G.nodes[u].get(attribute), G.nodes[v].get(attribute))
    if any(x is None or x == "" for x in ends):
        return False
    return sorted(map(str, ends)) == sorted((gap.a, gap.b)) and ends[0] != ends[1]


def _figures_on_copy(G: nx.Graph, zone: str, members: list, added: list, gaps: Iterable | None) -> ZoneFigures:
    """:func:`zone_figures` the long way: the new ties added to a copy of the zone's graph."""
    from collabnet.analyses.mixing import zone_ei

    new_partners: dict = {}
    for u, v in added:
        new_partners.setdefault(u, []).append(v)
        new_partners.setdefault(v, []).append(u)
    isolated = no_ties = 0
    for v in members:
        why = reasons(actor_line(G, v), standing(G, v, new_partners.get(v, ())))
        isolated += bool(why)
        no_ties += why == ("no_ties",)
    H = G
    if added:
        H = nx.Graph(G if zone == REGION else G.subgraph(members))
        H.add_edges_from(added)
    if gaps is None or added:
        gaps = find_gaps(H, zones=[zone])
    kinds = [g.gap for g in gaps if g.zone == zone]
    ei = zone_ei(H, zone)
    return ZoneFigures(zone, len(members), isolated, no_ties, kinds.count("sector_pair"), "line_gap" in kinds,
                       "language_gap" in kinds, None if ei is None else round(float(ei), 6))

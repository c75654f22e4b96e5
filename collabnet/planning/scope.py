"""What the three planning tools share: a zone's actors, an actor's standing, a zone's figures.

An actor's *standing* is what the isolation reasons of
:mod:`collabnet.analyses.isolation` depend on: how many distinct partners it
has outside its own organisation, whether one of them has another main sector,
and whether one of them is on the other care line (first <-> second). The
reasons follow from the standing alone (:func:`reasons`), so the planners can
tell what a new tie or a departure does to an actor without recomputing the
whole graph.

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

import difflib
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

import networkx as nx

from collabnet.analyses.gaps import REGION, actor_line, find_gaps, zone_members
from collabnet.errors import CollabnetError
from collabnet.graph import org_of, same_organisation

__all__ = [
    "PERIPHERAL",
    "PERIPHERAL_DEGREE",
    "REASON_ORDER",
    "PlanError",
    "Standing",
    "ZoneFigures",
    "find_actor",
    "introducer",
    "isolation_score",
    "reasons",
    "scope_actors",
    "standing",
    "standings_of",
    "with_partner",
    "zone_figures",
    "zone_mixing",
]

# The reasons of collabnet.analyses.isolation, in its order.
REASON_ORDER = ("no_ties", "intra_sector_only", "no_cross_line", "single_tie")
# Not isolated but thinly linked: at most this many partners outside its own organisation.
PERIPHERAL = "peripheral"
PERIPHERAL_DEGREE = 2
_OTHER_LINE = {1: 2, 2: 1}


class PlanError(CollabnetError):
    """A plan cannot be made as asked (unknown zone or actor); the message says why."""


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
    hint = f"did you mean {close[0]!r}? " if close else ""
    raise PlanError(f"no actor in zone {zone!r} ({hint}zones with actors: {', '.join(known)})")


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
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise PlanError(f"unknown actor {text!r}{hint}; `collabnet info` and isolated.csv list the actors")


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
    nodes, adjacency = G.nodes, G._adj  # the plain dicts: the read-only views cost a call per neighbour
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
            other_sector = other_sector or partner_sector != sector
            cross_line = cross_line or (wanted is not None and partner_line == wanted)
            if partners > PERIPHERAL_DEGREE and other_sector and (cross_line or wanted is None):
                break
        result[v] = Standing(partners, other_sector, cross_line)
    return result


def with_partner(s: Standing, sector, line, partner_sector, partner_line) -> Standing:
    """The standing once the actor (``sector``, ``line``) has one more partner outside its organisation."""
    return Standing(min(s.partners + 1, PERIPHERAL_DEGREE + 1),
                    s.other_sector or partner_sector != sector,
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


def introducer(G: nx.Graph, u: Hashable, v: Hashable, budget: int = 50_000) -> Hashable | None:
    """The common neighbour of ``u`` and ``v`` best placed to introduce them, or None.

    Best: the strongest weaker tie of the two (edge ``weight``, default 1), then
    an actor outside both their organisations, then id. Looks at no more than
    ``budget`` neighbours.

    >>> G = nx.Graph([("u", "a"), ("a", "v"), ("u", "b"), ("b", "v")])
    >>> G.edges["u", "b"]["weight"] = G.edges["b", "v"]["weight"] = 2.0
    >>> introducer(G, "u", "v"), introducer(G, "u", "a")
    ('b', None)
    """
    small, large = (u, v) if G.degree(u) <= G.degree(v) else (v, u)
    best, best_key = None, None
    for steps, w in enumerate(G[small]):
        if steps >= budget:
            break
        if w in (u, v) or w not in G[large]:
            continue
        strength = min(G.edges[small, w].get("weight", 1.0), G.edges[w, large].get("weight", 1.0))
        key = (-strength, same_organisation(G, w, u) or same_organisation(G, w, v), str(w))
        if best_key is None or key < best_key:
            best, best_key = w, key
    return best

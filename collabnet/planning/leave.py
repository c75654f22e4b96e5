"""What breaks when an actor leaves, and who can take over.

Question answered: *turnover is high; if this actor leaves (or this
organisation withdraws), which links of the zone and of the region go, who is
left isolated, and who can take over each link?* The actor graph without the
leaving actor is compared with the graph as it is:

Broken links (:class:`BrokenLink`), in the actor's zone and region-wide
    A gaps.csv row that opens: a ``sector_pair``, the health-welfare
    ``family_pair``, the ``line_gap`` or the ``language_gap`` whose last edge
    went with the actor (the same definitions and severities as gaps.csv).
    A sector, care line (first or second) or language network (``nl``, ``fr``)
    whose only actor was the one leaving is *lost* (kinds ``sector_lost``,
    ``line_lost``, ``language_lost``): nobody can take it over, it must be
    recruited.
Takeover
    For each broken link, the actors who, after the departure, still work with
    actors on both sides (adjacent to at least one actor of each side in the
    zone, or anywhere for the region), best first: outside the leaving actor's
    own organisation first (a link held by another organisation no longer
    depends on one employer's turnover; colleagues stay listed after them),
    then the most partners on the weaker side, the most on both sides, id. The
    best one is asked to introduce a partner on one side to one on the other
    (the leaving actor's former partners where possible). With no takeover
    candidate, the coordination team makes that introduction.
Newly isolated actors (:class:`NewIsolation`)
    Partners of the leaving actor that gain an isolation reason
    (:mod:`collabnet.analyses.isolation`), with the former partner of the
    leaving actor whose introduction would lift them most.
Cut-off actors (:class:`CutOff`)
    Parts of the network that lose every path to the rest (the component of
    the leaving actor splits; the largest part is the rest).

An organisation leaves alone by default (its staff stay, as persons with
their own ties); ``with_staff=True`` removes its staff with it. On the
organisation graph an organisation leaves with its people (they are folded
into it), and :func:`plan_person_leave` answers for one person: which of its
organisation's links rest on that person alone, and what the organisation
would no longer reach.

Examples
--------
The CPAS is the only link between welfare and the GPs; the local network also
works with both sides and can take over:

>>> import networkx as nx
>>> G = nx.Graph([("cpas", "gp"), ("cpas", "ocmw"), ("net", "gp"), ("net", "ocmw2")])
>>> attrs = {"cpas": ("social_assistance", "welfare"), "ocmw": ("social_assistance", "welfare"),
...          "ocmw2": ("social_assistance", "welfare"), "gp": ("medical", "health"),
...          "net": ("coordination", "other")}
>>> for v, (sector, family) in attrs.items():
...     G.nodes[v].update(zone="south", sector=sector, family=family, line=None, name=v)
>>> impact = plan_leave(G, "cpas")
>>> [(b.gap, b.a, b.b, b.takeover, b.partners) for b in impact.broken if b.zone == "south"]
[('family_pair', 'health', 'welfare', ('net',), ('gp', 'ocmw2')), \
('sector_pair', 'medical', 'social_assistance', ('net',), ('gp', 'ocmw2'))]
>>> [(c.actors, c.partners) for c in impact.cut_off]
[(('ocmw',), ('ocmw', 'gp'))]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass

import networkx as nx

from collabnet.analyses.gaps import PRIORITY_WEIGHT, REGION, actor_line, find_gaps
from collabnet.analyses.introductions import introducer
from collabnet.analyses.standing import isolation_score, reasons, standing, with_partner
from collabnet.analyses.turnover import Departure, backup_action, departure
from collabnet.errors import reason
from collabnet.graph import same_organisation
from collabnet.planning.introduce import CLOSED_GAPS
from collabnet.planning.scope import PlanError, ZoneFigures, scope_actors, zone_figures
from collabnet.records.findings import Action
from collabnet.records.messages import Both, Label, Message, Name, Names, ZoneRef, say

__all__ = ["LOST_VALUES", "TAKEOVER_SHOWN", "BrokenLink", "CutOff", "LeaveImpact", "NewIsolation", "PersonLeave",
           "plan_leave", "plan_person_leave"]

TAKEOVER_SHOWN = 3
# Values whose last actor leaving is a loss: every sector, the first and second line, the nl and fr networks.
LOST_VALUES = {"sector": None, "line": (1, 2), "language": ("nl", "fr")}
_STATE_ORDER = ("no_ties", "no_cross_line", "intra_sector_only", "single_tie")
_ACTION_ORDER = ("take_over", "recruit", "introduce", "invite")


@dataclass(frozen=True)
class BrokenLink:
    """A link that goes with the leaving actor (a new gaps.csv row), or a value it was the last of.

    Attributes
    ----------
    zone : str
        The leaving actor's zone, or ``region``.
    gap : str
        ``sector_pair``, ``family_pair``, ``line_gap``, ``language_gap``, or
        ``sector_lost``, ``line_lost``, ``language_lost``.
    a, b : str
        The two values no longer linked; for a loss, ``a`` is the value lost and ``b`` is empty.
    severity : float
        The new gap row's severity; for a loss, the leaving actor's partners in the scope.
    partners : tuple of str
        The two actors to introduce (one per side); empty for a loss.
    takeover : tuple of str
        Actors who work with both sides after the departure, best first (at most
        :data:`TAKEOVER_SHOWN`).
    rationale : str
    """

    zone: str
    gap: str
    a: str
    b: str
    severity: float
    partners: tuple[str, ...]
    takeover: tuple[str, ...]
    rationale: Message


@dataclass(frozen=True)
class NewIsolation:
    """A partner of the leaving actor that gains isolation reasons, and whom to introduce it to.

    ``urgency`` is its isolation urgency after the departure, as actions.csv ranks it.
    """

    actor: str
    zone: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    urgency: float
    partner: str | None
    via: str | None
    rationale: Message


@dataclass(frozen=True)
class CutOff:
    """Actors that lose every path to the rest of the network; ``partners`` = (inside, rest) to introduce."""

    actors: tuple[str, ...]
    partners: tuple[str, str]
    rationale: Message


@dataclass(frozen=True)
class LeaveImpact:
    """What breaks if ``actor`` leaves.

    ``before`` and ``after`` hold the figures of the actor's zone and of the
    region (one :class:`ZoneFigures` each, zone first).
    """

    actor: str
    name: str
    zone: str
    leaving: tuple[str, ...]
    broken: tuple[BrokenLink, ...]
    isolated: tuple[NewIsolation, ...]
    cut_off: tuple[CutOff, ...]
    before: tuple[ZoneFigures, ...]
    after: tuple[ZoneFigures, ...]

    def actions(self) -> list[Action]:
        """The impact as actions.csv rows, numbered per zone by urgency.

        ``take_over`` (actors: the takeover candidate and the two to introduce; via:
        the leaving actor), ``recruit`` (a lost value; actors: the leaving actor),
        ``introduce`` (a broken link nobody can take over, a cut-off part, a newly
        isolated actor) and ``invite`` (a newly isolated actor with no suitable
        partner). Urgency (``score``): the broken link's severity, twice the size
        of a cut-off part, a newly isolated actor's urgency as actions.csv ranks it.
        """
        rows = []
        for b in self.broken:
            evidence = f"{b.gap} {b.a}-{b.b} opens if {self.actor} leaves" if b.b else \
                f"{self.actor} is the last {b.gap.split('_')[0]} {b.a} actor"
            if not b.partners:
                rows.append(Action(b.zone, 0, "recruit", (self.actor,), b.rationale, self.actor, evidence, b.severity))
            elif b.takeover:
                rows.append(Action(b.zone, 0, "take_over", (b.takeover[0], *b.partners), b.rationale, self.actor,
                                   evidence + f"; takeover candidates: {', '.join(b.takeover)}", b.severity))
            else:
                rows.append(Action(b.zone, 0, "introduce", b.partners, b.rationale, None, evidence, b.severity))
        for c in self.cut_off:
            rows.append(Action(self.zone, 0, "introduce", c.partners, c.rationale, None,
                               f"{len(c.actors)} actor(s) cut off: {', '.join(c.actors)}",
                               PRIORITY_WEIGHT * len(c.actors)))
        for i in self.isolated:
            evidence = f"{i.actor}: {'+'.join(i.before) or 'not isolated'} -> {'+'.join(i.after)}"
            if i.partner is None:
                rows.append(Action(i.zone, 0, "invite", (i.actor,), i.rationale, None, evidence, i.urgency))
            else:
                rows.append(Action(i.zone, 0, "introduce", (i.actor, i.partner), i.rationale, i.via, evidence,
                                   i.urgency))
        rows.sort(key=lambda a: (a.zone, -a.score, _ACTION_ORDER.index(a.action), a.actors))
        kept: dict = {}  # one row per zone, kind and set of actors: the most urgent, naming the others' findings
        for a in rows:
            key = (a.zone, a.action, frozenset(a.actors))
            if key in kept:
                first = kept[key]
                kept[key] = Action(first.zone, 0, first.action, first.actors, first.rationale, first.via,
                                   f"{first.evidence}; also {a.evidence}", first.score)
            else:
                kept[key] = a
        numbered, seen = [], Counter()
        for a in kept.values():
            seen[a.zone] += 1
            numbered.append(Action(a.zone, seen[a.zone], a.action, a.actors, a.rationale, a.via, a.evidence,
                                   round(float(a.score), 6)))
        return numbered


def plan_leave(G: nx.Graph, actor: Hashable, *, with_staff: bool = False) -> LeaveImpact:
    """What breaks if ``actor`` leaves (rules in the module docstring).

    Parameters
    ----------
    G : networkx.Graph
        The actor graph (not changed).
    actor : hashable
        The actor id (see :func:`~collabnet.planning.scope.find_actor` for names).
    with_staff : bool
        For an organisation: its staff (persons whose ``organisation`` it is) leave too.

    Returns
    -------
    LeaveImpact

    Raises
    ------
    PlanError
        Unknown actor (with a "did you mean").
    """
    from collabnet.planning.scope import find_actor

    actor = find_actor(G, actor)
    leaving = {actor}
    if with_staff and G.nodes[actor].get("kind") == "organisation":
        leaving |= {v for v, org in G.nodes(data="organisation") if org == actor}
    after = G.copy()  # a copy, not a subgraph view: views are many times slower to walk
    after.remove_nodes_from(leaving)
    zone = G.nodes[actor].get("zone") or REGION
    scopes = [zone, REGION] if zone != REGION else [REGION]
    gaps_before, gaps_after = find_gaps(G, zones=scopes), find_gaps(after, zones=scopes)
    partners = sorted({w for x in leaving for w in G[x]} - leaving, key=str)
    broken = []
    for scope in scopes:
        broken += _broken(G, after, scope, actor, leaving, partners,
                          [g for g in gaps_before if g.zone == scope], [g for g in gaps_after if g.zone == scope])
    return LeaveImpact(str(actor), str(G.nodes[actor].get("name") or actor), zone, tuple(sorted(map(str, leaving))),
                       tuple(broken),
                       _isolated(G, after, actor, partners), _cut_off(G, after, actor, leaving),
                       tuple(zone_figures(G, s, gaps=gaps_before) for s in scopes),
                       tuple(zone_figures(after, s, gaps=gaps_after) for s in scopes))


def _value(G: nx.Graph, v: Hashable, attribute: str):
    return actor_line(G, v) if attribute == "line" else G.nodes[v].get(attribute)


def _broken(G, after, scope: str, actor, leaving: set, partners: list, gaps_before: list,
            gaps_after: list) -> list[BrokenLink]:
    """Gap rows of ``scope`` that open, and values lost, when ``leaving`` leave."""
    before_rows = {(g.gap, g.a, g.b) for g in gaps_before}
    members = set(scope_actors(G, scope)) - leaving
    lost = []
    for attribute, wanted in LOST_VALUES.items():
        had = {_value(G, v, attribute) for v in leaving if G.nodes[v].get("zone") == scope or scope == REGION}
        left = {_value(G, v, attribute) for v in members}
        for value in sorted(had - left - {None, ""}, key=str):
            if wanted is None or value in wanted:
                lost.append((attribute, value))
    found = []
    in_scope = [p for p in partners if p in members]
    for attribute, value in lost:
        text = say("leave_lost", x=Name(actor), zone=ZoneRef(scope), value=Label(attribute, value))
        found.append(BrokenLink(scope, f"{attribute}_lost", str(value), "", float(len(in_scope)), (), (), text))
    lost_keys = {(a, str(v)) for a, v in lost}
    H = after if scope == REGION else nx.Graph(after.subgraph(members))
    index: dict = {}  # (attribute, value) -> actors of the scope
    for v in H:
        for attribute in ("sector", "family", "line", "language"):
            index.setdefault((attribute, _value(G, v, attribute)), []).append(v)
    for g in gaps_after:
        attribute = CLOSED_GAPS.get(g.gap)
        if attribute is None or (g.gap, g.a, g.b) in before_rows:
            continue
        if (attribute, g.a) in lost_keys or (attribute, g.b) in lost_keys:
            continue  # one side is gone: reported as lost
        a, b = (int(g.a), int(g.b)) if attribute == "line" else (g.a, g.b)
        sides = index.get((attribute, a), []), index.get((attribute, b), [])
        takeover = _takeover(G, H, actor, sides)
        pair = _sides(G, H, actor, sides, takeover[0] if takeover else None)
        fields = {"x": Name(actor), "zone": ZoneRef(scope), "a": Label(attribute, a),
                  "b": Label(attribute, b), "p": Name(pair[0]), "q": Name(pair[1])}
        text = (say("leave_takeover", t=Name(takeover[0]), **fields) if takeover
                else say("leave_team", **fields))
        found.append(BrokenLink(scope, g.gap, g.a, g.b, g.severity, tuple(map(str, pair)),
                                tuple(map(str, takeover)), text))
    return sorted(found, key=lambda b: (-b.severity, b.gap, b.a, b.b))


def _takeover(G, H, actor, sides: tuple) -> list:
    """Actors of ``H`` adjacent to an actor of each side, best first (rule in the module docstring)."""
    count_a, count_b = (Counter(t for v in side for t in H[v]) for side in sides)
    ranked = sorted(set(count_a) & set(count_b),
                    key=lambda t: (same_organisation(G, t, actor), -min(count_a[t], count_b[t]),
                                   -(count_a[t] + count_b[t]), str(t)))
    return ranked[:TAKEOVER_SHOWN]


def _sides(G, H, actor, sides: tuple, takeover) -> tuple:
    """One actor per side to introduce: the takeover's partners if any, the leaving actor's former partners first."""
    def best(side):
        if takeover is not None:
            side = [v for v in side if H.has_edge(v, takeover)]
        return min(side, key=lambda v: (not G.has_edge(v, actor), -H.degree(v), str(v)))

    return best(sides[0]), best(sides[1])


def _isolated(G, after, actor, partners: list) -> tuple[NewIsolation, ...]:
    found = []
    for v in partners:
        line = actor_line(G, v)
        before, now = reasons(line, standing(G, v)), reasons(line, standing(after, v))
        new = [r for r in _STATE_ORDER if r in now and r not in before]
        if not new:
            continue
        q = _best_partner(G, after, v, partners)
        via = introducer(after, v, q) if q is not None else None
        data = G.nodes[v]
        other = {1: 2, 2: 1}.get(line)
        state = say(f"state_{new[0]}", y=Name(v), sector=Label("sector", data.get("sector")),
                          other=Label("line", other) if other else "")
        zone = data.get("zone") or REGION
        if q is None:
            text = say("leave_isolated_alone", x=Name(actor), state=state, zone=ZoneRef(zone))
        else:
            via_text = say("via", w=Name(via)) if via is not None else say("via_team")
            text = say("leave_isolated", x=Name(actor), state=state, q=Name(q), via=via_text)
        found.append(NewIsolation(str(v), zone, before, now, isolation_score(line, now), None if q is None else str(q),
                                  None if via is None else str(via), text))
    return tuple(found)


def _best_partner(G, after, v, partners: list):
    """The leaving actor's former partner whose introduction lifts ``v`` most (None if none helps)."""
    line, sector = actor_line(G, v), G.nodes[v].get("sector")
    s = standing(after, v)
    now = isolation_score(line, reasons(line, s))
    zone = G.nodes[v].get("zone")
    best, best_key = None, None
    for q in partners:
        if q == v or after.has_edge(v, q) or same_organisation(G, v, q):
            continue
        lifted = now - isolation_score(line, reasons(line, with_partner(s, sector, line, G.nodes[q].get("sector"),
                                                                           actor_line(G, q))))
        key = (-lifted, G.nodes[q].get("zone") != zone, -after.degree(q), str(q))
        if lifted > 0 and (best_key is None or key < best_key):
            best, best_key = q, key
    return best


def _cut_off(G, after, actor, leaving: set) -> tuple[CutOff, ...]:
    component = set().union(*(nx.node_connected_component(G, x) for x in leaving)) - leaving
    pieces = sorted((sorted(p, key=str) for p in nx.connected_components(after.subgraph(component))),
                    key=lambda p: (-len(p), str(p[0])))
    if len(pieces) < 2:
        return ()
    touching = {w for x in leaving for w in G[x]}

    def contact(piece):  # outside the leaving actor's organisation first: it may be going too
        return min((v for v in piece if v in touching),
                   key=lambda v: (same_organisation(G, v, actor), -after.degree(v), str(v)))

    rest = contact(pieces[0])
    found = []
    for piece in pieces[1:]:
        inside = contact(piece)
        text = say("leave_split", x=Name(actor), n=len(piece), who=Names(tuple(piece)),
                         p=Name(inside), q=Name(rest), via=say("via_team"))
        found.append(CutOff(tuple(map(str, piece)), (str(inside), str(rest)), text))
    return tuple(found)


@dataclass(frozen=True)
class PersonLeave:
    """What an organisation loses when one of its people leaves (the organisation graph).

    ``departure`` holds the links that rest on the person alone
    (:func:`collabnet.analyses.turnover.departure`); ``rationale`` says it in one sentence.
    """

    person: str
    name: str
    organisation: str
    organisation_name: str
    zone: str
    departure: Departure
    rationale: Message

    def actions(self) -> list[Action]:
        """One ``backup_contact`` row when some link rests on the person alone (none otherwise)."""
        if not self.departure.partners:
            return []
        from dataclasses import replace

        return [replace(backup_action(self.departure), priority=1)]


def plan_person_leave(H: nx.Graph, person: Hashable) -> PersonLeave:
    """Which of its organisation's links would go with ``person`` (a person folded into an organisation of
    the organisation graph ``H``, :func:`collabnet.organisations.organisation_graph`).

    >>> import networkx as nx
    >>> from collabnet.organisations import organisation_graph
    >>> G = nx.Graph([("cpas", "coord"), ("coord", "gp"), ("cpas", "net")])
    >>> G.nodes["coord"].update(kind="person", organisation="cpas", name="Coordinator")
    >>> for v in ("cpas", "gp", "net"):
    ...     G.nodes[v].update(kind="organisation", name=v.upper(), zone="south")
    >>> leave = plan_person_leave(organisation_graph(G), "coord")
    >>> leave.organisation, leave.departure.partners, leave.departure.kept
    ('cpas', ('gp',), 1)
    """
    folded = H.graph.get("folded") or {}
    if person not in folded:
        raise PlanError(reason("not_a_staff_person", person=person))
    organisation = folded[person].get("organisation")
    d = departure(H, organisation, person)
    x, p = Name(organisation), Name(person)
    if not d.partners:
        rationale = say("leave_person_none", x=x, p=p)
    else:
        what = Both(tuple(Label(a, v) for a, v in d.lost)) if d.lost else Names(d.partners)
        rationale = say("leave_person", x=x, p=p, n=len(d.partners), names=Names(d.partners), kept=d.kept,
                        what=what if d.lost else say("leave_person_same"))
    return PersonLeave(str(person), str(folded[person].get("name") or person), str(organisation),
                       str(H.nodes[organisation].get("name") or organisation), d.zone, d, rationale)

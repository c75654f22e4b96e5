"""Whom to introduce: the new ties that close most of a zone's gaps.

Question answered: *the coordination team can make K introductions before the
workshop; which pairs of the zone's actors, and who makes each introduction?*

The value of a new tie between two actors of the zone is what it closes:

- the ``severity`` (as in gaps.csv, before any introduction) of every gap it
  closes: the ``line_gap`` (a first-line and a second-line actor), the
  ``language_gap`` (an ``nl`` and an ``fr`` actor), the ``family_pair``
  (health and welfare) and each unlinked ``sector_pair``;
- plus, for each of the two actors, the drop of its isolation urgency as
  actions.csv ranks it (1, doubled on the first or second line, doubled again
  with no tie at all; 0 once it is no longer isolated; reasons as in
  :mod:`collabnet.analyses.isolation`).

Greedy: add the tie of highest value, update the gaps and the two actors'
isolation, repeat. Only pairs of actors of the zone count (so the tie shows in
the zone's figures); never two actors already linked, nor two of one
organisation. Ties between equally valuable pairs go to a pair with a common
neighbour who can make the introduction, then to actor ids. No approximation
bound is claimed: the value of a set of ties is not submodular (two ties can
lift one actor out of isolation where one tie does nothing), so each step is
simply the best single next tie.

Efficiency: the value of a pair depends only on what the two actors *are*
(main sector, family, care line, language) and on their isolation standing, so
actors are grouped into classes of equal value and the greedy step compares
pairs of classes, not pairs of actors (a few hundred classes in a zone of
thousands). Within the best class pair, the pair with a common neighbour is
searched for with a bounded number of steps.

Introducer: a shared active group already links two actors in the actor graph,
so the person who can introduce two unlinked actors is a common neighbour
(:func:`~collabnet.analyses.introductions.introducer`: the strongest weaker tie); with
none, the coordination team makes the introduction.

Examples
--------
The first and second line are not linked; the GP and the hospital both work
with the local network, who can introduce them:

>>> import networkx as nx
>>> G = nx.Graph([("gp", "net"), ("net", "hospital")])
>>> attrs = {"gp": ("medical", "health", 1), "net": ("coordination", "other", None),
...          "hospital": ("medical", "health", 2)}
>>> for v, (sector, family, line) in attrs.items():
...     G.nodes[v].update(zone="south", sector=sector, family=family, line=line, language="fr", name=v)
>>> plan = plan_introductions(G, "south", 1)
>>> i = plan.introductions[0]
>>> i.actors, i.via, i.closes
(('gp', 'hospital'), 'net', ('line_gap 1-2',))
>>> plan.before.line_gap, plan.after.line_gap
(True, False)
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

import networkx as nx
import numpy as np

from collabnet.analyses.gaps import actor_line, find_gaps
from collabnet.analyses.introductions import IntroductionSearch, introducer
from collabnet.analyses.standing import CROSS_LINE, Standing, isolation_score, reasons, standings_of, with_partner
from collabnet.errors import reason
from collabnet.planning.scope import PlanError, ZoneFigures, scope_actors, zone_figures, zone_mixing
from collabnet.records.findings import Action
from collabnet.records.messages import Both, Label, Message, Name, ZoneRef, say

__all__ = ["CLOSED_GAPS", "SEARCH_BUDGET", "Introduction", "IntroductionPlan", "plan_introductions"]

# A partner's main sector that differs from every actor's (for the isolation gains of best_pair).
_ANOTHER = object()
# gaps.csv kinds a single new tie can close, with the attribute that must differ; also the sentence order.
CLOSED_GAPS = {"line_gap": "line", "language_gap": "language", "family_pair": "family", "sector_pair": "sector"}
_ATTRIBUTES = ("sector", "family", "line", "language")
SEARCH_BUDGET = 200_000  # neighbour steps per greedy step when looking for a common neighbour


@dataclass(frozen=True)
class Introduction:
    """One introduction of the plan.

    Attributes
    ----------
    rank : int
        1 = first.
    actors : tuple of two str
        The two actors to introduce, the more isolated one first.
    via : str or None
        The common neighbour who can make the introduction; None = the coordination team.
    gain : float
        Gap severity closed plus isolation urgency removed.
    closes : tuple of str
        Gaps closed: ``line_gap 1-2``, ``language_gap nl-fr``, ``family_pair health-welfare``,
        ``sector_pair a-b``.
    isolation : tuple of str
        Isolation changes: ``actor: no_ties -> single_tie``.
    rationale : str
    """

    rank: int
    actors: tuple[str, str]
    via: str | None
    gain: float
    closes: tuple[str, ...]
    isolation: tuple[str, ...]
    rationale: Message


@dataclass(frozen=True)
class IntroductionPlan:
    """The introductions for a zone and the zone's figures before and after them."""

    zone: str
    count: int
    introductions: tuple[Introduction, ...]
    before: ZoneFigures
    after: ZoneFigures

    def actions(self) -> list[Action]:
        """The plan as actions.csv rows (``introduce``), priority = order of the plan."""
        rows = []
        for i in self.introductions:
            evidence = "; ".join([*i.closes, *i.isolation]) + f"; via {i.via or 'coordination team'}"
            rows.append(Action(self.zone, i.rank, "introduce", i.actors, i.rationale, i.via, evidence, i.gain))
        return rows


def plan_introductions(G: nx.Graph, zone: str, count: int, *, gaps: Iterable | None = None,
                       standings: dict | None = None, search: IntroductionSearch | None = None) -> IntroductionPlan:
    """The ``count`` new ties that most reduce the gaps of ``zone`` (rules in the module docstring).

    Parameters
    ----------
    G : networkx.Graph
        The actor graph (not changed).
    zone : str
        Zone code, or ``region`` for the whole graph.
    count : int
        Number of introductions, at least 1; fewer come back when no further tie closes anything.
    gaps : iterable of Gap, optional
        :func:`~collabnet.analyses.gaps.find_gaps` rows of ``G`` that include the
        zone's (e.g. the analysis' gaps.csv rows), when already computed.
    standings : dict, optional
        :func:`~collabnet.planning.scope.standings_of` the zone's actors, when
        already computed.
    search : IntroductionSearch, optional
        The introduction search on ``G``, when already made.

    Returns
    -------
    IntroductionPlan

    Raises
    ------
    PlanError
        Unknown zone (with a "did you mean").
    """
    if count < 1:
        raise PlanError(reason("count_at_least_one", n=count))
    members = scope_actors(G, zone)
    gaps = [g for g in (find_gaps(G, zones=[zone]) if gaps is None else gaps) if g.zone == zone]
    if standings is None:
        standings = standings_of(G, members)
    state = _State(G, members, {_gap_key(g): g for g in gaps if g.gap in CLOSED_GAPS}, standings,
                   search or IntroductionSearch(G))
    introductions: list[Introduction] = []
    while len(introductions) < count:
        found = state.best_pair()
        if found is None:
            break
        u, v, gain = found
        closes, changes = state.add(u, v)
        introductions.append(_introduction(G, zone, len(introductions) + 1, (u, v), gain, closes, changes))
    known = {"gaps": gaps, "standings": standings, "mixing": zone_mixing(G, zone, members)}
    return IntroductionPlan(zone, count, tuple(introductions), zone_figures(G, zone, **known),
                            zone_figures(G, zone, [i.actors for i in introductions], **known))


def _gap_key(gap) -> tuple:
    values = (int(gap.a), int(gap.b)) if gap.gap == "line_gap" else (gap.a, gap.b)
    return (CLOSED_GAPS[gap.gap], frozenset(values))


def _normal(line: int | None, s: Standing) -> Standing:
    """Standings that behave alike under new ties made equal (fewer classes)."""
    return Standing(min(s.partners, 2), s.other_sector, s.cross_line and line in (1, 2))


class _State:
    """The zone's actors grouped by class (kind of actor + isolation standing), the open gaps, the new ties."""

    def __init__(self, G: nx.Graph, members: list, open_gaps: dict, standings: dict, search: IntroductionSearch):
        self.G = G
        self.search = search
        self.open = open_gaps
        self.added: set = set()
        self.kind = {}
        self.standing = {}
        self.classes: dict = {}
        self.iso_cache: dict = {}
        for v in members:
            data = G.nodes[v]
            self.kind[v] = tuple(data.get(a) or None for a in ("sector", "family")) + (
                actor_line(G, v), data.get("language") or None)
            self._place(v, standings[v])

    def _place(self, v: Hashable, s: Standing) -> None:
        self.standing[v] = s
        self.classes.setdefault((self.kind[v], _normal(self.kind[v][2], s)), set()).add(v)

    def _remove(self, v: Hashable) -> None:
        key = (self.kind[v], _normal(self.kind[v][2], self.standing[v]))
        self.classes[key].discard(v)
        if not self.classes[key]:
            del self.classes[key]

    def closes(self, k1: tuple, k2: tuple) -> list:
        """Open gaps closed by a tie between an actor of kind ``k1`` and one of kind ``k2``."""
        keys = []
        for attribute, a, b in zip(_ATTRIBUTES, k1, k2):
            if a is not None and b is not None and a != b:
                key = (attribute, frozenset((a, b)))
                if key in self.open:
                    keys.append(key)
        return keys

    def iso_gain(self, c: tuple, partner: tuple | None) -> float:
        """Isolation urgency removed from an actor of class ``c`` by a partner of kind ``partner``
        (``None``: the urgency it has now)."""
        key = (c, None) if partner is None else (c, partner[0], partner[2])
        if key not in self.iso_cache:
            (sector, _, line, _), s = c
            now = isolation_score(line, reasons(line, s))
            if partner is None:
                self.iso_cache[key] = now
            else:
                after = with_partner(s, sector, line, partner[0], partner[2])
                self.iso_cache[key] = now - isolation_score(line, reasons(line, after))
        return self.iso_cache[key]

    def best_pair(self) -> tuple | None:
        """(u, v, gain) of the most valuable valid new tie, or None when no tie closes anything.

        The gains of every pair of classes at once, as arrays: the severity of
        the gaps a tie between the two kinds closes, plus the isolation urgency
        each side loses (added in that order, so that every gain is the same
        float as when added one pair at a time). Pairs are tried by gain
        rounded to 9 decimals, best first; within a gain, by class order.
        """
        keys = sorted(self.classes, key=repr)
        n = len(keys)
        if not n:
            return None
        gain = self._gap_gains(keys)
        # [x, y]: the urgency class x loses with a partner of class y. It only depends on whether the partner
        # has another main sector and is on x's other care line (see with_partner): 4 values per class.
        table = np.zeros((n, 4))
        for x, c in enumerate(keys):
            if self.iso_gain(c, None) > 0:
                (sector, _, line, _), _ = c
                other = CROSS_LINE.get(line)
                table[x] = [self.iso_gain(c, (sector if not another else _ANOTHER, None,
                                              other if across else None, None))
                            for another in (False, True) for across in (False, True)]
        sector_id: dict = {}
        sectors = np.array([sector_id.setdefault(c[0][0], len(sector_id)) for c in keys])
        line_id: dict = {None: -1}
        lines = np.array([line_id.setdefault(c[0][2], len(line_id)) for c in keys])
        across = np.array([line_id.get(CROSS_LINE.get(c[0][2]), -2) if c[0][2] in CROSS_LINE else -2
                           for c in keys])
        flags = 2 * (sectors[:, None] != sectors[None, :]) + (across[:, None] == lines[None, :])
        loses = table[np.arange(n)[:, None], flags]
        gain = gain + loses
        gain = gain + loses.T
        sizes = np.array([len(self.classes[c]) for c in keys])
        usable = np.triu(np.ones((n, n), dtype=bool)) & (gain > 1e-9)
        usable[np.diag_indices(n)] &= sizes >= 2  # a pair inside one class needs two actors
        first, second = np.nonzero(usable)  # in class order
        gains = gain[first, second]
        order = np.argsort(-gains, kind="stable")
        budget = [SEARCH_BUDGET]
        start = 0
        while start < len(order):  # the best gain first; the next one only if no pair of that gain can be made
            top = round(float(gains[order[start]]), 9)
            end = start + 1
            while end < len(order) and round(float(gains[order[end]]), 9) == top:
                end += 1
            tied = [(keys[first[t]], keys[second[t]]) for t in sorted(order[start:end].tolist())]
            for c1, c2 in tied:
                pair = self._introduced_pair(c1, c2, budget)
                if pair:
                    return (*pair, top)
            for c1, c2 in tied:
                pair = self._any_pair(c1, c2)
                if pair:
                    return (*pair, top)
            start = end
        return None

    def _gap_gains(self, keys: list) -> np.ndarray:
        """[i, j]: the severity of the open gaps a tie between classes ``keys[i]`` and ``keys[j]`` closes."""
        total = np.zeros((len(keys), len(keys)))
        for a, attribute in enumerate(_ATTRIBUTES):
            values = [c[0][a] for c in keys]
            distinct = list(dict.fromkeys(values))
            index = {value: i for i, value in enumerate(distinct)}
            severity = np.zeros((len(distinct), len(distinct)))
            for i, x in enumerate(distinct):
                for j, y in enumerate(distinct):
                    gap = self.open.get((attribute, frozenset((x, y)))) if x is not None and y is not None and \
                        x != y else None
                    if gap is not None:
                        severity[i, j] = gap.severity
            at = np.array([index[value] for value in values])
            total = total + severity[at][:, at]
        return total

    def valid(self, u: Hashable, v: Hashable) -> bool:
        return self.search.may_meet(u, v) and frozenset((u, v)) not in self.added

    def _introduced_pair(self, c1: tuple, c2: tuple, budget: list) -> tuple | None:
        """The first pair (by ids) of classes c1 x c2 with a common neighbour, within the budget."""
        found = self.search.best_pair(sorted(self.classes[c1], key=str), sorted(self.classes[c2], key=str),
                                      lambda u, v: frozenset((u, v)) not in self.added, order="ids", budget=budget)
        return None if found is None else found[:2]

    def _any_pair(self, c1: tuple, c2: tuple) -> tuple | None:
        side = sorted(self.classes[c2], key=str)
        for u in sorted(self.classes[c1], key=str):
            for z in side:
                if self.valid(u, z):
                    return tuple(sorted((u, z), key=str))
        return None

    def add(self, u: Hashable, v: Hashable) -> tuple[list, list]:
        """Add the tie u-v; return the gaps it closes and the isolation changes (actor, before, after)."""
        closed = self.closes(self.kind[u], self.kind[v])
        gaps = [self.open.pop(k) for k in closed]
        changes = []
        for x, y in ((u, v), (v, u)):
            sector, _, line, _ = self.kind[x]
            before = self.standing[x]
            after = with_partner(before, sector, line, self.kind[y][0], self.kind[y][2])
            self._remove(x)
            self._place(x, after)
            changes.append((x, reasons(line, before), reasons(line, after)))
        self.added.add(frozenset((u, v)))
        return gaps, changes


def _introduction(G, zone: str, rank: int, pair: tuple, gain: float, gaps: list,
                  changes: list) -> Introduction:
    score = {x: isolation_score(actor_line(G, x), before) for x, before, _ in changes}
    u, v = sorted(pair, key=lambda x: (-score[x], str(x)))
    via = introducer(G, u, v)
    order = list(CLOSED_GAPS)
    gaps = sorted(gaps, key=lambda g: (order.index(g.gap), g.a, g.b))
    phrases = []
    for g in gaps:
        attribute = CLOSED_GAPS[g.gap]
        phrases.append(say(f"closes_{g.gap}", zone=ZoneRef(zone), a=Label(attribute, g.a),
                                 b=Label(attribute, g.b)))
    isolation = []
    for x, before, after in sorted(changes, key=lambda c: (-score[c[0]], str(c[0]))):
        if before != after:
            isolation.append(f"{x}: {'+'.join(before) or 'not isolated'} -> {'+'.join(after) or 'not isolated'}")
        if "no_ties" in before:
            phrases.append(say("first_partner", x=Name(x)))
        elif before and not after:
            phrases.append(say("not_isolated", x=Name(x)))
    via_text = say("via", w=Name(via)) if via is not None else say("via_team")
    rationale = say("introduce", x=Name(u), y=Name(v), via=via_text, why=Both(tuple(phrases)))
    return Introduction(rank, (str(u), str(v)), None if via is None else str(via), round(float(gain), 6),
                        tuple(f"{g.gap} {g.a}-{g.b}" for g in gaps), tuple(isolation), rationale)

"""Whom to invite: the seats of a workshop that reach the most isolated and peripheral actors.

Question answered: *we have K seats at the zone's next workshop; whom do we
invite so that, together, they reach the zone's most isolated first- and
second-line actors, and every sector family and both lines are at the table?*

Targets
    The zone's first- and second-line actors with an isolation reason of
    :mod:`collabnet.analyses.isolation`, or *peripheral* ones (no reason, but at
    most :data:`~collabnet.planning.scope.PERIPHERAL_DEGREE` partners outside
    their own organisation). A target weighs the sum of :data:`TARGET_WEIGHTS`
    over its reasons. The weights are powers of two, so the heavier reason
    always wins over any mix of lighter ones: ``no_ties`` (16) > ``no_cross_line``
    (8) > ``intra_sector_only`` (4) > ``single_tie`` (2) > ``peripheral`` (1).
Reach
    An invitee reaches a target within :data:`REACH` steps on the actor graph:
    itself (an isolated actor may be invited), a partner, or a partner's partner
    (someone it can bring along or pass the invitation to).
Candidates
    The zone's actors and the region-wide actors (every actor for ``region``).
Covering rule
    The invitees must include every sector family present in the zone and the
    first and second line when present (the *requirements*).

The greedy choice and what it guarantees
----------------------------------------
Each seat goes to the candidate that adds the most target weight not yet
reached (ties: more requirements added, more weight reached directly, an actor
of the zone before a region-wide one, id), **among the candidates that still
leave enough seats to meet the requirements** (the fewest seats that can cover
what is missing is found exactly: there are at most a handful of families and
two lines). A seat where that rule overrules the best coverage is *forced*.

- Requirements: when ``seats`` is at least the fewest seats that can cover
  every family and line present (:attr:`InvitePlan.seats_needed`), the plan
  covers all of them. With fewer seats, each seat covers as many as it can,
  and :attr:`InvitePlan.unmet` lists what is left.
- Coverage: reached weight is a weighted *maximum coverage* function, monotone
  and submodular, for which greedy choice reaches at least ``1 - 1/e`` (63%) of
  the best possible K seats (Nemhauser, Wolsey & Fisher 1978). A forced seat
  still adds weight but loses the step's share of that guarantee, so the plan
  guarantees ``1 - (1 - 1/K)^g`` of the best coverage of *any* K candidates
  (with or without the covering rule), where ``g`` is the number of unforced
  seats (:attr:`InvitePlan.guarantee`; 1 when every target is reached). At most
  :attr:`InvitePlan.seats_needed` seats are forced.
- Heuristic, not guaranteed: which of several equally good candidates gets
  the seat, the target weights themselves, and the choice between reaching one
  heavy target or several light ones (that is what the weights decide).

References
----------
.. [1] Nemhauser, G. L., Wolsey, L. A. and Fisher, M. L. (1978). "An analysis of
   approximations for maximizing submodular set functions - I".
   Mathematical Programming 14, 265-294.

Examples
--------
A hub reaching three isolated general practitioners comes first; the second
seat brings the missing welfare family:

>>> import networkx as nx
>>> G = nx.Graph([("hub", "gp1"), ("hub", "gp2"), ("hub", "gp3"), ("cpas", "hub")])
>>> for v in G:
...     G.nodes[v].update(zone="south", line=1, sector="medical", family="health", name=v.upper())
>>> G.nodes["cpas"].update(sector="social_assistance", family="welfare")
>>> plan = plan_invite(G, "south", 2)
>>> [(c.actor, c.reaches, c.adds) for c in plan.choices]
[('hub', ('gp1', 'gp2', 'gp3', 'cpas', 'hub'), ('family:health', 'line:1')), ('cpas', (), ('family:welfare',))]
>>> plan.choices[1].forced, plan.guarantee
(False, 1.0)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

import networkx as nx

from collabnet.analyses.actions import Action
from collabnet.analyses.gaps import REGION, actor_line
from collabnet.planning.scope import (
    PERIPHERAL,
    PERIPHERAL_DEGREE,
    PlanError,
    reasons,
    scope_actors,
    standings_of,
)
from collabnet.planning.wording import Words

__all__ = ["REACH", "TARGET_WEIGHTS", "InviteChoice", "InvitePlan", "InviteTarget", "plan_invite"]

TARGET_WEIGHTS = {"no_ties": 16, "no_cross_line": 8, "intra_sector_only": 4, "single_tie": 2, PERIPHERAL: 1}
REACH = 2
_LINES = (1, 2)
_NAMED_FAMILIES = ("health", "welfare")


@dataclass(frozen=True)
class InviteTarget:
    """An isolated or peripheral first- or second-line actor of the zone, and its weight."""

    actor: str
    line: int
    reasons: tuple[str, ...]
    weight: float


@dataclass(frozen=True)
class InviteChoice:
    """One seat of the plan.

    Attributes
    ----------
    rank : int
        1 = the first seat chosen.
    actor, name, zone, sector, family : str
        The invitee.
    line : int or None
    reaches : tuple of str
        Targets it reaches that no earlier seat reached, heaviest first (then id).
    direct : tuple of str
        Of those, the ones it reaches directly (itself or a partner).
    gain : float
        Their total weight.
    adds : tuple of str
        Requirements it is the first to cover (``family:welfare``, ``line:2``).
    forced : bool
        Chosen by the covering rule over a candidate that reached more.
    rationale : str
        The sentence for the workshop.
    """

    rank: int
    actor: str
    name: str
    zone: str
    sector: str
    family: str
    line: int | None
    reaches: tuple[str, ...]
    direct: tuple[str, ...]
    gain: float
    adds: tuple[str, ...]
    forced: bool
    rationale: str


@dataclass(frozen=True)
class InvitePlan:
    """The invitation plan of a zone.

    Attributes
    ----------
    zone : str
    seats : int
        Seats asked for; ``choices`` may be shorter when nothing is left to reach or cover.
    choices : tuple of InviteChoice
    targets : tuple of InviteTarget
        Every target, heaviest first.
    requirements : tuple of str
        Families and lines present in the zone.
    seats_needed : int
        The fewest seats that can cover every requirement.
    unmet : tuple of str
        Requirements the plan does not cover (only when ``seats < seats_needed``).
    reached, total : float
        Target weight reached by the plan, and of all targets.
    guarantee : float
        Reached weight is at least this share of the best any ``seats`` candidates could reach.
    """

    zone: str
    seats: int
    choices: tuple[InviteChoice, ...]
    targets: tuple[InviteTarget, ...]
    requirements: tuple[str, ...]
    seats_needed: int
    unmet: tuple[str, ...]
    reached: float
    total: float
    guarantee: float

    def actions(self) -> list[Action]:
        """The plan as actions.csv rows (``invite``), priority = seat order."""
        weight = {t.actor: t for t in self.targets}
        rows = []
        for c in self.choices:
            reached = ", ".join(f"{t} ({'+'.join(weight[t].reasons)})" for t in c.reaches) or "no new target"
            evidence = f"reaches {reached} within {REACH} steps; adds {', '.join(c.adds) or 'no requirement'}"
            if c.forced:
                evidence += "; chosen by the covering rule"
            rows.append(Action(self.zone, c.rank, "invite", (c.actor,), c.rationale, None, evidence, c.gain))
        return rows


def plan_invite(G: nx.Graph, zone: str, seats: int, *, lang: str = "en", standings: dict | None = None) -> InvitePlan:
    """Choose ``seats`` invitees for a workshop of ``zone`` (rules in the module docstring).

    Parameters
    ----------
    G : networkx.Graph
        The actor graph.
    zone : str
        Zone code, or ``region`` for the whole graph.
    seats : int
        Number of invitees, at least 1.
    lang : {"en", "nl", "fr"}
        Language of the rationales.
    standings : dict, optional
        :func:`~collabnet.planning.scope.standings_of` the zone's actors, when
        already computed.

    Returns
    -------
    InvitePlan

    Raises
    ------
    PlanError
        Unknown zone (with a "did you mean"), or fewer than one seat.
    """
    if seats < 1:
        raise PlanError(f"seats must be at least 1, not {seats}")
    members = scope_actors(G, zone)
    targets = _targets(G, members, standings)
    weight = {t.actor: t.weight for t in targets}
    candidates = members if zone == REGION else sorted({*members, *_region_actors(G)}, key=str)
    in_zone = set(members)
    reach = _reach(G, weight, set(candidates))
    requirements = _requirements(G, members)
    profile = {c: _profile(G, c, requirements) for c in candidates}
    pool = Counter(profile.values())
    seats_needed = _seats_needed(frozenset(requirements), frozenset(pool))

    def key(c: Hashable, gain: float, missing: frozenset) -> tuple:
        direct = sum(weight[t] for t, d in reach[c].items() if d <= 1 and t not in reached)
        return (gain, len(profile[c] & missing), direct, c in in_zone, _desc(str(c)))

    reached: set = set()
    missing = frozenset(requirements)
    bound = {c: sum(weight[t] for t in reach[c]) for c in candidates}
    words = Words(G, lang)
    choices: list[InviteChoice] = []
    unforced = 0
    while len(choices) < seats and candidates:
        left = seats - len(choices) - 1
        needs = {p: _seats_needed(missing - p, _without(pool, p)) for p in pool if pool[p]}
        best_any, best, best_key = -1.0, None, None
        # Lazy greedy: gains only shrink (submodularity), so a stale gain is an upper bound.
        for c in sorted(candidates, key=lambda c: (-bound[c], str(c))):
            if best_key is not None and bound[c] < min(best_any, best_key[0]):
                break
            gain = bound[c] = sum(weight[t] for t in reach[c] if t not in reached)
            best_any = max(best_any, gain)
            k = key(c, gain, missing)
            if needs[profile[c]] <= left and (best_key is None or k > best_key):
                best, best_key = c, k
        if best is None:  # too few seats for the requirements (every gain is exact now): cover the most
            best = max(candidates, key=lambda c: (-needs[profile[c]], *key(c, bound[c], missing)))
            best_key = key(best, bound[best], missing)
        gain, adds = best_key[0], profile[best] & missing
        if gain <= 0 and not adds:
            break
        forced = gain < best_any
        unforced += not forced
        new = sorted((t for t in reach[best] if t not in reached), key=lambda t: (-weight[t], str(t)))
        reached.update(new)
        missing -= adds
        pool[profile[best]] -= 1
        candidates = [c for c in candidates if c != best]
        choices.append(_choice(G, words, len(choices) + 1, best, new, reach[best], gain,
                               tuple(r for r in requirements if r in adds), forced))
    total = sum(weight.values())
    covered = sum(weight[t] for t in reached)
    guarantee = 1.0 if covered >= total else 1 - (1 - 1 / seats) ** unforced
    return InvitePlan(zone, seats, tuple(choices), targets, requirements, seats_needed,
                      tuple(r for r in requirements if r in missing), float(covered), float(total),
                      round(guarantee, 6))


def _desc(text: str) -> tuple:
    """Sort key that puts ``text`` in descending order inside a max() (so ids break ties ascending)."""
    return tuple(-ord(ch) for ch in text) + (1,)


def _targets(G: nx.Graph, members: list, standings: dict | None = None) -> tuple[InviteTarget, ...]:
    found = []
    lines = {v: actor_line(G, v) for v in members}
    if standings is None:
        standings = standings_of(G, [v for v in members if lines[v] in _LINES])
    for v in members:
        line = lines[v]
        if line not in _LINES:
            continue
        s = standings[v]
        why = reasons(line, s) or ((PERIPHERAL,) if s.partners <= PERIPHERAL_DEGREE else ())
        if why:
            found.append(InviteTarget(str(v), line, why, float(sum(TARGET_WEIGHTS[r] for r in why))))
    return tuple(sorted(found, key=lambda t: (-t.weight, t.actor)))


def _region_actors(G: nx.Graph) -> list:
    return [v for v, zone in G.nodes(data="zone") if zone == REGION]


def _reach(G: nx.Graph, weight: dict, candidates: set) -> dict:
    """Candidate -> {target: distance} for the targets within REACH (2) steps."""
    reach: dict = {c: {} for c in candidates}
    adjacency = G._adj  # the plain dicts: set operations on them run at C speed
    for t in weight:
        near = adjacency[t].keys() - {t}
        far = set()
        for u in near:
            far.update(adjacency[u])
        far -= near
        far.discard(t)
        if t in candidates:
            reach[t][t] = 0
        for c in near & candidates:
            reach[c][t] = 1
        for c in far & candidates:
            reach[c][t] = 2
    return reach


def _requirements(G: nx.Graph, members: list) -> tuple[str, ...]:
    families = sorted({str(G.nodes[v].get("family")) for v in members if G.nodes[v].get("family")})
    lines = sorted({actor_line(G, v) for v in members} & set(_LINES))
    return tuple([f"family:{f}" for f in families] + [f"line:{line}" for line in lines])


def _profile(G: nx.Graph, c: Hashable, requirements: tuple) -> frozenset:
    mine = {f"family:{G.nodes[c].get('family')}", f"line:{actor_line(G, c)}"}
    return frozenset(mine & set(requirements))


def _without(pool: Counter, p: frozenset) -> frozenset:
    """The profiles still available once one candidate of profile ``p`` is taken."""
    return frozenset(q for q, n in pool.items() if n - (q == p) > 0)


@lru_cache(maxsize=4096)
def _seats_needed(missing: frozenset, profiles: frozenset) -> float:
    """The fewest candidates (one per profile) whose profiles cover ``missing``; inf if none can.

    >>> _seats_needed(frozenset({"a", "b", "c"}), frozenset({frozenset({"a", "b"}), frozenset({"c"})}))
    2
    """
    useful = sorted({p & missing for p in profiles if p & missing}, key=sorted)
    for k in range(len(missing) + 1):
        for combo in combinations(useful, k):
            if missing <= frozenset().union(*combo):
                return k
    return float("inf")


def _choice(G, words: Words, rank: int, c, new: list, reach: dict, gain: float, adds: tuple,
            forced: bool) -> InviteChoice:
    data = G.nodes[c]
    line = actor_line(G, c)
    what = words.value("sector", data.get("sector"))
    if line is not None:
        what += f", {words.value('line', line)}"
    reach_text = words.say("reach", n=len(new), who=words.names(new)) if new else ""
    # a family without a name of its own ("other") is named by the invitee's sector
    labels = [words.value("sector", data.get("sector")) if r.split(":")[1] not in _NAMED_FAMILIES
              else words.value(*r.split(":", 1)) for r in adds if r.startswith("family:")]
    labels += [words.value(*r.split(":", 1)) for r in adds if r.startswith("line:")]
    adds_text = ""
    if labels:
        adds_text = words.say("adds", sep=words.say("sep_next" if new else "sep_first"), what=words.both(labels))
    rationale = words.say("invite", x=words.name(c), what=what, reach=reach_text, adds=adds_text)
    return InviteChoice(rank, str(c), words.name(c), str(data.get("zone") or ""), str(data.get("sector") or ""),
                        str(data.get("family") or ""), line, tuple(str(t) for t in new),
                        tuple(str(t) for t in new if reach[t] <= 1), float(gain), adds, forced, rationale)

"""Whom to invite: the seats of a workshop that reach the most isolated and peripheral actors.

Question answered: *we have K seats at the zone's next workshop; whom do we
invite so that, together, they reach the zone's most isolated first- and
second-line actors, and every sector family and both lines are at the table?*

Targets
    The zone's first- and second-line actors with an isolation reason of
    :mod:`collabnet.analyses.isolation`, or *peripheral* ones (no reason, but at
    most :data:`~collabnet.analyses.standing.PERIPHERAL_DEGREE` partners outside
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
    A seat always reaches a target that no earlier seat reached: an invitee
    who reaches nobody new is never proposed, not even to bring a family or a
    line to the table (the plan then says what is not at the table), so a plan
    may fill fewer seats than it has.
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
A hub reaching three isolated general practitioners and the CPAS comes
first; nobody is left to reach, so the second seat stays free (welfare is at
the table through the CPAS, which the hub reaches, but not as an invitee):

>>> import networkx as nx
>>> G = nx.Graph([("hub", "gp1"), ("hub", "gp2"), ("hub", "gp3"), ("cpas", "hub")])
>>> for v in G:
...     G.nodes[v].update(zone="south", line=1, sector="medical", family="health", name=v.upper())
>>> G.nodes["cpas"].update(sector="social_assistance", family="welfare")
>>> plan = plan_invite(G, "south", 2)
>>> [(c.actor, c.reaches, c.adds) for c in plan.choices]
[('hub', ('gp1', 'gp2', 'gp3', 'cpas', 'hub'), ('family:health', 'line:1'))]
>>> plan.unmet, plan.guarantee
(('family:welfare',), 1.0)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

import networkx as nx
import numpy as np
from scipy import sparse

from collabnet.analyses.gaps import REGION, actor_line
from collabnet.analyses.standing import PERIPHERAL, PERIPHERAL_DEGREE, reasons, standings_of
from collabnet.errors import reason
from collabnet.graph import neighbour_numbers
from collabnet.planning.scope import PlanError, scope_actors
from collabnet.records.findings import Action
from collabnet.records.messages import Both, Label, Message, Name, Names, say

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
        The sentence for the workshop (put in words by :class:`collabnet.words.Vocabulary`).
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
    rationale: Message


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


def plan_invite(G: nx.Graph, zone: str, seats: int, *, standings: dict | None = None) -> InvitePlan:
    """Choose ``seats`` invitees for a workshop of ``zone`` (rules in the module docstring).

    Parameters
    ----------
    G : networkx.Graph
        The actor graph.
    zone : str
        Zone code, or ``region`` for the whole graph.
    seats : int
        Number of invitees, at least 1.
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
        raise PlanError(reason("seats_at_least_one", n=seats))
    members = scope_actors(G, zone)
    targets = _targets(G, members, standings)
    weight = {t.actor: t.weight for t in targets}
    candidates = members if zone == REGION else sorted({*members, *_region_actors(G)}, key=str)
    in_zone = set(members)
    reach = _Reach(G, list(weight), candidates)
    requirements = _requirements(G, members)
    profile = _profiles(G, candidates, requirements)  # per candidate, in candidates order
    pool = Counter(profile)
    kinds = list(pool)
    kind_of = np.array([kinds.index(p) for p in profile], dtype=np.int64) if profile else np.zeros(0, np.int64)
    seats_needed = _seats_needed(frozenset(requirements), frozenset(pool))
    weights = np.array(list(weight.values()), dtype=float)

    # Every candidate's gain (the weight of the targets it reaches that no seat reached yet) at each seat,
    # as one product: the same sums as candidate by candidate (whole weights: no rounding), so the same
    # choices as the lazy greedy of the rules above (a gain never grows as seats are filled).
    reached = np.zeros(len(weights), dtype=bool)
    # An invitee who reaches no target at all is no proposal, whatever it would bring to the table.
    left_out = np.asarray(reach.within @ weights).ravel() <= 0
    missing = frozenset(requirements)
    choices: list[InviteChoice] = []
    unforced = 0
    while len(choices) < seats and not left_out.all():
        left = seats - len(choices) - 1
        needs = {p: _seats_needed(missing - p, _without(pool, p)) for p in pool if pool[p]}
        open_weight = np.where(reached, 0.0, weights)
        gains, direct = reach.within @ open_weight, reach.direct @ open_weight
        gains[left_out] = -1.0

        def key(i: int, gains=gains, direct=direct, missing=missing) -> tuple:  # this seat's values
            c = candidates[i]
            return (float(gains[i]), len(profile[i] & missing), float(direct[i]), c in in_zone, _desc(str(c)))

        best_any = float(gains.max())
        fits = np.array([bool(pool[p]) and needs[p] <= left for p in kinds])
        eligible = ~left_out & fits[kind_of]
        if eligible.any():
            top = gains[eligible].max()
            best = max(np.nonzero(eligible & (gains == top))[0].tolist(), key=key)
        else:  # too few seats for the requirements: cover the most
            best = max(np.nonzero(~left_out)[0].tolist(), key=lambda i: (-needs[profile[i]], *key(i)))
        gain, adds = float(gains[best]), profile[best] & missing
        if gain <= 0:
            break  # a seat for someone who reaches no new target is no proposal, whatever it brings
        forced = gain < best_any
        unforced += not forced
        distance = reach.row(best)
        new = sorted((t for t, j in distance.items() if not reached[reach.column[t]]),
                     key=lambda t: (-weight[t], str(t)))
        reached[[reach.column[t] for t in new]] = True
        missing -= adds
        pool[profile[best]] -= 1
        left_out[best] = True
        choices.append(_choice(G, len(choices) + 1, candidates[best], new, distance, gain,
                               tuple(r for r in requirements if r in adds), forced))
    total = sum(weight.values())
    covered = sum(weight[t] for t in weight if reached[reach.column[t]])
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


class _Reach:
    """Which targets each candidate reaches within REACH (2) steps, as sparse candidates x targets matrices.

    ``within``: 1 where the target is within 2 steps; ``direct``: 1 where it is
    the candidate itself or a partner. Built from the targets' neighbours (the
    only nodes a 2-step path can pass through) and their neighbours, and one
    sparse product: the same reach as a breadth-first search from every target.
    """

    def __init__(self, G: nx.Graph, targets: list, candidates: list):
        self.targets = targets
        self.column = {t: j for j, t in enumerate(targets)}
        nodes = list(G)
        position = {v: i for i, v in enumerate(nodes)}
        index = np.full(len(nodes), -1, dtype=np.int64)  # each node's number among the candidates, or -1
        index[self._numbers(position, candidates)] = np.arange(len(candidates))
        at = self._numbers(position, targets)
        indptr, around = neighbour_numbers(G, position, targets)
        through_cols = np.repeat(np.arange(len(targets)), np.diff(indptr))
        proper = around != at[through_cols]  # the targets' neighbours, the only middles of a 2-step path
        around, through_cols = around[proper], through_cols[proper]
        middle = np.unique(around)
        number = np.full(len(nodes), -1, dtype=np.int64)
        number[middle] = np.arange(len(middle))
        near = index[around] >= 0
        near_rows, near_cols = index[around][near], through_cols[near]
        indptr, beyond = neighbour_numbers(G, position, [nodes[u] for u in middle.tolist()])
        to_cols = np.repeat(np.arange(len(middle)), np.diff(indptr))
        found = index[beyond] >= 0
        to_rows, to_cols = index[beyond][found], to_cols[found]
        through_rows = number[around]
        shape = (len(candidates), len(targets))
        # targets x candidates, turned: the conversion back to rows sorts each row's columns in one pass
        two = (self._matrix(through_cols, through_rows, (len(targets), len(middle)))
               @ self._matrix(to_cols, to_rows, (len(middle), len(candidates)))).T.tocsr()
        two.data[:] = 4
        one = self._matrix(near_rows, near_cols, shape) * 2
        itself = index[at] >= 0
        zero = self._matrix(index[at][itself], np.flatnonzero(itself), shape)
        # Each kind of path its own bit: 1 = the target itself, 2 = a partner, 4 = a partner's partner.
        bits = (two + (one + zero)).tocsr()  # the few direct entries first: one pass over the many
        bits.sort_indices()
        self.bits = bits
        self.within = sparse.csr_matrix((np.ones(bits.nnz), bits.indices, bits.indptr), shape=shape)
        direct = np.flatnonzero(bits.data % 4 > 0)  # itself or a partner
        indptr = np.searchsorted(direct, bits.indptr)  # the direct entries before each row
        self.direct = sparse.csr_matrix((np.ones(len(direct)), bits.indices[direct], indptr), shape=shape)

    @staticmethod
    def _numbers(position: dict, nodes: list) -> np.ndarray:
        return np.fromiter(map(position.__getitem__, nodes), np.int64, len(nodes))

    @staticmethod
    def _matrix(rows: np.ndarray, cols: np.ndarray, shape: tuple) -> sparse.csr_matrix:
        return sparse.csr_matrix((np.ones(len(rows), dtype=np.int64), (rows, cols)), shape=shape)

    def row(self, i: int) -> dict:
        """Target -> distance (0, 1 or 2) for candidate ``i``, in target order."""
        start, end = self.bits.indptr[i], self.bits.indptr[i + 1]
        return {self.targets[j]: 0 if b & 1 else 1 if b & 2 else 2
                for j, b in zip(self.bits.indices[start:end].tolist(), self.bits.data[start:end].tolist())}


def _profiles(G: nx.Graph, candidates: list, requirements: tuple) -> list[frozenset]:
    """:func:`_profile` of every candidate, worked out once per family and line."""
    found: dict = {}
    result = []
    for c in candidates:
        key = (G.nodes[c].get("family"), actor_line(G, c))
        if key not in found:
            found[key] = _profile(G, c, requirements)
        result.append(found[key])
    return result


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


def _choice(G, rank: int, c, new: list, reach: dict, gain: float, adds: tuple,
            forced: bool) -> InviteChoice:
    data = G.nodes[c]
    line = actor_line(G, c)
    what = Label("sector", data.get("sector"))
    if line is not None:
        what = say("sector_line", sector=what, line=Label("line", line))
    reach_text = say("reach", n=len(new), who=Names(tuple(new))) if new else ""
    # a family without a name of its own ("other") is named by the invitee's sector
    labels = [Label("sector", data.get("sector")) if r.split(":")[1] not in _NAMED_FAMILIES
              else Label(*r.split(":", 1)) for r in adds if r.startswith("family:")]
    labels += [Label(*r.split(":", 1)) for r in adds if r.startswith("line:")]
    adds_text = ""
    if labels:
        adds_text = say("adds", sep=say("sep_next" if new else "sep_first"), what=Both(tuple(labels)))
    rationale = say("invite_plan", x=Name(c), what=what, reach=reach_text, adds=adds_text)
    return InviteChoice(rank, str(c), str(data.get("name") or c), str(data.get("zone") or ""),
                        str(data.get("sector") or ""),
                        str(data.get("family") or ""), line, tuple(str(t) for t in new),
                        tuple(str(t) for t in new if reach[t] <= 1), float(gain), adds, forced, rationale)

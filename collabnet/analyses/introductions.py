"""Whom to introduce to whom, and who makes the introduction: the one introduction search.

Actions (:mod:`collabnet.analyses.actions`) and plans (:mod:`collabnet.planning`)
both ask two questions, answered here once:

- **which pair**: :meth:`IntroductionSearch.best_pair` looks, among two sets of
  actors (or one actor and anyone a test accepts), for two actors not linked
  yet and not colleagues, preferring a pair with a *common neighbour* (someone
  who already works with both), then actors of the zone (then region-wide,
  then other zones), first- and second-line actors, the strongest brokers,
  and ids; or, for the plans, simply the pair with the smallest ids that has a
  common neighbour. The search walks each actor's neighbours best first and
  stops after a bounded number of steps. :meth:`IntroductionSearch.best_partner`
  answers the most frequent question, one actor's best partner through a
  common neighbour, with one numpy pass over its paths of length two (an
  internal fast path; tests check it gives the same answer).
- **who introduces them**: :func:`introducer`, the common neighbour with the
  strongest tie to the weaker side (a direct tie counts 1, sitting in a
  group of ``n`` counts ``1/(n-1)``), outside both their organisations, then by id.

Examples
--------
>>> import networkx as nx
>>> G = nx.Graph([("gp", "net"), ("cpas", "net"), ("gp", "ws"), ("cpas", "ws")])
>>> G.edges["gp", "ws"]["weight"] = G.edges["cpas", "ws"]["weight"] = 0.1
>>> nx.set_node_attributes(G, "south", "zone")
>>> search = IntroductionSearch(G)
>>> search.best_pair(["gp"], ["cpas"], zone="south")
('gp', 'cpas', 'net')
>>> introducer(G, "gp", "cpas")
'net'
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from functools import cached_property
from itertools import islice

import networkx as nx
import numpy as np

from collabnet.algorithms.blocks import adjacency_matrix
from collabnet.analyses.gaps import actor_line
from collabnet.codes import REGION
from collabnet.graph import adjacency_of, org_of, same_organisation

__all__ = ["SEARCH_BUDGET", "IntroductionSearch", "introducer"]

#: Neighbour steps per search: bounded time on dense graphs (200-person workshop cliques).
SEARCH_BUDGET = 20_000


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
    adjacency = adjacency_of(G)
    small, large = (u, v) if _degree(adjacency, u) <= _degree(adjacency, v) else (v, u)
    near, far = adjacency[small], adjacency[large]
    best, best_key = None, None
    for steps, w in enumerate(near):
        if steps >= budget:
            break
        if w in (u, v) or w not in far:
            continue
        strength = min(near[w].get("weight", 1.0), far[w].get("weight", 1.0))
        key = (-strength, same_organisation(G, w, u) or same_organisation(G, w, v), str(w))
        if best_key is None or key < best_key:
            best, best_key = w, key
    return best


def _degree(adjacency: dict, v: Hashable) -> int:
    """``G.degree(v)`` on the graph's adjacency dicts (a self-loop counts twice)."""
    return len(adjacency[v]) + (v in adjacency[v])


class IntroductionSearch:
    """The graph prepared for introduction searches: actor preferences, an index, the graph as arrays.

    Parameters
    ----------
    G : networkx.Graph
        The graph (node attributes ``zone``, ``sector``, ``family``, ``line``,
        ``language``, ``kind``, ``organisation``).
    rank : mapping, optional
        Actor -> broker rank in its zone (brokers.csv); a lower rank is preferred.
    """

    def __init__(self, G: nx.Graph, rank: Mapping[Hashable, float] | None = None):
        self.G = G
        self.adjacency = adjacency_of(G)
        rank = rank or {}
        # per-actor facts, looked up in the inner loops of the searches
        self.line_of = {v: actor_line(G, v) for v in G}
        self.org_of = {v: org_of(G, v) for v in G}
        self.zone_of = dict(G.nodes(data="zone"))
        self.prefs = {v: (0 if self.line_of[v] in (1, 2) else 1, float(rank.get(v, math.inf)), str(v)) for v in G}
        self.everyone = sorted(G, key=self.preference)
        # (zone, attribute, value) -> actors best first; a zone's actor is also under (REGION, ...) = whole graph
        self.index: dict = defaultdict(list)
        for v in self.everyone:
            data = G.nodes[v]
            values = {"zone": data.get("zone"), "sector": data.get("sector"), "family": data.get("family"),
                      "line": self.line_of[v], "language": data.get("language")}
            for attribute, value in values.items():
                self.index[(data.get("zone"), attribute, value)].append(v)
                if data.get("zone") != REGION:
                    self.index[(REGION, attribute, value)].append(v)

    # ----- actor preference -----
    def preference(self, v: Hashable) -> tuple:
        """First/second line first, then strongest broker (lowest rank), then id."""
        return self.prefs[v]

    def distance(self, v: Hashable, zone: str | None) -> int:
        """0 for an actor of ``zone``, 1 for a region-wide actor, 2 for another zone's."""
        own = self.zone_of[v]
        return 0 if zone is None or own == zone else 1 if own == REGION else 2

    def same_org(self, u: Hashable, v: Hashable) -> bool:
        org = self.org_of[u]
        return org is not None and org == self.org_of[v]

    def may_meet(self, x: Hashable, y: Hashable) -> bool:
        """``x`` and ``y`` can be introduced: two actors, not linked yet, not colleagues."""
        return not (x == y or y in self.adjacency[x] or self.same_org(x, y))

    def members(self, zone: str, attribute: str, value) -> list:
        """Actors of ``zone`` (``region``: the whole graph) with that value, best first."""
        return self.index[(zone, attribute, int(value) if attribute == "line" else value)]

    def outside(self, zone: str, allowed: Callable, limit: int | None = None) -> list:
        """Allowed actors outside ``zone``, best first: region-wide ones if any, else those of other zones."""
        for pool in (self.index[(REGION, "zone", REGION)], self.everyone):
            found = list(islice((v for v in pool if self.zone_of[v] != zone and allowed(v)), limit))
            if found:
                return found
        return []

    @cached_property
    def arrays(self) -> _Arrays:
        """The graph as arrays, actors numbered best first (built on first use)."""
        return _Arrays(self)

    def neighbours(self, v: Hashable) -> list:
        """The neighbours of ``v``, best first (:meth:`preference`): the order the searches use."""
        arrays = self.arrays
        i = arrays.index[v]
        return [self.everyone[j] for j in arrays.indices[arrays.indptr[i]:arrays.indptr[i + 1]]]

    def introducer(self, x: Hashable, y: Hashable, found: Hashable | None = None) -> Hashable | None:
        """Who introduces ``x`` and ``y`` (:func:`introducer`); ``found``: a common neighbour the search met,
        named when the bounded look finds none."""
        return introducer(self.G, x, y) or found

    # ----- the searches -----
    def best_pair(self, side_a: list, side_b: list | None, allowed: Callable | None = None,
                  zone: str | None = None, through: bool = True, *, order: str = "preference",
                  budget: list | None = None) -> tuple | None:
        """The best ``(x, y, via)`` with x in side_a, y in side_b, not linked, not colleagues.

        Parameters
        ----------
        side_a, side_b : lists of actors
            Best first; ``side_b=None``: any actor ``allowed`` accepts, through a
            common neighbour only.
        allowed : callable, optional
            A further test of ``y`` (``order="preference"``) or of the pair ``(x, y)``
            (``order="ids"``).
        zone : str, optional
            The zone the introduction is for (its actors are preferred).
        through : bool
            Look for pairs with a common neighbour (False: only the best 20 of
            each side, without one).
        order : {"preference", "ids"}
            ``preference``: a pair with a common neighbour, actors of ``zone`` (then
            region-wide, then other zones), first/second line, strongest brokers,
            ids; without a common neighbour, the best 20 of each side are tried.
            ``ids``: the pair with a common neighbour whose ids come first (the
            plans' deterministic choice), never one without.
        budget : list of one int, optional
            Neighbour steps left, shared by several searches (default
            :data:`SEARCH_BUDGET` for this one); the search stops after the
            neighbour that takes it below zero.

        Returns
        -------
        tuple or None
            ``(x, y, via)``, ``via`` = :meth:`introducer` of the pair (None
            when the pair has no common neighbour); for ``order="ids"`` the pair
            sorted by id.
        """
        adjacency = self.adjacency
        by_ids = order == "ids"
        in_b = None if side_b is None else set(side_b)
        best, best_key = None, None
        budget = [SEARCH_BUDGET] if budget is None else budget
        valid: dict = {}  # (x, y) -> may be introduced (checked once per pair, whatever the via)

        def consider(x, y, w):
            nonlocal best, best_key
            ok = valid.get((x, y))
            if ok is None:
                ok = self.may_meet(x, y) and not (allowed and not (allowed(x, y) if by_ids else allowed(y)))
                valid[(x, y)] = ok
            if not ok:
                return
            if by_ids:
                key = tuple(sorted((str(x), str(y))))
            else:
                px, py = self.preference(x), self.preference(y)
                key = (w is None, self.distance(x, zone) + self.distance(y, zone), px[0] + py[0], px[1] + py[1],
                       min(str(x), str(y)), max(str(x), str(y)))
            if best_key is None or key < best_key:
                best, best_key = (x, y, w), key

        for x in side_a if through else ():
            for w in self.neighbours(x):
                for y in adjacency[w]:
                    if in_b is None or y in in_b:
                        consider(x, y, w)
                budget[0] -= _degree(adjacency, w)
                if budget[0] < 0:
                    break
            if budget[0] < 0:
                break
        if best is None and side_b is not None and not by_ids:
            for x in side_a[:20]:
                for y in side_b[:20]:
                    consider(x, y, None)
        if best is None:
            return None
        x, y, w = best
        via = None if w is None else self.introducer(x, y, w)
        if by_ids:
            x, y = sorted((x, y), key=str)
        return x, y, via

    def best_partner(self, x: Hashable, zone: str, line: int | None = None,
                     other_sector: bool = False) -> tuple | None:
        """``best_pair([x], None, allowed, zone)`` for one actor, on arrays: ``(x, y, via)`` or None.

        ``y`` must have care line ``line`` (when given) and, with ``other_sector``,
        a main sector other than that of ``x``. The same preference and the
        same search bound as :meth:`best_pair` (whose Python loops this replaces
        for the many isolated actors: one numpy pass over the paths of length
        two instead of a loop over each).
        """
        a = self.arrays
        i = a.index[x]
        around = a.indices[a.indptr[i]:a.indptr[i + 1]]  # best first
        degree = a.degree[around]
        past = np.flatnonzero(np.cumsum(degree) > SEARCH_BUDGET)
        vias = around if not past.size else around[:past[0] + 1]
        starts, lengths = a.indptr[vias], degree[:len(vias)]
        if not lengths.sum():
            return None
        offsets = np.repeat(starts - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths)
        ys = a.indices[np.arange(len(offsets)) + offsets]
        via = np.repeat(vias, lengths)
        ok = a.eligible(i, ys, line, other_sector)
        if not ok.any():
            return None
        ys, via = ys[ok], via[ok]
        zone_code = a.zone_code.get(zone, -2)
        distance = np.where(a.zone[ys] == zone_code, 0, np.where(a.zone[ys] == a.region, 1, 2))
        # Actors are numbered in preference order (line, rank, id): the best is the first with the least
        # (distance, number); when x has no rank, inf + anything ties and the ranks drop out of the order.
        if np.isfinite(a.rank[i]):
            order = distance * len(a.index) + ys
        else:
            order = (2 * distance + a.line_pref[ys]) * len(a.index) + a.id_order[ys]
        best = int(np.argmin(order))
        y = self.everyone[ys[best]]
        return x, y, self.introducer(x, y, self.everyone[via[best]])

    def strangers(self, x: Hashable, zone: str, limit: int, line: int | None = None,
                  other_sector: bool = False) -> list:
        """Up to ``limit`` actors, best first, that ``x`` could be introduced to without a common neighbour.

        Not ``x``, not its partners or colleagues, of care line ``line`` (when given),
        of another main sector (with ``other_sector``); actors of ``zone`` if any, else
        region-wide ones, else those of other zones.
        """
        a = self.arrays
        i = a.index[x]
        for pool in a.pools(zone):
            found, start, size = [], 0, 4 * limit
            while start < len(pool) and len(found) < limit:  # the best few are usually enough
                ys = pool[start:start + size]
                found.extend(ys[a.eligible(i, ys, line, other_sector)][:limit - len(found)])
                start, size = start + size, 4 * size
            if found:
                return [self.everyone[y] for y in found]
        return []


class _Arrays:
    """The graph as arrays for :meth:`IntroductionSearch.best_partner`.

    Actors are numbered in the search's preference order (``everyone``), so a
    smaller number is a better actor; ``indices[indptr[i]:indptr[i + 1]]`` are
    actor ``i``'s neighbours, best first. Codes are -1 where a value is missing.
    """

    def __init__(self, search: IntroductionSearch):
        G, nodes = search.G, search.everyone
        self.index = {v: i for i, v in enumerate(nodes)}
        n = len(nodes)
        matrix = adjacency_matrix(G, nodes)[1]
        self.indptr, self.indices = matrix.indptr.astype(np.int64), matrix.indices.astype(np.int64)
        self.degree = np.diff(self.indptr)
        self.mark = np.zeros(n, dtype=bool)  # scratch for eligible(): the partners of one actor
        self.org = _codes([search.org_of[v] for v in nodes])[0]
        self.line = np.array([-1 if search.line_of[v] is None else int(search.line_of[v]) for v in nodes],
                             dtype=np.int64)
        self.sector = _codes([G.nodes[v].get("sector") for v in nodes])[0]
        self.zone, self.zone_code = _codes([search.zone_of[v] for v in nodes])
        self.region = self.zone_code.get(REGION, -2)
        self._pools: dict = {}
        self.line_pref = np.array([search.prefs[v][0] for v in nodes], dtype=np.int64)
        self.rank = np.array([search.prefs[v][1] for v in nodes], dtype=float)
        self.id_order = np.empty(n, dtype=np.int64)
        self.id_order[sorted(range(n), key=lambda j: str(nodes[j]))] = np.arange(n)

    def pools(self, zone: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The actors of ``zone``, the region-wide ones and those of other zones, best first."""
        if zone not in self._pools:
            code = self.zone_code.get(zone, -2)
            self._pools[zone] = (np.flatnonzero(self.zone == code), np.flatnonzero(self.zone == self.region),
                                 np.flatnonzero(self.zone != code))
        return self._pools[zone]

    def eligible(self, i: int, ys: np.ndarray, line: int | None, other_sector: bool) -> np.ndarray:
        """Which actors ``ys`` actor ``i`` could be introduced to: not itself, a partner or a colleague;
        of care line ``line`` (when given); of another main sector (with ``other_sector``)."""
        around = self.indices[self.indptr[i]:self.indptr[i + 1]]
        self.mark[around] = True
        ok = (ys != i) & ~self.mark[ys]
        self.mark[around] = False
        if self.org[i] >= 0:
            ok &= self.org[ys] != self.org[i]
        if line is not None:
            ok &= self.line[ys] == int(line)
        if other_sector:
            ok &= self.sector[ys] != self.sector[i]
        return ok


def _codes(values: Iterable) -> tuple[np.ndarray, dict]:
    """Integer codes of hashable values (-1 for None) and the value -> code table."""
    table: dict = {}
    codes = np.array([-1 if x is None else table.setdefault(x, len(table)) for x in values], dtype=np.int64)
    return codes, table

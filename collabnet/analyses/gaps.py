"""Gaps per care zone: sectors, lines and language networks that do not work together.

For every zone (the actors whose ``zone`` attribute is that zone, and the edges
with both ends among them) and for the whole region (zone ``region``: the whole
graph), :func:`find_gaps` compares the edges observed between two sets of actors
with the number expected if the zone's edges fell at random among its actors:
``expected = density * n_a * n_b`` with ``density = m / (n (n - 1) / 2)`` of the
zone subgraph (the same null model as a density table in blockmodelling).

Gap kinds (column ``gap``):

``sector_pair``
    two main sectors both present in the zone, no edge between them.
``sector_missing``
    a main sector present in strictly more than half of the *other* zones that
    have actors (``region`` is not a zone here) but with no actor in this zone.
    ``observed`` is 0 and ``expected`` is the mean number of actors of that
    sector in the other zones where it is present. Not computed for ``region``,
    nor when fewer than :data:`MIN_OTHER_ZONES` (2) other zones have actors: in
    a dataset of two zones, "present in 1 of the 1 other zones" is not "most".
``line_gap``
    no edge between the zone's first-line (``a = 1``) and second-line (``b = 2``)
    actors, or one of the two lines absent while the other is present.
``language_gap``
    no edge between the zone's ``nl`` and ``fr`` actors (only when both are
    present; bilingual ``bi`` actors are named in the evidence, as the people
    who can bridge).
``weak_sector_pair`` (extra)
    edges exist between two sectors but far fewer than expected:
    ``0 < observed <= expected / 4``.
``family_pair`` (extra)
    actors of the ``health`` and ``welfare`` families both present, no edge
    between the two families.
``weak_family_pair`` (extra)
    ``0 < observed <= expected / 4`` between the two families.

Severity (higher = more urgent), in plain words: the number of links missing
compared with a random zone of the same density (``expected - observed``),
doubled where the gap is between health and welfare, the region's first
priority (a ``family_pair``, or a sector pair with one health and one welfare
sector). For a line gap and a language gap, severity is the expected number of
links plus the number of actors cut off (all first- and second-line actors, or
all ``nl`` and ``fr`` actors, since none of them has a link across); a missing
line therefore still counts as many actors as the present line has. For a
missing sector, severity is the number of actors the zone would have if it
looked like the other zones (``expected``).

Rows are sorted by zone, severity (highest first), gap, a, b.

Examples
--------
>>> import networkx as nx
>>> G = nx.Graph()
>>> G.add_nodes_from([("g1", {"zone": "south", "sector": "medical", "family": "health", "line": 1}),
...                   ("g2", {"zone": "south", "sector": "medical", "family": "health", "line": 1}),
...                   ("c1", {"zone": "south", "sector": "social_assistance", "family": "welfare", "line": 1})])
>>> G.add_edge("g1", "g2")
>>> for g in find_gaps(G, zones=["south"]):
...     print(g.gap, g.a, g.b, g.observed, g.expected, g.severity)
line_gap 1 2 0 0.0 3.0
family_pair health welfare 0 0.666667 1.333333
sector_pair medical social_assistance 0 0.666667 1.333333
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

import networkx as nx
import numpy as np

from collabnet.algorithms.blocks import edge_ends
from collabnet.codes import REGION
from collabnet.records.findings import Gap

__all__ = [
    "PRIORITY_WEIGHT",
    "WEAK_RATIO",
    "actor_line",
    "find_gaps",
    "id_list",
    "zone_members",
]

# A pair is "weak" when it has at most a quarter of the edges a random zone would have.
WEAK_RATIO = 0.25
# Health <-> welfare integration is the region's first priority: those gaps count double.
PRIORITY_WEIGHT = 2.0
_PRIORITY_FAMILIES = frozenset({"health", "welfare"})
_EVIDENCE_IDS = 3


def actor_line(G: nx.Graph, v: Hashable) -> int | None:
    """The care line of actor ``v`` as an int (None when it is not a care provider)."""
    line = G.nodes[v].get("line")
    if line is None or line == "":
        return None
    return int(line)


def zone_members(G: nx.Graph) -> dict[str, list]:
    """Zone code -> sorted actor ids, for the zones that have actors (``region`` excluded).

    >>> G = nx.Graph([("b", "a")])
    >>> nx.set_node_attributes(G, {"a": "north", "b": "region"}, "zone")
    >>> zone_members(G)
    {'north': ['a']}
    """
    members: dict[str, list] = defaultdict(list)
    for v, zone in G.nodes(data="zone"):
        if zone and zone != REGION:
            members[zone].append(v)
    return {zone: sorted(nodes, key=str) for zone, nodes in sorted(members.items())}


def id_list(nodes: Iterable, limit: int = _EVIDENCE_IDS) -> str:
    """A few ids for an evidence string: ``a, b, c and 4 more``.

    >>> id_list(["x", "y"]), id_list("abcde")
    ('x, y', 'a, b, c and 2 more')
    """
    nodes = [str(v) for v in nodes]
    shown = ", ".join(nodes[:limit])
    return f"{shown} and {len(nodes) - limit} more" if len(nodes) > limit else shown


def find_gaps(G: nx.Graph, zones: Iterable[str] | None = None) -> list[Gap]:
    """Find the gaps of each zone and of the whole region.

    Parameters
    ----------
    G : networkx.Graph
        Actor graph with node attributes ``zone``, ``sector``, ``family``,
        ``line`` and ``language`` (missing attributes count as absent).
    zones : iterable of str, optional
        Zone codes to report (``region`` = the whole graph). Default: every zone
        that has actors, plus ``region``. ``sector_missing`` always compares with
        all the zones of ``G``.

    Returns
    -------
    list of Gap
        Sorted by zone, severity (descending), gap, a, b.

    Notes
    -----
    The expected count is the density null model: with ``m`` edges among ``n``
    actors, each of the ``n_a * n_b`` possible a-b pairs is an edge with
    probability ``m / (n (n - 1) / 2)``.
    """
    members = zone_members(G)
    sectors = {z: Counter(G.nodes[v].get("sector") for v in nodes) for z, nodes in members.items()}
    wanted = [*members, REGION] if zones is None else list(dict.fromkeys(zones))
    scopes = _scopes(G, {z for z in wanted if z == REGION or z in members})
    family_of = {d.get("sector"): d.get("family") for _, d in G.nodes(data=True)}
    gaps: list[Gap] = []
    for zone in wanted:
        if zone in scopes:
            gaps.extend(_scope_gaps(zone, scopes[zone], family_of))
        if zone in members:
            gaps.extend(_missing_sectors(zone, sectors))
    return sorted(gaps, key=lambda g: (g.zone, -g.severity, g.gap, g.a, g.b))


_ATTRIBUTES = ("sector", "family", "line", "language")


@dataclass
class _Scope:
    """What the gaps of one zone (or of the whole region) are computed from."""

    nodes: int = 0
    edges: int = 0
    # attribute -> value -> actors (sorted); attribute -> unordered value pair -> edges, example edges
    groups: dict = field(default_factory=lambda: {a: defaultdict(list) for a in _ATTRIBUTES})
    counts: dict = field(default_factory=lambda: {a: Counter() for a in _ATTRIBUTES})
    examples: dict = field(default_factory=dict)

    @property
    def density(self) -> float:
        n = self.nodes
        return self.edges / (n * (n - 1) / 2) if n > 1 else 0.0


class _Examples:
    """Unordered value pair -> the first :data:`_EVIDENCE_IDS` edges between the two values, by name.

    Found when asked (only the weak pairs' evidence needs them): ``a-b`` names the
    edge from the ``a`` side (in the graph's order for an edge inside one value).
    """

    def __init__(self, names: list, u: np.ndarray, v: np.ndarray, codes: np.ndarray, code_of: dict):
        self.names, self.u, self.v, self.codes, self.code_of = names, u, v, codes, code_of

    @cached_property
    def _ends(self) -> tuple[np.ndarray, np.ndarray]:
        """The value codes of every edge's two ends (once, on the first pair asked)."""
        return self.codes[self.u], self.codes[self.v]

    def __getitem__(self, pair: tuple) -> list[str]:
        a, b = (self.code_of[value] for value in pair)
        cu, cv = self._ends
        forward = np.flatnonzero((cu == a) & (cv == b))
        backward = np.flatnonzero((cu == b) & (cv == a) & (cu != cv))
        names = self.names
        labels = [f"{names[self.u[i]]}-{names[self.v[i]]}" for i in forward]
        labels += [f"{names[self.v[i]]}-{names[self.u[i]]}" for i in backward]
        return sorted(labels)[:_EVIDENCE_IDS]


def _scopes(G: nx.Graph, wanted: set[str]) -> dict[str, _Scope]:
    """One pass over the actors, and array counts over the edges, for every wanted zone (``region`` = all)."""
    scopes = {zone: _Scope() for zone in wanted}
    names = sorted(G, key=str)
    index = {v: i for i, v in enumerate(names)}
    zones, values = [], {attribute: [] for attribute in _ATTRIBUTES}
    for v in names:
        data = G.nodes[v]
        of_v = {"sector": data.get("sector"), "family": data.get("family"), "line": actor_line(G, v),
                "language": data.get("language")}
        zones.append(data.get("zone"))
        for scope in _scopes_of(scopes, zones[-1], zones[-1]):
            scope.nodes += 1
            for attribute, value in of_v.items():
                if value is not None and value != "":
                    scope.groups[attribute][value].append(v)
        for attribute, value in of_v.items():
            values[attribute].append(value)
    u, v = edge_ends(G, index)
    zone_codes, zone_code = _value_codes(zones)
    coded = {attribute: _value_codes(values[attribute]) for attribute in _ATTRIBUTES}
    for zone, scope in scopes.items():
        if zone == REGION:
            inside = np.ones(len(u), dtype=bool)
        else:
            code = zone_code.get(zone, -1)
            inside = (zone_codes[u] == code) & (zone_codes[v] == code)
        su, sv = u[inside], v[inside]
        scope.edges = len(su)
        for attribute in _ATTRIBUTES:
            codes, code_of = coded[attribute]
            value_of = {code: value for value, code in code_of.items()}
            low, high = np.minimum(codes[su], codes[sv]), np.maximum(codes[su], codes[sv])
            pairs, counts = np.unique(low * len(code_of) + high, return_counts=True)
            scope.counts[attribute] = Counter({(value_of[int(p) // len(code_of)], value_of[int(p) % len(code_of)]): int(n)
                                               for p, n in zip(pairs, counts)})
            scope.examples[attribute] = _Examples(names, su, sv, codes, code_of)
    return scopes


def _value_codes(values: list) -> tuple[np.ndarray, dict]:
    """Codes numbering the distinct values in the order of their text (so a pair's order is the text order)."""
    code_of = {value: i for i, value in enumerate(sorted(set(values), key=str))}
    return np.array([code_of[value] for value in values], dtype=np.int64), code_of


def _scopes_of(scopes: dict[str, _Scope], zone_u, zone_v) -> list[_Scope]:
    """The scopes an actor (zone_u == zone_v) or an edge counts in: the region, and its zone."""
    found = [scopes[REGION]] if REGION in scopes else []
    if zone_u == zone_v and zone_u in scopes and zone_u != REGION:
        found.append(scopes[zone_u])
    return found


def _scope_gaps(zone: str, scope: _Scope, family_of: dict) -> list[Gap]:
    """Pair gaps (sectors, families, lines, languages) inside one zone or the region."""

    def sector_weight(a: str, b: str) -> float:
        return PRIORITY_WEIGHT if {family_of.get(a), family_of.get(b)} == _PRIORITY_FAMILIES else 1.0

    gaps = _pair_gaps(scope, zone, "sector", "sector_pair", "weak_sector_pair", sector_weight)
    gaps += _pair_gaps(scope, zone, "family", "family_pair", "weak_family_pair", lambda a, b: PRIORITY_WEIGHT,
                       values=("health", "welfare"))
    gaps += _cross_gaps(scope, zone, "line", "line_gap", (1, 2), require_both=False)
    gaps += _cross_gaps(scope, zone, "language", "language_gap", ("nl", "fr"), require_both=True)
    return gaps


def _side(value: object, nodes: list) -> str:
    return f"{value}: {len(nodes)} ({id_list(nodes)})" if nodes else f"{value}: 0"


def _pair_gaps(scope: _Scope, zone, attribute, kind, weak_kind, weight, values=None) -> list[Gap]:
    """``kind`` rows for pairs with no edge, ``weak_kind`` rows for pairs far below expectation."""
    groups, counts, examples = (x[attribute] for x in (scope.groups, scope.counts, scope.examples))
    density = scope.density
    present = sorted((v for v in groups if values is None or v in values), key=str)
    gaps = []
    for i, a in enumerate(present):
        for b in present[i + 1:]:
            observed = counts[(a, b)]
            expected = density * len(groups[a]) * len(groups[b])
            if observed and observed > WEAK_RATIO * expected:
                continue
            evidence = f"{_side(a, groups[a])}; {_side(b, groups[b])}; {observed} edges"
            if observed:
                evidence += f" ({', '.join(examples[(a, b)])})"
            evidence += f"; zone density {density:.6f}"
            gaps.append(_gap(zone, weak_kind if observed else kind, a, b, observed, expected,
                             (expected - observed) * weight(a, b), evidence))
    return gaps


def _cross_gaps(scope: _Scope, zone, attribute, kind, values, require_both) -> list[Gap]:
    """A gap row when the two values (lines 1/2, languages nl/fr) have no edge between them."""
    groups, counts = scope.groups[attribute], scope.counts[attribute]
    side_a, side_b = (groups.get(value, []) for value in values)
    if not (side_a or side_b) or (require_both and not (side_a and side_b)):
        return []
    a, b = values
    if counts[(a, b)] + counts[(b, a)]:
        return []
    expected = scope.density * len(side_a) * len(side_b)
    evidence = f"{_side(a, side_a)}; {_side(b, side_b)}; 0 edges"
    if kind == "language_gap" and groups.get("bi"):
        evidence += f"; bilingual actors who could bridge: {_side('bi', groups['bi'])}"
    return [_gap(zone, kind, str(a), str(b), 0, expected, expected + len(side_a) + len(side_b), evidence)]


#: Other zones with actors needed before a sector can be called missing from a zone.
MIN_OTHER_ZONES = 2


def _missing_sectors(zone: str, count: dict[str, Counter]) -> list[Gap]:
    """Sectors present in strictly more than half of the other zones but absent from ``zone``.

    ``count``: zone -> Counter of main sectors, for every zone that has actors.
    """
    others = [z for z in count if z != zone]
    if len(others) < MIN_OTHER_ZONES:
        return []  # "present in 1 of the 1 other zones" is no evidence that a sector is missing
    gaps = []
    for sector in sorted({s for c in count.values() for s in c if s}):
        if count[zone][sector]:
            continue
        present = [z for z in others if count[z][sector]]
        if 2 * len(present) <= len(others):
            continue
        expected = sum(count[z][sector] for z in present) / len(present)
        where = ", ".join(f"{z} {count[z][sector]}" for z in present)
        evidence = f"{sector}: 0 here; present in {len(present)} of {len(others)} other zones ({where})"
        gaps.append(_gap(zone, "sector_missing", sector, "", 0, expected, expected, evidence))
    return gaps


def _gap(zone, kind, a, b, observed, expected, severity, evidence) -> Gap:
    return Gap(zone, kind, str(a), str(b), int(observed), round(float(expected), 6), round(float(severity), 6),
               evidence)

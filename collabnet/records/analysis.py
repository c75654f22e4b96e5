"""The analysis record: everything every output needs, computed once, read by every renderer.

:func:`collabnet.analyses.analyse` returns one :class:`Analysis` per dataset
and date. Tables, reports, views, the terminal summary, exports and ``diff``
read it; none recomputes a finding. Restricting to a zone is a view of the
record (:meth:`Analysis.for_zone`), not a second computation. Nothing in it
depends on a language: sentences are :class:`~collabnet.records.messages.Message`
records that a :class:`~collabnet.words.Vocabulary` puts in words.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Any

from collabnet.codes import REGION
from collabnet.records.findings import Action, Broker, CutEdge, Gap, IsolatedActor, SectorMatrix, brokers_frame

__all__ = ["Analysis", "Counts", "LeftOut", "Summary", "ZoneSummary", "frozen_mapping"]

_COUNT_KEYS = ("actors", "organisations", "persons", "groups", "ties", "memberships", "edges")


def frozen_mapping(items: Mapping | None = None) -> Mapping:
    """A read-only copy of ``items`` (a record never changes once made).

    >>> m = frozen_mapping({"a": 1})
    >>> m["a"], isinstance(m, Mapping)
    (1, True)
    """
    return MappingProxyType(dict(items or {}))


@dataclass(frozen=True)
class Counts:
    """What is active on the analysis date: nodes and edges of the graph, groups, tie and membership rows."""

    actors: int
    organisations: int
    persons: int
    groups: int
    ties: int
    memberships: int
    edges: int

    def to_dict(self) -> dict[str, int]:
        return {key: getattr(self, key) for key in _COUNT_KEYS}


@dataclass(frozen=True)
class LeftOut:
    """Input rows left out of the analysis, each counted once (summary.json ``rows_left_out``).

    ``problems`` are ``(file, row, column, reason)``, sorted; row 0 is a whole file.
    """

    total: int
    by_file: tuple[tuple[str, int], ...]
    by_reason: tuple[tuple[str, int], ...]
    problems: tuple[tuple[str, int, str, str], ...]

    def to_dict(self) -> dict:
        return {"total": self.total, "by_file": dict(self.by_file), "by_reason": dict(self.by_reason),
                "problems": [{"file": f, "row": r, "column": c, "reason": why} for f, r, c, why in self.problems]}


@dataclass(frozen=True)
class ZoneSummary:
    """One zone (or the whole region) at a glance.

    ``sectors`` and ``lines`` count actors by main sector and by care line
    (``"0"`` … ``"3"``, ``"none"``); ``isolated`` counts distinct actors with an
    isolation reason, ``gaps`` the zone's rows of gaps.csv, ``cut_vertices`` its
    actors whose departure cuts part of the graph off; ``ei`` is the E-I index of
    the links among its actors. ``links`` counts those links, ``links_out`` the
    links from its actors to actors of other zones, ``density`` is ``links`` over
    the possible pairs (these three are not in summary.json). ``region_wide``
    (region only) counts the actors whose zone is ``region``.
    """

    actors: int
    sectors: tuple[tuple[str, int], ...]
    lines: tuple[tuple[str, int], ...]
    isolated: int
    gaps: int
    ei: float | None
    cut_vertices: int
    links: int
    links_out: int
    density: float
    region_wide: int | None = None

    def to_dict(self) -> dict:
        entry = {"actors": self.actors, "sectors": dict(self.sectors), "lines": dict(self.lines),
                 "isolated": self.isolated, "gaps": self.gaps, "ei": self.ei, "cut_vertices": self.cut_vertices}
        if self.region_wide is not None:
            entry["region_wide"] = self.region_wide
        return entry


@dataclass(frozen=True)
class Summary:
    """The summary.json object as a record (:meth:`to_dict` gives the JSON object).

    ``counts`` are the dataset's (active actors, organisations, persons, groups,
    tie and membership rows, edges of the actor graph), whatever the level;
    ``level`` and ``graph`` (nodes, edges) say which graph the tables were
    computed on: the organisation graph by default, the actor graph with
    ``--level actors``. The zones' entries count the nodes of that graph.
    """

    dataset: str
    analysis_date: str
    level: str
    graph: tuple[int, int]
    counts: Counts
    rows_left_out: LeftOut
    zones: Mapping[str, ZoneSummary]
    betweenness: Mapping[str, Any]
    files_not_read: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict:
        counts = self.counts.to_dict()
        return {"dataset": self.dataset, "analysis_date": self.analysis_date, **counts, "counts": counts,
                "level": self.level, "graph": {"nodes": self.graph[0], "edges": self.graph[1]},
                "rows_left_out": self.rows_left_out.to_dict(),
                "files_not_read": [{"file": file, "reason": why} for file, why in self.files_not_read],
                "zones": {zone: entry.to_dict() for zone, entry in self.zones.items()},
                "betweenness": dict(self.betweenness)}

    def unsettled(self) -> tuple[str, ...] | None:
        """The zones whose top 10 by broker rank the estimate of betweenness did not certify; None when exact.

        Read from the ``betweenness`` entry (:func:`collabnet.analyses.brokerage.broker_table`):
        ``region`` there stands for the actors of no zone. A zone with no
        ranked actor has nothing to settle. None too for an estimate without a
        certification entry (:func:`~collabnet.analyses.analyse` always writes one).

        >>> Summary("d", "2024-06-30", "organisations", (3, 2), None, None, {"north": None, "south": None},
        ...         {"method": "estimated", "certified": {"zones": {"north": True, "south": False}}}).unsettled()
        ('south',)
        """
        zones = (self.betweenness.get("certified") or {}).get("zones")
        if self.betweenness.get("method") != "estimated" or zones is None:
            return None
        return tuple(z for z in self.zones if zones.get(z) is False)

    def sure_ranks(self, zone: str) -> int:
        """k when ranks 1 to k of ``zone`` are each surely in its top 10 (an estimate's certification); else 0.

        >>> Summary("d", "2024-06-30", "organisations", (3, 2), None, None, {},
        ...         {"method": "estimated", "certified": {"sure_ranks": {"north": 4}}}).sure_ranks("north")
        4
        """
        return int(((self.betweenness.get("certified") or {}).get("sure_ranks") or {}).get(zone, 0))

    def only(self, zone: str) -> Summary:
        """The same summary with only ``zone``'s entry (none when the zone has no actor)."""
        return dataclasses.replace(self, zones=frozen_mapping({z: e for z, e in self.zones.items() if z == zone}))


@dataclass(frozen=True, eq=False)
class Analysis:
    """Every finding of one dataset on one date, for renderers to read (never to recompute).

    Attributes
    ----------
    dataset : collabnet.dataset.Dataset
        The dataset analysed (tables, names, taxonomy, problems).
    graph : networkx.Graph
        The graph every finding refers to (``dataset.graph`` for the actor level).
    level : str
        ``organisations`` or ``actors`` (:data:`collabnet.codes.LEVELS`).
    zone : str or None
        The zone the rows are limited to (:meth:`for_zone`); None = every zone and the region.
    zones : tuple of str
        The zones with actors (sorted codes, without ``region``).
    members : mapping
        Zone code -> its actors (sorted ids); ``region`` -> every actor.
    isolated : tuple of IsolatedActor
        isolated.csv rows.
    brokers : tuple of Broker
        brokers.csv rows (:attr:`broker_table` as a DataFrame).
    cut_vertices : frozenset
        Actors whose departure disconnects part of the graph (the ``cut_vertex`` column).
    cut_edges : tuple of CutEdge
        Ties whose loss leaves two sectors, the two lines or the two language networks unlinked.
    gaps : tuple of Gap
        gaps.csv rows.
    matrices : mapping
        Zone code (and ``region``) -> :class:`SectorMatrix` of the links among its actors.
    actions : tuple of Action
        actions.csv rows.
    plans : mapping
        Zone code -> :class:`collabnet.planning.ZonePlan` (whom to invite, which
        introductions), for the zones asked for.
    plan_actions : tuple of Action
        The plans as actions.csv rows, numbered after each zone's own actions,
        without what the actions already propose (:func:`collabnet.planning.plan_actions`).
    summary : Summary
        summary.json.
    survey : collabnet.analyses.survey.SurveyFindings or None
        What the relationship survey says (response, disagreeing pairs, mean
        levels between sectors, trust and value); None when the dataset has no
        survey tie active on the date.
    """

    dataset: Any
    graph: Any
    level: str
    zone: str | None
    zones: tuple[str, ...]
    members: Mapping[str, tuple]
    isolated: tuple[IsolatedActor, ...]
    brokers: tuple[Broker, ...]
    cut_vertices: frozenset
    cut_edges: tuple[CutEdge, ...]
    gaps: tuple[Gap, ...]
    matrices: Mapping[str, SectorMatrix]
    actions: tuple[Action, ...]
    plans: Mapping[str, Any]
    plan_actions: tuple[Action, ...]
    summary: Summary
    survey: Any = None

    @cached_property
    def broker_table(self):
        """brokers.csv as a pandas DataFrame (a new one for this record; do not change it)."""
        return brokers_frame(self.brokers)

    @cached_property
    def rank(self) -> Mapping[Hashable, int]:
        """Actor -> its rank in its zone's broker list."""
        return frozen_mapping({b.actor: b.rank for b in self.brokers})

    @cached_property
    def betweenness(self) -> Mapping[Hashable, float]:
        """Actor -> betweenness (actors without an edge are absent: their betweenness is 0)."""
        return frozen_mapping({b.actor: b.betweenness for b in self.brokers})

    def zone_of(self, actor: Hashable) -> str:
        """The zone code of an actor (``region`` for a region-wide actor or one without a zone)."""
        return self.graph.nodes[actor].get("zone") or REGION

    def for_zone(self, zone: str) -> Analysis:
        """The rows of one zone: isolated actors and brokers whose zone is ``zone``, its gaps, actions,
        plan and summary entry (``region``: region-wide actors, and the whole region's gaps and actions).

        The graph-wide findings (cut vertices and edges, the sector matrices) are kept whole.
        """
        return dataclasses.replace(
            self, zone=zone,
            isolated=tuple(r for r in self.isolated if r.zone == zone),
            brokers=tuple(b for b in self.brokers if b.zone == zone),
            gaps=tuple(g for g in self.gaps if g.zone == zone),
            actions=tuple(a for a in self.actions if a.zone == zone),
            plans=frozen_mapping({z: p for z, p in self.plans.items() if z == zone}),
            plan_actions=tuple(a for a in self.plan_actions if a.zone == zone),
            summary=self.summary.only(zone),
            survey=None if self.survey is None else self.survey.for_zone(zone))

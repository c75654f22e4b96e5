"""What changed since the last workshop: two snapshots compared, and the follow-up of earlier actions.

:func:`compare` takes two analyses (:func:`collabnet.analyses.analyse`): of one
dataset seen on two dates (``dataset.on(date)``), or of two datasets (last
year's file and this year's), and returns a frozen :class:`Diff`: per zone,
what appeared and what went away. It analyses nothing again: each date's
analysis is made once, by the caller, and read here.

Tables (one record type each, one CSV file each, written by :func:`write_diff`):

``ties`` (diff_ties.csv)
    actor pairs with at least one active tie row on one date and none on the
    other (``new`` / ``lost``); ``types`` = the tie types where the tie holds.
``memberships`` (diff_memberships.csv)
    actor-group pairs with an active membership on one date and not the other.
``edges`` (diff_edges.csv)
    edges of the actor graph present on one date only, with their ``origin``
    (``affiliation``, ``co_membership``, ``tie``, ``|``-joined) where they exist.
    An edge kept whose origin changed (a tie ended but the two still share a
    group) is not an edge change; the tie change shows in ``ties``.
``isolated`` (diff_isolated.csv)
    (actor, reason) pairs of :func:`collabnet.analyses.isolation.isolated_actors`
    that hold on one date only: the actor ``became`` or ``stopped`` being
    isolated for that reason. ``old_degree`` / ``new_degree``: neighbours
    outside its own organisation (empty when the actor is not active).
``gaps`` (diff_gaps.csv)
    (zone, gap, a, b) rows of :func:`collabnet.analyses.gaps.find_gaps`
    ``opened`` or ``closed``; observed, expected, severity and evidence are
    those of the date where the gap exists. A ``weak_sector_pair`` that becomes
    a ``sector_pair`` is one gap closed and one opened.
``brokers`` (diff_brokers.csv)
    actors ``gained`` or ``lost`` by a zone as brokers, by two measures
    (column ``measure``): ``top_broker``, among the zone's ``top`` first ranks
    of brokers.csv (:func:`collabnet.analyses.brokerage.broker_table`, default
    :data:`TOP_BROKERS`); ``cut_vertex``, an actor whose departure disconnects
    part of the actor graph (the ``cut_vertex`` column of brokers.csv).
    ``old_rank`` / ``new_rank`` are the actor's ranks on each date.
``figures`` (diff_figures.csv)
    the key figures of each zone and of the region on both dates and their
    ``difference`` (new - old): ``actors``, ``edges`` (of the zone subgraph),
    ``isolated`` (distinct actors with an isolation reason), ``gaps``,
    ``cut_vertices``, ``density`` (of the zone subgraph) and ``ei`` (E-I index
    of the zone subgraph by main sector), as summary.json counts them.
``survey`` (diff_survey.csv, only when either date has survey answers)
    how the relationship survey's levels moved: per respondent and partner
    (the answer in force on each date, :mod:`collabnet.analyses.survey`), ``up``
    or ``down`` (the level changed), ``new`` (no answer on the old date) or
    ``dropped`` (no answer on the new date); a pair whose answer stayed the same
    (re-used from an earlier wave, or answered alike) is not a row.
``actions`` (diff_actions.csv, only with earlier actions)
    the earlier actions.csv rows, every column kept, plus ``status``
    (:data:`STATUSES`) and ``status_evidence`` (see :func:`follow_up`).

Zones: a change is filed under the zone it has where it holds (the new date
for new / became / opened / gained, the old date for lost / stopped / closed).
A tie, membership or edge counts for the zone of each actor it links (a tie
between a ``south`` actor and a region-wide actor is a ``south`` row and a
``region`` row); isolated actors and brokers use the actor's own zone, as in
isolated.csv and brokers.csv; gaps and figures use ``region`` for the whole
graph, as in gaps.csv and summary.json.

Examples
--------
>>> import networkx as nx
>>> old = nx.Graph([("a", "b"), ("b", "c")])
>>> new = nx.Graph([("b", "c"), ("c", "d")])
>>> edge_changes(old, new)
{('a', 'b'): 'lost', ('b', 'c'): 'kept', ('c', 'd'): 'new'}
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import os
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from collabnet.analyses.gaps import id_list
from collabnet.analyses.standing import outside_partners
from collabnet.codes import REASONS, REGION
from collabnet.errors import CollabnetError, reason
from collabnet.graph import active
from collabnet.organisations import owner_map
from collabnet.records.analysis import Analysis
from collabnet.records.findings import Action, Gap

__all__ = [
    "TOP_BROKERS",
    "STATUSES",
    "FIGURES",
    "TABLE_FILES",
    "SURVEY_FILE",
    "ACTION_REQUIRED",
    "ActionsFileError",
    "Snapshot",
    "TieChange",
    "MembershipChange",
    "EdgeChange",
    "IsolationChange",
    "GapChange",
    "BrokerChange",
    "FigureChange",
    "ActionFollowUp",
    "SurveyChange",
    "Diff",
    "snapshot",
    "compare",
    "edge_changes",
    "edge_key",
    "read_actions",
    "follow_up",
    "diff_tables",
    "write_diff",
]

#: Brokers per zone whose arrival or departure counts (``top_broker`` rows).
TOP_BROKERS = 5
#: Follow-up of an earlier action.
STATUSES = ("realised", "not_realised", "unknown")
#: Key figures per zone, in output order.
FIGURES = ("actors", "edges", "isolated", "gaps", "cut_vertices", "density", "ei")
#: Table name -> file written by :func:`write_diff`.
TABLE_FILES = {
    "ties": "diff_ties.csv",
    "memberships": "diff_memberships.csv",
    "edges": "diff_edges.csv",
    "isolated": "diff_isolated.csv",
    "gaps": "diff_gaps.csv",
    "brokers": "diff_brokers.csv",
    "figures": "diff_figures.csv",
    "actions": "diff_actions.csv",
}
#: The file of the survey table (written only when either date has survey answers).
SURVEY_FILE = "diff_survey.csv"
#: Columns an earlier actions file must have.
ACTION_REQUIRED = ("zone", "action", "actors")
#: The follow-up columns added to the earlier actions (``evidence`` is already an actions.csv column).
_FOLLOW_UP_COLUMNS = ("status", "status_evidence")
# Sort order of the change kinds: what appeared first.
_CHANGE_ORDER = {"new": 0, "became": 0, "opened": 0, "gained": 0, "lost": 1, "stopped": 1, "closed": 1}
_MEASURES = ("top_broker", "cut_vertex")


class ActionsFileError(CollabnetError):
    """The earlier actions file cannot be used (unreadable, empty, a required column missing)."""


# ----- snapshots -----

@dataclass(frozen=True, eq=False)
class Snapshot:
    """One dataset on one date, with everything :func:`compare` looks at.

    Attributes
    ----------
    analysis : collabnet.analyses.run.Analysis
        Isolated actors, brokers, gaps and the summary on that date.
    ties : dict
        Actor pair ``(a, b)`` (``a < b``) with at least one active tie row -> ``|``-joined tie types.
    memberships : frozenset
        ``(actor, group)`` pairs with an active membership of an active actor.
    """

    analysis: Analysis
    ties: Mapping[tuple[str, str], str]
    memberships: frozenset[tuple[str, str]]

    @property
    def dataset(self):
        return self.analysis.dataset

    @property
    def graph(self) -> nx.Graph:
        """The graph analysed (the organisation graph by default): edges, isolation, gaps, brokers."""
        return self.analysis.graph

    @property
    def actors(self) -> nx.Graph:
        """The actor graph: ties and memberships are rows of actors, whatever the level analysed."""
        return self.analysis.dataset.graph

    @property
    def at(self) -> dt.date:
        return self.analysis.dataset.at


def snapshot(analysis: Analysis) -> Snapshot:
    """An analysis with the ties and memberships active on its date."""
    dataset = analysis.dataset
    G = dataset.graph
    types: dict[tuple[str, str], set[str]] = {}
    ties = dataset.ties
    if len(ties):
        ties = ties[active(ties, dataset.at)]
        for source, target, kind in zip(ties["source"], ties["target"], ties["type"]):
            if source in G and target in G:
                types.setdefault(edge_key(source, target), set()).add(str(kind or ""))
    pairs: set[tuple[str, str]] = set()
    memberships = dataset.memberships
    if len(memberships):
        memberships = memberships[active(memberships, dataset.at)]
        pairs = {(a, g) for a, g in zip(memberships["actor"], memberships["group"]) if a in G}
    return Snapshot(
        analysis=analysis,
        ties={pair: "|".join(sorted(kinds)) for pair, kinds in sorted(types.items())},
        memberships=frozenset(pairs),
    )


def edge_key(u: Hashable, v: Hashable) -> tuple:
    """The key of an undirected edge in :func:`edge_changes`: its ends in id order.

    >>> edge_key("s_gp", "r_net")
    ('r_net', 's_gp')
    """
    return (u, v) if str(u) <= str(v) else (v, u)


def edge_changes(old_G: nx.Graph, new_G: nx.Graph) -> dict[tuple, str]:
    """Every edge of either graph -> ``'new'``, ``'lost'`` or ``'kept'``, for colouring a view.

    Keys are :func:`edge_key` pairs, sorted; look an edge ``(u, v)`` of
    either graph up with ``changes[edge_key(u, v)]``.
    """
    old = {edge_key(u, v) for u, v in old_G.edges()}
    new = {edge_key(u, v) for u, v in new_G.edges()}
    changes = {e: "kept" for e in old & new}
    changes.update((e, "new") for e in new - old)
    changes.update((e, "lost") for e in old - new)
    return {e: changes[e] for e in sorted(changes, key=lambda e: (str(e[0]), str(e[1])))}


# ----- records -----

@dataclass(frozen=True)
class TieChange:
    """An actor pair that gained its first active tie (``new``) or lost its last one (``lost``)."""

    zone: str
    change: str
    a: str
    b: str
    a_name: str
    b_name: str
    types: str


@dataclass(frozen=True)
class MembershipChange:
    """An actor that joined (``new``) or left (``lost``) a group."""

    zone: str
    change: str
    actor: str
    name: str
    group: str
    group_name: str


@dataclass(frozen=True)
class EdgeChange:
    """An edge of the actor graph that appeared (``new``) or disappeared (``lost``)."""

    zone: str
    change: str
    u: str
    v: str
    origin: str


@dataclass(frozen=True)
class IsolationChange:
    """An actor that ``became`` or ``stopped`` being isolated for ``reason``."""

    zone: str
    change: str
    actor: str
    name: str
    reason: str
    old_degree: int | None
    new_degree: int | None
    evidence: str


@dataclass(frozen=True)
class GapChange(Gap):
    """A gap of :func:`~collabnet.analyses.gaps.find_gaps` that ``opened`` or ``closed``.

    Its figures are those of the date where it exists.
    """

    change: str


@dataclass(frozen=True)
class BrokerChange:
    """An actor ``gained`` or ``lost`` by a zone as a ``top_broker`` or a ``cut_vertex``."""

    zone: str
    change: str
    measure: str
    actor: str
    name: str
    old_rank: int | None
    new_rank: int | None


@dataclass(frozen=True)
class FigureChange:
    """A key figure of a zone on both dates (None where it has no value, e.g. E-I without edges)."""

    zone: str
    figure: str
    old: int | float | None
    new: int | float | None
    difference: int | float | None


@dataclass(frozen=True)
class ActionFollowUp:
    """What became of one earlier action.

    ``row`` keeps the earlier row's cells, ``(column, value)`` in file order.
    """

    zone: str
    action: str
    actors: tuple[str, ...]
    status: str
    status_evidence: str
    row: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class SurveyChange:
    """How one respondent's level for one partner moved between the two dates (None: no answer then)."""

    zone: str
    change: str
    respondent: str
    partner: str
    respondent_name: str
    partner_name: str
    old_level: int | None
    new_level: int | None
    difference: int | None
    old_since: str
    new_since: str


@dataclass(frozen=True)
class Diff:
    """Everything that changed between two snapshots (see the module docstring for each table).

    ``actions`` is None when no earlier actions were given; ``action_columns``
    are then empty.
    """

    old_dataset: str
    old_at: dt.date
    new_dataset: str
    new_at: dt.date
    top: int
    zones: tuple[str, ...]
    ties: tuple[TieChange, ...]
    memberships: tuple[MembershipChange, ...]
    edges: tuple[EdgeChange, ...]
    isolated: tuple[IsolationChange, ...]
    gaps: tuple[GapChange, ...]
    brokers: tuple[BrokerChange, ...]
    figures: tuple[FigureChange, ...]
    actions: tuple[ActionFollowUp, ...] | None = None
    action_columns: tuple[str, ...] = ()
    survey: tuple[SurveyChange, ...] | None = None

    def for_zone(self, zone: str) -> Diff:
        """The same diff limited to the rows of one zone (``region``: the region's own rows)."""
        keep = {name: tuple(r for r in getattr(self, name) if r.zone == zone)
                for name in ("ties", "memberships", "edges", "isolated", "gaps", "brokers", "figures")}
        actions = None if self.actions is None else tuple(a for a in self.actions if a.zone == zone)
        survey = None if self.survey is None else tuple(r for r in self.survey if r.zone == zone)
        return dataclasses.replace(self, zones=(zone,), actions=actions, survey=survey, **keep)

    def whole_region(self) -> Diff:
        """The changes of the whole region: every zone's rows once each, the region's gaps and figures.

        A tie, membership or edge between two zones (filed under both) comes
        once; gaps and figures are those of zone ``region`` (the whole graph);
        isolated actors, brokers and earlier actions of every zone are kept.
        """
        def once(rows: tuple, *keys: str) -> tuple:
            return tuple({tuple(getattr(r, k) for k in keys): r for r in rows}.values())

        return dataclasses.replace(
            self, ties=once(self.ties, "change", "a", "b"),
            memberships=once(self.memberships, "change", "actor", "group"), edges=once(self.edges, "change", "u", "v"),
            gaps=tuple(g for g in self.gaps if g.zone == REGION),
            figures=tuple(f for f in self.figures if f.zone == REGION))

    def counts(self) -> dict[str, dict[str, int]]:
        """Zone -> number of rows per table and change (``ties_new``, ``gaps_closed``, ``actions_realised`` …)."""
        counts: dict[str, Counter] = {zone: Counter() for zone in self.zones}
        for name in ("ties", "memberships", "edges", "isolated", "gaps", "brokers"):
            for row in getattr(self, name):
                counts[row.zone][f"{name}_{row.change}"] += 1
        for row in self.actions or ():
            counts.setdefault(row.zone, Counter())[f"actions_{row.status}"] += 1
        return {zone: dict(sorted(c.items())) for zone, c in counts.items()}

    def to_dict(self) -> dict:
        """JSON-ready: dates as text, every table as a list of rows (the CSV columns), per-zone counts."""
        tables = diff_tables(self)
        return {
            "old": {"dataset": self.old_dataset, "date": self.old_at.isoformat()},
            "new": {"dataset": self.new_dataset, "date": self.new_at.isoformat()},
            "top_brokers": self.top,
            "zones": self.counts(),
            **{name: rows for name, (_, rows) in tables.items()},
        }


# ----- comparing -----

def compare(old: Analysis | Snapshot, new: Analysis | Snapshot, *, top: int = TOP_BROKERS,
            actions: Iterable[Mapping] | None = None) -> Diff:
    """What changed from the analysis ``old`` (of one date) to ``new`` (of a later one).

    Parameters
    ----------
    old, new : collabnet.records.Analysis or Snapshot
        The analyses of the same dataset on two dates (``analyse(ds.on("2024-01-01"))``,
        ``analyse(ds)``) or of two datasets; a :class:`Snapshot` is used as it is.
    top : int
        Ranks per zone that count as top brokers.
    actions : iterable of mappings, optional
        Earlier actions (rows of an actions.csv, see :func:`read_actions`) to follow up.

    Returns
    -------
    Diff
        Every table sorted by zone, change (new before lost), then the row's ids.

    Examples
    --------
    >>> import collabnet
    >>> from collabnet.analyses import analyse
    >>> ds = collabnet.load("tests/data/dated")                          # doctest: +SKIP
    >>> d = compare(analyse(ds.on("2024-01-01")), analyse(ds.on("2025-01-01")))   # doctest: +SKIP
    >>> [(t.zone, t.change, t.a, t.b) for t in d.ties][:1]               # doctest: +SKIP
    [('north', 'new', 'n_cpas', 'n_home')]
    """
    if top < 1:
        raise ValueError(f"top must be at least 1, not {top}")
    old = old if isinstance(old, Snapshot) else snapshot(old)
    new = new if isinstance(new, Snapshot) else snapshot(new)
    followed, columns = None, ()
    if actions is not None:
        rows = [_action_row(a) for a in actions]
        columns = tuple(dict.fromkeys(c for row in rows for c in row if c not in _FOLLOW_UP_COLUMNS))
        followed = follow_up(old, new, rows)
    tables = {
        "ties": _tie_changes(old, new),
        "memberships": _membership_changes(old, new),
        "edges": _edge_rows(old, new),
        "isolated": _isolation_changes(old, new),
        "gaps": _gap_changes(old, new),
        "brokers": _broker_changes(old, new, top),
    }
    figures = _figures(old, new)
    zones = {f.zone for f in figures} | {r.zone for rows in tables.values() for r in rows}
    zones |= {a.zone for a in followed or ()}
    return Diff(
        old_dataset=old.dataset.name, old_at=old.at, new_dataset=new.dataset.name, new_at=new.at, top=top,
        zones=tuple(sorted(zones, key=lambda z: (z == REGION, z))),
        figures=figures, actions=followed, action_columns=columns, survey=_survey_changes(old, new), **tables,
    )


def _survey_changes(old: Snapshot, new: Snapshot) -> tuple[SurveyChange, ...] | None:
    """The survey levels that moved (see ``survey`` in the module docstring); None when neither date has a survey."""
    before, after = old.analysis.survey, new.analysis.survey
    if before is None and after is None:
        return None
    levels = [{(a.respondent, a.partner): a for a in (found.answers if found is not None else ())}
              for found in (before, after)]
    rows = []
    for pair in sorted(set(levels[0]) | set(levels[1]), key=lambda p: (str(p[0]), str(p[1]))):
        was, now = levels[0].get(pair), levels[1].get(pair)
        if was is not None and now is not None and was.level == now.level:
            continue
        change = "new" if was is None else "dropped" if now is None else "up" if now.level > was.level else "down"
        snap = new if now is not None else old
        G = snap.graph
        for zone in sorted({_zone(G, pair[0]), _zone(G, pair[1])}):
            rows.append(SurveyChange(zone, change, pair[0], pair[1], _name(G, pair[0]), _name(G, pair[1]),
                                     was.level if was else None, now.level if now else None,
                                     now.level - was.level if was and now else None,
                                     was.since if was else "", now.since if now else ""))
    return tuple(sorted(rows, key=lambda r: (r.zone, str(r.respondent), str(r.partner))))


def _zone(G: nx.Graph, v: Hashable) -> str:
    return G.nodes[v].get("zone") or REGION


def _name(G: nx.Graph, v: Hashable) -> str:
    return str(G.nodes[v].get("name") or v)


def _sorted(rows: Iterable, *keys: str) -> tuple:
    """Rows sorted by zone, change (appearing first), then ``keys``."""
    return tuple(sorted(rows, key=lambda r: (r.zone, _CHANGE_ORDER[r.change], *(str(getattr(r, k)) for k in keys))))


def _appeared(old: Iterable, new: Iterable, words: tuple[str, str] = ("new", "lost")) -> list[tuple]:
    """``(change, key, holds_on_new_date)`` for the keys found on one date only; ``words`` name the two changes."""
    old, new = set(old), set(new)
    return [(words[0], key, True) for key in new - old] + [(words[1], key, False) for key in old - new]


def _tie_changes(old: Snapshot, new: Snapshot) -> tuple[TieChange, ...]:
    rows = []
    for change, (a, b), on_new in _appeared(old.ties, new.ties):
        side = new if on_new else old
        G = side.actors
        for zone in sorted({_zone(G, a), _zone(G, b)}):
            rows.append(TieChange(zone, change, a, b, _name(G, a), _name(G, b), side.ties[(a, b)]))
    return _sorted(rows, "a", "b")


def _membership_changes(old: Snapshot, new: Snapshot) -> tuple[MembershipChange, ...]:
    rows = []
    names = (_group_names(old), _group_names(new))
    for change, (actor, group), on_new in _appeared(old.memberships, new.memberships):
        G = (new if on_new else old).actors
        rows.append(MembershipChange(_zone(G, actor), change, actor, _name(G, actor), group,
                                     str(names[on_new].get(group) or group)))
    return _sorted(rows, "actor", "group")


def _group_names(snap: Snapshot) -> dict[str, str]:
    groups = snap.dataset.groups
    return dict(zip(groups["id"], groups["name"])) if len(groups) else {}


def _edge_rows(old: Snapshot, new: Snapshot) -> tuple[EdgeChange, ...]:
    rows = []
    for (u, v), change in edge_changes(old.graph, new.graph).items():
        if change == "kept":
            continue
        G = (new if change == "new" else old).graph
        for zone in sorted({_zone(G, u), _zone(G, v)}):
            rows.append(EdgeChange(zone, change, u, v, G.edges[u, v].get("origin", "")))
    return _sorted(rows, "u", "v")


def _outside(G: nx.Graph, v: Hashable) -> list:
    """Neighbours of ``v`` outside its own organisation, sorted (the ``degree`` of isolated.csv counts them)."""
    return sorted(outside_partners(G, v), key=str)


def _isolation_changes(old: Snapshot, new: Snapshot) -> tuple[IsolationChange, ...]:
    records = {side: {(r.zone, r.actor, r.reason): r for r in snap.analysis.isolated}
               for side, snap in (("old", old), ("new", new))}
    G_old, G_new = old.graph, new.graph
    rows = []
    for change, key, on_new in _appeared(records["old"], records["new"], ("became", "stopped")):
        zone, actor, reason = key
        degrees = [len(_outside(G, actor)) if actor in G else None for G in (G_old, G_new)]
        if on_new:
            evidence = records["new"][key].evidence
            if actor not in G_old:
                evidence = f"new actor; {evidence}"
        elif actor not in G_new:
            evidence = f"not active on {new.at.isoformat()}"
        else:
            outside = _outside(G_new, actor)
            evidence = f"outside neighbours now: {id_list(outside, 5)}" if outside else "no edge outside own organisation"
        G = G_new if on_new else G_old
        rows.append(IsolationChange(zone, change, actor, _name(G, actor), reason, *degrees, evidence))
    return tuple(sorted(rows, key=lambda r: (r.zone, _CHANGE_ORDER[r.change], str(r.actor),
                                             REASONS.index(r.reason) if r.reason in REASONS else len(REASONS))))


def _gap_changes(old: Snapshot, new: Snapshot) -> tuple[GapChange, ...]:
    gaps = {side: {(g.zone, g.gap, g.a, g.b): g for g in snap.analysis.gaps}
            for side, snap in (("old", old), ("new", new))}
    rows = []
    for change, key, on_new in _appeared(gaps["old"], gaps["new"], ("opened", "closed")):
        rows.append(GapChange(**dataclasses.asdict(gaps["new" if on_new else "old"][key]), change=change))
    return _sorted(rows, "gap", "a", "b")


def _broker_changes(old: Snapshot, new: Snapshot, top: int) -> tuple[BrokerChange, ...]:
    tables = [old.analysis.broker_table, new.analysis.broker_table]
    ranks = [dict(zip(t["actor"], (int(r) for r in t["rank"]))) if len(t) else {} for t in tables]
    rows = []
    for measure in _MEASURES:
        held = []
        for t in tables:
            if not len(t):
                held.append(set())
                continue
            chosen = t["rank"] <= top if measure == "top_broker" else t["cut_vertex"].astype(bool)
            held.append(set(zip(t["zone"][chosen], t["actor"][chosen])))
        for change, (zone, actor), on_new in _appeared(*held, ("gained", "lost")):
            G = (new if on_new else old).graph
            rows.append(BrokerChange(zone, change, measure, actor, _name(G, actor),
                                     ranks[0].get(actor), ranks[1].get(actor)))
    return tuple(sorted(rows, key=lambda r: (r.zone, _CHANGE_ORDER[r.change], _MEASURES.index(r.measure),
                                             str(r.actor))))


def _zone_figures(snap: Snapshot, zone: str) -> dict[str, object]:
    entry = snap.analysis.summary.zones.get(zone)
    if entry is None:  # the zone has no actor on this date
        return {"actors": 0, "edges": 0, "isolated": 0, "gaps": 0, "cut_vertices": 0, "density": None, "ei": None}
    figures = {name: getattr(entry, name) for name in ("actors", "isolated", "gaps", "cut_vertices", "ei")}
    figures["edges"] = entry.links
    figures["density"] = round(entry.density, 6)
    return figures


def _figures(old: Snapshot, new: Snapshot) -> tuple[FigureChange, ...]:
    zones = sorted({*old.analysis.zones, *new.analysis.zones, REGION})
    rows = []
    for zone in zones:
        before, after = _zone_figures(old, zone), _zone_figures(new, zone)
        for name in FIGURES:
            a, b = before[name], after[name]
            difference = None if a is None or b is None else round(b - a, 6)
            rows.append(FigureChange(zone, name, a, b, difference))
    return tuple(rows)


# ----- follow-up of earlier actions -----

def read_actions(path: str | os.PathLike) -> list[dict[str, str]]:
    """Read an earlier actions.csv (as ``collabnet analyze`` wrote it, or as edited in a spreadsheet).

    The dataset reading rules apply: UTF-8 or Windows-1252, ``,`` or ``;``,
    header names matched case-insensitively. Columns :data:`ACTION_REQUIRED`
    are required; every other column is kept.

    Returns
    -------
    list of dict
        One dict per row, column -> text, in file order and column order.

    Raises
    ------
    ActionsFileError
        The file cannot be read, is empty, lacks a required column, or has a
        row that does not fit the header.
    """
    from collabnet.dataset.reading import parse_csv_bytes

    source = Path(path)
    try:
        data = source.read_bytes()
    except IsADirectoryError:
        raise ActionsFileError(reason("actions_is_folder", file=str(source))) from None
    except OSError as exc:
        raise ActionsFileError(reason("actions_unreadable", file=str(source), error=str(exc.strerror or exc))) from None
    try:
        table = parse_csv_bytes(data, "actions", source.name)
    except CollabnetError as exc:
        raise ActionsFileError(exc.message) from None
    except (UnicodeError, csv.Error) as exc:
        raise ActionsFileError(reason("actions_not_csv", file=source.name, error=str(exc))) from None
    missing = [c for c in ACTION_REQUIRED if c not in table.columns]
    if missing:
        raise ActionsFileError(reason("actions_column", file=source.name, column=missing[0],
                                      columns=", ".join(ACTION_REQUIRED)))
    if table.problems:
        raise ActionsFileError(table.problems[0].as_message())
    return [dict(values) for _, values in table.rows]


def _action_row(action: Mapping | Action) -> dict[str, str]:
    """An earlier action (a row of actions.csv, or an :class:`Action`) as a row of text cells.

    An action record's rationale is a language-free message: the follow-up does not
    read it, so it is left out rather than put into words here.

    >>> _action_row({"zone": "south", "actors": ("a", "b"), "via": None})
    {'zone': 'south', 'actors': 'a|b', 'via': ''}
    """
    if isinstance(action, Action):
        action = {f: getattr(action, f) for f in ("zone", "priority", "action", "actors", "via", "evidence", "score")}
    row = {}
    for column, value in action.items():
        if isinstance(value, (tuple, list)):
            value = "|".join(map(str, value))
        row[str(column)] = "" if value is None else str(value)
    return row


def follow_up(old: Snapshot, new: Snapshot, actions: Iterable[Mapping[str, str]]) -> tuple[ActionFollowUp, ...]:
    """Say for each earlier action whether it was realised by the new date.

    Rules, per ``action`` verb (``actors`` = the ``|``-separated ids of the row):

    ``introduce``
        realised when the two actors now have an edge of origin ``tie`` or
        ``co_membership`` (a direct tie, or a group they are both active in).
    ``invite``
        realised when the invited actor (first id) is now active in a group it
        was not in on the old date: the group of the row's ``group`` column, or
        of its ``via`` column when that names a group (as actions.csv does),
        else any group.
    ``secure_bridge``
        the bridge actor is the row's ``via`` (as actions.csv writes it), else
        the ``cut vertex X`` named in its ``evidence``, else the one common
        neighbour of the two actors whose removal separated them on the old
        date. Realised when the two actors are now linked by a path that
        avoids the bridge actor, in the zone's subgraph (``region``: the whole
        graph) plus the actors the row names. Two actors that were directly
        linked on the old date with no bridge actor named are a cut edge:
        realised when a second path now links them. A single actor named
        alone is the bridge actor: realised when it is no longer a cut vertex.
    ``recruit``
        the sector is the row's ``sector`` column, else the one named by
        ``sector_missing X`` in its ``evidence``, else a sector code among its
        ``actors``, else the main sector shared by its actors. Realised when
        an actor of that main sector now has the row's zone.

    Other verbs, and rows that lack what their rule needs, are ``unknown``. An
    actor of the row who is not active on the new date makes it
    ``not_realised`` (``unknown`` when the actor is in neither snapshot).

    On the organisation graph (the default), a person the row names counts as
    its organisation (an earlier actions file may come from ``--level actors``),
    and an organisation joined a group when any of its people did.
    """
    context = _FollowUp(old, new)
    followed = []
    for action in actions:
        row = _action_row(action)
        zone = row.get("zone", "").strip() or REGION
        verb = row.get("action", "").strip().lower()
        ids = tuple(x.strip() for x in row.get("actors", "").split("|") if x.strip())
        rule = getattr(context, f"check_{verb}", None)
        if rule is None:
            status, evidence = "unknown", f"no follow-up rule for the action {verb!r}"
        else:
            status, evidence = rule(zone, context.nodes(ids), row)
        kept = tuple((c, v) for c, v in row.items() if c not in _FOLLOW_UP_COLUMNS)
        followed.append(ActionFollowUp(zone, verb, ids, status, evidence, kept))
    return tuple(followed)


_CUT_VERTEX = re.compile(r"cut vertex (.+?):")
_SECTOR_MISSING = re.compile(r"sector_missing (\S+?):?(?:\s|$)")


class _FollowUp:
    """The two snapshots and the rules of :func:`follow_up`; each rule returns (status, evidence)."""

    def __init__(self, old: Snapshot, new: Snapshot):
        self.old, self.new = old, new
        self.date = new.at.isoformat()
        self.old_date = old.at.isoformat()
        self.groups = {**_group_names(old), **_group_names(new)}
        # actor -> its node in the graphs compared (its organisation on the organisation graph)
        self.owner = {}
        for side in (old, new):
            if side.graph is not side.actors:
                self.owner.update(owner_map(side.actors))

    def nodes(self, ids: Iterable[str]) -> tuple:
        """The row's ids as nodes of the graphs compared, each once, in order."""
        return tuple(dict.fromkeys(self.owner.get(v, v) for v in ids))

    def people(self, actor: str) -> set:
        """The actors whose memberships count for ``actor``: itself and, for an organisation, its people."""
        return {actor} | {v for v, o in self.owner.items() if o == actor}

    def absent(self, ids: Iterable[str]) -> tuple[str, str] | None:
        """The status when an actor of the row is not active on the new date, else None."""
        for v in ids:
            if v not in self.new.graph:
                if v not in self.old.graph:
                    return "unknown", f"{v} is in neither snapshot"
                return "not_realised", f"{v} is not active on {self.date}"
        return None

    def scope(self, G: nx.Graph, zone: str, ids: Iterable[str]) -> nx.Graph:
        if zone == REGION:
            return G
        nodes = {v for v, z in G.nodes(data="zone") if z == zone} | {v for v in ids if v in G}
        return G.subgraph(nodes)

    def check_introduce(self, zone: str, ids: tuple, row: dict) -> tuple[str, str]:
        if len(ids) < 2:
            return "unknown", "an introduction names two actors"
        p, q = ids[:2]
        gone = self.absent((p, q))
        if gone:
            return gone
        data = self.new.graph.get_edge_data(p, q) or {}
        origins = set(data.get("origin", "").split("|"))
        found = []
        if "tie" in origins:
            found.append(f"tie ({data.get('tie_types') or 'collaboration'})")
        if "co_membership" in origins:
            found.append(f"both in {', '.join(data.get('groups', ()))}")
        if found:
            return "realised", f"{p} and {q} on {self.date}: {'; '.join(found)}"
        return "not_realised", f"no tie and no shared group between {p} and {q} on {self.date}"

    def check_invite(self, zone: str, ids: tuple, row: dict) -> tuple[str, str]:
        if not ids:
            return "unknown", "no actor to invite"
        actor = ids[0]
        gone = self.absent((actor,))
        if gone:
            return gone
        group = row.get("group", "").strip()
        if not group and row.get("via", "").strip() in self.groups:
            group = row["via"].strip()
        people = self.people(actor)
        before = {g for a, g in self.old.memberships if a in people}
        joined = sorted({g for a, g in self.new.memberships if a in people and g not in before})
        if group:
            if group in joined:
                return "realised", f"{actor} joined {group} ({self.groups.get(group, group)})"
            if group in before:
                return "not_realised", f"{actor} was already in {group} on {self.old_date}"
            return "not_realised", f"{actor} is not in {group} on {self.date}"
        if joined:
            return "realised", f"{actor} joined {', '.join(joined)}"
        return "not_realised", f"{actor} joined no group between {self.old_date} and {self.date}"

    def check_secure_bridge(self, zone: str, ids: tuple, row: dict) -> tuple[str, str]:
        old_H = self.scope(self.old.graph, zone, ids)
        new_G = self.new.graph
        bridge = row.get("via", "").strip()
        if not (bridge and (bridge in new_G or bridge in self.old.graph)):
            match = _CUT_VERTEX.search(row.get("evidence", ""))
            bridge = match.group(1) if match else ""
        if len(ids) == 1 and not bridge:
            bridge = ids[0]
        pair = tuple(v for v in ids if v != bridge)[:2]
        if len(pair) < 2:
            if not bridge:
                return "unknown", "no bridge actor and no pair of actors named"
            gone = self.absent((bridge,))
            if gone:
                return gone
            H = self.scope(new_G, zone, (bridge,))
            if bridge in nx.articulation_points(H):
                return "not_realised", f"{bridge} is still a cut vertex on {self.date}"
            return "realised", f"{bridge} is no longer a cut vertex on {self.date}"
        p, q = pair
        if not bridge and old_H.has_edge(p, q):
            return self.second_path(zone, p, q)
        if not bridge:
            bridge = _separating_neighbour(old_H, p, q)
            if bridge is None:
                return "unknown", f"no bridge actor named, and none separated {p} from {q} on {self.old_date}"
        gone = self.absent((p, q))
        if gone:
            return gone
        H = self.scope(new_G, zone, (p, q))
        H = H.subgraph([v for v in H if v != bridge])
        if nx.has_path(H, p, q):
            path = " - ".join(nx.shortest_path(H, p, q))
            return "realised", f"{p} and {q} linked without {bridge} on {self.date}: {path}"
        return "not_realised", f"no path between {p} and {q} without {bridge} on {self.date}"

    def second_path(self, zone: str, p: str, q: str) -> tuple[str, str]:
        """Follow-up of a cut edge p-q: is there a second path between them?"""
        gone = self.absent((p, q))
        if gone:
            return gone
        H = nx.Graph(self.scope(self.new.graph, zone, (p, q)))
        if H.has_edge(p, q):
            H.remove_edge(p, q)
        if nx.has_path(H, p, q):
            path = " - ".join(nx.shortest_path(H, p, q))
            return "realised", f"second path between {p} and {q} on {self.date}: {path}"
        return "not_realised", f"the tie {p} - {q} is still their only link on {self.date}"

    def check_recruit(self, zone: str, ids: tuple, row: dict) -> tuple[str, str]:
        sector = row.get("sector", "").strip() or self.sector_of(ids, row.get("evidence", ""))
        if not sector:
            return "unknown", "the row names no sector"
        G = self.new.graph
        found = sorted(v for v, data in G.nodes(data=True)
                       if (data.get("zone") or REGION) == zone and data.get("sector") == sector)
        if found:
            return "realised", f"{sector} actors in {zone} on {self.date}: {id_list(found, 5)}"
        return "not_realised", f"no {sector} actor in {zone} on {self.date}"

    def sector_of(self, ids: tuple, evidence: str) -> str:
        """The sector of a recruit row without a ``sector`` column (see :func:`follow_up`)."""
        match = _SECTOR_MISSING.search(evidence)
        if match:
            return match.group(1)
        codes = set()
        for side in (self.old, self.new):
            codes.update(side.dataset.sectors["code"])
        named = [v for v in ids if v in codes]
        if named:
            return named[0]
        sectors = {G.nodes[v].get("sector") for v in ids for G in (self.new.graph, self.old.graph) if v in G}
        return sectors.pop() if len(sectors) == 1 else ""


def _separating_neighbour(H: nx.Graph, p: str, q: str) -> str | None:
    """The common neighbour of ``p`` and ``q`` without which they are not connected in ``H`` (first by id)."""
    if p not in H or q not in H:
        return None
    for c in sorted(set(H[p]) & set(H[q]), key=str):
        rest = H.subgraph([v for v in H if v != c])
        if not nx.has_path(rest, p, q):
            return c
    return None


# ----- tables -----

def _columns(record_type) -> list[str]:
    """CSV columns of a change record: zone and change first, then its other fields in order."""
    names = [f.name for f in dataclasses.fields(record_type)]
    first = [n for n in ("zone", "change") if n in names]
    return first + [n for n in names if n not in first]


_RECORD_TYPES = {"ties": TieChange, "memberships": MembershipChange, "edges": EdgeChange,
                 "isolated": IsolationChange, "gaps": GapChange, "brokers": BrokerChange, "figures": FigureChange}


def diff_tables(diff: Diff) -> dict[str, tuple[list[str], list[dict]]]:
    """Table name -> (columns, rows as dicts), the content of the diff_*.csv files and of :meth:`Diff.to_dict`.

    ``actions`` is present only when the diff followed up earlier actions.
    """
    tables = {}
    for name, record_type in _RECORD_TYPES.items():
        columns = _columns(record_type)
        tables[name] = (columns, [{c: getattr(r, c) for c in columns} for r in getattr(diff, name)])
    if diff.actions is not None:
        columns = [*diff.action_columns, *_FOLLOW_UP_COLUMNS]
        rows = [{**dict(a.row), "status": a.status, "status_evidence": a.status_evidence} for a in diff.actions]
        tables["actions"] = (columns, rows)
    if diff.survey is not None:
        columns = _columns(SurveyChange)
        tables["survey"] = (columns, [{c: getattr(r, c) for c in columns} for r in diff.survey])
    return tables


def write_diff(diff: Diff, out: str | os.PathLike) -> list[Path]:
    """Write the diff_*.csv tables (:data:`TABLE_FILES`) into ``out``; returns the paths written."""
    from collabnet.writing import write_csv

    folder = Path(out)
    return [write_csv(folder / {**TABLE_FILES, "survey": SURVEY_FILE}[name], columns, rows)
            for name, (columns, rows) in diff_tables(diff).items()]

"""The summary.json object: what was analysed, what was left out, and each zone at a glance.

Keys (outputs.md, "summary.json"):

``dataset``, ``analysis_date``
    dataset name and the analysis date (``YYYY-MM-DD``).
``actors``, ``organisations``, ``persons``
    actors active on the analysis date (the nodes of the actor graph).
``groups``, ``ties``
    groups and tie rows active on the analysis date (tie rows between two active actors).
``edges``
    edges of the actor graph.
``memberships`` (extra)
    memberships active on the analysis date.
``counts``
    the same counts grouped in one object (``actors`` … ``edges``).
``level``, ``graph`` (extras)
    the graph the tables were computed on (``organisations``, the default, or
    ``actors``) and its ``nodes`` and ``edges``; the counts above are the
    dataset's at either level.
``rows_left_out``
    ``total`` input rows left out of the analysis (each counted once, even
    with several problems), ``by_file`` (file -> rows), ``by_reason``
    (``"file: column"`` -> problems) and ``problems``: each problem that left a
    row out, with ``file``, ``row``, ``column``, ``reason`` (sorted by file and
    row; row 0 = a whole file).
``files_not_read`` (extra)
    each file or sheet of the dataset that was not read (not a table of the
    contract, or empty), with ``file`` and ``reason``: nothing is ignored silently.
``zones``
    zone code -> ``actors`` (the nodes of the graph analysed: organisations
    and independent persons by default), ``sectors`` (main sector -> actors), ``lines``
    (``"0"`` … ``"3"``, ``"none"`` -> actors), ``isolated`` (distinct actors
    with at least one isolation reason), ``gaps`` (rows of gaps.csv),
    ``ei`` (E-I index of the zone's subgraph by main sector, null without
    edges) and ``cut_vertices`` (extra: actors whose departure would cut
    someone off, from brokers.csv). The ``region`` entry describes the whole
    region: every actor, every isolated actor, the ``region`` rows of gaps.csv
    and the E-I index of the whole graph; ``region_wide`` (extra) counts the
    actors whose zone is ``region``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

import networkx as nx
import numpy as np

from collabnet.algorithms.blocks import edge_ends
from collabnet.analyses.gaps import actor_line
from collabnet.analyses.mixing import ei
from collabnet.codes import REGION
from collabnet.records.analysis import Counts, LeftOut, Summary, ZoneSummary, frozen_mapping
from collabnet.records.findings import Broker, Gap, IsolatedActor, SectorMatrix

__all__ = ["LINE_KEYS", "rows_left_out", "summarise"]

LINE_KEYS = ("0", "1", "2", "3", "none")


def summarise(dataset, G: nx.Graph, *, isolated: Iterable[IsolatedActor], brokers: Iterable[Broker],
              gaps: Iterable[Gap], matrices: Mapping[str, SectorMatrix], members: Mapping[str, tuple],
              betweenness: Mapping, level: str = "actors") -> Summary:
    """Build the summary.json record.

    Parameters
    ----------
    dataset : collabnet.dataset.Dataset
        For the name, date, active counts and the rows left out.
    G : networkx.Graph
        The graph analysed.
    isolated, brokers, gaps : iterables of records
        Rows of isolated.csv, brokers.csv and gaps.csv.
    matrices : mapping
        Zone code (and ``region``) -> the sector matrix of the links among its actors (for the E-I index).
    members : mapping
        Zone code -> its actors, for every zone with actors, and ``region`` -> every actor.
    betweenness : mapping
        How brokers.csv's betweenness was computed.
    level : str
        The graph analysed: ``organisations`` or ``actors``.
    """
    from collabnet.graph import active

    isolated, gaps = list(isolated), list(gaps)
    actors = dataset.graph  # the counts are the dataset's, whatever the graph analysed
    kinds = Counter(kind for _, kind in actors.nodes(data="kind"))
    ties = dataset.ties
    if len(ties):
        ties = ties[active(ties, dataset.at) & ties["source"].isin(dataset.graph) & ties["target"].isin(dataset.graph)]
    memberships = dataset.memberships
    if len(memberships):
        memberships = memberships[active(memberships, dataset.at) & memberships["actor"].isin(dataset.graph)]
    groups = dataset.groups
    if len(groups):
        groups = groups[active(groups, dataset.at)]
    counts = Counts(actors=actors.number_of_nodes(), organisations=kinds.get("organisation", 0),
                    persons=kinds.get("person", 0), groups=len(groups), ties=len(ties),
                    memberships=len(memberships), edges=actors.number_of_edges())
    cut = Counter(b.zone for b in brokers if b.cut_vertex)
    isolated_in = {zone: set() for zone in members}
    for row in isolated:
        isolated_in[REGION].add(row.actor)
        if row.zone in isolated_in:
            isolated_in[row.zone].add(row.actor)
    gap_count = Counter(gap.zone for gap in gaps)
    links, links_out = _links(G, members)
    zones = {}
    for zone, nodes in members.items():
        m = matrices[zone]
        n = len(nodes)
        zones[zone] = ZoneSummary(
            **_actor_counts(G, nodes), isolated=len(isolated_in[zone]), gaps=gap_count.get(zone, 0),
            ei=None if (e := ei(m.external, m.internal)) is None else round(float(e), 6),
            cut_vertices=sum(cut.values()) if zone == REGION else cut.get(zone, 0),
            links=links[zone], links_out=links_out[zone],
            density=0.0 if n <= 1 or not links[zone] else links[zone] / (n * (n - 1)) * 2,
            region_wide=sum(1 for _, z in G.nodes(data="zone") if z == REGION) if zone == REGION else None)
    return Summary(dataset=dataset.name, analysis_date=dataset.at.isoformat(), level=level,
                   graph=(G.number_of_nodes(), G.number_of_edges()), counts=counts,
                   rows_left_out=rows_left_out(dataset.problems), zones=frozen_mapping(zones),
                   betweenness=frozen_mapping(betweenness),
                   files_not_read=tuple((p.file, p.reason) for p in dataset.files_not_read))


def _links(G: nx.Graph, members: Mapping[str, tuple]) -> tuple[Counter, Counter]:
    """Per zone: the links among its actors and the links from its actors to other zones' (region: all, 0)."""
    nodes = list(G)
    zone_of = {v: G.nodes[v].get("zone") for v in nodes}
    names = sorted({str(z) for z in zone_of.values()} | set(members))
    code = {z: i for i, z in enumerate(names)}
    zone = np.array([code[str(zone_of[v])] for v in nodes], dtype=np.int64)
    u, v = edge_ends(G, {x: i for i, x in enumerate(nodes)})
    zu, zv = zone[u], zone[v]
    same = zu == zv
    inside = np.bincount(zu[same], minlength=len(names))
    across = np.bincount(zu[~same], minlength=len(names)) + np.bincount(zv[~same], minlength=len(names))
    links = Counter({z: int(inside[code[z]]) for z in members if z != REGION})
    links_out = Counter({z: int(across[code[z]]) for z in members if z != REGION})
    links[REGION] = G.number_of_edges()
    links_out[REGION] = 0
    return links, links_out


def _actor_counts(G: nx.Graph, nodes: Iterable) -> dict:
    nodes = list(nodes)
    sectors = Counter(G.nodes[v].get("sector") for v in nodes)
    lines = Counter("none" if actor_line(G, v) is None else str(actor_line(G, v)) for v in nodes)
    return {
        "actors": len(nodes),
        "sectors": tuple((code, sectors[code]) for code in sorted(sectors, key=str)),
        "lines": tuple((key, lines.get(key, 0)) for key in LINE_KEYS),
    }


def rows_left_out(problems: Iterable) -> LeftOut:
    """Rows left out of the analysis, counted once each even with several problems.

    >>> from collabnet.errors import Problem
    >>> rows_left_out([Problem("ties.csv", 3, "target", "unknown actor 'x'"),
    ...                Problem("ties.csv", 3, "weight", "not a number"),
    ...                Problem("actors.csv", 2, "zone", "assumed south", left_out=False)]).by_reason
    (('ties.csv: target', 1), ('ties.csv: weight', 1))
    """
    left = sorted((p for p in problems if p.left_out), key=lambda p: (p.file, p.row, p.column, p.reason))
    rows = {(p.file, p.row) for p in left if p.row > 0}  # row 0: a problem with a whole file, not a row
    by_reason = Counter(f"{p.file}: {p.column}" for p in left)
    return LeftOut(total=len(rows), by_file=tuple(sorted(Counter(file for file, _ in rows).items())),
                   by_reason=tuple(sorted(by_reason.items())),
                   problems=tuple((p.file, p.row, p.column, p.reason) for p in left))

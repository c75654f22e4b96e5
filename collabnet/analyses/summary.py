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
``rows_left_out``
    ``total`` input rows left out of the analysis (each counted once, even
    with several problems), ``by_file`` (file -> rows), ``by_reason``
    (``"file: column"`` -> problems) and ``problems``: each problem that left a
    row out, with ``file``, ``row``, ``column``, ``reason`` (sorted by file and
    row; row 0 = a whole file).
``zones``
    zone code -> ``actors``, ``sectors`` (main sector -> actors), ``lines``
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
from collections.abc import Iterable

import networkx as nx
import pandas as pd

from collabnet.analyses.gaps import REGION, Gap, actor_line, zone_members

__all__ = ["COUNT_KEYS", "LINE_KEYS", "summarise"]

LINE_KEYS = ("0", "1", "2", "3", "none")
COUNT_KEYS = ("actors", "organisations", "persons", "groups", "ties", "memberships", "edges")


def summarise(dataset, isolated: Iterable, brokers: pd.DataFrame, gaps: Iterable[Gap], *,
              ei: dict[str, float | None], zones: Iterable[str] | None = None) -> dict:
    """Build the summary.json object.

    Parameters
    ----------
    dataset : collabnet.dataset.Dataset
        For the name, date, active counts and the rows left out; its ``graph`` is the graph analysed.
    isolated : iterable of IsolatedActor
        Rows of isolated.csv (``zone``, ``actor``).
    brokers : pandas.DataFrame
        brokers.csv (``zone``, ``cut_vertex``).
    gaps : iterable of Gap
        Rows of gaps.csv.
    ei : dict
        Zone code (and ``region``) -> E-I index of that zone.
    zones : iterable of str, optional
        Zone entries to include (``region`` = the whole region); default every
        zone with actors, plus ``region``.

    Returns
    -------
    dict
        JSON-ready (plain ints, floats, str, None).
    """
    from collabnet.graph import active

    G = dataset.graph
    members = zone_members(G)
    wanted = [*members, REGION] if zones is None else list(dict.fromkeys(zones))
    isolated = list(isolated)
    gaps = list(gaps)
    kinds = Counter(kind for _, kind in G.nodes(data="kind"))
    ties = dataset.ties
    if len(ties):
        ties = ties[active(ties, dataset.at) & ties["source"].isin(G) & ties["target"].isin(G)]
    memberships = dataset.memberships
    if len(memberships):
        memberships = memberships[active(memberships, dataset.at) & memberships["actor"].isin(G)]
    groups = dataset.groups
    if len(groups):
        groups = groups[active(groups, dataset.at)]
    summary = {
        "dataset": dataset.name,
        "analysis_date": dataset.at.isoformat(),
        "actors": G.number_of_nodes(),
        "organisations": kinds.get("organisation", 0),
        "persons": kinds.get("person", 0),
        "groups": len(groups),
        "ties": len(ties),
        "memberships": len(memberships),
        "edges": G.number_of_edges(),
        "rows_left_out": rows_left_out(dataset.problems),
        "zones": {},
    }
    # The contract lists "counts (actors, organisations, persons, groups, ties, edges)": they are given both as
    # top-level keys and grouped under "counts", so readers of either shape find them.
    summary["counts"] = {key: summary[key] for key in COUNT_KEYS}
    cut = Counter()
    if brokers is not None and len(brokers):
        cut = Counter(z for z, flag in zip(brokers["zone"], brokers["cut_vertex"]) if bool(flag))
    for zone in wanted:
        if zone != REGION and zone not in members:
            continue
        nodes = list(G) if zone == REGION else members[zone]
        entry = _actor_counts(G, nodes)
        entry["isolated"] = len({row.actor for row in isolated if zone == REGION or row.zone == zone})
        entry["gaps"] = sum(1 for gap in gaps if gap.zone == zone)
        entry["ei"] = None if ei.get(zone) is None else round(float(ei[zone]), 6)
        entry["cut_vertices"] = sum(cut.values()) if zone == REGION else cut.get(zone, 0)
        if zone == REGION:
            entry["region_wide"] = sum(1 for _, z in G.nodes(data="zone") if z == REGION)
        summary["zones"][zone] = entry
    return summary


def _actor_counts(G: nx.Graph, nodes: list) -> dict:
    sectors = Counter(G.nodes[v].get("sector") for v in nodes)
    lines = Counter("none" if actor_line(G, v) is None else str(actor_line(G, v)) for v in nodes)
    return {
        "actors": len(nodes),
        "sectors": {code: sectors[code] for code in sorted(sectors, key=str)},
        "lines": {key: lines.get(key, 0) for key in LINE_KEYS},
    }


def rows_left_out(problems: Iterable) -> dict:
    """Rows left out of the analysis, counted once each even with several problems.

    >>> from collabnet.errors import Problem
    >>> rows_left_out([Problem("ties.csv", 3, "target", "unknown actor 'x'"),
    ...                Problem("ties.csv", 3, "weight", "not a number"),
    ...                Problem("actors.csv", 2, "zone", "assumed south", left_out=False)])["by_reason"]
    {'ties.csv: target': 1, 'ties.csv: weight': 1}
    """
    left = sorted((p for p in problems if p.left_out), key=lambda p: (p.file, p.row, p.column, p.reason))
    rows = {(p.file, p.row) for p in left if p.row > 0}  # row 0: a problem with a whole file, not a row
    by_reason = Counter(f"{p.file}: {p.column}" for p in left)
    return {
        "total": len(rows),
        "by_file": dict(sorted(Counter(file for file, _ in rows).items())),
        "by_reason": dict(sorted(by_reason.items())),
        "problems": [{"file": p.file, "row": p.row, "column": p.column, "reason": p.reason} for p in left],
    }

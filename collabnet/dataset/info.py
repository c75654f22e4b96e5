"""A short description of what a dataset holds (``collabnet info``)."""

from __future__ import annotations

from collabnet.graph import active

__all__ = ["describe"]

LINE_ORDER = ("0", "1", "2", "3", "-")


def describe(dataset) -> dict:
    """Counts of a dataset for a quick check: actors per zone x family x line, groups by type.

    Returns plain, JSON-ready values, sorted for stable output.
    """
    actors = dataset.actors
    G = dataset.graph
    at = dataset.at
    kinds = actors["kind"].value_counts().to_dict() if len(actors) else {}
    table = []
    if len(actors):
        lines = actors["line"].replace("", "-")
        grouped = actors.assign(line=lines).groupby(["zone", "family", "line"]).size()
        cells: dict[tuple[str, str], dict[str, int]] = {}
        for (zone, family, line), count in grouped.items():
            cells.setdefault((zone, family), {})[line] = int(count)
        for (zone, family), counts in sorted(cells.items()):
            table.append({"zone": zone, "family": family, "lines": counts, "total": sum(counts.values())})
    groups = []
    if len(dataset.groups):
        current = dataset.memberships[active(dataset.memberships, at)] if len(dataset.memberships) else None
        sizes = current["group"].value_counts().to_dict() if current is not None else {}
        for group_type, frame in sorted(dataset.groups.groupby("type")):
            groups.append({"type": group_type, "groups": int(len(frame)),
                           "members": int(sum(sizes.get(g, 0) for g in frame["id"]))})
    return {
        "dataset": dataset.name,
        "analysis_date": at.isoformat(),
        "counts": {
            "actors": int(len(actors)),
            "organisations": int(kinds.get("organisation", 0)),
            "persons": int(kinds.get("person", 0)),
            "groups": int(len(dataset.groups)),
            "memberships": int(len(dataset.memberships)),
            "ties": int(len(dataset.ties)),
            "nodes": G.number_of_nodes(),
            "edges": G.number_of_edges(),
        },
        "rows_left_out": dataset.rows_left_out,
        "line_order": list(LINE_ORDER),
        "actors_by_zone_family_line": table,
        "groups_by_type": groups,
    }

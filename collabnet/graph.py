"""Stage 2 of the pipeline: the actor graph.

Nodes are the actors active on the analysis date; an undirected, simple edge
links two actors that have a direct tie, share a group (co-membership), or
are a person and their own organisation (affiliation).

Co-membership is a full clique per group, as the output contract defines it,
but its *weight* falls with group size (Newman 2001): each shared group of
``n`` active members adds ``1/(n-1)``, so every member of a group gets a total
co-membership strength of 1 from that group, whether it has 4 or 200
members. A 200-person plenary workshop therefore links its members (they did
meet) without outweighing a direct tie (weight 1) in any weighted measure.
The unweighted measures of the contract (betweenness, constraint, effective
size, brokerage) see the clique as it is. Memory stays linear in the
number of edges: edge data are small, and the ``groups`` tuple is one shared
object for all edges of the same group set.

Examples
--------
>>> import pandas as pd, datetime as dt
>>> actors = pd.DataFrame([
...     dict(id="o1", name="CPAS", kind="organisation", sectors="social_assistance", sector="social_assistance",
...          family="welfare", line="1", zone="south", organisation="", language="fr"),
...     dict(id="p1", name="Nurse", kind="person", sectors="home_care", sector="home_care",
...          family="health", line="1", zone="south", organisation="o1", language="fr")])
>>> G = build_graph(actors, at=dt.date(2024, 1, 1))
>>> G.edges["o1", "p1"]["origin"], G.nodes["p1"]["line"]
('affiliation', 1)
"""

from __future__ import annotations

import datetime as dt
from itertools import combinations
from typing import Any

import networkx as nx
import pandas as pd

__all__ = ["build_actor_graph", "build_graph", "active", "org_of", "same_organisation", "NODE_ATTRIBUTES"]

NODE_ATTRIBUTES = ("name", "kind", "sectors", "sector", "family", "line", "zone", "language", "organisation",
                   "municipality", "neighbourhood")
_NOT_ATTRIBUTES = {"id", "row", "email", "phone", "since", "until"}


def active(frame: pd.DataFrame, at: dt.date) -> pd.Series:
    """Rows of ``frame`` that count on day ``at``: ``since <= at < until`` (empty = open-ended).

    >>> f = pd.DataFrame({"since": ["", "2024-01-01", ""], "until": ["", "", "2024-01-01"]})
    >>> list(active(f, dt.date(2024, 1, 1)))
    [True, True, False]
    """
    day = at.isoformat()
    mask = pd.Series(True, index=frame.index)
    if "since" in frame:
        since = frame["since"].fillna("")
        mask &= (since == "") | (since <= day)
    if "until" in frame:
        until = frame["until"].fillna("")
        mask &= (until == "") | (until > day)
    return mask


def org_of(G: nx.Graph, v: Any) -> Any:
    """The organisation an actor belongs to: itself for an organisation, its employer for a person (or None)."""
    data = G.nodes[v]
    if data.get("kind") == "organisation":
        return v
    return data.get("organisation") or None


def same_organisation(G: nx.Graph, u: Any, v: Any) -> bool:
    """True when ``u`` and ``v`` belong to one organisation (a person and its organisation, or colleagues)."""
    org = org_of(G, u)
    return org is not None and org == org_of(G, v)


def _node_attributes(record: dict) -> dict:
    attributes = {}
    for key, value in record.items():
        if key in _NOT_ATTRIBUTES:
            continue
        if key == "sectors":
            attributes[key] = tuple(value.split("|")) if value else ()
        elif key == "line":
            attributes[key] = int(value) if value not in ("", None) else None
        elif key in ("language", "organisation", "municipality", "neighbourhood"):
            attributes[key] = value or None
        else:
            attributes[key] = value if value is not None else ""
    return attributes


def build_graph(actors: pd.DataFrame, memberships: pd.DataFrame | None = None, ties: pd.DataFrame | None = None,
                at: dt.date | None = None) -> nx.Graph:
    """Build the actor graph from validated tables for the analysis date ``at``.

    Parameters
    ----------
    actors, memberships, ties : pandas.DataFrame
        Validated tables (see :mod:`collabnet.dataset`).
    at : datetime.date
        Analysis date (default today).

    Returns
    -------
    networkx.Graph
        Node and edge attributes as described in the module docstring and the README.
    """
    at = at or dt.date.today()
    G = nx.Graph()
    actors = actors[active(actors, at)] if len(actors) else actors
    records = sorted(actors.to_dict("records"), key=lambda r: r["id"])
    G.add_nodes_from((r["id"], _node_attributes(r)) for r in records)
    edges: dict[tuple[str, str], list] = {}  # (u, v) -> [weight, origins, ties, tie types, groups]

    def edge(u: str, v: str) -> list:
        key = (u, v) if u < v else (v, u)
        data = edges.get(key)
        if data is None:
            data = edges[key] = [0.0, set(), 0, set(), None]
        return data

    for r in records:
        org = r.get("organisation")
        if r["kind"] == "person" and org and org in G:
            data = edge(r["id"], org)
            data[0] += 1.0
            data[1].add("affiliation")

    if ties is not None and len(ties):
        current = ties[active(ties, at)]
        for source, target, weight, tie_type in zip(current["source"], current["target"], current["weight"],
                                                    current["type"]):
            if source in G and target in G and source != target:
                data = edge(source, target)
                data[0] += float(weight)
                data[1].add("tie")
                data[2] += 1
                data[3].add(tie_type)

    if memberships is not None and len(memberships):
        current = memberships[active(memberships, at)]
        members: dict[str, set[str]] = {}
        for actor, group in zip(current["actor"], current["group"]):
            if actor in G:
                members.setdefault(group, set()).add(actor)
        shared: dict[tuple, tuple] = {}
        for group in sorted(members):
            people = sorted(members[group])
            if len(people) < 2:
                continue
            share = 1.0 / (len(people) - 1)
            for u, v in combinations(people, 2):
                data = edges.get((u, v))
                if data is None:
                    data = edges[(u, v)] = [0.0, set(), 0, set(), None]
                data[0] += share
                data[1].add("co_membership")
                data[4] = (*data[4], group) if data[4] else (group,)
        for data in edges.values():
            if data[4]:
                data[4] = shared.setdefault(data[4], data[4])

    empty: tuple = ()
    G.add_edges_from(
        (u, v, {"weight": round(d[0], 9), "origin": "|".join(sorted(d[1])), "ties": d[2],
                "tie_types": "|".join(sorted(d[3])), "groups": d[4] or empty})
        for (u, v), d in sorted(edges.items())
    )
    return G


def build_actor_graph(dataset) -> nx.Graph:
    """The actor graph of a :class:`~collabnet.dataset.Dataset` on its analysis date."""
    G = build_graph(dataset.actors, dataset.memberships, dataset.ties, at=dataset.at)
    G.graph.update(
        dataset=dataset.name,
        analysis_date=dataset.at.isoformat(),
        sector_names={lang: dataset.sector_names(lang) for lang in ("nl", "fr", "en")},
        zone_names={lang: {z: dataset.zone_name(z, lang) for z in [*dataset.zone_codes, "region"]}
                    for lang in ("nl", "fr", "en")},
        families=dict(zip(dataset.sectors["code"], dataset.sectors["family"])),
    )
    return G

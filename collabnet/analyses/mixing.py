"""Mixing between sectors: who works with whom, counted on edges.

:func:`sector_matrix` counts the edges between every pair of main sectors (or
lines, or languages); :func:`network_ei` sums it up as one E-I index
(Krackhardt & Stern 1988): ``(E - I) / (E + I)`` with ``E`` the edges between
two different sectors and ``I`` the edges inside one sector, from -1 (every
edge stays inside its sector) to +1 (every edge crosses). :func:`zone_ei` is
that index on a care zone. networkx has no E-I index; the counts are those of
``networkx.attribute_mixing_matrix`` with each undirected edge counted once.

Examples
--------
>>> G = nx.Graph([("gp1", "gp2"), ("gp1", "cpas"), ("gp2", "cpas"), ("cpas", "ocmw")])
>>> nx.set_node_attributes(G, {"gp1": "medical", "gp2": "medical", "cpas": "social_assistance",
...                            "ocmw": "social_assistance"}, "sector")
>>> m = sector_matrix(G)
>>> list(m.index), m.to_numpy().tolist()
(['medical', 'social_assistance'], [[1, 2], [2, 1]])
>>> network_ei(G)
0.0
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import networkx as nx
import numpy as np
import pandas as pd

from collabnet.graph import neighbour_numbers
from collabnet.records.findings import SectorMatrix

__all__ = ["ei", "links_between", "sector_matrix", "network_ei", "zone_ei"]


@nx.utils.not_implemented_for("directed")
@nx.utils.not_implemented_for("multigraph")
def sector_matrix(G: nx.Graph, nodes: Iterable[Hashable] | None = None, attribute: str = "sector") -> pd.DataFrame:
    """Edges between every pair of values of ``attribute``, a symmetric table.

    Parameters
    ----------
    G : networkx.Graph
    nodes : iterable, optional
        Count only the edges with both ends among these nodes (default: all).
    attribute : str
        Node attribute (main ``sector`` by default; ``line``, ``language``, ``family`` ...).
        Nodes whose value is missing or None are left out.

    Returns
    -------
    pandas.DataFrame
        Rows and columns: the values present among the nodes, sorted; cell
        ``[a, b]`` = number of edges between a node of ``a`` and a node of ``b``
        (each edge counted once; the diagonal counts the edges inside a value).
        A value whose nodes have no edge keeps its row and column of zeros.

    Examples
    --------
    >>> G = nx.Graph([(1, 2)])
    >>> G.add_nodes_from([(1, {"line": 1}), (2, {"line": 2}), (3, {"line": 0})])
    >>> sector_matrix(G, attribute="line").to_dict()
    {0: {0: 0, 1: 0, 2: 0}, 1: {0: 0, 1: 0, 2: 1}, 2: {0: 0, 1: 1, 2: 0}}
    """
    members = list(G) if nodes is None else [v for v in dict.fromkeys(nodes) if v in G]
    value = {v: x for v, x in G.nodes(data=attribute) if x is not None}
    order = sorted({value[v] for v in members if v in value}, key=str)
    code = {x: i for i, x in enumerate(order)}
    inside = {v: code[value[v]] for v in members if v in value}
    position = {v: i for i, v in enumerate(G)}
    value_at = np.full(len(position), -1, dtype=np.int64)  # each node's value code; -1 outside the set
    value_at[np.fromiter(map(position.__getitem__, inside), np.int64, len(inside))] = list(inside.values())
    # Each edge inside the set from both ends, as (value of one end, value of the other); a self-loop once.
    indptr, indices = neighbour_numbers(G, position, inside)
    heads = np.repeat(np.fromiter(inside.values(), np.int64, len(inside)), np.diff(indptr))
    tails = value_at[indices]
    kept = tails >= 0
    k = len(order)
    counts = np.bincount(heads[kept] * k + tails[kept], minlength=k * k).reshape(k, k)
    adjacency = G.adj
    loops = np.bincount([inside[v] for v in inside if v in adjacency[v]], minlength=k)
    counts[np.diag_indices(k)] = (counts.diagonal() - loops) // 2 + loops  # an edge inside a value, once
    index = pd.Index(order, name=attribute)
    return pd.DataFrame(counts, index=index, columns=pd.Index(order, name=attribute))


def links_between(G: nx.Graph, nodes: Iterable[Hashable] | None = None) -> SectorMatrix:
    """The :func:`sector_matrix` of main sectors as a record (sector codes sorted as text).

    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "medical", "b": "housing", "c": "housing"}, "sector")
    >>> links_between(G)
    SectorMatrix(codes=('housing', 'medical'), counts=((1, 1), (1, 0)))
    """
    table = sector_matrix(G, nodes)
    return SectorMatrix(tuple(map(str, table.index)), tuple(tuple(int(x) for x in row) for row in table.to_numpy()))


def ei(external: int, internal: int) -> float | None:
    """The E-I index ``(E - I) / (E + I)`` of ``external`` links between groups and ``internal`` links
    inside one (Krackhardt & Stern 1988); None when there is no link.

    >>> ei(1, 3), ei(0, 0)
    (-0.5, None)
    """
    total = internal + external
    return None if total == 0 else (external - internal) / total


def network_ei(G: nx.Graph, nodes: Iterable[Hashable] | None = None, attribute: str = "sector") -> float | None:
    """E-I index of a set of actors: ``(E - I) / (E + I)`` over the edges among them.

    ``E`` counts the edges between two different values of ``attribute``,
    ``I`` the edges inside one value (Krackhardt & Stern 1988 [1]_, applied to
    the whole set as in their organisation-level index).

    Parameters
    ----------
    G : networkx.Graph
    nodes : iterable, optional
        The set of actors (default: all); only edges with both ends in it count.
    attribute : str
        Grouping attribute (main sector by default); edges touching a node
        without a value are not counted.

    Returns
    -------
    float or None
        None when no edge is counted.

    References
    ----------
    .. [1] Krackhardt, D. and Stern, R. N. (1988). "Informal networks and organizational
       crises: an experimental simulation". Social Psychology Quarterly 51(2), 123-140.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> nx.set_node_attributes(G, {"a": "medical", "b": "medical", "c": "housing", "d": "housing"}, "sector")
    >>> round(network_ei(G), 3), network_ei(G, nodes=["a", "b"]), network_ei(G, nodes=["a"])
    (-0.333, -1.0, None)
    """
    matrix = sector_matrix(G, nodes, attribute).to_numpy()
    internal = int(matrix.trace())
    return ei(int(matrix.sum() - internal) // 2, internal)  # off-diagonal cells hold each edge twice


def zone_ei(G: nx.Graph, zone: str, attribute: str = "sector") -> float | None:
    """E-I index of a care zone's subgraph by main sector (see :func:`network_ei`).

    The zone's actors are the nodes whose ``zone`` attribute is ``zone``; only
    edges with both ends among them count. ``zone="region"`` is the whole graph
    (the region-wide view of the summary), as in the rest of the analyses.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "medical", "b": "housing", "c": "housing"}, "sector")
    >>> nx.set_node_attributes(G, {"a": "south", "b": "south", "c": "north"}, "zone")
    >>> zone_ei(G, "south"), zone_ei(G, "region")
    (1.0, 0.0)
    """
    nodes = None if zone == "region" else [v for v, z in G.nodes(data="zone") if z == zone]
    return network_ei(G, nodes, attribute)

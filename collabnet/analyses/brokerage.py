"""Brokers: the actors who bridge sectors, care lines and language networks.

Every measure here is unweighted, on the whole actor graph, and computed for
all actors at once with sparse matrix products (scipy.sparse), so that a region
of tens of thousands of actors, with 200-person workshops expanded into
cliques, is analysed in seconds. Each function returns plain Python values
keyed by node, in the graph's node order.

- :func:`gould_fernandez`: brokerage roles (Gould & Fernandez 1989), undirected.
- :func:`ei_index`: an actor's E-I index (Krackhardt & Stern 1988).
- :func:`effective_size` and :func:`constraint`: Burt's structural holes (Burt 1992).
- :func:`betweenness`: Brandes' betweenness (Brandes 2001), exact or sampled.
- :func:`broker_table`: all of them as the ``brokers.csv`` table, ranked per zone.

The triangle-type counts behind brokerage, effective size and constraint all
come from one question asked of every edge ``(v, a)``: how many common
neighbours ``b`` do ``v`` and ``a`` have, counting only the ``b`` for which the
edge ``(b, a)`` passes some test (same sector, both with a known line, ...).
That is the product ``A @ W`` read on the pattern of the adjacency matrix
``A``, where ``W`` holds the test's 0/1 outcome on each edge. Several such 0/1
counts are packed into the bit fields of one integer matrix, so one sparse
product answers them all (see :func:`_count_on_edges`).

References
----------
.. [1] Gould, R. V. and Fernandez, R. M. (1989). "Structures of mediation: a formal
   approach to brokerage in transaction networks". Sociological Methodology 19, 89-126.
.. [2] Burt, R. S. (1992). Structural Holes: The Social Structure of Competition.
   Harvard University Press.
.. [3] Borgatti, S. P. (1997). "Structural holes: unpacking Burt's redundancy measures".
   Connections 20(1), 35-38.
.. [4] Krackhardt, D. and Stern, R. N. (1988). "Informal networks and organizational
   crises: an experimental simulation". Social Psychology Quarterly 51(2), 123-140.
.. [5] Brandes, U. (2001). "A faster algorithm for betweenness centrality".
   Journal of Mathematical Sociology 25(2), 163-177.
"""

from __future__ import annotations

import random
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from statistics import NormalDist

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from collabnet.algorithms.blocks import adjacency_matrix
from collabnet.algorithms.common_neighbours import common_sums, transpose
from collabnet.analyses import shortest_paths
from collabnet.analyses.bridges import cut_vertices
from collabnet.organisations import carriers_of
from collabnet.progress import Progress
from collabnet.records.findings import SCORE_DIGITS
from collabnet.runtime import share_out

__all__ = [
    "betweenness_method",
    "ROLES",
    "BROKER_COLUMNS",
    "EXACT_MAX",
    "CERTIFY_MAX_SOURCES",
    "CONFIDENCE",
    "SAMPLE_SOURCES",
    "CUT_VERTEX_BONUS",
    "gould_fernandez",
    "ei_index",
    "effective_size",
    "constraint",
    "betweenness",
    "broker_table",
    "rank_brokers",
]

ROLES = ("coordinator", "itinerant", "representative", "liaison")

#: Contract columns of ``brokers.csv`` (outputs.md), in contract order; extra columns follow them.
BROKER_COLUMNS = (
    "zone", "rank", "actor", "name", "kind", "sector", "line", "betweenness", "cross_sector_ties",
    "sectors_bridged", "coordinator", "itinerant", "representative", "liaison", "constraint",
    "effective_size", "ei", "cut_vertex",
)
_EXTRA_COLUMNS = ("degree", "sector_brokerage", "line_brokerage", "language_brokerage", "bridge_score", "carried_by")

#: Graphs with at most this many nodes get exact betweenness by default (measured on the organisation graph,
#: both cores: about 1.5 s at 5,000 nodes, 15 s at 10,000; the Brussels region's directory lists about 5,500
#: services and GPs, so a whole region's organisation graph is exact).
EXACT_MAX = 10_000
#: Number of sampled source nodes for betweenness above :data:`EXACT_MAX`.
SAMPLE_SOURCES = 1024
#: Most sources of the certified estimate: the sample doubles from :data:`SAMPLE_SOURCES` up to this many.
CERTIFY_MAX_SOURCES = 2048
#: Confidence with which every zone's top :data:`CERTIFY_TOP` (by broker rank) is separated from the rest.
CONFIDENCE = 0.95
CERTIFY_TOP = 10
#: Weight of cut-vertex status in the broker ranking (see :func:`broker_table`).
CUT_VERTEX_BONUS = 0.25

@dataclass(frozen=True)
class _Adjacency:
    """The graph as a symmetric 0/1 CSR matrix (sorted indices, no diagonal)."""

    nodes: list
    matrix: sp.csr_array
    rows: np.ndarray  # row (node index) of every stored entry, aligned with matrix.indices
    degree: np.ndarray
    transposed: np.ndarray  # position of the entry (a, v) for every stored entry (v, a)

    def row_sums(self, values: np.ndarray) -> np.ndarray:
        """Sum of a per-entry array over each row (exact for integers, also for empty rows)."""
        total = np.concatenate([np.zeros(1, values.dtype), np.cumsum(values)])
        return total[self.matrix.indptr[1:]] - total[self.matrix.indptr[:-1]]


def _adjacency(G: nx.Graph) -> _Adjacency:
    nodes, A = adjacency_matrix(G)
    degree = np.diff(A.indptr).astype(np.int64)
    return _Adjacency(nodes, A, np.repeat(np.arange(len(nodes)), degree), degree, transpose(A.indptr, A.indices))


def _on_edges(adj: _Adjacency, weights: np.ndarray) -> np.ndarray:
    """``(A @ W)[v, a]`` for every stored entry ``(v, a)`` of ``A``, in CSR order.

    ``W`` has the pattern of ``A`` with data ``weights``, so the value is the sum
    of ``W[b, a]`` over the common neighbours ``b`` of ``v`` and ``a``
    (:func:`collabnet.algorithms.common_neighbours.common_sums`). ``weights``
    of shape (entries, k) asks k such questions at once.
    """
    A = adj.matrix
    columns = np.ascontiguousarray(weights if weights.ndim == 2 else weights[:, None])
    found = common_sums(A.indptr.astype(np.int64), A.indices.astype(np.int64), adj.transposed, columns)
    return found if weights.ndim == 2 else found[:, 0]


def _count_on_edges(adj: _Adjacency, masks: list[np.ndarray]) -> list[np.ndarray]:
    """For each boolean mask over the stored entries, and every entry ``(v, a)``:
    the number of common neighbours ``b`` of ``v`` and ``a`` whose entry ``(b, a)`` is in the mask.

    A count never exceeds the largest degree, so it fits in ``bits`` bits; the
    masks are packed into bit fields of int64 weights, ``63 // bits`` masks per
    column (no field can carry into the next), all answered in one pass.
    """
    bits = max(1, int(adj.degree.max(initial=0)).bit_length())
    per_column = 63 // bits
    field = (1 << bits) - 1
    packed = np.zeros((adj.matrix.nnz, max(1, -(-len(masks) // per_column))), np.int64)
    for i, mask in enumerate(masks):
        packed[:, i // per_column] |= mask.astype(np.int64) << (bits * (i % per_column))
    total = _on_edges(adj, packed)
    return [(total[:, i // per_column] >> (bits * (i % per_column))) & field for i in range(len(masks))]


def _labels(G: nx.Graph, nodes: list, attribute: str) -> np.ndarray:
    """Integer code of every node's attribute value; -1 where the value is missing (None)."""
    values = [G.nodes[v].get(attribute) for v in nodes]
    codes = {x: i for i, x in enumerate(sorted({x for x in values if x is not None}, key=str))}
    return np.array([codes.get(x, -1) if x is not None else -1 for x in values], dtype=np.int64)


@dataclass(frozen=True)
class _Profile:
    """How a node's neighbours spread over the values of one attribute."""

    labels: np.ndarray
    same_entry: np.ndarray  # per stored entry (v, a): v and a have the same known value
    known_entry: np.ndarray  # per stored entry (v, a): both values known
    own: np.ndarray  # neighbours with the node's own value
    known: np.ndarray  # neighbours with a known value
    other_values: np.ndarray  # distinct known values among neighbours, other than the node's own
    same_value_pairs: np.ndarray  # pairs of neighbours that share a known value (any value)


def _profile(adj: _Adjacency, labels: np.ndarray) -> _Profile:
    A, rows, cols = adj.matrix, adj.rows, adj.matrix.indices
    n = len(labels)
    has = labels >= 0
    known_entry = has[rows] & has[cols]
    same_entry = known_entry & (labels[rows] == labels[cols])
    k = int(labels.max(initial=-1)) + 1
    labelled = np.flatnonzero(has)
    onehot = sp.csr_array((np.ones(len(labelled), np.int64), (labelled, labels[labelled])), shape=(n, max(k, 1)))
    by_value = (A @ onehot).tocsr()  # neighbours of each node per value
    by_value.sum_duplicates()
    value_rows = np.repeat(np.arange(n), np.diff(by_value.indptr))
    pairs = np.bincount(value_rows, weights=by_value.data * (by_value.data - 1) // 2, minlength=n)
    distinct = np.diff(by_value.indptr).astype(np.int64)
    own = adj.row_sums(same_entry.astype(np.int64))
    return _Profile(
        labels=labels,
        same_entry=same_entry,
        known_entry=known_entry,
        own=own,
        known=adj.row_sums(has[cols].astype(np.int64)),
        other_values=np.where(has, distinct - (own > 0), distinct),
        same_value_pairs=pairs.astype(np.int64),
    )


def _roles(adj: _Adjacency, profile: _Profile, known_common: np.ndarray, same_common: np.ndarray) -> np.ndarray:
    """Gould-Fernandez role counts, shape (n, 4) in :data:`ROLES` order.

    ``known_common[(v, a)]``: common neighbours ``b`` of ``v`` and ``a`` with ``a`` and ``b`` both of
    known value; ``same_common[(v, a)]``: those with ``b`` of the same value as ``a``.
    Per broker ``v`` with ``own`` neighbours of its own value among ``known`` neighbours:
    all pairs of neighbours, minus the adjacent ones (the triangles through ``v``), split by type.
    """
    own, known = profile.own, profile.known
    same = profile.same_entry
    linked = adj.row_sums(known_common) // 2  # adjacent pairs of known neighbours
    linked_same = adj.row_sums(same_common) // 2  # ... that share a value
    linked_own = adj.row_sums(np.where(same, same_common, 0)) // 2  # ... both of the broker's value
    linked_own_other = adj.row_sums(np.where(same, known_common, 0)) - 2 * linked_own  # exactly one
    own_pairs = own * (own - 1) // 2
    coordinator = own_pairs - linked_own
    itinerant = (profile.same_value_pairs - own_pairs) - (linked_same - linked_own)
    representative = own * (known - own) - linked_own_other
    liaison = (known * (known - 1) // 2 - linked) - coordinator - itinerant - representative
    roles = np.stack([coordinator, itinerant, representative, liaison], axis=1)
    roles[profile.labels < 0] = 0
    return roles


def _brokerage(adj: _Adjacency, profiles: Mapping[str, _Profile], triangles: bool = False):
    """Role counts per attribute, and the common-neighbour count per entry when ``triangles``.

    All counts come from one pass over the triangles; a mask shared by several
    questions (every entry, for an attribute known on all nodes) is counted once.
    """
    everything = np.ones(adj.matrix.nnz, bool)
    masks: list[np.ndarray] = [everything] if triangles else []

    def slot(mask: np.ndarray) -> int:
        if mask.all() and triangles:
            return 0
        masks.append(mask)
        return len(masks) - 1

    slots = {name: (slot(p.known_entry), slot(p.same_entry)) for name, p in profiles.items()}
    counts = _count_on_edges(adj, masks)
    roles = {name: _roles(adj, profiles[name], counts[k], counts[s]) for name, (k, s) in slots.items()}
    return roles, (counts[0] if triangles else None)


#: Stored entries (twice the links) from which the counts of :func:`_counted` are shared by two processes.
_SHARED_COUNT_ENTRIES = 1_000_000


def _counted(G: nx.Graph, adj: _Adjacency, profiles: Mapping[str, _Profile], *, searched: bool) -> tuple:
    """What the table needs besides betweenness, each part independent of the others: the brokerage roles
    and common-neighbour counts (:func:`_brokerage`), :func:`~collabnet.organisations.carriers_of`, the
    cliques that the searches fold (:func:`_cliques`; None unless ``searched``: betweenness given) and
    Burt's constraint.

    On a big graph (below a million entries forking costs more than it saves) a second process finds the
    constraint while this one reads the graph's own dicts for the carriers and the cliques (in a forked
    process, reading them would write their reference counts, and the system copies every page touched);
    then the brokerage counts, whose common neighbours are counted by both processes
    (:func:`~collabnet.algorithms.common_neighbours.common_sums`).
    """
    jobs = [lambda: carriers_of(G), lambda: _cliques(G, adj.nodes) if searched else None,
            lambda: _constraint_values(adj)]
    carried, cliques, constraint = share_out(jobs, lambda job: job(), here=2,
                                             parallel=adj.matrix.nnz >= _SHARED_COUNT_ENTRIES)
    return _brokerage(adj, profiles, triangles=True), carried, cliques, constraint


def _by_node(nodes: list, values: Iterable) -> dict:
    return dict(zip(nodes, values))


@nx.utils.not_implemented_for("directed")
@nx.utils.not_implemented_for("multigraph")
def gould_fernandez(G: nx.Graph, attribute: str = "sector") -> dict[Hashable, dict[str, int]]:
    """Gould-Fernandez brokerage roles of every node, undirected [1]_.

    A node ``v`` brokers an unordered pair ``{a, b}`` of its neighbours that are
    not adjacent to each other. With groups given by ``attribute`` the pair is:

    - ``coordinator``: ``a``, ``b`` and ``v`` all in one group;
    - ``itinerant``: ``a`` and ``b`` in one group other than ``v``'s;
    - ``representative``: exactly one of ``a``, ``b`` in ``v``'s group (in an
      undirected graph the gatekeeper role is the same pairs);
    - ``liaison``: ``a``, ``b`` and ``v`` in three different groups.

    Parameters
    ----------
    G : networkx.Graph
        Undirected graph; weights are ignored.
    attribute : str
        Node attribute naming the group (``"sector"``, ``"line"``, ``"language"``).
        Nodes whose value is missing or None belong to no group: they broker
        nothing (all roles 0) and pairs that include them are not counted.

    Returns
    -------
    dict
        node -> {role: count} with the roles in :data:`ROLES` order.

    Notes
    -----
    Counts come from sparse products (pairs of neighbours per group minus the
    triangles of each type through the broker), not from enumerating pairs in
    Python: a 200-person workshop clique costs about 8 million multiply-adds
    in compiled code (a fraction of a second), whatever the number of groups.

    References
    ----------
    .. [1] Gould, R. V. and Fernandez, R. M. (1989). "Structures of mediation: a formal
       approach to brokerage in transaction networks". Sociological Methodology 19, 89-126.

    Examples
    --------
    A home nurse between two GPs who do not know each other, and a social worker:

    >>> G = nx.Graph([("nurse", "gp1"), ("nurse", "gp2"), ("nurse", "cpas")])
    >>> nx.set_node_attributes(G, {"nurse": "home_care", "gp1": "medical", "gp2": "medical",
    ...                            "cpas": "social_assistance"}, "sector")
    >>> gould_fernandez(G)["nurse"]
    {'coordinator': 0, 'itinerant': 1, 'representative': 0, 'liaison': 2}
    """
    adj = _adjacency(G)
    roles, _ = _brokerage(adj, {attribute: _profile(adj, _labels(G, adj.nodes, attribute))})
    return _by_node(adj.nodes, (dict(zip(ROLES, map(int, row))) for row in roles[attribute]))


@nx.utils.not_implemented_for("directed")
@nx.utils.not_implemented_for("multigraph")
def ei_index(G: nx.Graph, attribute: str = "sector", nodes: Iterable | None = None) -> dict[Hashable, float | None]:
    """Each node's E-I index: ``(external - internal) / (external + internal)`` [1]_.

    ``external`` counts the neighbours whose ``attribute`` differs from the
    node's, ``internal`` those with the same value: -1 when all ties stay inside
    the node's group, +1 when all cross to other groups.

    Parameters
    ----------
    G : networkx.Graph
    attribute : str
        Node attribute naming the group (main sector by default). Neighbours
        with no value are not counted.
    nodes : iterable, optional
        Only these nodes (default all).

    Returns
    -------
    dict
        node -> float, or None for a node with no value or no counted neighbour.

    References
    ----------
    .. [1] Krackhardt, D. and Stern, R. N. (1988). "Informal networks and organizational
       crises: an experimental simulation". Social Psychology Quarterly 51(2), 123-140.

    Examples
    --------
    >>> G = nx.Graph([("gp", "gp2"), ("gp", "cpas"), ("gp", "pharmacy")])
    >>> nx.set_node_attributes(G, {"gp": "medical", "gp2": "medical", "cpas": "social_assistance",
    ...                            "pharmacy": "pharmacy"}, "sector")
    >>> G.add_node("alone", sector="medical")
    >>> ei = ei_index(G)
    >>> round(ei["gp"], 3), ei["gp2"], ei["alone"]
    (0.333, -1.0, None)
    """
    adj = _adjacency(G)
    p = _profile(adj, _labels(G, adj.nodes, attribute))
    values = _ei_values(p)
    result = _by_node(adj.nodes, values)
    return result if nodes is None else {v: result[v] for v in nodes}


def _ei_values(p: _Profile) -> list[float | None]:
    external = p.known - p.own
    return [None if label < 0 or k == 0 else float((e - o) / k)
            for label, k, e, o in zip(p.labels.tolist(), p.known.tolist(), external.tolist(), p.own.tolist())]


@nx.utils.not_implemented_for("directed")
@nx.utils.not_implemented_for("multigraph")
def effective_size(G: nx.Graph) -> dict[Hashable, float | None]:
    """Burt's effective size of every node, unweighted [1]_.

    For an undirected, unweighted graph effective size reduces to
    ``degree - 2 * t / degree`` with ``t`` the number of edges among the node's
    neighbours (Borgatti 1997 [2]_): the number of contacts minus the
    redundancy of each contact with the others. It equals
    ``networkx.effective_size(G)`` on unweighted graphs without building the
    dense n x n matrix networkx uses.

    Returns
    -------
    dict
        node -> float; None for a node without neighbours (networkx gives nan).

    References
    ----------
    .. [1] Burt, R. S. (1992). Structural Holes: The Social Structure of Competition.
       Harvard University Press.
    .. [2] Borgatti, S. P. (1997). "Structural holes: unpacking Burt's redundancy measures".
       Connections 20(1), 35-38.

    Examples
    --------
    A star has no redundancy; a triangle's contacts are each redundant once:

    >>> effective_size(nx.star_graph(3))[0], effective_size(nx.complete_graph(3))[0]
    (3.0, 1.0)
    """
    adj = _adjacency(G)
    _, common = _brokerage(adj, {}, triangles=True)
    return _by_node(adj.nodes, _effective_size_values(adj, common))


def _effective_size_values(adj: _Adjacency, common: np.ndarray) -> list[float | None]:
    twice_t = adj.row_sums(common)
    return [float(d - t / d) if d else None for d, t in zip(adj.degree.tolist(), twice_t.tolist())]


@nx.utils.not_implemented_for("directed")
@nx.utils.not_implemented_for("multigraph")
def constraint(G: nx.Graph) -> dict[Hashable, float | None]:
    """Burt's constraint of every node, unweighted [1]_.

    ``c(v) = sum over neighbours j of (p_vj + sum_q p_vq p_qj) ** 2`` with
    ``p_vj = 1 / degree(v)``: high when the node's contacts are few and tied to
    each other (no structural holes to span). Same values as
    ``networkx.constraint(G)`` with ``weight=None``; here the indirect term is
    read only on the edges (a masked sparse product), which stays cheap on
    graphs with large cliques.

    Returns
    -------
    dict
        node -> float; None for a node without neighbours (networkx gives nan).

    References
    ----------
    .. [1] Burt, R. S. (1992). Structural Holes: The Social Structure of Competition.
       Harvard University Press.

    Examples
    --------
    >>> c = constraint(nx.star_graph(2))
    >>> c[0], c[1]
    (0.5, 1.0)
    """
    adj = _adjacency(G)
    return _by_node(adj.nodes, _constraint_values(adj))


def _constraint_values(adj: _Adjacency) -> list[float | None]:
    d = adj.degree.astype(float)
    with np.errstate(divide="ignore"):
        inverse = np.where(d > 0, 1.0 / d, 0.0)
    # For an edge (v, j): p_vj + sum_q p_vq p_qj = (1 + sum over common q of 1/deg(q)) / deg(v)
    indirect = _on_edges(adj, inverse[adj.rows])
    total = adj.row_sums((1.0 + indirect) ** 2)
    return [float(t * i * i) if i else None for t, i in zip(total.tolist(), inverse.tolist())]


@nx.utils.not_implemented_for("directed")
@nx.utils.not_implemented_for("multigraph")
def betweenness(G: nx.Graph, k: int | None = None, seed: int = 42, exact_max: int = EXACT_MAX,
                progress: Progress | None = None) -> dict[Hashable, float]:
    """Betweenness centrality, unweighted, normalised by ``(n - 1)(n - 2) / 2`` [1]_.

    The share of shortest paths between pairs of other actors that pass
    through the node, with ``n`` the number of nodes of the whole graph.

    Parameters
    ----------
    G : networkx.Graph
    k : int, optional
        Number of source nodes to sample *as networkx does*: the same sample
        as ``networkx.betweenness_centrality(G, k=k, seed=seed)`` and the same
        values up to float rounding; ``k >= n`` is exact. Default (None):
        exact when ``G`` has at most ``exact_max`` nodes, else the zone-
        stratified, linearly scaled estimate from :data:`SAMPLE_SOURCES`
        sources described below.
    seed : int
        Seed of the sample.
    exact_max : int
        Largest graph (in nodes) computed exactly when ``k`` is None.
    progress : collabnet.progress.Progress, optional
        Shows a bar on stderr when the computation takes a while.

    Returns
    -------
    dict
        node -> float.

    Notes
    -----
    Exact values are computed block by block (:func:`collabnet.analyses.shortest_paths.exact_pairs`:
    split at cut vertices, twins searched once, BADIOS, Sarıyüce et al. 2013).
    :func:`broker_table` above ``EXACT_MAX`` nodes uses a certified estimate
    instead (the sample grows until each zone's top 10 is separated, at
    :data:`CONFIDENCE`; summary.json says which zones are).

    Brandes' algorithm [1]_ for a batch of sources at once, on a reduced graph
    (:mod:`collabnet.analyses.shortest_paths`): leaves are taken out exactly,
    and each workshop clique (edge attribute ``groups``) is crossed in one
    step through its members instead of its member pairs. The cost is
    (sources) x (nodes + plain edges + clique memberships), so the sampled
    estimate grows linearly with the dataset. The searches are split in two
    halves (per zone and round for the estimate), shared with a forked process
    when a second core is free, summed in a fixed order (one core or two give
    the same bits). Measured on this
    project's 2-core machine (``collabnet bench``, medians while other work
    ran; about half that on an idle machine): exact in 3.9 s for the
    synthetic region of 1,000 organisations (5,000 actors, 73,000 edges);
    1,024 sources in 5.1 s for 25,000 actors and 148,000 edges, and 35 s for
    245,000 actors and 1.45 million edges; plain networkx would take about
    150 s, 160 s and 3,400 s.

    The estimate above ``exact_max``: ``SAMPLE_SOURCES`` sources drawn
    without replacement within each zone (node attribute ``zone``; a missing
    zone counts as ``region``), in proportion to the zone's size, each search
    weighted by ``n_zone / k_zone`` (stratified sampling); and each source
    credits a pair ``(s, t)`` to a node ``v`` on their shortest paths with
    weight ``d(s, v) / d(s, t)`` (linear scaling, Geisberger, Sanders &
    Schultes 2008; see :mod:`collabnet.analyses.shortest_paths`), so that
    nodes near a sampled source are not over-rated. Unbiased, and exact when
    every node is a source. Measured against exact values on the synthetic
    region of 1,000 organisations (``collabnet bench``, README), it roughly
    halves the ranking errors of plain uniform sampling (Brandes & Pich 2007
    [2]_, networkx's ``k``): with seed 42 every zone's top 10 by broker rank
    is the exact one, and 57 of the 60 by betweenness alone; over other seeds
    one zone's rank 10 and 11 can swap, since several actors there have
    betweenness within a few per cent of each other (Riondato &
    Kornaropoulos 2016 [3]_ bound the sample needed for a given additive
    error).

    References
    ----------
    .. [1] Brandes, U. (2001). "A faster algorithm for betweenness centrality".
       Journal of Mathematical Sociology 25(2), 163-177.
    .. [2] Brandes, U. and Pich, C. (2007). "Centrality estimation in large networks".
       International Journal of Bifurcation and Chaos 17(7), 2303-2318.
    .. [3] Riondato, M. and Kornaropoulos, E. M. (2016). "Fast approximation of betweenness
       centrality through sampling". Data Mining and Knowledge Discovery 30(2), 438-475.

    Examples
    --------
    The centre of a path of three actors is on the only path between the other two:

    >>> betweenness(nx.path_graph(3))
    {0: 0.0, 1: 1.0, 2: 0.0}
    """
    adj = _adjacency(G)
    return _by_node(adj.nodes, _betweenness_values(G, adj, k, seed, exact_max, progress))


def _betweenness_values(G: nx.Graph, adj: _Adjacency, k: int | None, seed: int, exact_max: int,
                        progress: Progress | None = None, cliques: list | None = None) -> list[float]:
    """Betweenness of ``adj``'s nodes (``cliques``: :func:`_cliques`, when already found)."""
    n = len(adj.nodes)
    if k is not None and k < 2:
        raise ValueError(f"betweenness needs at least 2 sampled sources, got k={k}")
    if n <= 2:
        return [0.0] * n
    cliques = _cliques(G, adj.nodes) if cliques is None else cliques
    if k is None and n > exact_max and SAMPLE_SOURCES < n:
        sources, weights = _stratified_sample(G, adj.nodes, SAMPLE_SOURCES, seed)
        pairs = shortest_paths.dependencies(shortest_paths.path_graph(adj.matrix, cliques), sources, weights,
                                            linear=True, progress=progress)
        return (pairs * (2.0 / ((n - 1) * (n - 2)))).tolist()
    if k is None or k >= n:
        pairs = shortest_paths.exact_pairs(adj.matrix, cliques, progress=progress)
        return (pairs * (1.0 / ((n - 1) * (n - 2)))).tolist()
    else:
        graph = shortest_paths.path_graph(adj.matrix, cliques)
        index = {v: i for i, v in enumerate(adj.nodes)}
        sources = np.array([index[v] for v in random.Random(seed).sample(adj.nodes, k)])
        scale = np.full(n, 1.0 / (k * (n - 2)))
        scale[sources] = 1.0 / ((k - 1) * (n - 2))  # a source is never an inner node of its own paths
    return (shortest_paths.dependencies(graph, sources, progress=progress) * scale).tolist()


def _stratified_sample(G: nx.Graph, nodes: list, k: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``k`` source indices spread over the zones in proportion to their size (largest remainder,
    at least one per zone), and each source's weight ``n_zone / k_zone``.

    >>> G = nx.empty_graph(10)
    >>> nx.set_node_attributes(G, {v: "north" if v < 7 else "south" for v in G}, "zone")
    >>> sources, weights = _stratified_sample(G, list(G), 4, seed=1)
    >>> sorted(sources.tolist()), weights.tolist()
    ([0, 1, 4, 8], [2.3333333333333335, 2.3333333333333335, 2.3333333333333335, 3.0])
    """
    strata: dict[str, list[int]] = {}
    for i, v in enumerate(nodes):
        strata.setdefault(str(G.nodes[v].get("zone") or "region"), []).append(i)
    names = sorted(strata)
    if len(names) > k:
        names, strata = ["all"], {"all": list(range(len(nodes)))}
    sizes = np.array([len(strata[z]) for z in names])
    quota = k * sizes / sizes.sum()
    taken = np.maximum(np.floor(quota).astype(int), 1)
    while taken.sum() > k:  # the zones raised to one source are paid for by the largest ones
        taken[np.argmax(taken)] -= 1
    taken[np.argsort(taken - quota, kind="stable")[:k - taken.sum()]] += 1
    rng = random.Random(seed)
    sources, weights = [], []
    for z, size, count in zip(names, sizes.tolist(), np.minimum(taken, sizes).tolist()):
        sources.extend(rng.sample(strata[z], count))
        weights.extend([size / count] * count)
    return np.array(sources, np.int64), np.array(weights)


def _cliques(G: nx.Graph, nodes: list) -> list[np.ndarray]:
    """Groups (edge attribute ``groups``) whose members are all linked to each other, as node index arrays.

    The edges are bucketed by their group set first (a string or a tuple of
    group ids; many edges share one).
    """
    index = {v: i for i, v in enumerate(nodes)}
    ends: dict = {}
    for u, v, groups in G.edges(data="groups"):
        if groups:
            bucket = ends.get(groups)
            if bucket is None:
                bucket = ends[groups] = []
            bucket.append(index[u])
            bucket.append(index[v])
    names = sorted({g for groups in ends for g in ((groups,) if isinstance(groups, str) else groups)}, key=str)
    number = {g: i for i, g in enumerate(names)}
    owner, member, edges = [], [], np.zeros(len(names), np.int64)
    for groups, bucket in ends.items():  # every group of the set gets the bucket's edges and their ends
        ends_of = np.array(bucket, np.int64)
        for group in ((groups,) if isinstance(groups, str) else groups):
            owner.append(np.full(len(bucket), number[group], np.int64))
            member.append(ends_of)
            edges[number[group]] += len(bucket) // 2
    if not names:
        return []
    cells = np.unique(np.concatenate(owner) * len(nodes) + np.concatenate(member))  # (group, node), once each
    group_of, node = np.divmod(cells, len(nodes))
    split = np.flatnonzero(np.diff(group_of)) + 1
    found = []
    for g, clique in zip(group_of[np.r_[0, split]].tolist(), np.split(node, split)):
        if len(clique) >= 3 and edges[g] == len(clique) * (len(clique) - 1) // 2:
            found.append(clique)
    return found


def betweenness_method(n: int, exact: bool = False) -> dict:
    """How :func:`broker_table` computes betweenness on a graph of ``n`` actors (for summary.json).

    >>> betweenness_method(5_000), betweenness_method(25_000)
    ({'method': 'exact'}, {'method': 'estimated', 'sources': 1024, 'seed': 42})
    >>> betweenness_method(25_000, exact=True)
    {'method': 'exact'}
    """
    if exact or n <= EXACT_MAX or SAMPLE_SOURCES >= n:
        return {"method": "exact"}
    return {"method": "estimated", "sources": SAMPLE_SOURCES, "seed": 42}


def _certified(G: nx.Graph, adj: _Adjacency, cliques: list, seed: int, separated, progress: Progress | None = None):
    """Stratified, linearly scaled estimate, doubling the sources until ``separated(values, halfwidth)`` holds.

    Sources are drawn without replacement within each zone, in proportion to
    its size (:func:`_stratified_sample`'s quotas), first :data:`SAMPLE_SOURCES`,
    then twice as many, up to :data:`CERTIFY_MAX_SOURCES`. After each round,
    every node's estimate gets a half-width: the normal quantile of
    :data:`CONFIDENCE`, Bonferroni-corrected over all nodes, times the
    standard error of the stratified estimator (sample variance of each zone,
    finite-population correction: a zone whose every node was a source adds no
    error). ``separated`` (values and half-widths, normalised) returns
    zone -> True when that zone's top is separated, and which nodes are surely in it; the loop stops when
    every zone is separated.

    ``cliques``: :func:`_cliques` of ``adj``'s nodes, which the searches cross in one step.

    Returns the values (normalised), the ``summary.json`` entry, and per node whether it is surely in its
    zone's top (:func:`_separated`).
    """
    n = len(adj.nodes)
    graph = shortest_paths.path_graph(adj.matrix, cliques)
    strata: dict[str, list[int]] = {}
    for i, v in enumerate(adj.nodes):
        strata.setdefault(str(G.nodes[v].get("zone") or "region"), []).append(i)
    names = sorted(strata)
    rng = random.Random(seed)
    order = {z: rng.sample(strata[z], len(strata[z])) for z in names}
    taken = dict.fromkeys(names, 0)
    ones = {z: np.zeros(n) for z in names}
    squares = {z: np.zeros(n) for z in names}
    # The normal quantile from the standard library (Wichura's AS 241, to 1e-16): scipy.stats took 0.75 s to import
    z_score = NormalDist().inv_cdf(1 - (1 - CONFIDENCE) / (2 * n))
    scale = 2.0 / ((n - 1) * (n - 2))
    k = SAMPLE_SOURCES
    while True:
        sources, _ = _stratified_sample(G, adj.nodes, min(k, n), seed)
        quota = {z: 0 for z in names}
        for i in sources.tolist():
            quota[str(G.nodes[adj.nodes[i]].get("zone") or "region")] += 1
        new = {z: np.array(order[z][taken[z]:max(taken[z], quota[z])], np.int64) for z in names}
        new = {z: sources for z, sources in new.items() if len(sources)}
        found = shortest_paths.grouped_dependencies(graph, list(new.values()), linear=True, squares=True,
                                                    progress=progress)  # every zone's new searches at once
        for z, (one, square) in zip(new, found):
            ones[z] += one
            squares[z] += square
            taken[z] += len(new[z])
        estimate, variance = np.zeros(n), np.zeros(n)
        for z in names:
            size, got = len(strata[z]), taken[z]
            if got == 0:
                continue
            mean = ones[z] / got
            estimate += size * mean
            if 1 < got < size:
                spread = np.maximum(squares[z] - got * mean * mean, 0.0) / (got - 1)
                variance += size * size * (1 - got / size) * spread / got
        values, half = estimate * scale, z_score * np.sqrt(variance) * scale
        zones, sure = separated(values, half)
        total = sum(taken.values())
        if all(zones.values()) or k >= min(n, CERTIFY_MAX_SOURCES):
            entry = {"method": "estimated", "sources": total, "seed": seed,
                     "certified": {"confidence": CONFIDENCE, "top": CERTIFY_TOP,
                                   "rule": "stratified linear-scaling sample doubled until each zone's top is "
                                           "separated from the rest (normal bounds, Bonferroni over all nodes)",
                                   "zones": dict(sorted(zones.items()))}}
            return values.tolist(), entry, sure
        k *= 2


@nx.utils.not_implemented_for("directed")
@nx.utils.not_implemented_for("multigraph")
def broker_table(G: nx.Graph, betweenness: Mapping[Hashable, float] | None = None,
                 progress: Progress | None = None, exact: bool = False, cuts: set | None = None) -> pd.DataFrame:
    """The ``brokers.csv`` table: every actor with at least one edge, ranked per zone.

    Parameters
    ----------
    G : networkx.Graph
        The actor graph (node attributes ``name``, ``kind``, ``sector``, ``line``,
        ``language``, ``zone``; a missing zone counts as ``region``).
    betweenness : mapping, optional
        Precomputed betweenness per node (default: :func:`betweenness` with its defaults).
    progress : collabnet.progress.Progress, optional
        Passed on to :func:`betweenness` (a bar on stderr for the long part).
    exact : bool
        Exact betweenness whatever the size (default: estimated above
        :data:`EXACT_MAX` actors; see :func:`betweenness_method`).
    cuts : set, optional
        The cut vertices of ``G`` (:func:`~collabnet.analyses.bridges.cut_vertices`), when already known.

    Returns
    -------
    pandas.DataFrame
        The contract columns of outputs.md in order (:data:`BROKER_COLUMNS`),
        then ``degree``, ``line_brokerage``, ``language_brokerage``,
        ``bridge_score`` and ``carried_by`` (who carries an organisation's links,
        :func:`collabnet.organisations.carriers`); sorted by zone and rank. ``line`` is a nullable integer.

    Notes
    -----
    Ranking rule (per zone, rank 1 = strongest bridge between sectors): each
    actor's ``bridge_score`` adds three parts. Its brokerage between sectors
    (the pairs of otherwise unconnected contacts it links across a sector
    boundary: representative + liaison + itinerant) divided by the largest
    such count in the zone; its betweenness divided by the largest betweenness
    in the zone; and 0.25 when it is a cut vertex (its departure would cut
    someone off). Higher score ranks first; scores that agree to 9 decimals
    are ties, which go to the actor with more cross-sector ties, then to the
    smaller actor id.

    ``line_brokerage`` and ``language_brokerage`` are the same brokerage
    count (representative + liaison + itinerant) with care lines or
    languages as the groups.

    Examples
    --------
    >>> G = nx.Graph([("gp", "cpas"), ("cpas", "school"), ("gp", "gp2")])
    >>> nx.set_node_attributes(G, {"gp": "medical", "gp2": "medical", "cpas": "social_assistance",
    ...                            "school": "employment_education"}, "sector")
    >>> nx.set_node_attributes(G, "south", "zone")
    >>> table = broker_table(G)
    >>> print(table[["rank", "actor", "representative", "liaison", "betweenness", "cut_vertex"]].to_string(index=False))
     rank  actor  representative  liaison  betweenness  cut_vertex
        1   cpas               0        1     0.666667        True
        2     gp               1        0     0.666667        True
        3 school               0        0     0.000000       False
        4    gp2               0        0     0.000000       False
    """
    adj = _adjacency(G)
    nodes = adj.nodes
    profiles = {name: _profile(adj, _labels(G, nodes, name)) for name in ("sector", "line", "language")}
    (roles, common), carried, cliques, constraint = _counted(G, adj, profiles, searched=betweenness is None)
    cuts = cut_vertices(G) if cuts is None else cuts
    sector = profiles["sector"]
    across = {name: r[:, 1:].sum(axis=1) for name, r in roles.items()}  # itinerant + representative + liaison
    data = {v: G.nodes[v] for v in nodes}
    method = betweenness_method(len(nodes), exact or betweenness is not None)
    if betweenness is not None:
        between = [float(betweenness[v]) for v in nodes]
    elif method["method"] == "exact":
        between = _betweenness_values(G, adj, None, 42, len(nodes), progress, cliques)
    else:
        zone_of = np.array([data[v].get("zone") or "region" for v in nodes], dtype=object)
        cut = np.array([v in cuts for v in nodes])
        separated = lambda values, half: _separated(zone_of, across["sector"], cut, adj.degree > 0, values, half)
        between, method, sure = _certified(G, adj, cliques, 42, separated, progress)
    table = pd.DataFrame({
        "zone": [data[v].get("zone") or "region" for v in nodes],
        "rank": 0,
        "actor": nodes,
        "name": [data[v].get("name", str(v)) for v in nodes],
        "kind": [data[v].get("kind") for v in nodes],
        "sector": [data[v].get("sector") for v in nodes],
        "line": pd.array([data[v].get("line") for v in nodes], dtype="Int64"),
        "betweenness": between,
        "cross_sector_ties": (sector.known - sector.own),
        "sectors_bridged": sector.other_values,
        **{role: roles["sector"][:, i] for i, role in enumerate(ROLES)},
        "constraint": constraint,
        "effective_size": _effective_size_values(adj, common),
        "ei": _ei_values(sector),
        "cut_vertex": [v in cuts for v in nodes],
        "degree": adj.degree,
        "line_brokerage": across["line"],
        "language_brokerage": across["language"],
        "sector_brokerage": across["sector"],
        "carried_by": ["|".join(map(str, carried.get(v, ()))) for v in nodes],
    })
    table = table[adj.degree > 0]
    for column in ("constraint", "effective_size", "ei"):
        table[column] = table[column].astype(float)
    table = rank_brokers(table)
    if "certified" in method:  # how many leading ranks of each zone are surely in its top, certified or not
        method["certified"]["sure_ranks"] = _sure_ranks(table, dict(zip(nodes, sure.tolist())))
    table.attrs["betweenness"] = method  # for summary.json (how the betweenness column was computed)
    return table


def _separated(zone: np.ndarray, brokerage: np.ndarray, cut: np.ndarray, linked: np.ndarray, values: np.ndarray,
               half: np.ndarray) -> tuple[dict[str, bool], np.ndarray]:
    """Zone -> whether its top :data:`CERTIFY_TOP` by bridge score is surely above every other actor of the zone;
    and per node, whether it is surely in its zone's top (fewer than :data:`CERTIFY_TOP` others could score above it).

    Betweenness ``values`` within ``half`` on either side; the score of
    :func:`rank_brokers` is then bounded from below and above (the zone's
    largest betweenness, its denominator, bounded too). A separated top is
    sure node by node; a top that is not separated can still have sure nodes.
    """
    found = {}
    sure = np.zeros(len(values), bool)
    for z in sorted(set(zone[linked].tolist())):
        rows = np.flatnonzero((zone == z) & linked)
        if len(rows) <= CERTIFY_TOP:
            found[z] = True
            sure[rows] = True
            continue
        b, lo, hi = values[rows], np.maximum(values[rows] - half[rows], 0.0), values[rows] + half[rows]
        top_b = brokerage[rows].max()
        share = brokerage[rows] / top_b if top_b > 0 else np.zeros(len(rows))
        base = share + CUT_VERTEX_BONUS * cut[rows]
        point = base + (b / b.max() if b.max() > 0 else 0.0)
        top = np.argsort(-point, kind="stable")[:CERTIFY_TOP]
        if lo.max() <= 0:
            found[z] = bool((half[rows] == 0).all())
            sure[rows[top]] = found[z]
            continue
        low, high = base + lo / hi.max(), base + hi / lo.max()
        rest = np.ones(len(rows), bool)
        rest[top] = False
        found[z] = bool(low[top].min() > high[rest].max())
        above = (high[None, :] > low[top][:, None]).sum(axis=1) - (high[top] > low[top])  # others that may beat it
        sure[rows[top]] = above < CERTIFY_TOP
    return found, sure


def _sure_ranks(table: pd.DataFrame, sure: Mapping[Hashable, bool]) -> dict[str, int]:
    """Zone -> k: ranks 1 to k of the ranked ``table`` are each surely in the zone's top :data:`CERTIFY_TOP`.

    >>> table = pd.DataFrame({"zone": ["a", "a", "a", "b"], "rank": [1, 2, 3, 1], "actor": [1, 2, 3, 4]})
    >>> _sure_ranks(table, {1: True, 2: False, 3: True, 4: False})
    {'a': 1, 'b': 0}
    """
    found = {}
    for zone, rows in table.sort_values(["zone", "rank"], kind="stable").groupby("zone", sort=True):
        flags = [bool(sure.get(v)) for v in rows["actor"].head(CERTIFY_TOP)]
        found[str(zone)] = flags.index(False) if False in flags else len(flags)
    return found


def rank_brokers(table: pd.DataFrame, betweenness: Mapping[Hashable, float] | None = None) -> pd.DataFrame:
    """Score and rank the rows of a broker table per zone (the rule of :func:`broker_table`).

    Parameters
    ----------
    table : pandas.DataFrame
        A :func:`broker_table` (any row order).
    betweenness : mapping, optional
        Other betweenness values (actor -> float) to rank with instead of the
        table's, e.g. to see how an approximation changes the ranking.

    Returns
    -------
    pandas.DataFrame
        A new table: ``bridge_score`` and ``rank`` recomputed, sorted by zone and rank.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> nx.set_node_attributes(G, "medical", "sector")
    >>> table = broker_table(G)
    >>> list(table["actor"]), list(rank_brokers(table, {"a": 0, "b": 0, "c": 1, "d": 0})["actor"])
    (['b', 'c', 'a', 'd'], ['c', 'b', 'a', 'd'])
    """
    table = table.copy()
    if betweenness is not None:
        table["betweenness"] = [float(betweenness[v]) for v in table["actor"]]
    zone = table.groupby("zone")
    table["bridge_score"] = (
        _share_of_max(table["sector_brokerage"], zone["sector_brokerage"].transform("max"))
        + _share_of_max(table["betweenness"], zone["betweenness"].transform("max"))
        + CUT_VERTEX_BONUS * table["cut_vertex"]
    )
    table["_key"] = table["bridge_score"].round(SCORE_DIGITS)
    table = table.sort_values(["zone", "_key", "cross_sector_ties", "actor"],
                              ascending=[True, False, False, True], kind="stable")
    table["rank"] = table.groupby("zone").cumcount() + 1
    return table[list(BROKER_COLUMNS + _EXTRA_COLUMNS)].reset_index(drop=True)


def _share_of_max(values: pd.Series, maximum: pd.Series) -> pd.Series:
    return (values / maximum.where(maximum > 0)).fillna(0.0)

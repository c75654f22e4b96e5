"""Positions of a view's nodes: deterministic, seeded, fast enough for tens of thousands of nodes.

Presentation, not analysis: the renderers compute where to draw each node
before the page is written (physics off in the browser), so the page draws at
once. Pure functions of the edges and the seed: the same graph always gets the
same positions, to the bit, whatever order its edges come in.

>>> import networkx as nx
>>> pos = layout_positions(nx.path_graph(3))
>>> sorted(pos) == [0, 1, 2] and pos == layout_positions(nx.path_graph(3))
True
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import networkx as nx
import numpy as np
from scipy import sparse
from scipy.sparse import csgraph
from scipy.spatial import cKDTree

__all__ = ["layout", "layout_positions"]

# Layout constants (unit = ideal edge length), tuned by eye on clustered, tree and synthetic zone graphs.
_REACH = 2.5      # exact repulsion between nodes within this distance ...
_NEAREST = 12     # ... but from no more than this many nearest neighbours where nodes pile up
_REFRESH = 3      # steps between two searches of the near pairs (nodes move little in between)
_GRID = 128       # cells per side, at most, of the grid that sums the repulsion of every node
_SMALL = 40       # components of at most this many nodes are laid out together, with exact repulsion
_STEADY = 10_000  # components of more nodes get fewer steps (iterations * sqrt(_STEADY / n), at least 20)
_AREA = 1.5       # initial area per node

def layout_positions(G: nx.Graph, *, seed: int = 42, weight: str | None = "weight",
                     iterations: int = 60) -> dict[Any, tuple[float, float]]:
    """Deterministic 2-D positions for every node, fast enough for tens of thousands of nodes.

    Each connected component of more than 40 nodes is placed by PivotMDS
    (classical scaling of the breadth-first distances to up to 50 far-apart
    pivots, Brandes & Pich 2006), then refined by ``iterations``
    Fruchterman-Reingold (1991) steps at O(n + m) each instead of O(n^2):
    repulsion is exact between nodes within 2.5 units of each other (pairs
    found with a k-d tree every third step; at most 12 per node where nodes
    pile up) and, from every node, summed on a grid with fast Fourier
    transforms (the particle-mesh method, Hockney & Eastwood 1988; softened
    within 2.5 units, where the exact term takes over). Smaller components
    start from the classical scaling of all their distances and are refined
    all together, each node pushed by every node of its own component. An
    edge attracts with its weight (capped at 4) divided by the geometric mean
    of its ends' total weights, so that hubs and big workshops do not
    collapse into a blot. Components are packed in rows, largest first;
    nodes without any edge form a grid after them. A zone of 5,000 actors
    and 35,000 links takes about 0.4 s. A component of more than 10,000
    nodes gets ``iterations * sqrt(10,000 / n)`` steps (at least 20): its
    PivotMDS start already shows the whole, and the steps cost the most
    there (45,000 nodes and 350,000 links: 29 steps, about 2.5 s).

    Parameters
    ----------
    G : networkx.Graph
        Undirected graph.
    seed : int
        Seed of the random draws (initial jitter and positions).
    weight : str or None
        Edge attribute used as attraction strength (None = 1 for every edge).
    iterations : int
        Refinement steps per component.

    Returns
    -------
    dict
        node -> (x, y) as Python floats; the ideal edge length is 1.

    Examples
    --------
    >>> pos = layout_positions(nx.path_graph(4))
    >>> sorted(pos) == [0, 1, 2, 3] and pos == layout_positions(nx.path_graph(4))
    True
    >>> 0.5 < math.dist(pos[0], pos[1]) < 2
    True
    """
    nodes = sorted(G, key=_sort_key)
    index = {v: i for i, v in enumerate(nodes)}
    rows, cols, strengths = [], [], []
    for u, v, w in G.edges(data=weight, default=1.0) if weight else ((u, v, 1.0) for u, v in G.edges()):
        if u != v:
            rows.append(index[u])
            cols.append(index[v])
            strengths.append(float(w) if w is not None else 1.0)
    placed = layout(len(nodes), rows, cols, strengths, seed=seed, iterations=iterations)
    return {v: (float(placed[i, 0]), float(placed[i, 1])) for i, v in enumerate(nodes)}


def layout(n: int, rows: Iterable[int], cols: Iterable[int], weights: Iterable, *, seed: int,
            iterations: int) -> np.ndarray:
    """Positions (n x 2) of nodes 0..n-1 linked by the edges rows[k] - cols[k] (see :func:`layout_positions`).

    The result depends only on the set of edges and their weights, not on the order they come in.
    """
    if n == 0:
        return np.zeros((0, 2))
    a, b = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)
    w = np.asarray(weights, dtype=float)
    w = np.where(w > 0, np.minimum(w, 4.0), 1.0)  # no weight, 0, negative or NaN: 1
    a, b = np.minimum(a, b), np.maximum(a, b)
    order = np.lexsort((w, b, a))  # the graph's insertion order must not change a single bit of the result
    a, b, w = a[order], b[order], w[order]
    del order
    adjacency = sparse.coo_matrix((np.ones(len(a)), (a, b)), shape=(n, n)).tocsr()
    _, labels = csgraph.connected_components(adjacency, directed=False)
    del adjacency  # a region's 1.2 million links: each array of them freed early is 10 MB off the view's peak

    # Components, largest first (then by their first node); each one's nodes and edges in node order.
    members = np.argsort(labels, kind="stable")
    sizes = np.bincount(labels)
    starts = np.concatenate([[0], np.cumsum(sizes)])
    first = members[starts[:-1]]
    ranked = np.lexsort((first, -sizes)).tolist()
    edge_order = np.argsort(labels[a], kind="stable")
    edge_starts = np.concatenate([[0], np.cumsum(np.bincount(labels[a], minlength=len(sizes)))])
    local = np.empty(n, dtype=np.int64)
    local[members] = np.arange(n) - np.repeat(starts[:-1], sizes)

    def nodes_of(c: int) -> np.ndarray:
        return members[starts[c]:starts[c + 1]]

    def edges_of(c: int) -> np.ndarray:
        return edge_order[edge_starts[c]:edge_starts[c + 1]]

    coords = np.zeros((n, 2))
    small = [c for c in ranked if 2 < sizes[c] <= _SMALL]  # laid out together, in this order
    if small:
        comps = np.concatenate([nodes_of(c) for c in small])
        edges = np.concatenate([edges_of(c) for c in small])
        coords[comps] = _small_layouts(len(comps), [int(sizes[c]) for c in small], _renumber(comps, a[edges], n),
                                       _renumber(comps, b[edges], n), w[edges], seed=seed, iterations=iterations)
    boxes = []
    singletons = []
    for rank, c in enumerate(ranked):
        comp = nodes_of(c)
        if len(comp) == 1:
            singletons.append(int(comp[0]))
            continue
        if len(comp) == 2:
            coords[comp] = [[-0.5, 0.0], [0.5, 0.0]]
        elif len(comp) > _SMALL:
            edges = edges_of(c)
            coords[comp] = _component_layout(len(comp), local[a[edges]], local[b[edges]], w[edges],
                                             seed=(seed, rank), iterations=iterations)
        boxes.append((comp, coords[comp].min(axis=0), coords[comp].max(axis=0)))
    if singletons:
        columns = math.ceil(math.sqrt(len(singletons)))
        # Wide columns: an isolated actor's label is its only company.
        grid = np.array([(2.5 * (i % columns), 1.5 * (i // columns)) for i in range(len(singletons))], dtype=float)
        comp = np.array(singletons)
        coords[comp] = grid
        boxes.append((comp, grid.min(axis=0), grid.max(axis=0)))

    # Shelf packing: rows of boxes no wider than a square of the total area.
    margin = 2.0
    box_sizes = [(hi - lo) + margin for _, lo, hi in boxes]
    row_width = max(max(s[0] for s in box_sizes), math.sqrt(sum(s[0] * s[1] for s in box_sizes)) * 1.2)
    x = y = row_height = 0.0
    placed = np.zeros((n, 2))
    for (comp, lo, _), size in zip(boxes, box_sizes):
        if x > 0 and x + size[0] > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        placed[comp] = coords[comp] - lo + (x, y)
        x += size[0]
        row_height = max(row_height, size[1])
    placed -= (placed.min(axis=0) + placed.max(axis=0)) / 2
    return placed


def _renumber(nodes: np.ndarray, ends: np.ndarray, n: int) -> np.ndarray:
    """``ends`` (node numbers) as positions in ``nodes``."""
    position = np.empty(n, dtype=np.int64)
    position[nodes] = np.arange(len(nodes))
    return position[ends]


def _attract(x: np.ndarray, y: np.ndarray, u: np.ndarray, v: np.ndarray, w: np.ndarray) -> tuple:
    """Fruchterman-Reingold attraction w d^2 / k along every edge, summed per node."""
    size = len(x)
    dx, dy = x[u] - x[v], y[u] - y[v]
    pull = w * np.sqrt(dx * dx + dy * dy)
    fx, fy = pull * dx, pull * dy
    return (np.bincount(v, fx, minlength=size) - np.bincount(u, fx, minlength=size),
            np.bincount(v, fy, minlength=size) - np.bincount(u, fy, minlength=size))


def _normalised(size: int, u: np.ndarray, v: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Attraction per edge divided by the geometric mean of its ends' strengths.

    A node's total pull then stays about one edge's worth however many edges it has, so that the local
    repulsion can keep dense parts (workshops, umbrella bodies) readable instead of collapsing them.
    """
    strength = np.bincount(u, w, minlength=size) + np.bincount(v, w, minlength=size)
    return 2.0 * w / np.sqrt(np.maximum(strength[u] * strength[v], 1e-12))


def _move(x: np.ndarray, y: np.ndarray, fx: np.ndarray, fy: np.ndarray, temperature) -> None:
    """Move every node along its force, by at most ``temperature`` (a number or one per node)."""
    length = np.maximum(np.sqrt(fx * fx + fy * fy), 1e-9)
    scale = np.minimum(length, temperature) / length
    x += fx * scale
    y += fy * scale


def _component_layout(size: int, u: np.ndarray, v: np.ndarray, w: np.ndarray, *, seed: tuple[int, int],
                      iterations: int) -> np.ndarray:
    """PivotMDS, then Fruchterman-Reingold with nearest-neighbour and grid repulsion (one big component)."""
    rng = np.random.default_rng(list(seed))
    adjacency = sparse.coo_matrix((np.ones(len(u)), (u, v)), shape=(size, size)).tocsr()
    pos = _scaled(_pivot_mds(adjacency, pivots=50), rng)
    del adjacency
    x, y = pos[:, 0].copy(), pos[:, 1].copy()
    target = math.sqrt(_AREA * size / (2 * math.pi))

    w = _normalised(size, u, v, w)
    if size > _STEADY:  # PivotMDS has placed the whole; the steps mostly settle neighbourhoods
        iterations = min(iterations, max(20, round(iterations * math.sqrt(_STEADY / size))))
    temperature = 1.0 + 0.1 * target  # largest step; falls linearly to 0
    cooling = temperature / (iterations + 1)
    crowded, kernels = False, {}
    for step in range(iterations):
        if step % _REFRESH == 0:
            src, dst, crowded = _near_pairs(x, y, crowded)
        dx, dy = x[src] - x[dst], y[src] - y[dst]
        push = 1.0 / np.maximum(dx * dx + dy * dy, 1e-4)  # k^2 / d, exact from the near nodes
        fx = np.bincount(src, push * dx, minlength=size) - np.bincount(dst, push * dx, minlength=size)
        fy = np.bincount(src, push * dy, minlength=size) - np.bincount(dst, push * dy, minlength=size)
        far_x, far_y = _grid_repulsion(x, y, kernels)
        pull_x, pull_y = _attract(x, y, u, v, w)
        _move(x, y, fx + far_x + pull_x, fy + far_y + pull_y, temperature)
        temperature -= cooling
    return np.column_stack([x, y])


def _near_pairs(x: np.ndarray, y: np.ndarray, crowded: bool = False) -> tuple[np.ndarray, np.ndarray, bool]:
    """The pairs of nodes (each pair once) within ``_REACH`` of each other, from a k-d tree.

    Where nodes are crowded (many start on one spot; dense graphs stay dense)
    and there would be more than ``_NEAREST`` pairs per node on average, each
    node keeps its ``_NEAREST`` nearest neighbours within ``_REACH`` instead.
    Returns the two ends and whether the nodes were crowded, which the next
    search takes as a hint (it goes straight to the nearest neighbours while
    more than one node in eight has more than it keeps).
    """
    size = len(x)
    points = np.column_stack([x, y])
    tree = cKDTree(points)
    if not crowded:
        pairs = tree.query_pairs(_REACH, output_type="ndarray")
        if len(pairs) <= _NEAREST * size:
            return pairs[:, 0], pairs[:, 1], False
    _, near = tree.query(points, k=_NEAREST + 1, distance_upper_bound=_REACH)
    valid = (near < size) & (near != np.arange(size)[:, None])
    src, dst = np.nonzero(valid)[0], near[valid]
    codes = np.sort(np.minimum(src, dst) * size + np.maximum(src, dst))
    codes = codes[np.concatenate([[True], codes[1:] != codes[:-1]])]  # a pair found from both ends, once
    full = int(np.count_nonzero(valid.sum(axis=1) == _NEAREST))  # nodes with more neighbours than they keep
    return codes // size, codes % size, full > size // 8


def _grid_repulsion(x: np.ndarray, y: np.ndarray, kernels: dict | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The repulsion sum_j (p_i - p_j) / (|p_i - p_j|^2 + _REACH^2) of every node j on every node i.

    Particle-mesh: each node's unit mass is spread over the 4 nearest points of
    a grid (cloud in cell), the force field of the grid is the convolution of
    the masses with the softened kernel (two FFTs per axis, zero-padded so
    nothing wraps around), and each node reads the field back with the same
    weights (so a node never pushes itself). O(n + g^2 log g) for g^2 cells,
    cells as wide as the softening (at most ``_GRID`` per side): about 1%
    off the exact sum for a layout's evenly spread nodes. ``kernels`` keeps
    the transformed kernels from one step to the next (the grid seldom
    changes size).
    """
    x0, y0 = float(x.min()), float(y.min())
    span = max(float(x.max()) - x0, float(y.max()) - y0, 1e-9)
    h = max(span / (_GRID - 2), _REACH)  # cells as wide as the softening: finer would only cost time
    gx, gy = int((float(x.max()) - x0) / h) + 2, int((float(y.max()) - y0) / h) + 2
    fx, fy = (x - x0) / h, (y - y0) / h
    ix, iy = np.minimum(fx.astype(np.int64), gx - 2), np.minimum(fy.astype(np.int64), gy - 2)
    tx, ty = fx - ix, fy - iy
    corners = ((0, (1 - tx) * (1 - ty)), (gy, tx * (1 - ty)), (1, (1 - tx) * ty), (gy + 1, tx * ty))
    cell = ix * gy + iy
    mass = sum(np.bincount(cell + offset, share, minlength=gx * gy) for offset, share in corners)
    px, py = 2 * gx, 2 * gy
    kernels = {} if kernels is None else kernels
    if (px, py, h) not in kernels:
        dx, dy = np.meshgrid(np.fft.fftfreq(px, 1 / px) * h, np.fft.fftfreq(py, 1 / py) * h, indexing="ij")
        soft = dx * dx + dy * dy + _REACH * _REACH
        kernels[(px, py, h)] = (np.fft.rfft2(dx / soft), np.fft.rfft2(dy / soft))
    spectrum = np.fft.rfft2(mass.reshape(gx, gy), (px, py))
    field = []
    for kernel in kernels[(px, py, h)]:
        grid = np.fft.irfft2(spectrum * kernel, (px, py))[:gx, :gy].ravel()
        field.append(sum(grid[cell + offset] * share for offset, share in corners))
    return field[0], field[1]


def _small_layouts(size: int, sizes: list[int], u: np.ndarray, v: np.ndarray, w: np.ndarray, *, seed: int,
                   iterations: int) -> np.ndarray:
    """Classical scaling, then Fruchterman-Reingold, for many small components at once.

    Nodes 0..size-1, consecutive per component (``sizes``). Each component
    starts from the classical scaling of all its breadth-first distances and
    feels the exact repulsion of its own nodes only; all of them move in the
    same array operations, so a thousand small components cost about as much
    as one big one.
    """
    rng = np.random.default_rng([seed, 1])
    sizes_a = np.array(sizes)
    starts = np.concatenate([[0], np.cumsum(sizes_a)])
    component = np.repeat(np.arange(len(sizes)), sizes_a)
    adjacency = sparse.coo_matrix((np.ones(len(u)), (u, v)), shape=(size, size)).tocsr()
    pos = np.empty((size, 2))
    begin = 0
    while begin < len(sizes):  # all distances of a batch of components at once, a few hundred nodes each time
        end = begin + 1
        while end < len(sizes) and starts[end + 1] - starts[begin] <= 500:
            end += 1
        lo, hi = starts[begin], starts[end]
        distances = csgraph.shortest_path(adjacency[lo:hi, lo:hi], directed=False, unweighted=True)
        for c in range(begin, end):
            block = slice(starts[c] - lo, starts[c + 1] - lo)
            pos[starts[c]:starts[c + 1]] = _scaled(_mds_axes(distances[block, block]), rng)
        begin = end
    x, y = pos[:, 0].copy(), pos[:, 1].copy()
    # Every ordered pair of distinct nodes of one component.
    src = np.concatenate([np.repeat(np.arange(s, s + k), k) for s, k in zip(starts.tolist(), sizes)])
    dst = np.concatenate([np.tile(np.arange(s, s + k), k) for s, k in zip(starts.tolist(), sizes)])
    src, dst = src[src != dst], dst[src != dst]
    w = _normalised(size, u, v, w)
    temperature = 1.0 + 0.1 * np.sqrt(_AREA * sizes_a / (2 * np.pi))[component]
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        dx, dy = x[src] - x[dst], y[src] - y[dst]
        push = 1.0 / np.maximum(dx * dx + dy * dy, 1e-4)
        pull_x, pull_y = _attract(x, y, u, v, w)
        _move(x, y, np.bincount(src, push * dx, minlength=size) + pull_x,
              np.bincount(src, push * dy, minlength=size) + pull_y, temperature)
        temperature = temperature - cooling
    # Each component centred on its own origin (the caller packs them).
    for coordinate in (x, y):
        coordinate -= (np.bincount(component, coordinate) / sizes_a)[component]
    return np.column_stack([x, y])


def _pivot_mds(adjacency: sparse.csr_matrix, *, pivots: int) -> np.ndarray:
    size = adjacency.shape[0]
    count = min(pivots, size)
    distances = np.empty((size, count))
    nearest = np.full(size, np.inf)
    pivot = int(np.argmax(np.diff(adjacency.indptr)))  # start from the best-connected node
    both = (adjacency + adjacency.T).tocsr()  # each edge both ways: searches need not transpose it every time
    for j in range(count):
        d = csgraph.dijkstra(both, directed=True, unweighted=True, indices=pivot)
        distances[:, j] = d
        nearest = np.minimum(nearest, d)
        pivot = int(np.argmax(nearest))  # next pivot: the node farthest from all pivots so far
    return _mds_axes(distances)


def _mds_axes(distances: np.ndarray) -> np.ndarray:
    """The two main axes of classical scaling of ``distances`` (nodes x pivots, or nodes x nodes)."""
    size = distances.shape[0]
    squared = distances ** 2
    centred = -0.5 * (squared - squared.mean(axis=0) - squared.mean(axis=1)[:, None] + squared.mean())
    # The two main axes from the small pivots x pivots matrix (an SVD of the tall matrix costs far more).
    _, vectors = np.linalg.eigh(centred.T @ centred)
    coords = centred @ vectors[:, ::-1][:, :2]
    if coords.shape[1] < 2:
        coords = np.hstack([coords, np.zeros((size, 2 - coords.shape[1]))])
    # Fix the sign of each axis so that the result does not depend on the LAPACK build.
    signs = np.sign(coords[np.abs(coords).argmax(axis=0), [0, 1]])
    return coords * np.where(signs == 0, 1.0, signs)


def _scaled(pos: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Classical-scaling positions of one component centred and spread over ``_AREA`` per node, jittered."""
    size = len(pos)
    pos = pos - pos.mean(axis=0)
    spread = math.sqrt(float((pos ** 2).sum(axis=1).mean()))
    target = math.sqrt(_AREA * size / (2 * math.pi))  # RMS radius of a disc of area _AREA per node
    pos = pos * (target / spread) if spread > 1e-9 else rng.normal(scale=target, size=(size, 2))
    return pos + rng.normal(scale=0.05, size=(size, 2))


def _sort_key(node: Any) -> tuple:
    return (str(node), type(node).__name__)

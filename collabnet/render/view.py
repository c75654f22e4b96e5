"""Interactive view of the actor graph: one self-contained, offline HTML page.

The page draws the graph with vis-network (the library pyvis wraps), taken
from pyvis's installed package files and embedded inline: no CDN, no network
request, nothing to install on the reader's machine. pyvis's own page
template is not used, because it always links Bootstrap and vis-network from
a CDN and writes some user text unescaped (see PITFALLS.md).

What the page shows
-------------------
- colour: main sector, family (health / welfare), line of care or language;
- shape: organisation = square, person = dot, sector node = diamond;
- size: a brokerage score chosen by the caller (e.g. betweenness);
- marks: isolated actors (red dashed border) and cut vertices (thick black
  border);
- links: direct tie = solid, co-membership = dashed blue-grey, affiliation =
  dotted light grey (above 3,000 links the dashes go: dashed canvas lines make
  every redraw ten times slower; the colours still tell the origins apart);
- a legend, a search by name, filters by zone, sector and line, and a
  tooltip with the actor's facts (plain text);
- with the graph of an earlier date (``before``): links new since then in
  green, links lost since then (present then, gone now) in red and dashed,
  drawn between the actors still in the view; kept links as usual. Positions
  ignore the lost links, so the picture is the same as without ``before``.

Positions are computed here, before the page is written (physics off), so
the browser draws at once (see :func:`layout_positions`). A zone of 3,000
actors and 30,000 links takes about 2 s of CPU to render and about 2 s to open
in Chromium. The whole region is drawn with persons folded into their
organisation unless the caller asks for the full graph.

Safety: every user string reaches the page either through Jinja's
autoescaping (legend, filters, title) or inside a JSON block in which ``<``,
``>`` and ``&`` are written ``\\u003c``, ``\\u003e``, ``\\u0026``, and is
shown with ``textContent`` / ``innerText`` (vis-network 9 tooltips). A
Content-Security-Policy allows only the page's own two scripts (by hash) and
no network access at all.

Examples
--------
>>> import networkx as nx
>>> G = nx.Graph()
>>> G.add_node("a", name="CPAS <1>", kind="organisation", sectors=("social",), sector="social",
...            family="welfare", line=1, zone="south", language="fr", organisation=None)
>>> G.add_node("b", name="Dr. B", kind="person", sectors=("gp",), sector="gp",
...            family="health", line=1, zone="south", language="nl", organisation=None)
>>> G.add_edge("a", "b", weight=1.0, origin="tie", ties=1, tie_types="referral", groups=())
>>> page = render_view(G, zone="south")
>>> page.startswith("<!DOCTYPE html>") and "CPAS <1>" not in page
True
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

import networkx as nx
import numpy as np
from scipy import sparse
from scipy.sparse import csgraph
from scipy.spatial import cKDTree

from collabnet.errors import CollabnetError
from collabnet.graph import org_of
from collabnet.render.i18n import LABELS, LANGS, t

__all__ = ["AGGREGATES", "CHANGES", "COLOURS", "ISOLATED_REASONS", "MARKS", "layout_positions", "render_view",
           "render_views", "view_html", "view_marks", "view_name"]

#: Reasons of isolated.csv drawn as "isolated": actors with at most one link outside their organisation.
ISOLATED_REASONS = ("no_ties", "single_tie")

COLOURS = ("sector", "family", "line", "language")
AGGREGATES = ("full", "organisations", "sectors")
MARKS = ("isolated", "cut_vertex")
#: Change flags of the links when the view is drawn against an earlier date.
CHANGES = ("new", "lost", "kept")

# Colour-blind-aware categorical palette (Tableau 10, then its light variants).
_PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
            "#9c755f", "#bab0ac", "#a0cbe8", "#ffbe7d", "#ff9d9a", "#8cd17d", "#f1ce63", "#d4a6c8",
            "#fabfd2", "#d7b5a6", "#86bcb6", "#79706e")
_FIXED_COLOURS = {
    "family": {"health": "#4e79a7", "welfare": "#f28e2b", "other": "#bab0ac"},
    "line": {"0": "#76b7b2", "1": "#59a14f", "2": "#edc948", "3": "#e15759", "none": "#d3d3d3"},
    "language": {"nl": "#f28e2b", "fr": "#4e79a7", "bi": "#b07aa1", "none": "#d3d3d3"},
}
_SHAPES = {"organisation": "square", "person": "dot", "group": "diamond"}
_BORDER = "#555555"
# Node style per mark; the legend draws the same values.
_MARK_STYLES = {
    "isolated": {"border": "#d62728", "width": 4, "dashes": [5, 3]},
    "cut_vertex": {"border": "#111111", "width": 5, "dashes": False},
}
# Edge style per origin (strongest origin wins: tie > co_membership > affiliation).
_EDGE_STYLES = {
    "tie": {"color": "#3b3b3b", "dashes": False, "width": 1.5},
    "co_membership": {"color": "#7d97b3", "dashes": [6, 4], "width": 0.8},
    "affiliation": {"color": "#c4c4c4", "dashes": [2, 3], "width": 1.0},
    "sector": {"color": "#7a7a7a", "dashes": False, "width": 1.0},
}
# Links new or lost since an earlier date (kept links keep their origin's style); colour-blind-safe pair.
_CHANGE_STYLES = {
    "new": {"color": "#1a9850", "dashes": False, "width": 2.5},
    "lost": {"color": "#d73027", "dashes": [4, 4], "width": 2.5},
}
_ORIGINS = ("tie", "co_membership", "affiliation")
_PIXELS_PER_UNIT = 80.0
_VIS_VERSIONS = ("vis-9.1.2", "vis-9.0.4")
# Layout constants (unit = ideal edge length), tuned by eye on clustered, tree and synthetic zone graphs.
_NEAREST = 12     # exact repulsion from this many nearest neighbours ...
_REACH = 2.5      # ... within this distance
_SAMPLE = 32      # farther repulsion estimated from this many random nodes per step
_AREA = 1.5       # initial area per node
_LARGE = 3000     # edges above which the page drops dashes and hover (dashed canvas lines cost ~20 us each)


# --------------------------------------------------------------------------- layout
def layout_positions(G: nx.Graph, *, seed: int = 42, weight: str | None = "weight",
                     iterations: int = 60) -> dict[Any, tuple[float, float]]:
    """Deterministic 2-D positions for every node, fast enough for tens of thousands of nodes.

    Each connected component is placed by PivotMDS (classical scaling of the
    breadth-first distances to up to 50 far-apart pivots, Brandes & Pich
    2006), then refined by ``iterations`` Fruchterman-Reingold (1991) steps.
    The refinement costs O(n + m) per step instead of O(n^2): repulsion is
    exact from each node's 12 nearest neighbours within 2.5 units (a k-d
    tree) and estimated from 32 random nodes beyond; an edge attracts with
    its weight (capped at 4) divided by the geometric mean of its ends'
    total weights, so that hubs and big workshops do not collapse into a
    blot. Components are packed in rows, largest first; nodes without any
    edge form a grid after them.

    Parameters
    ----------
    G : networkx.Graph
        Undirected graph.
    seed : int
        Seed of the random draws (initial jitter, repulsion samples).
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
    n = len(nodes)
    if n == 0:
        return {}
    index = {v: i for i, v in enumerate(nodes)}
    links = []
    for u, v, data in G.edges(data=True):
        if u == v:
            continue
        w = data.get(weight, 1.0) if weight else 1.0
        links.append((*sorted((index[u], index[v])), min(float(w), 4.0) if w is not None and w > 0 else 1.0))
    links.sort()  # the graph's insertion order must not change a single bit of the result
    rows_a = np.array([link[0] for link in links], dtype=np.int64)
    cols_a = np.array([link[1] for link in links], dtype=np.int64)
    w_a = np.array([link[2] for link in links], dtype=float)
    adjacency = sparse.coo_matrix((np.ones(len(rows_a)), (rows_a, cols_a)), shape=(n, n)).tocsr()
    _, labels = csgraph.connected_components(adjacency, directed=False)

    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels.tolist()):
        members.setdefault(label, []).append(i)
    components = sorted(members.values(), key=lambda c: (-len(c), c[0]))
    singletons = [c[0] for c in components if len(c) == 1]
    components = [np.array(c) for c in components if len(c) > 1]

    local = np.zeros((n, 2))
    edge_component = labels[rows_a] if len(rows_a) else np.array([], dtype=np.int64)
    boxes = []
    for rank, comp in enumerate(components):
        position = {int(i): j for j, i in enumerate(comp.tolist())}
        mask = edge_component == labels[comp[0]]
        u = np.array([position[i] for i in rows_a[mask].tolist()], dtype=np.int64)
        v = np.array([position[i] for i in cols_a[mask].tolist()], dtype=np.int64)
        coords = _component_layout(len(comp), u, v, w_a[mask], seed=(seed, rank), iterations=iterations)
        local[comp] = coords
        boxes.append((comp, coords.min(axis=0), coords.max(axis=0)))
    if singletons:
        columns = math.ceil(math.sqrt(len(singletons)))
        # Wide columns: an isolated actor's label is its only company.
        grid = np.array([(2.5 * (i % columns), 1.5 * (i // columns)) for i in range(len(singletons))], dtype=float)
        comp = np.array(singletons)
        local[comp] = grid
        boxes.append((comp, grid.min(axis=0), grid.max(axis=0)))

    # Shelf packing: rows of boxes no wider than a square of the total area.
    margin = 2.0
    sizes = [(hi - lo) + margin for _, lo, hi in boxes]
    row_width = max(max(s[0] for s in sizes), math.sqrt(sum(s[0] * s[1] for s in sizes)) * 1.2)
    x = y = row_height = 0.0
    placed = np.zeros((n, 2))
    for (comp, lo, _), size in zip(boxes, sizes):
        if x > 0 and x + size[0] > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        placed[comp] = local[comp] - lo + (x, y)
        x += size[0]
        row_height = max(row_height, size[1])
    placed -= (placed.min(axis=0) + placed.max(axis=0)) / 2
    return {v: (float(placed[i, 0]), float(placed[i, 1])) for i, v in enumerate(nodes)}


def _component_layout(size: int, u: np.ndarray, v: np.ndarray, w: np.ndarray, *, seed: tuple[int, int],
                      iterations: int) -> np.ndarray:
    if size == 2:
        return np.array([[-0.5, 0.0], [0.5, 0.0]])
    rng = np.random.default_rng(list(seed))
    adjacency = sparse.coo_matrix((np.ones(len(u)), (u, v)), shape=(size, size)).tocsr()
    pos = _pivot_mds(adjacency, pivots=50)
    pos -= pos.mean(axis=0)
    spread = math.sqrt(float((pos ** 2).sum(axis=1).mean()))
    target = math.sqrt(_AREA * size / (2 * math.pi))  # RMS radius of a disc of area _AREA per node
    pos = pos * (target / spread) if spread > 1e-9 else rng.normal(scale=target, size=(size, 2))
    pos += rng.normal(scale=0.05, size=(size, 2))

    # Attraction per edge divided by the geometric mean of its ends' strengths: a node's total pull then
    # stays about one edge's worth however many edges it has, so that the local repulsion (12 nearest
    # neighbours) can keep dense parts (workshops, umbrella bodies) readable instead of collapsing them.
    strength = np.bincount(u, w, minlength=size) + np.bincount(v, w, minlength=size)
    w = 2.0 * w / np.sqrt(np.maximum(strength[u] * strength[v], 1e-12))
    neighbours = min(_NEAREST + 1, size)  # the nearest plus the node itself
    arange = np.arange(size)[:, None]
    temperature = 1.0 + 0.1 * target  # largest step; falls linearly to 0
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        _, near = cKDTree(pos).query(pos, k=neighbours, distance_upper_bound=_REACH)
        valid = (near < size) & (near != arange)
        delta = pos[:, None, :] - pos[np.where(valid, near, 0)]
        squared = np.maximum((delta ** 2).sum(axis=2), 1e-4)
        displacement = (np.where(valid, 1.0 / squared, 0.0)[:, :, None] * delta).sum(axis=1)  # k^2/d
        if size > neighbours:
            # The rest of the repulsion, k^2/d from every node beyond _REACH, estimated from a fresh random
            # sample at each step (unbiased; the noise cancels out as the temperature falls).
            sample = rng.choice(size, size=min(_SAMPLE, size), replace=False)
            far = pos[:, None, :] - pos[sample][None, :, :]
            far_squared = (far ** 2).sum(axis=2)
            far_squared = np.where(far_squared > _REACH ** 2, far_squared, np.inf)
            displacement += (far / far_squared[:, :, None]).sum(axis=1) * (size / len(sample))
        edge_delta = pos[u] - pos[v]
        pull = (w * np.sqrt((edge_delta ** 2).sum(axis=1)))[:, None] * edge_delta  # w d^2 / k
        for axis in (0, 1):
            displacement[:, axis] += np.bincount(v, pull[:, axis], minlength=size)
            displacement[:, axis] -= np.bincount(u, pull[:, axis], minlength=size)
        length = np.maximum(np.sqrt((displacement ** 2).sum(axis=1)), 1e-9)
        pos += displacement * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    return pos


def _pivot_mds(adjacency: sparse.csr_matrix, *, pivots: int) -> np.ndarray:
    size = adjacency.shape[0]
    count = min(pivots, size)
    distances = np.empty((size, count))
    nearest = np.full(size, np.inf)
    pivot = int(np.argmax(np.diff(adjacency.indptr)))  # start from the best-connected node
    for j in range(count):
        d = csgraph.shortest_path(adjacency, directed=False, unweighted=True, indices=pivot)
        distances[:, j] = d
        nearest = np.minimum(nearest, d)
        pivot = int(np.argmax(nearest))  # next pivot: the node farthest from all pivots so far
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


# --------------------------------------------------------------------------- the view graph
def render_view(G: nx.Graph, *, colour: str = "sector", zone: str | None = None,
                highlight: Mapping[Any, str | Iterable[str]] | None = None,
                sizes: Mapping[Any, float] | None = None, aggregate: str | None = None, lang: str = "en",
                labels: Mapping[str, str] | None = None, title: str | None = None, seed: int = 42,
                zone_labels: Mapping[str, str] | None = None, before: nx.Graph | None = None) -> str:
    """A complete, self-contained HTML page showing the actor graph.

    Parameters
    ----------
    G : networkx.Graph
        The actor graph (node and edge attributes of DESIGN.md).
    colour : {"sector", "family", "line", "language"}
        Node attribute that sets the colour (main sector for ``sector``).
    zone : str, optional
        Show only the actors of this zone (and the links among them).
    highlight : dict, optional
        actor -> ``"isolated"`` or ``"cut_vertex"`` (or a collection of both);
        marked actors get a coloured border and the mark in their tooltip.
    sizes : dict, optional
        actor -> brokerage score (e.g. betweenness); node area grows with it.
    aggregate : {None, "full", "organisations", "sectors"}
        ``"organisations"`` folds each person into its own organisation,
        ``"sectors"`` draws one node per main sector and one link per pair of
        sectors with the number of links between them, ``"full"`` draws every
        actor. Default: ``"organisations"`` for the whole region (``zone`` is
        None), ``"full"`` for a zone.
    lang : {"nl", "fr", "en"}
        Language of the legend, filters and tooltips.
    labels : dict, optional
        Sector code -> display name in ``lang``. Default: the graph's
        ``sector_names[lang]`` when present, else the codes.
    title : str, optional
        Page title (default: "Collaboration network", the dataset and the zone).
    seed : int
        Seed of the layout.
    zone_labels : dict, optional
        Zone code -> display name in ``lang`` (``south`` -> ``Zuid``); default: the codes.
    before : networkx.Graph, optional
        The actor graph on an earlier date (its ``graph["analysis_date"]`` names
        it). Each link is then flagged ``new`` (not there then), ``kept`` or
        ``lost`` (there then, gone now; added between actors still in the view),
        as the sixth value of its JSON record; new and lost links get their own
        colour, a legend entry and a line in the tooltip. Not with
        ``aggregate="sectors"``.

    Returns
    -------
    str
        The HTML page. The same arguments always give the same string.

    Raises
    ------
    ValueError
        For an unknown ``colour``, ``aggregate``, ``lang`` or highlight value, or
        ``before`` with ``aggregate="sectors"``.
    collabnet.errors.CollabnetError
        When no actor is in ``zone``.
    """
    if colour not in COLOURS:
        raise ValueError(f"unknown colour {colour!r}: use one of {', '.join(COLOURS)}")
    if aggregate is not None and aggregate not in AGGREGATES:
        raise ValueError(f"unknown aggregate {aggregate!r}: use one of {', '.join(AGGREGATES)}")
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
    marks = _marks(highlight or {})
    if labels is None:
        labels = (G.graph.get("sector_names") or {}).get(lang) or {}
    mode = aggregate or ("organisations" if zone is None else "full")
    if before is not None and mode == "sectors":
        raise ValueError("new and lost links are drawn between actors: not with aggregate='sectors'")

    if zone is None:
        actors = sorted(G, key=_sort_key)
    else:
        actors = sorted((v for v, z in G.nodes(data="zone") if z == zone), key=_sort_key)
        if not actors:
            zones = sorted({str(z) for _, z in G.nodes(data="zone") if z is not None})
            raise CollabnetError(f"no actor in zone {zone!r}; zones in this graph: {', '.join(zones) or 'none'}")

    text = _Words(lang, labels, zone_labels or {})
    if mode == "sectors":
        view, filters = _sector_view(G, actors, colour, text), ("sector",)
    else:
        view = _actor_view(G, actors, colour, mode, marks, sizes, text, before=before)
        filters = ("zone", "sector", "line")
    lost = [(u, v) for u, v, change in view.edges(data="change") if change == "lost"]
    positions = layout_positions(nx.restricted_view(view, [], lost), seed=seed, weight="layout_weight")
    colours = _colour_table(G, colour, labels)

    ids = list(positions)  # sorted, see layout_positions
    order = {v: i for i, v in enumerate(ids)}
    nodes = []
    for v in ids:
        data = view.nodes[v]
        x, y = positions[v]
        record = {"id": str(v), "label": data["label"], "x": round(x * _PIXELS_PER_UNIT, 1),
                  "y": round(y * _PIXELS_PER_UNIT, 1), "kind": data["kind"],
                  "colour": colours.get(data["colour_key"], _PALETTE[-1]), "size": data["size"],
                  "mark": data["mark"], "title": data["title"], "zone": data["zone"],
                  "sectors": list(data["sectors"]), "line": data["line"]}
        nodes.append(record)
    edges = []
    for u, v, data in view.edges(data=True):
        a, b = order[u], order[v]
        edges.append([min(a, b), max(a, b), data["style"], data["width"], data["title"]]
                     + ([data["change"]] if before is not None else []))
    edges.sort(key=lambda e: (e[0], e[1]))

    present_colour_keys = {view.nodes[v]["colour_key"] for v in view}
    legend_colours = [(colours[k], text.value(colour, k)) for k in colours if k in present_colour_keys]
    if colour == "sector":
        legend_colours.sort(key=lambda entry: entry[1].casefold())
    present_kinds = [k for k in _SHAPES if any(view.nodes[v]["kind"] == k for v in view)]
    present_marks = [m for m in MARKS if any(view.nodes[v]["mark"] == m for v in view)]
    present_styles = [s for s in (*_ORIGINS, "sector")
                      if any(d["style"] == s and d.get("change") != "lost" for *_, d in view.edges(data=True))]
    changed = {c: sum(1 for e in edges if e[5:] == [c]) for c in CHANGES}

    options = _filter_options(view, filters, text)
    large = len(edges) > _LARGE
    edge_styles = {k: {**v, "dashes": False} for k, v in _EDGE_STYLES.items()} if large else _EDGE_STYLES
    change_styles = {k: {**v, "dashes": False} for k, v in _CHANGE_STYLES.items()} if large else _CHANGE_STYLES
    since = str((before.graph if before is not None else {}).get("analysis_date") or "")
    counts = t("view.counts", lang, nodes=len(nodes), edges=len(edges) - changed["lost"])
    if before is not None:
        counts += " · " + t("view.changes", lang, new=changed["new"], lost=changed["lost"], date=since)
    heading = title if title is not None else _default_title(G, zone, text)
    payload = {
        "nodes": nodes,
        "edges": edges,
        "styles": {"shapes": _SHAPES, "marks": _MARK_STYLES, "edges": edge_styles, "changes": change_styles,
                   "border": _BORDER},
        "ui": {"found": t("view.found", lang)},
        "large": large,
    }
    if mode == "sectors":
        size_note = t("view.size.actors", lang)
    else:
        size_note = t("view.size.brokerage", lang) if sizes else t("view.size.kind", lang)
    return _page(
        lang=lang, title=heading, data=_script_json(payload),
        counts=counts,
        aggregate_note=t(f"view.aggregate.{mode}", lang) if mode != "full" else "",
        colour_heading=t(f"view.colour.{colour}", lang), legend_colours=legend_colours,
        legend_shapes=[(_SHAPES[k], t(f"kind.{k}", lang)) for k in present_kinds],
        legend_marks=[(_MARK_STYLES[m], t(f"mark.{m}", lang)) for m in present_marks],
        legend_edges=[(edge_styles[s], t("view.sector_link", lang) if s == "sector" else t(f"origin.{s}", lang))
                      for s in present_styles],
        legend_changes=[] if before is None else [
            (change_styles.get(c, edge_styles["tie"]), t(f"view.change.{c}", lang, date=since)) for c in CHANGES],
        size_note=size_note, filters=options,
        words={key: t(f"view.{key}", lang) for key in ("search", "filters", "all", "reset", "legend", "shape",
                                                        "marks", "links", "help", "since")},
    )


class _Words:
    """Display names of attribute values in one language."""

    def __init__(self, lang: str, sector_labels: Mapping[str, str], zone_labels: Mapping[str, str]):
        self.lang = lang
        self.sector_labels = sector_labels
        self.zone_labels = zone_labels

    def zone(self, code: str) -> str:
        return str(self.zone_labels.get(code, code))

    def sector(self, code: str) -> str:
        return str(self.sector_labels.get(code, code))

    def value(self, attribute: str, key: str) -> str:
        if attribute == "sector":
            return self.sector(key)
        message = f"{attribute}.{key}"
        return t(message, self.lang) if message in LABELS else key

    def line(self, line: Any) -> str:
        return self.value("line", _line_key(line))


def _line_key(line: Any) -> str:
    return "none" if line is None or line == "" else str(line)


def _colour_key(data: Mapping[str, Any], colour: str) -> str:
    if colour == "line":
        return _line_key(data.get("line"))
    value = data.get(colour)
    return "none" if value is None or value == "" else str(value)


def _colour_table(G: nx.Graph, colour: str, labels: Mapping[str, str]) -> dict[str, str]:
    """Value -> colour, stable across the views of one dataset (it depends on G and labels, not on the zone)."""
    values = {_colour_key(data, colour) for _, data in G.nodes(data=True)}
    fixed = _FIXED_COLOURS.get(colour, {})
    if colour == "sector":
        values |= {str(code) for code in labels}
    table = {k: c for k, c in fixed.items() if k in values}
    free = [c for c in _PALETTE if c not in fixed.values()]
    others = sorted(values - set(table) - {"none"}) + (["none"] if "none" in values and "none" not in table else [])
    for i, key in enumerate(others):
        table[key] = "#d3d3d3" if key == "none" else free[i % len(free)]
    return table


def _marks(highlight: Mapping[Any, str | Iterable[str]]) -> dict[Any, str]:
    """actor -> the one mark drawn (cut_vertex wins over isolated: it is the rarer, more urgent fact)."""
    marks = {}
    for actor, value in highlight.items():
        given = {value} if isinstance(value, str) else set(value)
        unknown = given - set(MARKS)
        if unknown:
            raise ValueError(f"unknown highlight {min(unknown)!r} for actor {actor!r}: use "
                             f"{' or '.join(MARKS)}")
        if given:
            marks[actor] = "cut_vertex" if "cut_vertex" in given else "isolated"
    return marks


def _actor_view(G: nx.Graph, actors: list, colour: str, mode: str, marks: Mapping[Any, str],
                sizes: Mapping[Any, float] | None, text: _Words, before: nx.Graph | None = None) -> nx.Graph:
    """The actors (or organisations with their persons folded in) as a graph of display attributes.

    With ``before``, every link has a ``change`` (``new``, ``kept``, ``lost``):
    the links of ``before`` between the same actors, folded the same way, are
    compared with today's; a lost link is added with its facts of that date.
    """
    in_view = set(actors)
    owner = {}
    for v in actors:
        org = org_of(G, v) if mode == "organisations" else None
        owner[v] = org if org is not None and org in in_view else v
    folded: dict[Any, list] = {}
    for v in actors:
        folded.setdefault(owner[v], []).append(v)

    scores: dict[Any, float] = {}
    if sizes:
        for node, group in folded.items():
            scores[node] = max((float(sizes.get(v) or 0.0) for v in group), default=0.0)
    top = max(scores.values(), default=0.0)

    view = nx.Graph()
    for node, group in folded.items():
        data = G.nodes[node]
        kind = data.get("kind", "organisation")
        if sizes:
            score = scores[node]
            size = 8.0 + 18.0 * math.sqrt(max(score, 0.0) / top) if top > 0 else 8.0
        else:
            score, size = None, 12.0 if kind == "organisation" else 8.0
        mark = marks.get(node)
        view.add_node(node, label=_text(data.get("name", node)), kind=kind, colour_key=_colour_key(data, colour),
                      size=round(size, 2), mark=mark, zone=_text(data.get("zone")),
                      sectors=tuple(_text(s) for s in data.get("sectors") or (data.get("sector"),) if s),
                      line=_line_key(data.get("line")),
                      title=_actor_facts(G, node, text, persons=len(group) - 1 if kind == "organisation" and
                                         mode == "organisations" else None, score=score, mark=mark))

    rank = {v: i for i, v in enumerate(actors)}
    links = _links(G, actors, owner, rank)
    changes = dict.fromkeys(links, None)
    if before is not None:
        earlier = _links(before, [v for v in actors if v in before], owner, rank)
        changes = {key: "kept" if key in earlier else "new" for key in links}
        changes.update((key, "lost") for key in earlier if key not in links)
        links = {**earlier, **links}
    date = str((before.graph if before is not None else {}).get("analysis_date") or "")
    for (a, b), link in sorted(links.items(), key=lambda item: (rank[item[0][0]], rank[item[0][1]])):
        style = next((o for o in _ORIGINS if o in link["origins"]), "affiliation")
        width = _EDGE_STYLES[style]["width"]
        if style == "tie":
            width += 0.5 * min(max(link["ties"] - 1, 0), 4)
        title = _link_facts(link, text)
        change = changes[(a, b)]
        if change in _CHANGE_STYLES:
            width = max(width, _CHANGE_STYLES[change]["width"])
            title += "\n" + t(f"view.change.{change}", text.lang, date=date)
        view.add_edge(a, b, style=style, width=round(width, 2), layout_weight=link["weight"], title=title,
                      change=change)
    return view


def _links(G: nx.Graph, actors: list, owner: Mapping[Any, Any], rank: Mapping[Any, int]) -> dict[tuple, dict]:
    """The view's links among ``actors`` (each actor drawn as ``owner[actor]``), with what each one holds."""
    links: dict[tuple, dict] = {}
    pairs = ((u, v, data) for u in actors for v, data in G.adj[u].items() if v in rank and rank[u] < rank[v])
    for u, v, data in pairs:
        a, b = owner[u], owner[v]
        if a == b:
            continue
        key = (a, b) if rank[a] < rank[b] else (b, a)
        link = links.setdefault(key, {"origins": set(), "ties": 0, "tie_types": set(), "groups": set(),
                                      "weight": 0.0, "count": 0})
        link["origins"].update(o for o in str(data.get("origin", "")).split("|") if o)
        link["ties"] += int(data.get("ties") or 0)
        link["tie_types"].update(x for x in str(data.get("tie_types") or "").split("|") if x)
        link["groups"].update(data.get("groups") or ())
        link["weight"] += float(data.get("weight") or 1.0)
        link["count"] += 1
    return links


def _sector_view(G: nx.Graph, actors: list, colour: str, text: _Words) -> nx.Graph:
    """One node per main sector; a link per pair of sectors counts the actor links between them."""
    sector_of = {v: _text(G.nodes[v].get("sector")) or "none" for v in actors}
    counts: dict[str, int] = {}
    family: dict[str, str] = {}
    for v in actors:
        counts[sector_of[v]] = counts.get(sector_of[v], 0) + 1
        family.setdefault(sector_of[v], _text(G.nodes[v].get("family")))
    families = G.graph.get("families") or {}
    within: dict[str, int] = {}
    between: dict[tuple[str, str], int] = {}
    for u, v in G.subgraph(actors).edges():
        a, b = sorted((sector_of[u], sector_of[v]))
        if a == b:
            within[a] = within.get(a, 0) + 1
        else:
            between[(a, b)] = between.get((a, b), 0) + 1
    biggest = max(counts.values())
    view = nx.Graph()
    for code in sorted(counts):
        fam = families.get(code) or family[code]
        key = _colour_key({"family": fam}, "family") if colour == "family" else code
        lines = [text.sector(code), f"{t('field.actors', text.lang)}: {counts[code]}",
                 f"{t('field.links_within', text.lang)}: {within.get(code, 0)}"]
        if fam:
            lines.insert(1, text.value("family", fam))
        view.add_node(code, label=text.sector(code), kind="group", colour_key=key,
                      size=round(10.0 + 30.0 * math.sqrt(counts[code] / biggest), 2), mark=None, zone="",
                      sectors=(code,), line="none", title="\n".join(lines))
    for (a, b), count in sorted(between.items()):
        view.add_edge(a, b, style="sector", width=round(1.0 + min(math.log2(count), 9.0), 2),
                      layout_weight=math.log1p(count), title=f"{t('field.links', text.lang)}: {count}")
    return view


def _actor_facts(G: nx.Graph, v: Any, text: _Words, *, persons: int | None, score: float | None,
                 mark: str | None) -> str:
    """The tooltip: plain text, one fact per line (shown with innerText, never parsed as HTML)."""
    data = G.nodes[v]
    lang = text.lang
    kind = data.get("kind")
    lines = [_text(data.get("name", v))]
    if kind:
        lines.append(f"{t('field.kind', lang)}: {text.value('kind', str(kind))}")
    sectors = data.get("sectors") or ((data.get("sector"),) if data.get("sector") else ())
    if sectors:
        lines.append(f"{t('field.sectors', lang)}: {', '.join(text.sector(_text(s)) for s in sectors)}")
    lines.append(f"{t('field.line', lang)}: {text.line(data.get('line'))}")
    if data.get("zone"):
        lines.append(f"{t('field.zone', lang)}: {text.zone(_text(data.get('zone')))}")
    language = data.get("language")
    lines.append(f"{t('field.language', lang)}: {text.value('language', _text(language) or 'none')}")
    org = data.get("organisation")
    if org and kind != "organisation":
        org_name = G.nodes[org].get("name", org) if org in G else org
        lines.append(f"{t('field.organisation', lang)}: {_text(org_name)}")
    if persons:
        lines.append(f"{t('field.persons', lang)}: {persons}")
    if score is not None:
        lines.append(f"{t('field.brokerage', lang)}: {score:.3g}")
    if mark:
        lines.append(t(f"mark.{mark}", lang))
    return "\n".join(lines)


def _link_facts(link: Mapping[str, Any], text: _Words) -> str:
    lang = text.lang
    lines = []
    for origin in _ORIGINS:
        if origin not in link["origins"]:
            continue
        line = t(f"origin.{origin}", lang)
        if origin == "tie" and link["ties"]:
            kinds = ", ".join(sorted(link["tie_types"]))
            line += f" ×{link['ties']}" + (f": {kinds}" if kinds else "")
        elif origin == "co_membership" and link["groups"]:
            line += f": {len(link['groups'])} {t('field.groups', lang)}"
        lines.append(line)
    if link["count"] > 1:
        lines.append(f"{t('field.links', lang)}: {link['count']}")
    return "\n".join(lines)


def _filter_options(view: nx.Graph, filters: tuple[str, ...], text: _Words) -> list[dict]:
    """The filter menus: attribute, heading, and (value, display name) pairs, sorted by display name."""
    menus = []
    for name in filters:
        if name == "zone":
            values = {d["zone"] for _, d in view.nodes(data=True) if d["zone"]}
            options = sorted(((z, text.zone(z)) for z in values), key=lambda o: (o[1].casefold(), o[0]))
            heading = t("field.zone", text.lang)
        elif name == "sector":
            values = {s for _, d in view.nodes(data=True) for s in d["sectors"]}
            options = sorted(((s, text.sector(s)) for s in values), key=lambda o: (o[1].casefold(), o[0]))
            heading = t("field.sectors", text.lang)
        else:
            values = {d["line"] for _, d in view.nodes(data=True)}
            options = [(v, text.line(None if v == "none" else v)) for v in sorted(values, key=_line_order)]
            heading = t("field.line", text.lang)
        menus.append({"name": name, "heading": heading, "options": options})
    return menus


def _line_order(key: str) -> tuple:
    return (1, key) if key == "none" else (0, key)


def _default_title(G: nx.Graph, zone: str | None, text: _Words) -> str:
    parts = [t("view.title", text.lang)]
    if G.graph.get("dataset"):
        parts.append(str(G.graph["dataset"]))
    parts.append(text.zone(zone) if zone is not None else t("view.region", text.lang))
    return " — ".join(parts)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _sort_key(node: Any) -> tuple:
    return (str(node), type(node).__name__)


# --------------------------------------------------------------------------- the page
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _script_json(value: Any) -> str:
    """JSON that cannot end or open anything inside a <script> element.

    >>> _script_json({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_ESCAPES[m.group()], text)


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


@lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    """vis-network (from the installed pyvis package) and the page's own script and style."""
    lib = resources.files("pyvis") / "lib"
    for version in _VIS_VERSIONS:
        folder = lib / version
        if folder.joinpath("vis-network.min.js").is_file():
            break
    else:  # pragma: no cover - a pyvis without its bundled library
        raise CollabnetError("vis-network is missing from the installed pyvis package (pyvis/lib/vis-*/)")
    vis_js = folder.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    vis_css = folder.joinpath("vis-network.css").read_text(encoding="utf-8")
    templates = resources.files("collabnet") / "templates"
    assets = {
        "vis_js": vis_js,
        "vis_css": vis_css,
        "app_js": templates.joinpath("view.js").read_text(encoding="utf-8"),
        "app_css": templates.joinpath("view.css").read_text(encoding="utf-8"),
        "template": templates.joinpath("view.html.j2").read_text(encoding="utf-8"),
    }
    # An embedded library must not close its own element early.
    for name, closing in (("vis_js", "</script"), ("app_js", "</script"), ("vis_css", "</style"),
                          ("app_css", "</style")):
        if closing in assets[name].lower() or "<!--" in assets[name]:
            raise CollabnetError(f"cannot embed {name}: it contains {closing!r} or '<!--'")
    return assets


@lru_cache(maxsize=1)
def _template():
    import jinja2

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return env.from_string(_assets()["template"])


def _page(**context: Any) -> str:
    assets = _assets()
    csp = ("default-src 'none'; script-src " + _csp_hash(assets["vis_js"]) + " " + _csp_hash(assets["app_js"])
           + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
    return _template().render(csp=csp, vis_js=assets["vis_js"], vis_css=assets["vis_css"],
                              app_js=assets["app_js"], app_css=assets["app_css"], **context)


def view_html(dataset, analysis=None, *, zone: str | None = None, colour: str = "sector",
              aggregate: str | None = None, lang: str = "en", since=None, marks: tuple | None = None) -> str:
    """The view page of a dataset for one zone (None or ``region`` = the whole region).

    Sizes (betweenness) and highlights (isolated actors, cut vertices) come
    from ``analysis`` when given, so a view written next to ``analyze``'s
    tables shows the same numbers; otherwise they are computed here
    (``marks``: the result of :func:`view_marks`, to compute them once for
    several views). With ``since`` (a date), links new and lost since then
    are coloured (``render_view(before=dataset.on(since).graph)``).
    """
    G = dataset.graph
    zone = None if zone == "region" else zone
    highlight, sizes = marks if marks is not None else view_marks(dataset, analysis)
    zones = {z: dataset.zone_name(z, lang) for z in {z for _, z in G.nodes(data="zone") if z}}
    before = dataset.on(since).graph if since is not None else None
    return render_view(G, colour=colour, zone=zone, highlight=highlight, sizes=sizes, aggregate=aggregate,
                       lang=lang, labels=dataset.sector_names(lang), zone_labels=zones, before=before)


def view_marks(dataset, analysis=None) -> tuple[dict, dict]:
    """Highlights (isolated actors, cut vertices between organisations) and sizes (betweenness) of the views."""
    from collabnet.analyses.bridges import cut_vertices
    from collabnet.analyses.brokerage import betweenness
    from collabnet.analyses.isolation import isolated_actors

    G = dataset.graph
    if analysis is not None and analysis.zone is None:
        isolated = analysis.isolated
        sizes = dict(zip(analysis.brokers["actor"], analysis.brokers["betweenness"]))
    else:
        isolated = isolated_actors(G)
        sizes = betweenness(G)
    highlight: dict = {row.actor: "isolated" for row in isolated if row.reason in ISOLATED_REASONS}
    highlight.update((v, "cut_vertex") for v in cut_vertices(_without_inner_persons(G)))
    return highlight, sizes


def view_name(zone: str | None, lang: str) -> str:
    """File name of a view: ``view-<zone or region>.<lang>.html`` (safe for any zone code)."""
    from collabnet.writing import safe_name

    return f"view-{safe_name(zone or 'region')}.{lang}.html"


def render_views(dataset, analysis, out_dir, lang: str = "en", zone: str | None = None, since=None) -> list:
    """Write the view of every zone with actors and of the region (or of ``zone`` only); return the paths.

    ``since`` (a date): colour the links new and lost since then (see :func:`view_html`).
    """
    from pathlib import Path

    from collabnet.writing import atomic_write_text

    if zone is not None:
        zones = [zone]
    else:
        zones = [z for z in sorted({z for _, z in dataset.graph.nodes(data="zone")}) if z and z != "region"]
        zones.append("region")
    marks = view_marks(dataset, analysis)
    return [atomic_write_text(Path(out_dir) / view_name(code, lang),
                              view_html(dataset, analysis, zone=code, lang=lang, since=since, marks=marks))
            for code in zones]


def _without_inner_persons(G: nx.Graph) -> nx.Graph:
    """The graph without persons linked only inside their own organisation.

    Such a person hangs on its organisation; drawing the organisation as a cut
    vertex because of it would mark nearly every employer. What remains are
    the actors whose departure cuts a link between organisations.
    """
    from collabnet.graph import same_organisation

    inner = {v for v, kind in G.nodes(data="kind")
             if kind == "person" and all(same_organisation(G, v, w) for w in G.adj[v])}
    return G.subgraph(v for v in G if v not in inner).copy()  # a copy: traversals of a view are slow

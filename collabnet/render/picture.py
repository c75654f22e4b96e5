"""The static network picture of a report's first page: the zone's organisation graph, or its sector map.

A zone of at most :data:`PICTURE_NODES` nodes is drawn node by node (the
graph analysed: organisations and independent persons by default), coloured
by sector family (health, welfare, other), with

- actors with an isolation signal ringed in red; actors with no link at all
  inside the zone set apart in a row at the bottom;
- cut vertices (actors whose departure cuts part of the network off) drawn
  as diamonds; bridges (ties that alone join two sectors, lines or language
  networks) as thick dark lines;
- names written where they do not overlap another name or a node, the
  marked actors first.

A larger zone (or the region) is drawn as its sector map: a node per main
sector (area by its actors, a red count of those with an isolation signal), a
line per pair of sectors with links (width by their number) and a dashed
red line for each pair of sectors with none (a gap).

The layout is computed here, deterministically (Kamada-Kawai from a circle;
sectors on a circle in taxonomy order), so a report is byte-identical from
one run to the next. The result is plain geometry for the templates' SVG.

Examples
--------
>>> import networkx as nx
>>> G = nx.Graph()
>>> G.add_nodes_from([("a", {"name": "A", "family": "health"}), ("b", {"name": "B", "family": "welfare"}),
...                   ("c", {"name": "C", "family": "other"})])
>>> G.add_edge("a", "b")
>>> from collabnet.words import Vocabulary
>>> p = network_picture(G, ["a", "b", "c"], Vocabulary.of(G, "en"), isolated={"c"})
>>> p["kind"], len(p["nodes"]), len(p["edges"]), [n["label"] for n in p["nodes"] if n["isolated"]]
('organisations', 3, 1, ['C'])
>>> p == network_picture(G, ["a", "b", "c"], Vocabulary.of(G, "en"), isolated={"c"})
True
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping
from typing import Any

import networkx as nx

__all__ = ["FAMILY_COLOURS", "PICTURE_NODES", "network_picture"]

#: Zones with more nodes than this are drawn as their sector map.
PICTURE_NODES = 60
#: Node colours by sector family (ColorBrewer, colour-blind safe, distinct in grey print).
FAMILY_COLOURS = {"health": "#2166ac", "welfare": "#e08214", "other": "#8c8c8c"}
_ISOLATED, _BRIDGE, _LINK, _GAP = "#b2182b", "#1a1a1a", "#a8b3bf", "#b2182b"
WIDTH, HEIGHT, MARGIN, STRIP = 680, 340, 22, 40
_CHAR, _FONT = 5.9, 11  # average width of a character of the 11-unit label font
_LABEL_CHARS = 28


def network_picture(G: nx.Graph, nodes: Iterable, words, *, isolated: Collection = (), cut_vertices: Collection = (),
                    cut_edges: Iterable[tuple] = (), brokers: Iterable = (), matrix=None, gaps: Iterable = (),
                    sector_order: Mapping[str, int] | None = None, level: str = "organisations") -> dict:
    """Geometry of the picture of the nodes ``nodes`` of ``G`` (one zone, or the region).

    Parameters
    ----------
    G : networkx.Graph
        The graph analysed.
    nodes : iterable
        The zone's nodes.
    words : collabnet.words.Vocabulary
        Names of actors and sectors.
    isolated, cut_vertices : collection
        Nodes with an isolation signal; cut vertices.
    cut_edges : iterable of (u, v)
        Bridges (ties that alone join two sectors, lines or language networks).
    brokers : iterable
        Nodes in rank order: their names are written first after the marked nodes.
    matrix : collabnet.records.findings.SectorMatrix, optional
        Links between the zone's sectors (for the sector map).
    gaps : iterable of (a, b)
        Pairs of sectors with no link (dashed on the sector map).
    sector_order : mapping, optional
        Sector code -> position in the taxonomy.
    level : str
        ``organisations`` or ``actors``: what a node is (for the caption).

    Returns
    -------
    dict
        ``kind`` (``organisations``, ``actors`` or ``sectors``), ``width``,
        ``height``, ``nodes`` and ``edges`` (coordinates, colours, marks,
        labels) and ``legend`` (word, what to draw).
    """
    nodes = sorted(nodes, key=str)
    if len(nodes) > PICTURE_NODES:
        return _sector_map(G, nodes, words, isolated, matrix, gaps, sector_order or {})
    return _graph_picture(G, nodes, words, set(isolated), set(cut_vertices), cut_edges, list(brokers), level)


def _ordered(G: nx.Graph, nodes) -> nx.Graph:
    """The subgraph on ``nodes`` with nodes by id and each edge as (smaller id, larger id), in that order.

    networkx's subgraph views iterate their nodes in the order of a set, which changes from run to run
    (string hashing): a picture drawn from one would not be the same bytes twice.

    >>> list(_ordered(nx.Graph([("b", "a"), ("c", "b")]), {"c", "a", "b"}).edges())
    [('a', 'b'), ('b', 'c')]
    """
    keep = sorted(nodes, key=str)
    inside = set(keep)
    H = nx.Graph()
    H.add_nodes_from(keep)
    H.add_edges_from(sorted((tuple(sorted((u, v), key=str)) for u, v in G.subgraph(inside).edges()),
                            key=lambda e: (str(e[0]), str(e[1]))))
    return H


def _graph_picture(G, nodes, words, isolated, cut_vertices, cut_edges, brokers, level) -> dict:
    H = _ordered(G, nodes)
    alone = [v for v in nodes if H.degree(v) == 0]
    linked = [v for v in nodes if H.degree(v) > 0]
    top = HEIGHT - (STRIP if alone else 0)
    pos = _fit(_kamada_kawai(_ordered(H, linked)), MARGIN, MARGIN, WIDTH - MARGIN, top - MARGIN)
    for i, v in enumerate(alone):  # a row at the bottom: no link inside the zone
        step = (WIDTH - 2 * MARGIN) / max(len(alone), 1)
        pos[v] = (round(MARGIN + step * (i + 0.5), 1), float(HEIGHT - STRIP / 2 - 6))
    bridges = {frozenset(e) for e in cut_edges}
    edges = [{"x1": pos[u][0], "y1": pos[u][1], "x2": pos[v][0], "y2": pos[v][1],
              "colour": _BRIDGE if frozenset((u, v)) in bridges else _LINK,
              "width": 3.5 if frozenset((u, v)) in bridges else 1.2, "dash": ""}
             for u, v in H.edges()]
    drawn = []
    for v in nodes:
        data = G.nodes[v]
        radius = 5.0 if data.get("kind") == "person" else 7.0
        x, y = pos[v]
        drawn.append({"id": str(v), "x": x, "y": y, "r": radius + (1.5 if v in cut_vertices else 0),
                      "fill": FAMILY_COLOURS.get(data.get("family"), FAMILY_COLOURS["other"]),
                      "isolated": v in isolated, "cut_vertex": v in cut_vertices,
                      "diamond": _diamond(x, y, radius + 2.5) if v in cut_vertices else "",
                      "title": words.name(v), "label": _short(words.name(v))})
    rank = {v: i for i, v in enumerate(brokers)}
    order = sorted(range(len(nodes)), key=lambda i: (not drawn[i]["isolated"], not drawn[i]["cut_vertex"],
                                                     rank.get(nodes[i], len(rank)), str(nodes[i])))
    _place_labels(drawn, order)
    kind = "organisations" if level == "organisations" else "actors"
    legend = [("family", words.coded("family", f), colour) for f, colour in FAMILY_COLOURS.items()]
    legend += [("isolated", words.word("report.picture.isolated"), _ISOLATED),
               ("cut_vertex", words.word("report.picture.cut_vertex"), _BRIDGE),
               ("cut_edge", words.word("report.picture.cut_edge"), _BRIDGE)]
    return {"kind": kind, "width": WIDTH, "height": HEIGHT, "nodes": drawn, "edges": edges, "legend": legend,
            "strip": top if alone else None}


def _sector_map(G, nodes, words, isolated, matrix, gaps, sector_order) -> dict:
    actors: dict[Any, int] = {}
    signals: dict[Any, int] = {}
    family: dict[Any, str] = {}
    for v in nodes:
        code = G.nodes[v].get("sector")
        actors[code] = actors.get(code, 0) + 1
        signals[code] = signals.get(code, 0) + (v in isolated)
        family.setdefault(code, G.nodes[v].get("family"))
    codes = sorted(actors, key=lambda c: (sector_order.get(c, len(sector_order)), str(c)))
    cx, cy, radius = WIDTH / 2, HEIGHT / 2, min(WIDTH, HEIGHT) / 2 - 2 * MARGIN
    pos = {c: (round(cx + 1.45 * radius * math.cos(2 * math.pi * i / len(codes) - math.pi / 2), 1),
               round(cy + radius * math.sin(2 * math.pi * i / len(codes) - math.pi / 2), 1))
           for i, c in enumerate(codes)}
    top = max(actors.values())
    counts = [(a, b, matrix.count(a, b)) for i, a in enumerate(codes) for b in codes[i + 1:]] if matrix else []
    most = max((n for _, _, n in counts), default=0)
    edges = [{"x1": pos[a][0], "y1": pos[a][1], "x2": pos[b][0], "y2": pos[b][1], "colour": _LINK, "dash": "",
              "width": round(1 + 5 * math.log1p(n) / math.log1p(most), 1)} for a, b, n in counts if n]
    edges += [{"x1": pos[a][0], "y1": pos[a][1], "x2": pos[b][0], "y2": pos[b][1], "colour": _GAP, "width": 1.2,
               "dash": "5 4"} for a, b in sorted(gaps, key=str) if a in pos and b in pos]
    drawn = []
    for c in codes:
        x, y = pos[c]
        count = signals[c]
        drawn.append({"id": str(c), "x": x, "y": y, "r": round(5 + 13 * math.sqrt(actors[c] / top), 1),
                      "fill": FAMILY_COLOURS.get(family[c], FAMILY_COLOURS["other"]), "isolated": count > 0,
                      "cut_vertex": False, "diamond": "", "title": f"{words.sector(c)}: {actors[c]}",
                      "label": f"{_short(words.sector(c))} ({actors[c]}"
                               + (f"; {words.count('report.picture.isolated_count', count)})" if count else ")")})
    _place_labels(drawn, sorted(range(len(drawn)), key=lambda i: -actors[codes[i]]))
    legend = [("family", words.coded("family", f), colour) for f, colour in FAMILY_COLOURS.items()]
    legend += [("isolated", words.word("report.picture.isolated"), _ISOLATED),
               ("gap", words.word("report.picture.gap"), _GAP)]
    return {"kind": "sectors", "width": WIDTH, "height": HEIGHT, "nodes": drawn, "edges": edges, "legend": legend,
            "strip": None}


def _kamada_kawai(H: nx.Graph) -> dict:
    """Positions of a small graph, the same on every run; each connected part laid out on its own, side by side."""
    parts = sorted((sorted(c, key=str) for c in nx.connected_components(H)), key=lambda c: (-len(c), str(c[0])))
    pos: dict = {}
    offset = 0.0
    for part in parts:
        sub = _ordered(H, part)
        if len(part) == 1:
            local = {part[0]: (0.0, 0.0)}
        else:
            start = {v: (math.cos(2 * math.pi * i / len(part)), math.sin(2 * math.pi * i / len(part)))
                     for i, v in enumerate(part)}
            local = {v: (float(x), float(y)) for v, (x, y) in nx.kamada_kawai_layout(sub, pos=start).items()}
        xs = [p[0] for p in local.values()]
        width = max(xs) - min(xs)
        scale = math.sqrt(len(part))  # a bigger part gets more room
        for v, (x, y) in local.items():
            pos[v] = (offset + (x - min(xs)) * scale / max(width, 1e-9) if width else offset, y * scale)
        offset += scale + 0.6
    return pos


def _fit(pos: dict, left: float, top: float, right: float, bottom: float) -> dict:
    """Positions scaled into the box, aspect ratio kept, centred; rounded to 0.1."""
    if not pos:
        return {}
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    scale = min((right - left) / span_x if span_x else math.inf, (bottom - top) / span_y if span_y else math.inf)
    scale = 1.0 if scale == math.inf else scale
    dx = left + ((right - left) - span_x * scale) / 2
    dy = top + ((bottom - top) - span_y * scale) / 2
    return {v: (round(dx + (x - min(xs)) * scale, 1), round(dy + (y - min(ys)) * scale, 1)) for v, (x, y) in pos.items()}


def _diamond(x: float, y: float, r: float) -> str:
    return " ".join(f"{round(px, 1)},{round(py, 1)}" for px, py in ((x, y - r), (x + r, y), (x, y + r), (x - r, y)))


def _short(name: str) -> str:
    return name if len(name) <= _LABEL_CHARS else name[:_LABEL_CHARS - 1] + "…"


def _place_labels(nodes: list[dict], order: Iterable[int]) -> None:
    """Give each node, in ``order``, the first position around it where its label overlaps no label or node
    and stays inside the picture; a node with no such position shows no label (its name stays in its title)."""
    boxes: list[tuple[float, float, float, float]] = [
        (n["x"] - n["r"], n["y"] - n["r"], n["x"] + n["r"], n["y"] + n["r"]) for n in nodes]
    for i in order:
        n = nodes[i]
        width, gap = len(n["label"]) * _CHAR, n["r"] + 3
        n["label_x"] = n["label_y"] = None
        n["anchor"] = "start"
        for anchor, x, y in (("start", n["x"] + gap, n["y"] + 4), ("end", n["x"] - gap, n["y"] + 4),
                             ("middle", n["x"], n["y"] - gap - 2), ("middle", n["x"], n["y"] + gap + _FONT)):
            left = x if anchor == "start" else x - width if anchor == "end" else x - width / 2
            box = (left, y - _FONT + 2, left + width, y + 3)
            inside = box[0] >= 2 and box[2] <= WIDTH - 2 and box[1] >= 2 and box[3] <= HEIGHT - 2
            if inside and not any(_overlap(box, other) for j, other in enumerate(boxes) if j != i):
                n["label_x"], n["label_y"], n["anchor"] = round(x, 1), round(y, 1), anchor
                boxes.append(box)
                break


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

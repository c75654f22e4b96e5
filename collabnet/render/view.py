"""Interactive view of the actor graph: one self-contained, offline HTML page.

The page draws the graph with vis-network (the library pyvis wraps), taken
from pyvis's installed package files and embedded inline: no CDN, no network
request, nothing to install on the reader's machine. pyvis's own page
template is not used, because it always links Bootstrap and vis-network from
a CDN and writes some user text (titles, labels) into the page unescaped.

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
the browser draws at once (:func:`collabnet.render.layout.layout_positions`). A zone of 5,000
actors and 35,000 links takes under a second of CPU to render (half of it the
layout); 3,000 actors and 30,000 links take about 2 s to open in Chromium.
The whole region is drawn with persons folded into their organisation unless
the caller asks for the full graph.

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
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from operator import itemgetter
from typing import Any

import networkx as nx

from collabnet.codes import LANGS
from collabnet.errors import CollabnetError, reason
from collabnet.graph import adjacency_of, org_of
from collabnet.render.groups import communities, cross_kinds, importance, people_of
from collabnet.render.layout import layout, layout_positions
from collabnet.render.palette import NONE_COLOUR, colour_key, colour_table, line_key, node_shape
from collabnet.words import LABELS, Vocabulary, t

__all__ = ["AGGREGATES", "CHANGES", "COLOURS", "ISOLATED_REASONS", "MARKS", "layout_positions", "render_view",
           "render_views", "view_html", "view_marks", "view_name"]

#: Reasons of isolated.csv drawn as "isolated": actors with at most one link outside their organisation.
ISOLATED_REASONS = ("no_ties", "single_tie")

COLOURS = ("sector", "family", "line", "language")
AGGREGATES = ("full", "organisations", "sectors")
MARKS = ("isolated", "cut_vertex")
#: Change flags of the links when the view is drawn against an earlier date.
CHANGES = ("new", "lost", "kept")

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
_FOCUS = 1000     # links above which a view opens with only the links across a divide (the others on demand)
_LARGE = 3000     # edges above which the page drops dashes and hover (dashed canvas lines cost ~20 us each)


# --------------------------------------------------------------------------- the view graph
def render_view(G: nx.Graph, *, colour: str = "sector", zone: str | None = None,
                highlight: Mapping[Any, str | Iterable[str]] | None = None,
                sizes: Mapping[Any, float] | None = None, aggregate: str | None = None, lang: str = "en",
                labels: Mapping[str, str] | None = None, title: str | None = None, seed: int = 42,
                zone_labels: Mapping[str, str] | None = None, before: nx.Graph | None = None,
                people: nx.Graph | None = None) -> str:
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
    people : networkx.Graph, optional
        The actor graph that ``G`` (an organisation graph) folds. A zone view
        then carries each organisation's people and their links, and a click
        on an organisation shows them around it (a second click folds them).

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
            raise CollabnetError(reason("no_actor_in_view", zone=zone, zones=", ".join(zones) or reason("none")))

    text = _Words(lang, labels, zone_labels or {})
    if mode == "sectors":
        view, filters = _sector_view(G, actors, colour, text), ("sector",)
    else:
        view = _actor_view(G, actors, colour, mode, marks, sizes, text, before=before)
        filters = ("zone", "sector", "line")
    ids = view.ids
    edges = view.edges
    pairs = _Ends(edges)  # not a list of a million tuples beside the links
    drawn, weights = pairs, view.weights
    if before is not None:  # the lost links are drawn where the kept ones put their ends
        drawn = [pair for pair, change in zip(pairs, view.changes) if change != "lost"]
        weights = [w for w, change in zip(weights, view.changes) if change != "lost"]
    placed = layout(len(ids), [a for a, _ in drawn], [b for _, b in drawn], weights, seed=seed,
                    iterations=60).tolist()
    colours = colour_table(G, colour, labels)
    records = [view.nodes[v] for v in ids]
    rank = importance([data["score"] for data in records], pairs)
    group = communities(len(ids), drawn, weights, seed=seed,
                        keys=[(data["zone"], data["colour_key"]) for data in records])

    nodes = []
    for i, (v, (x, y)) in enumerate(zip(ids, placed)):
        data = records[i]
        hex_, variant = colours.get(data["colour_key"], (NONE_COLOUR, 0))
        nodes.append({"id": str(v), "label": data["label"], "x": round(x * _PIXELS_PER_UNIT, 1),
                      "y": round(y * _PIXELS_PER_UNIT, 1), "kind": data["kind"],
                      "shape": node_shape(data["kind"], variant), "colour": hex_, "size": data["size"],
                      "mark": data["mark"], "title": data["title"], "zone": data["zone"],
                      "sectors": list(data["sectors"]), "line": data["line"], "rank": rank[i], "group": group[i]})
    if before is not None:
        for edge, change in zip(edges, view.changes):
            edge.append(change)

    present_colour_keys = {data["colour_key"] for data in records}
    legend_colours = [(hex_, node_shape("organisation" if mode != "sectors" else "group", variant),
                       text.value(colour, k)) for k, (hex_, variant) in colours.items() if k in present_colour_keys]
    present = {(data["kind"], data["mark"]) for data in records}
    present_kinds = [k for k in ("organisation", "person", "group") if any(kind == k for kind, _ in present)]
    present_marks = [m for m in MARKS if any(mark == m for _, mark in present)]
    styles = {edge[2] for edge, change in zip(edges, view.changes) if change != "lost"}
    present_styles = [s for s in (*_ORIGINS, "sector") if s in styles]
    changed = dict.fromkeys(CHANGES, 0)
    if before is not None:
        changed.update(Counter(view.changes))

    options = _filter_options(records, filters, text)
    large = len(edges) > _LARGE
    edge_styles = {k: {**v, "dashes": False} for k, v in _EDGE_STYLES.items()} if large else _EDGE_STYLES
    change_styles = {k: {**v, "dashes": False} for k, v in _CHANGE_STYLES.items()} if large else _CHANGE_STYLES
    since = str((before.graph if before is not None else {}).get("analysis_date") or "")
    counts = t("view.counts", lang, nodes=len(nodes), edges=len(edges) - changed["lost"])
    if before is not None:
        counts += " · " + t("view.changes", lang, new=changed["new"], lost=changed["lost"], date=since)
    heading = title if title is not None else _default_title(G, zone, text)
    cross = cross_kinds([data["facts"] for data in records], pairs)
    focus = len(edges) > _FOCUS  # many links: at first only those across a divide
    packed, looks = _packed(edges)  # the links become their packed form (``edges`` is ``packed`` now)
    del drawn  # with ``before``, a list of pairs: not held through the page's JSON
    payload = {
        "nodes": nodes,
        "edges": packed,
        "looks": looks,
        "cross": cross,
        "groups": _group_records(nodes, group, text),
        "styles": {"marks": _MARK_STYLES, "edges": edge_styles, "changes": change_styles,
                   "border": _BORDER},
        "ui": {"found": t("view.found", lang), "shown": t("views.links.shown", lang),
               "people": t("views.people.count", lang),
               "links": t("field.links", lang) + ": {n}"},
        "large": large,
        "links": {"sector": True, "line": True, "language": True, "within": not focus},
    }
    payload["people"], payload["people_looks"], payload["people_styles"] = _packed_people(
        {} if people is None or mode == "sectors" or zone is None else people_of(
            G, people, ids, _Facts(people, text).person, _Facts.style_of))
    if mode == "sectors":
        size_note = t("view.size.actors", lang)
    else:
        size_note = t("views.size.betweenness", lang) if sizes else t("view.size.kind", lang)
    shapes = [(node_shape(k), t(f"kind.{k}", lang)) for k in present_kinds]
    if any(variant for key, (_, variant) in colours.items() if key in present_colour_keys) and mode != "sectors":
        shapes.append(("triangle", t("views.shape.second", lang)))
    if payload["groups"]:
        shapes.append(("hexagon", t("views.kind.cluster", lang)))
    return _page(
        lang=lang, title=heading, data=_script_json(payload),
        counts=counts,
        aggregate_note=t(f"view.aggregate.{mode}", lang) if mode != "full" else "",
        colour_heading=t(f"view.colour.{colour}", lang), legend_colours=legend_colours,
        legend_shapes=shapes,
        legend_marks=[(_MARK_STYLES[m], t(f"mark.{m}", lang)) for m in present_marks],
        legend_edges=[(edge_styles[s], t("view.sector_link", lang) if s == "sector" else t(f"origin.{s}", lang))
                      for s in present_styles],
        legend_changes=[] if before is None else [
            (change_styles.get(c, edge_styles["tie"]), t(f"view.change.{c}", lang, date=since)) for c in CHANGES],
        size_note=size_note, group_note=t("views.size.cluster", lang) if payload["groups"] else "",
        people_note=t("views.people.hint", lang) if payload["people"] else "",
        filters=options, link_kinds=[(k, t(f"views.links.{k}", lang), payload["links"][k])
                                     for k in ("sector", "line", "language", "within")],
        has_groups=bool(payload["groups"]),
        words={**{key: t(f"view.{key}", lang) for key in ("search", "filters", "all", "legend", "shape",
                                                           "marks", "links", "since")},
               **{key.replace(".", "_"): t(f"views.{key}", lang) for key in
                  ("reset", "help", "groups", "open_all", "close_all", "links.heading")}},
    )


def _group_records(nodes: list[dict], group: list[int], text: _Words) -> list[dict]:
    """One record per group of :func:`~collabnet.render.groups.communities`: where and how it is drawn.

    A group sits at the mean position of its actors, is named after its most
    important actor, has the colour most of its actors have, and an area that
    grows with its number of actors (about a quarter of the area they take when opened).
    """
    members: dict[int, list[dict]] = {}
    for node, k in zip(nodes, group):
        if k >= 0:
            members.setdefault(k, []).append(node)
    records = []
    for k in sorted(members):
        found = members[k]
        first = min(found, key=itemgetter("rank"))
        tally: dict[str, int] = {}
        for node in found:
            tally[node["colour"]] = tally.get(node["colour"], 0) + 1
        colour = min(tally, key=lambda c: (-tally[c], c))
        x = round(math.fsum(node["x"] for node in found) / len(found), 1)
        y = round(math.fsum(node["y"] for node in found) / len(found), 1)
        records.append({"id": -(k + 1), "x": x, "y": y, "colour": colour,
                        "size": round(10.0 + 0.25 * _PIXELS_PER_UNIT * math.sqrt(len(found)), 2),
                        "label": t("views.cluster.label", text.lang, name=first["label"], n=len(found) - 1),
                        "title": t("views.cluster.title", text.lang, n=len(found)), "count": len(found)})
    return records


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
        return self.value("line", line_key(line))


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


class _View:
    """What a page draws, before any position is known: the nodes in page order with their display
    attributes, and the links as the page's records ``[i, j, style, width, tooltip]`` (``i < j`` in page
    order, sorted) with their layout weights and, against an earlier date, their changes."""

    def __init__(self, ids: list):
        self.ids = ids
        self.nodes: dict[Any, dict] = {}
        self.edges: list[list] = []
        self.weights: list[float] = []
        self.changes: list[str | None] = []

    def add_node(self, node: Any, **record: Any) -> None:
        self.nodes[node] = record


def _actor_view(G: nx.Graph, actors: list, colour: str, mode: str, marks: Mapping[Any, str],
                sizes: Mapping[Any, float] | None, text: _Words, before: nx.Graph | None = None) -> _View:
    """The actors (or organisations with their persons folded in) with their display attributes and links.

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

    facts = _Facts(G, text)
    view = _View(sorted(folded, key=_sort_key) if mode == "organisations" else list(folded))
    for node, group in folded.items():
        data = G.nodes[node]
        kind = data.get("kind", "organisation")
        if sizes:
            score = scores[node]
            size = 8.0 + 18.0 * math.sqrt(max(score, 0.0) / top) if top > 0 else 8.0
        else:
            score, size = None, 12.0 if kind == "organisation" else 8.0
        mark = marks.get(node)
        view.add_node(node, label=_text(data.get("name", node)), kind=kind, colour_key=colour_key(data, colour),
                      size=round(size, 2), mark=mark, zone=_text(data.get("zone")), score=score or 0.0,
                      facts=(_text(data.get("sector")) or "none", line_key(data.get("line")),
                             _text(data.get("language")) or "none"),
                      sectors=tuple(_text(s) for s in data.get("sectors") or (data.get("sector"),) if s),
                      line=line_key(data.get("line")),
                      title=facts.actor(node, persons=len(group) - 1 if kind == "organisation" and
                                        mode == "organisations" else None, score=score, mark=mark))

    rank = {v: i for i, v in enumerate(actors)}
    edges, weights, one = view.edges, view.weights, facts.one
    if before is None and all(owner[v] == v for v in actors):  # every link is one edge, a rank a place on the page
        raw = facts.raw
        for ru, rv, data in _edges_by_rank(G, actors, rank):
            try:  # facts.one(data), without the call
                look = raw[(data.get("origin", ""), data.get("ties"), data.get("tie_types"), data.get("groups"))]
            except (KeyError, TypeError):
                look = one(data)
            edges.append([ru, rv, look[0], look[1], look[2]])
            weights.append(float(data.get("weight") or 1.0))
        view.changes = [None] * len(edges)
        return view
    links = _links(G, actors, owner, rank)
    changes = dict.fromkeys(links)
    if before is not None:
        earlier = _links(before, [v for v in actors if v in before], owner, rank)
        changes = {key: "kept" if key in earlier else "new" for key in links}
        changes.update((key, "lost") for key in earlier if key not in links)
        links = {**earlier, **links}
    date = str((before.graph if before is not None else {}).get("analysis_date") or "")
    change_words = {c: "\n" + t(f"view.change.{c}", text.lang, date=date) for c in _CHANGE_STYLES}
    place = {node: i for i, node in enumerate(view.ids)}  # page order follows ranks: keys stay sorted
    place = [place.get(v, -1) for v in actors]
    look = facts.link
    for key in sorted(links):
        style, width, title, weight = look(links[key])
        change = changes[key]
        if change in _CHANGE_STYLES:
            width = round(max(width, _CHANGE_STYLES[change]["width"]), 2)
            title += change_words[change]
        edges.append([place[key[0]], place[key[1]], style, width, title])
        weights.append(weight)
        view.changes.append(change)
    return view


def _packed(edges: list[list]) -> tuple[list[list], list[list]]:
    """The page's links, each look (style, width, tooltip) written once: ``[a, b, look]`` (``[a, b, look, change]``
    with ``--since``) and the looks, numbered in order of first use; the page unpacks them as it loads.

    A region holds about a hundred looks for a million links, so the page is about half as big. Each
    link is packed in place (``edges`` is returned, changed): at 50,000 organisations a second list of
    1.2 million links would hold 110 MB more at the view's peak.

    >>> edges = [[0, 1, "tie", 2.0, "tie"], [0, 2, "tie", 2.0, "tie"], [1, 2, "group", 0.8, "1 group", "new"]]
    >>> packed, looks = _packed(edges)
    >>> packed, looks, packed is edges
    ([[0, 1, 0], [0, 2, 0], [1, 2, 1, 'new']], [['tie', 2.0, 'tie'], ['group', 0.8, '1 group']], True)
    """
    number: dict[tuple, int] = {}
    for edge in edges:
        edge[2:5] = (number.setdefault((edge[2], edge[3], edge[4]), len(number)),)  # in order of first use
    return edges, [list(look) for look in number]


class _Ends(Sequence):
    """The ends ``(a, b)`` of each link ``[a, b, ...]``, read from the links when asked (a list of pairs
    beside a region's 1.2 million links would hold 85 MB).

    >>> ends = _Ends([[0, 1, "tie"], [2, 3, "group"]])
    >>> len(ends), list(ends), ends[1]
    (2, [(0, 1), (2, 3)], (2, 3))
    """

    def __init__(self, edges: list[list]):
        self._edges = edges

    def __len__(self) -> int:
        return len(self._edges)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [(e[0], e[1]) for e in self._edges[index]]
        edge = self._edges[index]
        return edge[0], edge[1]

    def __iter__(self) -> Iterator[tuple]:
        for edge in self._edges:
            yield edge[0], edge[1]


def _packed_people(people: Mapping[str, list]) -> tuple[dict[str, list], list[str], list[str]]:
    """The people of the organisations as the page stores them: ``[id, name, look, links]``, and the looks
    and link styles they number (in order of first use). The page unpacks them as it loads.

    - A tooltip is the name followed by ``looks[look]`` (the people of one organisation share all of their
      tooltip but the name); a tooltip that does not begin with the name stays as it is.
    - A link ``[actor, drawn as, style]`` is ``[actor, style]`` when it is drawn as the organisation whose
      people list the actor, or as the actor itself when no organisation lists it; else ``[actor, drawn as,
      style]``; ``style`` is its number among the styles.

    At 50,000 organisations a zone's page is 43 % smaller than with both written out (30.0 MB -> 17.1 MB for North).

    >>> packed, looks, styles = _packed_people({
    ...     "o": [["p", "Ann", "Ann\\nKind: person", [["q2", "o2", "tie"]]], ["q", "Bo", "Bo\\nKind: person", []]],
    ...     "o2": [["q2", "Cy", "Other", [["p", "o", "tie"], ["z", "z", "co_membership"], ["y", "o", "tie"]]]]})
    >>> packed
    {'o': [['p', 'Ann', 0, [['q2', 0]]], ['q', 'Bo', 0, []]], 'o2': [['q2', 'Cy', 'Other', [['p', 0], ['z', 1], ['y', 'o', 0]]]]}
    >>> looks, styles
    (['\\nKind: person'], ['tie', 'co_membership'])
    """
    owner = {person: org for org, rows in people.items() for person, *_ in rows}
    looks: dict[str, int] = {}
    styles: dict[str, int] = {}
    packed: dict[str, list] = {}
    for org, rows in people.items():
        packed[org] = found = []
        for person, name, tooltip, links in rows:
            look = looks.setdefault(tooltip[len(name):], len(looks)) if tooltip.startswith(name) else tooltip
            short = []
            for actor, drawn, style in links:
                k = styles.setdefault(style, len(styles))
                short.append([actor, k] if owner.get(actor, actor) == drawn else [actor, drawn, k])
            found.append([person, name, look, short])
    return packed, list(looks), list(styles)


def _edges_by_rank(G: nx.Graph, actors: list, rank: Mapping[Any, int]) -> Iterator[tuple]:
    """(rank u, rank v, edge data) of every edge among ``actors`` (rank u < rank v), sorted by the ranks."""
    adjacency = adjacency_of(G)
    for u in actors:
        ru = rank[u]
        row = [(rv, data) for v, data in adjacency[u].items() if (rv := rank.get(v)) is not None and rv > ru]
        row.sort(key=itemgetter(0))
        for rv, data in row:
            yield ru, rv, data


def _links(G: nx.Graph, actors: list, owner: Mapping[Any, Any], rank: Mapping[Any, int]) -> dict[tuple, list]:
    """The view's links among ``actors`` (each drawn as ``owner[actor]``): (rank a, rank b) -> the edges' data.

    ``a`` and ``b`` are the two actors drawn, ``rank[a] < rank[b]``; a link
    folds one edge (every actor drawn) or several (persons folded into their
    organisation).
    """
    links: dict[tuple, list] = {}
    adjacency = adjacency_of(G)
    drawn_as = {v: rank[owner[v]] for v in actors}
    for u in actors:
        ru, a = rank[u], drawn_as[u]
        for v, data in adjacency[u].items():
            rv = rank.get(v)
            if rv is None or rv <= ru:
                continue
            b = drawn_as[v]
            if a == b:
                continue
            key = (a, b) if a < b else (b, a)
            found = links.get(key)
            if found is None:
                links[key] = [data]
            else:
                found.append(data)
    return links


class _Facts:
    """Tooltips and link styles of one view, with every word looked up once."""

    def __init__(self, G: nx.Graph, text: _Words):
        self.G, self.text, self.lang = G, text, text.lang
        self.field = {key: t(f"field.{key}", text.lang) for key in
                      ("kind", "sectors", "line", "zone", "language", "organisation", "persons", "brokerage",
                       "groups", "links")}
        self.colon = t("report.colon", text.lang)  # " :" in French
        self.origin = {origin: t(f"origin.{origin}", text.lang) for origin in _ORIGINS}
        self.memo: dict[tuple, str] = {}  # shared tooltip lines, by the facts they show
        self.looks: dict[tuple, tuple] = {}  # a link's look, by the values it depends on
        self.parsed: dict[tuple, tuple] = {}  # an edge's origins, ties and tie types, by their raw values
        self.raw: dict[tuple, tuple] = {}  # a one-edge link's look, by the edge's raw values

    def actor(self, v: Any, *, persons: int | None, score: float | None, mark: str | None) -> str:
        """The tooltip: plain text, one fact per line (shown with innerText, never parsed as HTML)."""
        G = self.G
        data = G.nodes[v]
        kind = data.get("kind")
        sectors = data.get("sectors") or ((data.get("sector"),) if data.get("sector") else ())
        facts = (kind, tuple(sectors), data.get("line"), data.get("zone"), data.get("language"))
        try:
            middle, known = self.memo.get(facts), True
        except TypeError:  # a value that cannot be a key: no memo
            middle, known = None, False
        if middle is None:
            middle = self._facts(*facts)
            if known:
                self.memo[facts] = middle
        lines = [_text(data.get("name", v)), middle]
        field = self.field
        org = data.get("organisation")
        if org and kind != "organisation":
            org_name = G.nodes[org].get("name", org) if org in G else org
            lines.append(f"{field['organisation']}{self.colon} {_text(org_name)}")
        if persons:
            lines.append(f"{field['persons']}{self.colon} {persons}")
        if score is not None:
            lines.append(f"{field['brokerage']}{self.colon} {score:.3g}")
        if mark:
            lines.append(t(f"mark.{mark}", self.lang))
        return "\n".join(lines)

    def person(self, v: Any) -> str:
        """The tooltip of a person shown inside its organisation (no score, no mark: those are the organisation's)."""
        return self.actor(v, persons=None, score=None, mark=None)

    @staticmethod
    def style_of(data: Mapping[str, Any]) -> str:
        """The drawn style of one actor edge: its strongest origin."""
        return _strongest_origin(str(data.get("origin", "")))

    def _facts(self, kind: Any, sectors: tuple, line: Any, zone: Any, language: Any) -> str:
        """The tooltip lines that many actors share: kind, sectors, line, zone, language."""
        text, field = self.text, self.field
        lines = []
        if kind:
            lines.append(f"{field['kind']}{self.colon} {text.value('kind', str(kind))}")
        if sectors:
            lines.append(f"{field['sectors']}{self.colon} " + ", ".join(text.sector(_text(s)) for s in sectors))
        lines.append(f"{field['line']}{self.colon} {text.line(line)}")
        if zone:
            lines.append(f"{field['zone']}{self.colon} {text.zone(_text(zone))}")
        lines.append(f"{field['language']}{self.colon} {text.value('language', _text(language) or 'none')}")
        return "\n".join(lines)

    def one(self, data: Mapping[str, Any]) -> tuple[str, float, str, float]:
        """:meth:`link` of a link that is one edge, looked up by the edge's raw values."""
        key = (data.get("origin", ""), data.get("ties"), data.get("tie_types"), data.get("groups"))
        try:
            look = self.raw.get(key)
        except TypeError:  # a value that cannot be a key
            key = look = None
        if look is None:
            look = self._look_of([data])
            if key is not None:
                self.raw[key] = look
        return look[0], look[1], look[2], float(data.get("weight") or 1.0)

    def link(self, edges: list[Mapping[str, Any]]) -> tuple[str, float, str, float]:
        """Style, width, tooltip and layout weight of a link folding the edges with these data."""
        if len(edges) == 1:  # most links: one edge, whose look depends on a few values that repeat
            return self.one(edges[0])
        return (*self._look_of(edges), math.fsum(float(data.get("weight") or 1.0) for data in edges))

    def _look_of(self, edges: list[Mapping[str, Any]]) -> tuple[str, float, str]:
        origins, ties, kinds, groups = set(), 0, set(), set()
        for data in edges:
            parts = self._parts(data)
            origins |= parts[0]
            ties += parts[1]
            kinds |= parts[2]
            groups.update(data.get("groups") or ())
        summary = (frozenset(origins), ties, frozenset(kinds), len(groups), len(edges))
        look = self.looks.get(summary)
        if look is None:
            look = self.looks[summary] = self._look(*summary)
        return look

    def _parts(self, data: Mapping[str, Any]) -> tuple[frozenset, int, frozenset]:
        """An edge's origins, number of ties and tie types, parsed once per distinct value."""
        key = (data.get("origin", ""), data.get("ties"), data.get("tie_types"))
        try:
            found = self.parsed.get(key)
        except TypeError:  # a value that cannot be a key: parse it every time
            key, found = None, None
        if found is None:
            found = (frozenset(o for o in str(data.get("origin", "")).split("|") if o),
                     int(data.get("ties") or 0),
                     frozenset(x for x in str(data.get("tie_types") or "").split("|") if x))
            if key is not None:
                self.parsed[key] = found
        return found

    def _look(self, origins: frozenset, ties: int, kinds: frozenset, groups: int, count: int) -> tuple[str, float, str]:
        style = next((o for o in _ORIGINS if o in origins), "affiliation")
        width = _EDGE_STYLES[style]["width"]
        if style == "tie":
            width += 0.5 * min(max(ties - 1, 0), 4)
        lines = []
        for origin in _ORIGINS:
            if origin not in origins:
                continue
            line = self.origin[origin]
            if origin == "tie" and ties:
                shown = ", ".join(sorted(kinds))
                line += f" ×{ties}" + (f"{self.colon} {shown}" if shown else "")
            elif origin == "co_membership" and groups:
                line += f"{self.colon} {groups} {self.field['groups']}"
            lines.append(line)
        if count > 1:
            lines.append(f"{self.field['links']}{self.colon} {count}")
        return style, round(width, 2), "\n".join(lines)


@lru_cache(maxsize=64)
def _strongest_origin(origin: str) -> str:
    """The strongest of the origins ``origin`` joins with ``|`` (``affiliation`` when none is known).

    >>> _strongest_origin("affiliation|tie"), _strongest_origin("")
    ('tie', 'affiliation')
    """
    origins = set(origin.split("|"))
    return next((o for o in _ORIGINS if o in origins), "affiliation")


def _sector_view(G: nx.Graph, actors: list, colour: str, text: _Words) -> _View:
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
    adjacency = adjacency_of(G)
    for u in actors:  # every edge among the actors once (the one of a self-loop too)
        for v in adjacency[u]:
            if v in sector_of and _sort_key(u) <= _sort_key(v):
                a, b = sorted((sector_of[u], sector_of[v]))
                if a == b:
                    within[a] = within.get(a, 0) + 1
                else:
                    between[(a, b)] = between.get((a, b), 0) + 1
    biggest = max(counts.values())
    view = _View(sorted(counts, key=_sort_key))
    colon = t("report.colon", text.lang)  # " :" in French
    for code in sorted(counts):
        fam = families.get(code) or family[code]
        key = colour_key({"family": fam}, "family") if colour == "family" else code
        lines = [text.sector(code), f"{t('field.actors', text.lang)}{colon} {counts[code]}",
                 f"{t('field.links_within', text.lang)}{colon} {within.get(code, 0)}"]
        if fam:
            lines.insert(1, text.value("family", fam))
        view.add_node(code, label=text.sector(code), kind="group", colour_key=key,
                      size=round(10.0 + 30.0 * math.sqrt(counts[code] / biggest), 2), mark=None, zone="",
                      score=float(counts[code]), facts=(code, "none", "none"),
                      sectors=(code,), line="none", title="\n".join(lines))
    place = {code: i for i, code in enumerate(view.ids)}
    for (a, b), count in sorted(between.items()):
        i, j = sorted((place[a], place[b]))
        view.edges.append([i, j, "sector", round(1.0 + min(math.log2(count), 9.0), 2),
                           f"{t('field.links', text.lang)}{colon} {count}"])
        view.weights.append(math.log1p(count))
        view.changes.append(None)
    return view


def _filter_options(records: Iterable[Mapping[str, Any]], filters: tuple[str, ...], text: _Words) -> list[dict]:
    """The filter menus: attribute, heading, and (value, display name) pairs, sorted by display name."""
    menus = []
    for name in filters:
        if name == "zone":
            values = {d["zone"] for d in records if d["zone"]}
            options = sorted(((z, text.zone(z)) for z in values), key=lambda o: (o[1].casefold(), o[0]))
            heading = t("field.zone", text.lang)
        elif name == "sector":
            values = {s for d in records for s in d["sectors"]}
            options = sorted(((s, text.sector(s)) for s in values), key=lambda o: (o[1].casefold(), o[0]))
            heading = t("field.sectors", text.lang)
        else:
            values = {d["line"] for d in records}
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
    for character, escaped in _SCRIPT_ESCAPES.items():  # str.replace: twice as fast as one regex on 50 MB
        if character in text:
            text = text.replace(character, escaped)
    return text


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
        raise CollabnetError(reason("no_vis_network"))
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
            raise CollabnetError(reason("cannot_embed", name=name, closing=closing))
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


def view_html(analysis, *, zone: str | None = None, colour: str = "sector", aggregate: str | None = None,
              lang: str = "en", before: nx.Graph | None = None, marks: tuple | None = None) -> str:
    """The view page of an analysis for one zone (None or ``region`` = the whole region).

    Sizes (betweenness) and marks (isolated actors, cut vertices) are the
    record's (:func:`view_marks`), so a view shows the same findings as the
    tables; ``marks``: that pair when already made for several views.
    ``before``: the actor graph of an earlier date (``dataset.on(date).graph``:
    no analysis of that date is needed), whose links new and lost since then
    are coloured (see :func:`render_view`). A zone view of the organisation
    graph carries each organisation's people (``analysis.dataset.graph``), shown on click.
    """
    G = analysis.graph
    zone = None if zone == "region" else zone
    highlight, sizes = marks if marks is not None else view_marks(analysis)
    words = Vocabulary.for_analysis(analysis, lang)
    zones = {z: words.zone_name(z) for z in {z for _, z in G.nodes(data="zone") if z}}
    return render_view(G, colour=colour, zone=zone, highlight=highlight, sizes=sizes, aggregate=aggregate,
                       lang=words.lang, labels=words.sector_names, zone_labels=zones, before=before,
                       people=analysis.dataset.graph if analysis.level == "organisations" else None)


def view_marks(analysis) -> tuple[dict, dict]:
    """Marks (isolated actors with at most one outside partner, cut vertices) and sizes (betweenness) of the
    views, as the analysis found them (the ``cut_vertex`` column of brokers.csv)."""
    highlight: dict = {row.actor: "isolated" for row in analysis.isolated if row.reason in ISOLATED_REASONS}
    highlight.update((v, "cut_vertex") for v in analysis.cut_vertices)
    return highlight, dict(analysis.betweenness)


def view_name(zone: str | None, lang: str) -> str:
    """File name of a view: ``view-<zone or region>.<lang>.html`` (safe for any zone code)."""
    from collabnet.writing import safe_name

    return f"view-{safe_name(zone or 'region')}.{lang}.html"


def render_views(analysis, out_dir, lang: str = "en", zone: str | None = None,
                 before: nx.Graph | None = None) -> list:
    """Write the view of every zone with actors and of the region (or of ``zone`` only); return the paths.

    ``before``: the actor graph of an earlier date: links new and lost since then are coloured (see
    :func:`view_html`). With a second core free and views big enough to pay for it, a forked
    process writes some of the views (:func:`collabnet.runtime.share_out`); each view is the same
    whoever writes it.
    """
    from collabnet.runtime import run_jobs

    return run_jobs(view_jobs(analysis, out_dir, lang, zone, before=before))[0]


def view_jobs(analysis, out_dir, lang: str = "en", zone: str | None = None, before: nx.Graph | None = None):
    """:func:`render_views` as jobs (:class:`collabnet.runtime.Jobs`): one per view."""
    from pathlib import Path

    from collabnet.runtime import Jobs, collector_paused
    from collabnet.writing import atomic_write_text

    G = analysis.graph
    zones = [zone] if zone is not None else [*analysis.zones, "region"]

    def write(code: str) -> Path:
        return atomic_write_text(Path(out_dir) / view_name(code, lang),
                                 view_html(analysis, zone=code, lang=lang, marks=marks, before=before))

    # The biggest views first, so that the two processes finish about together.
    size = {z: len(analysis.members.get(z, ())) for z in zones}
    if "region" in size:
        size["region"] = 2 * G.number_of_nodes()  # folded, but every actor and link is read
    with collector_paused():
        marks = view_marks(analysis)  # once, before a second process may write some of the views
    cost = {code: 2.4 * size[code] for code in zones}  # a zone's view: about 2.4 s per 10,000 actors
    if "region" in cost:
        cost["region"] = 1.5 * G.number_of_nodes()  # 7 s at 50,000 organisations
    return Jobs({code: (lambda code=code: write(code)) for code in zones}, cost,
                lambda paths: [paths[code] for code in zones], shared=sum(size.values()) >= _SHARED_WORK)


# Actors (summed over the views) above which a second process writes some of the views: below that,
# forking costs more than it saves (a fork and its first page, about 0.1 s).
_SHARED_WORK = 20_000

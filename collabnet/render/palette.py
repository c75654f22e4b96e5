"""Colours and shapes of the views: family as hue, sector as shade, shape where the shades run out.

A sector's colour says its family at a glance (health blue, welfare orange,
other grey: a pair that colour-blind readers tell apart, and a neutral) and
the sector by its shade, dark to light (lightness survives every kind of
colour blindness). A family has four shades; its fifth to eighth sectors reuse
them with a second shape (triangles), the ninth to twelfth a third (diamonds).
Lines of care are ordinal: four blues, dark for the specialised lines.
Languages: Okabe-Ito orange, blue and reddish purple. Values without a
colour (no sector, no line) are white.

The table depends on the dataset only (its sectors and families), never on
the zone: a sector has the same colour in every view of a dataset.

>>> import networkx as nx
>>> G = nx.Graph(families={"gp": "health", "cpas": "welfare"})
>>> G.add_node("a", sector="gp"); G.add_node("b", sector="cpas")
>>> table = colour_table(G, "sector", {})
>>> table["gp"], table["cpas"]
(('#08519c', 0), ('#a63603', 0))
>>> node_shape("organisation", 1), node_shape("person", 0)
('triangle', 'dot')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx

__all__ = ["NONE_COLOUR", "SHADES", "colour_key", "colour_table", "line_key", "node_shape"]

#: Colour of a missing value (no sector, no line, no language).
NONE_COLOUR = "#ffffff"
#: Shades per family, dark to light (ColorBrewer Blues, Oranges, Greys, Purples, Greens).
SHADES = {
    "health": ("#08519c", "#3182bd", "#6baed6", "#9ecae1"),
    "welfare": ("#a63603", "#e6550d", "#fd8d3c", "#fdae6b"),
    "other": ("#4d4d4d", "#7a7a7a", "#a6a6a6", "#d0d0d0"),
}
# Families of other taxonomies get these ramps, in the order the families first come.
_MORE_SHADES = (("#54278f", "#756bb1", "#9e9ac8", "#cbc9e2"), ("#006d2c", "#31a354", "#74c476", "#a1d99b"),
                ("#7a0177", "#c51b8a", "#f768a1", "#fbb4b9"))
_FIXED = {
    "family": {"health": "#3182bd", "welfare": "#e6550d", "other": "#969696"},
    "line": {"0": "#c6dbef", "1": "#6baed6", "2": "#2171b5", "3": "#08306b"},
    "language": {"nl": "#e69f00", "fr": "#0072b2", "bi": "#cc79a7"},
}
# Shapes by kind, one per variant (a sector past the fourth of its family); "hexagon" is a group of actors.
_SHAPES = {"organisation": ("square", "triangle", "diamond", "star"),
           "person": ("dot", "triangleDown", "diamond", "star"),
           "group": ("diamond",)}


def line_key(line: Any) -> str:
    """The colour key of a line of care: ``"0"`` ... ``"3"`` or ``"none"``."""
    return "none" if line is None or line == "" else str(line)


def colour_key(data: Mapping[str, Any], colour: str) -> str:
    """The value of node ``data`` that sets its colour (``none`` when it has none)."""
    if colour == "line":
        return line_key(data.get("line"))
    value = data.get(colour)
    return "none" if value is None or value == "" else str(value)


def node_shape(kind: Any, variant: int = 0) -> str:
    """vis-network shape of a node of this kind drawn with this variant (0 = the kind's own shape)."""
    shapes = _SHAPES.get(str(kind), _SHAPES["organisation"])
    return shapes[min(variant, len(shapes) - 1)]


def colour_table(G: nx.Graph, colour: str, labels: Mapping[str, str]) -> dict[str, tuple[str, int]]:
    """Value -> (colour, shape variant), in legend order (by family, then shade, for sectors).

    Sectors: those of the graph's nodes and of ``labels`` (the taxonomy), in
    the taxonomy's order (``G.graph["families"]``), the others after them by
    code; a sector without a family counts as ``other``.
    """
    values = {colour_key(data, colour) for _, data in G.nodes(data=True)}
    if colour != "sector":
        fixed = _FIXED.get(colour, {})
        table = {key: (hex_, 0) for key, hex_ in fixed.items() if key in values}
        extra = sorted(values - set(table) - {"none"})
        ramp = [c for ramp in _MORE_SHADES for c in ramp]
        table.update((key, (ramp[i % len(ramp)], 0)) for i, key in enumerate(extra))
        if "none" in values:
            table["none"] = (NONE_COLOUR, 0)
        return table
    families = dict(G.graph.get("families") or {})
    codes = [c for c in families if c in values or c in labels]
    codes += sorted((values | {str(c) for c in labels}) - set(codes) - {"none"})
    ramps = dict(SHADES)
    by_family: dict[str, list[str]] = {}
    for code in codes:
        family = str(families.get(code) or "other")
        if family not in ramps:
            ramps[family] = _MORE_SHADES[(len(ramps) - len(SHADES)) % len(_MORE_SHADES)]
        by_family.setdefault(family, []).append(code)
    table = {}
    for family in [f for f in SHADES if f in by_family] + [f for f in by_family if f not in SHADES]:
        ramp = ramps[family]
        for slot, code in enumerate(by_family[family]):
            table[code] = (ramp[slot % len(ramp)], slot // len(ramp))
    if "none" in values:
        table["none"] = (NONE_COLOUR, 0)
    return table

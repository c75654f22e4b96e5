"""Export the actor graph for other tools: Gephi, Cytoscape, Kumu, spreadsheets, scripts.

Formats
-------
``gexf``     Gephi's format (GEXF 1.2); the node label is the actor's name.
``graphml``  GraphML, read by Gephi, Cytoscape, yEd, igraph, networkx.
``json``     networkx node-link JSON (``nodes``, ``edges``, ``graph``), values kept as
             JSON lists and ``null``.
``csv``      a folder with ``nodes.csv`` (``id`` + attributes) and ``edges.csv``
             (``source``, ``target`` + attributes).
``kumu``     an ``.xlsx`` workbook with the two sheets Kumu imports: ``Elements``
             (``ID``, ``Label``, ``Type``, ``Description``, ``Tags`` + attributes) and
             ``Connections`` (``From``, ``To``, ``Type``, ``Direction`` + attributes).
             Elements carry the actor id in an ``ID`` first column and connections
             name their ends by that id, so two actors with one name stay two elements.

Every node and edge attribute is kept. Where a format holds only single values
(all but JSON), a tuple becomes a ``|``-joined string (``sectors``, ``groups``)
and a missing value (``None``) an empty string; an attribute that mixes types
(``line``: 1, 2 or none) is then written as text in GEXF and GraphML. Graph-level
values that are not single values (the sector name tables) are kept in JSON only.
E-mail and phone are written only with ``include_contacts=True``, from the
dataset's ``actors`` table. Spreadsheet cells (CSV, Kumu) that start with
``= + - @`` are neutralised. Output is deterministic: nodes sorted by id, edges
by their two ends, no time stamp of the day.

Examples
--------
>>> import networkx as nx, tempfile, pathlib
>>> G = nx.Graph(dataset="demo", analysis_date="2024-01-01")
>>> G.add_node("a", name="CPAS", kind="organisation", sectors=("social",), line=1)
>>> G.add_node("b", name="GP", kind="person", sectors=("gp", "social"), line=None)
>>> G.add_edge("a", "b", weight=1.0, origin="tie", groups=())
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> path = export_graph(G, "graphml", folder / "demo.graphml")
>>> sorted(nx.read_graphml(path).nodes(data="sectors"))
[('a', 'social'), ('b', 'gp|social')]
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from collabnet.graph import NODE_ATTRIBUTES
from collabnet.writing import (
    atomic_write_bytes,
    atomic_write_text,
    format_value,
    sheet_cell,
    workbook_bytes,
    write_csv,
)

__all__ = ["FORMATS", "edge_records", "export_graph", "node_records"]

FORMATS = ("gexf", "graphml", "json", "csv", "kumu")
CONTACT_COLUMNS = ("email", "phone")
EDGE_ATTRIBUTES = ("weight", "origin", "ties", "tie_types", "groups")
_ORIGIN_ORDER = ("tie", "co_membership", "affiliation")
# Attribute names GEXF gives a meaning of its own; an actor column with such a name is written as x_<name>.
_GEXF_RESERVED_NODE = frozenset({"id", "label", "pid", "start", "end", "spells", "viz", "parents"})
_GEXF_RESERVED_EDGE = frozenset({"id", "label", "type", "start", "end", "spells", "viz", "key"})


def export_graph(G: nx.Graph, fmt: str, path: str | os.PathLike, *, actors=None,
                 include_contacts: bool = False) -> Path:
    """Write ``G`` in format ``fmt`` to ``path`` (a folder for ``csv``) and return the path written.

    Parameters
    ----------
    G : networkx.Graph
        The actor graph (attributes of DESIGN.md; any others are kept too).
    fmt : {"gexf", "graphml", "json", "csv", "kumu"}
        Output format (see the module docstring).
    path : path-like
        Output file; for ``csv`` the folder that receives ``nodes.csv`` and ``edges.csv``.
    actors : pandas.DataFrame, optional
        The dataset's actors table (columns ``id``, ``email``, ``phone``); needed
        only with ``include_contacts``.
    include_contacts : bool
        Add the actors' ``email`` and ``phone`` (personal data: off by default).

    Returns
    -------
    pathlib.Path

    Raises
    ------
    ValueError
        For an unknown format, or ``include_contacts`` without ``actors``.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    contacts = _contacts(actors) if include_contacts else None
    if include_contacts and contacts is None:
        raise ValueError("include_contacts=True needs the actors table (columns id, email, phone)")
    nodes = node_records(G, contacts=contacts)
    edges = edge_records(G)
    target = Path(path)
    if fmt == "json":
        return atomic_write_text(target, _node_link_json(G, nodes, edges))
    if fmt == "csv":
        target.mkdir(parents=True, exist_ok=True)
        node_columns = ["id", *_columns(nodes, skip=("id",))]
        edge_columns = ["source", "target", *_columns(edges, skip=("source", "target"))]
        write_csv(target / "nodes.csv", node_columns, ([_flat(r.get(c)) for c in node_columns] for r in nodes))
        write_csv(target / "edges.csv", edge_columns, ([_flat(r.get(c)) for c in edge_columns] for r in edges))
        return target
    if fmt == "kumu":
        return atomic_write_bytes(target, _kumu_workbook(G, nodes, edges))
    return atomic_write_text(target, _xml(G, nodes, edges, fmt))


def node_records(G: nx.Graph, *, contacts: dict[str, dict[str, str]] | None = None) -> list[dict[str, Any]]:
    """One dict per node, sorted by id: ``id``, the attributes in a fixed order, then contacts if given.

    E-mail and phone attributes found on nodes are dropped unless ``contacts``
    is given (personal data stays out by default).

    >>> G = nx.Graph(); G.add_node("b", zone="south", name="B", email="x@y"); G.add_node("a", name="A")
    >>> node_records(G)
    [{'id': 'a', 'name': 'A'}, {'id': 'b', 'name': 'B', 'zone': 'south'}]
    """
    keys = set().union(*(data.keys() for _, data in G.nodes(data=True))) - set(CONTACT_COLUMNS) - {"id"}
    order = [k for k in NODE_ATTRIBUTES if k in keys] + sorted(keys - set(NODE_ATTRIBUTES))
    records = []
    for v in sorted(G, key=str):
        data = G.nodes[v]
        record: dict[str, Any] = {"id": str(v)}
        record.update((k, data[k]) for k in order if k in data)
        if contacts is not None:
            found = contacts.get(str(v), {})
            record.update((c, found.get(c, "")) for c in CONTACT_COLUMNS)
        records.append(record)
    return records


def edge_records(G: nx.Graph) -> list[dict[str, Any]]:
    """One dict per edge, sorted: ``source`` < ``target`` (by id), then the attributes in a fixed order.

    >>> G = nx.Graph(); G.add_edge("b", "a", weight=2.0, origin="tie")
    >>> edge_records(G)
    [{'source': 'a', 'target': 'b', 'weight': 2.0, 'origin': 'tie'}]
    """
    keys = set().union(set(), *(data.keys() for *_, data in G.edges(data=True))) - {"source", "target"}
    order = [k for k in EDGE_ATTRIBUTES if k in keys] + sorted(keys - set(EDGE_ATTRIBUTES))
    records = []
    for u, v, data in G.edges(data=True):
        a, b = sorted((str(u), str(v)))
        record: dict[str, Any] = {"source": a, "target": b}
        record.update((k, data[k]) for k in order if k in data)
        records.append(record)
    records.sort(key=lambda r: (r["source"], r["target"]))
    return records


# --------------------------------------------------------------------------- values
def _contacts(actors) -> dict[str, dict[str, str]] | None:
    if actors is None:
        return None
    contacts: dict[str, dict[str, str]] = {}
    for row in actors.to_dict("records"):
        contacts.setdefault(_text(row.get("id")), {c: _text(row.get(c)) for c in CONTACT_COLUMNS})
    return contacts


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _native(value: Any) -> Any:
    """A plain Python value (numpy scalars unwrapped, sets sorted into lists, tuples as lists)."""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            return value.item()
        except (TypeError, ValueError):
            pass
    if isinstance(value, (set, frozenset)):
        return sorted((_native(v) for v in value), key=str)
    if isinstance(value, (tuple, list)):
        return [_native(v) for v in value]
    return value


def _flat(value: Any) -> Any:
    """A single value for a cell: sequences joined with '|', None kept (written as empty)."""
    value = _native(value)
    if isinstance(value, list):
        return "|".join(_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _columns(records: Iterable[dict], skip: tuple[str, ...]) -> list[str]:
    columns: dict[str, None] = {}
    for record in records:
        columns.update((k, None) for k in record if k not in skip)
    return list(columns)


def _typed(records: list[dict], skip: tuple[str, ...]) -> list[dict]:
    """Records whose every column holds one type: a column mixing types or missing values becomes text."""
    columns = _columns(records, skip)
    types: dict[str, set] = {c: set() for c in columns}
    for record in records:
        for c in columns:
            value = _flat(record.get(c))
            types[c].add(type(value))
    typed = []
    for record in records:
        row = {k: record[k] for k in skip}
        for c in columns:
            value = _flat(record.get(c))
            if len(types[c]) > 1 or value is None:
                value = _as_text(value)
            row[c] = value
        typed.append(row)
    return typed


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# --------------------------------------------------------------------------- formats
def _node_link_json(G: nx.Graph, nodes: list[dict], edges: list[dict]) -> str:
    document = {
        "directed": False,
        "multigraph": False,
        "graph": {str(k): _native_deep(v) for k, v in sorted(G.graph.items(), key=lambda kv: str(kv[0]))},
        "nodes": [{k: _native_deep(v) for k, v in record.items()} for record in nodes],
        "edges": [{k: _native_deep(v) for k, v in record.items()} for record in edges],
    }
    return json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def _native_deep(value: Any) -> Any:
    value = _native(value)
    if isinstance(value, dict):
        return {str(k): _native_deep(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, list):
        return [_native_deep(v) for v in value]
    return value


def _xml(G: nx.Graph, nodes: list[dict], edges: list[dict], fmt: str) -> str:
    H = nx.Graph()
    scalars = {str(k): v for k, v in sorted(G.graph.items(), key=lambda kv: str(kv[0]))
               if isinstance(_native(v), (str, int, float, bool))}
    H.graph.update(scalars)
    gexf = fmt == "gexf"
    for record in _typed(nodes, skip=("id",)):
        node_id = record.pop("id")
        if gexf:
            record = {(f"x_{k}" if k in _GEXF_RESERVED_NODE else k): v for k, v in record.items()}
        if "label" not in record:
            record["label"] = str(record.get("name") or node_id)
        H.add_node(node_id, **record)
    for record in _typed(edges, skip=("source", "target")):
        source, target = record.pop("source"), record.pop("target")
        if gexf:
            record = {(f"x_{k}" if k in _GEXF_RESERVED_EDGE else k): v for k, v in record.items()}
        H.add_edge(source, target, **record)
    if gexf:
        H.graph = {"name": str(G.graph.get("dataset", ""))} if G.graph.get("dataset") else {}
        text = "\n".join(nx.generate_gexf(H))
        # The writer stamps today's date; use the analysis date so that the file depends on the data only.
        date = str(G.graph.get("analysis_date") or "")
        replacement = f' lastmodifieddate="{date}"' if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else ""
        text = re.sub(r' lastmodifieddate="[^"]*"', replacement, text, count=1)
    else:
        text = "\n".join(nx.generate_graphml(H))
    return '<?xml version="1.0" encoding="utf-8"?>\n' + text + "\n"


def _kumu_workbook(G: nx.Graph, nodes: list[dict], edges: list[dict]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    elements = book.active
    elements.title = "Elements"
    skip_node = ("id", "name", "kind", "sectors", "description")
    attributes = _columns(nodes, skip=skip_node)
    elements.append(["ID", "Label", "Type", "Description", "Tags", *attributes])
    for record in nodes:
        elements.append([_cell(v) for v in (
            record["id"], record.get("name") or record["id"], record.get("kind"), record.get("description"),
            _flat(record.get("sectors")), *(_flat(record.get(c)) for c in attributes))])

    connections = book.create_sheet("Connections")
    edge_attributes = _columns(edges, skip=("source", "target"))
    connections.append(["From", "To", "Type", "Direction", *edge_attributes])
    for record in edges:
        origins = str(record.get("origin") or "").split("|")
        kind = next((o for o in _ORIGIN_ORDER if o in origins), origins[0] if origins[0] else None)
        connections.append([_cell(v) for v in (
            record["source"], record["target"], kind, "undirected",
            *(_flat(record.get(c)) for c in edge_attributes))])
    for sheet in (elements, connections):
        sheet.freeze_panes = "A2"
    return workbook_bytes(book)


def _cell(value: Any) -> Any:
    """A spreadsheet cell: text neutralised (no formula) and stripped of characters XML cannot hold."""
    value = _flat(value)
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        return sheet_cell(value)
    if isinstance(value, float):
        return round(value, 6)
    return value if isinstance(value, (int, float, bool)) else format_value(value)

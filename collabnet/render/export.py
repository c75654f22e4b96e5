"""Export the actor graph for other tools: Gephi, Cytoscape, Kumu, igraph, spreadsheets, scripts.

Formats
-------
``gexf``       GEXF 1.3 (what Gephi 0.10 writes), valid against the official schema;
               networkx reads GEXF 1.3 from version 3.6 on (3.3 to 3.5 know only the
               drafts 1.1 and 1.2): with those, read the GraphML or JSON export.
``graphml``    GraphML 1.0, valid against the official schema; read by Gephi, Cytoscape,
               yEd, igraph and networkx.
``json``       networkx node-link JSON, values kept as JSON lists and ``null``. The edge
               list is written under ``edges`` (the default key of networkx >= 3.4) and
               again under ``links`` (the default of networkx 3.3 and of d3), so
               ``node_link_graph(data)`` reads it with every networkx collabnet allows.
``cytoscape``  Cytoscape.js elements JSON (``{"elements": {"nodes": [{"data": …}],
               "edges": [{"data": …}]}}``), which Cytoscape desktop imports too; ``name``
               is the display name (Cytoscape's default label), ``value`` the id (what
               ``networkx.cytoscape_graph`` keys nodes by).
``csv``        a dataset folder: ``actors.csv`` in the columns of the input contract
               (``sector`` lists every sector, main first), and, when the dataset's
               tables are given, the ``ties``, ``memberships`` and ``groups`` rows active on
               the analysis date among the exported actors and the ``sectors`` taxonomy,
               so that collabnet reads the folder back as a dataset; plus ``edges.csv``
               (the graph's edges with every attribute, for spreadsheets and Gephi).
``kumu``       an ``.xlsx`` workbook with the sheets Kumu imports: ``Elements`` (``ID``,
               ``Label``, ``Type``, ``Description``, ``Tags`` + attributes) and
               ``Connections`` (``ID``, ``From``, ``To``, ``Type``, ``Direction`` +
               attributes). Types, tags and descriptions are in ``lang``.

Identity and names. Every format keys a node by the actor id. In GEXF and GraphML the
display name is ``label`` and ``name`` is the id, because igraph keys vertices by
``name`` and display names need not be unique. Every edge has a stable id
(:func:`connection_id`, from its two ends and its kind), so that re-importing an
updated export into Kumu or Gephi updates connections instead of duplicating them.

Values. GEXF and GraphML attributes are typed per column: integers (``line``, ``ties``)
stay integers, numbers doubles, flags booleans, everything else text, with lists joined
``a|b``; a missing value (``None``, ``""``, an empty list) is absent, never ``""``. E-mail
and phone are written only with ``include_contacts=True``, from the dataset's ``actors``
table. Spreadsheet cells (CSV, Kumu) that start with ``= + - @`` are neutralised. Output
is deterministic: nodes sorted by id, edges by their two ends, no time stamp of the day.

Examples
--------
>>> import networkx as nx, tempfile, pathlib
>>> G = nx.Graph(dataset="demo", analysis_date="2024-01-01")
>>> G.add_node("a", name="CPAS", kind="organisation", sectors=("social",), line=1)
>>> G.add_node("b", name="GP", kind="person", sectors=("gp", "social"), line=None)
>>> G.add_edge("a", "b", weight=1.0, origin="tie", groups=())
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> H = nx.read_graphml(export_graph(G, "graphml", folder / "demo.graphml"))
>>> sorted(H.nodes(data="sectors")), H.nodes["a"]["line"], "line" in H.nodes["b"]
([('a', 'social'), ('b', 'gp|social')], 1, False)
>>> H.nodes["a"]["name"], H.nodes["a"]["label"]
('a', 'CPAS')
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

import networkx as nx

from collabnet.graph import NODE_ATTRIBUTES, active
from collabnet.writing import atomic_write_bytes, atomic_write_text, sheet_cell, write_csv, xlsx_bytes

__all__ = ["FORMATS", "connection_id", "edge_kind", "edge_records", "export_graph", "node_records"]

FORMATS = ("gexf", "graphml", "json", "cytoscape", "csv", "kumu")
CONTACT_COLUMNS = ("email", "phone")
EDGE_ATTRIBUTES = ("weight", "origin", "ties", "tie_types", "groups")
_ORIGIN_ORDER = ("tie", "co_membership", "affiliation")
#: Columns of the input contract's actors table, in its order; ``sector`` holds every sector.
ACTOR_COLUMNS = ("id", "name", "kind", "sector", "line", "zone", "municipality", "organisation", "language",
                 "neighbourhood")
# Node attributes the reader derives again from the taxonomy (not written to actors.csv).
_DERIVED = ("sectors", "family")
# Dataset tables written next to actors.csv: name -> actor columns of its rows.
_LINKED_TABLES = {"ties": ("source", "target"), "memberships": ("actor",)}
_INT32 = range(-(2**31), 2**31)


def export_graph(G: nx.Graph, fmt: str, path: str | os.PathLike, *, actors=None, include_contacts: bool = False,
                 lang: str = "en", tables: Mapping[str, Any] | None = None) -> Path:
    """Write ``G`` in format ``fmt`` to ``path`` (a folder for ``csv``) and return the path written.

    Parameters
    ----------
    G : networkx.Graph
        The actor graph (attributes of :mod:`collabnet.graph`; any others are kept too).
    fmt : {"gexf", "graphml", "json", "cytoscape", "csv", "kumu"}
        Output format (see the module docstring).
    path : path-like
        Output file; for ``csv`` the folder that receives the CSV files.
    actors : pandas.DataFrame, optional
        The dataset's actors table (columns ``id``, ``email``, ``phone``); needed
        only with ``include_contacts``.
    include_contacts : bool
        Add the actors' ``email`` and ``phone`` (personal data: off by default).
    lang : {"nl", "fr", "en"}
        Language of Kumu's types, tags and descriptions.
    tables : mapping, optional
        The dataset's validated tables (``ties``, ``memberships``, ``groups``,
        ``sectors``); with them ``csv`` writes a complete dataset.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    ValueError
        For an unknown format or language, or ``include_contacts`` without ``actors``.
    """
    from collabnet.words import check_language

    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    lang = check_language(lang)
    contacts = _contacts(actors) if include_contacts else None
    if include_contacts and contacts is None:
        raise ValueError("include_contacts=True needs the actors table (columns id, email, phone)")
    nodes = node_records(G, contacts=contacts)
    edges = edge_records(G)
    target = Path(path)
    if fmt == "csv":
        return _dataset_folder(G, nodes, edges, target, tables or {})
    if fmt == "kumu":
        return atomic_write_bytes(target, _kumu_workbook(G, nodes, edges, lang))
    writers = {"gexf": _gexf, "graphml": _graphml, "json": _node_link_json, "cytoscape": _cytoscape_json}
    return atomic_write_text(target, writers[fmt](G, nodes, edges))


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


def edge_kind(origin: Any) -> str | None:
    """The one kind that names an edge: a direct tie first, then co-membership, then affiliation.

    >>> edge_kind("co_membership|tie"), edge_kind("affiliation"), edge_kind(None)
    ('tie', 'affiliation', None)
    """
    origins = str(origin or "").split("|")
    return next((o for o in _ORIGIN_ORDER if o in origins), origins[0] or None)


def connection_id(source: str, target: str, kind: str | None) -> str:
    """A stable id for the edge ``source``–``target`` of ``kind``: the same edge gets the same id in every export.

    Made from the two ends (in either order) and the kind, so it does not depend
    on the language, the order of the rows or the other edges.

    >>> connection_id("o1", "p1", "tie") == connection_id("p1", "o1", "tie")
    True
    >>> connection_id("o1", "p1", "tie")
    'c-32dc3dc99038fe2a'
    """
    a, b = sorted((str(source), str(target)))
    digest = hashlib.sha256("\x1f".join((a, b, kind or "")).encode("utf-8")).hexdigest()
    return f"c-{digest[:16]}"


# --------------------------------------------------------------------------- values
def _contacts(actors) -> dict[str, dict[str, str]] | None:
    if actors is None:
        return None
    contacts: dict[str, dict[str, str]] = {}
    for row in actors.to_dict("records"):
        contacts.setdefault(_text(row.get("id")), {c: _text(row.get(c)) for c in CONTACT_COLUMNS})
    return contacts


def _text(value: Any) -> str:
    """Text of one cell value: ``None`` and NaN empty, booleans ``true`` / ``false``, lists ``a|b``."""
    value = _native(value)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "|".join(_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _flat(value: Any) -> Any:
    """One CSV cell: lists joined with ``|``, numbers and ``None`` left to the contract's cell format."""
    value = _native(value)
    return _text(value) if isinstance(value, (list, dict)) else value


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
    if isinstance(value, dict):
        return {str(k): _native(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    return value


def _record(record: dict) -> dict:
    """A record with plain values, its columns in their order (nested tables are sorted by :func:`_native`)."""
    return {k: _native(v) for k, v in record.items()}


def _missing(value: Any) -> bool:
    return value is None or value == "" or value == [] or (isinstance(value, float) and math.isnan(value))


def _columns(records: Iterable[dict], skip: tuple[str, ...]) -> list[str]:
    columns: dict[str, None] = {}
    for record in records:
        columns.update((k, None) for k in record if k not in skip)
    return list(columns)


def _column_type(values: list[Any]) -> str:
    """``boolean``, ``integer``, ``long``, ``double`` or ``string``: one type for every value of a column.

    >>> _column_type([1, 2]), _column_type([1, 2.5]), _column_type([True]), _column_type([1, "a"])
    ('integer', 'double', 'boolean', 'string')
    """
    if values and all(isinstance(v, bool) for v in values):
        return "boolean"
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "integer" if all(v in _INT32 for v in values) else "long"
    if values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return "double"
    return "string"


def _typed_columns(records: list[dict], skip: tuple[str, ...]) -> list[tuple[str, str]]:
    """``(column, type)`` for every column holding at least one value."""
    columns = []
    for column in _columns(records, skip):
        values = [v for v in (_native(r.get(column)) for r in records) if not _missing(v)]
        if values:
            columns.append((column, _column_type(values)))
    return columns


def _xml_value(value: Any, kind: str) -> str:
    """The text of one typed value (floats in their shortest round-trip form)."""
    if kind == "double":
        return repr(float(value))
    return _text(value)


# --------------------------------------------------------------------------- JSON formats
def _node_link_json(G: nx.Graph, nodes: list[dict], edges: list[dict]) -> str:
    links = [_record(record) for record in edges]
    document = {
        "directed": False,
        "multigraph": False,
        "graph": _native(dict(G.graph)),
        "nodes": [_record(record) for record in nodes],
        "edges": links,
        "links": links,
    }
    return json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def _cytoscape_json(G: nx.Graph, nodes: list[dict], edges: list[dict]) -> str:
    def data(record: dict, first: dict) -> dict:
        values = {k: v for k, v in _record(record).items() if not _missing(v)}
        return {"data": {**first, **values}}

    document = {
        "format_version": "1.0",
        "generated_by": "collabnet",
        "target_cytoscapejs_version": "~3",
        "data": {k: v for k, v in _native(dict(G.graph)).items() if isinstance(v, (str, int, float, bool))},
        "elements": {
            "nodes": [data(r, {"id": r["id"], "value": r["id"], "name": r.get("name") or r["id"]}) for r in nodes],
            "edges": [data(r, {"id": connection_id(r["source"], r["target"], edge_kind(r.get("origin")))})
                      for r in edges],
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


# --------------------------------------------------------------------------- XML formats
def _xml_nodes(nodes: list[dict]) -> list[dict]:
    """Node records for GEXF and GraphML: ``name`` is the id (unique), the display name is ``label``."""
    out = []
    for record in nodes:
        rest = {(f"x_{k}" if k == "label" else k): v for k, v in record.items() if k not in ("id", "name")}
        out.append({"id": record["id"], "name": record["id"], "label": record.get("name") or record["id"], **rest})
    return out


def _xml_edges(edges: list[dict]) -> list[dict]:
    return [{"id": connection_id(r["source"], r["target"], edge_kind(r.get("origin"))),
             **{(f"x_{k}" if k in ("id", "label") else k): v for k, v in r.items()}} for r in edges]


def _gexf(G: nx.Graph, nodes: list[dict], edges: list[dict]) -> str:
    from collabnet import __version__

    nodes, edges = _xml_nodes(nodes), _xml_edges(edges)
    node_columns = _typed_columns(nodes, skip=("id", "label"))
    edge_columns = _typed_columns(edges, skip=("id", "source", "target", "weight"))
    date = str(G.graph.get("analysis_date") or "")
    meta = f" lastmodifieddate={_attr(date)}" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else ""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
             ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
             f"  <meta{meta}>", f"    <creator>collabnet {_escape(__version__)}</creator>"]
    if G.graph.get("dataset"):
        lines.append(f"    <description>{_escape(str(G.graph['dataset']))}</description>")
    lines += ["  </meta>", '  <graph defaultedgetype="undirected" mode="static">']
    for cls, columns in (("node", node_columns), ("edge", edge_columns)):
        lines.append(f'    <attributes class="{cls}" mode="static">')
        lines += [f'      <attribute id="{i}" title={_attr(c)} type="{t}"/>' for i, (c, t) in enumerate(columns)]
        lines.append("    </attributes>")

    def attvalues(record: dict, columns: list[tuple[str, str]], indent: str) -> list[str]:
        values = [(i, _native(record.get(c)), t) for i, (c, t) in enumerate(columns)]
        found = [f'{indent}  <attvalue for="{i}" value={_attr(_xml_value(v, t))}/>'
                 for i, v, t in values if not _missing(v)]
        return [f"{indent}<attvalues>", *found, f"{indent}</attvalues>"] if found else []

    lines.append(f'    <nodes count="{len(nodes)}">')
    for record in nodes:
        lines.append(f'      <node id={_attr(record["id"])} label={_attr(_text(record["label"]))}>')
        lines += attvalues(record, node_columns, "        ")
        lines.append("      </node>")
    lines += ["    </nodes>", f'    <edges count="{len(edges)}">']
    for record in edges:
        weight = _native(record.get("weight"))
        weight = f' weight="{float(weight)!r}"' if isinstance(weight, (int, float)) else ""
        lines.append(f'      <edge id="{record["id"]}" source={_attr(record["source"])} '
                     f'target={_attr(record["target"])}{weight}>')
        lines += attvalues(record, edge_columns, "        ")
        lines.append("      </edge>")
    lines += ["    </edges>", "  </graph>", "</gexf>"]
    return "\n".join(lines) + "\n"


# XML 1.0 (fifth edition) NameChar: what xs:NMTOKEN allows, character by character.
_NMTOKEN_CHAR = re.compile("[:A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff"
                           "\u200c\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
                           "\U00010000-\U000effff.0-9\u00b7\u0300-\u036f\u203f\u2040-]")


def _nmtoken(text: str) -> str:
    """``text`` as an XML NMTOKEN (GraphML ids and attribute names), one character escaped as ``_xHHHH_``.

    The escape is the one of .NET's ``XmlConvert.EncodeNmToken``: reversible,
    and an existing ``_x`` is escaped too, so two different texts never meet.

    >>> _nmtoken("o1"), _nmtoken("CPAS Forest"), _nmtoken("a_x0020_b")
    ('o1', 'CPAS_x0020_Forest', 'a_x005F_x0020_b')
    """
    out = []
    for i, char in enumerate(text):
        if char == "_" and re.match(r"_x[0-9A-Fa-f]{4}_", text[i:]):
            out.append("_x005F_")
        elif _NMTOKEN_CHAR.fullmatch(char):
            out.append(char)
        else:
            out.append("".join(f"_x{unit:04X}_" for unit in _utf16(char)))
    return "".join(out) or "_x0000_"


def _utf16(char: str) -> list[int]:
    data = char.encode("utf-16-be")
    return [int.from_bytes(data[i:i + 2], "big") for i in range(0, len(data), 2)]


_GRAPHML_TYPES = {"integer": "int", "long": "long", "double": "double", "boolean": "boolean", "string": "string"}


def _graphml(G: nx.Graph, nodes: list[dict], edges: list[dict]) -> str:
    nodes, edges = _xml_nodes(nodes), _xml_edges(edges)
    graph_values = {k: v for k, v in _native(dict(G.graph)).items()
                    if isinstance(v, (str, int, float, bool)) and not _missing(v)}
    keys: list[tuple[str, str, str]] = []  # (for, attribute name, type)
    keys += [("graph", c, _column_type([v])) for c, v in graph_values.items()]
    keys += [("node", c, t) for c, t in _typed_columns(nodes, skip=("id",))]
    keys += [("edge", c, t) for c, t in _typed_columns(edges, skip=("id", "source", "target"))]
    key_id = {(domain, c): f"d{i}" for i, (domain, c, _) in enumerate(keys)}
    types = {(domain, c): t for domain, c, t in keys}
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"'
             ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
             ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns'
             ' http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">']
    lines += [f'  <key id="{key_id[d, c]}" for="{d}" attr.name="{_nmtoken(c)}" attr.type="{_GRAPHML_TYPES[t]}"/>'
              for d, c, t in keys]
    lines.append('  <graph edgedefault="undirected">')

    def data(domain: str, record: dict, indent: str) -> list[str]:
        out = []
        for column, value in record.items():
            value = _native(value)
            if (domain, column) in key_id and not _missing(value):
                text = _escape(_xml_value(value, types[domain, column]))
                out.append(f'{indent}<data key="{key_id[domain, column]}">{text}</data>')
        return out

    lines += data("graph", graph_values, "    ")
    for record in nodes:
        lines.append(f'    <node id="{_nmtoken(record["id"])}">')
        lines += data("node", record, "      ")
        lines.append("    </node>")
    for record in edges:
        lines.append(f'    <edge id="{record["id"]}" source="{_nmtoken(record["source"])}" '
                     f'target="{_nmtoken(record["target"])}">')
        lines += data("edge", record, "      ")
        lines.append("    </edge>")
    lines += ["  </graph>", "</graphml>"]
    return "\n".join(lines) + "\n"


_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _escape(text: str) -> str:
    """Element text: markup escaped, characters XML 1.0 cannot hold dropped."""
    return _XML_ILLEGAL.sub("", text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(text: str) -> str:
    """An XML attribute value in quotes, markup escaped, characters XML 1.0 cannot hold dropped."""
    return quoteattr(_XML_ILLEGAL.sub("", text))


# --------------------------------------------------------------------------- dataset folder (csv)
def _dataset_folder(G: nx.Graph, nodes: list[dict], edges: list[dict], target: Path,
                    tables: Mapping[str, Any]) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    exported = {record["id"] for record in nodes}
    extras = [c for c in _columns(nodes, skip=(*ACTOR_COLUMNS, *_DERIVED, *CONTACT_COLUMNS))]
    contacts = [c for c in CONTACT_COLUMNS if any(c in record for record in nodes)]
    columns = [*ACTOR_COLUMNS, *extras, *contacts]

    def actor_row(record: dict) -> list[str]:
        row = dict(record, sector=_flat(record.get("sectors")) or record.get("sector"))
        if row.get("organisation") not in exported:  # an employer outside the export (another zone)
            row["organisation"] = None
        return [_flat(row.get(c)) for c in columns]

    write_csv(target / "actors.csv", columns, (actor_row(r) for r in nodes))
    edge_columns = ["source", "target", *_columns(edges, skip=("source", "target"))]
    write_csv(target / "edges.csv", edge_columns, ([_flat(r.get(c)) for c in edge_columns] for r in edges))
    at = str(G.graph.get("analysis_date") or "")
    used_groups: set[str] = set()
    for name, actor_columns in _LINKED_TABLES.items():
        frame = tables.get(name)
        if frame is None:
            continue
        keep = frame[frame[list(actor_columns)].isin(exported).all(axis=1)]
        if at and len(keep):
            import datetime as dt

            keep = keep[active(keep, dt.date.fromisoformat(at))]
        if name == "memberships":
            used_groups = set(keep["group"])
        _write_table(target / f"{name}.csv", keep)
    groups = tables.get("groups")
    if groups is not None and "memberships" in tables:
        _write_table(target / "groups.csv", groups[groups["id"].isin(used_groups)])
    if tables.get("sectors") is not None:
        _write_table(target / "sectors.csv", tables["sectors"])
    return target


def _write_table(path: Path, frame) -> None:
    """A validated table as contract CSV: its columns without the reader's ``row``, rows in file order."""
    columns = [c for c in frame.columns if c != "row"]
    write_csv(path, columns, ([_flat(v) for v in row] for row in frame[columns].itertuples(index=False)))


# --------------------------------------------------------------------------- Kumu
def _kumu_workbook(G: nx.Graph, nodes: list[dict], edges: list[dict], lang: str) -> bytes:
    from collabnet.words import t

    sector_names = (G.graph.get("sector_names") or {}).get(lang, {})
    zone_names = (G.graph.get("zone_names") or {}).get(lang, {})

    def sectors(record: dict) -> list[str]:
        codes = _native(record.get("sectors")) or ([record["sector"]] if record.get("sector") else [])
        return [_kumu_word(sector_names.get(code, code)) for code in codes]

    def description(record: dict) -> str:
        """``Sectors: Medical care, Mental health · Line: 1st line · Zone: South``, in ``lang``."""
        line = record.get("line")
        facts = [("field.sectors", ", ".join(sectors(record))),
                 ("field.line", t(f"line.{line}" if line in (0, 1, 2, 3) else "line.none", lang)),
                 ("field.zone", zone_names.get(record.get("zone"), record.get("zone")))]
        return " · ".join(t("export.fact", lang, field=t(field, lang), value=value) for field, value in facts if value)

    def kind_word(kind: Any) -> Any:
        return _kumu_word(t(f"kind.{kind}", lang)) if kind in ("organisation", "person") else kind

    element_columns = _columns(nodes, skip=("id", "name", "kind", "sectors", "description"))
    connection_columns = _columns(edges, skip=("source", "target"))

    def build(book) -> None:
        elements = book.add_worksheet("Elements")
        _sheet_row(elements, 0, ["ID", "Label", "Type", "Description", "Tags", *element_columns])
        for row, record in enumerate(nodes, start=1):
            _sheet_row(elements, row, [record["id"], record.get("name") or record["id"], kind_word(record.get("kind")),
                                       description(record), "|".join(sectors(record)),
                                       *(record.get(c) for c in element_columns)])
        connections = book.add_worksheet("Connections")
        _sheet_row(connections, 0, ["ID", "From", "To", "Type", "Direction", *connection_columns])
        for row, record in enumerate(edges, start=1):
            kind = edge_kind(record.get("origin"))
            word = _kumu_word(t(f"origin.{kind}", lang)) if kind in _ORIGIN_ORDER else kind
            _sheet_row(connections, row, [connection_id(record["source"], record["target"], kind), record["source"],
                                          record["target"], word, "undirected",
                                          *(record.get(c) for c in connection_columns)])
        for sheet in (elements, connections):
            sheet.freeze_panes(1, 0)

    return xlsx_bytes(build)


def _kumu_word(text: Any) -> Any:
    """A Kumu type or tag: Kumu advises against ``_`` in them (``mental_health`` -> ``mental health``)."""
    return text.replace("_", " ") if isinstance(text, str) else text


def _sheet_row(sheet, row: int, values: list[Any]) -> None:
    """One workbook row: numbers as numbers, text as neutralised text (never a formula), missing values empty."""
    for column, value in enumerate(values):
        value = _native(value)
        if _missing(value):
            continue
        if isinstance(value, bool):
            sheet.write_boolean(row, column, value)
        elif isinstance(value, (int, float)):
            sheet.write_number(row, column, round(value, 6) if isinstance(value, float) else value)
        else:
            sheet.write_string(row, column, sheet_cell(_text(value)))

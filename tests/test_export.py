"""Graph exports: every format reads back with the same nodes, edges and attributes; contacts only on request."""

import csv
import json
import zipfile

import networkx as nx
import openpyxl
import pandas as pd
import pytest

from collabnet.render.export import FORMATS, export_graph


def small_graph():
    """Three actors: an organisation, its person, and an outsider whose name is a formula."""
    G = nx.Graph(dataset="demo", analysis_date="2024-03-01", sector_names={"en": {"gp": "General practice"}})
    G.add_node("o1", name="CPAS Forest", kind="organisation", sectors=("social_assistance",),
               sector="social_assistance", family="welfare", line=1, zone="south", language="fr",
               organisation=None, municipality="Forest", neighbourhood=None, website="cpas.example")
    G.add_node("p1", name="Ça & Cie \"test\"", kind="person", sectors=("gp", "mental_health"), sector="gp",
               family="health", line=None, zone="south", language=None, organisation="o1", municipality=None,
               neighbourhood=None, website="")
    G.add_node("x9", name="=HYPERLINK(\"http://evil\")", kind="organisation", sectors=("gp",), sector="gp",
               family="health", line=2, zone="north", language="nl", organisation=None, municipality=None,
               neighbourhood="Marollen", website="")
    G.add_edge("p1", "o1", weight=1.0, origin="affiliation", ties=0, tie_types="", groups=())
    G.add_edge("x9", "p1", weight=2.5, origin="co_membership|tie", ties=1, tie_types="referral", groups=("g1", "g2"))
    return G


ACTORS = pd.DataFrame([
    dict(id="o1", name="CPAS Forest", email="info@cpas.example", phone="022222222"),
    dict(id="p1", name="Ça", email="ca@example.org", phone="+32475000000"),
    dict(id="x9", name="X", email="", phone=""),
])

# What GEXF and GraphML hold: tuples '|'-joined, None as '', a column mixing int and None as text.
FLAT_NODES = {
    "o1": dict(name="CPAS Forest", kind="organisation", sectors="social_assistance", sector="social_assistance",
               family="welfare", line="1", zone="south", language="fr", organisation="", municipality="Forest",
               neighbourhood="", website="cpas.example"),
    "p1": dict(name="Ça & Cie \"test\"", kind="person", sectors="gp|mental_health", sector="gp", family="health",
               line="", zone="south", language="", organisation="o1", municipality="", neighbourhood="",
               website=""),
    "x9": dict(name="=HYPERLINK(\"http://evil\")", kind="organisation", sectors="gp", sector="gp",
               family="health", line="2", zone="north", language="nl", organisation="", municipality="",
               neighbourhood="Marollen", website=""),
}
FLAT_EDGES = {
    ("o1", "p1"): dict(weight=1.0, origin="affiliation", ties=0, tie_types="", groups=""),
    ("p1", "x9"): dict(weight=2.5, origin="co_membership|tie", ties=1, tie_types="referral", groups="g1|g2"),
}


SUFFIX = {"kumu": "xlsx", "csv": "d"}


def edges_of(H, drop=()):
    return {tuple(sorted((u, v))): {k: x for k, x in d.items() if k not in drop} for u, v, d in H.edges(data=True)}


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_xml_formats_read_back_with_the_same_nodes_edges_and_attributes(tmp_path, fmt):
    path = export_graph(small_graph(), fmt, tmp_path / f"g.{fmt}")
    H = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
    assert {v: {k: x for k, x in d.items() if k != "label"} for v, d in H.nodes(data=True)} == FLAT_NODES
    assert {v: d["label"] for v, d in H.nodes(data=True)} == {v: d["name"] for v, d in FLAT_NODES.items()}
    assert edges_of(H, drop=("id",)) == FLAT_EDGES


def test_graphml_keeps_the_scalar_graph_attributes(tmp_path):
    H = nx.read_graphml(export_graph(small_graph(), "graphml", tmp_path / "g.graphml"))
    assert {k: H.graph[k] for k in ("dataset", "analysis_date")} == {"dataset": "demo", "analysis_date": "2024-03-01"}
    assert "sector_names" not in H.graph  # a nested table: kept in JSON only


def test_gexf_is_stamped_with_the_analysis_date_not_today(tmp_path):
    text = export_graph(small_graph(), "gexf", tmp_path / "g.gexf").read_text(encoding="utf-8")
    assert 'lastmodifieddate="2024-03-01"' in text


def test_json_is_node_link_with_native_values(tmp_path):
    path = export_graph(small_graph(), "json", tmp_path / "g.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["graph"]["dataset"] == "demo" and document["graph"]["sector_names"]["en"]["gp"]
    p1 = next(n for n in document["nodes"] if n["id"] == "p1")
    assert p1["sectors"] == ["gp", "mental_health"] and p1["line"] is None
    H = nx.node_link_graph(document, edges="edges")
    assert sorted(H.nodes) == ["o1", "p1", "x9"]
    assert H.edges["x9", "p1"]["groups"] == ["g1", "g2"] and H.edges["x9", "p1"]["weight"] == 2.5


def test_csv_folder_has_nodes_and_edges_with_formulas_neutralised(tmp_path):
    folder = export_graph(small_graph(), "csv", tmp_path / "csv")
    with open(folder / "nodes.csv", encoding="utf-8", newline="") as handle:
        nodes = list(csv.DictReader(handle))
    with open(folder / "edges.csv", encoding="utf-8", newline="") as handle:
        edges = list(csv.DictReader(handle))
    assert [n["id"] for n in nodes] == ["o1", "p1", "x9"]
    assert list(nodes[0])[:3] == ["id", "name", "kind"]
    assert nodes[1]["sectors"] == "gp|mental_health" and nodes[1]["line"] == ""
    assert nodes[2]["name"] == "'=HYPERLINK(\"http://evil\")"
    assert [(e["source"], e["target"], e["weight"], e["groups"]) for e in edges] == [
        ("o1", "p1", "1", ""), ("p1", "x9", "2.5", "g1|g2")]


def test_kumu_workbook_has_the_sheets_and_columns_kumu_imports(tmp_path):
    path = export_graph(small_graph(), "kumu", tmp_path / "kumu.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Elements", "Connections"]
    elements = [list(r) for r in book["Elements"].iter_rows(values_only=True)]
    connections = [list(r) for r in book["Connections"].iter_rows(values_only=True)]
    assert elements[0][:5] == ["ID", "Label", "Type", "Description", "Tags"]
    assert {"sector", "family", "line", "zone", "language", "organisation", "website"} <= set(elements[0])
    assert connections[0][:4] == ["From", "To", "Type", "Direction"]
    assert {"weight", "origin", "ties", "tie_types", "groups"} <= set(connections[0])
    rows = {r[0]: dict(zip(elements[0], r)) for r in elements[1:]}
    assert rows["p1"]["Label"] == "Ça & Cie \"test\"" and rows["p1"]["Tags"] == "gp|mental_health"
    assert rows["p1"]["Type"] == "person" and rows["o1"]["line"] == 1
    assert rows["x9"]["Label"] == "'=HYPERLINK(\"http://evil\")"  # text, not a formula
    links = [dict(zip(connections[0], r)) for r in connections[1:]]
    assert [(c["From"], c["To"], c["Type"]) for c in links] == [("o1", "p1", "affiliation"), ("p1", "x9", "tie")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_contacts_are_absent_by_default_and_present_on_request(tmp_path, fmt):
    G = small_graph()
    G.nodes["p1"]["email"] = "leaked@example.org"  # must not leak even if a caller left it on a node
    suffix = SUFFIX.get(fmt, fmt)
    plain = export_graph(G, fmt, tmp_path / f"plain.{suffix}")
    with_contacts = export_graph(G, fmt, tmp_path / f"contacts.{suffix}", actors=ACTORS, include_contacts=True)
    assert "ca@example.org" not in _all_text(plain) and "leaked@example.org" not in _all_text(plain)
    assert "+32475000000" not in _all_text(plain) and "email" not in _all_text(plain)
    text = _all_text(with_contacts)
    assert "ca@example.org" in text and "info@cpas.example" in text and "leaked" not in text
    assert "+32475000000" in text  # as text (neutralised with ' in spreadsheets), never a number


def test_include_contacts_needs_the_actors_table(tmp_path):
    with pytest.raises(ValueError, match="actors table"):
        export_graph(small_graph(), "csv", tmp_path / "x", include_contacts=True)


def test_unknown_format_is_refused_with_the_choices(tmp_path):
    with pytest.raises(ValueError, match="gexf, graphml, json, csv, kumu"):
        export_graph(small_graph(), "dot", tmp_path / "x.dot")


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_graph_gives_byte_identical_files(tmp_path, fmt):
    G = small_graph()
    # The same graph built in another order must give the same bytes.
    H = nx.Graph()
    H.graph.update(G.graph)
    H.add_nodes_from(sorted(G.nodes(data=True), reverse=True))
    H.add_edges_from((v, u, d) for u, v, d in reversed(list(G.edges(data=True))))
    first = export_graph(G, fmt, tmp_path / f"a.{SUFFIX.get(fmt, fmt)}")
    second = export_graph(H, fmt, tmp_path / f"b.{SUFFIX.get(fmt, fmt)}")
    assert _all_bytes(first) == _all_bytes(second)


def _all_bytes(path):
    if path.is_dir():
        return {p.name: p.read_bytes() for p in sorted(path.iterdir())}
    return path.read_bytes()


def _all_text(path):
    """Text content of a file, a CSV folder or an .xlsx workbook."""
    if path.is_dir():
        return "".join(p.read_text(encoding="utf-8") for p in sorted(path.iterdir()))
    if zipfile.is_zipfile(path):
        book = openpyxl.load_workbook(path)
        return "\n".join(str(c) for s in book.worksheets for r in s.iter_rows(values_only=True) for c in r)
    return path.read_text(encoding="utf-8")

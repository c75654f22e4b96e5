"""Graph exports: every format reads back with the same nodes, edges and attributes; contacts only on request."""

import csv
import json
import zipfile

import networkx as nx
import openpyxl
import pandas as pd
import pytest

from collabnet.render.export import FORMATS, connection_id, export_graph


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

# What GEXF and GraphML hold: `name` is the id, the display name is `label`, tuples '|'-joined,
# integers stay integers, and a missing value (None, '', an empty tuple) is absent.
FLAT_NODES = {
    "o1": dict(name="o1", label="CPAS Forest", kind="organisation", sectors="social_assistance",
               sector="social_assistance", family="welfare", line=1, zone="south", language="fr",
               municipality="Forest", website="cpas.example"),
    "p1": dict(name="p1", label="Ça & Cie \"test\"", kind="person", sectors="gp|mental_health", sector="gp",
               family="health", zone="south", organisation="o1"),
    "x9": dict(name="x9", label="=HYPERLINK(\"http://evil\")", kind="organisation", sectors="gp", sector="gp",
               family="health", line=2, zone="north", language="nl", neighbourhood="Marollen"),
}
FLAT_EDGES = {
    ("o1", "p1"): dict(weight=1.0, origin="affiliation", ties=0),
    ("p1", "x9"): dict(weight=2.5, origin="co_membership|tie", ties=1, tie_types="referral", groups="g1|g2"),
}


SUFFIX = {"kumu": "xlsx", "csv": "d", "cytoscape": "cyjs"}


def edges_of(H, drop=()):
    return {tuple(sorted((u, v))): {k: x for k, x in d.items() if k not in drop} for u, v, d in H.edges(data=True)}


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_xml_formats_read_back_with_typed_attributes_and_missing_values_absent(tmp_path, fmt):
    path = export_graph(small_graph(), fmt, tmp_path / f"g.{fmt}")
    H = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
    assert dict(H.nodes(data=True)) == FLAT_NODES
    assert edges_of(H, drop=("id",)) == FLAT_EDGES


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_xml_edges_carry_the_stable_connection_id(tmp_path, fmt):
    text = export_graph(small_graph(), fmt, tmp_path / f"g.{fmt}").read_text(encoding="utf-8")
    assert f'<edge id="{connection_id("o1", "p1", "affiliation")}"' in text
    assert f'<edge id="{connection_id("p1", "x9", "tie")}"' in text


def test_gexf_declares_version_1_3_and_no_graph_name(tmp_path):
    text = export_graph(small_graph(), "gexf", tmp_path / "g.gexf").read_text(encoding="utf-8")
    assert '<gexf xmlns="http://gexf.net/1.3"' in text and 'version="1.3"' in text
    assert "<graph " in text and "name=" not in text.split("<graph ")[1].split(">")[0]


def test_graphml_escapes_ids_that_are_not_xml_name_tokens_and_keeps_the_id_in_name(tmp_path):
    G = nx.Graph()
    G.add_node("CPAS Forest", name="CPAS", kind="organisation")
    G.add_node("a_x0020_b", name="B", kind="organisation")
    G.add_edge("CPAS Forest", "a_x0020_b", weight=1.0, origin="tie")
    H = nx.read_graphml(export_graph(G, "graphml", tmp_path / "g.graphml"))
    assert dict(H.nodes(data="name")) == {"CPAS_x0020_Forest": "CPAS Forest", "a_x005F_x0020_b": "a_x0020_b"}


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
    H = nx.node_link_graph(document)  # the installed networkx's defaults
    assert sorted(H.nodes) == ["o1", "p1", "x9"] and not H.is_multigraph()
    assert H.edges["x9", "p1"]["groups"] == ["g1", "g2"] and H.edges["x9", "p1"]["weight"] == 2.5


def test_json_holds_the_edges_under_the_default_keys_of_networkx_3_3_and_3_4_onwards(tmp_path):
    # networkx 3.3: node_link_graph(data) reads "links"; 3.4 added edges= and 3.6 defaults to "edges".
    document = json.loads(export_graph(small_graph(), "json", tmp_path / "g.json").read_text(encoding="utf-8"))
    assert document["links"] == document["edges"] and len(document["edges"]) == 2
    H = nx.node_link_graph({k: v for k, v in document.items() if k != "edges"}, edges="links")
    assert sorted(H.edges) == [("o1", "p1"), ("p1", "x9")]


def test_cytoscape_json_has_elements_with_data_and_no_missing_values(tmp_path):
    document = json.loads(export_graph(small_graph(), "cytoscape", tmp_path / "g.cyjs").read_text(encoding="utf-8"))
    nodes = {n["data"]["id"]: n["data"] for n in document["elements"]["nodes"]}
    assert nodes["p1"] == {"id": "p1", "value": "p1", "name": "Ça & Cie \"test\"", "kind": "person",
                           "sectors": ["gp", "mental_health"], "sector": "gp", "family": "health", "zone": "south",
                           "organisation": "o1"}
    edges = [e["data"] for e in document["elements"]["edges"]]
    assert [(e["id"], e["source"], e["target"]) for e in edges] == [
        (connection_id("o1", "p1", "affiliation"), "o1", "p1"), (connection_id("p1", "x9", "tie"), "p1", "x9")]
    assert document["data"] == {"analysis_date": "2024-03-01", "dataset": "demo"}


def test_csv_folder_has_actors_in_the_input_contract_and_edges_with_formulas_neutralised(tmp_path):
    folder = export_graph(small_graph(), "csv", tmp_path / "csv")
    assert sorted(p.name for p in folder.iterdir()) == ["actors.csv", "edges.csv"]  # no dataset tables given
    with open(folder / "actors.csv", encoding="utf-8", newline="") as handle:
        actors = list(csv.DictReader(handle))
    with open(folder / "edges.csv", encoding="utf-8", newline="") as handle:
        edges = list(csv.DictReader(handle))
    assert list(actors[0]) == ["id", "name", "kind", "sector", "line", "zone", "municipality", "organisation",
                               "language", "neighbourhood", "website"]
    assert [a["id"] for a in actors] == ["o1", "p1", "x9"]
    assert actors[1]["sector"] == "gp|mental_health" and actors[1]["line"] == "" and actors[1]["organisation"] == "o1"
    assert actors[2]["name"] == "'=HYPERLINK(\"http://evil\")"
    assert [(e["source"], e["target"], e["weight"], e["groups"]) for e in edges] == [
        ("o1", "p1", "1", ""), ("p1", "x9", "2.5", "g1|g2")]


def test_csv_leaves_out_an_employer_that_is_not_exported(tmp_path):
    G = small_graph()
    G.remove_node("o1")  # e.g. the organisation lies in another zone than its person
    folder = export_graph(G, "csv", tmp_path / "csv")
    with open(folder / "actors.csv", encoding="utf-8", newline="") as handle:
        assert {a["id"]: a["organisation"] for a in csv.DictReader(handle)} == {"p1": "", "x9": ""}


def kumu_sheets(path):
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Elements", "Connections"]
    sheets = {}
    for sheet in book.worksheets:
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        sheets[sheet.title] = (rows[0], [dict(zip(rows[0], r)) for r in rows[1:]])
    return sheets


def test_kumu_workbook_has_the_sheets_and_columns_kumu_imports(tmp_path):
    sheets = kumu_sheets(export_graph(small_graph(), "kumu", tmp_path / "kumu.xlsx"))
    header, elements = sheets["Elements"]
    assert header[:5] == ["ID", "Label", "Type", "Description", "Tags"]
    assert {"sector", "family", "line", "zone", "language", "organisation", "website"} <= set(header)
    header, connections = sheets["Connections"]
    assert header[:5] == ["ID", "From", "To", "Type", "Direction"]
    assert {"weight", "origin", "ties", "tie_types", "groups"} <= set(header)
    rows = {r["ID"]: r for r in elements}
    assert rows["p1"]["Label"] == "Ça & Cie \"test\"" and rows["p1"]["Type"] == "person"
    assert rows["o1"]["line"] == 1 and rows["p1"]["line"] is None
    assert rows["x9"]["Label"] == "'=HYPERLINK(\"http://evil\")"  # text, not a formula


def test_kumu_connections_have_stable_ids_and_words_without_underscores(tmp_path):
    _, connections = kumu_sheets(export_graph(small_graph(), "kumu", tmp_path / "kumu.xlsx"))["Connections"]
    assert [(c["ID"], c["From"], c["To"], c["Type"]) for c in connections] == [
        (connection_id("o1", "p1", "affiliation"), "o1", "p1", "affiliation"),
        (connection_id("p1", "x9", "tie"), "p1", "x9", "direct tie")]
    G = small_graph()
    G.add_edge("o1", "x9", weight=0.5, origin="co_membership", ties=0, tie_types="", groups=("g1",))
    _, again = kumu_sheets(export_graph(G, "kumu", tmp_path / "again.xlsx"))["Connections"]
    assert {c["ID"] for c in connections} < {c["ID"] for c in again}  # old ids kept, the new edge added
    assert next(c["Type"] for c in again if c["To"] == "x9" and c["From"] == "o1") == "co-membership"


def test_kumu_description_names_sectors_line_and_zone_in_the_language(tmp_path):
    G = small_graph()
    G.graph["sector_names"] = {"nl": {"social_assistance": "Maatschappelijk werk", "gp": "Huisarts"}}
    G.graph["zone_names"] = {"nl": {"south": "Zuid", "north": "Noord"}}
    _, elements = kumu_sheets(export_graph(G, "kumu", tmp_path / "kumu.xlsx", lang="nl"))["Elements"]
    rows = {r["ID"]: r for r in elements}
    assert rows["o1"]["Description"] == "Sectoren: Maatschappelijk werk · Lijn: eerste lijn · Zone: Zuid"
    assert rows["p1"]["Description"] == "Sectoren: Huisarts, mental health · Lijn: geen lijn · Zone: Zuid"
    assert rows["p1"]["Tags"] == "Huisarts|mental health" and rows["p1"]["Type"] == "persoon"


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
    with pytest.raises(ValueError, match="gexf, graphml, json, cytoscape, csv, kumu"):
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

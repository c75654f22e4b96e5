"""Every export as the outside programs read it: the official XSDs (xmllint), networkx, python-igraph, openpyxl.

The graph has what real data has and the readers trip on: an id with a space, accents,
markup in a name, a name used twice, a missing line, several sectors, integers and floats.
"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from readback import rows_read_by_openpyxl

from collabnet.render.export import export_graph

XSD = Path(__file__).parent / "data" / "xsd"
xmllint = pytest.mark.skipif(shutil.which("xmllint") is None, reason="xmllint (Debian libxml2-utils) not installed")


def graph():
    G = nx.Graph(dataset="demo", analysis_date="2024-03-01")
    G.add_node("CPAS Forest", name="CPAS", kind="organisation", sectors=("social_assistance",), line=1, zone="south",
               language="fr")
    G.add_node("p-gaëtane", name="Gaëtane <b>", kind="person", sectors=("medical", "mental_health"), line=None,
               zone="south", organisation="CPAS Forest", **{"office m²": 12})
    G.add_node("p2", name="CPAS", kind="person", sectors=("medical",), line=2, zone="north", cut_vertex=True)
    G.add_edge("CPAS Forest", "p-gaëtane", weight=1.0, origin="affiliation", ties=0, tie_types="", groups=())
    G.add_edge("p2", "p-gaëtane", weight=1.5, origin="co_membership|tie", ties=1, tie_types="referral",
               groups=("g 1",))
    return G


def validate(path: Path, schema: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["xmllint", "--nonet", "--noout", "--schema", str(schema), str(path)],
                          capture_output=True, text=True, env={"XML_CATALOG_FILES": str(XSD / "catalog.xml")})


@xmllint
def test_gexf_is_valid_against_the_official_gexf_1_3_schema(tmp_path):
    result = validate(export_graph(graph(), "gexf", tmp_path / "g.gexf"), XSD / "gexf-1.3" / "gexf.xsd")
    assert result.returncode == 0, result.stderr


@xmllint
def test_graphml_is_valid_against_the_official_graphml_schema(tmp_path):
    result = validate(export_graph(graph(), "graphml", tmp_path / "g.graphml"), XSD / "graphml-1.0" / "graphml.xsd")
    assert result.returncode == 0, result.stderr


@xmllint
def test_the_schema_check_itself_fails_on_what_the_old_export_wrote(tmp_path):
    old = tmp_path / "old.gexf"  # GEXF 1.3 with <graph name=…>, as networkx writes it
    old.write_text('<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph name="demo">'
                   "<nodes/><edges/></graph></gexf>", encoding="utf-8")
    assert validate(old, XSD / "gexf-1.3" / "gexf.xsd").returncode != 0


def test_networkx_reads_gexf_with_typed_values(tmp_path):
    H = nx.read_gexf(export_graph(graph(), "gexf", tmp_path / "g.gexf"))
    assert H.nodes["CPAS Forest"] == {"name": "CPAS Forest", "label": "CPAS", "kind": "organisation",
                                      "sectors": "social_assistance", "line": 1, "zone": "south", "language": "fr"}
    assert H.nodes["p2"]["cut_vertex"] is True and "line" not in H.nodes["p-gaëtane"]
    assert H.edges["p2", "p-gaëtane"]["weight"] == 1.5 and H.edges["p2", "p-gaëtane"]["ties"] == 1


def test_igraph_reads_graphml_with_unique_names_and_display_labels(tmp_path):
    igraph = pytest.importorskip("igraph")
    g = igraph.Graph.Read_GraphML(str(export_graph(graph(), "graphml", tmp_path / "g.graphml")))
    assert g.vs["name"] == ["CPAS Forest", "p-gaëtane", "p2"]  # unique: igraph looks vertices up by name
    assert g.vs["label"] == ["CPAS", "Gaëtane <b>", "CPAS"]
    assert g.vs["line"][0] == 1 and g.vs["line"][2] == 2  # numeric, so it filters as a number
    assert sorted(tuple(sorted(g.vs[e.tuple]["name"])) for e in g.es) == [("CPAS Forest", "p-gaëtane"),
                                                                         ("p-gaëtane", "p2")]
    assert g.es.find(_between=((2,), (1,)))["weight"] == 1.5


@pytest.mark.parametrize("fmt", ["json", "cytoscape"])
def test_igraph_builds_the_graph_from_either_json_format(tmp_path, fmt):
    igraph = pytest.importorskip("igraph")
    document = json.loads(export_graph(graph(), fmt, tmp_path / f"g.{fmt}").read_text(encoding="utf-8"))
    if fmt == "json":
        nodes, edges = document["nodes"], document["edges"]
    else:
        nodes = [n["data"] for n in document["elements"]["nodes"]]
        edges = [e["data"] for e in document["elements"]["edges"]]
    g = igraph.Graph.DictList(nodes, edges, vertex_name_attr="id", edge_foreign_keys=("source", "target"))
    assert g.vcount() == 3 and g.ecount() == 2
    assert g.vs.find(id="p2")["sectors"] == ["medical"] and g.es[1]["weight"] == 1.5


def test_networkx_reads_the_cytoscape_json(tmp_path):
    document = json.loads(export_graph(graph(), "cytoscape", tmp_path / "g.cyjs").read_text(encoding="utf-8"))
    H = nx.cytoscape_graph(document)
    assert sorted(H.nodes) == ["CPAS Forest", "p-gaëtane", "p2"] and H.nodes["p2"]["name"] == "CPAS"
    assert H.edges["p2", "p-gaëtane"]["tie_types"] == "referral"


@pytest.mark.parametrize("lxml", ["with", "without"])
def test_the_kumu_workbook_reads_back_with_openpyxl_with_and_without_lxml(tmp_path, lxml):
    if lxml == "with":
        pytest.importorskip("lxml")
    path = export_graph(graph(), "kumu", tmp_path / "kumu.xlsx", lang="fr")
    assert rows_read_by_openpyxl(path, lxml) == 7  # Elements: header + 3 actors; Connections: header + 2 links

"""The interactive view: offline, escaped, deterministic, with the legend and filters the issue asks for."""

import base64
import hashlib
import json
import math
import re
from html import unescape

import networkx as nx
import pytest
from viewdata import view_data

from collabnet.errors import CollabnetError
from collabnet.render.view import layout_positions, render_view

EVIL = "<img src=x onerror=alert(1)>"
CA = 'Ça & Cie "test"'


def actor(G, id, name, kind="organisation", sectors=("gp",), line=1, zone="south", language="fr", org=None):
    G.add_node(id, name=name, kind=kind, sectors=tuple(sectors), sector=sectors[0],
               family="welfare" if sectors[0] == "social" else "health", line=line, zone=zone,
               language=language, organisation=org, municipality=None, neighbourhood=None)


def link(G, u, v, origin, ties=0, groups=()):
    G.add_edge(u, v, weight=1.0, origin=origin, ties=ties, tie_types="referral" if ties else "", groups=groups)


def small_graph():
    """South: CPAS o1 with its nurse p1, a GP p2 (the injected name), an isolated o3; north: o2."""
    G = nx.Graph(dataset="demo", analysis_date="2024-03-01")
    actor(G, "o1", "CPAS Forest", sectors=("social",))
    actor(G, "p1", "Nurse", kind="person", sectors=("home_care",), line=None, org="o1")
    actor(G, "p2", EVIL, kind="person", sectors=("gp", "social"), language="nl")
    actor(G, "o2", CA, sectors=("mental_health",), line=2, zone="north", language=None)
    actor(G, "o3", "Alone", sectors=("gp",), line=1)
    link(G, "o1", "p1", "affiliation")
    link(G, "p1", "p2", "co_membership", groups=("g1",))
    link(G, "p2", "o2", "co_membership|tie", ties=2, groups=("g2",))
    return G


def payload(html):
    """The JSON data block of a page, its links unpacked as the page unpacks them."""
    return view_data(html)


def test_zone_view_draws_the_zone_actors_with_positions():
    data = payload(render_view(small_graph(), zone="south"))
    assert sorted(n["id"] for n in data["nodes"]) == ["o1", "o3", "p1", "p2"]
    assert len(data["edges"]) == 2  # p2 - o2 leaves the zone
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])


def test_page_is_offline_vis_network_inline_no_cdn():
    html = render_view(small_graph(), zone="south")
    assert not re.search(r'(src|href)="?https?:', html)
    assert "<link" not in html and "<script src" not in html and "bootstrap" not in html.lower()
    assert "new vis.Network(" in html and "t.Network=" in html  # the page draws with the library inlined in it
    assert html.count("</script>") == 3  # data, vis-network, the page's own: nothing injected closes one


def test_content_security_policy_allows_only_the_page_scripts():
    html = render_view(small_graph(), zone="south")
    policy = unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1))
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy.split("style-src")[0]
    scripts = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    assert len(scripts) == 2
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_user_strings_are_escaped_everywhere():
    G = small_graph()
    G.nodes["o1"]["zone"] = "<b>zone</b>"
    labels = {"gp": "</script><script>alert(2)</script>", "social": "Aide & <i>sociale</i>"}
    html = render_view(G, aggregate="full", labels=labels, title=f"{EVIL} & title",
                       highlight={"p2": "isolated"}, sizes={"p2": 1.0})
    for raw in (EVIL, CA, "<b>zone</b>", "<i>sociale</i>", "</script><script>alert(2)"):
        assert raw not in html
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; title" in html  # title and heading, escaped by Jinja
    assert "Aide &amp; &lt;i&gt;sociale&lt;/i&gt;" in html  # legend and filter options
    data = payload(html)  # the JSON block decodes back to the exact strings
    names = {n["id"]: n["label"] for n in data["nodes"]}
    assert names["p2"] == EVIL and names["o2"] == CA
    assert EVIL in next(n["title"] for n in data["nodes"] if n["id"] == "p2")


def test_tooltips_are_plain_text_facts():
    html = render_view(small_graph(), aggregate="full", labels={"home_care": "Home care", "social": "Social"},
                       highlight={"p1": "cut_vertex"}, sizes={"p1": 0.25})
    nurse = next(n for n in payload(html)["nodes"] if n["id"] == "p1")
    assert nurse["title"].split("\n") == [
        "Nurse", "Kind: person", "Sectors: Home care", "Line: no line", "Zone: south",
        "Language: French-speaking", "Organisation: CPAS Forest", "Brokerage score: 0.25",
        "cut vertex (its departure cuts a link)"]


def test_legend_lists_colours_shapes_marks_and_link_styles():
    html = render_view(small_graph(), zone="south", labels={"gp": "General practice", "social": "Social"},
                       highlight={"o3": "isolated", "p1": "cut_vertex"}, sizes={"p2": 1.0})
    legend = html[html.index('<section id="legend">'):html.index("</section>", html.index('id="legend"'))]
    for text in ("Colour: main sector", "General practice", "Social", "home_care", "organisation", "person",
                 "isolated", "cut vertex", "co-membership", "affiliation", "Size: betweenness, how often"):
        assert text in legend
    assert "mental_health" not in legend  # o2 is in the north: the legend lists what the view shows
    assert "direct tie" not in legend


def test_filters_offer_zone_sector_and_line():
    html = render_view(small_graph(), aggregate="full")
    for menu in ("filter-zone", "filter-sector", "filter-line"):
        assert f'id="{menu}"' in html
    assert '<option value="north">north</option>' in html and '<option value="2">second line</option>' in html
    assert '<option value="home_care">home_care</option>' in html  # secondary sectors count too


@pytest.mark.parametrize("colour, lang, expected", [
    ("family", "nl", ["gezondheid", "welzijn"]),
    ("line", "fr", ["première ligne", "pas de ligne"]),
    ("language", "fr", ["francophone", "néerlandophone"]),
])
def test_colour_by_attribute_with_legend_in_the_chosen_language(colour, lang, expected):
    html = render_view(small_graph(), zone="south", colour=colour, lang=lang)
    for text in expected:
        assert text in html


def test_same_graph_gives_byte_identical_pages_whatever_the_insertion_order():
    G = small_graph()
    H = nx.Graph()
    H.graph.update(G.graph)
    H.add_nodes_from(sorted(G.nodes(data=True), reverse=True))
    H.add_edges_from((v, u, d) for u, v, d in reversed(list(G.edges(data=True))))
    assert render_view(G) == render_view(G) == render_view(H)
    assert render_view(G, zone="south", seed=1) == render_view(H, zone="south", seed=1)


def test_a_persons_tooltip_reaches_the_page_whole_and_its_shared_part_once():
    from collabnet.organisations import organisation_graph

    G = small_graph()
    G.add_node("p3", **{**G.nodes["p1"], "name": "Social worker"})  # a colleague: the same facts, another name
    link(G, "o1", "p3", "affiliation")
    link(G, "p3", "p2", "co_membership", groups=("g1",))
    html = render_view(organisation_graph(G), zone="south", people=G)
    nurse, worker = payload(html)["people"]["o1"]
    assert nurse[2].split("\n") == ["Nurse", "Kind: person", "Sectors: home_care", "Line: no line", "Zone: south",
                                    "Language: French-speaking", "Organisation: CPAS Forest"]
    assert worker[2] == "Social worker" + nurse[2][len("Nurse"):]
    assert html.count("Organisation: CPAS Forest") == 1  # written once for both


def test_a_persons_links_reach_the_page_with_what_each_is_drawn_as():
    from collabnet.organisations import organisation_graph

    G = small_graph()
    actor(G, "o4", "Maison médicale", sectors=("gp",))
    actor(G, "p4", "Doctor", kind="person", org="o4")
    link(G, "o4", "p4", "affiliation")
    link(G, "p1", "p4", "tie", ties=1)
    html = render_view(organisation_graph(G), zone="south", people=G)
    people = payload(html)["people"]
    assert people["o1"] == [["p1", "Nurse", people["o1"][0][2], [["p2", "p2", "co_membership"], ["p4", "o4", "tie"]]]]
    assert people["o4"][0][3] == [["p1", "o1", "tie"]]


def test_region_view_folds_persons_into_their_organisation_by_default():
    data = payload(render_view(small_graph()))
    assert sorted(n["id"] for n in data["nodes"]) == ["o1", "o2", "o3", "p2"]  # p1 folded into o1
    o1 = next(n for n in data["nodes"] if n["id"] == "o1")
    assert "Persons: 1" in o1["title"]
    full = payload(render_view(small_graph(), aggregate="full"))
    assert len(full["nodes"]) == 5


def test_sector_map_has_one_diamond_per_sector_and_counts_links_between_sectors():
    html = render_view(small_graph(), aggregate="sectors")
    data = payload(html)
    assert sorted(n["id"] for n in data["nodes"]) == ["gp", "home_care", "mental_health", "social"]
    assert {n["kind"] for n in data["nodes"]} == {"group"} and {n["shape"] for n in data["nodes"]} == {"diamond"}
    ids = [n["id"] for n in data["nodes"]]
    pairs = sorted(tuple(sorted((ids[e[0]], ids[e[1]]))) for e in data["edges"])
    assert pairs == [("gp", "home_care"), ("gp", "mental_health"), ("home_care", "social")]


def test_size_grows_with_the_brokerage_score():
    data = payload(render_view(small_graph(), zone="south", sizes={"p1": 0.9, "p2": 0.1, "o1": 0.0}))
    size = {n["id"]: n["size"] for n in data["nodes"]}
    assert size["p1"] > size["p2"] > size["o1"] == size["o3"]


def test_edges_are_styled_by_their_strongest_origin():
    data = payload(render_view(small_graph(), aggregate="full"))
    ids = [n["id"] for n in data["nodes"]]
    style = {tuple(sorted((ids[e[0]], ids[e[1]]))): e[2] for e in data["edges"]}
    assert style == {("o1", "p1"): "affiliation", ("p1", "p2"): "co_membership", ("o2", "p2"): "tie"}
    assert data["styles"]["edges"]["co_membership"]["dashes"] and not data["styles"]["edges"]["tie"]["dashes"]


def test_unknown_zone_and_options_are_refused_with_names():
    with pytest.raises(CollabnetError, match="no actor in zone 'east'.*north, south"):
        render_view(small_graph(), zone="east")
    with pytest.raises(ValueError, match="colour 'size'"):
        render_view(small_graph(), colour="size")
    with pytest.raises(ValueError, match="highlight 'lonely'"):
        render_view(small_graph(), highlight={"o3": "lonely"})


def test_layout_separates_components_and_is_deterministic():
    G = nx.disjoint_union(nx.cycle_graph(6), nx.path_graph(3))
    G.add_node("lonely")
    pos = layout_positions(G, seed=7)
    assert pos == layout_positions(G, seed=7) and len(pos) == 10
    # Neighbours sit about one unit apart; distinct components do not overlap.
    assert all(0.3 < math.dist(pos[u], pos[v]) < 2.5 for u, v in G.edges)
    boxes = [(min(pos[i][0] for i in c), max(pos[i][0] for i in c), min(pos[i][1] for i in c),
              max(pos[i][1] for i in c)) for c in (range(6), range(6, 9))]
    (a0, a1, b0, b1), (c0, c1, d0, d1) = boxes
    assert a1 < c0 or c1 < a0 or b1 < d0 or d1 < b0


def test_layout_of_many_small_components_and_big_ones():
    # 150 small trees (laid out together) and two components of 400 nodes (one by one): edges about one unit
    # long, every component in its own box, the same positions whatever order the edges come in.
    parts = [nx.random_labeled_tree(3 + i % 30, seed=i) for i in range(150)]
    parts += [nx.connected_watts_strogatz_graph(400, 6, 0.1, seed=seed) for seed in (1, 2)]
    G = nx.convert_node_labels_to_integers(nx.Graph(((i, u), (i, v)) for i, part in enumerate(parts)
                                                    for u, v in part.edges), ordering="sorted")
    trees = sum(len(part) for part in parts[:150])
    pos = layout_positions(G)
    lengths = sorted(math.dist(pos[u], pos[v]) for u, v in G.edges)
    assert 0.5 < lengths[len(lengths) // 2] < 3.0 and lengths[-1] < 25  # the rewired links of the big ones span
    assert max(math.dist(pos[u], pos[v]) for u, v in G.edges if u < trees) < 8  # a hub's leaves spread out
    boxes = []
    for component in nx.connected_components(G):
        xs, ys = [pos[v][0] for v in component], [pos[v][1] for v in component]
        boxes.append((min(xs), max(xs), min(ys), max(ys)))
    boxes.sort()
    assert all(not (a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3])
               for i, a in enumerate(boxes) for b in boxes[i + 1:i + 40])
    H = nx.Graph()
    H.add_nodes_from(reversed(list(G)))
    H.add_edges_from((v, u) for u, v in reversed(list(G.edges)))
    assert layout_positions(H) == pos


def test_grid_repulsion_is_the_sum_over_every_node():
    # The particle-mesh field against the exact sum of (p_i - p_j) / (|p_i - p_j|^2 + reach^2) over all j.
    import numpy as np

    from collabnet.render.layout import _REACH, _grid_repulsion

    rng = np.random.default_rng(3)
    x, y = rng.normal(scale=20, size=800), rng.normal(scale=10, size=800)
    dx, dy = x[:, None] - x[None, :], y[:, None] - y[None, :]
    soft = dx * dx + dy * dy + _REACH ** 2
    exact = np.stack([(dx / soft).sum(axis=1), (dy / soft).sum(axis=1)])
    grid = np.stack(_grid_repulsion(x, y))
    error = np.sqrt(((grid - exact) ** 2).sum(axis=0)) / np.sqrt((exact ** 2).sum(axis=0)).mean()
    assert np.median(error) < 0.02 and error.max() < 0.1


def test_near_pairs_are_the_pairs_within_reach_once():
    import numpy as np

    from collabnet.render.layout import _NEAREST, _REACH, _near_pairs

    rng = np.random.default_rng(5)
    x, y = rng.uniform(0, 40, 600), rng.uniform(0, 40, 600)
    found = set(zip(*(a.tolist() for a in _near_pairs(x, y)[:2])))
    exact = {(i, j) for i in range(600) for j in range(i + 1, 600) if math.dist((x[i], y[i]), (x[j], y[j])) <= _REACH}
    assert found == exact
    # 300 nodes piled on one spot: each keeps its nearest neighbours, every pair listed once.
    x, y = np.concatenate([x, rng.normal(scale=0.01, size=300)]), np.concatenate([y, rng.normal(scale=0.01, size=300)])
    a, b, crowded = _near_pairs(x, y)
    pairs = list(zip(a.tolist(), b.tolist()))
    assert len(pairs) == len(set(pairs)) and all(i < j for i, j in pairs) and len(pairs) <= _NEAREST * len(x)
    assert crowded and [a.tolist(), b.tolist()] == [c.tolist() for c in _near_pairs(x, y, crowded=True)[:2]]


def test_zone_display_names_in_title_filters_and_tooltips():
    html = render_view(small_graph(), aggregate="full", lang="nl", zone_labels={"south": "Zuid", "north": "Noord"})
    assert "Samenwerkingsnetwerk — demo — hele gewest" in html
    assert '<option value="south">Zuid</option>' in html
    nurse = next(n for n in payload(html)["nodes"] if n["id"] == "p1")
    assert "Zone: Zuid" in nurse["title"] and nurse["zone"] == "south"  # filters match codes


def test_the_view_marks_the_cut_vertices_of_the_tables_which_are_networkx_articulation_points():
    # One rule: the view's cut-vertex marks are the analysis record's, which brokers.csv lists.
    from pathlib import Path

    import collabnet
    from collabnet.analyses import analyse
    from collabnet.render.view import view_marks

    analysis = analyse(collabnet.load(Path(__file__).parents[1] / "datasets" / "brussels", at="2024-06-01"))
    highlight, _ = view_marks(analysis)
    marked = {v for v, mark in highlight.items() if mark == "cut_vertex"}
    assert marked == set(nx.articulation_points(analysis.graph)) == set(analysis.cut_vertices)
    assert marked == {b.actor for b in analysis.brokers if b.cut_vertex}


def test_french_tooltips_put_a_space_before_the_colon():
    import json as _json

    html = render_view(small_graph(), zone="south", lang="fr")
    block = re.search(r'type="application/json">(.*?)</script>', html, re.DOTALL).group(1)
    titles = [n["title"] for n in _json.loads(block)["nodes"]]
    assert titles and all(" :" in t for t in titles) and not any(re.search(r"\S:", t) for t in titles)

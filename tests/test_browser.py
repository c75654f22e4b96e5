"""The view in a real browser (headless Chromium): it draws offline, filters, searches, runs no injected code."""

import networkx as nx
import pytest
from browser import browser, console_errors, open_page, outside_requests, wait_for  # noqa: F401 (fixture)

from collabnet.render.view import render_view

PWN = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "</script><script>window.__pwned=2</script>"


def graph():
    """Six actors in two zones; two of them carry injected names."""
    G = nx.Graph(dataset="demo", analysis_date="2024-03-01")
    rows = [
        ("o1", "CPAS Forest", "organisation", ("social",), 1, "south", None),
        ("p1", PWN, "person", ("gp",), 1, "south", "o1"),
        ("p2", SCRIPT, "person", ("mental_health", "gp"), 2, "south", None),
        ("o2", 'Ça & Cie "test"', "organisation", ("gp",), 1, "south", None),
        ("o3", "Huis voor Gezondheid", "organisation", ("coordination",), None, "north", None),
        ("o4", "Alone", "organisation", ("gp",), 1, "south", None),
    ]
    for id, name, kind, sectors, line, zone, org in rows:
        G.add_node(id, name=name, kind=kind, sectors=sectors, sector=sectors[0], family="health", line=line,
                   zone=zone, language="fr", organisation=org, municipality=None, neighbourhood=None)
    for u, v, origin in (("o1", "p1", "affiliation"), ("p1", "p2", "co_membership"), ("p2", "o2", "tie"),
                         ("o2", "o3", "tie")):
        G.add_edge(u, v, weight=1.0, origin=origin, ties=int(origin == "tie"), tie_types="", groups=())
    return G


@pytest.fixture
def page(browser, tmp_path):  # noqa: F811 (the fixture imported above)
    path = tmp_path / "view.html"
    path.write_text(render_view(graph(), aggregate="full", highlight={"o4": "isolated", "p2": "cut_vertex"},
                                sizes={"p2": 0.5}), encoding="utf-8")
    console_errors(browser)  # drop messages of earlier pages
    open_page(browser, path)
    wait_for(browser, "return window.collabnetDrawn === true")
    return browser


def test_vis_network_draws_every_node_offline(page):
    assert page.execute_script("return collabnetNodes.length") == 6
    assert page.execute_script("return collabnetEdges.length") == 4
    assert page.execute_script("return Object.keys(collabnetNetwork.getPositions()).length") == 6
    assert page.execute_script("return document.querySelector('#network canvas') !== null")
    assert outside_requests(page) == []
    assert console_errors(page) == []  # no script error, no Content-Security-Policy violation


def test_injected_names_stay_text_and_never_run(page):
    assert page.execute_script("return typeof window.__pwned") == "undefined"
    assert page.execute_script("return document.querySelectorAll('img').length") == 0
    assert page.execute_script("return collabnetView.name('p1')") == PWN  # drawn on the canvas with fillText
    assert page.execute_script("return collabnetView.name('p2')") == SCRIPT
    # The tooltip is shown with innerText: show p1's (through vis-network 9's hover handler) and read it back.
    shown = page.execute_script("""
        var popup = collabnetNetwork.interactionHandler.popup;
        var position = collabnetNetwork.canvasToDOM(collabnetNetwork.getPositions(['p1']).p1);
        collabnetNetwork.interactionHandler._checkShowPopup({x: position.x, y: position.y});
        popup = collabnetNetwork.interactionHandler.popup;
        return popup ? [popup.frame.innerText, popup.frame.querySelectorAll('img, script').length] : null;""")
    assert shown is not None, "vis-network showed no tooltip"
    assert shown[0].startswith(PWN + "\nKind: person") and shown[1] == 0
    assert page.execute_script("return typeof window.__pwned") == "undefined"


def test_legend_and_filters_are_present_and_filter_the_graph(page):
    assert page.execute_script("return document.querySelectorAll('#legend li').length") >= 5
    zones = page.execute_script(
        "return Array.from(document.querySelectorAll('#filter-zone option')).map(o => o.value)")
    assert zones == ["", "north", "south"]
    page.execute_script("var s = document.getElementById('filter-zone'); s.value = 'north';"
                        "s.dispatchEvent(new Event('change'))")
    assert page.execute_script("return collabnetView.shownNodes()") == ["o3"]
    page.execute_script("document.getElementById('reset').click()")
    page.execute_script("var s = document.getElementById('filter-sector'); s.value = 'gp';"
                        "s.dispatchEvent(new Event('change'))")
    # p2's second sector is gp: a filter matches any of an actor's sectors.
    assert sorted(page.execute_script("return collabnetView.shownNodes()")) == ["o2", "o4", "p1", "p2"]
    assert len(page.execute_script("return collabnetView.shownEdges()")) == 2  # p1-p2, p2-o2
    page.execute_script("var s = document.getElementById('filter-line'); s.value = '2';"
                        "s.dispatchEvent(new Event('change'))")
    assert page.execute_script("return collabnetView.shownNodes()") == ["p2"]


def test_search_by_name_ignores_case_and_accents(page):
    hits = page.execute_script("document.getElementById('search').value = 'ca & CIE'; return collabnetView.search()")
    assert hits == ["o2"]
    assert page.execute_script("return document.getElementById('search-result').textContent") == "1 found"
    assert page.execute_script("return collabnetNetwork.getSelectedNodes()") == ["o2"]


def test_links_new_and_lost_since_an_earlier_date_get_their_colours(browser, tmp_path):  # noqa: F811
    before = graph()
    before.graph["analysis_date"] = "2023-01-01"
    before.remove_edge("o2", "o3")                       # new since then
    before.add_edge("o1", "o4", weight=1.0, origin="tie", ties=1, tie_types="", groups=())  # lost since then
    path = tmp_path / "changes.html"
    path.write_text(render_view(graph(), aggregate="full", before=before), encoding="utf-8")
    console_errors(browser)
    open_page(browser, path)
    wait_for(browser, "return window.collabnetDrawn === true")
    drawn = browser.execute_script("""return collabnetEdges.get().map(function (e) {
        return [e.from, e.to, e.change, e.color.color, e.dashes]; });""")
    assert sorted(drawn) == [["o1", "o4", "lost", "#d73027", [4, 4]], ["o1", "p1", "kept", "#c4c4c4", [2, 3]],
                             ["o2", "o3", "new", "#1a9850", False], ["o2", "p2", "kept", "#3b3b3b", False],
                             ["p1", "p2", "kept", "#7d97b3", [6, 4]]]
    assert browser.execute_script("return document.querySelectorAll('.legend-changes li').length") == 3
    assert console_errors(browser) == []


def test_each_link_is_drawn_with_the_width_and_tooltip_of_its_packed_look(page):
    # The page holds each link as [a, b, look] and each look (style, width, tooltip) once.
    drawn = page.execute_script("""return collabnetEdges.get().map(function (e) {
        return [e.from, e.to, e.width, e.title]; });""")
    assert sorted(drawn) == [
        ["o1", "p1", 1.0, "CPAS Forest \u2014 " + PWN + "\naffiliation"],
        ["o2", "o3", 1.5, 'Ça & Cie "test" \u2014 Huis voor Gezondheid\ndirect tie \u00d71'],
        ["o2", "p2", 1.5, 'Ça & Cie "test" \u2014 ' + SCRIPT + "\ndirect tie \u00d71"],
        ["p1", "p2", 0.8, PWN + " \u2014 " + SCRIPT + "\nco-membership"],
    ]

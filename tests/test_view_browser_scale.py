"""Views of a synthetic region (``synth --orgs 1000``) in headless Chromium: labels, groups, kinds of link, people.

The South zone (about 1,250 actors, 250 organisations) and the region (5,000 actors, 1,000 organisations,
drawn as groups) are written with the CLI, as a coordinator would; every check reads what the page drew.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser import browser, console_errors, open_page, wait_for  # noqa: F401 (browser is a fixture)
from click.testing import CliRunner
from viewdata import view_data

from collabnet.cli import cli
from collabnet.words import t

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("synth")
    runner = CliRunner()
    assert runner.invoke(cli, ["synth", "--orgs", "1000", "-q", str(folder / "data")]).exit_code == 0
    found = {}
    for zone in ("south", "region"):
        out = folder / f"{zone}.html"
        result = runner.invoke(cli, ["view", str(folder / "data"), "--zone", zone, "--at", "2026-01-01", "-q",
                                     "--out", str(out)])
        assert result.exit_code == 0, result.output
        found[zone] = out
    return found


def show(driver, page: Path):
    console_errors(driver)
    open_page(driver, page)
    wait_for(driver, "return window.collabnetDrawn === true", timeout=120)
    driver.execute_script("collabnetNetwork.redraw()")
    wait_for(driver, "return collabnetView.labels().length > 0")
    return driver


def click_node(driver, node_id):
    """A real mouse click on the node's position on the canvas."""
    from selenium.webdriver.common.action_chains import ActionChains

    canvas = driver.find_element("css selector", "#network canvas")
    x, y, width, height = driver.execute_script("""
        var id = arguments[0], p = collabnetNetwork.canvasToDOM(collabnetNetwork.getPositions([id])[id]);
        var c = document.querySelector('#network canvas');
        return [p.x, p.y, c.clientWidth, c.clientHeight];""", node_id)
    ActionChains(driver).move_to_element_with_offset(canvas, int(x - width / 2), int(y - height / 2)).click().perform()


def test_the_first_view_of_south_has_labels_that_neither_overlap_nor_leave_the_canvas(browser, pages):  # noqa: F811
    page = show(browser, pages["south"])
    boxes, width, height = page.execute_script("""
        var c = document.querySelector('#network canvas');
        return [collabnetView.labels(), c.clientWidth, c.clientHeight];""")
    assert len(boxes) >= 20
    positions = page.execute_script("""
        var out = {}; arguments[0].forEach(function (id) {
          var p = collabnetNetwork.canvasToDOM(collabnetNetwork.getPositions([id])[id]);
          out[id] = [p.x, p.y, collabnetNodes.get(id).size * collabnetNetwork.getScale()]; });
        return out;""", [b["id"] for b in boxes])
    for box in boxes:
        x, y, radius = positions[box["id"]]
        assert 0 <= box["left"] and box["left"] + box["width"] <= width  # nothing cut off at either edge
        assert 0 <= box["top"] and box["top"] + box["height"] <= height
        assert box["left"] - 0.5 <= x <= box["left"] + box["width"] + 0.5  # under (or over) its own node
        assert abs(box["top"] - (y + radius + 2)) < 0.5 or abs(box["top"] + box["height"] - (y - radius - 2)) < 0.5
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            apart = (a["left"] + a["width"] <= b["left"] or b["left"] + b["width"] <= a["left"]
                     or a["top"] + a["height"] <= b["top"] or b["top"] + b["height"] <= a["top"])
            assert apart, (a, b)
    assert console_errors(page) == []


def test_the_most_important_organisation_is_named_first_and_more_names_come_when_zooming_in(browser, pages):  # noqa: F811
    page = show(browser, pages["south"])
    ranked = page.execute_script("""
        var nodes = JSON.parse(document.getElementById('collabnet-data').textContent).nodes;
        return nodes.slice().sort(function (a, b) { return a.rank - b.rank; }).map(function (n) { return n.id; });""")
    labelled = [b["id"] for b in page.execute_script("return collabnetView.labels()")]
    assert ranked[0] in labelled
    hidden = next(v for v in ranked if v not in labelled)  # crowded out at this zoom by a more important name
    page.execute_script("""var p = collabnetNetwork.getPositions([arguments[0]])[arguments[0]];
        collabnetNetwork.moveTo({position: p, scale: collabnetNetwork.getScale() * 8, animation: false});
        collabnetNetwork.redraw();""", hidden)
    wait_for(page, "return collabnetView.labels().some(function (b) { return b.id === arguments[0]; })"
             .replace("arguments[0]", repr(hidden)))
    assert len(page.execute_script("return collabnetView.labels()")) > 0


def test_an_organisation_unfolds_into_its_people_and_folds_back(browser, pages):  # noqa: F811
    page = show(browser, pages["south"])
    unpacked = view_data(pages["south"].read_text("utf-8"))["people"]
    org = min(unpacked, key=lambda o: (-sum(len(row[3]) for row in unpacked[o]), o))  # the most linked people
    people = [row[0] for row in unpacked[org]]
    before = set(page.execute_script("return collabnetView.shownNodes()"))
    page.execute_script("collabnetNetwork.moveTo({position: collabnetNetwork.getPositions([arguments[0]])"
                        "[arguments[0]], scale: 1.5, animation: false})", org)
    click_node(page, org)
    after = set(page.execute_script("return collabnetView.shownNodes()"))
    assert after - before == set(people)
    tooltips = {person: tooltip for person, _, tooltip, _ in unpacked[org]}
    drawn = page.execute_script("return collabnetNodes.get(arguments[0]).map(function (n) { return [n.id, n.title]; })",
                                people)
    assert dict(drawn) == tooltips and all("\n" in tip for tip in tooltips.values())  # whole, as written
    expected = {frozenset((person, other if other in people else target)) for person, _, _, links in unpacked[org]
                for other, target, _ in links if target in before and target != org}
    links = page.execute_script("var org = arguments[0]; return collabnetEdges.get().filter(function (e) {"
                                " return String(e.id).indexOf('p\\u0001') === 0 && e.to !== org; })"
                                ".map(function (e) { return [e.from, e.to]; })", org)
    assert expected and expected <= {frozenset(pair) for pair in links}  # each link to what it is drawn as
    own = page.execute_script("var org = arguments[0]; return collabnetEdges.get().filter(function (e) {"
                              " return e.to === org && String(e.id).indexOf('p\\u0001') === 0; }).length", org)
    assert own == len(people)  # each person hangs on its organisation
    click_node(page, org)
    assert set(page.execute_script("return collabnetView.shownNodes()")) == before
    assert console_errors(page) == []


def test_every_control_of_a_region_view_acts(browser, pages):  # noqa: F811
    page = show(browser, pages["region"])
    count = page.execute_script("return JSON.parse(document.getElementById('collabnet-data').textContent)"
                                ".nodes.length")
    groups = page.execute_script("return collabnetView.shownNodes().filter(function (id) { return id < 0; })")
    first = set(page.execute_script("return collabnetView.shownNodes()"))
    assert len(groups) >= 2 and len(first) < count

    click_node(page, groups[0])  # a group opens where it stood
    shown = page.execute_script("return collabnetView.shownNodes()")
    assert groups[0] not in shown and any(isinstance(v, str) for v in shown)

    page.find_element("id", "open-all").click()
    assert len(page.execute_script("return collabnetView.shownNodes()")) == count
    page.find_element("id", "close-all").click()
    assert set(page.execute_script("return collabnetView.shownNodes()")) == first

    shown_links = page.execute_script("return collabnetView.counts().shown")
    page.find_element("id", "links-within").click()  # the links within one sector, line and language come too
    assert page.execute_script("return collabnetView.counts().shown") == \
        page.execute_script("return collabnetView.counts().total") > shown_links
    page.find_element("id", "links-sector").click()
    assert page.execute_script("return collabnetView.counts().shown") < \
        page.execute_script("return collabnetView.counts().total")

    menu = page.find_element("id", "filter-zone")
    menu.find_element("css selector", "option[value='south']").click()
    south = page.execute_script("return collabnetView.shownNodes()")
    assert 0 < len(south) < len(groups) + 300
    page.find_element("id", "search").send_keys("Clinique\n")
    found = page.execute_script("return collabnetNetwork.getSelectedNodes()")
    assert found and page.execute_script("return document.getElementById('search-result').textContent") \
        == f"{len(found)} found"

    page.find_element("id", "reset").click()
    assert set(page.execute_script("return collabnetView.shownNodes()")) == first
    assert page.execute_script("return collabnetView.counts().shown") == shown_links
    assert page.execute_script("return document.getElementById('links-within').checked") is False
    assert console_errors(page) == []


def test_the_legend_says_what_size_encodes_in_the_readme_words(browser, pages):  # noqa: F811
    page = show(browser, pages["south"])
    legend = page.execute_script("return document.querySelector('#legend .size-note').textContent")
    assert legend == t("views.size.betweenness", "en")
    readme = re.sub(r"\s+", " ", (ROOT / "README.md").read_text(encoding="utf-8"))
    assert legend in readme

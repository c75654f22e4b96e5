"""What changed since last time, in the reports (``--since``, ``--actions``) and in the view (``view --since``).

Fixture: tests/data/dated (its graphs on OLD = 2024-01-01 and NEW = 2025-01-01 are
described, edge by edge, in tests/test_diff.py). Expected values are hand-computed
from those edge lists; what ``collabnet diff`` computes is tested there, this file
tests what the report and the view show of it.

South edges. OLD: s_cpas-s_gp, s_cpas-s_home, s_gp-s_home, s_gp-s_hosp, s_home-s_nurse.
NEW: s_cpas-s_gp, s_cpas-s_home, s_cpas-s_house, s_gp-s_house, s_home-s_nurse.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from viewdata import view_data

import collabnet
from collabnet.analyses import analyse
from collabnet.cli import cli
from collabnet.diff import compare, edge_changes, read_actions
from collabnet.render.report import render_report
from collabnet.render.view import view_html
from collabnet.words import LANGS

DATA = Path(__file__).parent / "data" / "dated"
ACTIONS = DATA.parent / "dated_earlier_actions.csv"  # beside the dataset: a file in it would be named as not read
OLD, NEW = "2024-01-01", "2025-01-01"
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def dataset():
    return collabnet.load(DATA, at=NEW)


@pytest.fixture(scope="module")
def changes(dataset):
    return compare(analyse(dataset.on(OLD), level="actors"), analyse(dataset, level="actors"), actions=read_actions(ACTIONS))


@pytest.fixture(scope="module")
def reports(dataset, changes) -> dict:
    """lang -> zone -> Report, with the section."""
    found = {}
    for lang in LANGS:
        analysis = analyse(dataset, level="actors")
        found[lang] = {zone: render_report(analysis, zone, lang, changes=changes)
                       for zone in ("south", "north", "region")}
    return found


def section(markdown: str, heading: str) -> str:
    """The text of one ``###`` part of the section "since last time"."""
    since = markdown[markdown.index("## Since last time"):markdown.index("## Links between sectors")]
    start = since.index(f"### {heading}\n")
    end = since.find("\n### ", start + 1)
    return since[start:end if end > 0 else len(since)]


def table(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("|")][2:]


def test_zone_report_figures_then_and_now(reports):
    part = section(reports["en"]["south"].markdown, "Key figures on both dates")
    assert table(part) == [
        "| Actors | 6 | 6 | 0 |",
        "| Links among these actors | 5 | 5 | 0 |",
        "| Actors with an isolation signal | 5 | 6 | +1 |",
        "| Gaps | 3 | 3 | 0 |",
        "| Cut vertices (single points of failure) | 2 | 2 | 0 |",
        "| Density | 0.333 | 0.333 | 0.000 |",
        "| E-I index between sectors | 0.20 | 0.60 | +0.40 |",
    ]
    assert "| Figure | 2024-01-01 | 2025-01-01 | Difference |" in part


def test_zone_report_ties_and_memberships(reports):
    ties = section(reports["en"]["south"].markdown, "Direct ties")
    assert "new: 2 · lost: 2" in ties
    assert table(ties) == [
        "| new | Réseau Santé Bruxelles — CPAS Sud | agreement |",
        "| new | CPAS Sud — Aide à domicile Sud | collaboration |",
        "| lost | CPAS Sud — Maison médicale Sud | information |",
        "| lost | Maison médicale Sud — Hôpital Sud | referral |",
    ]
    memberships = section(reports["en"]["south"].markdown, "Group memberships")
    assert table(memberships) == ["| new | Logement Sud | Werkgroep Zuid |",
                                  "| lost | Aide à domicile Sud | Werkgroep Zuid |"]


def test_zone_report_isolation_with_reasons(reports):
    part = section(reports["en"]["south"].markdown, "Isolated actors")
    assert "became isolated: 4 · no longer isolated: 3" in part
    assert table(part) == [
        "| became isolated | Maison médicale Sud | no link across the lines | 4 → 3 |",
        "| became isolated | Aide à domicile Sud | a single partner | 2 → 1 |",
        "| became isolated | Hôpital Sud | no link at all | 1 → 0 |",
        "| became isolated | Logement Sud | no link across the lines | 0 → 2 |",
        "| no longer isolated | Hôpital Sud | only within its own sector | 1 → 0 |",
        "| no longer isolated | Hôpital Sud | a single partner | 1 → 0 |",
        "| no longer isolated | Logement Sud | no link at all | 0 → 2 |",
    ]


def test_zone_report_gaps_and_brokers(reports):
    gaps = section(reports["en"]["south"].markdown, "Gaps")
    assert table(gaps) == [
        "| opened | No link between first and second line | first line and second line |",
        "| opened | Two sectors with no link | Home care and Medical care |",
        "| closed | Two sectors with no link | Housing and homelessness and Medical care |",
        "| closed | Two sectors with no link | Housing and homelessness and Social assistance |",
    ]
    brokers = section(reports["en"]["south"].markdown, "Brokers and cut vertices")
    assert table(brokers) == [
        "| gained | among the 5 strongest brokers | Logement Sud | – → 4 |",
        "| gained | Cut vertex | CPAS Sud | 3 → 1 |",
        "| lost | among the 5 strongest brokers | Hôpital Sud | 4 → – |",
        "| lost | Cut vertex | Maison médicale Sud | 1 → 3 |",
    ]


def test_zone_report_follow_up_of_earlier_actions(reports):
    part = section(reports["en"]["south"].markdown, "Earlier actions: realised or not")
    assert "realised: 3 · not realised: 4 · unknown: 2" in part  # statuses as in tests/test_diff.py
    rows = table(part)
    assert len(rows) == 9
    assert rows[1] == ("| 2 | Introduce | Introduce Logement Sud to CPAS Sud: Logement Sud has no link outside its own "
                       "organisation yet. | realised |")
    assert rows[8] == "| 9 | celebrate | Celebrate the partnership. | unknown |"  # a verb of the coordinator's own


def test_region_report_shows_the_whole_region_once(reports):
    md = reports["en"]["region"].markdown
    # A tie between two zones is filed under both in collabnet diff; the region shows it once.
    ties = section(md, "Direct ties")
    assert "new: 3 · lost: 2" in ties
    assert table(ties)[0] == "| new | CPAS Nord — Soins à domicile Nord | collaboration |"
    assert "| Actors | 9 | 10 | +1 |" in section(md, "Key figures on both dates")
    assert "| became isolated | Soins à domicile Nord | North | a single partner | – → 1 |" in md
    actions = section(md, "Earlier actions: realised or not")
    assert "realised: 6 · not realised: 6 · unknown: 2" in actions
    assert len(table(actions)) == 10 and "… and 4 more (collabnet diff writes them all)." in actions


def test_north_lists_a_table_with_no_change_as_counts_only(reports):
    part = section(reports["en"]["north"].markdown, "Group memberships")
    assert part.strip() == "### Group memberships\n\nnew: 0 · lost: 0"


@pytest.mark.parametrize("lang, words", [
    ("nl", ["Sinds de vorige keer", "in zorgzone Zuid van 2024-01-01 tot 2025-01-01", "nieuw: 2 · verdwenen: 2",
            "geïsoleerd geraakt", "Eerdere acties: gerealiseerd of niet", "gerealiseerd: 3"]),
    ("fr", ["Depuis la dernière fois", "dans le bassin Sud du 2024-01-01 au 2025-01-01", "nouveau : 2 · disparu : 2",
            "devenu isolé", "Actions précédentes : réalisées ou non", "réalisée : 3"]),
])
def test_section_in_dutch_and_french(reports, lang, words):
    report = reports[lang]["south"]
    for word in words:
        assert word in report.markdown, word
        assert word.replace("'", "&#39;") in report.html, word


def test_html_section_is_in_the_contents_and_tables(reports):
    html = reports["en"]["south"].html
    assert '<li><a href="#since">Since last time</a></li>' in html
    since = html[html.index('<section id="since">'):html.index('<section id="matrix">')]
    assert since.count("<table>") == 7
    assert ('<tr><td>became isolated</td><td>Hôpital Sud</td><td>no link at all</td><td class="num">1 → 0</td></tr>'
            in since)


def test_no_section_without_changes(dataset):
    report = render_report(analyse(dataset, level="actors"), "south", "en")
    assert "Since last time" not in report.markdown and 'id="since"' not in report.html


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple:
    """The dated dataset with an injected name, and earlier actions with an injected rationale."""
    folder = tmp_path_factory.mktemp("hostile") / "dated"
    shutil.copytree(DATA, folder)
    actors = folder / "actors.csv"
    actors.write_text(actors.read_text(encoding="utf-8").replace("Logement Sud", XSS + " *Logement* | Sud"),
                      encoding="utf-8")
    earlier = folder / "earlier_actions.csv"
    earlier.write_text("zone,priority,action,actors,rationale\n"
                       f"south,1,introduce,s_house|s_cpas,{XSS} [x](http://evil.example)\n", encoding="utf-8")
    ds = collabnet.load(folder, at=NEW)
    now, then = analyse(ds, level="actors"), analyse(ds.on(OLD), level="actors")
    report = render_report(now, "south", "en", changes=compare(then, now, actions=read_actions(earlier)))
    return report, folder, earlier


def test_user_strings_are_escaped_in_the_section(hostile):
    report, *_ = hostile
    since = report.html[report.html.index('<section id="since">'):report.html.index('<section id="matrix">')]
    assert "<img" not in since and "&lt;img src=x onerror=alert(1)&gt; *Logement* | Sud" in since
    md = report.markdown
    assert "<img" not in md.replace("\\<img", "")
    assert "\\<img src=x onerror=alert(1)\\> \\*Logement\\* \\| Sud" in section(md, "Group memberships")
    assert "\\[x\\](http\\://evil.example)" in section(md, "Earlier actions: realised or not")
    assert "](http" not in md.replace("\\](http", "")  # no live link


def test_markdown_tables_of_the_section_keep_their_column_count(reports, hostile):
    pages = [r.markdown for by_zone in reports.values() for r in by_zone.values()] + [hostile[0].markdown]
    for md in pages:
        rows: list[str] = []
        for line in md.splitlines() + [""]:
            if line.startswith("|"):
                rows.append(line)
                continue
            assert len({len(re.findall(r"(?<!\\)\|", row)) for row in rows}) <= 1, rows
            rows = []


def run(*args) -> object:
    return CliRunner().invoke(cli, [*(str(a) for a in args), "--level", "actors"])  # hand counts: actor graph


def test_cli_report_since_with_actions_is_deterministic(tmp_path):
    for out in (tmp_path / "a", tmp_path / "b"):
        result = run("report", DATA, "--zone", "Zuid", "--lang", "nl", "--at", NEW, "--since", OLD,
                     "--actions", ACTIONS, "--out", out, "-q")
        assert (result.exit_code, result.output) == (0, "")
    for name in ("report-south.nl.html", "report-south.nl.md"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    md = (tmp_path / "a" / "report-south.nl.md").read_text(encoding="utf-8")
    assert "## Sinds de vorige keer" in md and "gerealiseerd: 3 · niet gerealiseerd: 4 · onbekend: 2" in md


def test_cli_analyze_report_since_adds_the_section_and_colours_the_views(tmp_path):
    result = run("analyze", DATA, "--report", "--at", NEW, "--since", OLD, "--out", tmp_path, "-q")
    assert result.exit_code == 0, result.output
    md = (tmp_path / "report-south.en.md").read_text(encoding="utf-8")
    assert "## Since last time" in md and "Earlier actions" not in md
    edges = payload((tmp_path / "view-south.en.html").read_text(encoding="utf-8"))["edges"]
    assert sorted(e[5] for e in edges) == ["kept", "kept", "kept", "lost", "lost", "new", "new"]


@pytest.mark.parametrize("args, message", [
    (["report", DATA, "--at", NEW, "--actions", ACTIONS], "--actions needs --since"),
    (["report", DATA, "--at", OLD, "--since", NEW], "--since 2025-01-01 is after the analysis date 2024-01-01"),
    (["report", DATA, "--since", "2024-13-01"], "not a date"),
    (["report", DATA, "--at", NEW, "--since", OLD, "--actions", DATA / "missing.csv"], "cannot read the actions"),
    (["analyze", DATA, "--at", NEW, "--since", OLD], "use it with --report"),
    (["view", DATA, "--at", NEW, "--since", OLD, "--aggregate", "sectors"], "not with --aggregate sectors"),
    (["view", DATA, "--at", OLD, "--since", NEW], "is after the analysis date"),
])
def test_cli_errors_are_clean(tmp_path, args, message):
    result = run(*args, "--out", tmp_path / ("v.html" if args[0] == "view" else "out"))
    assert result.exit_code == 2 and message in result.output, result.output
    assert "Traceback" not in result.output


# ----- the view


def payload(html: str) -> dict:
    """The JSON data block of a page, its links unpacked as the page unpacks them."""
    return view_data(html)


def flags(data: dict) -> dict[tuple[str, str], str]:
    ids = [n["id"] for n in data["nodes"]]
    return {(ids[e[0]], ids[e[1]]): e[5] for e in data["edges"]}


@pytest.fixture(scope="module")
def south_view(dataset) -> str:
    return view_html(analyse(dataset, level="actors"), zone="south", before=dataset.on(OLD).graph_at("actors"))


def test_view_flags_every_link_of_the_zone(dataset, south_view):
    data = payload(south_view)
    assert [n["id"] for n in data["nodes"]] == ["s_cpas", "s_gp", "s_home", "s_hosp", "s_house", "s_nurse"]
    assert flags(data) == {
        ("s_cpas", "s_gp"): "kept", ("s_cpas", "s_home"): "kept", ("s_home", "s_nurse"): "kept",
        ("s_cpas", "s_house"): "new", ("s_gp", "s_house"): "new",
        ("s_gp", "s_home"): "lost", ("s_gp", "s_hosp"): "lost",   # s_hosp is still there, without any link
    }
    # the same as collabnet.diff.edge_changes on the zone's actors
    south = [v for v, z in dataset.graph.nodes(data="zone") if z == "south"]
    expected = edge_changes(dataset.on(OLD).graph_at("actors").subgraph(south), dataset.graph.subgraph(south))
    assert flags(data) == expected


def test_view_styles_legend_counts_and_tooltips(south_view):
    data = payload(south_view)
    assert data["styles"]["changes"] == {"new": {"color": "#1a9850", "dashes": False, "width": 2.5},
                                         "lost": {"color": "#d73027", "dashes": [4, 4], "width": 2.5}}
    titles = {e[5]: e[4] for e in data["edges"]}
    assert titles["new"].endswith("\nnew since 2024-01-01")
    assert titles["lost"].endswith("\nlost since 2024-01-01")
    assert "since" not in titles["kept"]
    assert all(e[3] >= 2.5 for e in data["edges"] if e[5] != "kept")
    assert "<p id=\"counts\">6 nodes, 5 links · 2 new and 2 lost links since 2024-01-01</p>" in south_view
    legend = south_view[south_view.index('<ul class="legend-changes">'):]
    legend = legend[:legend.index("</ul>")]
    assert re.findall(r'stroke="(#[0-9a-f]{6})"', legend) == ["#1a9850", "#d73027", "#3b3b3b"]
    assert 'stroke-dasharray="4,4"/></svg>lost since 2024-01-01</li>' in legend
    assert "new since 2024-01-01" in legend and "unchanged since 2024-01-01" in legend


def test_view_positions_do_not_depend_on_the_lost_links(dataset, south_view):
    plain = payload(view_html(analyse(dataset, level="actors"), zone="south"))
    assert [(n["x"], n["y"]) for n in payload(south_view)["nodes"]] == [(n["x"], n["y"]) for n in plain["nodes"]]
    assert len(plain["edges"][0]) == 5  # no flag without --since
    assert "legend-changes" not in view_html(analyse(dataset, level="actors"), zone="south")


def test_region_view_folds_persons_and_flags_links_between_organisations(dataset):
    data = payload(view_html(analyse(dataset, level="actors"), before=dataset.on(OLD).graph_at("actors"), lang="nl"))
    assert len(data["nodes"]) == 9  # s_nurse is folded into s_home
    assert flags(data) == {
        ("n_cpas", "n_gp"): "kept", ("n_gp", "r_net"): "kept", ("r_net", "s_gp"): "kept",
        ("s_cpas", "s_gp"): "kept", ("s_cpas", "s_home"): "kept",
        ("n_cpas", "n_home"): "new", ("r_net", "s_cpas"): "new", ("s_cpas", "s_house"): "new",
        ("s_gp", "s_house"): "new",
        ("n_cpas", "r_net"): "lost", ("s_gp", "s_home"): "lost", ("s_gp", "s_hosp"): "lost",
    }
    assert any(e[4].endswith("\nverdwenen sinds 2024-01-01") for e in data["edges"])


def test_view_since_is_refused_on_the_sector_map(dataset):
    with pytest.raises(ValueError, match="not with aggregate='sectors'"):
        view_html(analyse(dataset, level="actors"), aggregate="sectors", before=dataset.on(OLD).graph_at("actors"))


def test_cli_view_since_is_deterministic(tmp_path):
    pages = []
    for name in ("a.html", "b.html"):
        result = run("view", DATA, "--zone", "Zuid", "--at", NEW, "--since", OLD, "--out", tmp_path / name, "-q")
        assert result.exit_code == 0, result.output
        pages.append((tmp_path / name).read_bytes())
    assert pages[0] == pages[1]
    assert sorted(flags(payload(pages[0].decode("utf-8"))).values()).count("new") == 2

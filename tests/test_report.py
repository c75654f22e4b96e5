"""Reports (collabnet report): files, languages, heatmap counts, escaping, determinism, CLI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import collabnet
from collabnet.analyses import analyse
from collabnet.cli import cli
from collabnet.render.report import markdown_escape, render_report, render_reports, report_name
from collabnet.words import LABELS, LANGS, Vocabulary

AT = "2024-06-01"
XSS = "<img src=x onerror=alert(1)>"
QUOTES = 'Ça & Cie "test"'
MARKDOWN_NAME = "Kliniek *Sint-Jan* | [2] _x_ `y`"
URL_NAME = "Seniors http://evil.example/x"
EMAIL, PHONE = "secret.person@example.org", "+32 2 555 01 99"

ACTORS = f"""id,name,kind,sector,line,zone,organisation,language,email,phone
gp1,Maison médicale Santé,organisation,medical,1,south,,fr,,
gp2,{XSS},organisation,medical,1,south,,nl,,
cpas,"{QUOTES.replace('"', '""')}",organisation,social_assistance,1,south,,fr,,
hosp,{MARKDOWN_NAME},organisation,medical,2,south,,nl,,
home,Thuiszorg Zuid,organisation,home_care,1,south,,nl,,
nurse,Nurse A,person,home_care,1,south,home,nl,{EMAIL},{PHONE}
north1,CPAS Jette,organisation,social_assistance,1,north,,fr,,
north2,{URL_NAME},organisation,elderly,1,north,,fr,,
net,Network,organisation,coordination,,region,,bi,,
"""
TIES = """source,target,type,weight,since,until
gp1,gp2,collaboration,1,2024-01-01,
gp1,cpas,referral,1,2024-01-01,
gp2,cpas,collaboration,1,2024-01-01,
cpas,hosp,referral,1,2024-01-01,
north1,north2,collaboration,1,2024-01-01,
net,gp1,information,1,2024-01-01,
net,north1,information,1,2024-01-01,
"""


def write_dataset(folder: Path, extra_actors: str = "") -> Path:
    """The tiny two-zone dataset above as CSV files (datasets/FORMAT.md) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "actors.csv").write_text(ACTORS + extra_actors, encoding="utf-8")
    (folder / "ties.csv").write_text(TIES, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def dataset_dir(tmp_path_factory) -> Path:
    return write_dataset(tmp_path_factory.mktemp("data") / "tiny")


@pytest.fixture(scope="module")
def dataset(dataset_dir):
    return collabnet.load(dataset_dir, at=AT)


@pytest.fixture(scope="module")
def reports(dataset) -> dict:
    """lang -> zone -> Report."""
    found = {}
    for lang in LANGS:
        analysis = analyse(dataset, level="actors")
        found[lang] = {zone: render_report(analysis, zone, lang) for zone in ("south", "north", "region")}
    return found


def every_page(reports):
    for by_zone in reports.values():
        for report in by_zone.values():
            yield report.html, report.markdown


def test_files_per_zone_and_region_in_both_forms(dataset, tmp_path):
    written = render_reports(analyse(dataset, level="actors"), tmp_path, "nl")
    names = [p.name for p in written]
    assert names == ["report-north.nl.html", "report-north.nl.md", "report-south.nl.html", "report-south.nl.md",
                     "report-region.nl.html", "report-region.nl.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)  # no temporary file left behind
    assert all(p.read_text(encoding="utf-8").strip() for p in written)


def test_one_zone_only(dataset, tmp_path):
    written = render_reports(analyse(dataset, level="actors"), tmp_path, "fr", zone="south")
    assert [p.name for p in written] == ["report-south.fr.html", "report-south.fr.md"]


def test_report_name_keeps_any_zone_code_inside_the_folder():
    assert report_name("centre-west", "en", "html") == "report-centre-west.en.html"
    name = report_name("../../etc/zone", "en", "md")
    assert "/" not in name and ".." not in name.split(".")[0]
    assert report_name("a/b", "en", "md") != report_name("a b", "en", "md")


@pytest.mark.parametrize("lang, words", [
    ("nl", ["Samenwerkingsrapport", "Zorgzone Zuid", "Kerncijfers", "Hiaten", "Actielijst", "Hoe lees je dit rapport?",
            "Medische zorg", "Maatschappelijk werk", "Thuiszorg", "eerste lijn"]),
    ("fr", ["Rapport de collaboration", "Bassin Sud", "Chiffres clés", "Lacunes", "Liste d&#39;actions",
            "Comment lire ce rapport ?", "Soins médicaux", "Action sociale", "Aide et soins à domicile",
            "première ligne"]),
    ("en", ["Collaboration report", "South zone", "Key figures", "Gaps", "Action list",
            "How to read this report", "Medical care", "Social assistance", "Home care", "first line"]),
])
def test_labels_and_taxonomy_names_in_the_chosen_language(reports, lang, words):
    report = reports[lang]["south"]
    for word in words:
        assert word in report.html, word
        assert word.replace("&#39;", "'") in report.markdown, word
    others = [code for code in LANGS if code != lang]
    for other in others:  # no section heading of another language
        for key in ("report.section.figures", "report.section.actions", "report.section.howto"):
            heading = LABELS[key][other]
            if heading != LABELS[key][lang]:
                assert heading not in report.markdown, (key, other)


def test_region_report_names_the_region(reports):
    assert "Samenwerkingsrapport — Hele gewest" in reports["nl"]["region"].html
    assert "Toute la région" in reports["fr"]["region"].markdown


def test_every_report_label_exists_in_every_language():
    for key, words in LABELS.items():
        if key.startswith(("report.", "gap.", "reason.", "action.")):
            assert set(words) == set(LANGS) and all(words.values()), key


def heatmap(html: str) -> dict[tuple[str, str], int]:
    cells = re.findall(r'<td style="[^"]*" data-a="([^"]*)" data-b="([^"]*)"[^>]*>(\d+)</td>', html)
    return {(a, b): int(n) for a, b, n in cells}


def test_heatmap_cells_equal_a_hand_count(reports):
    # South, edges among its actors: gp1-gp2 (medical-medical); gp1-cpas, gp2-cpas, cpas-hosp
    # (medical-social_assistance); nurse-home (affiliation, home_care-home_care). net is region-wide.
    cells = heatmap(reports["en"]["south"].html)
    assert cells == {
        ("medical", "medical"): 1, ("medical", "home_care"): 0, ("medical", "social_assistance"): 3,
        ("home_care", "medical"): 0, ("home_care", "home_care"): 1, ("home_care", "social_assistance"): 0,
        ("social_assistance", "medical"): 3, ("social_assistance", "home_care"): 0,
        ("social_assistance", "social_assistance"): 0,
    }
    # Taxonomy order (medical, home_care, social_assistance), numbers visible in both forms.
    assert "| 1. Medical care | 1 | 0 | 3 |" in reports["en"]["south"].markdown
    assert "| 3. Social assistance | 3 | 0 | 0 |" in reports["en"]["south"].markdown
    region = heatmap(reports["en"]["region"].html)
    assert region[("coordination", "medical")] == 1 and region[("coordination", "social_assistance")] == 1
    assert region[("elderly", "social_assistance")] == 1


def test_heatmap_darkest_cell_is_the_largest_count(reports):
    html = reports["en"]["south"].html
    colours = dict(re.findall(r'<td style="background:(#[0-9a-f]{6});[^"]*"[^>]*>(\d+)</td>', html)[::-1])
    assert colours["#08306b"] == "3" and colours["#f7fbff"] == "0"


def test_isolation_chart_counts_each_actor_once_by_its_worst_signal(reports):
    md = reports["en"]["south"].markdown
    # home_care: home (no tie outside its own organisation) and nurse (its colleague only): both no_ties.
    assert "| Home care | 2 | 0 | 0 | 0 | 0 | 2 |" in md
    html = reports["en"]["south"].html
    assert html.count('<svg class="bars"') == 2


def test_injected_names_are_plain_text_in_html(reports):
    for html, _ in every_page(reports):
        assert "<img" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
        assert 'Ça & Cie "test"' not in html
    html = reports["en"]["south"].html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Ça &amp; Cie &#34;test&#34;" in html
    assert "<script" not in html.lower()


def test_injected_names_are_escaped_in_markdown(reports):
    md = reports["en"]["south"].markdown
    assert "\\<img src=x onerror=alert(1)\\>" in md and "<img" not in md.replace("\\<img", "")
    assert 'Ça & Cie "test"' in md  # nothing to escape: Markdown shows it as written
    assert "Kliniek \\*Sint-Jan\\* \\| \\[2\\] \\_x\\_ \\`y\\`" in md


def test_markdown_tables_keep_their_column_count(reports):
    # An escaped | in a name must not add a column: every row of a table has as many cell borders as its header.
    for _, md in every_page(reports):
        table: list[str] = []
        for line in md.splitlines() + [""]:
            if line.startswith("|"):
                table.append(line)
                continue
            widths = {len(re.findall(r"(?<!\\)\|", row)) for row in table}
            assert len(widths) <= 1, table
            table = []


def test_markdown_escape():
    assert markdown_escape(XSS) == "\\<img src=x onerror=alert(1)\\>"
    assert markdown_escape("a|b\nc") == "a\\|b c"
    assert markdown_escape("&lt;b&gt; & co") == "\\&lt;b\\&gt; & co"
    assert markdown_escape(None) == "" and markdown_escape(3) == "3"
    assert markdown_escape("www.x.be a@b.be HTTPS://x") == "www\\.x.be a\\@b.be HTTPS\\://x"


def test_no_network_reference_and_no_script(reports):
    for html, md in every_page(reports):
        assert not re.search(r"""(src|href|action|data)\s*=\s*["']?\s*(https?:)?//""", html, re.IGNORECASE)
        assert 'src="http' not in html and 'href="http' not in html
        assert "url(" not in html and "@import" not in html
        assert "](http" not in md
        assert "default-src 'none'" in html


def test_no_contact_data(reports):
    for html, md in every_page(reports):
        for secret in (EMAIL, PHONE, "example.org"):
            assert secret not in html and secret not in md


def test_sections_and_print_stylesheet(reports):
    html = reports["en"]["south"].html
    for section in ("matrix", "isolation", "isolated", "brokers", "gaps", "actions", "howto"):
        assert f'<section id="{section}">' in html
    assert '<section id="glance" class="glance">' in html
    assert "@media print" in html and "size: A4" in html and "section.glance { break-after: page; }" in html
    assert "thead { display: table-header-group; }" in html and "break-inside: avoid" in html


def test_report_contents(reports):
    md = reports["en"]["south"].markdown
    assert "- Actors: **6 (organisations: 5, persons: 1)**" in md
    assert "| Thuiszorg Zuid | organisation | Home care | first line | no link at all | 0 |" in md
    assert "| Two sectors with no link | Home care and Medical care | 0 | 2.0 | 2.0 |" in md
    assert "**Betweenness**:" in md and "**Cut vertex (single point of failure)**:" in md
    # cpas is the only link of hosp: a cut vertex; cpas-hosp is the only 1st-2nd line link: a bridge.
    assert "| Ça & Cie \"test\" | Social assistance | first line |" in md
    assert "first line and second line" in md
    region = reports["en"]["region"].markdown
    assert "| Nurse A | person | Home care | first line | South | no link at all | 0 |" in region
    assert "Seniors http\\://evil.example/x" in region  # no autolink in GitHub-flavoured Markdown


def test_deterministic(dataset_dir, tmp_path):
    first = render_reports(analyse(collabnet.load(dataset_dir, at=AT)),
                           tmp_path / "a", "fr")
    second = render_reports(analyse(collabnet.load(dataset_dir, at=AT)),
                            tmp_path / "b", "fr")
    assert [p.name for p in first] == [p.name for p in second]
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.name
    assert AT in first[0].read_text(encoding="utf-8")


def test_unknown_language_is_refused(dataset):
    with pytest.raises(ValueError, match="unknown language"):
        render_report(analyse(dataset, level="actors"), "south", "de")


def test_cli_end_to_end(dataset_dir, tmp_path):
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(cli, ["report", str(dataset_dir), "--zone", "Zuid", "--lang", "nl", "--at", AT,
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [str(out / "report-south.nl.html"), str(out / "report-south.nl.md")]
    html = (out / "report-south.nl.html").read_text(encoding="utf-8")
    assert "Samenwerkingsrapport — Zorgzone Zuid" in html and "&lt;img src=x" in html

    result = runner.invoke(cli, ["report", str(dataset_dir), "--at", AT, "--out", str(out), "-q"])
    assert result.exit_code == 0 and result.output == ""
    assert sorted(p.name for p in out.iterdir()) == [
        "report-north.en.html", "report-north.en.md", "report-region.en.html", "report-region.en.md",
        "report-south.en.html", "report-south.en.md", "report-south.nl.html", "report-south.nl.md"]

    result = runner.invoke(cli, ["report", str(dataset_dir), "--zone", "region", "--lang", "fr", "--at", AT,
                                 "--out", str(out), "-q"])
    assert result.exit_code == 0
    assert "Toute la région" in (out / "report-region.fr.html").read_text(encoding="utf-8")


def test_cli_errors(dataset_dir, tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["report", str(dataset_dir), "--zone", "Atlantis", "--out", str(tmp_path)])
    assert result.exit_code == 2 and "Atlantis" in result.output
    result = runner.invoke(cli, ["report", str(tmp_path / "missing"), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "report" in runner.invoke(cli, ["--help"]).output
    assert "Example:" in runner.invoke(cli, ["report", "--help"]).output



def _estimated(tmp_path_factory, ceiling: int):
    """An analysis of a 300-organisation synthetic region treated as large: betweenness estimated from 32 sources,
    doubled up to ``ceiling`` until each zone's top 10 is certified (at 300 or more sources every node is one)."""
    from synth300 import estimated_as_large, synth_300

    dataset = synth_300(tmp_path_factory.mktemp("synth300"))
    with estimated_as_large(ceiling):
        return analyse(dataset)


@pytest.fixture(scope="module")
def settled(tmp_path_factory):
    """Every zone's top 10 certified (the sample grew to every node)."""
    return _estimated(tmp_path_factory, 512)


@pytest.fixture(scope="module")
def unsettled(tmp_path_factory):
    """64 sources: no real zone's top 10 certified."""
    return _estimated(tmp_path_factory, 64)


def _zones_by_certainty(analysis) -> tuple[list, list]:
    zones = analysis.summary.betweenness["certified"]["zones"]
    return [z for z in sorted(zones) if zones[z]], [z for z in sorted(zones) if not zones[z]]


def test_zone_report_says_its_top_10_is_settled_when_the_estimate_certified_it(settled):
    sources = settled.summary.betweenness["sources"]
    assert settled.summary.betweenness["method"] == "estimated" and sources >= 300
    for zone in settled.zones:
        text = render_report(settled, zone, "en").markdown
        assert f"estimated here from {sources} actors drawn at random as starting points" in text
        assert "This zone's top 10 is settled with 95% certainty" in text
        assert "cannot tell" not in text and "not yet settled" not in text


def test_region_report_says_every_top_10_is_settled_when_the_estimate_certified_them_all(settled):
    assert _zones_by_certainty(settled)[1] == []
    text = render_report(settled, "region", "nl").markdown
    assert "In elke zone staat de top 10 met 95% zekerheid vast" in text


def test_zone_report_says_its_ranks_are_candidates_when_the_estimate_did_not_certify_them(unsettled):
    _, unsure = _zones_by_certainty(unsettled)
    assert set(unsure) >= set(unsettled.zones)
    for zone in unsettled.zones:
        report = render_report(unsettled, zone, "nl")
        for text in (report.markdown, report.html):
            assert "geschat op basis van 64 willekeurig gekozen actoren als vertrekpunt" in text
            assert "In deze zone staat de top 10 nog niet met 95% zekerheid vast" in text
            assert "collabnet analyze --exact-betweenness" in text


ESTIMATED = {"method": "estimated", "sources": 2048, "seed": 42,
             "certified": {"confidence": 0.95, "top": 10, "zones": {"north": False, "region": False, "south": True}}}


@pytest.fixture(scope="module")
def said_estimated(dataset):
    """The tiny dataset's analysis with a summary that says its betweenness was estimated: south's top 10
    certified, north's and the region-wide actors' not."""
    import dataclasses

    analysis = analyse(dataset)
    return dataclasses.replace(analysis, summary=dataclasses.replace(analysis.summary, betweenness=ESTIMATED))


def test_each_zone_report_says_what_the_summary_says_of_that_zone(said_estimated):
    south, north = (render_report(said_estimated, zone, "en").markdown for zone in ("south", "north"))
    assert "This zone's top 10 is settled with 95% certainty" in south and "cannot tell" not in south
    assert "In this zone the top 10 is not yet settled with 95% certainty" in north and "is settled" not in north


def test_zone_report_says_which_leading_ranks_are_sure_when_its_top_10_is_not(said_estimated):
    import dataclasses

    entry = {**ESTIMATED, "certified": {**ESTIMATED["certified"], "sure_ranks": {"north": 3, "south": 10}}}
    analysis = dataclasses.replace(said_estimated, summary=dataclasses.replace(said_estimated.summary,
                                                                               betweenness=entry))
    text = render_report(analysis, "north", "en").markdown
    assert ("as a fixed order. The actors ranked 1 to 3, however, belong to the top 10 with 95% certainty. "
            "For exact ranks, run collabnet analyze --exact-betweenness") in text
    assert "however" not in render_report(said_estimated, "north", "en").markdown  # none said sure: no sentence


def test_region_report_names_the_zones_not_certified_then_the_region_wide_actors(said_estimated):
    text = render_report(said_estimated, "region", "en").markdown
    assert "Zones concerned: North, the region-wide actors (no zone). There the estimate" in text
    fr = render_report(said_estimated, "region", "fr").markdown
    assert "Bassins concernés : Nord, les acteurs régionaux (sans bassin) ; l'estimation" in fr


def test_terminal_counts_the_zones_whose_top_10_is_settled(said_estimated):
    from collabnet.render.terminal import render_summary

    text = render_summary(said_estimated, Vocabulary.for_analysis(said_estimated, "nl"))
    assert ("Tussenpositie geschat op basis van 2048 vertrekpunten: top 10 vast (95%) in 1 van de 2 zones; "
            "exacte rangen met --exact-betweenness") in text.splitlines()


def test_report_with_exact_betweenness_says_nothing_about_an_estimate(dataset):
    analysis = analyse(dataset)
    assert analysis.summary.betweenness == {"method": "exact"}
    for lang, said in (("en", "estimated here"), ("nl", "geschat op basis"), ("fr", "estimée à partir")):
        assert said not in render_report(analysis, "south", lang).markdown

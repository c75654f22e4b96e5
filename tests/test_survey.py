"""The relationship survey (issue 17): form, answers read back as ties, analyses, report, waves."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

import collabnet
from collabnet.analyses import analyse
from collabnet.analyses.survey import SurveyAnswer, survey_findings
from collabnet.cli import cli
from collabnet.diff import compare, diff_tables
from collabnet.render.report import render_report
from collabnet.survey.scale import parse_frequency, parse_level, parse_score

ACTORS = """id,name,kind,sector,zone,language
a,Alpha Maison Médicale,organisation,medical,south,fr
b,Beta OCMW,organisation,social_assistance,south,nl
c,Gamma Wonen,organisation,housing,south,nl
r,Regio Netwerk,organisation,coordination,region,bi
n,Noord Huis,organisation,medical,north,nl
"""
TIES = "source,target,type\nr,a,collaboration\n"


def dataset(tmp_path: Path, ties: str = TIES) -> Path:
    folder = tmp_path / "ds"
    folder.mkdir()
    (folder / "actors.csv").write_text(ACTORS, encoding="utf-8")
    (folder / "ties.csv").write_text(ties, encoding="utf-8")
    return folder


def run(*args) -> object:
    return CliRunner().invoke(cli, [str(a) for a in args])


def survey_ties(folder: Path) -> list[tuple]:
    ds = collabnet.load(folder)
    rows = ds.ties[ds.ties["type"] == "survey"]
    return sorted(zip(rows["source"], rows["target"], rows["weight"], rows["since"], rows["until"], rows["reported_by"]))


def template(tmp_path: Path, *options) -> tuple[Path, Path]:
    folder = dataset(tmp_path)
    form = tmp_path / "form.xlsx"
    result = run("survey", "template", folder, "--zone", "south", "--lang", "en", "--out", form, *options)
    assert result.exit_code == 0, result.output
    return folder, form


def test_the_form_lists_the_zone_and_the_region_wide_organisations_active_in_it(tmp_path):
    _folder, form = template(tmp_path)
    book = openpyxl.load_workbook(form)
    # Instructions first, then one sheet per organisation (ids), by name; north's n is not surveyed.
    assert book.sheetnames == ["Instructions", "a", "b", "c", "r"]
    sheet = book["a"]
    assert [sheet.cell(1, c).value for c in (1, 2, 3)] == ["Your organisation", "a", "Alpha Maison Médicale"]
    assert [sheet.cell(row, 1).value for row in range(5, 8)] == ["b", "c", "r"]


@pytest.mark.parametrize(("zone", "lang", "title"), [
    ("south", "nl", "Bevraging: hoe werken de organisaties van zorgzone Zuid samen?"),
    ("region", "nl", "Bevraging: hoe werken de organisaties van het gewest samen?"),
    ("region", "fr", "Enquête : comment les organisations de la région travaillent-elles ensemble ?"),
])
def test_the_form_title_names_the_zone_or_the_region(tmp_path, zone, lang, title):
    folder = dataset(tmp_path)
    with (folder / "actors.csv").open("a", encoding="utf-8") as actors:
        actors.write("s,Steunpunt,organisation,coordination,region,bi\n")  # a second region-wide organisation
    form = tmp_path / "form.xlsx"
    result = run("survey", "template", folder, "--zone", zone, "--lang", lang, "--out", form)
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(form).worksheets[0].cell(1, 1).value == title


def test_labels_of_earlier_forms_are_still_read():
    assert [parse_frequency(v) for v in ("Environ chaque trimestre", "Environ chaque mois")] == ["quarterly", "monthly"]
    assert [parse_level(v) for v in ("Mise en réseau", "Netwerken", "1 – Mise en réseau", "1 - Netwerken")] == [1] * 4


@pytest.mark.parametrize(("parse", "text", "message"), [
    (parse_level, "-1", "level '-1' is out of range (0 to 5)"),
    (parse_score, "-3", "score '-3' is out of range (1 to 4)"),
])
def test_a_negative_answer_is_out_of_range_not_read_without_its_sign(parse, text, message):
    with pytest.raises(ValueError) as caught:
        parse(text)
    assert str(caught.value) == message


@pytest.mark.parametrize(("parse", "text", "message"), [
    (parse_level, "2 - 3", "level '2 - 3' is not a level (0 to 5, or a label of the scale)"),
    (parse_level, "3 – Networking", "level '3 – Networking' is not a level (0 to 5, or a label of the scale)"),
    (parse_level, "-3 – Afstemmen", "level '-3 – Afstemmen' is not a level (0 to 5, or a label of the scale)"),
    (parse_level, "- Coordination", "level '- Coordination' is not a level (0 to 5, or a label of the scale)"),
    (parse_score, "2 – 3", "score '2 – 3' is not a score (1 to 4, or a label of the scale)"),
])
def test_an_answer_that_is_not_exactly_a_number_or_a_label_of_the_scale_is_not_read(parse, text, message):
    # A range, a number with another level's label, a signed label: never the first number found in it.
    with pytest.raises(ValueError) as caught:
        parse(text)
    assert str(caught.value) == message


def test_the_level_cells_accept_only_the_scale(tmp_path):
    _folder, form = template(tmp_path)
    sheet = openpyxl.load_workbook(form)["a"]
    rules = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    assert rules["E5:E7"].type == "list"
    assert rules["E5:E7"].formula1 == ('"0 – No interaction,1 – Networking,2 – Cooperation,3 – Coordination,'
                                       '4 – Coalition,5 – Collaboration"')
    assert rules["E5:E7"].showErrorMessage and rules["E5:E7"].errorStyle in (None, "stop")
    assert rules["B2"].type == "date"


def test_the_same_form_gives_the_same_bytes_and_no_formula(tmp_path):
    folder, form = template(tmp_path, "--trust", "--value")
    again = tmp_path / "again.xlsx"
    assert run("survey", "template", folder, "--zone", "Sud", "--lang", "en", "--out", again, "--trust",
               "--value").exit_code == 0
    assert form.read_bytes() == again.read_bytes()
    with zipfile.ZipFile(io.BytesIO(form.read_bytes())) as archive:
        assert not any(b"<f>" in archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/"))


def test_a_filled_form_becomes_one_tie_per_answer(tmp_path):
    folder, form = template(tmp_path, "--frequency", "--trust")
    book = openpyxl.load_workbook(form)
    a, b = book["a"], book["b"]
    a["B2"] = dt.date(2025, 3, 14)
    a["E5"], a["F5"], a["G5"], a["H5"], a["I5"] = "3 – Coordination", "Every week", "4 – A great deal", \
        "3 – A fair amount", "2 – A small amount"
    a["E6"] = "0 – No interaction"
    b["B2"] = dt.date(2025, 3, 17)
    b["E5"] = "1 – Networking"           # b's first partner is a
    book.save(tmp_path / "filled.xlsx")
    result = run("survey", "read", tmp_path / "filled.xlsx", "--dataset", folder, "--out", tmp_path / "ds2")
    assert result.exit_code == 0, result.output
    assert "filled.xlsx: 3 answer(s) read, 0 left out" in result.output
    assert survey_ties(tmp_path / "ds2") == [("a", "b", 3.0, "2025-03-14", "", "a"), ("a", "c", 0.0, "2025-03-14", "", "a"),
                                             ("b", "a", 1.0, "2025-03-17", "", "b")]
    ds = collabnet.load(tmp_path / "ds2")
    row = ds.ties[(ds.ties["source"] == "a") & (ds.ties["target"] == "b")].iloc[0]
    # PARTNER trust of this answer: the mean of openness 4, reliability 3, shared mission 2.
    assert (row["frequency"], row["trust"], row["openness"]) == ("weekly", "3", "4")
    assert not ds.graph.has_edge("a", "c")  # level 0: asked, no interaction, no edge


def test_a_filled_long_form_in_dutch_is_read_back(tmp_path):
    folder = dataset(tmp_path)
    form = tmp_path / "form.xlsx"
    assert run("survey", "template", folder, "--zone", "south", "--lang", "nl", "--long", "--out", form).exit_code == 0
    book = openpyxl.load_workbook(form)
    sheet = book["Antwoorden"]
    assert [c.value for c in sheet[1]][:3] == ["Uw organisatie", "Naam van uw organisatie", "Code partner"]
    assert [c.value for c in sheet[8]][:3] == ["c", "Gamma Wonen", "a"]  # rows: a's partners b, c, r; b's; then c's
    sheet["G2"], sheet["H2"] = "3 – Afstemmen", dt.date(2025, 3, 14)  # a about b
    sheet["G3"], sheet["H3"] = "0 – Geen contact", dt.date(2025, 3, 14)  # a about c
    sheet["G8"], sheet["H8"] = "5 – Geïntegreerd samenwerken", dt.date(2025, 3, 20)  # c about a
    book.save(tmp_path / "filled.xlsx")
    result = run("survey", "read", tmp_path / "filled.xlsx", "--dataset", folder, "--out", tmp_path / "ds2")
    assert result.exit_code == 0, result.output
    assert survey_ties(tmp_path / "ds2") == [("a", "b", 3.0, "2025-03-14", "", "a"), ("a", "c", 0.0, "2025-03-14", "", "a"),
                                             ("c", "a", 5.0, "2025-03-20", "", "c")]


LONG = """respondent;partner;level;date
a;b;4;2025-03-15
b;Alpha Maison Medicale;1;2025-03-15
a;zz;2;2025-03-15
c;a;7;2025-03-15
a;b;3;2025-03-15
c;c;2;2025-03-15
c;b;2;
"""


def read_long(tmp_path: Path, *options):
    """``survey read`` of the long answers above into ``ds2``."""
    folder = dataset(tmp_path)
    (tmp_path / "answers.csv").write_text(LONG, encoding="utf-8")
    return CliRunner().invoke(cli, ["survey", "read", str(tmp_path / "answers.csv"), "--dataset", str(folder),
                                    "--out", str(tmp_path / "ds2"), *options])


def test_every_unusable_answer_is_reported_with_file_row_and_column(tmp_path):
    result = read_long(tmp_path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "answers.csv:4: partner: unknown partner 'zz': no organisation of the dataset with this id or name; "
        "the answer is left out",
        "answers.csv:5: level: level '7' is out of range (0 to 5); the answer is left out",
        "answers.csv:6: level: duplicate answer: 'a' about 'b' on 2025-03-15 was already answered at answers.csv:2; "
        "this one is left out",
        "answers.csv:7: partner: an answer of 'c' about itself; left out",
        "answers.csv:8: date: no date (fill in the form's date, or give --date); the answer is left out",
    ]
    # The partner typed by name is matched to its organisation.
    assert survey_ties(tmp_path / "ds2") == [("a", "b", 4.0, "2025-03-15", "", "a"), ("b", "a", 1.0, "2025-03-15", "", "b")]


def test_a_negative_level_in_a_long_answers_file_is_reported_and_left_out(tmp_path):
    folder = dataset(tmp_path)
    (tmp_path / "answers.csv").write_text("respondent;partner;level;date\na;b;4;2025-03-15\na;c;-1;2025-03-15\n",
                                          encoding="utf-8")
    result = run("survey", "read", tmp_path / "answers.csv", "--dataset", folder, "--out", tmp_path / "ds2")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "answers.csv:3: level: level '-1' is out of range (0 to 5); the answer is left out"]
    assert survey_ties(tmp_path / "ds2") == [("a", "b", 4.0, "2025-03-15", "", "a")]


def test_a_negative_number_typed_in_a_form_is_reported_and_left_out(tmp_path):
    folder, form = template(tmp_path)
    book = openpyxl.load_workbook(form)
    book["a"]["B2"] = dt.date(2025, 3, 14)
    book["a"]["E5"], book["a"]["E6"] = -2, "1 – Networking"  # typed over the drop-down: a number cell
    book.save(tmp_path / "filled.xlsx")
    result = run("survey", "read", tmp_path / "filled.xlsx", "--dataset", folder, "--out", tmp_path / "ds2")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "filled.xlsx[a]:5: level: level '-2' is out of range (0 to 5); the answer is left out"]
    assert survey_ties(tmp_path / "ds2") == [("a", "c", 1.0, "2025-03-14", "", "a")]


def test_a_form_date_cell_past_the_last_day_excel_has_is_reported_not_a_crash(tmp_path):
    folder, form = template(tmp_path)
    book = openpyxl.load_workbook(form)
    book["a"]["B2"] = dt.date(2025, 3, 14)
    book["a"]["E5"] = book["b"]["E5"] = "3 – Coordination"
    book["b"]["B2"] = 2958466  # one day after 31/12/9999: Excel shows #####
    book["b"]["B2"].number_format = "dd/mm/yyyy"
    book.save(tmp_path / "filled.xlsx")
    result = run("survey", "read", tmp_path / "filled.xlsx", "--dataset", folder, "--out", tmp_path / "ds2")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "filled.xlsx[b]:2: date: not a date: '2958466' (expected DD/MM/YYYY (day first: 15/01/2024, 15-01-2024, "
        "15.01.2024) or YYYY-MM-DD); the answer is left out",
        "filled.xlsx[b]:5: date: no date (fill in the form's date, or give --date); the answer is left out"]
    assert survey_ties(tmp_path / "ds2") == [("a", "b", 3.0, "2025-03-14", "", "a")]


def test_a_file_without_answers_is_unusable(tmp_path):
    folder = dataset(tmp_path)
    (tmp_path / "list.csv").write_text("name,organisation\nAn,Alpha\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["survey", "read", str(tmp_path / "list.csv"), "--dataset",
                                                      str(folder), "--out", str(tmp_path / "ds2")])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: list.csv: no partner or level column")
    assert not (tmp_path / "ds2").exists()


def graph():
    import networkx as nx

    G = nx.Graph()
    for v, sector in (("a", "medical"), ("b", "medical"), ("c", "housing"), ("d", "housing")):
        G.add_node(v, kind="organisation", zone="south", sector=sector, name=v.upper())
    return G


def test_response_rates_disagreements_and_partner_scores_by_hand():
    answers = [SurveyAnswer("a", "b", 4, "2025-01-01", trust=3.0, value=2.0),
               SurveyAnswer("b", "a", 1, "2025-01-02", trust=4.0),
               SurveyAnswer("a", "c", 2, "2025-01-01"), SurveyAnswer("c", "a", 3, "2025-01-03"),
               SurveyAnswer("c", "b", 0, "2025-01-03", trust=2.0, value=4.0)]
    found = survey_findings(graph(), answers)
    # a, b, c answered; d did not: 3 of 4; medical 2 of 2, housing 1 of 2.
    assert [(r.sector, r.asked, r.answered, r.rate) for r in found.responses if r.zone == "south"] == [
        ("", 4, 3, 0.75), ("housing", 2, 1, 0.5), ("medical", 2, 2, 1.0)]
    assert found.nonrespondents["south"] == ("d",)
    # a-b: 4 against 1 (3 apart); a-c: 2 against 3 is no disagreement; c-b: b never answered about c.
    assert [(d.a, d.b, d.level_a, d.level_b, d.difference) for d in found.disagreements if d.zone == "south"] == [
        ("a", "b", 4, 1, 3)]
    # b rated trust 3 (by a) and 2 (by c): 2.5; value 2 and 4: 3; a rated trust 4 by b.
    scores = {s.actor: (s.trust, s.trust_ratings, s.value, s.value_ratings) for s in found.scores}
    assert scores == {"a": (4.0, 1, None, 0), "b": (2.5, 2, 3.0, 2)}
    zone = found.zone_scores["south"]
    assert (zone.trust, zone.trust_percent, zone.value, zone.value_percent) == (3.0, 75.0, 3.0, 75.0)


def test_a_sector_pair_with_answers_of_at_most_networking_is_flagged():
    weak = survey_findings(graph(), [SurveyAnswer("a", "c", 1, "2025-01-01"), SurveyAnswer("c", "b", 0, "2025-01-01")])
    level = weak.level_between("south", "medical", "housing")
    assert (level.answers, level.mean_level, level.max_level, level.networking_only) == (2, 0.5, 1, True)
    linked = survey_findings(graph(), [SurveyAnswer("a", "c", 1, "2025-01-01"), SurveyAnswer("c", "b", 2, "2025-01-01")])
    assert linked.level_between("south", "housing", "medical").networking_only is False


SURVEYED = TIES + """a,b,survey,4,2025-03-01,,a
b,a,survey,1,2025-03-02,,b
a,c,survey,2,2025-03-01,,a
c,a,survey,2,2025-03-03,,c
"""


def test_a_zone_report_shows_levels_and_disagreements_in_three_languages(tmp_path):
    folder = dataset(tmp_path, SURVEYED.replace("source,target,type", "source,target,type,weight,since,until,reported_by"))
    result = analyse(collabnet.load(folder, at="2025-06-01"))
    expected = {"nl": ("Hoe nauw wordt er samengewerkt (bevraging)", "4 – Samen beslissen", "1 – Elkaar kennen"),
                "fr": ("Intensité des collaborations (enquête)", "4 – Décider ensemble", "1 – Se connaître"),
                "en": ("How closely they work together (survey)", "4 – Coalition", "1 – Networking")}
    for lang, (title, a_says, b_says) in expected.items():
        markdown = render_report(result, "south", lang).markdown
        assert f"## {title}" in markdown
        assert f"| Alpha Maison Médicale | Beta OCMW | {a_says} | {b_says} |" in markdown
        # medical x social_assistance: answers 4 and 1, mean 2.5 (decimal comma in nl and fr)
        assert ("(ø 2,5)" if lang != "en" else "(ø 2.5)") in markdown


def test_a_dataset_without_survey_ties_has_no_survey_section(tmp_path):
    result = analyse(collabnet.load(dataset(tmp_path), at="2025-06-01"))
    assert result.survey is None
    html = render_report(result, "south", "en").html
    assert 'id="survey"' not in html and "ø" not in html


def test_analyze_writes_the_disagreeing_pairs(tmp_path):
    folder = dataset(tmp_path, SURVEYED.replace("source,target,type", "source,target,type,weight,since,until,reported_by"))
    assert run("analyze", folder, "--out", tmp_path / "out", "--at", "2025-06-01", "-q").exit_code == 0
    assert (tmp_path / "out" / "survey_dyads.csv").read_text(encoding="utf-8").splitlines() == [
        "zone,a,a_name,b,b_name,level_a,level_b,difference,since_a,since_b",
        "region,a,Alpha Maison Médicale,b,Beta OCMW,4,1,3,2025-03-01,2025-03-02",
        "south,a,Alpha Maison Médicale,b,Beta OCMW,4,1,3,2025-03-01,2025-03-02"]


def test_a_second_wave_reuses_the_first_for_pairs_not_asked_again_and_diff_shows_the_moves(tmp_path):
    folder = dataset(tmp_path)
    (tmp_path / "wave1.csv").write_text("respondent,partner,level,date\na,b,2,2024-03-01\na,c,3,2024-03-01\n",
                                        encoding="utf-8")
    (tmp_path / "wave2.csv").write_text("respondent,partner,level,date\na,b,4,2025-03-01\n", encoding="utf-8")
    assert run("survey", "read", tmp_path / "wave1.csv", "--dataset", folder).exit_code == 0
    assert run("survey", "read", tmp_path / "wave2.csv", "--dataset", folder).exit_code == 0
    assert survey_ties(folder) == [("a", "b", 2.0, "2024-03-01", "2025-03-01", "a"),
                                   ("a", "b", 4.0, "2025-03-01", "", "a"), ("a", "c", 3.0, "2024-03-01", "", "a")]
    ds = collabnet.load(folder)
    old, new = analyse(ds.on("2024-06-01")), analyse(ds.on("2025-06-01"))
    assert [(x.respondent, x.partner, x.level) for x in new.survey.answers] == [("a", "b", 4), ("a", "c", 3)]
    columns, rows = diff_tables(compare(old, new))["survey"]
    assert [(r["zone"], r["change"], r["respondent"], r["partner"], r["old_level"], r["new_level"]) for r in rows] == [
        ("south", "up", "a", "b", 2, 4)]


def test_reading_the_same_answers_again_changes_nothing(tmp_path):
    folder = dataset(tmp_path)
    (tmp_path / "wave1.csv").write_text("respondent,partner,level,date\na,b,2,2024-03-01\n", encoding="utf-8")
    assert run("survey", "read", tmp_path / "wave1.csv", "--dataset", folder).exit_code == 0
    before = (folder / "ties.csv").read_bytes()
    result = run("survey", "read", tmp_path / "wave1.csv", "--dataset", folder)
    assert "0 tie(s) added, 0 replaced, 1 unchanged" in result.output
    assert (folder / "ties.csv").read_bytes() == before


@pytest.mark.parametrize("kind, reported", [("survey", False), ("collaboration", True)])
def test_weight_zero_is_a_survey_level_only(tmp_path, kind, reported):
    folder = dataset(tmp_path, f"source,target,type,weight\na,b,{kind},0\n")
    ds = collabnet.load(folder)
    assert bool(ds.problems) is reported
    assert not ds.graph.has_edge("a", "b")


def test_the_unusable_answers_are_reported_in_french(tmp_path):
    result = read_long(tmp_path, "--lang", "fr", "-q")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "answers.csv:4: partner: partenaire inconnu 'zz' : aucune organisation du jeu de données avec cet identifiant "
        "ou ce nom ; la réponse est écartée",
        "answers.csv:5: level: le niveau '7' n'est pas compris entre 0 et 5 ; la réponse est écartée",
        "answers.csv:6: level: réponse en double : 'a' sur 'b' le 2025-03-15 figure déjà dans answers.csv:2 ; celle-ci "
        "est écartée",
        "answers.csv:7: partner: une réponse de 'c' à son propre sujet ; écartée",
        "answers.csv:8: date: pas de date (remplissez la date du formulaire, ou indiquez --date) ; la réponse est "
        "écartée",
    ]
    assert result.stdout.splitlines() == [
        "answers.csv : 2 réponses lues, 5 écartées, 0 ligne de partenaire sans niveau",
        f"{tmp_path / 'ds2'} : 2 liens ajoutés, 0 remplacé, 0 inchangé, 0 réponse antérieure clôturée par une vague "
        "plus récente"]

"""Day-first dates, Dutch and French names, case-insensitive options (dataset.md "Reading rules", issue 16).

Expected dates are hand-computed; Excel serials from Excel's own DATE():
DATE(2024,1,15) = 45306, DATE(2024,2,29) = 45351.
"""

import datetime as dt

import pytest
from click.testing import CliRunner

import collabnet
from collabnet.cli import cli
from collabnet.dataset.dates import parse_date
from collabnet.errors import DatasetError
from collabnet.writing import xlsx_bytes

D = dt.date


@pytest.mark.parametrize("text, day", [
    ("2024-01-15", D(2024, 1, 15)),
    ("15/01/2024", D(2024, 1, 15)),
    ("15-01-2024", D(2024, 1, 15)),
    ("15.01.2024", D(2024, 1, 15)),
    ("1/2/2024", D(2024, 2, 1)),
    ("01/02/2024", D(2024, 2, 1)),
    ("29/02/2024", D(2024, 2, 29)),
    ("15/01/24", D(2024, 1, 15)),
    ("15/01/95", D(1995, 1, 15)),
    ("2024/01/15", D(2024, 1, 15)),
    ("2024-01-15 00:00:00", D(2024, 1, 15)),
    ("2024-01-15T10:30:00", D(2024, 1, 15)),
    ("15/01/2024 10:30", D(2024, 1, 15)),
    ("45306", D(2024, 1, 15)),
    ("45351.75", D(2024, 2, 29)),
    ("  15/01/2024 ", D(2024, 1, 15)),
])
def test_accepted_forms(text, day):
    assert parse_date(text) == day


def test_empty_is_open_ended():
    assert (parse_date(""), parse_date("  "), parse_date(None)) == (None, None, None)


@pytest.mark.parametrize("text, reason", [
    ("30/02/2024", "February 2024 has 29 days"),
    ("29/02/2023", "February 2023 has 28 days"),
    ("31/04/2024", "April 2024 has 30 days"),
    ("2024-02-30", "February 2024 has 29 days"),
    ("2024-13-01", "there is no month 13"),
    ("01/31/2024", "there is no month 31; dates are day first: DD/MM/YYYY"),
    ("15/13/2024", "there is no month 13"),
    ("2024", "a year alone; write the day, e.g. 01/01/2024"),
    ("15/01-2024", "expected DD/MM/YYYY (day first: 15/01/2024, 15-01-2024, 15.01.2024) or YYYY-MM-DD"),
    ("soon", "expected DD/MM/YYYY (day first: 15/01/2024, 15-01-2024, 15.01.2024) or YYYY-MM-DD"),
])
def test_impossible_or_unreadable_dates_give_the_reason(text, reason):
    with pytest.raises(ValueError) as info:
        parse_date(text)
    assert str(info.value) == f"not a date: {text!r} ({reason})"


def _folder(tmp_path, files):
    folder = tmp_path / "ds"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_bytes(text.encode("cp1252"))
    return folder


FRENCH = {
    "acteurs.csv": "Identifiant;Nom;Type;Secteur;Ligne;Commune\r\n"
                   "cpas;CPAS de Forest;organisme;Action sociale;première ligne;Forest\r\n"
                   "mm;Maison médicale;organisme;medical;1;Saint-Gilles\r\n",
    "groupes.csv": "Identifiant;Nom;Type;Zone\r\ngt;Groupe de travail Sud;groupe de travail;Sud\r\n",
    "affiliations.csv": "Acteur;Groupe;Rôle;Depuis;Jusqu'au\r\n"
                        "cpas;gt;membre;15/01/2024;\r\n"
                        "mm;gt;membre;1/2/2024;30/02/2024\r\n",
    "liens.csv": "Source;Cible;Poids;Depuis\r\ncpas;mm;2,5;15.01.2024\r\n",
}


def test_french_csv_names_headers_and_day_first_dates(tmp_path):
    ds = collabnet.load(_folder(tmp_path, FRENCH), at="2024-06-01")
    assert list(ds.actors["id"]) == ["cpas", "mm"] and list(ds.actors["zone"]) == ["south", "south"]
    assert list(ds.groups["type"]) == ["working_group"]
    assert list(ds.memberships[["actor", "since"]].itertuples(index=False, name=None)) == [("cpas", "2024-01-15")]
    assert list(ds.ties["since"]) == ["2024-01-15"] and list(ds.ties["weight"]) == [2.5]
    assert [str(p) for p in ds.problems] == [
        "affiliations.csv:3: jusqu'au: not a date: '30/02/2024' (February 2024 has 29 days)"]


def test_01_02_is_the_first_of_february(tmp_path):
    files = {k: v for k, v in FRENCH.items() if k != "liens.csv"}
    files["affiliations.csv"] = "Acteur;Groupe;Depuis\r\ncpas;gt;15/01/2024\r\nmm;gt;01/02/2024\r\n"
    folder = _folder(tmp_path, files)
    assert not collabnet.load(folder, at="31/01/2024").graph.has_edge("cpas", "mm")
    assert collabnet.load(folder, at="01/02/2024").graph.has_edge("cpas", "mm")


def _workbook(tmp_path, sheets, name="zuid.xlsx"):
    def build(book):
        day = book.add_format({"num_format": "dd/mm/yyyy"})
        for sheet_name, rows in sheets.items():
            sheet = book.add_worksheet(sheet_name)
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    if isinstance(value, dt.date):
                        sheet.write_datetime(r, c, dt.datetime(value.year, value.month, value.day), day)
                    elif isinstance(value, (int, float)):
                        sheet.write_number(r, c, value)
                    else:
                        sheet.write_string(r, c, value)

    path = tmp_path / name
    path.write_bytes(xlsx_bytes(build, neutralise=False))
    return path


DUTCH = {
    "Actoren": [["id", "naam", "soort", "sector", "lijn", "gemeente"],
                ["ocmw", "OCMW Vorst", "organisatie", "Maatschappelijk werk", "eerste lijn", "Vorst"],
                ["wgc", "Wijkgezondheidscentrum", "organisatie", "medical", "1", "Sint-Gillis"]],
    "Groepen": [["id", "naam", "type"], ["wg", "Werkgroep Zuid", "werkgroep"]],
    "Lidmaatschappen": [["actor", "groep", "sinds", "tot"],
                        ["ocmw", "wg", D(2024, 1, 15), ""],
                        ["wgc", "wg", 45306, "15-01-2025"],
                        ["wgc", "wg", "31/04/2025", ""]],
    "Banden": [["bron", "doel", "gewicht", "sinds"], ["ocmw", "wgc", 2, "1.2.2024"]],
    "Notities": [["vrije tekst"]],
}


def test_dutch_workbook_date_cells_serials_and_day_first_text(tmp_path):
    ds = collabnet.load(_workbook(tmp_path, DUTCH), at="2024-06-01")
    members = ds.memberships
    assert list(members[["actor", "since", "until"]].itertuples(index=False, name=None)) == [
        ("ocmw", "2024-01-15", ""), ("wgc", "2024-01-15", "2025-01-15")]
    assert list(ds.ties["since"]) == ["2024-02-01"]
    assert [str(p) for p in ds.problems] == [
        "zuid.xlsx[Lidmaatschappen]:4: sinds: not a date: '31/04/2025' (April 2025 has 30 days)",
        "zuid.xlsx[Notities]:0: (sheet): not a dataset sheet; not read"]


def test_missing_actors_sheet_lists_the_sheets_found(tmp_path):
    sheets = {"Blad1": [["id", "naam"]], "Groepen": DUTCH["Groepen"]}
    with pytest.raises(DatasetError) as info:
        collabnet.load(_workbook(tmp_path, sheets))
    assert str(info.value) == ("zuid.xlsx[actors]: no actors table (the only required table; sheets found: 'Blad1', "
                               "'Groepen'; name it actors, actoren or acteurs)")


def test_a_near_miss_of_a_dutch_sheet_name_is_suggested(tmp_path):
    sheets = {"actoren": DUTCH["Actoren"], "Lidmaatschapen": DUTCH["Lidmaatschappen"]}
    ds = collabnet.load(_workbook(tmp_path, sheets))
    assert [str(p) for p in ds.problems] == [
        "zuid.xlsx[Lidmaatschapen]:0: (sheet): not a dataset sheet; not read (did you mean 'lidmaatschappen'?)"]


def test_two_spellings_of_one_table_are_an_error(tmp_path):
    with pytest.raises(DatasetError) as info:
        collabnet.load(_workbook(tmp_path, {"actors": DUTCH["Actoren"], "Acteurs": DUTCH["Actoren"]}))
    assert str(info.value) == "zuid.xlsx: the sheets 'actors' and 'Acteurs' both hold the table 'actors'; keep one"


def test_two_spellings_of_one_column_are_an_error(tmp_path):
    folder = _folder(tmp_path, {"actors.csv": "id;naam;nom;kind;sector;zone\r\na;A;A;org;medical;south\r\n"})
    with pytest.raises(DatasetError) as info:
        collabnet.load(folder)
    assert str(info.value) == ("actors.csv:1: nom: the columns 'naam' and 'nom' both name the column 'name'; "
                               "keep one")


def test_the_contracts_own_header_wins_over_a_spelling(tmp_path):
    folder = _folder(tmp_path, {"actors.csv": "id;name;naam;kind;sector;zone\r\na;A;Anne;org;medical;south\r\n"})
    actor = collabnet.load(folder).actors.iloc[0]
    assert (actor["name"], actor["naam"]) == ("A", "Anne")


def test_cli_dates_are_day_first(tmp_path):
    folder = _folder(tmp_path, FRENCH)
    result = CliRunner().invoke(cli, ["info", str(folder), "--at", "1/2/2024"])
    assert result.exit_code == 0, result.output
    assert "analysis date 2024-02-01" in result.output


def test_cli_impossible_date_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["report", str(_folder(tmp_path, FRENCH)), "--since", "30/02/2024"])
    assert result.exit_code == 2
    assert "Invalid value for '--since': not a date: '30/02/2024' (February 2024 has 29 days)" in result.output


@pytest.mark.parametrize("option, written", [(["--format", "GEXF"], "graph.gexf"), (["-f", "Kumu"], "kumu.xlsx")])
def test_code_options_are_case_insensitive(tmp_path, option, written):
    folder = _folder(tmp_path, FRENCH)
    result = CliRunner().invoke(cli, ["export", str(folder), *option, "--lang", "NL",
                                      "--out", str(tmp_path / written), "-q"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / written).is_file()


def test_a_sign_in_sheets_impossible_date_names_file_row_and_column(tmp_path):
    folder = _folder(tmp_path, {k: v for k, v in FRENCH.items() if k.startswith(("acteurs", "groupes"))})
    signin = tmp_path / "lijst.csv"
    signin.write_bytes("Naam;Organisatie;Datum\r\nAn Peeters;CPAS de Forest;12/03/2024\r\n"
                       "Jan Claes;CPAS de Forest;30/02/2024\r\n".encode("cp1252"))
    result = CliRunner().invoke(cli, ["import", "attendance", str(signin), "--dataset", str(folder), "--group", "gt"])
    assert result.exit_code == 0, result.output
    assert "lijst.csv:3: datum: not a date: '30/02/2024' (February 2024 has 29 days); row not imported" in result.output
    assert list(collabnet.load(folder).memberships["since"]) == ["2024-03-12"]
    assert sorted(p.name for p in folder.iterdir()) == ["acteurs.csv", "groupes.csv", "memberships.csv"]

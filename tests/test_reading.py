"""Reading: encodings, delimiters, aliases, workbooks (dataset contract, "Reading rules")."""

import datetime as dt

import openpyxl
import pytest

import collabnet
from collabnet.dataset.reading import decode, parse_csv_bytes
from collabnet.dataset.workbook import convert_dataset
from collabnet.errors import DatasetError

BELGIAN_ACTORS = (
    "ID;Name;Kind;Sector;Line;Zone;Municipality;Organisation;Language\r\n"
    "cpas-forest;CPAS de Forest — Coordination sociale;organisme;Action sociale;première ligne;;1190;;fr\r\n"
    "p-gaetane;Gaétane;personne;Coordination;;Zuid;;cpas-forest;\r\n"
    "kliniek;Kliniek Sint-Jan;organisatie;medical;tweede lijn;Centre-Ouest;;;nl\r\n"
    "mm;Maison médicale Santé Plurielle;org;medical|social_assistance;eerste lijn;;Sint-Gillis;;fr\r\n"
    "ocmw;OCMW Sint-Gillis;organisation;social_assistance;1e lijn;;1060 Saint-Gilles;;bi\r\n"
)
BELGIAN_GROUPS = "id;name;type;zone;theme\r\nboost;BOOST;partenariat;région;buurtgerichte zorg\r\n"
BELGIAN_MEMBERSHIPS = "actor;group;role;since;until\r\ncpas-forest;boost;partenaire;2019-09-01;\r\nmm;boost;lid;;\r\n" \
                      "kliniek;boost;membre;2019-09-01;2022-01-01\r\n"
BELGIAN_TIES = "source;target;type;weight\r\nmm;ocmw;samenwerking;2,5\r\n"


@pytest.fixture
def belgian(tmp_path):
    folder = tmp_path / "zuid"
    folder.mkdir()
    for name, text in [("actors", BELGIAN_ACTORS), ("groups", BELGIAN_GROUPS),
                       ("memberships", BELGIAN_MEMBERSHIPS), ("ties", BELGIAN_TIES)]:
        (folder / f"{name}.csv").write_bytes(text.encode("cp1252"))
    return folder


def test_windows_1252_semicolon_dataset_reads_every_value(belgian):
    ds = collabnet.load(belgian, at="2024-06-01")
    assert ds.problems == ()
    actors = ds.actors.set_index("id")
    assert actors.loc["cpas-forest", "name"] == "CPAS de Forest — Coordination sociale"
    assert actors.loc["p-gaetane", "name"] == "Gaétane"
    assert actors.loc["mm", "name"] == "Maison médicale Santé Plurielle"
    assert dict(actors.loc["cpas-forest", ["kind", "sector", "family", "line", "zone"]]) == {
        "kind": "organisation", "sector": "social_assistance", "family": "welfare", "line": "1", "zone": "south"}
    assert dict(actors.loc["p-gaetane", ["kind", "sector", "zone", "line"]]) == {
        "kind": "person", "sector": "coordination", "zone": "south", "line": "1"}
    assert actors.loc["kliniek", "zone"] == "centre-west" and actors.loc["kliniek", "line"] == "2"
    assert actors.loc["mm", "zone"] == "south" and actors.loc["mm", "sectors"] == "medical|social_assistance"
    assert actors.loc["ocmw", "zone"] == "south" and actors.loc["ocmw", "language"] == "bi"
    assert ds.groups.iloc[0]["type"] == "partnership" and ds.groups.iloc[0]["zone"] == "region"
    assert list(ds.memberships["role"]) == ["partner", "member", "member"]
    assert ds.ties.iloc[0]["type"] == "collaboration" and ds.ties.iloc[0]["weight"] == 2.5


def test_analysis_date_decides_which_memberships_count(belgian):
    assert collabnet.load(belgian, at="2021-06-01").graph.has_edge("kliniek", "mm")
    assert not collabnet.load(belgian, at="2024-06-01").graph.has_edge("kliniek", "mm")


def test_workbook_gives_the_same_graph_as_the_csv_folder(belgian, tmp_path):
    workbook = convert_dataset(belgian, tmp_path / "zuid.xlsx")
    from_csv = collabnet.load(belgian, at="2021-06-01").graph
    from_xlsx = collabnet.load(workbook, at="2021-06-01").graph
    assert dict(from_csv.nodes(data=True)) == dict(from_xlsx.nodes(data=True))
    assert list(from_csv.edges(data=True)) == list(from_xlsx.edges(data=True))


def test_utf8_with_bom_and_excel_sep_line():
    data = "\ufeffsep=;\r\nid;name\r\nx;François\r\n".encode("utf-8")
    table = parse_csv_bytes(data, "actors", "actors.csv")
    assert table.columns == ["id", "name"] and table.rows == [(2, {"id": "x", "name": "François"})]


def test_cp1252_punctuation_is_not_read_as_latin1():
    assert decode("€ ’ “ Œ".encode("cp1252")) == ("€ ’ “ Œ", "cp1252")


def test_header_names_match_case_insensitively_and_extra_columns_are_kept(tmp_path):
    (tmp_path / "actors.csv").write_text(" ID ,NAME,Kind,Sector,Zone,Remark\na,A,org,medical,south,hello\n")
    ds = collabnet.load(tmp_path, at=dt.date(2024, 1, 1))
    assert ds.actors.iloc[0]["remark"] == "hello"
    assert ds.graph.nodes["a"]["remark"] == "hello"


def test_postal_codes_keep_leading_zero_as_text(tmp_path):
    (tmp_path / "actors.csv").write_text("id,name,kind,sector,zone,phone\na,A,org,medical,south,0475123456\n")
    assert collabnet.load(tmp_path).actors.iloc[0]["phone"] == "0475123456"


def test_missing_actors_table_is_unusable(tmp_path):
    (tmp_path / "groups.csv").write_text("id,name,type\n")
    with pytest.raises(DatasetError, match="no actors table"):
        collabnet.load(tmp_path)


def test_row_with_more_values_than_header_is_reported_not_misaligned(tmp_path):
    (tmp_path / "actors.csv").write_text("id,name,kind,sector,zone\na,CPAS, Forest,org,medical,south\n")
    ds = collabnet.load(tmp_path)
    assert [str(p) for p in ds.problems] == [
        "actors.csv:2: (row): the row has 6 values but the header has 5 columns (an unquoted delimiter inside a "
        "value?)"]
    assert ds.rows_read == {"actors": 1} and ds.rows_used == {"actors": 0}


def test_workbook_cells_read_as_the_text_a_spreadsheet_shows(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "actors"
    sheet.append(["id", "name", "kind", "sector", "zone", "founded", "staff", "ratio", "active"])
    sheet.append(["a1", "Gaétane", "org", "medical", "south", dt.date(2024, 1, 15), 12, 2.5, True])
    book.save(tmp_path / "dates.xlsx")
    row = collabnet.load(tmp_path / "dates.xlsx").actors.iloc[0]
    assert list(row[["name", "founded", "staff", "ratio", "active"]]) == ["Gaétane", "2024-01-15", "12", "2.5", "true"]


def test_an_unclosed_quote_is_reported_at_its_row_and_the_rows_it_swallowed_are_read():
    data = b'id,name,kind,sector,zone\na1,"Open,org,medical,south\na2,B,org,medical,south\na3,"CPAS, Forest",org,medical,south\n'
    table = parse_csv_bytes(data, "actors", "actors.csv")
    assert [(n, r["name"]) for n, r in table.rows] == [(3, "B"), (4, "CPAS, Forest")]
    assert [str(p) for p in table.problems] == [
        "actors.csv:2: name: a quote opened here is never closed: the value runs over 2 more line(s) of the file, "
        "holding lines that look like rows; the row is left out and the lines after it are read as rows (close the "
        "quote)"]


def _actors(tmp_path, text: str):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "actors.csv").write_text(text, encoding="utf-8")
    return collabnet.load(folder, at="2024-06-01")


def test_a_value_under_an_unnamed_last_header_cell_is_kept_in_its_own_column(tmp_path):
    ds = _actors(tmp_path, "id,name,kind,sector,zone,\no1,One,organisation,medical,south,note here\n"
                           "o2,Two,organisation,housing,south,\n")
    assert (ds.problems, list(ds.actors["column_6"])) == ((), ["note here", ""])


def test_an_actor_with_a_bad_start_date_is_kept_and_the_date_reported(tmp_path):
    # since/until of actors extend the contract, whose unknown columns are never an error
    ds = _actors(tmp_path, "id,name,kind,sector,zone,start\no1,One,organisation,medical,south,2019\n")
    assert list(ds.actors["id"]) == ["o1"] and ds.rows_left_out == 0
    assert [str(p) for p in ds.problems] == ["actors.csv:2: start: not a date: '2019' (a year alone; write the "
                                             "day, e.g. 01/01/2024); the row is kept and counts at every date"]


def test_a_column_collabnet_computes_is_kept_under_another_name_with_a_note(tmp_path):
    ds = _actors(tmp_path, "id,name,kind,sector,zone,family,row\no1,One,organisation,medical,south,bar,7\n")
    actor = ds.actors.iloc[0]
    assert (actor["family"], actor["family (as written)"], actor["row (as written)"]) == ("health", "bar", "7")
    assert [(p.row, p.column, p.left_out) for p in ds.problems] == [(1, "family", False), (1, "row", False)]


@pytest.mark.parametrize(("written", "read", "left_out"), [("ar", "ar", 0), ("TR", "tr", 0), ("zz", None, 1)])
def test_a_language_is_nl_fr_bi_or_an_iso_639_1_code(tmp_path, written, read, left_out):
    ds = _actors(tmp_path, f"id,name,kind,sector,zone,language\no1,One,organisation,medical,south,{written}\n")
    assert (ds.rows_left_out, list(ds.actors["language"]) or None) == (left_out, read and [read])


def test_the_header_sectors_alone_is_the_sector_column(tmp_path):
    ds = _actors(tmp_path, "id,name,kind,sectors,zone\no1,One,organisation,medical|housing,south\n")
    assert (ds.problems, ds.actors.iloc[0]["sector"], ds.actors.iloc[0]["sectors"]) == ((), "medical",
                                                                                        "medical|housing")


def test_a_kept_name_already_taken_gets_a_number(tmp_path):
    ds = _actors(tmp_path, "id,name,kind,sector,zone,family (as written),family\no1,One,organisation,medical,south,"
                           "OLD,NEW\n")
    actor = ds.actors.iloc[0]
    assert (actor["family (as written)"], actor["family (as written 2)"], actor["family"]) == ("OLD", "NEW", "health")


def test_a_csv_row_longer_than_the_header_is_still_reported(tmp_path):
    # an unquoted delimiter inside a value ("Nord, Est") must not pass for a value under the unnamed cell
    ds = _actors(tmp_path, "id,name,kind,sector,zone,neighbourhood,\no1,One,organisation,medical,south,Nord, Est,\n")
    assert [(p.row, p.column, p.left_out) for p in ds.problems] == [(2, "(row)", True)]


def test_a_repeated_header_is_reported_as_such_after_a_column_under_no_header(tmp_path):
    ds = _actors(tmp_path, "id,name,kind,sector,zone,\no1,One,organisation,medical,south,note\n"
                           "id,name,kind,sector,zone,\n")  # the header again, as written
    assert [(p.row, p.column, p.reason) for p in ds.problems] == [(3, "id", "the header row is repeated here; row ignored")]


def test_a_workbook_cell_in_a_column_without_a_header_is_kept(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "actors"
    sheet.append(["id", "name", "kind", "sector", "zone"])
    sheet.append(["o1", "One", "organisation", "medical", "south", "note"])
    sheet.append(["o2", "Two", "organisation", "housing", "south"])
    sheet.cell(row=3, column=1000, value="far right")  # one stray cell: one column, not a thousand
    book.save(tmp_path / "d.xlsx")
    ds = collabnet.load(tmp_path / "d.xlsx", at="2024-06-01")
    assert ds.problems == ()
    assert (list(ds.actors["column_6"]), list(ds.actors["column_1000"])) == (["note", ""], ["", "far right"])
    assert [c for c in ds.actors.columns if c.startswith("column_")] == ["column_6", "column_1000"]

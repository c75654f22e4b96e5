"""collabnet init: an empty dataset with the contract's sheets, headers in --lang, drop-downs, example rows."""

import openpyxl
import pytest
from click.testing import CliRunner

from collabnet import codes
from collabnet.cli import cli
from collabnet.dataset import load_dataset
from collabnet.dataset.template import dropdowns
from collabnet.dataset.validation import Taxonomy, ZoneTable

SHEETS = {"en": ["actors", "groups", "memberships", "ties", "zones", "sectors"],
          "nl": ["actoren", "groepen", "lidmaatschappen", "banden", "zorgzones", "sectoren"],
          "fr": ["acteurs", "groupes", "affiliations", "liens", "zones", "secteurs"]}


def _init(target, *options):
    return CliRunner().invoke(cli, ["init", str(target), *options])


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
@pytest.mark.parametrize("form", ["template.xlsx", "template"])
def test_the_template_reads_back_as_its_example_rows(tmp_path, lang, form):
    result = _init(tmp_path / form, "--lang", lang)
    assert result.exit_code == 0, result.output
    ds = load_dataset(tmp_path / form, at="2024-06-01")
    assert ds.problems == ()
    actors = ds.actors.set_index("id")
    assert list(actors.index) == ["example-mm", "example-cpas"]
    assert list(actors["sector"]) == ["medical", "social_assistance"]
    assert list(actors["line"]) == ["1", "1"] and list(actors["zone"]) == ["south", "south"]
    assert list(actors["language"]) == ["bi", "bi"]
    assert list(ds.groups[["id", "type", "zone"]].itertuples(index=False, name=None)) == [
        ("example-wg", "working_group", "south")]
    assert list(ds.memberships[["actor", "group", "role", "since"]].itertuples(index=False, name=None)) == [
        ("example-mm", "example-wg", "member", "2024-01-15")]
    assert list(ds.ties[["source", "target", "type", "since"]].itertuples(index=False, name=None)) == [
        ("example-mm", "example-cpas", "referral", "2024-01-15")]
    assert len(ds.zones) == sum(len(names) for _zone, names, _postal in codes.BUILTIN_ZONES)
    assert list(ds.sectors["code"]) == [row[0] for row in codes.BUILTIN_SECTORS]


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_sheet_names_and_headers_are_in_the_language(tmp_path, lang):
    _init(tmp_path / "t.xlsx", "--lang", lang)
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    assert book.sheetnames == SHEETS[lang]
    header = [c.value for c in book[SHEETS[lang][2]][1]]
    assert header == {"en": ["actor", "group", "role", "since", "until", "note"],
                      "nl": ["actor", "groep", "rol", "sinds", "tot", "opmerking"],
                      "fr": ["acteur", "groupe", "rôle", "depuis", "jusqu'au", "remarque"]}[lang]


def test_example_rows_are_marked(tmp_path):
    _init(tmp_path / "t.xlsx", "--lang", "nl")
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")["actoren"]
    assert [row[-1].value for row in sheet.iter_rows(min_row=2)] == ["voorbeeldrij: overschrijf of wis ze"] * 2


def test_drop_downs_offer_the_codes(tmp_path):
    _init(tmp_path / "t.xlsx", "--lang", "nl")
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    found = {str(v.sqref): v.formula1 for v in book["actoren"].data_validations.dataValidation}
    assert found["C2:C2000"] == '"organisatie,persoon"'
    assert found["D2:D2000"] == "'sectoren'!$C$2:$C$21"
    assert found["F2:F2000"] == '"Noord,Noord-Oost,Zuid,Zuid-Oost,Centrum-West,gewest"'


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_every_drop_down_value_is_read_as_its_code(lang):
    tables = {"kind": codes.KINDS, "line": codes.LINES, "language": codes.LANGUAGES, "type": None,
              "role": codes.ROLES, "family": codes.FAMILIES}
    for (table, column), values in dropdowns(lang).items():
        if column == "sector":
            matched = [Taxonomy.builtin().codes_table.match(v) for v in values]
        elif column == "zone":
            matched = [ZoneTable.builtin().match_zone(v) for v in values]
        elif column == "type":
            matched = [(codes.GROUP_TYPES if table == "groups" else codes.TIE_TYPES).match(v) for v in values]
        else:
            matched = [tables[column].match(v) for v in values]
        assert None not in matched and len(set(matched)) == len(values), (table, column, values)


def test_other_sector_names_are_read_as_their_sector():
    table = Taxonomy.builtin().codes_table
    names = ("Aide et soins aux personnes âgées", "Coördinatie en ondersteuning")
    assert [table.match(v) for v in names] == ["elderly", "coordination"]


def test_same_template_same_bytes(tmp_path):
    _init(tmp_path / "a.xlsx", "--lang", "fr")
    _init(tmp_path / "b.xlsx", "--lang", "fr")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


def test_lang_is_case_insensitive(tmp_path):
    result = _init(tmp_path / "t.xlsx", "--lang", "NL")
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(tmp_path / "t.xlsx").sheetnames[0] == "actoren"


def test_nothing_is_overwritten(tmp_path):
    (tmp_path / "t.xlsx").write_bytes(b"mine")
    result = _init(tmp_path / "t.xlsx")
    assert result.exit_code == 2
    assert result.output == f"Error: {tmp_path / 't.xlsx'}: exists already; give a new file or an empty folder " \
                            "(nothing is overwritten)\n"
    assert (tmp_path / "t.xlsx").read_bytes() == b"mine"

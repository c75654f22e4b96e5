"""actions.xlsx (``collabnet analyze``): the action list as a workbook a zone pastes into its action plan."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
import test_analyze_cli as analyze_cli  # the tiny dataset of the analyze tests
from click.testing import CliRunner
from readback import rows_read_by_openpyxl

from collabnet.cli import cli

# That dataset, plus an isolated housing actor of South whose name looks like a formula, and a group name too.
ACTORS = analyze_cli.ACTORS + 'evil,"=HYPERLINK(""http://x"")",organisation,housing,1,south,fr\n'
TIES = analyze_cli.TIES
GROUPS = analyze_cli.GROUPS.replace(",Werkgroep", ",@SUM(A1) Werkgroep")
HEADERS = {
    "en": ["Zone", "Priority", "Action", "Actors", "What and why", "Via"],
    "nl": ["Zone", "Prioriteit", "Actie", "Actoren", "Wat en waarom", "Via"],
    "fr": ["Bassin", "Priorité", "Action", "Acteurs", "Quoi et pourquoi", "Par"],
}
SHEETS = {"en": ["all", "North", "Region", "South"], "nl": ["alle", "Noord", "Gewest", "Zuid"],
          "fr": ["toutes", "Nord", "Région", "Sud"]}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("data") / "tiny"
    folder.mkdir()
    for name, text in (("actors", ACTORS), ("ties", TIES), ("groups", GROUPS)):
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder


def analyze(tiny: Path, out: Path, *args: str) -> Path:
    result = CliRunner().invoke(cli, ["analyze", str(tiny), "--out", str(out), "--at", "2024-06-01", "-q", *args])
    assert result.exit_code == 0, result.output
    return out


def csv_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def sheet_rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_sheets_and_headers_in_the_chosen_language(tiny, tmp_path, lang):
    book = openpyxl.load_workbook(analyze(tiny, tmp_path / lang, "--lang", lang) / "actions.xlsx")
    assert book.sheetnames == SHEETS[lang]  # 'all' first, then the zones with actions in actions.csv order
    for sheet in book.worksheets:
        assert sheet_rows(sheet)[0] == tuple(HEADERS[lang])
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:F{sheet.max_row}"
        assert sheet.column_dimensions["E"].width == pytest.approx(90.71, abs=0.01)  # the rationale, 90 + padding
        assert sheet.column_dimensions["B"].width == pytest.approx(10.71, abs=0.01)


def test_rows_equal_the_actions_csv_rows(tiny, tmp_path):
    out = analyze(tiny, tmp_path / "out", "--lang", "nl")
    expected = csv_rows(out / "actions.csv")
    book = openpyxl.load_workbook(out / "actions.xlsx")
    everything = sheet_rows(book["alle"])[1:]
    assert len(everything) == len(expected) > 0
    zones = {"north": "Noord", "region": "Gewest", "south": "Zuid"}
    verbs = {"introduce": "In contact brengen", "invite": "Uitnodigen", "secure_bridge": "Brug verstevigen",
             "recruit": "Rekruteren"}
    for row, want in zip(everything, expected):
        zone, priority, verb, actors, rationale, via = row
        assert (zone, priority, verb, rationale) == (zones[want["zone"]], int(want["priority"]),
                                                     verbs[want["action"]], want["rationale"])
        # names next to the ids, in actions.csv order
        assert [part.rsplit(" (", 1)[-1].rstrip(")") for part in actors.split("; ")] == want["actors"].split("|")
        assert (via is None) == (want["via"] == "")
    # A zone's sheet holds that zone's rows, in the same order.
    for name in zones.values():
        assert sheet_rows(book[name])[1:] == [r for r in everything if r[0] == name]
    # North: mm has no second-line partner; ocmw (who knows the hospital) makes the introduction.
    assert sheet_rows(book["Noord"])[1][3:] == (
        "Maison médicale (mm); Kliniek (hosp)",
        "Breng Maison médicale in contact met Kliniek via OCMW Jette, die met beide samenwerkt: Maison médicale "
        "heeft nog geen verbinding met de tweede lijn.",
        "OCMW Jette (ocmw)")


def test_formula_looking_text_is_neutralised(tiny, tmp_path):
    out = analyze(tiny, tmp_path / "out")
    cells = [c for sheet in openpyxl.load_workbook(out / "actions.xlsx").worksheets
             for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert not [c.value for c in cells if c.value.startswith(("=", "+", "-", "@"))]
    assert all(c.data_type == "s" for c in cells)  # text, never a formula
    texts = {c.value for c in cells}
    assert "'=HYPERLINK(\"http://x\") (evil)" in texts                # the actor invited
    assert "'@SUM(A1) Werkgroep ziekenhuis-ambulant Zuid (wg-south)" in texts  # the group it is invited to


def test_byte_identical_rerun(tiny, tmp_path):
    first = analyze(tiny, tmp_path / "a", "--lang", "fr") / "actions.xlsx"
    second = analyze(tiny, tmp_path / "b", "--lang", "fr") / "actions.xlsx"
    assert first.read_bytes() == second.read_bytes()


def test_a_zone_without_actions_gets_no_sheet(tiny, tmp_path):
    out = analyze(tiny, tmp_path / "out", "--zone", "north")
    book = openpyxl.load_workbook(out / "actions.xlsx")
    assert book.sheetnames == ["all", "North"]
    assert [r[0] for r in sheet_rows(book["all"])[1:]] == ["North"] * (len(csv_rows(out / "actions.csv")))


def test_no_formula_element_in_any_sheet(tiny, tmp_path):
    import zipfile

    out = analyze(tiny, tmp_path / "out")
    with zipfile.ZipFile(out / "actions.xlsx") as book:
        sheets = [n for n in book.namelist() if n.startswith("xl/worksheets/")]
        assert len(sheets) == 4 and not [n for n in sheets if b"<f>" in book.read(n) or b"<f " in book.read(n)]


def test_prints_on_a4_landscape_one_page_wide_with_the_header_on_every_page(tiny, tmp_path):
    book = openpyxl.load_workbook(analyze(tiny, tmp_path / "out") / "actions.xlsx")
    for sheet in book.worksheets:
        assert (sheet.page_setup.orientation, sheet.page_setup.paperSize) == ("landscape", 9)
        assert sheet.page_setup.fitToHeight == 0  # as many pages down as it takes
        assert sheet.page_setup.fitToWidth in (None, 1)  # absent = 1, the schema's default: one page wide
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$1"


def test_a_wrapped_row_is_as_high_as_its_longest_cell(tiny, tmp_path):
    # Programs do not measure text a program wrote: the row height is set from the text (15 points a line).
    book = openpyxl.load_workbook(analyze(tiny, tmp_path / "out") / "actions.xlsx")
    sheet = book["all"]
    for r in range(2, sheet.max_row + 1):
        rationale = sheet.cell(r, 5).value
        lines = -(-len(rationale) // 90)  # the rationale column is 90 characters wide
        assert sheet.row_dimensions[r].height == (15 * lines if lines > 1 else None)



@pytest.mark.parametrize("lxml", ["with", "without"])
def test_the_workbook_reads_back_with_openpyxl_with_and_without_lxml(tiny, tmp_path, lxml):
    path = analyze(tiny, tmp_path / "out") / "actions.xlsx"
    rows = len(csv_rows(tmp_path / "out" / "actions.csv"))
    assert rows_read_by_openpyxl(path, lxml) == 2 * rows + 4  # 'all' and one sheet per zone: every row twice, 4 header rows

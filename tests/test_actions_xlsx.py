"""actions.xlsx (``collabnet analyze``): the action list as a workbook a zone pastes into its action plan."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
import test_analyze_cli as analyze_cli  # the tiny dataset of the analyze tests
from click.testing import CliRunner

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
        assert sheet.column_dimensions["E"].width == 90  # the rationale
        assert sheet.column_dimensions["B"].width == 10


def test_rows_equal_the_actions_csv_rows(tiny, tmp_path):
    out = analyze(tiny, tmp_path / "out", "--lang", "nl")
    expected = csv_rows(out / "actions.csv")
    book = openpyxl.load_workbook(out / "actions.xlsx")
    everything = sheet_rows(book["alle"])[1:]
    assert len(everything) == len(expected) > 0
    zones = {"north": "Noord", "region": "Gewest", "south": "Zuid"}
    verbs = {"introduce": "Voorstellen", "invite": "Uitnodigen", "secure_bridge": "Brug verstevigen",
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


def test_rows_written_without_openpyxl_give_openpyxl_s_bytes(tiny):
    # actions_workbook writes the rows' XML itself; the workbook must be byte for byte the one openpyxl
    # writes for the same rows, whatever the cells hold.
    import collabnet
    from collabnet.render.tables import _SHEET_COLUMNS, _Names, _sheet_value, _workbook, actions_workbook
    from collabnet.words import LABELS
    from collabnet.writing import sheet_cell, workbook_bytes

    def openpyxl_bytes(rows, dataset, lang):
        columns = [c for c in _SHEET_COLUMNS if c[0] != "source" or any("source" in row for row in rows)]
        names = _Names(dataset, lang)
        cells = [[sheet_cell(_sheet_value(row, c, names, LABELS, lang)) for c, *_ in columns] for row in rows]
        return workbook_bytes(_workbook(columns, rows, cells, names, lang, frame_only=False))

    dataset = collabnet.load(tiny, at="2024-06-01")
    texts = ["plain", "  leading", "trailing  ", " ", "", "a & b < c > d", "#N/A", "#DIV/0!", "Ça ‘va’ — ok",
             "=SUM(A1)", "-1", "line\nbreak", "tab\tin", "x" * 40000, "ctrl\x07char", "\u2028sep"]
    rows = []
    for i, text in enumerate(texts):
        rows.append({"zone": ["south", "north", "region", text][i % 4], "priority": [i, 2.5, -3][i % 3],
                     "action": ["introduce", "invite", text][i % 3], "actors": text if i % 2 else "ocmw|" + text,
                     "rationale": text or None, "via": None if i % 3 else text, "evidence": "", "score": 0.0})
    for lang in ("en", "fr"):
        assert actions_workbook(rows, dataset, lang) == openpyxl_bytes(rows, dataset, lang)
        with_source = [{**row, "source": ["plan", "analysis", None][i % 3]} for i, row in enumerate(rows)]
        assert actions_workbook(with_source, dataset, lang) == openpyxl_bytes(with_source, dataset, lang)
    assert actions_workbook([], dataset) == openpyxl_bytes([], dataset, "en")
    odd = [{**rows[0], "priority": float("nan")}, {**rows[1], "priority": True}]  # the slow way
    assert actions_workbook(odd, dataset) == openpyxl_bytes(odd, dataset, "en")

"""Safe writing: atomic, inside the chosen folder, spreadsheet-safe (issue 6)."""

import csv
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from collabnet.cli import cli
from collabnet.writing import atomic_write_text, inside, safe_cell, safe_name

CORPUS = Path(__file__).parent / "data" / "broken"


def test_an_interrupted_write_leaves_the_previous_file_intact(tmp_path, monkeypatch):
    target = tmp_path / "summary.json"
    target.write_text("previous")

    def crash(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_text(target, "new")
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["summary.json"]  # no temporary file left behind


def test_names_from_data_cannot_leave_the_output_folder():
    assert safe_name("../../etc/passwd") == "etc-passwd"
    with pytest.raises(ValueError):
        inside("out", "../escape.csv")
    with pytest.raises(ValueError):
        inside("out", "/etc/passwd")


@pytest.mark.parametrize("text", ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\t=x"])
def test_formula_starts_are_neutralised(text):
    assert safe_cell(text) == "'" + text


def test_numbers_are_not_neutralised():
    assert safe_cell(-0.5) == -0.5 and safe_cell(3) == 3


def test_analysis_tables_neutralise_formulas_from_the_input(tmp_path):
    # tests/data/broken/formula_injection: an actor named =HYPERLINK(...), one named @SUM(A1), a tie type +cmd.
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["analyze", str(CORPUS / "formula_injection"), "--out", str(out), "-q"])
    assert result.exit_code == 0
    cells = [cell for name in ("isolated.csv", "brokers.csv", "actions.csv", "gaps.csv")
             for row in csv.reader((out / name).read_text(encoding="utf-8").splitlines()) for cell in row]
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
    assert '\'=HYPERLINK("http://x")' in cells


def test_kumu_workbook_neutralises_formulas(tmp_path):
    import openpyxl

    out = tmp_path / "kumu.xlsx"
    result = CliRunner().invoke(cli, ["export", str(CORPUS / "formula_injection"), "--format", "kumu",
                                      "--out", str(out), "-q"])
    assert result.exit_code == 0
    book = openpyxl.load_workbook(out)
    values = [c.value for sheet in book for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert not any(v.startswith(("=", "+", "@")) for v in values)
    assert all(c.data_type != "f" for sheet in book for row in sheet.iter_rows() for c in row)


def test_a_workbook_is_freed_when_written_even_with_the_collector_paused():
    # The renderers pause Python's collector: a workbook left in a reference cycle (XlsxWriter's worksheets
    # hold their workbook) would keep every cell in memory through the later files.
    import weakref

    from collabnet.runtime import collector_paused
    from collabnet.writing import xlsx_bytes

    seen = []

    def build(book):
        seen.append(weakref.ref(book))
        sheet = book.add_worksheet("all")
        for row in range(100):
            sheet.write_string(row, 0, f"cell {row}")
        seen.append(weakref.ref(sheet))

    with collector_paused():
        data = xlsx_bytes(build)
        assert data[:2] == b"PK" and len(seen) == 2
        assert all(ref() is None for ref in seen)

"""Every broken dataset in tests/data/broken gives its exact messages and exit status.

Each case folder holds the dataset and nothing else (every file of a dataset
folder is read or listed as not read); next to it, ``CASE.expected`` holds
the exact output of ``collabnet validate`` and ``CASE.status`` its exit
status. The expectations were checked by hand against the dataset
contract's "Errors" section.
"""

from pathlib import Path

import pytest
from click.testing import CliRunner

import collabnet
from collabnet.cli import cli

CORPUS = Path(__file__).parent / "data" / "broken"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def target(case: str) -> str:
    """The dataset of a case: its folder, or the workbook inside it."""
    return f"{case}/data.xlsx" if (CORPUS / case / "data.xlsx").exists() else case


@pytest.mark.parametrize("case", CASES)
def test_validate_reports_exact_messages_and_status(case, monkeypatch):
    monkeypatch.chdir(CORPUS)
    result = CliRunner().invoke(cli, ["validate", target(case)])
    expected = (CORPUS / f"{case}.expected").read_text(encoding="utf-8").strip()
    assert result.output.strip() == expected
    assert result.exit_code == int((CORPUS / f"{case}.status").read_text())


@pytest.mark.parametrize("case", CASES)
def test_no_traceback_on_broken_input(case, monkeypatch):
    monkeypatch.chdir(CORPUS)
    result = CliRunner().invoke(cli, ["info", target(case)])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_corpus_covers_the_issue_list():
    wanted = {"missing_column", "duplicate_id", "unknown_sector", "unknown_actor_in_membership", "self_tie",
              "reversed_dates", "malformed_date", "empty_file", "undeterminable_zone", "utf16_tab", "latin1_bytes",
              "bom_semicolon", "mixed_delimiters", "repeated_header", "trailing_spaces", "quoted_newlines",
              "long_field", "unknown_codes", "duplicate_group", "person_of_person", "xlsx_merged_formulas",
              "xlsx_empty_actors",
              # issue 14: rows that vanish without a word, inputs that hang or blow up
              "unclosed_quote", "two_files_one_table", "xlsx_two_sheets_one_table", "mistyped_table_files",
              "xlsx_mistyped_sheet", "utf8_one_bad_byte", "cr_only_sep_line", "xlsx_stray_cell_last_row",
              "xlsx_far_cell"}
    assert wanted <= set(CASES)


@pytest.mark.parametrize("case", [c for c in CASES if (CORPUS / f"{c}.status").read_text().strip() != "2"])
def test_every_row_read_is_used_or_reported(case):
    ds = collabnet.load(CORPUS / target(case), at="2024-06-01")
    for table, read in ds.rows_read.items():
        left_out = {p.row for p in ds.left_out if p.file == ds.labels[table] and p.row > 0}
        assert read == ds.rows_used[table] + len(left_out), table

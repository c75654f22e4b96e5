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
              "xlsx_empty_actors"}
    assert wanted <= set(CASES)

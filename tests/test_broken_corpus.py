"""Every broken dataset in tests/data/broken gives its exact messages and exit status.

Each case folder holds the dataset, ``expected.txt`` (the exact output of
``collabnet validate``) and ``expected_status``. The expectations were
checked by hand against the dataset contract's "Errors" section.
"""

from pathlib import Path

import pytest
from click.testing import CliRunner

from collabnet.cli import cli

CORPUS = Path(__file__).parent / "data" / "broken"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES)
def test_validate_reports_exact_messages_and_status(case, monkeypatch):
    monkeypatch.chdir(CORPUS)
    result = CliRunner().invoke(cli, ["validate", case])
    expected = (CORPUS / case / "expected.txt").read_text(encoding="utf-8").strip()
    assert result.output.strip() == expected
    assert result.exit_code == int((CORPUS / case / "expected_status").read_text())


@pytest.mark.parametrize("case", CASES)
def test_no_traceback_on_broken_input(case, monkeypatch):
    monkeypatch.chdir(CORPUS)
    result = CliRunner().invoke(cli, ["info", case])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_corpus_covers_the_issue_list():
    wanted = {"missing_column", "duplicate_id", "unknown_sector", "unknown_actor_in_membership", "self_tie",
              "reversed_dates", "malformed_date", "empty_file", "undeterminable_zone"}
    assert wanted <= set(CASES)

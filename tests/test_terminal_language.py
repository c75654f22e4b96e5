"""``collabnet analyze --lang nl|fr`` speaks the user's language on the terminal: no English word, no code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from collabnet.cli import cli
from collabnet.codes import GAP_KINDS, REASONS

BRUSSELS = Path(__file__).parents[1] / "datasets" / "brussels"
# Words of the English interface (the summary's framing, counts, verbs), and codes of the tables.
ENGLISH = ("actors", "actor", "organisations", "persons", "groups", "ties", "edges", "left out", "isolated",
           "gaps", "worst", "severity", "brokers", "first actions", "wrote", "dataset", "analysis date", "zone",
           "introduce", "invite", "region", "rows")
CODES = (*GAP_KINDS, *REASONS, "mental_health", "social_assistance", "elderly", "prevention", "coordination",
         "south", "north-east", "centre-west", "region")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("terminal")
    found = {}
    for lang in ("nl", "fr"):
        result = CliRunner().invoke(cli, ["analyze", str(BRUSSELS), "--lang", lang, "--at", "2024-06-30",
                                          "--out", str(out / lang)])
        assert result.exit_code == 0, result.output
        found[lang] = result.output
    return found


def interface(text: str) -> str:
    """The summary without what the dataset itself says (names of actors and groups, file and folder names)."""
    from collabnet import load

    ds = load(BRUSSELS, at="2024-06-30")
    for name in sorted((*ds.actors["name"], *ds.groups["name"]), key=len, reverse=True):
        text = text.replace(str(name), "NAME")
    text = re.sub(r"\S+\.(csv|json|xlsx)", "FILE", text)
    return re.sub(r"/\S+", "FOLDER", text)


# English words that are also words of that language (and mean the same there).
SAME = {"nl": {"dataset", "actor"}, "fr": {"organisations", "actions"}}


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_no_english_word_of_the_interface(outputs, lang):
    text = interface(outputs[lang]).lower()
    found = [w for w in ENGLISH if w not in SAME[lang] and re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]
    assert found == []


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_no_raw_code_and_no_plural_in_brackets(outputs, lang):
    text = interface(outputs[lang])
    assert [c for c in CODES if re.search(rf"(?<![\w-]){re.escape(c)}(?![\w-])", text)] == []
    assert "(s)" not in text and "(en)" not in text


def test_counts_take_the_singular_in_french_for_one_and_zero(outputs):
    assert "0 ligne d'entrée écartée" in outputs["fr"] and "Bassin Centre-Ouest : 1 acteur," in outputs["fr"]
    assert "Zorgzone Centrum-West: 1 actor," in outputs["nl"] and "0 invoerrijen niet meegeteld" in outputs["nl"]

"""Problems of the input and errors in the user's language: every message in nl, fr and en, through the CLI too."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from click.testing import CliRunner
from english import ENGLISH, without_data

import collabnet
from collabnet.cli import cli
from collabnet.errors import CollabnetError, DatasetError, Problem, reason
from collabnet.records.messages import Message, Number
from collabnet.words import LABELS, Vocabulary, problems

CORPUS = Path(__file__).parent / "data" / "broken"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
# The catalogue of problems and errors, and the words of the commands that print them.
KEYS = sorted(k for k in LABELS if k.split(".")[0] in ("problem", "import", "cli") or k.startswith("survey.cli."))


def fields_of(template: str) -> dict[str, str | None]:
    """Field name -> its conversion (``r`` for ``{name!r}``) in a template."""
    return {name: conversion for _, name, _, conversion in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("lang", ["nl", "fr", "en"])
def test_every_message_renders_with_the_fields_the_english_one_names(lang):
    words = Vocabulary(lang)
    for key in KEYS:
        fields = tuple((name, 2 if name == "n" else f"<{name}>") for name in fields_of(LABELS[key]["en"]))
        text = words.say(Message(key, fields))
        assert "{" not in text and "}" not in text, key


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_a_translation_names_no_field_the_english_lacks_and_quotes_the_data_alike(lang):
    for key in KEYS:
        english, translated = fields_of(LABELS[key]["en"]), fields_of(LABELS[key][lang])
        assert set(translated) <= set(english), key
        assert {f: c for f, c in translated.items()} == {f: english[f] for f in translated}, key


def test_a_singular_form_belongs_to_a_message():
    assert [k for k in LABELS if k.endswith(".one") and k[:-4] not in LABELS] == []


def test_the_catalogue_is_collabnet_words_problems():
    assert all(k.startswith("problem.") for k in problems.LABELS) and set(problems.LABELS) <= set(LABELS)


def test_a_problem_and_an_error_are_english_text_and_a_message():
    problem = Problem("ties.csv", 3, "weight", reason("bad_weight", value="-2"))
    assert (str(problem), problem.reason) == ("ties.csv:3: weight: weight '-2' is not a positive number",
                                              "weight '-2' is not a positive number")
    assert Vocabulary("nl").say(problem.as_message()) == "ties.csv:3: weight: gewicht '-2' is geen positief getal"
    error = DatasetError(reason("empty_file", file="actors.csv"))
    assert (str(error), Vocabulary("fr").say(error.message)) == (
        "actors.csv: the file is empty (expected a header row)", "actors.csv : le fichier est vide (il faut une "
        "ligne d'en-tête)")


def test_an_error_without_a_message_of_its_own_keeps_its_text():
    assert (str(CollabnetError("seats must be at least 1")), Vocabulary("nl").say("seats must be at least 1")) == (
        "seats must be at least 1", "seats must be at least 1")


def test_numbers_are_written_as_each_language_writes_them():
    message = reason("too_many_rows", file="actors.csv", n=Number(2_000_000))
    assert [Vocabulary(lang).say(message) for lang in ("en", "nl", "fr")] == [
        "actors.csv: more than 2,000,000 rows, the most collabnet reads in one table (split the dataset, by zone "
        "for instance)",
        "actors.csv: meer dan 2.000.000 rijen, het maximum dat collabnet in één tabel leest (splits de dataset, "
        "bijvoorbeeld per zone)",
        "actors.csv : plus de 2 000 000 lignes, le maximum que collabnet lit dans une table (découpez le jeu de "
        "données, par bassin par exemple)"]


# --------------------------------------------------------------------------- the corpus, in every language
def target(case: str) -> str:
    return f"{case}/data.xlsx" if (CORPUS / case / "data.xlsx").exists() else case


def validate(case: str, lang: str, monkeypatch):
    monkeypatch.chdir(CORPUS)
    return CliRunner().invoke(cli, ["validate", target(case), "--lang", lang])


def prefixes(case: str) -> list[str]:
    """``FILE:ROW: COLUMN: `` of each problem of a case; none when the dataset is unusable."""
    try:
        ds = collabnet.load(CORPUS / target(case))
    except DatasetError:
        return []
    return [f"{p.file}:{p.row}: {p.column}: " for p in ds.problems]


def interface(output: str, case: str) -> list[str]:
    """The lines of a validate run without their data: the problems' prefixes, quoted values, file names."""
    found = prefixes(case)
    lines = [line for line in output.splitlines() if line]
    lines = [line[len(found[i]):] if i < len(found) else line for i, line in enumerate(lines)]
    return [without_data(line) for line in lines]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_every_broken_case_reads_in_the_user_s_language(case, lang, monkeypatch):
    english, translated = validate(case, "en", monkeypatch), validate(case, lang, monkeypatch)
    assert translated.exit_code == english.exit_code
    found = prefixes(case)
    lines = translated.output.splitlines()
    assert [line[: len(p)] for line, p in zip(lines, found)] == found
    assert len(lines) == len(english.output.splitlines())
    assert [line for line in interface(translated.output, case) if ENGLISH.search(line)] == []


@pytest.mark.parametrize("case", CASES)
def test_the_english_detector_finds_every_english_line_of_the_corpus(case, monkeypatch):
    # The test above can fail: each English line of each case has one of the words it looks for.
    lines = interface(validate(case, "en", monkeypatch).output, case)
    assert lines and [line for line in lines if not ENGLISH.search(line)] == []


# --------------------------------------------------------------------------- exact messages through the CLI
def test_validate_in_dutch(monkeypatch):
    assert validate("unknown_codes", "nl", monkeypatch).output == (
        "actors.csv:2: kind: onbekende soort actor 'organism' (bedoelt u 'organisme'?)\n"
        "actors.csv:3: language: onbekende taal 'klingon' (verwacht: nl, fr, bi of een andere ISO 639-1-code van "
        "twee letters)\n"
        "groups.csv:2: type: onbekend groepstype 'werkgroepp' (bedoelt u 'werkgroep'?)\n"
        "\n"
        "actors.csv: 2 rijen gelezen, 0 gebruikt, 2 niet meegeteld\n"
        "groups.csv: 1 rij gelezen, 0 gebruikt, 1 niet meegeteld\n")


def test_validate_in_french_counts_one_and_zero_in_the_singular(monkeypatch):
    assert validate("malformed_date", "fr", monkeypatch).output == (
        "ties.csv:2: since: date invalide : '30/02/2024' (février 2024 compte 29 jours)\n"
        "\n"
        "actors.csv : 2 lignes lues, 2 utilisées, 0 écartée\n"
        "ties.csv : 1 ligne lue, 0 utilisée, 1 écartée\n")


def test_a_warning_in_french(monkeypatch):
    output = validate("mistyped_table_files", "fr", monkeypatch).output
    assert "memberschips.csv:0: (file): attention : pas un fichier du jeu de données ; non lu (vouliez-vous dire " \
           "'memberships.csv' ?)\n" in output


def test_a_dutch_reason_keeps_the_values_as_written(monkeypatch):
    output = validate("reversed_dates", "nl", monkeypatch).output
    assert "de einddatum (2023-01-01) komt niet na de begindatum (2024-01-01); zijn de datums omgewisseld?" in output


@pytest.mark.parametrize(("lang", "expected"), [
    ("nl", "Fout: no_actors/actors.csv: geen tabel actors (de enige verplichte tabel; gevonden bestanden: "
           "'groups.csv'; noem de tabel actors, actoren of acteurs)\n"),
    ("fr", "Erreur : no_actors/actors.csv : pas de table actors (la seule table obligatoire ; fichiers trouvés : "
           "'groups.csv' ; nommez-la actors, actoren ou acteurs)\n")])
def test_a_dataset_without_actors_stops_in_the_user_s_language(lang, expected, monkeypatch):
    result = validate("no_actors", lang, monkeypatch)
    assert (result.exit_code, result.output) == (2, expected)


def test_analyze_stops_on_an_unusable_dataset_in_french(tmp_path):
    result = CliRunner().invoke(cli, ["analyze", str(CORPUS / "missing_column"), "--lang", "fr",
                                      "--out", str(tmp_path)])
    assert (result.exit_code, result.output) == (2, (
        "Erreur : actors.csv : il manque la colonne obligatoire 'sector' (colonnes trouvées : id, name, kind ; "
        "autres noms acceptés : secteur, sectors)\n"))


def test_a_date_option_is_checked_in_the_user_s_language():
    result = CliRunner().invoke(cli, ["report", "--since", "31/04/2024", "--lang", "nl"])
    assert result.exit_code == 2 and "geen geldige datum: '31/04/2024' (april 2024 heeft 30 dagen)" in result.output


def test_import_directory_reports_in_dutch(tmp_path):
    records = tmp_path / "records.json"
    records.write_text('[{"id": 1, "nameOfficialFr": "CPAS"}, {"id": 1, "nameOfficialFr": "CPAS"}, 3]',
                       encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", "directory", str(records), str(tmp_path / "ds"), "--lang", "nl"])
    assert result.output.splitlines() == [
        "records.json:3: (record): geen JSON-object",
        "records.json:1: address: let op: zone niet bepaald: postcode (geen), gemeente (geen)",
        "records.json:2: id: dubbele id 1 (staat al in records.json:1); fiche niet meegeteld",
        f"{tmp_path / 'ds'}: 1 organisatie toegevoegd, 0 bijgewerkt, 0 ongewijzigd, 0 oudere fiches niet toegepast, "
        "2 fiches niet meegeteld"]

"""Personal data: pseudonyms are stable and complete, contacts stay out unless asked for."""

import re

import pytest
from click.testing import CliRunner

import collabnet
from collabnet.cli import cli
from collabnet.privacy import (
    PrivacyError,
    load_key,
    pseudonym,
    pseudonymise,
    pseudonymise_actions,
    pseudonyms,
    replace_words,
    scrub_problem,
    without_contacts,
)

KEY = b"k" * 32


@pytest.fixture
def dataset(tmp_path):
    (tmp_path / "actors.csv").write_text(
        "id,name,kind,sector,zone,organisation,email,phone\n"
        "cpas,CPAS Forest,org,social_assistance,south,,info@cpas.example,022222222\n"
        "p-gaetane,Gaétane Thirion,person,coordination,south,cpas,gaetane@example.org,0475000000\n"
        "p-michel,Michel,person,mental_health,south,cpas,,\n", encoding="utf-8")
    (tmp_path / "groups.csv").write_text("id,name,type\ng,WG,working_group\n")
    (tmp_path / "memberships.csv").write_text("actor,group\np-gaetane,g\np-michel,g\n")
    (tmp_path / "ties.csv").write_text("source,target\np-gaetane,cpas\n")
    return collabnet.load(tmp_path, at="2024-01-01")


def test_pseudonymise_replaces_person_ids_and_names_everywhere(dataset):
    key = KEY
    safe = pseudonymise(dataset, key)
    gaetane = pseudonym("p-gaetane", key)
    assert set(safe.actors["name"]) == {"CPAS Forest", gaetane, pseudonym("p-michel", key)}
    assert gaetane in set(safe.memberships["actor"]) and gaetane in set(safe.ties["source"])
    assert safe.graph.has_edge(gaetane, pseudonym("p-michel", key))
    text = safe.actors.to_csv() + safe.memberships.to_csv() + safe.ties.to_csv()
    assert "Gaétane" not in text and "gaetane" not in text.replace(gaetane, "") and "Michel" not in text


def test_pseudonyms_are_stable_for_a_key_and_differ_between_keys():
    assert pseudonym("p1", b"a") == pseudonym("p1", b"a")
    assert pseudonym("p1", b"a") != pseudonym("p1", b"b")


def test_organisations_keep_their_names(dataset):
    assert "CPAS Forest" in set(pseudonymise(dataset, KEY).actors["name"])


def test_contacts_are_removed_by_default_helper(dataset):
    actors = without_contacts(dataset).actors
    assert set(actors["email"]) == {""} and set(actors["phone"]) == {""}


def test_key_file_is_created_private_and_reused(tmp_path):
    path = tmp_path / "key"
    first = load_key(path)
    assert path.stat().st_mode & 0o777 == 0o600
    assert load_key(path) == first and len(first) == 64


# --------------------------------------------------------------------------- pseudonyms never collide
def test_a_pseudonym_is_16_hex_digits_of_hmac_sha256():
    import hashlib
    import hmac

    expected = hmac.new(KEY, b"p-gaetane", hashlib.sha256).hexdigest()[:16]
    assert pseudonym("p-gaetane", KEY) == f"person-{expected}"


def test_a_forced_collision_is_refused_naming_both_persons(dataset, monkeypatch):
    monkeypatch.setattr("collabnet.privacy._digest", lambda key, text: "0" * 64)
    with pytest.raises(PrivacyError) as error:
        pseudonymise(dataset, KEY)
    assert str(error.value) == ("pseudonym collision: 'p-gaetane' (actors.csv:3) and 'p-michel' (actors.csv:4) "
                                "would both become person-0000000000000000; no two actors may share one, so "
                                "nothing was written (use another --key-file)")


def test_a_pseudonym_equal_to_an_organisation_id_is_refused(monkeypatch):
    monkeypatch.setattr("collabnet.privacy._digest", lambda key, text: "ab" * 32)
    with pytest.raises(PrivacyError, match="'person-abababababababab' and 'p1' would both become"):
        pseudonyms(["p1"], KEY, taken=["person-abababababababab"])


def test_the_cli_stops_with_status_2_on_a_collision_and_writes_nothing(dataset, tmp_path, monkeypatch):
    monkeypatch.setattr("collabnet.privacy._digest", lambda key, text: "0" * 64)
    result = CliRunner().invoke(cli, ["export", str(dataset.source), "--format", "json", "--out",
                                      str(tmp_path / "g.json"), "--pseudonymise", "--key-file", str(tmp_path / "k")])
    assert result.exit_code == 2 and "Error: pseudonym collision: 'p-gaetane'" in result.output
    assert not (tmp_path / "g.json").exists()


# --------------------------------------------------------------------------- the key
@pytest.mark.parametrize("content", [b"", b"\n", b"x" * 31 + b"\n"])
def test_a_short_key_file_is_refused_naming_the_file(tmp_path, content):
    path = tmp_path / "pseudonym.key"
    path.write_bytes(content)
    with pytest.raises(PrivacyError, match=rf"^{re.escape(str(path))}: the pseudonymisation key is "
                                           r"(empty|31 bytes long); at least 32 are needed"):
        load_key(path)


def test_a_key_of_32_bytes_is_accepted(tmp_path):
    (tmp_path / "key").write_bytes(b"y" * 32 + b"\n")
    assert load_key(tmp_path / "key") == b"y" * 32


def test_a_short_key_file_makes_the_cli_exit_2(dataset, tmp_path):
    (tmp_path / "key").write_bytes(b"")
    result = CliRunner().invoke(cli, ["analyze", str(dataset.source), "--out", str(tmp_path / "out"),
                                      "--pseudonymise", "--key-file", str(tmp_path / "key"), "-q"])
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: {tmp_path / 'key'}: the pseudonymisation key is empty; at least 32")


def test_a_key_file_that_is_not_a_regular_file_is_refused(tmp_path):
    import os

    os.mkfifo(tmp_path / "fifo")
    with pytest.raises(PrivacyError, match="fifo: not a regular file"):
        load_key(tmp_path / "fifo")
    with pytest.raises(PrivacyError, match="is a folder, expected a key file"):
        load_key(tmp_path)


def test_a_full_disk_leaves_no_key_file_at_all(tmp_path, monkeypatch):
    import errno
    import os

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(PrivacyError, match=r"key: cannot write the new key \(No space left on device\); no key"):
        load_key(tmp_path / "key")
    assert list(tmp_path.iterdir()) == []


def test_a_key_made_by_another_run_meanwhile_is_kept(tmp_path, monkeypatch):
    import os

    path = tmp_path / "key"
    real_link = os.link

    def other_run_first(src, dst):
        path.write_bytes(b"z" * 64 + b"\n")
        real_link(src, dst)

    monkeypatch.setattr(os, "link", other_run_first)
    assert load_key(path) == b"z" * 64
    assert [p.name for p in tmp_path.iterdir()] == ["key"]


# --------------------------------------------------------------------------- whole words
def test_ids_are_replaced_as_whole_words_not_substrings():
    table = {"p1": "person-one", "p10": "person-ten"}
    assert replace_words(["p1 and p10; 'p1', p10x, p1-b, xp1"], table) == [
        "person-one and person-ten; 'person-one', p10x, p1-b, xp1"]


def test_the_longest_name_wins_where_two_start_at_one_place():
    table = {"Jean": "person-j", "Jean Dupont": "person-jd"}
    assert replace_words(["met jean dupont and Jean"], table) == ["met person-jd and person-j"]


def test_problem_texts_keep_codes_and_hide_other_values():
    reason = "weight '+32 475 00 00 00' is not a positive number; not a date: '30/02/2024'; separated by ';'"
    assert scrub_problem(reason, "weight", {}, set(), KEY) == (
        "weight '…' is not a positive number; not a date: '30/02/2024'; separated by ';'")


# --------------------------------------------------------------------------- free text
@pytest.fixture
def free_text(tmp_path):
    (tmp_path / "actors.csv").write_text(
        "id,name,kind,sector,zone,organisation,neighbourhood,note,contact_person\n"
        "cpas,CPAS Forest,org,social_assistance,south,,Quartier Jean Dupont,call Jean Dupont,Jean Dupont\n"
        "p1,Jean Dupont,person,coordination,south,cpas,Altitude 100,his note,\n", encoding="utf-8")
    (tmp_path / "groups.csv").write_text("id,name,type,theme,organiser\ng,WG of Jean Dupont,working_group,p1 leads,"
                                         "Jean\n")
    (tmp_path / "memberships.csv").write_text("actor,group,role,note\np1,g,boss of p1,x\ncpas,g,chair,\n")
    (tmp_path / "ties.csv").write_text("source,target,type,note\np1,cpas,lunch with Jean Dupont,secret\n")
    return collabnet.load(tmp_path, at="2024-01-01")


def test_free_text_and_extra_columns_are_left_out(free_text):
    safe = pseudonymise(free_text, KEY)
    p1 = pseudonym("p1", KEY)
    assert list(safe.actors["neighbourhood"]) == ["", ""]
    assert "note" not in safe.actors and "contact_person" not in safe.actors
    assert "note" not in safe.ties and "note" not in safe.memberships and "organiser" not in safe.groups
    assert list(safe.ties["type"]) == ["other"] and list(safe.memberships["role"]) == ["", "chair"]
    assert list(safe.groups["name"]) == [f"WG of {p1}"] and list(safe.groups["theme"]) == [f"{p1} leads"]


def test_a_kept_column_stays_for_organisations_cleaned_never_for_persons(free_text):
    safe = pseudonymise(free_text, KEY, keep=["Note", "neighbourhood"])
    p1 = pseudonym("p1", KEY)
    assert list(safe.actors["note"]) == [f"call {p1}", ""]
    assert list(safe.actors["neighbourhood"]) == [f"Quartier {p1}", ""]
    assert list(safe.ties["note"]) == ["secret"] and "contact_person" not in safe.actors


@pytest.mark.parametrize("name, message", [
    ("email", "--keep-column email: ids, names, e-mail and phone are never kept under --pseudonymise"),
    ("notes", "--keep-column notes: no such free-text or extra column in actors, groups, memberships or ties "
              "(those of this dataset: contact_person, neighbourhood, note, organiser)"),
])
def test_a_keep_column_that_cannot_be_kept_is_refused(free_text, name, message):
    with pytest.raises(PrivacyError) as error:
        pseudonymise(free_text, KEY, keep=[name])
    assert str(error.value) == message


def test_keep_column_without_pseudonymise_is_a_usage_error(free_text, tmp_path):
    result = CliRunner().invoke(cli, ["export", str(free_text.source), "--format", "json", "--out",
                                      str(tmp_path / "g.json"), "--keep-column", "note"])
    assert result.exit_code == 2 and "--keep-column chooses what --pseudonymise keeps" in result.output


def test_the_cli_keeps_a_named_column_in_exports(free_text, tmp_path):
    import json

    out = tmp_path / "g.json"
    result = CliRunner().invoke(cli, ["export", str(free_text.source), "--format", "json", "--out", str(out),
                                      "--pseudonymise", "--key-file", str(tmp_path / "k"), "--keep-column", "note"])
    assert result.exit_code == 0, result.output
    nodes = {n["id"]: n for n in json.loads(out.read_text())["nodes"]}
    key = load_key(tmp_path / "k")
    assert nodes["cpas"]["note"] == f"call {pseudonym('p1', key)}"
    assert nodes[pseudonym("p1", key)].get("note", "") == "" and "contact_person" not in nodes["cpas"]


# --------------------------------------------------------------------------- an earlier actions file
def test_an_earlier_actions_file_follows_the_pseudonyms(dataset):
    safe = pseudonymise(dataset, KEY)
    rows = [{"zone": "south", "priority": "1", "action": "introduce", "actors": "p-gaetane|cpas",
             "rationale": "Introduce Gaétane Thirion", "via": "p-michel", "evidence": "cut vertex p-michel: x",
             "score": "2", "owner": "Gaétane"},
            {"zone": "Gaétane", "priority": "high", "action": "call Gaétane", "actors": "p-old|g", "via": "g",
             "evidence": "sector_missing housing in 2 zones"}]
    gaetane, michel, old = (pseudonym(p, KEY) for p in ("p-gaetane", "p-michel", "p-old"))
    assert pseudonymise_actions(rows, KEY, [safe]) == [
        {"zone": "south", "priority": "1", "action": "introduce", "actors": f"{gaetane}|cpas", "rationale": "",
         "via": michel, "evidence": f"cut vertex {michel}:", "score": "2"},
        {"zone": "…", "priority": "", "action": "other", "actors": f"{old}|g", "via": "g",
         "evidence": "sector_missing housing"}]


def test_include_contacts_with_pseudonymise_is_a_usage_error(dataset, tmp_path):
    result = CliRunner().invoke(cli, ["export", str(dataset.source), "--format", "json", "--out",
                                      str(tmp_path / "g.json"), "--pseudonymise", "--include-contacts"])
    assert result.exit_code == 2
    assert "--include-contacts and --pseudonymise exclude each other" in result.output

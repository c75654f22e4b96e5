"""Personal data: pseudonyms are stable and complete, contacts stay out unless asked for."""

import pytest

import collabnet
from collabnet.privacy import load_key, pseudonym, pseudonymise, without_contacts


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
    key = b"k" * 32
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
    assert "CPAS Forest" in set(pseudonymise(dataset, b"k").actors["name"])


def test_contacts_are_removed_by_default_helper(dataset):
    actors = without_contacts(dataset).actors
    assert set(actors["email"]) == {""} and set(actors["phone"]) == {""}


def test_key_file_is_created_private_and_reused(tmp_path):
    path = tmp_path / "key"
    first = load_key(path)
    assert path.stat().st_mode & 0o777 == 0o600
    assert load_key(path) == first and len(first) == 64

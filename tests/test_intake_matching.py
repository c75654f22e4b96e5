"""Matching organisation names across Dutch and French (collabnet.intake.matching)."""

from __future__ import annotations

import csv
import difflib
from pathlib import Path

import pytest

from collabnet.intake.matching import Matcher, measure, name_key

DATA = Path(__file__).parent / "data" / "intake"


def _matcher(**options) -> Matcher:
    with open(DATA / "zone" / "actors.csv", encoding="utf-8", newline="") as handle:
        actors = [(r["id"], [r["name"], r["name_fr"], r["name_nl"]]) for r in csv.DictReader(handle)]
    return Matcher(actors, **options)


def _cases() -> list[tuple[str, str]]:
    with open(DATA / "variants.csv", encoding="utf-8", newline="") as handle:
        return [(r["name"], r["expected"]) for r in csv.DictReader(handle)]


@pytest.mark.parametrize("variant", ["OCMW Vorst", "C.P.A.S. Forest", "cpas forest", "Forest - CPAS", "CPAS 1190",
                                     "OCMW van Vorst"])
def test_cpas_and_ocmw_of_one_municipality_share_a_key(variant):
    assert name_key(variant) == name_key("CPAS de Forest")


def test_mm_is_maison_medicale_and_accents_do_not_count():
    assert name_key("MM Sante plurielle asbl") == name_key("Maison Médicale Santé Plurielle")


def test_a_match_names_the_actor_the_score_and_the_name_that_scored():
    found = _matcher().match("CPAS Forrest")
    assert (found.status, found.actor, found.score, found.reason) == ("matched", "cpas-forest", 95.7,
                                                                      "score 95.7 for 'CPAS de Forest'")


def test_a_name_several_actors_fit_goes_to_review_with_candidates():
    found = _matcher().match("Forest")
    assert found.status == "review"
    assert [c.actor for c in found.candidates] == ["mm-forest", "cpas-forest", "coordsoc-forest"]


def test_an_organisation_missing_from_the_dataset_is_never_matched():
    assert _matcher().match("OCMW Jette").status == "review"


def test_the_bilingual_test_list_precision_and_recall():
    # 99 hand-labelled variants (tests/data/intake/variants.csv); README "Matching organisation names".
    assert measure(_matcher(), _cases()) == {"cases": 99, "automatic": 71, "right": 71, "wrong": 0, "review": 28,
                                             "precision": 1.0, "recall": 0.934211}


def test_difflib_on_the_same_keys_matches_fewer_names():
    # The comparison behind the choice of rapidfuzz (same keys, same thresholds).
    ratio = lambda a, b: 100 * difflib.SequenceMatcher(None, a, b).ratio()
    assert measure(_matcher(scorer=ratio), _cases()) == {"cases": 99, "automatic": 68, "right": 68, "wrong": 0,
                                                         "review": 31, "precision": 1.0, "recall": 0.894737}


def test_an_ambiguous_name_lists_its_best_candidates_first():
    assert [c.actor for c in _matcher().match("CPAS").candidates] == ["cpas-uccle", "cpas-forest", "cpas-ixelles"]

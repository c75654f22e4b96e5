"""Organisations act through their people: the organisation graph, who carries each link, backup contacts.

Hand-built actor graphs, one case each (outputs.md, "Organisations act through their people"):
an organisation linked only through one person, through two, through itself; an independent
person; colleagues linked only to each other. Then the bundled dataset as a coordinator reads it.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import collabnet
from collabnet.analyses import analyse
from collabnet.analyses.isolation import isolated_actors
from collabnet.analyses.turnover import dependencies
from collabnet.cli import cli
from collabnet.organisations import carriers, organisation_graph, resting_on, sole_carrier

BRUSSELS = Path(__file__).parents[1] / "datasets" / "brussels"
AT = "2024-06-30"


def actor_graph(nodes: dict, edges: list) -> nx.Graph:
    """nodes: id -> (kind, organisation, sector, line); edges: (u, v, origin) with weight 1 for a tie."""
    G = nx.Graph()
    for v, (kind, org, sector, line) in nodes.items():
        G.add_node(v, kind=kind, organisation=org, sector=sector, line=line, zone="south", name=v.upper(),
                   family={"medical": "health", "social_assistance": "welfare"}.get(sector, "other"), language="fr")
    for u, v, origin in edges:
        G.add_edge(u, v, origin=origin, weight=1.0, ties=1 if origin == "tie" else 0,
                   tie_types="collaboration" if origin == "tie" else "",
                   groups=("wg",) if origin == "co_membership" else ())
    return G


# cpas: an organisation with a coordinator and a clerk; gp: an independent GP; hosp: a hospital.
PEOPLE = {"cpas": ("organisation", None, "social_assistance", 1), "coord": ("person", "cpas", "social_assistance", 1),
          "clerk": ("person", "cpas", "social_assistance", 1), "gp": ("person", None, "medical", 1),
          "hosp": ("organisation", None, "medical", 2)}
AFFILIATIONS = [("cpas", "coord", "affiliation"), ("cpas", "clerk", "affiliation")]


def test_an_organisation_linked_through_one_person_is_not_isolated_and_the_link_rests_on_that_person():
    G = actor_graph(PEOPLE, AFFILIATIONS + [("coord", "gp", "co_membership"), ("coord", "hosp", "tie")])
    H = organisation_graph(G)
    assert sorted(H) == ["cpas", "gp", "hosp"]  # coord and clerk are folded into the CPAS; gp stays
    assert sorted(H["cpas"]) == ["gp", "hosp"]
    assert carriers(H, "cpas") == ("coord",) and sole_carrier(H, "cpas", "hosp") == "coord"
    assert resting_on(H, "cpas") == {"coord": ("gp", "hosp")}
    assert [r.reason for r in isolated_actors(H) if r.actor == "cpas"] == []  # medical partner, second line
    [d] = [d for d in dependencies(H) if d.organisation == "cpas"]
    # without coord: no link at all (first line: 4) - now not isolated (0), + health family lost (1); half: 2.5
    assert (d.person, d.partners, d.reasons, d.worth, d.via) == ("coord", ("gp", "hosp"), ("no_ties",), 2.5, "wg")
    assert d.lost == (("family", "health"), ("line", 2), ("sector", "medical"))


def test_a_link_carried_by_two_people_rests_on_nobody():
    G = actor_graph(PEOPLE, AFFILIATIONS + [("coord", "hosp", "tie"), ("clerk", "hosp", "tie")])
    H = organisation_graph(G)
    assert H.edges["cpas", "hosp"]["carried_by"]["cpas"] == ("clerk", "coord")
    assert H.edges["cpas", "hosp"]["weight"] == 2.0  # the two ties add up
    assert sole_carrier(H, "cpas", "hosp") is None and resting_on(H, "cpas") == {}
    assert [d for d in dependencies(H) if d.organisation == "cpas"] == []


def test_a_link_of_the_organisation_itself_rests_on_nobody_and_names_no_carrier():
    G = actor_graph(PEOPLE, AFFILIATIONS + [("cpas", "hosp", "tie")])
    H = organisation_graph(G)
    assert carriers(H, "cpas") == () and H.edges["cpas", "hosp"]["itself"] == ("cpas", "hosp")
    G.add_edge("coord", "hosp", origin="tie", weight=1.0, ties=1, tie_types="referral", groups=())
    H = organisation_graph(G)  # the coordinator too: still the organisation's own link
    assert carriers(H, "cpas") == ("coord",) and sole_carrier(H, "cpas", "hosp") is None
    assert H.edges["cpas", "hosp"]["tie_types"] == "collaboration|referral"


def test_an_independent_person_is_its_own_node_with_no_carrier():
    G = actor_graph(PEOPLE, AFFILIATIONS + [("gp", "hosp", "tie")])
    H = organisation_graph(G)
    assert H.nodes["gp"]["kind"] == "person" and H.nodes["gp"]["people"] == ()
    assert carriers(H, "gp") == () and sole_carrier(H, "gp", "hosp") is None
    assert [r.reason for r in isolated_actors(H) if r.actor == "gp"] == ["intra_sector_only", "single_tie"]


def test_colleagues_linked_only_to_each_other_leave_their_organisation_with_no_link():
    G = actor_graph(PEOPLE, AFFILIATIONS + [("coord", "clerk", "co_membership")])
    H = organisation_graph(G)
    assert list(H["cpas"]) == [] and H.nodes["cpas"]["people"] == ("clerk", "coord")
    [row] = [r for r in isolated_actors(H) if r.actor == "cpas"]
    assert (row.reason, row.degree, row.carried_by) == ("no_ties", 0, "")


def test_the_actor_graph_is_not_changed_and_the_folding_is_deterministic():
    G = actor_graph(PEOPLE, AFFILIATIONS + [("coord", "gp", "co_membership"), ("clerk", "hosp", "tie")])
    before = nx.to_dict_of_dicts(G)
    first, second = organisation_graph(G), organisation_graph(G)
    assert nx.to_dict_of_dicts(G) == before
    assert list(first.edges(data=True)) == list(second.edges(data=True))


# ----- the bundled dataset, as a coordinator reads it

@pytest.fixture(scope="module")
def tables(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("brussels")
    result = CliRunner().invoke(cli, ["analyze", str(BRUSSELS), "--at", AT, "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


def read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def south_cpas() -> list[str]:
    ds = collabnet.load(BRUSSELS, at=AT)
    return sorted(v for v, data in ds.graph.nodes(data=True) if str(v).startswith("cpas-") and data["zone"] == "south")


def test_no_south_cpas_whose_coordinator_sits_in_a_south_group_is_called_without_links(tables):
    cpas = south_cpas()
    assert len(cpas) == 5
    assert [r for r in read(tables / "isolated.csv") if r["actor"] in cpas and r["reason"] == "no_ties"] == []


def test_the_south_cpas_links_are_carried_by_their_coordinators(tables):
    brokers = {r["actor"]: r for r in read(tables / "brokers.csv")}
    for org in south_cpas():
        people = brokers[org]["carried_by"].split("|")
        assert len(people) == 1 and people[0].startswith("p-south-sc"), org


def test_the_actions_ask_for_a_second_contact_where_a_link_rests_on_one_person(tables):
    backups = [r for r in read(tables / "actions.csv") if r["action"] == "backup_contact"]
    assert {r["actors"].split("|")[0] for r in backups if r["zone"] == "south"} >= set(south_cpas())
    forest = next(r for r in backups if r["actors"] == "cpas-forest|p-south-sc1190")
    assert forest["via"] == "south-support-group"
    assert forest["rationale"].startswith("Ask a second person of CPAS de Forest / OCMW Vorst to join ")


def test_the_actor_level_keeps_the_own_organisation_rule(tmp_path):
    result = CliRunner().invoke(cli, ["analyze", str(BRUSSELS), "--at", AT, "--out", str(tmp_path), "-q",
                                      "--level", "actors"])
    assert result.exit_code == 0, result.output
    rows = read(tmp_path / "isolated.csv")
    # on the actor graph the CPAS's own coordinators do not count: the CPAS have no link of their own
    assert {r["actor"] for r in rows if r["reason"] == "no_ties"} >= set(south_cpas())
    assert {r["carried_by"] for r in rows} == {""}
    assert "backup_contact" not in {r["action"] for r in read(tmp_path / "actions.csv")}
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert (summary["level"], summary["graph"]["nodes"]) == ("actors", summary["actors"])


def test_the_summary_says_which_graph_and_keeps_the_dataset_s_counts(tables):
    summary = json.loads((tables / "summary.json").read_text(encoding="utf-8"))
    H = collabnet.load(BRUSSELS, at=AT).organisation_graph
    assert summary["level"] == "organisations"
    assert summary["graph"] == {"nodes": H.number_of_nodes(), "edges": H.number_of_edges()}
    assert summary["actors"] > summary["graph"]["nodes"]  # persons with an organisation are folded


def test_plan_leave_for_a_person_says_which_links_go_with_them():
    result = CliRunner().invoke(cli, ["plan", "leave", str(BRUSSELS), "--at", AT, "--actor", "p-south-sc1190",
                                      "--json"])
    assert result.exit_code == 0, result.output
    [plan] = json.loads(result.output)["plans"]
    assert (plan["organisation"], plan["departure"]["kept"]) == ("cpas-forest", 0)
    assert "cpas-saint-gilles" in plan["departure"]["partners"]
    assert plan["rationale"].startswith("If Coordinator, Social coordination 1190 leaves, CPAS de Forest")


def test_diff_follows_an_invitation_of_an_organisation_through_its_people(tmp_path):
    # An organisation invited earlier has joined when one of its people joined the group.
    earlier = tmp_path / "actions.csv"
    earlier.write_text("zone,priority,action,actors,rationale,via\nsouth,1,invite,cpas-forest,x,south-support-group\n",
                       encoding="utf-8")
    result = CliRunner().invoke(cli, ["diff", str(BRUSSELS), "--from", "2023-06-30", "--to", AT, "--actions",
                                      str(earlier), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    [row] = read(tmp_path / "out" / "diff_actions.csv")
    assert (row["status"], row["status_evidence"]) == (
        "realised", "cpas-forest joined south-support-group (Support group, care zone South (Ondersteuningsgroep "
        "zorgzone Zuid))")


def test_plan_leave_takes_a_person_s_real_id_under_pseudonymise_and_shows_only_the_pseudonym(tmp_path):
    key = tmp_path / "key"
    key.write_bytes(b"k" * 32)
    result = CliRunner().invoke(cli, ["plan", "leave", str(BRUSSELS), "--at", AT, "--actor", "p-south-sc1190",
                                      "--pseudonymise", "--key-file", str(key), "--json"])
    assert result.exit_code == 0, result.output
    [plan] = json.loads(result.output)["plans"]
    assert plan["organisation"] == "cpas-forest" and plan["person"].startswith("person-")
    assert "p-south-sc1190" not in result.output and "Social coordination 1190" not in result.output


def test_each_departure_is_what_removing_the_person_s_links_leaves_by_the_isolation_rule(tmp_path):
    """On a synthetic region, every departure that dependencies() reports is checked against its definition:
    the organisation's reasons before and after removing the links that rest on the person alone, computed
    by the isolation rule itself on the graph without those links, and no departure of worth 0 or less."""
    from collabnet.analyses.standing import isolation_score, reasons, standing
    from collabnet.analyses.turnover import RISK_SHARE
    from collabnet.devtools.synth import generate

    generate(300, seed=5, out=tmp_path)
    at = json.loads((tmp_path / "truth.json").read_text(encoding="utf-8"))["analysis_date"]
    H = collabnet.load(tmp_path, at=at).organisation_graph
    found = dependencies(H)
    assert len(found) > 20  # else the checks below check little
    for d in found:
        line = H.nodes[d.organisation].get("line")
        line = None if line in (None, "") else int(line)
        assert d.partners == resting_on(H, d.organisation)[d.person]
        without = H.copy()
        without.remove_edges_from((d.organisation, w) for w in d.partners)
        assert d.before == reasons(line, standing(H, d.organisation))
        assert d.reasons == reasons(line, standing(without, d.organisation))
        assert d.kept == without.degree(d.organisation)
        rise = isolation_score(line, d.reasons) - isolation_score(line, d.before)
        extra = sum(1.0 for a, _ in d.lost if a in ("language", "family"))
        assert d.worth == RISK_SHARE * (rise + extra) > 0

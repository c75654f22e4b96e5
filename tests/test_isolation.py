"""Isolated actors (collabnet.analyses.isolation): every reason, on tiny hand-built graphs."""

import networkx as nx

from collabnet.analyses.isolation import isolated_actors
from collabnet.codes import REASONS
from collabnet.records import IsolatedActor


def org(G, v, sector="medical", line=1, zone="south"):
    G.add_node(v, kind="organisation", organisation=None, sector=sector, line=line, zone=zone)


def person(G, v, employer, sector="medical", line=1, zone="south"):
    G.add_node(v, kind="person", organisation=employer, sector=sector, line=line, zone=zone)
    G.add_edge(v, employer)


def reasons(G, actor):
    return [r.reason for r in isolated_actors(G) if r.actor == actor]


def well_connected():
    """gp (line 1, medical) works with hospital (line 2, medical) and cpas (line 1, welfare)."""
    G = nx.Graph()
    org(G, "gp")
    org(G, "hospital", line=2)
    org(G, "cpas", sector="social_assistance")
    G.add_edges_from([("gp", "hospital"), ("gp", "cpas")])
    return G


def test_connected_actor_has_no_reason():
    assert reasons(well_connected(), "gp") == []


def test_actor_without_neighbours_has_no_ties():
    G = nx.Graph()
    org(G, "gp")
    assert isolated_actors(G) == [IsolatedActor("south", "gp", "no_ties", 0, "no edge outside own organisation")]


def test_person_tied_only_to_own_organisation_and_colleagues_has_no_ties():
    G = nx.Graph()
    org(G, "cpas", sector="social_assistance")
    person(G, "worker", "cpas")
    person(G, "colleague", "cpas", sector="housing")
    G.add_edge("worker", "colleague")
    assert reasons(G, "worker") == ["no_ties"]


def test_organisation_tied_only_to_own_staff_has_no_ties():
    G = nx.Graph()
    org(G, "cpas", sector="social_assistance")
    person(G, "worker", "cpas", sector="housing", line=2)
    assert reasons(G, "cpas") == ["no_ties"]


def test_no_ties_is_the_only_reason_given():
    # Degree 0 would also satisfy "no cross line"; no_ties excludes the others.
    G = nx.Graph()
    org(G, "gp")
    assert reasons(G, "gp") == ["no_ties"]


def test_ties_through_staff_count_for_the_staff_not_the_organisation():
    # The CPAS's worker meets a GP: the worker is connected, the CPAS itself is not.
    G = nx.Graph()
    org(G, "cpas", sector="social_assistance")
    person(G, "worker", "cpas", sector="social_assistance")
    org(G, "gp", line=2)
    G.add_edge("worker", "gp")
    assert (reasons(G, "cpas"), reasons(G, "worker")) == (["no_ties"], ["single_tie"])


def test_person_without_organisation_counts_every_neighbour():
    G = nx.Graph()
    G.add_node("volunteer", kind="person", organisation=None, sector="community", line=0, zone="south")
    org(G, "gp")
    G.add_edge("volunteer", "gp")
    assert reasons(G, "volunteer") == ["single_tie"]


def test_intra_sector_only():
    G = nx.Graph()
    org(G, "gp1", line=2)
    org(G, "gp2", line=1)
    org(G, "gp3", line=1)
    G.add_edges_from([("gp1", "gp2"), ("gp1", "gp3")])
    assert reasons(G, "gp1") == ["intra_sector_only"]


def test_intra_sector_only_ignores_colleagues_of_other_sectors():
    # A colleague in another sector does not make the person cross sectors.
    G = nx.Graph()
    org(G, "centre")
    person(G, "doctor", "centre", line=2)
    person(G, "social_worker", "centre", sector="social_assistance")
    org(G, "gp1")
    org(G, "gp2")
    G.add_edges_from([("doctor", "social_worker"), ("doctor", "gp1"), ("doctor", "gp2")])
    assert reasons(G, "doctor") == ["intra_sector_only"]


def test_first_line_actor_without_second_line_neighbour():
    G = nx.Graph()
    org(G, "gp")
    org(G, "cpas", sector="social_assistance")
    org(G, "home_nursing", sector="home_care")
    G.add_edges_from([("gp", "cpas"), ("gp", "home_nursing")])
    assert reasons(G, "gp") == ["no_cross_line"]


def test_second_line_actor_without_first_line_neighbour():
    G = nx.Graph()
    org(G, "hospital", line=2)
    org(G, "university", sector="research", line=3)
    org(G, "ministry", sector="authority", line=None)
    G.add_edges_from([("hospital", "university"), ("hospital", "ministry")])
    assert reasons(G, "hospital") == ["no_cross_line"]


def test_no_cross_line_does_not_apply_to_other_lines():
    G = nx.Graph()
    org(G, "neighbours", sector="community", line=0)
    org(G, "ministry", sector="authority", line=None)
    org(G, "cpas", sector="social_assistance")
    org(G, "housing", sector="housing")
    G.add_edges_from([("neighbours", "cpas"), ("neighbours", "housing"), ("ministry", "cpas"), ("ministry", "housing")])
    assert (reasons(G, "neighbours"), reasons(G, "ministry")) == ([], [])


def test_single_tie():
    G = well_connected()
    org(G, "neighbours", sector="community", line=0)
    G.add_edge("neighbours", "gp")
    assert reasons(G, "neighbours") == ["single_tie"]


def test_actor_may_have_several_reasons_in_reason_order():
    G = nx.Graph()
    org(G, "gp1")
    org(G, "gp2")
    G.add_edge("gp1", "gp2")
    assert reasons(G, "gp1") == ["intra_sector_only", "no_cross_line", "single_tie"]


def test_degree_counts_distinct_neighbours_outside_own_organisation():
    # worker: own organisation and a colleague do not count; gp1 and gp2 do.
    G = nx.Graph()
    org(G, "cpas", sector="social_assistance")
    person(G, "worker", "cpas", sector="social_assistance")
    person(G, "colleague", "cpas", sector="social_assistance")
    org(G, "gp1")
    org(G, "gp2")
    G.add_edges_from([("worker", "colleague"), ("worker", "gp1"), ("worker", "gp2")])
    assert [(r.reason, r.degree) for r in isolated_actors(G) if r.actor == "worker"] == [("no_cross_line", 2)]


def test_evidence_names_at_most_five_outside_neighbours():
    G = nx.Graph()
    org(G, "gp")
    for i in range(7):
        org(G, f"gp{i}")
        G.add_edge("gp", f"gp{i}")
    record = [r for r in isolated_actors(G) if r.actor == "gp"][0]
    assert record.evidence == "outside neighbours: gp0, gp1, gp2, gp3, gp4 (+2 more)"


def test_sorted_by_zone_then_line_priority_then_actor():
    G = nx.Graph()
    for v, line, zone in [("a0", 0, "south"), ("b1", 1, "south"), ("c2", 2, "south"), ("d3", 3, "south"),
                          ("eN", None, "south"), ("f1", 1, "north"), ("a1", 1, "south")]:
        org(G, v, line=line, zone=zone)
    order = [(r.zone, r.actor) for r in isolated_actors(G)]
    assert order == [("north", "f1"), ("south", "a1"), ("south", "b1"), ("south", "c2"), ("south", "a0"),
                     ("south", "d3"), ("south", "eN")]


def test_actor_without_zone_counts_as_region():
    G = nx.Graph()
    G.add_node("umbrella", kind="organisation", sector="coordination", line=None)
    assert isolated_actors(G)[0].zone == "region"


def test_reason_codes_are_the_contract_ones():
    assert REASONS == ("no_ties", "intra_sector_only", "no_cross_line", "single_tie")


def test_actor_without_sector_is_not_intra_sector_only():
    G = nx.Graph([("a", "b")])
    G.add_nodes_from(["a", "b"], kind="organisation", line=None, zone="south")
    assert reasons(G, "a") == ["single_tie"]

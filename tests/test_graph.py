"""The actor graph (output contract, "The actor graph the analyses run on")."""

import datetime as dt

import networkx as nx
import pandas as pd
import pytest

from collabnet.graph import build_graph, same_organisation


def actor(id, kind="organisation", sector="medical", org="", line="1", zone="south"):
    return dict(id=id, name=id.upper(), kind=kind, sectors=sector, sector=sector, family="health", line=line,
                zone=zone, organisation=org, language="fr")


ACTORS = pd.DataFrame([actor("o1"), actor("o2"), actor("p1", "person", org="o1"), actor("p2", "person", org="o1"),
                       actor("o3"), actor("o4")])


def members(*pairs, since="", until=""):
    return pd.DataFrame([dict(actor=a, group=g, role="member", since=since, until=until) for a, g in pairs])


def test_co_membership_weight_is_one_over_group_size_minus_one():
    # Newman (2001): a group of n members adds 1/(n-1) to each pair; here n = 4.
    G = build_graph(ACTORS, members(("o1", "g"), ("o2", "g"), ("o3", "g"), ("o4", "g")), at=dt.date(2024, 1, 1))
    assert G.edges["o2", "o3"]["weight"] == pytest.approx(1 / 3)
    assert G.edges["o2", "o3"]["origin"] == "co_membership" and G.edges["o2", "o3"]["groups"] == ("g",)


def test_tie_and_co_membership_merge_into_one_edge():
    ties = pd.DataFrame([dict(source="o2", target="o1", type="referral", weight=2.0, since="", until="")])
    G = build_graph(ACTORS, members(("o1", "g"), ("o2", "g")), ties, at=dt.date(2024, 1, 1))
    assert G.number_of_edges() == 3  # o1-o2, and the affiliations p1-o1, p2-o1
    assert G.edges["o1", "o2"]["origin"] == "co_membership|tie"
    assert G.edges["o1", "o2"]["weight"] == pytest.approx(3.0)
    assert G.edges["o1", "o2"]["tie_types"] == "referral" and G.edges["o1", "o2"]["ties"] == 1


def test_affiliation_links_a_person_to_its_organisation_only():
    G = build_graph(ACTORS, at=dt.date(2024, 1, 1))
    assert sorted(G.edges()) == [("o1", "p1"), ("o1", "p2")]
    assert same_organisation(G, "p1", "p2") and same_organisation(G, "o1", "p1")
    assert not same_organisation(G, "o1", "o2")


def test_membership_counts_from_since_until_before_until():
    m = members(("o1", "g"), ("o2", "g"), since="2024-01-01", until="2024-06-01")
    assert build_graph(ACTORS, m, at=dt.date(2024, 1, 1)).has_edge("o1", "o2")
    assert not build_graph(ACTORS, m, at=dt.date(2024, 6, 1)).has_edge("o1", "o2")
    assert not build_graph(ACTORS, m, at=dt.date(2023, 12, 31)).has_edge("o1", "o2")


def test_graph_has_no_self_loops_and_line_is_an_int():
    G = build_graph(ACTORS, members(("o1", "g"), ("o1", "g")), at=dt.date(2024, 1, 1))
    assert nx.number_of_selfloops(G) == 0 and G.number_of_edges() == 2
    assert G.nodes["o1"]["line"] == 1 and G.nodes["o1"]["sectors"] == ("medical",)


def test_the_edges_of_one_workshop_share_one_data_dict():
    # 4 members: 6 clique edges with the same data (weight 1/3, the same group): one dict, not six.
    G = build_graph(ACTORS, members(("o1", "g"), ("o2", "g"), ("o3", "g"), ("o4", "g")), at=dt.date(2024, 1, 1))
    clique = [G.edges[u, v] for u, v in G.edges() if G.edges[u, v]["origin"] == "co_membership"]
    assert len(clique) == 6 and len({id(d) for d in clique}) == 1
    assert len({id(G.edges[e]) for e in [("o1", "p1"), ("o1", "p2")]}) == 1  # the two affiliations too


def test_edges_with_different_data_keep_their_own_dicts():
    ties = pd.DataFrame([dict(source="o2", target="o1", type="referral", weight=2.0, since="", until="")])
    G = build_graph(ACTORS, members(("o1", "g"), ("o2", "g"), ("o3", "g")), ties, at=dt.date(2024, 1, 1))
    assert G.edges["o1", "o2"]["weight"] == pytest.approx(2.5) and G.edges["o1", "o3"]["weight"] == 0.5
    assert G.edges["o2", "o3"] is G.edges["o1", "o3"] and G.edges["o1", "o2"] is not G.edges["o1", "o3"]


def test_a_copy_of_the_graph_can_change_one_edge_alone():
    G = build_graph(ACTORS, members(("o1", "g"), ("o2", "g"), ("o3", "g")), at=dt.date(2024, 1, 1))
    H = G.copy()
    H.edges["o1", "o2"]["weight"] = 9.0
    assert H.edges["o1", "o3"]["weight"] == 0.5 and G.edges["o1", "o2"]["weight"] == 0.5


def _rows(G, nodes=None):
    from collabnet.graph import neighbour_numbers

    index = {v: i for i, v in enumerate(sorted(G))}
    indptr, indices = neighbour_numbers(G, index, nodes)
    return [sorted(indices[indptr[r]:indptr[r + 1]].tolist()) for r in range(len(indptr) - 1)]


def test_neighbour_numbers_see_an_edge_added_after_an_earlier_call():
    G = nx.Graph([("a", "b")])
    assert _rows(G) == [[1], [0]]
    G.add_edge("b", "c")
    assert _rows(G) == [[1], [0, 2], [1]]


def test_neighbour_numbers_see_edges_added_by_the_graph_builders():
    import numpy as np

    from collabnet.graph import add_edges, add_nodes

    G = nx.Graph([("a", "b")])
    assert _rows(G) == [[1], [0]]
    add_nodes(G, ["c"], [{}])
    assert _rows(G) == [[1], [0], []]
    add_edges(G, ["a", "b", "c"], np.array([2]), np.array([0]), [{}])
    assert _rows(G) == [[1, 2], [0], [0]]


def test_neighbour_numbers_of_a_view_follow_the_graph_it_shows():
    G = nx.Graph([("a", "b"), ("b", "c")])
    view = G.subgraph(["a", "b", "c"])
    assert _rows(view) == [[1], [0, 2], [1]]
    G.remove_edge("a", "b")
    assert _rows(view) == [[], [2], [1]]


def test_neighbour_numbers_of_some_nodes_are_their_rows_in_that_order():
    G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
    assert _rows(G, ["c", "a", "c"]) == [[1, 3], [1], [1, 3]]


def test_neighbour_numbers_can_be_changed_by_the_caller_without_changing_the_next_answer():
    from collabnet.graph import neighbour_numbers

    G = nx.Graph([("a", "b")])
    index = {"a": 0, "b": 1}
    indptr, indices = neighbour_numbers(G, index)
    indptr[:] = 0
    indices[:] = 7
    again = neighbour_numbers(G, index)
    assert (again[0].tolist(), again[1].tolist()) == ([0, 1, 2], [1, 0])

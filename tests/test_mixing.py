"""Sector mixing and the E-I index of a set of actors (collabnet.analyses.mixing)."""

import networkx as nx
import numpy as np
import pytest

from collabnet.analyses.mixing import network_ei, sector_matrix, zone_ei


def zone_graph():
    """south: gp1-gp2 (medical), gp1-cpas (medical-welfare); north: ocmw; one tie across zones."""
    G = nx.Graph([("gp1", "gp2"), ("gp1", "cpas"), ("cpas", "ocmw")])
    nx.set_node_attributes(G, {"gp1": "medical", "gp2": "medical", "cpas": "social_assistance",
                               "ocmw": "social_assistance"}, "sector")
    nx.set_node_attributes(G, {"gp1": "south", "gp2": "south", "cpas": "south", "ocmw": "north"}, "zone")
    return G


def test_sector_matrix_counts_each_edge_once():
    m = sector_matrix(zone_graph())
    assert m.to_numpy().tolist() == [[1, 1], [1, 1]]


def test_sector_matrix_is_sorted_by_value():
    assert list(sector_matrix(zone_graph()).index) == ["medical", "social_assistance"]


def test_sector_matrix_keeps_only_edges_among_the_nodes():
    m = sector_matrix(zone_graph(), nodes=["gp1", "gp2", "ocmw"])
    assert m.to_numpy().tolist() == [[1, 0], [0, 0]]


def test_sector_matrix_leaves_out_nodes_without_value():
    G = nx.Graph([(1, 2), (2, 3)])
    nx.set_node_attributes(G, {1: "nl", 2: "fr", 3: None}, "language")
    assert sector_matrix(G, attribute="language").to_dict() == {"fr": {"fr": 0, "nl": 1}, "nl": {"fr": 1, "nl": 0}}


def test_sector_matrix_equals_networkx_mixing_on_karate():
    # networkx's attribute_mixing_matrix counts each undirected edge in both directions,
    # so its diagonal is twice ours and its off-diagonal cells equal ours.
    G = nx.karate_club_graph()
    ours = sector_matrix(G, attribute="club")
    mapping = {club: i for i, club in enumerate(ours.index)}
    reference = nx.attribute_mixing_matrix(G, "club", mapping=mapping, normalized=False)
    assert np.array_equal(ours.to_numpy() + np.diag(np.diag(ours.to_numpy())), reference)


def test_network_ei_of_the_karate_factions():
    # networkx's karate club: 11 of the 78 edges join members of the two clubs ("club" attribute,
    # Zachary 1977), E-I = (11 - 67) / 78.
    assert network_ei(nx.karate_club_graph(), attribute="club") == pytest.approx((11 - 67) / 78)


def test_network_ei_is_none_without_edges():
    G = nx.Graph()
    G.add_node("a", sector="medical")
    assert network_ei(G) is None


def test_zone_ei_uses_the_zone_subgraph():
    # south has gp1-gp2 (internal) and gp1-cpas (external): (1 - 1) / 2.
    assert zone_ei(zone_graph(), "south") == 0.0


def test_zone_ei_of_region_is_the_whole_graph():
    # whole graph: 2 internal (gp1-gp2, cpas-ocmw), 1 external: (1 - 2) / 3.
    assert zone_ei(zone_graph(), "region") == pytest.approx(-1 / 3)

"""Brokerage, structural holes, E-I and betweenness (collabnet.analyses.brokerage).

Reference values come from hand computation (shown in each test), from
published values on the classic datasets networkx ships, or from networkx's
own reference implementation on unweighted graphs.
"""

import itertools
import math
import random

import networkx as nx
import pandas as pd
import pytest

from collabnet.analyses import brokerage
from collabnet.analyses.brokerage import (
    BROKER_COLUMNS,
    ROLES,
    betweenness,
    broker_table,
    constraint,
    effective_size,
    ei_index,
    gould_fernandez,
    rank_brokers,
)
from collabnet.devtools.benchmark import naive_gould_fernandez  # every pair of neighbours, the definition


def graph(edges, sector, **attributes):
    """A graph whose nodes get ``sector`` and any other attribute from dicts keyed by node."""
    G = nx.Graph(edges)
    nx.set_node_attributes(G, sector, "sector")
    for name, values in attributes.items():
        nx.set_node_attributes(G, values, name)
    return G


def random_graph(seed):
    rng = random.Random(seed)
    G = nx.gnp_random_graph(rng.randint(1, 30), rng.random() * 0.6, seed=seed)
    for v in G:
        G.nodes[v].update(sector=rng.choice("abc"), line=rng.choice([1, 2, 0, None]),
                          language=rng.choice(["nl", "fr", None]), zone=rng.choice(["north", "south"]))
    return G


# ----- Gould-Fernandez: one hand-built broker per role -----

def test_coordinator_links_two_of_its_own_sector():
    G = graph([("b", "x"), ("b", "y")], {"b": "medical", "x": "medical", "y": "medical"})
    assert gould_fernandez(G)["b"] == {"coordinator": 1, "itinerant": 0, "representative": 0, "liaison": 0}


def test_itinerant_links_two_of_another_sector():
    G = graph([("b", "x"), ("b", "y")], {"b": "home_care", "x": "medical", "y": "medical"})
    assert gould_fernandez(G)["b"] == {"coordinator": 0, "itinerant": 1, "representative": 0, "liaison": 0}


def test_representative_links_own_sector_to_another():
    G = graph([("b", "x"), ("b", "y")], {"b": "medical", "x": "medical", "y": "housing"})
    assert gould_fernandez(G)["b"] == {"coordinator": 0, "itinerant": 0, "representative": 1, "liaison": 0}


def test_liaison_links_two_other_sectors():
    G = graph([("b", "x"), ("b", "y")], {"b": "coordination", "x": "medical", "y": "housing"})
    assert gould_fernandez(G)["b"] == {"coordinator": 0, "itinerant": 0, "representative": 0, "liaison": 1}


def test_adjacent_neighbours_are_not_brokered():
    G = graph([("b", "x"), ("b", "y"), ("x", "y")], {"b": "coordination", "x": "medical", "y": "housing"})
    assert gould_fernandez(G)["b"] == dict.fromkeys(ROLES, 0)


def test_pairs_are_unordered():
    # A broker with 3 neighbours of 3 other sectors, none adjacent: C(3, 2) = 3 liaison pairs, not 6.
    G = graph([("b", "x"), ("b", "y"), ("b", "z")],
              {"b": "coordination", "x": "medical", "y": "housing", "z": "elderly"})
    assert gould_fernandez(G)["b"]["liaison"] == 3


def test_node_without_value_brokers_nothing_and_is_not_brokered():
    G = nx.Graph([("b", "x"), ("b", "y"), ("b", "z"), ("z", "w")])
    nx.set_node_attributes(G, {"b": 1, "x": 1, "y": 2, "z": None, "w": 2}, "line")
    roles = gould_fernandez(G, attribute="line")
    assert roles["b"] == {"coordinator": 0, "itinerant": 0, "representative": 1, "liaison": 0}
    assert roles["z"] == dict.fromkeys(ROLES, 0)


def test_clique_has_no_brokerage():
    G = nx.complete_graph(200)
    nx.set_node_attributes(G, {v: "abc"[v % 3] for v in G}, "sector")
    assert all(sum(r.values()) == 0 for r in gould_fernandez(G).values())


def test_bipartite_davis_women_are_all_itinerant():
    # Davis (1941) southern women, as shipped by networkx: a woman's neighbours are events, never
    # adjacent to each other and all of the other mode, so every pair is itinerant: C(degree, 2).
    G = nx.davis_southern_women_graph()
    roles = gould_fernandez(G, attribute="bipartite")
    assert all(roles[v] == {"coordinator": 0, "itinerant": math.comb(G.degree(v), 2), "representative": 0,
                            "liaison": 0} for v in G)


@pytest.mark.parametrize("seed", range(12))
def test_roles_equal_pair_enumeration_on_random_graphs(seed):
    G = random_graph(seed)
    for attribute in ("sector", "line", "language"):
        assert gould_fernandez(G, attribute) == naive_gould_fernandez(G, attribute)


# ----- E-I index -----

def test_ei_index_of_an_actor():
    # 1 internal (gp2), 2 external (cpas, pharmacy): (2 - 1) / 3.
    G = graph([("gp", "gp2"), ("gp", "cpas"), ("gp", "ph")],
              {"gp": "medical", "gp2": "medical", "cpas": "social_assistance", "ph": "pharmacy"})
    assert ei_index(G)["gp"] == pytest.approx(1 / 3)


def test_ei_index_is_none_without_edges():
    G = graph([], {})
    G.add_node("alone", sector="medical")
    assert ei_index(G) == {"alone": None}


def test_ei_index_for_chosen_nodes():
    G = graph([("a", "b")], {"a": "medical", "b": "housing"})
    assert ei_index(G, nodes=["b"]) == {"b": 1.0}


# ----- effective size and constraint -----

def test_effective_size_of_medici():
    # Padgett's Florentine marriages (networkx): Medici has 6 contacts with one tie among them
    # (Ridolfi-Tornabuoni): 6 - 2 * 1 / 6 (Borgatti 1997).
    assert effective_size(nx.florentine_families_graph())["Medici"] == pytest.approx(6 - 2 / 6)


def test_effective_size_equals_networkx_on_karate():
    G = nx.karate_club_graph()
    ours, reference = effective_size(G), nx.effective_size(G)
    assert all(ours[v] == pytest.approx(reference[v]) for v in G)


def test_effective_size_is_none_for_an_isolate():
    G = nx.Graph()
    G.add_node("alone")
    assert effective_size(G) == {"alone": None}


def test_constraint_of_medici():
    # By hand (Burt 1992): p = 1/6 to each of 6 contacts; Ridolfi and Tornabuoni (degree 3 each)
    # are tied, adding 1/6 * 1/3 to each other's term: 4 * (1/6)^2 + 2 * (1/6 + 1/18)^2 = 68/324.
    assert constraint(nx.florentine_families_graph())["Medici"] == pytest.approx(68 / 324)


def test_constraint_in_a_triangle():
    # Burt's classic: each contact 1/2 direct + 1/4 indirect -> 2 * (3/4)^2 = 1.125.
    assert constraint(nx.complete_graph(3))[0] == pytest.approx(1.125)


def test_constraint_in_a_200_clique():
    # K_n: (n - 1) terms of (1/(n-1) + (n-2)/(n-1)^2)^2 = (2n-3)^2 / (n-1)^3.
    n = 200
    assert constraint(nx.complete_graph(n))[0] == pytest.approx((2 * n - 3) ** 2 / (n - 1) ** 3)


def test_constraint_equals_networkx_on_weighted_karate_read_unweighted():
    # karate_club_graph carries "weight" attributes; the contract measure ignores them.
    G = nx.karate_club_graph()
    ours, reference = constraint(G), nx.constraint(G, weight=None)
    assert all(ours[v] == pytest.approx(reference[v]) for v in G)


# ----- betweenness -----

def test_betweenness_of_heather_in_the_kite():
    # Krackhardt (1990): Heather (node 7 of networkx's kite) has normalised betweenness 0.389.
    assert betweenness(nx.krackhardt_kite_graph())[7] == pytest.approx(0.389, abs=1e-3)


def test_betweenness_of_medici():
    # Florentine marriages: Medici 47.5 shortest-path shares (UCINET, igraph, R sna),
    # normalised by (n-1)(n-2)/2 = 91 for networkx's 15 connected families.
    assert betweenness(nx.florentine_families_graph())["Medici"] == pytest.approx(47.5 / 91)


def test_betweenness_of_karate_members():
    # Zachary's karate club: member 1 231.07 and member 3 75.85 (igraph betweenness), over C(33, 2) = 528.
    b = betweenness(nx.karate_club_graph())
    assert (b[0] * 528, b[2] * 528) == (pytest.approx(231.07, abs=0.01), pytest.approx(75.85, abs=0.01))


def test_betweenness_equals_networkx_on_davis():
    G = nx.davis_southern_women_graph()
    ours, reference = betweenness(G), nx.betweenness_centrality(G)
    assert all(ours[v] == pytest.approx(reference[v], abs=1e-12) for v in G)


def test_sampled_betweenness_equals_networkx_with_the_same_seed():
    G = nx.karate_club_graph()
    ours, reference = betweenness(G, k=10, seed=7), nx.betweenness_centrality(G, k=10, seed=7)
    assert all(ours[v] == pytest.approx(reference[v], abs=1e-12) for v in G)


def test_betweenness_estimates_above_the_exact_threshold(monkeypatch):
    # Above exact_max: SAMPLE_SOURCES sources stratified by zone, linearly scaled (see the docstring).
    # Deterministic, and close to exact on a small-world graph (half the nodes as sources).
    monkeypatch.setattr(brokerage, "SAMPLE_SOURCES", 150)
    G = nx.connected_watts_strogatz_graph(300, 4, 0.2, seed=1)
    nx.set_node_attributes(G, {v: "north" if v < 100 else "south" for v in G}, "zone")
    ours, exact = betweenness(G, exact_max=299), betweenness(G)
    assert ours == betweenness(G, exact_max=299)
    assert ours != exact
    assert sum(abs(ours[v] - exact[v]) for v in G) / sum(exact.values()) < 0.1


def test_betweenness_is_exact_when_the_sample_would_hold_every_node(monkeypatch):
    monkeypatch.setattr(brokerage, "SAMPLE_SOURCES", 300)
    G = nx.connected_watts_strogatz_graph(300, 4, 0.2, seed=1)
    ours, reference = betweenness(G, exact_max=299), nx.betweenness_centrality(G)
    assert all(ours[v] == pytest.approx(reference[v], abs=1e-12) for v in G)


def test_betweenness_with_k_at_least_n_is_exact():
    G = nx.krackhardt_kite_graph()
    assert betweenness(G, k=50) == pytest.approx(betweenness(G))


def test_betweenness_rejects_a_single_source():
    with pytest.raises(ValueError, match="k=1"):
        betweenness(nx.path_graph(5), k=1)


def test_betweenness_counts_pairs_of_the_whole_graph_across_components():
    # Path a-b-c plus an isolate: b is on 1 of C(3, 2) = 3 pairs of the other nodes.
    G = nx.Graph([("a", "b"), ("b", "c")])
    G.add_node("d")
    assert betweenness(G)["b"] == pytest.approx(1 / 3)


def test_directed_graphs_are_refused():
    with pytest.raises(nx.NetworkXNotImplemented):
        betweenness(nx.DiGraph([(1, 2)]))


# ----- broker table -----

def south(G):
    nx.set_node_attributes(G, "south", "zone")
    return G


def test_broker_table_has_contract_columns_first():
    G = south(graph([("a", "b")], {"a": "medical", "b": "housing"}))
    assert tuple(broker_table(G).columns[:len(BROKER_COLUMNS)]) == BROKER_COLUMNS


def test_broker_table_leaves_out_actors_without_edges():
    G = south(graph([("a", "b")], {"a": "medical", "b": "housing", "c": "medical"}))
    G.add_node("c", sector="medical", zone="south")
    assert sorted(broker_table(G)["actor"]) == ["a", "b"]


def test_broker_table_ranks_sector_brokers_first():
    # hub links medical and housing pairs (liaison and representative); leaf actors broker nothing.
    G = south(graph([("hub", "m1"), ("hub", "h1"), ("hub", "e1"), ("m1", "m2")],
                    {"hub": "medical", "m1": "medical", "m2": "medical", "h1": "housing", "e1": "elderly"}))
    table = broker_table(G)
    assert list(table["actor"]) == ["hub", "m1", "e1", "h1", "m2"]


def test_bridge_score_adds_brokerage_betweenness_and_cut_vertex_parts():
    # Same graph: hub has the zone's top brokerage (3 pairs) and betweenness (5/6) and is a cut
    # vertex: 1 + 1 + 0.25. m1 brokers no sector pair, betweenness 3/6, cut vertex (holds m2).
    G = south(graph([("hub", "m1"), ("hub", "h1"), ("hub", "e1"), ("m1", "m2")],
                    {"hub": "medical", "m1": "medical", "m2": "medical", "h1": "housing", "e1": "elderly"}))
    score = broker_table(G).set_index("actor")["bridge_score"]
    assert (score["hub"], score["m1"]) == (pytest.approx(2.25), pytest.approx(0.5 / (5 / 6) + 0.25))


def test_broker_table_breaks_ties_by_actor_id():
    G = south(graph([("b", "a"), ("c", "d")], {"a": "x", "b": "y", "c": "x", "d": "y"}))
    assert list(broker_table(G)["actor"]) == ["a", "b", "c", "d"]


def test_broker_scores_equal_but_for_rounding_noise_are_ties_broken_by_actor_id():
    # Two identical stars: a and b have the same betweenness, but a sum in another order can give
    # 0.1 + 0.2 = 0.30000000000000004 for one of them; the tie rule, not that noise, decides.
    G = south(graph([("a", "a1"), ("a", "a2"), ("b", "b1"), ("b", "b2")], dict.fromkeys(["a", "a1", "a2", "b", "b1", "b2"], "x")))
    noisy = {v: 0.0 for v in G} | {"a": 0.3, "b": 0.1 + 0.2}
    assert list(rank_brokers(broker_table(G), noisy)["actor"])[:2] == ["a", "b"]


def test_broker_table_ranks_within_each_zone():
    G = graph([("a", "b"), ("c", "d")], {"a": "x", "b": "y", "c": "x", "d": "y"},
              zone={"a": "south", "b": "south", "c": "north", "d": "north"})
    table = broker_table(G)
    assert list(zip(table["zone"], table["rank"])) == [("north", 1), ("north", 2), ("south", 1), ("south", 2)]


def test_broker_table_uses_given_betweenness():
    G = south(graph([("a", "b")], {"a": "x", "b": "y"}))
    table = broker_table(G, betweenness={"a": 0.25, "b": 0.5})
    assert list(zip(table["actor"], table["betweenness"])) == [("b", 0.5), ("a", 0.25)]


def test_broker_table_line_is_a_nullable_integer():
    G = south(graph([("a", "b")], {"a": "x", "b": "y"}, line={"a": 1, "b": None}))
    line = broker_table(G).set_index("actor")["line"]
    assert (str(line.dtype), line["a"], pd.isna(line["b"])) == ("Int64", 1, True)


def test_broker_table_counts_line_and_language_brokerage():
    # b (line 1, nl) between x (line 1, fr) and y (line 2, fr): one representative pair by line,
    # one itinerant pair by language.
    G = south(graph([("b", "x"), ("b", "y")], {"b": "s", "x": "s", "y": "s"},
                    line={"b": 1, "x": 1, "y": 2}, language={"b": "nl", "x": "fr", "y": "fr"}))
    row = broker_table(G).set_index("actor").loc["b"]
    assert (row["line_brokerage"], row["language_brokerage"]) == (1, 1)


def test_broker_table_matches_the_single_measures_with_a_high_degree_hub():
    # A hub of degree 1100 needs 11-bit count fields: the packed counts spill over two products.
    rng = random.Random(5)
    G = nx.star_graph(1100)
    G.add_edges_from((rng.randrange(1, 1101), rng.randrange(1, 1101)) for _ in range(300))
    G.remove_edges_from(nx.selfloop_edges(G))
    for v in G:
        G.nodes[v].update(sector=rng.choice("ab"), line=rng.choice([1, 2, None]),
                          language=rng.choice(["nl", "fr", None]), zone="south")
    table = broker_table(G).set_index("actor")
    line = gould_fernandez(G, "line")
    language = gould_fernandez(G, "language")
    sector = gould_fernandez(G)
    assert all(table.loc[v, "line_brokerage"] == sum(line[v].values()) - line[v]["coordinator"]
               and table.loc[v, "language_brokerage"] == sum(language[v].values()) - language[v]["coordinator"]
               and table.loc[v, "liaison"] == sector[v]["liaison"]
               and table.loc[v, "effective_size"] == pytest.approx(nx.effective_size(G, nodes=[v])[v]) for v in (0, 1, 2))


def test_broker_table_is_deterministic():
    G = random_graph(3)
    pd.testing.assert_frame_equal(broker_table(G), broker_table(G.copy()))



@pytest.fixture(scope="module")
def synth_300_estimated(tmp_path_factory):
    """A 300-organisation synthetic region's broker table, exact and estimated as if large (32 sources doubled
    up to 128, certified where that separates a zone's top 10)."""
    from synth300 import estimated_as_large, synth_300

    G = synth_300(tmp_path_factory.mktemp("synth300")).organisation_graph
    exact = brokerage.broker_table(G, exact=True)
    with estimated_as_large(128):
        return exact, brokerage.broker_table(G)


def test_certified_estimate_gives_the_exact_top_10_of_every_zone_it_certifies(synth_300_estimated):
    """Above EXACT_MAX the sample doubles until each zone's top 10 is separated; a certified zone's top 10 is exact."""
    exact, estimated = synth_300_estimated
    entry = estimated.attrs["betweenness"]
    assert entry["method"] == "estimated" and entry["sources"] <= 128 + 6
    certified = [z for z, ok in entry["certified"]["zones"].items() if ok]
    assert certified  # else the check below would be empty
    for zone in certified:
        top = {z: set(t[t["zone"] == zone].head(10)["actor"]) for z, t in (("e", exact), ("s", estimated))}
        assert top["e"] == top["s"]


def test_counts_shared_by_two_processes_give_the_same_table(monkeypatch):
    from pathlib import Path

    import collabnet

    H = collabnet.load(Path(__file__).parents[1] / "datasets" / "brussels", at="2024-06-30").organisation_graph
    one = broker_table(H)
    monkeypatch.setattr(brokerage, "_SHARED_COUNT_ENTRIES", 0)  # two processes share the counts, as at region scale
    pd.testing.assert_frame_equal(broker_table(H), one)
    assert one["carried_by"].str.len().gt(0).any() and one["constraint"].notna().all()


def test_leading_ranks_said_sure_are_in_the_exact_top_10_even_where_the_zone_is_not_certified(synth_300_estimated):
    """An uncertified zone can still have sure leading ranks (summary.json: certified.sure_ranks); each is in the
    zone's exact top 10, and a certified zone's sure ranks are its whole top 10."""
    exact, estimated = synth_300_estimated
    certified = estimated.attrs["betweenness"]["certified"]
    sure = certified["sure_ranks"]
    assert set(sure) == set(certified["zones"])
    assert any(0 < sure[z] < 10 and not certified["zones"][z] for z in sure)  # else nothing below is partial
    for zone, k in sure.items():
        ranked = estimated[estimated["zone"] == zone].sort_values("rank")
        if certified["zones"][zone]:
            assert k == min(10, len(ranked))
        top = set(exact[exact["zone"] == zone].sort_values("rank").head(10)["actor"])
        assert set(ranked.head(k)["actor"]) <= top

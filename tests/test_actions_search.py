"""The array fast paths of the introduction search agree with its plain Python search on random graphs."""

from __future__ import annotations

import random

import networkx as nx
import pandas as pd
import pytest

from collabnet.analyses import introductions
from collabnet.analyses.introductions import IntroductionSearch

ZONES = ("north", "south", "region")
SECTORS = ("medical", "social_assistance", "housing", None)


def random_graph(seed: int, n: int = 40, p: float = 0.08) -> nx.Graph:
    """Organisations and persons in three zones, with lines, sectors and a few missing values."""
    rng = random.Random(seed)
    G = nx.gnp_random_graph(n, p, seed=seed)
    G = nx.relabel_nodes(G, {i: f"a{i:02d}" for i in G})
    orgs = [v for v in sorted(G) if rng.random() < 0.4]
    for v in sorted(G):
        is_org = v in orgs
        G.nodes[v].update(name=v.upper(), kind="organisation" if is_org else "person",
                          organisation=None if is_org or not orgs else rng.choice(orgs + [None]),
                          zone=rng.choice(ZONES), sector=rng.choice(SECTORS), line=rng.choice((1, 2, 0, None)),
                          language=rng.choice(("nl", "fr", None)))
    return G


def context(G: nx.Graph, seed: int) -> IntroductionSearch:
    rng = random.Random(seed)
    ranked = [v for v in sorted(G) if rng.random() < 0.7]  # the others have no rank (inf)
    return IntroductionSearch(G, {v: rng.randint(1, 5) for v in ranked})  # ties on purpose


def python_allowed(G, ctx, x, line, other_sector):
    def allowed(v):
        return (line is None or ctx.line_of[v] == line) and (
            not other_sector or G.nodes[v].get("sector") != G.nodes[x].get("sector"))
    return allowed


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("budget", [5, 20_000])
def test_best_partner_is_the_python_search(seed, budget, monkeypatch):
    monkeypatch.setattr(introductions, "SEARCH_BUDGET", budget)
    G = random_graph(seed)
    ctx = context(G, seed)
    for x in sorted(G):
        for line in (None, 1, 2):
            for other_sector in (False, True):
                allowed = python_allowed(G, ctx, x, line, other_sector)
                expected = ctx.best_pair([x], None, allowed, G.nodes[x]["zone"])
                assert ctx.best_partner(x, G.nodes[x]["zone"], line, other_sector) == expected


@pytest.mark.parametrize("seed", range(6))
def test_strangers_are_the_best_unlinked_actors_of_the_zone_then_outside(seed):
    G = random_graph(seed)
    ctx = context(G, seed)
    for x in sorted(G):
        zone = G.nodes[x]["zone"]
        allowed = python_allowed(G, ctx, x, 2, True)

        def target(v, x=x, allowed=allowed):
            return v != x and allowed(v) and not G.has_edge(x, v) and not ctx.same_org(x, v)

        home = [v for v in ctx.everyone if ctx.zone_of[v] == zone and target(v)][:3]
        assert ctx.strangers(x, zone, 3, 2, True) == (home or ctx.outside(zone, target, 3))

"""Isolated actors: who is not yet connected, and how (isolated.csv).

Every actor is examined; its reasons (:data:`collabnet.codes.REASONS`) are
those of its standing (:mod:`collabnet.analyses.standing`, the one home of the
rules): only ties that leave the actor's own organisation count, so a person
who only meets colleagues is as isolated as one with no edge at all.

An actor may get several reasons (one record each).

Examples
--------
>>> G = nx.Graph([("cpas", "social_worker"), ("social_worker", "gp")])
>>> nx.set_node_attributes(G, {
...     "cpas": dict(kind="organisation", organisation=None, sector="social_assistance", line=1, zone="south"),
...     "social_worker": dict(kind="person", organisation="cpas", sector="social_assistance", line=1, zone="south"),
...     "gp": dict(kind="organisation", organisation=None, sector="medical", line=1, zone="south")})
>>> for record in isolated_actors(G):
...     print(record.actor, record.reason, record.degree, record.evidence, sep=" | ")
cpas | no_ties | 0 | no edge outside own organisation
gp | no_cross_line | 1 | outside neighbours: social_worker
gp | single_tie | 1 | outside neighbours: social_worker
social_worker | no_cross_line | 1 | outside neighbours: gp
social_worker | single_tie | 1 | outside neighbours: gp
"""

from __future__ import annotations

import heapq

import networkx as nx

from collabnet.analyses.standing import Everyone
from collabnet.analyses.standing import reasons as standing_reasons
from collabnet.codes import REASONS
from collabnet.organisations import carriers
from collabnet.records.findings import IsolatedActor

__all__ = ["LINE_PRIORITY", "EVIDENCE_NAMES", "isolated_actors"]

#: Sort order of care lines: first and second line first, then 0, 3 and no line.
LINE_PRIORITY = (1, 2, 0, 3, None)
#: Outside neighbours named in the evidence, at most.
EVIDENCE_NAMES = 5


@nx.utils.not_implemented_for("directed")
@nx.utils.not_implemented_for("multigraph")
def isolated_actors(G: nx.Graph) -> list[IsolatedActor]:
    """Every reason for which an actor of ``G`` counts as isolated.

    Parameters
    ----------
    G : networkx.Graph
        The actor graph (node attributes ``kind``, ``organisation``, ``sector``,
        ``line``, ``zone``; a missing zone counts as ``region``).

    Returns
    -------
    list of IsolatedActor
        Sorted by zone, care line (1, 2, 0, 3, none: :data:`LINE_PRIORITY`),
        actor id, then reason in :data:`REASONS` order.

    Examples
    --------
    A GP who only works with other GPs:

    >>> G = nx.Graph([("gp1", "gp2"), ("gp1", "gp3")])
    >>> G.add_nodes_from(list(G), kind="organisation", sector="medical", line=1, zone="north")
    >>> [(r.actor, r.reason) for r in isolated_actors(G) if r.actor == "gp1"]
    [('gp1', 'intra_sector_only'), ('gp1', 'no_cross_line')]
    """
    line = dict(G.nodes(data="line"))
    everyone = Everyone(G)  # every actor's outside partners and standing, the graph read once
    found = []
    for i, (v, data) in enumerate(G.nodes(data=True)):
        reasons = standing_reasons(line[v], everyone.standing(i))
        if not reasons:
            continue
        outside = everyone.partners(i)
        evidence = _evidence(heapq.nsmallest(EVIDENCE_NAMES, outside), len(outside))
        zone = data.get("zone") or "region"
        carried = "|".join(map(str, carriers(G, v)))
        found.extend(IsolatedActor(zone, v, reason, len(outside), evidence, carried) for reason in reasons)
    return sorted(found, key=lambda r: (r.zone, _line_rank(line[r.actor]), r.actor, REASONS.index(r.reason)))


def _line_rank(line) -> int:
    return LINE_PRIORITY.index(line) if line in LINE_PRIORITY else len(LINE_PRIORITY)


def _evidence(first: list, degree: int) -> str:
    """Evidence text: the first outside neighbours (sorted ids, at most EVIDENCE_NAMES) of ``degree``."""
    if not degree:
        return "no edge outside own organisation"
    named = ", ".join(map(str, first))
    more = degree - EVIDENCE_NAMES
    return f"outside neighbours: {named}" + (f" (+{more} more)" if more > 0 else "")

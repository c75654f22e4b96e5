"""Actions for the zone action plans: who to introduce, invite, secure and recruit.

:func:`recommend_actions` turns the findings (isolated actors, brokers, gaps)
into concrete, ranked actions, each with one sentence a coordinator can read
out at a workshop (a language-free :class:`~collabnet.records.messages.Message`
that :class:`collabnet.words.Vocabulary` puts in ``nl``, ``fr`` or ``en``).

Action kinds (column ``action``):

``introduce``
    Bring two actors that do not work together yet into contact: for a
    ``sector_pair`` or ``weak_sector_pair`` whose expected count is at least
    :data:`MIN_EXPECTED` (0.5), a ``family_pair``, ``weak_family_pair``,
    ``line_gap`` or ``language_gap`` (one actor from each side), and for an
    actor that only has ties in its own sector, none across the first/second
    line, or a single tie (``intra_sector_only``, ``no_cross_line``,
    ``single_tie``). The pair is chosen in this order of preference: a pair with
    a shared neighbour who can make the introduction (named in ``via`` and in
    the sentence), actors of the zone (for ``region``: region-wide actors),
    first- and second-line actors, the strongest brokers (lowest rank in
    brokers.csv), then actor ids. A side with no actor in the zone (a
    missing line) is looked for among region-wide actors, then other zones.
``invite``
    Invite an actor with no tie outside its own organisation (``no_ties``) to
    the group whose theme fits its sector (:data:`THEME_KEYWORDS`), in its zone
    or region-wide; else to the zone's support group, working group or
    workshop; else to the zone's next change workshop. ``via`` = the group id.
``secure_bridge``
    An actor that is the only link (a cut vertex of the zone subgraph, or of the
    whole graph for ``region``) between two sectors, the first and second line,
    or the ``nl`` and ``fr`` networks: ask it to introduce one of its partners on
    one side to one on the other side, so the link survives its departure.
    ``via`` = the actor that holds the bridge today. A cut vertex that is no such
    link but whose departure would cut off :data:`MIN_CUT_OFF` (3) or more
    actors outside its own organisation from the rest of the zone gets one too
    (the biggest such group; ``evidence`` starts with ``bridge group``). A cut
    edge is covered too: if both its ends have other partners they are cut
    vertices; if one end has none, that end is a ``single_tie`` actor and gets
    an ``introduce``.
``recruit``
    A sector missing in the zone (``sector_missing``): recruit one through the
    zone's group whose theme fits the sector (``via``), naming up to three
    region-wide actors of that sector who could be asked (else those of other
    zones; organisations first).

``backup_contact``
    On the organisation graph: an organisation's link to another organisation,
    a sector, the other line or the other language network rests on one of
    its people alone (:mod:`collabnet.analyses.turnover`): a second person of
    the organisation should join the group that person carries the links
    through (``via``), or work with the partner. ``actors`` = the organisation
    and the person.

Zone ``region`` holds the region-wide view: actions for the gaps and bridges
of the whole graph, and for isolated region-wide actors.

Ranking rule, in plain words: every action gets an urgency score, the number
of links missing or at risk, counted like gap severity. An action answering a
gap scores the gap's severity. A ``secure_bridge`` scores the number of actors
on the smaller side of the bridge (those who would be cut off), doubled when
the bridge joins health and welfare, the first and second line, or the ``nl``
and ``fr`` networks; a cut-off group scores its number of actors. An action
for one isolated actor scores 1, doubled for a first- or second-line actor and
doubled again when it has no tie at all. A ``backup_contact`` scores what the
person's departure would cost the organisation: the rise in its isolation
score (the same 1, 2, 4 scale), plus 1 for each of the other language network
and the other sector family (health, welfare) it would no longer reach.
Within each zone, actions are sorted by score (highest first), then kind
(secure_bridge, backup_contact, introduce, invite, recruit), then actor ids; priority 1 is the
first. Two actors are introduced to each other once per zone, with the
highest score of the findings it answers; the sentence is the
``secure_bridge`` one when the pair also secures a bridge, and the evidence
names the other findings.

Examples
--------
>>> import networkx as nx
>>> G = nx.Graph()
>>> G.add_nodes_from([
...     ("gp", {"name": "GP Zuid", "zone": "south", "sector": "medical", "family": "health", "line": 1}),
...     ("cpas", {"name": "CPAS", "zone": "south", "sector": "social_assistance", "family": "welfare", "line": 1}),
...     ("net", {"name": "Network", "zone": "region", "sector": "coordination", "family": "other", "line": None})])
>>> G.add_edges_from([("gp", "net"), ("cpas", "net")])
>>> from collabnet.analyses.gaps import find_gaps
>>> actions = recommend_actions(G, [], None, find_gaps(G, zones=["south"]), zones=["south"])
>>> [(a.priority, a.action, a.actors, a.via) for a in actions]
[(1, 'introduce', ('gp', 'cpas'), 'net')]
>>> from collabnet.words import Vocabulary
>>> print(Vocabulary.of(G, "en").say(actions[0].rationale))  # doctest: +NORMALIZE_WHITESPACE
Introduce GP Zuid to CPAS through Network, who works with both:
health care and welfare do not work together in the South zone yet.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import replace
from itertools import chain

import networkx as nx
import pandas as pd

from collabnet.analyses.bridges import fragile_links, priority_pair, watched_values
from collabnet.analyses.gaps import PRIORITY_WEIGHT, actor_line, id_list, zone_members
from collabnet.analyses.introductions import IntroductionSearch
from collabnet.analyses.themes import GroupFinder
from collabnet.analyses.turnover import backup_action, dependencies
from collabnet.codes import ACTION_KINDS, REGION
from collabnet.records.findings import SCORE_DIGITS, Action, Gap
from collabnet.records.messages import Label, LineName, Name, Names, SectorName, ZoneRef, say
from collabnet.runtime import Jobs, run_jobs

__all__ = ["MIN_EXPECTED", "recommend_actions"]

# The tie-break order of the ranking.
_KIND_ORDER = {kind: i for i, kind in enumerate(ACTION_KINDS)}
_PAIR_KINDS = ("secure_bridge", "introduce")

# A sector pair gets an introduction only when a random network of the zone's density would have
# at least half a link between the two sectors: below that, no link is no finding.
MIN_EXPECTED = 0.5
# Links from which the three kinds of candidate actions are found in two processes (5,000 organisations:
# 90,000 links, the actions stage 1.28 s in one process and 0.57 s in two, before the backups came in slices).
_SHARED_EDGES = 50_000
# The organisations' departures are found in this many slices, shared by the two processes.
_BACKUP_SLICES = 6


def recommend_actions(
    G: nx.Graph,
    isolated: Iterable,
    brokers: pd.DataFrame | None,
    gaps: Iterable[Gap],
    groups: pd.DataFrame | None = None,
    zones: Iterable[str] | None = None,
    search: IntroductionSearch | None = None,
) -> list[Action]:
    """Recommend ranked actions per zone.

    Parameters
    ----------
    G : networkx.Graph
        The actor graph (node attributes ``name``, ``zone``, ``sector``,
        ``sectors``, ``family``, ``line``, ``language``, ``kind``,
        ``organisation``; ``G.graph["sector_names"]`` (lang -> code -> name), when
        present, lets a group's theme name a sector in any language).
    isolated : iterable of IsolatedActor
        Rows of :func:`collabnet.analyses.isolation.isolated_actors` (``zone``,
        ``actor``, ``reason``).
    brokers : pandas.DataFrame or None
        :func:`collabnet.analyses.brokerage.broker_table` (``actor``, ``rank``);
        lower rank = preferred actor.
    gaps : iterable of Gap
        :func:`collabnet.analyses.gaps.find_gaps` rows.
    groups : pandas.DataFrame, optional
        Groups an actor can be invited into (``id``, ``name``, ``type``, ``zone``,
        ``theme``): pass those that have not ended on the analysis date.
    zones : iterable of str, optional
        Zones to recommend for (``region`` = the whole graph); default every
        zone that has actors, plus ``region``.
    search : IntroductionSearch, optional
        The introduction search on ``G`` with the brokers' ranks, when already made
        (:func:`collabnet.analyses.analyse` shares one with the plans).

    Returns
    -------
    list of Action
        Sorted by zone, then priority. Each rationale is a language-free
        :class:`~collabnet.records.messages.Message`.
    """
    wanted = [*zone_members(G), REGION] if zones is None else list(dict.fromkeys(zones))
    if search is None:
        rank = dict(zip(brokers["actor"], brokers["rank"])) if brokers is not None and len(brokers) else {}
        search = IntroductionSearch(G, rank)
    ctx = _Actions(G, search, groups)

    def for_gaps_and_isolated() -> list[Action]:
        found: list[Action] = []
        for gap in gaps:
            if gap.zone in wanted:
                found.extend(ctx.gap_action(gap))
        reasons: dict[tuple[str, str], set[str]] = defaultdict(set)
        for row in isolated:
            if row.zone in wanted and row.actor in G:
                reasons[(row.zone, row.actor)].add(row.reason)
        for (zone, actor), why in sorted(reasons.items()):
            found.extend(ctx.isolated_action(zone, actor, why))
        return found

    def backups(part: list) -> Callable[[], list]:  # none on the actor graph: its nodes fold no people
        return lambda: [backup_action(found) for found in dependencies(G, part) if found.zone in wanted]

    def for_bridges() -> list[Action]:
        members = zone_members(G)
        found: list[Action] = []
        for zone in wanted:
            if zone == REGION:
                found.extend(ctx.bridge_actions(REGION))
            elif zone in members:
                found.extend(ctx.bridge_actions(zone, members[zone]))
        return found

    def ranked(made: dict) -> list[Action]:  # _rank orders them: the order of the slices does not matter
        return _rank([*made["gaps"], *chain.from_iterable(made[name] for name in slices), *made["bridges"]])

    # The three kinds of candidates are independent: on a big graph two processes share them, the
    # longest first (costs: seconds at 50,000 organisations), then _rank ranks them all. The backups
    # (the longest: 8 s) come in slices of the organisations, so that both processes end about together.
    organisations = [v for v, data in G.nodes(data=True) if data.get("people")]
    slices = {f"backups {i}": backups(organisations[i::_BACKUP_SLICES]) for i in range(_BACKUP_SLICES)}
    parts = Jobs({"gaps": for_gaps_and_isolated, **slices, "bridges": for_bridges},
                 {"gaps": 3.0, **dict.fromkeys(slices, 7.0 / _BACKUP_SLICES), "bridges": 3.5}, ranked,
                 shared=G.number_of_edges() >= _SHARED_EDGES)
    return run_jobs(parts)[0]


def _rank(candidates: list[Action]) -> list[Action]:
    """One action per (zone, actors introduced), numbered per zone by the ranking rule.

    Of the actions that introduce the same two actors, the kept one has the highest score;
    its wording is that of a ``secure_bridge`` when one of them is (it names the risk as well
    as the gap), and its evidence names the findings of the others.
    """
    def order(a: Action, score: float, evidence: str) -> tuple:
        # evidence (not the translated rationale) breaks ties: the same choice in every language
        return (a.zone, -round(score, SCORE_DIGITS), _KIND_ORDER[a.action], a.actors, a.via or "", evidence)

    same: dict[tuple, list[Action]] = {}
    for action in sorted(candidates, key=lambda a: order(a, a.score, a.evidence)):
        kind = "pair" if action.action in _PAIR_KINDS else action.action
        same.setdefault((action.zone, kind, frozenset(action.actors)), []).append(action)
    merged = []  # (action kept, its evidence, its score): each made a record once, numbered
    for group in same.values():
        keep = next((a for a in group if a.action == "secure_bridge"), group[0])
        findings = list(dict.fromkeys(a.evidence.split(": ", 1)[0] for a in group if a is not keep))
        evidence = keep.evidence + (f"; also answers {id_list(findings)}" if findings else "")
        merged.append((keep, evidence, round(group[0].score, 6)))
    ranked: list[Action] = []
    priority: Counter = Counter()
    for keep, evidence, score in sorted(merged, key=lambda m: order(m[0], m[2], m[1])):
        priority[keep.zone] += 1
        ranked.append(replace(keep, priority=priority[keep.zone], evidence=evidence, score=score))
    return ranked


class _Actions:
    """What every action needs: the introduction search, the groups, and the zones' sectors."""

    def __init__(self, G: nx.Graph, search: IntroductionSearch, groups: pd.DataFrame | None):
        self.G = G
        self.search = search
        self.groups = GroupFinder(groups, G.graph.get("sector_names"))
        self.tags = {v: watched_values(G, v) for v in G}
        self.zone_sectors = {z: Counter(G.nodes[v].get("sector") for v in nodes)
                             for z, nodes in zone_members(G).items()}

    def introduce(self, zone: str, pair: tuple, why: str, evidence: str, score: float) -> Action:
        """An introduce action: x (the side named first in the finding) to y, through w when known."""
        x, y, w = pair
        via = say("via", w=Name(w)) if w is not None else ""
        rationale = say("introduce", x=Name(x), y=Name(y), via=via, why=why)
        if w is not None:
            evidence += f"; shared neighbour {w}"
        return Action(zone, 0, "introduce", (str(x), str(y)), rationale, None if w is None else str(w), evidence,
                      score)

    # ----- gaps -----
    def gap_action(self, gap: Gap) -> list[Action]:
        attribute = {"sector_pair": "sector", "weak_sector_pair": "sector", "family_pair": "family",
                     "weak_family_pair": "family", "line_gap": "line", "language_gap": "language"}.get(gap.gap)
        if gap.gap == "sector_missing":
            return self.recruit(gap)
        if attribute is None:
            return []
        side_a = self.search.members(gap.zone, attribute, gap.a)
        side_b = self.search.members(gap.zone, attribute, gap.b)
        zone = ZoneRef(gap.zone)
        a, b = Label(attribute, gap.a), Label(attribute, gap.b)
        if gap.gap.startswith("weak_"):
            why = say("weak_pair", a=a, b=b, zone=zone, observed=gap.observed, expected=f"{gap.expected:.1f}")
        elif attribute in ("sector", "family"):
            why = say("sector_pair", a=a, b=b, zone=zone)
        elif attribute == "language":
            why = say("language_gap", zone=zone)
        elif side_a and side_b:
            why = say("line_gap", zone=zone)
        else:
            missing, present = (gap.b, gap.a) if side_a else (gap.a, gap.b)
            side_a = side_a or side_b
            side_b = self.search.outside(gap.zone, lambda v: actor_line(self.G, v) == int(missing))
            why = say("line_absent", zone=zone, missing=LineName(missing), present=LineName(present))
        if gap.gap in ("sector_pair", "weak_sector_pair") and gap.expected < MIN_EXPECTED:
            return []
        pair = self.search.best_pair(side_a, side_b, zone=gap.zone)
        if pair is None:
            return []
        return [self.introduce(gap.zone, pair, why, f"{gap.gap} {gap.a}-{gap.b}: {gap.evidence}", gap.severity)]

    def recruit(self, gap: Gap) -> list[Action]:
        sector = gap.a
        # organisations first: a coordinator asks an organisation to take part
        asked = self.search.outside(gap.zone, lambda v: self.G.nodes[v].get("sector") == sector)
        asked = sorted(asked, key=lambda v: (self.G.nodes[v].get("kind") != "organisation", self.search.preference(v)))[:3]
        regional = bool(asked) and self.G.nodes[asked[0]].get("zone") == REGION
        group = self.groups.fitting(gap.zone, {sector}, set(), sector)
        through = say("through", group=group[1]) if group else ""
        ask = say("ask" if regional else "ask_other", names=Names(tuple(asked))) if asked else ""
        others = [count for z, count in self.zone_sectors.items() if z != gap.zone]
        rationale = say("recruit", sector=Label("sector", sector), zone=ZoneRef(gap.zone), through=through, ask=ask,
                        n=len(others), k=sum(1 for count in others if count[sector]))
        return [Action(gap.zone, 0, "recruit", tuple(str(v) for v in asked), rationale,
                       group[0] if group else None, f"sector_missing {sector}: {gap.evidence}", gap.severity)]

    # ----- isolated actors -----
    def isolated_action(self, zone: str, actor: Hashable, reasons: set[str]) -> list[Action]:
        G = self.G
        line = self.search.line_of[actor]
        score = (2.0 if line in (1, 2) else 1.0) * (2.0 if "no_ties" in reasons else 1.0)
        evidence = f"isolated {'|'.join(sorted(reasons))}: {actor}, line {'-' if line is None else line}"
        if "no_ties" in reasons:
            return [self.invite(zone, actor, evidence, score)]
        sector = G.nodes[actor].get("sector")
        other_line = {1: 2, 2: 1}.get(line) if "no_cross_line" in reasons else None
        wanted = {"line": other_line, "other_sector": "intra_sector_only" in reasons}
        # Through a shared neighbour first; else the best allowed actors of the zone, then outside it.
        pair = self.search.best_partner(actor, zone, **wanted)
        if pair is None:
            pair = self.search.best_pair([actor], self.search.strangers(actor, zone, 20, **wanted), zone=zone, through=False)
        if pair is None:
            return []
        if other_line is not None:
            why = say("no_cross_line", x=Name(actor), other=LineName(other_line))
        elif "intra_sector_only" in reasons:
            why = say("intra_sector_only", x=Name(actor), sector=Label("sector", sector))
        else:
            why = say("single_tie", x=Name(actor))
        return [self.introduce(zone, pair, why, evidence, score)]

    def invite(self, zone: str, actor: Hashable, evidence: str, score: float) -> Action:
        data = self.G.nodes[actor]
        sectors = set(data.get("sectors") or ()) | {data.get("sector")}
        lines = {actor_line(self.G, actor)}
        group = self.groups.fitting(zone, sectors, lines, data.get("sector"))
        if group is not None:
            where, fit = group[1], say("fit") if group[2] else ""
        else:
            where, fit = say("workshop", zone=ZoneRef(zone)), ""
        rationale = say("invite", x=Name(actor), sector=SectorName(data.get("sector")), group=where, fit=fit)
        return Action(zone, 0, "invite", (str(actor),), rationale, group[0] if group else None, evidence, score)

    def bridge_actions(self, zone: str, nodes: Iterable | None = None) -> list[Action]:
        """secure_bridge actions for the graph on ``nodes`` (default: the whole graph)."""
        actions = []
        for link in fragile_links(self.G, nodes, self.G.graph.get("families"), self.tags):
            c, attribute, a, b, p, q, cut_off = link
            names = {"c": Name(c), "p": Name(p), "q": Name(q), "zone": ZoneRef(zone)}
            if attribute == "group":
                weight = 1.0
                rationale = say("secure_group", n=a, **names)
                evidence = (f"bridge group {p}: without cut vertex {c} {a} actors around {p} lose every link to "
                            f"the rest of the zone")
            else:
                weight = PRIORITY_WEIGHT if priority_pair(self.G, attribute, a, b, self.G.graph.get("families")) else 1.0
                rationale = say("secure", a=Label(attribute, a), b=Label(attribute, b), **names)
                evidence = (f"bridge {attribute} {a}-{b}: without cut vertex {c} no {attribute} {a} actor is "
                            f"linked to a {attribute} {b} actor; actors on the smaller side: {cut_off}")
            actions.append(Action(zone, 0, "secure_bridge", (str(p), str(q)), rationale, str(c), evidence,
                                  cut_off * weight))
        return actions

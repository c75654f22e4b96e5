"""Actions for the zone action plans: who to introduce, invite, secure and recruit.

:func:`recommend_actions` turns the findings (isolated actors, brokers, gaps)
into concrete, ranked actions, each with one sentence a coordinator can read
out at a workshop (in ``nl``, ``fr`` or ``en``).

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

Zone ``region`` holds the region-wide view: actions for the gaps and bridges
of the whole graph, and for isolated region-wide actors.

Ranking rule, in plain words: every action gets an urgency score, the number
of links missing or at risk, counted like gap severity. An action answering a
gap scores the gap's severity. A ``secure_bridge`` scores the number of actors
on the smaller side of the bridge (those who would be cut off), doubled when
the bridge joins health and welfare, the first and second line, or the ``nl``
and ``fr`` networks; a cut-off group scores its number of actors. An action
for one isolated actor scores 1, doubled for a first- or second-line actor and
doubled again when it has no tie at all.
Within each zone, actions are sorted by score (highest first), then kind
(secure_bridge, introduce, invite, recruit), then actor ids; priority 1 is the
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
>>> print(actions[0].rationale)  # doctest: +NORMALIZE_WHITESPACE
Introduce GP Zuid to CPAS through Network, who works with both:
health care and welfare do not work together in the South zone yet.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import combinations, islice

import networkx as nx
import numpy as np
import pandas as pd

from collabnet.analyses.blocks import adjacency_lists, adjacency_matrix, biconnected
from collabnet.analyses.gaps import PRIORITY_WEIGHT, REGION, Gap, actor_line, id_list, zone_members
from collabnet.codes import BUILTIN_ZONE_NAMES, LINE_LABELS, normalise

__all__ = ["ACTION_KINDS", "MIN_CUT_OFF", "MIN_EXPECTED", "THEME_KEYWORDS", "Action", "Phrasing", "group_sectors",
           "recommend_actions"]

# Also the tie-break order of the ranking.
ACTION_KINDS = ("secure_bridge", "introduce", "invite", "recruit")
_KIND_ORDER = {kind: i for i, kind in enumerate(ACTION_KINDS)}
_PAIR_KINDS = ("secure_bridge", "introduce")

# Group theme (or name) keywords -> sectors and care lines the group fits. Keywords are matched as
# substrings of the accent-folded, lower-case theme and name; a sector's code and display names also match it.
THEME_KEYWORDS: tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[int, ...]], ...] = (
    (("mental", "geestelijk", "psych"), ("mental_health",), ()),
    (("hospital", "ziekenhuis", "hopital", "kliniek", "clinique"), ("medical",), (2,)),
    (("ambulat", "ambulant"), ("medical", "home_care", "pharmacy"), (1,)),
    (("prevent", "promotion", "promotie", "determinant"), ("prevention", "community"), ()),
    (("crisis", "crise", "pandemi", "preparedness", "paraat"),
     ("medical", "home_care", "elderly", "social_assistance", "authority"), ()),
    (("addict", "verslav", "assuetude", "drug"), ("addiction",), ()),
    (("elderly", "ouderen", "senior", "agees"), ("elderly",), ()),
    (("housing", "wonen", "logement", "homeless", "thuislo", "sans abri"), ("housing",), ()),
    (("youth", "jeugd", "jeunesse", "gezin", "famil"), ("family_youth",), ()),
    (("migra", "onthaal", "accueil"), ("migration",), ()),
    (("palliat",), ("palliative",), ()),
    (("disab", "handicap"), ("disability",), ()),
    (("home care", "thuiszorg", "domicile"), ("home_care",), ()),
    (("pharma", "apothe"), ("pharmacy",), ()),
    (("social", "sociaal", "sociale", "ocmw", "cpas"), ("social_assistance",), ()),
    (("neighbourhood", "buurt", "quartier", "community", "communaut"), ("community",), ()),
)
_FALLBACK_GROUP_TYPES = ("support_group", "working_group", "workshop")
# A sector pair gets an introduction only when a random network of the zone's density would have
# at least half a link between the two sectors: below that, no link is no finding.
MIN_EXPECTED = 0.5
# A cut vertex that links no two sectors, lines or languages still gets a secure_bridge when its
# departure would cut off at least this many actors outside its own organisation.
MIN_CUT_OFF = 3
_SEARCH_BUDGET = 20_000  # neighbour steps per introduction search: bounded time on dense graphs
_FAMILY_NAMES = {
    "health": {"en": "health care", "nl": "zorg", "fr": "la santé"},
    "welfare": {"en": "welfare", "nl": "welzijn", "fr": "le social"},
}
_LANGUAGE_NAMES = {
    "nl": {"en": "the Dutch-speaking network", "nl": "het Nederlandstalige netwerk",
           "fr": "le réseau néerlandophone"},
    "fr": {"en": "the French-speaking network", "nl": "het Franstalige netwerk", "fr": "le réseau francophone"},
}
_REGION_NAMES = {"en": "the region", "nl": "het gewest", "fr": "la région"}
_ZONE_PHRASE = {"en": "the {} zone", "nl": "zone {}", "fr": "la zone {}"}
_QUOTES = {"en": "“{}”", "nl": "‘{}’", "fr": "« {} »"}
_LINE_PHRASE = {"en": "the {}", "nl": "de {}", "fr": "la {}"}

_TEXT = {
    "en": {
        "introduce": "Introduce {x} to {y}{via}: {why}.",
        "via": " through {w}, who works with both",
        "sector_pair": "{a} and {b} do not work together in {zone} yet",
        "weak_pair": "{a} and {b} work together far less than expected in {zone} ({observed} links, "
                     "{expected} expected)",
        "line_gap": "the first and second line have no link with each other in {zone} yet",
        "line_absent": "{zone} has no {missing} actor, so its {present} needs a partner from outside the zone",
        "language_gap": "the Dutch-speaking and French-speaking actors of {zone} have no link with each other yet",
        "no_cross_line": "{x} has no link with the {other} yet",
        "intra_sector_only": "{x} only works within {sector}",
        "single_tie": "{x} depends on a single partner",
        "invite": "Invite {x} ({sector}) to {group}{fit}: it has no link outside its own organisation yet.",
        "fit": ", whose theme fits its work",
        "workshop": "the next change workshop of {zone}",
        "secure": "Ask {c} to introduce {p} to {q}: {c} is the only link between {a} and {b} in {zone}, "
                  "a link lost if {c} leaves.",
        "secure_group": "Ask {c} to introduce {p} to {q}: {c} is the only link between {n} actors around {p} "
                        "and the rest of {zone}, a link lost if {c} leaves.",
        "recruit": "Recruit an actor from {sector} for {zone}{through}{ask}: the sector is active in {k} of {n} other "
                   "zones but absent here.",
        "through": " through {group}",
        "ask": " and ask {names}, who work region-wide in that sector",
        "ask_other": " and ask {names}, who work in that sector in other zones",
    },
    "nl": {
        "introduce": "Breng {x} in contact met {y}{via}: {why}.",
        "via": " via {w}, die met beide samenwerkt",
        "sector_pair": "{a} en {b} werken in {zone} nog niet samen",
        "weak_pair": "{a} en {b} werken in {zone} veel minder samen dan verwacht ({observed} verbindingen, "
                     "{expected} verwacht)",
        "line_gap": "de eerste en de tweede lijn hebben in {zone} nog geen enkele verbinding",
        "line_absent": "{zone} heeft geen actor van de {missing}, dus de {present} heeft een partner van buiten "
                       "de zone nodig",
        "language_gap": "de Nederlandstalige en Franstalige actoren van {zone} hebben nog geen enkele verbinding",
        "no_cross_line": "{x} heeft nog geen verbinding met de {other}",
        "intra_sector_only": "{x} werkt alleen binnen {sector}",
        "single_tie": "{x} hangt af van één enkele partner",
        "invite": "Nodig {x} ({sector}) uit in {group}{fit}: het heeft nog geen verbinding buiten de eigen "
                  "organisatie.",
        "fit": ", waarvan het thema bij zijn werk past",
        "workshop": "het volgende veranderatelier van {zone}",
        "secure": "Vraag {c} om {p} in contact te brengen met {q}: {c} is de enige verbinding tussen {a} en {b} "
                  "in {zone}, en die gaat verloren als {c} vertrekt.",
        "secure_group": "Vraag {c} om {p} in contact te brengen met {q}: {c} is de enige verbinding tussen {n} "
                        "actoren rond {p} en de rest van {zone}, en die gaat verloren als {c} vertrekt.",
        "recruit": "Werf een actor uit {sector} voor {zone}{through}{ask}: de sector is actief in {k} van de {n} "
                   "andere zones maar ontbreekt hier.",
        "through": " via {group}",
        "ask": " en vraag het aan {names}, die gewestelijk in die sector werken",
        "ask_other": " en vraag het aan {names}, die in andere zones in die sector werken",
    },
    "fr": {
        "introduce": "Mettre {x} en contact avec {y}{via} : {why}.",
        "via": " par l'intermédiaire de {w}, qui travaille avec les deux",
        "sector_pair": "{a} et {b} ne travaillent pas encore ensemble dans {zone}",
        "weak_pair": "{a} et {b} collaborent bien moins que prévu dans {zone} ({observed} liens, {expected} attendus)",
        "line_gap": "la première et la deuxième ligne n'ont encore aucun lien entre elles dans {zone}",
        "line_absent": "{zone} n'a aucun acteur de {missing}, donc la {present} a besoin d'un partenaire hors de "
                       "la zone",
        "language_gap": "les acteurs néerlandophones et francophones de {zone} n'ont encore aucun lien entre eux",
        "no_cross_line": "{x} n'a encore aucun lien avec la {other}",
        "intra_sector_only": "{x} ne travaille qu'au sein de {sector}",
        "single_tie": "{x} ne dépend que d'un seul partenaire",
        "invite": "Inviter {x} ({sector}) dans {group}{fit} : il n'a encore aucun lien hors de sa propre "
                  "organisation.",
        "fit": ", dont le thème correspond à son travail",
        "workshop": "le prochain atelier du changement de {zone}",
        "secure": "Demander à {c} de mettre {p} en contact avec {q} : {c} est le seul lien entre {a} et {b} dans "
                  "{zone}, un lien perdu si {c} s'en va.",
        "secure_group": "Demander à {c} de mettre {p} en contact avec {q} : {c} est le seul lien entre {n} "
                        "acteurs autour de {p} et le reste de {zone}, un lien perdu si {c} s'en va.",
        "recruit": "Recruter un acteur du secteur {sector} pour {zone}{through}{ask} : le secteur est actif dans "
                   "{k} des {n} autres zones mais absent ici.",
        "through": " via {group}",
        "ask": " et solliciter {names}, actifs dans ce secteur à l'échelle régionale",
        "ask_other": " et solliciter {names}, actifs dans ce secteur dans d'autres zones",
    },
}


@dataclass(frozen=True)
class Action:
    """One action for a zone's action plan (a row of actions.csv).

    Attributes
    ----------
    zone : str
        Zone code, or ``region``.
    priority : int
        1 = first, per zone (ranking rule in the module docstring).
    action : str
        One of :data:`ACTION_KINDS`.
    actors : tuple of str
        The actors concerned (written ``|``-joined): the two to introduce, the
        actor to invite, or the actors who could be asked to help recruit.
    rationale : str
        One sentence to read out at a workshop, in the requested language.
    via : str or None
        The actor who can make the introduction (``introduce``), the actor who
        holds the bridge today (``secure_bridge``), or the group (``invite``,
        ``recruit``).
    evidence : str
        The finding the action answers (gap, isolation reason or bridge).
    score : float
        The urgency score the ranking uses.
    """

    zone: str
    priority: int
    action: str
    actors: tuple[str, ...]
    rationale: str
    via: str | None
    evidence: str
    score: float = 0.0


def recommend_actions(
    G: nx.Graph,
    isolated: Iterable,
    brokers: pd.DataFrame | None,
    gaps: Iterable[Gap],
    groups: pd.DataFrame | None = None,
    lang: str = "en",
    zones: Iterable[str] | None = None,
) -> list[Action]:
    """Recommend ranked actions per zone.

    Parameters
    ----------
    G : networkx.Graph
        The actor graph (node attributes ``name``, ``zone``, ``sector``,
        ``sectors``, ``family``, ``line``, ``language``, ``kind``,
        ``organisation``; ``G.graph["sector_names"]`` and
        ``G.graph["zone_names"]`` (lang -> code -> name) are used for display
        when present).
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
    lang : {"en", "nl", "fr"}
        Language of the rationales.
    zones : iterable of str, optional
        Zones to recommend for (``region`` = the whole graph); default every
        zone that has actors, plus ``region``.

    Returns
    -------
    list of Action
        Sorted by zone, then priority.
    """
    wanted = [*zone_members(G), REGION] if zones is None else list(dict.fromkeys(zones))
    ctx = _Context(G, brokers, groups, lang if lang in _TEXT else "en")
    candidates: list[Action] = []
    for gap in gaps:
        if gap.zone in wanted:
            candidates.extend(ctx.gap_action(gap))
    reasons: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in isolated:
        if row.zone in wanted and row.actor in G:
            reasons[(row.zone, row.actor)].add(row.reason)
    for (zone, actor), why in sorted(reasons.items()):
        candidates.extend(ctx.isolated_action(zone, actor, why))
    members = zone_members(G)
    for zone in wanted:
        if zone == REGION:
            candidates.extend(ctx.bridge_actions(REGION))
        elif zone in members:
            candidates.extend(ctx.bridge_actions(zone, members[zone]))
    return _rank(candidates)


def _rank(candidates: list[Action]) -> list[Action]:
    """One action per (zone, actors introduced), numbered per zone by the ranking rule.

    Of the actions that introduce the same two actors, the kept one has the highest score;
    its wording is that of a ``secure_bridge`` when one of them is (it names the risk as well
    as the gap), and its evidence names the findings of the others.
    """
    def order(a: Action) -> tuple:
        # evidence (not the translated rationale) breaks ties: the same choice in every language
        return (a.zone, -round(a.score, 9), _KIND_ORDER[a.action], a.actors, a.via or "", a.evidence)

    same: dict[tuple, list[Action]] = {}
    for action in sorted(candidates, key=order):
        kind = "pair" if action.action in _PAIR_KINDS else action.action
        same.setdefault((action.zone, kind, frozenset(action.actors)), []).append(action)
    merged = []
    for group in same.values():
        keep = next((a for a in group if a.action == "secure_bridge"), group[0])
        findings = list(dict.fromkeys(a.evidence.split(": ", 1)[0] for a in group if a is not keep))
        evidence = keep.evidence + (f"; also answers {id_list(findings)}" if findings else "")
        merged.append(replace(keep, evidence=evidence, score=round(group[0].score, 6)))
    ranked: list[Action] = []
    priority: Counter = Counter()
    for action in sorted(merged, key=order):
        priority[action.zone] += 1
        ranked.append(replace(action, priority=priority[action.zone]))
    return ranked


def group_sectors(name: str, theme: str, sector_names: dict[str, str] | None = None) -> tuple[set, set]:
    """Sectors and care lines a group's theme (or name) fits, from :data:`THEME_KEYWORDS`.

    >>> sorted(group_sectors("WG ziekenhuis-ambulant", "")[0]), sorted(group_sectors("x", "Hôpital")[1])
    (['home_care', 'medical', 'pharmacy'], [2])
    >>> group_sectors("Santé mentale Sud", "", {"mental_health": "Santé mentale"})[0]
    {'mental_health'}
    """
    text = f" {normalise(theme)} {normalise(name)} "
    sectors: set = set()
    lines: set = set()
    for keywords, fit_sectors, fit_lines in THEME_KEYWORDS:
        if any(word in text for word in keywords):
            sectors.update(fit_sectors)
            lines.update(fit_lines)
    for code, display in (sector_names or {}).items():
        if any(f" {normalise(label)} " in text for label in (code, display) if label):
            sectors.add(code)
    return sectors, lines


class Phrasing:
    """Display names in one language (``nl``, ``fr``, ``en``) for the sentences about a graph.

    Actors by name, sectors by the taxonomy's name (``G.graph["sector_names"]``),
    zones by their name (``G.graph["zone_names"]``), lines and families and
    language networks as phrases; shared by the action rationales and the
    planning tools so that both read alike.

    >>> import networkx as nx
    >>> G = nx.Graph(sector_names={"nl": {"housing": "Wonen en thuisloosheid"}})
    >>> p = Phrasing(G, "nl")
    >>> p.zone("south"), p.label("sector", "housing")
    ('zone Zuid', '‘Wonen en thuisloosheid’')
    """

    def __init__(self, G: nx.Graph, lang: str = "en"):
        self.G = G
        self.lang = lang
        self.text = _TEXT[lang]
        self.sector_names = (G.graph.get("sector_names") or {}).get(lang) or {}
        self.zone_names = (G.graph.get("zone_names") or {}).get(lang) or {}

    def name(self, v: Hashable) -> str:
        return str(self.G.nodes[v].get("name") or v)

    def sector(self, code: str) -> str:
        return str(self.sector_names.get(code, code))

    def zone(self, code: str) -> str:
        """``the South zone`` / ``zone Zuid`` / ``la zone Sud`` / ``the region``."""
        if code == REGION:
            return _REGION_NAMES[self.lang]
        if code in self.zone_names:
            name = str(self.zone_names[code])
        elif code in BUILTIN_ZONE_NAMES:
            name = BUILTIN_ZONE_NAMES[code][("nl", "fr", "en").index(self.lang)]
        else:
            name = code
        return name if "zone" in normalise(name).split() else _ZONE_PHRASE[self.lang].format(name)

    def line(self, line: int | str) -> str:
        return LINE_LABELS[int(line)][self.lang]

    def label(self, attribute: str, value) -> str:
        """A sector, family, line or language value as a phrase in a sentence."""
        if attribute == "sector":
            return _QUOTES[self.lang].format(self.sector(value))
        if attribute == "family":
            return _FAMILY_NAMES.get(value, {}).get(self.lang, str(value))
        if attribute == "line":
            return _LINE_PHRASE[self.lang].format(self.line(value))
        return _LANGUAGE_NAMES.get(value, {}).get(self.lang, str(value))


class _Context(Phrasing):
    """What every action needs: the graph, actor preferences, display names, groups."""

    def __init__(self, G: nx.Graph, brokers: pd.DataFrame | None, groups: pd.DataFrame | None, lang: str):
        super().__init__(G, lang)
        self.rank: dict = {}
        if brokers is not None and len(brokers):
            self.rank = {a: float(r) for a, r in zip(brokers["actor"], brokers["rank"])}
        self.groups = self._groups(groups)
        self.fits: dict = {}  # fitting_group's answers
        self.tags = {v: _tags(G, v) for v in G}
        # per-actor facts, looked up in the inner loops of the searches
        self.line_of = {v: actor_line(G, v) for v in G}
        self.org_of = {v: _org(G, v) for v in G}
        self.zone_of = dict(G.nodes(data="zone"))
        self.prefs = {v: (0 if self.line_of[v] in (1, 2) else 1, self.rank.get(v, math.inf), str(v)) for v in G}
        self.everyone = sorted(G, key=self.preference)
        # (zone, attribute, value) -> actors best first; a zone's actor is also under (REGION, ...) = whole graph
        self.index: dict = defaultdict(list)
        for v in self.everyone:
            data = G.nodes[v]
            values = {"zone": data.get("zone"), "sector": data.get("sector"), "family": data.get("family"),
                      "line": self.line_of[v], "language": data.get("language")}
            for attribute, value in values.items():
                self.index[(data.get("zone"), attribute, value)].append(v)
                if data.get("zone") != REGION:
                    self.index[(REGION, attribute, value)].append(v)
        self.zone_sectors = {z: Counter(G.nodes[v].get("sector") for v in nodes)
                             for z, nodes in zone_members(G).items()}

    # ----- actor preference -----
    def preference(self, v: Hashable) -> tuple:
        """First/second line first, then strongest broker (lowest rank), then id."""
        return self.prefs[v]

    def distance(self, v: Hashable, zone: str | None) -> int:
        """0 for an actor of ``zone``, 1 for a region-wide actor, 2 for another zone's."""
        own = self.zone_of[v]
        return 0 if zone is None or own == zone else 1 if own == REGION else 2

    def same_org(self, u: Hashable, v: Hashable) -> bool:
        org = self.org_of[u]
        return org is not None and org == self.org_of[v]

    @cached_property
    def arrays(self) -> _Arrays:
        """The graph as arrays, actors numbered best first (built on first use)."""
        return _Arrays(self)

    def neighbours(self, v: Hashable) -> list:
        """The neighbours of ``v``, best first (:meth:`preference`): the order the searches use."""
        arrays = self.arrays
        i = arrays.index[v]
        return [self.everyone[j] for j in arrays.indices[arrays.indptr[i]:arrays.indptr[i + 1]]]

    def shared_neighbour(self, x: Hashable, zone: str, line: int | None = None,
                         other_sector: bool = False) -> tuple | None:
        """The best (x, y, via) for one actor: ``best_pair([x], None, allowed, zone)`` on arrays.

        ``y`` must have care line ``line`` (when given) and, with ``other_sector``, a
        main sector other than that of ``x``. Same preference and the same search bound as
        :meth:`best_pair`, whose Python loops it replaces for the many isolated actors
        (one numpy pass per actor instead of a loop over every path of length two).
        """
        a = self.arrays
        i = a.index[x]
        around = a.indices[a.indptr[i]:a.indptr[i + 1]]  # best first
        degree = a.degree[around]
        past = np.flatnonzero(np.cumsum(degree) > _SEARCH_BUDGET)
        vias = around if not past.size else around[:past[0] + 1]
        starts, lengths = a.indptr[vias], degree[:len(vias)]
        if not lengths.sum():
            return None
        offsets = np.repeat(starts - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths)
        ys = a.indices[np.arange(len(offsets)) + offsets]
        via = np.repeat(vias, lengths)
        ok = a.eligible(i, ys, line, other_sector)
        if not ok.any():
            return None
        ys, via = ys[ok], via[ok]
        zone_code = a.zone_code.get(zone, -2)
        distance = np.where(a.zone[ys] == zone_code, 0, np.where(a.zone[ys] == a.region, 1, 2))
        rank = a.rank[ys] if np.isfinite(a.rank[i]) else np.zeros(len(ys))  # inf + anything ties
        best = np.lexsort((a.id_order[ys], via, rank, a.line_pref[ys], distance))[0]
        return x, self.everyone[ys[best]], self.everyone[via[best]]

    def best_pair(self, side_a: list, side_b: list | None, allowed: Callable | None = None,
                  zone: str | None = None, through: bool = True) -> tuple | None:
        """The best (x, y, via) with x in side_a, y in side_b, not linked, not colleagues.

        Preference: a shared neighbour (via), actors of ``zone`` (then region-wide, then
        other zones), first/second line, strongest brokers, ids. ``side_a`` and ``side_b``
        come best first; ``side_b=None``: any actor ``allowed`` accepts, through a shared
        neighbour only. The shared-neighbour search (skipped with ``through=False``) looks
        at each actor's neighbours best first (:meth:`neighbours`) and stops after the
        neighbour that takes it past :data:`_SEARCH_BUDGET` steps; the search without one
        looks at the best 20 of each side.
        """
        G = self.G
        in_b = None if side_b is None else set(side_b)
        best, best_key, steps = None, None, 0

        valid: dict = {}  # (x, y) -> may be introduced (checked once per pair, whatever the via)

        def consider(x, y, w):
            nonlocal best, best_key
            ok = valid.get((x, y))
            if ok is None:
                ok = valid[(x, y)] = not (x == y or G.has_edge(x, y) or self.same_org(x, y)
                                          or (allowed and not allowed(y)))
            if not ok:
                return
            px, py = self.preference(x), self.preference(y)
            key = (w is None, self.distance(x, zone) + self.distance(y, zone), px[0] + py[0], px[1] + py[1],
                   self.preference(w) if w is not None else (), min(str(x), str(y)), max(str(x), str(y)))
            if best_key is None or key < best_key:
                best, best_key = (x, y, w), key

        for x in side_a if through else ():
            for w in self.neighbours(x):
                for y in G[w]:
                    steps += 1
                    if in_b is None or y in in_b:
                        consider(x, y, w)
                if steps > _SEARCH_BUDGET:
                    break
            if steps > _SEARCH_BUDGET:
                break
        if best is None and side_b is not None:
            for x in side_a[:20]:
                for y in side_b[:20]:
                    consider(x, y, None)
        return best

    def strangers(self, x: Hashable, zone: str, limit: int, line: int | None = None,
                  other_sector: bool = False) -> list:
        """Up to ``limit`` actors, best first, that ``x`` could be introduced to without a shared neighbour.

        Not ``x``, not its partners or colleagues, of care line ``line`` (when given),
        of another main sector (with ``other_sector``); actors of ``zone`` if any, else
        region-wide ones, else those of other zones.
        """
        a = self.arrays
        i = a.index[x]
        for pool in a.pools(zone):
            found, start, size = [], 0, 4 * limit
            while start < len(pool) and len(found) < limit:  # the best few are usually enough
                ys = pool[start:start + size]
                found.extend(ys[a.eligible(i, ys, line, other_sector)][:limit - len(found)])
                start, size = start + size, 4 * size
            if found:
                return [self.everyone[y] for y in found]
        return []

    def introduce(self, zone: str, pair: tuple, why: str, evidence: str, score: float) -> Action:
        """An introduce action: x (the side named first in the finding) to y, through w when known."""
        x, y, w = pair
        via = self.text["via"].format(w=self.name(w)) if w is not None else ""
        rationale = self.text["introduce"].format(x=self.name(x), y=self.name(y), via=via, why=why)
        if w is not None:
            evidence += f"; shared neighbour {w}"
        return Action(zone, 0, "introduce", (str(x), str(y)), rationale, None if w is None else str(w), evidence,
                      score)

    # ----- gaps -----
    def members(self, zone: str, attribute: str, value) -> list:
        """Actors of ``zone`` (``region``: the whole graph) with that value, best first."""
        return self.index[(zone, attribute, int(value) if attribute == "line" else value)]

    def gap_action(self, gap: Gap) -> list[Action]:
        attribute = {"sector_pair": "sector", "weak_sector_pair": "sector", "family_pair": "family",
                     "weak_family_pair": "family", "line_gap": "line", "language_gap": "language"}.get(gap.gap)
        if gap.gap == "sector_missing":
            return self.recruit(gap)
        if attribute is None:
            return []
        side_a = self.members(gap.zone, attribute, gap.a)
        side_b = self.members(gap.zone, attribute, gap.b)
        zone = self.zone(gap.zone)
        a, b = self.label(attribute, gap.a), self.label(attribute, gap.b)
        if gap.gap.startswith("weak_"):
            why = self.text["weak_pair"].format(a=a, b=b, zone=zone, observed=gap.observed,
                                                expected=f"{gap.expected:.1f}")
        elif attribute in ("sector", "family"):
            why = self.text["sector_pair"].format(a=a, b=b, zone=zone)
        elif attribute == "language":
            why = self.text["language_gap"].format(zone=zone)
        elif side_a and side_b:
            why = self.text["line_gap"].format(zone=zone)
        else:
            missing, present = (gap.b, gap.a) if side_a else (gap.a, gap.b)
            side_a = side_a or side_b
            side_b = self.outside(gap.zone, lambda v: actor_line(self.G, v) == int(missing))
            why = self.text["line_absent"].format(zone=zone, missing=self.line(missing), present=self.line(present))
        if gap.gap in ("sector_pair", "weak_sector_pair") and gap.expected < MIN_EXPECTED:
            return []
        pair = self.best_pair(side_a, side_b, zone=gap.zone)
        if pair is None:
            return []
        return [self.introduce(gap.zone, pair, why, f"{gap.gap} {gap.a}-{gap.b}: {gap.evidence}", gap.severity)]

    def outside(self, zone: str, allowed: Callable, limit: int | None = None) -> list:
        """Allowed actors outside ``zone``, best first: region-wide ones if any, else those of other zones."""
        for pool in (self.index[(REGION, "zone", REGION)], self.everyone):
            found = list(islice((v for v in pool if self.zone_of[v] != zone and allowed(v)), limit))
            if found:
                return found
        return []

    def recruit(self, gap: Gap) -> list[Action]:
        sector = gap.a
        # organisations first: a coordinator asks an organisation to take part
        asked = self.outside(gap.zone, lambda v: self.G.nodes[v].get("sector") == sector)
        asked = sorted(asked, key=lambda v: (self.G.nodes[v].get("kind") != "organisation", self.preference(v)))[:3]
        regional = bool(asked) and self.G.nodes[asked[0]].get("zone") == REGION
        group = self.fitting_group(gap.zone, {sector}, set(), sector)
        through = self.text["through"].format(group=group[1]) if group else ""
        ask = ""
        if asked:
            names = ", ".join(self.name(v) for v in asked)
            ask = self.text["ask" if regional else "ask_other"].format(names=names)
        others = [count for z, count in self.zone_sectors.items() if z != gap.zone]
        rationale = self.text["recruit"].format(sector=self.label("sector", sector), zone=self.zone(gap.zone),
                                                through=through, ask=ask, n=len(others),
                                                k=sum(1 for count in others if count[sector]))
        return [Action(gap.zone, 0, "recruit", tuple(str(v) for v in asked), rationale,
                       group[0] if group else None, f"sector_missing {sector}: {gap.evidence}", gap.severity)]

    # ----- isolated actors -----
    def isolated_action(self, zone: str, actor: Hashable, reasons: set[str]) -> list[Action]:
        G = self.G
        line = self.line_of[actor]
        score = (2.0 if line in (1, 2) else 1.0) * (2.0 if "no_ties" in reasons else 1.0)
        evidence = f"isolated {'|'.join(sorted(reasons))}: {actor}, line {'-' if line is None else line}"
        if "no_ties" in reasons:
            return [self.invite(zone, actor, evidence, score)]
        sector = G.nodes[actor].get("sector")
        other_line = {1: 2, 2: 1}.get(line) if "no_cross_line" in reasons else None
        wanted = {"line": other_line, "other_sector": "intra_sector_only" in reasons}
        # Through a shared neighbour first; else the best allowed actors of the zone, then outside it.
        pair = self.shared_neighbour(actor, zone, **wanted)
        if pair is None:
            pair = self.best_pair([actor], self.strangers(actor, zone, 20, **wanted), zone=zone, through=False)
        if pair is None:
            return []
        if other_line is not None:
            why = self.text["no_cross_line"].format(x=self.name(actor), other=self.line(other_line))
        elif "intra_sector_only" in reasons:
            why = self.text["intra_sector_only"].format(x=self.name(actor), sector=self.label("sector", sector))
        else:
            why = self.text["single_tie"].format(x=self.name(actor))
        return [self.introduce(zone, pair, why, evidence, score)]

    def invite(self, zone: str, actor: Hashable, evidence: str, score: float) -> Action:
        data = self.G.nodes[actor]
        sectors = set(data.get("sectors") or ()) | {data.get("sector")}
        lines = {actor_line(self.G, actor)}
        group = self.fitting_group(zone, sectors, lines, data.get("sector"))
        if group is not None:
            where, fit = group[1], self.text["fit"] if group[2] else ""
        else:
            where, fit = self.text["workshop"].format(zone=self.zone(zone)), ""
        rationale = self.text["invite"].format(x=self.name(actor), sector=self.sector(data.get("sector")),
                                               group=where, fit=fit)
        return Action(zone, 0, "invite", (str(actor),), rationale, group[0] if group else None, evidence, score)

    # ----- groups -----
    def _groups(self, groups: pd.DataFrame | None) -> list[tuple]:
        """(id, name, type, zone, sectors, lines) per group, sorted by id."""
        if groups is None or not len(groups):
            return []
        rows = []
        for record in groups.to_dict("records"):
            name, theme = str(record.get("name") or ""), str(record.get("theme") or "")
            sectors, lines = group_sectors(name, theme, self.sector_names)
            rows.append((str(record["id"]), name or str(record["id"]), str(record.get("type") or ""),
                         str(record.get("zone") or ""), sectors, lines))
        return sorted(rows)

    def fitting_group(self, zone: str, sectors: set, lines: set, main: str | None) -> tuple | None:
        """(id, name, fits) of the best group for these sectors/lines in ``zone`` or region-wide.

        Fit: 2 for the main sector, 1 for another sector, +1 for the line. Ties: the zone's
        own group, a working group, id. No fitting group: the zone's support group,
        working group or workshop (fits = False), else None.
        """
        question = (zone, frozenset(sectors), frozenset(lines), main)
        if question not in self.fits:  # many actors ask the same: look once
            self.fits[question] = self._fitting_group(*question)
        return self.fits[question]

    def _fitting_group(self, zone: str, sectors: frozenset, lines: frozenset, main: str | None) -> tuple | None:
        best, best_key = None, None
        for gid, name, gtype, gzone, g_sectors, g_lines in self.groups:
            if gzone not in (zone, REGION, ""):
                continue
            fit = (2 if main in g_sectors else 1 if sectors & g_sectors else 0) + (1 if lines & g_lines else 0)
            fallback = gzone == zone and gtype in _FALLBACK_GROUP_TYPES
            if not fit and not fallback:
                continue
            if fit:
                kind = 0 if gtype == "working_group" else 1
            else:
                kind = _FALLBACK_GROUP_TYPES.index(gtype)
            key = (-fit, gzone != zone, kind, gid)
            if best_key is None or key < best_key:
                best, best_key = (gid, name, fit > 0), key
        return best

    # ----- bridges -----
    def bridge_actions(self, zone: str, nodes: Iterable | None = None) -> list[Action]:
        """secure_bridge actions for the graph on ``nodes`` (default: the whole graph)."""
        actions = []
        for link in _fragile_links(self.G, nodes, self.G.graph.get("families"), self.tags):
            c, attribute, a, b, p, q, cut_off = link
            names = {"c": self.name(c), "p": self.name(p), "q": self.name(q), "zone": self.zone(zone)}
            if attribute == "group":
                weight = 1.0
                rationale = self.text["secure_group"].format(n=a, **names)
                evidence = (f"bridge group {p}: without cut vertex {c} {a} actors around {p} lose every link to "
                            f"the rest of the zone")
            else:
                weight = PRIORITY_WEIGHT if _priority_pair(self.G, attribute, a, b, self.G.graph.get("families")) else 1.0
                rationale = self.text["secure"].format(a=self.label(attribute, a), b=self.label(attribute, b),
                                                       **names)
                evidence = (f"bridge {attribute} {a}-{b}: without cut vertex {c} no {attribute} {a} actor is "
                            f"linked to a {attribute} {b} actor; actors on the smaller side: {cut_off}")
            actions.append(Action(zone, 0, "secure_bridge", (str(p), str(q)), rationale, str(c), evidence,
                                  cut_off * weight))
        return actions


class _Arrays:
    """The actor graph as arrays for :meth:`_Context.shared_neighbour`.

    Actors are numbered in the context's preference order (``everyone``), so a
    smaller number is a better actor; ``indices[indptr[i]:indptr[i + 1]]`` are
    actor ``i``'s neighbours, best first. Codes are -1 where a value is missing.
    """

    def __init__(self, ctx: _Context):
        G, nodes = ctx.G, ctx.everyone
        self.index = {v: i for i, v in enumerate(nodes)}
        n = len(nodes)
        matrix = adjacency_matrix(G, nodes)[1]
        self.indptr, self.indices = matrix.indptr.astype(np.int64), matrix.indices.astype(np.int64)
        self.degree = np.diff(self.indptr)
        self.mark = np.zeros(n, dtype=bool)  # scratch for eligible(): the partners of one actor
        self.org = _codes([ctx.org_of[v] for v in nodes])[0]
        self.line = np.array([-1 if ctx.line_of[v] is None else int(ctx.line_of[v]) for v in nodes], dtype=np.int64)
        self.sector = _codes([G.nodes[v].get("sector") for v in nodes])[0]
        self.zone, self.zone_code = _codes([ctx.zone_of[v] for v in nodes])
        self.region = self.zone_code.get(REGION, -2)
        self._pools: dict = {}
        self.line_pref = np.array([ctx.prefs[v][0] for v in nodes], dtype=np.int64)
        self.rank = np.array([ctx.prefs[v][1] for v in nodes], dtype=float)
        self.id_order = np.empty(n, dtype=np.int64)
        self.id_order[sorted(range(n), key=lambda j: str(nodes[j]))] = np.arange(n)


    def pools(self, zone: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The actors of ``zone``, the region-wide ones and those of other zones, best first."""
        if zone not in self._pools:
            code = self.zone_code.get(zone, -2)
            self._pools[zone] = (np.flatnonzero(self.zone == code), np.flatnonzero(self.zone == self.region),
                                 np.flatnonzero(self.zone != code))
        return self._pools[zone]

    def eligible(self, i: int, ys: np.ndarray, line: int | None, other_sector: bool) -> np.ndarray:
        """Which actors ``ys`` actor ``i`` could be introduced to: not itself, a partner or a colleague;
        of care line ``line`` (when given); of another main sector (with ``other_sector``)."""
        around = self.indices[self.indptr[i]:self.indptr[i + 1]]
        self.mark[around] = True
        ok = (ys != i) & ~self.mark[ys]
        self.mark[around] = False
        if self.org[i] >= 0:
            ok &= self.org[ys] != self.org[i]
        if line is not None:
            ok &= self.line[ys] == int(line)
        if other_sector:
            ok &= self.sector[ys] != self.sector[i]
        return ok


def _codes(values: list) -> tuple[np.ndarray, dict]:
    """Integer codes of hashable values (-1 for None) and the value -> code table."""
    table: dict = {}
    codes = np.array([-1 if x is None else table.setdefault(x, len(table)) for x in values], dtype=np.int64)
    return codes, table


def _org(G: nx.Graph, v: Hashable):
    data = G.nodes[v]
    return v if data.get("kind") == "organisation" else data.get("organisation") or None


def _family(H: nx.Graph, families: dict | None, sector: str):
    if families and sector in families:
        return families[sector]
    return next((d.get("family") for _, d in H.nodes(data=True) if d.get("sector") == sector), None)


def _priority_pair(H: nx.Graph, attribute: str, a, b, families: dict | None) -> bool:
    """Health-welfare sector pairs, the first-second line and nl-fr are the region's priorities."""
    if attribute == "sector":
        return {_family(H, families, a), _family(H, families, b)} == {"health", "welfare"}
    return True


# ----- cut vertices that are the only link between two values -----
_BRIDGED = {"sector": None, "line": (1, 2), "language": ("nl", "fr")}


def _tags(H: nx.Graph, v: Hashable) -> list[tuple]:
    data = H.nodes[v]
    tags = [("sector", data.get("sector")), ("line", actor_line(H, v)), ("language", data.get("language"))]
    return [(attr, value) for attr, value in tags
            if value not in (None, "") and (_BRIDGED[attr] is None or value in _BRIDGED[attr])]


class _Piece:
    """Some actors of a graph and the edges among them, numbered by id (:func:`adjacency_lists`)."""

    def __init__(self, G: nx.Graph, nodes: Iterable):
        self.G = G
        self.nodes, self.adj = adjacency_lists(G, nodes)
        self.org = [_org(G, v) for v in self.nodes]


def _fragile_links(G: nx.Graph, nodes: Iterable | None = None, families: dict | None = None,
                   tags: dict | None = None) -> list[tuple]:
    """Cut vertices of the graph on ``nodes`` (default: all of ``G``) that are the only link between
    two values of an attribute.

    Returns (c, attribute, a, b, p, q, cut_off) per cut vertex and attribute: without
    ``c`` no ``a`` actor can reach a ``b`` actor (they could before, both values
    remain, and no other component links them); ``p`` and ``q`` are neighbours of ``c``
    on the two sides (an ``a``/``b`` actor when one is adjacent), ``cut_off`` the number
    of actors on the smaller side. Computed on the block-cut tree: linear in the graph
    size plus the values per piece. ``tags``: :func:`_tags` of each actor, when known.

    >>> G = nx.Graph([("gp", "hub"), ("hub", "cpas")])
    >>> G.add_nodes_from([("gp", {"sector": "medical"}), ("hub", {"sector": "coordination"}),
    ...                   ("cpas", {"sector": "social_assistance"})])
    >>> _fragile_links(G)[0]
    ('hub', 'sector', 'medical', 'social_assistance', 'gp', 'cpas', 1)
    """
    piece = _Piece(G, G if nodes is None else nodes)
    tags_of = [tags[v] if tags is not None else _tags(G, v) for v in piece.nodes]
    blocks, component = biconnected(piece.adj)
    blocks_of: list[list[int]] = [[] for _ in piece.nodes]
    for i, block in enumerate(blocks):
        for v in block:
            blocks_of[v].append(i)
    cuts = {v for v, ids in enumerate(blocks_of) if len(ids) > 1}
    values: dict = defaultdict(lambda: defaultdict(set))  # component -> attribute -> values
    for v, root in enumerate(component):
        for attribute, value in tags_of[v]:
            values[root][attribute].add(value)
    linked_in: Counter = Counter()  # (attribute, a, b) -> number of components where a and b meet
    for found in values.values():
        for attribute, held in found.items():
            for a, b in combinations(sorted(held, key=str), 2):
                linked_in[(attribute, a, b)] += 1

    subtree, parent_block, children = _block_cut_tree(blocks, blocks_of, cuts, tags_of)
    links = []
    for c in sorted(cuts):
        # the neighbours of c in each of its blocks: one pass over c's edges
        own_blocks = set(blocks_of[c])
        near: dict = defaultdict(list)
        for v in piece.adj[c]:
            near[next(i for i in blocks_of[v] if i in own_blocks)].append(v)
        sides = [*children[c], parent_block[c]]
        counts = [subtree[("B", i)] for i in children[c]] + [subtree[("root", c)] - subtree[("C", c)]]
        pieces = [(count, _contacts(near[i], tags_of)) for i, count in zip(sides, counts)]
        found = _separations(G, c, pieces, linked_in, families)
        if not found:
            found = _cut_off_group(piece, c, [near[i] for i in sides], [count[("n",)] for count in counts])
        name = piece.nodes
        links.extend((name[c], attribute, a, b, name[p], name[q], cut_off)
                     for _, attribute, a, b, p, q, cut_off in found)
    return links


def _cut_off_group(piece: _Piece, c: int, near: list[list[int]], sizes: list[int]) -> list[tuple]:
    """The biggest piece without ``c`` (not the largest one) with MIN_CUT_OFF actors outside c's organisation.

    Returns [(c, "group", n, None, p, q, n)] with p a contact of c in that piece and q one in
    the largest piece (outside c's organisation and organisations first), or [].
    """
    own = piece.org[c]
    largest = max(range(len(sizes)), key=lambda i: (sizes[i], -i))
    for i in sorted(range(len(sizes)), key=lambda i: (-sizes[i], i)):
        if i == largest or sizes[i] < MIN_CUT_OFF:
            continue
        if _outsiders(piece, c, near[i], own) >= MIN_CUT_OFF:
            def contact(v: int) -> tuple:
                return (own is not None and piece.org[v] == own,
                        piece.G.nodes[piece.nodes[v]].get("kind") != "organisation", v)

            return [(c, "group", sizes[i], None, min(near[i], key=contact), min(near[largest], key=contact),
                     sizes[i])]
    return []


def _outsiders(piece: _Piece, c: int, start: list[int], own, visits: int = 5_000) -> int:
    """Actors outside organisation ``own`` reachable from ``start`` without ``c``, counted up to MIN_CUT_OFF."""
    seen, queue, found = {c, *start}, list(start), 0
    while queue and found < MIN_CUT_OFF and len(seen) < visits:
        v = queue.pop()
        found += own is None or piece.org[v] != own
        for w in piece.adj[v]:
            if w not in seen:
                seen.add(w)
                queue.append(w)
    return found


def _most(pieces: list, among: set, tag: tuple) -> int:
    """The piece (index) with the most actors holding ``tag``; the first on ties."""
    return max(among, key=lambda i: (pieces[i][0][tag], -i))


def _contacts(neighbours: list[int], tags: list) -> dict:
    """Tag -> the first neighbour (by number) holding it, and ``None`` -> the first neighbour."""
    contacts: dict = {}
    for v in sorted(neighbours):
        contacts.setdefault(None, v)
        for tag in tags[v]:
            contacts.setdefault(tag, v)
    return contacts


def _block_cut_tree(blocks, blocks_of, cuts, tags):
    """Tag counts (plus ``("n",)`` = actors) of every subtree of the block-cut forest.

    Keys: ("B", i) for block i, ("C", c) for cut vertex c, ("root", c) for the whole
    component of c. parent_block[c] = the block above cut vertex c; children[c] = its child blocks.
    """
    subtree: dict = {}
    parent_block: dict = {}
    children: dict = defaultdict(list)
    done: set = set()
    for start in range(len(blocks)):
        if ("B", start) in done:
            continue
        order, stack = [], [("B", start)]
        done.add(("B", start))
        while stack:
            node = stack.pop()
            order.append(node)
            kind, key = node
            if kind == "B":
                for c in sorted(v for v in blocks[key] if v in cuts):
                    if ("C", c) not in done:
                        done.add(("C", c))
                        parent_block[c] = key
                        stack.append(("C", c))
            else:
                for i in blocks_of[key]:
                    if ("B", i) not in done:
                        done.add(("B", i))
                        children[key].append(i)
                        stack.append(("B", i))
        for kind, key in reversed(order):
            if kind == "B":
                own = [v for v in blocks[key] if v not in cuts]
                total = Counter(tag for v in own for tag in tags[v])
                total[("n",)] += len(own)
                for c in blocks[key]:
                    if c in cuts and parent_block.get(c) == key:
                        total += subtree[("C", c)]
            else:
                total = Counter(tags[key])
                total[("n",)] += 1
                for i in children[key]:
                    total += subtree[("B", i)]
            subtree[(kind, key)] = total
        root = subtree[order[0]]
        for kind, key in order:
            if kind == "C":
                subtree[("root", key)] = root
    return subtree, parent_block, children


def _separations(H, c, pieces, linked_in, families) -> list[tuple]:
    """Per attribute, the most important value pair that only ``c`` links (see _fragile_links).

    ``pieces``: per piece of H - c, its tag counts and its contacts (tag -> a neighbour of
    c there holding it). Importance: the region's priorities (health-welfare), then pairs
    that c's own contacts hold, then the actors cut off; ties go to the first pair by value.
    """
    size = sum(counts[("n",)] for counts, _ in pieces)
    largest = max(range(len(pieces)), key=lambda i: (pieces[i][0][("n",)], -i))
    found = []
    for attribute in _BRIDGED:
        where: dict = defaultdict(set)  # value -> pieces holding it
        for i, (counts, _) in enumerate(pieces):
            for tag in counts:
                if tag[0] == attribute:
                    where[tag[1]].add(i)
        best, best_key = None, None
        for a in sorted(where, key=str):
            if largest in where[a]:
                continue
            for b in sorted(where, key=str):
                pair = tuple(sorted((a, b), key=str))
                if b == a or where[a] & where[b] or linked_in[(attribute, *pair)] > 1:
                    continue
                side_a = _most(pieces, where[a], (attribute, a))
                side_b = largest if largest in where[b] else _most(pieces, where[b], (attribute, b))
                contacts_a, contacts_b = pieces[side_a][1], pieces[side_b][1]
                direct = ((attribute, a) in contacts_a) + ((attribute, b) in contacts_b)
                cut_off = min(pieces[side_a][0][("n",)], size - pieces[side_a][0][("n",)])
                key = (_priority_pair(H, attribute, a, b, families), direct, cut_off)
                if best_key is None or key > best_key:
                    p = contacts_a.get((attribute, a), contacts_a[None])
                    q = contacts_b.get((attribute, b), contacts_b[None])
                    best, best_key = (a, b, p, q, cut_off), key
        if best is None:
            continue
        a, b, p, q, cut_off = best
        if attribute == "sector" or a == _BRIDGED[attribute][0]:
            found.append((c, attribute, a, b, p, q, cut_off))
        else:  # keep line 1 before 2 and nl before fr in the sentence
            found.append((c, attribute, b, a, q, p, cut_off))
    return found

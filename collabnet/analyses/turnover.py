"""Links that rest on one person: what an organisation loses when one of its people leaves.

Staff turnover in the sector is high, and a departure silently cuts a link
when an organisation takes part through one person only. On the organisation
graph (:mod:`collabnet.organisations`), :func:`departure` says, for one person
of an organisation, which of the organisation's links rest on that person
alone (:func:`collabnet.organisations.resting_on`), and what the organisation
would then no longer reach: another main sector, the other care line, the
other language network (``nl`` <-> ``fr``), the other sector family (health
<-> welfare). :func:`dependencies` lists those departures that would cost the
organisation something: the findings behind the ``backup_contact`` actions and
``collabnet plan leave --actor PERSON``.

**What a departure is worth** (the score of a ``backup_contact`` action, on
the scale of the other actions): half of what the loss would score once it
happened (a risk, not yet a gap), that is half of the rise in the
organisation's isolation urgency (isolated.csv's rule,
:func:`collabnet.analyses.standing.isolation_score`: 1, doubled for a first-
or second-line organisation, doubled again when it would have no link at
all) plus 1 for each of the other language network and the other sector
family that it would no longer reach. A departure worth 0 (the organisation
keeps every kind of partner) is no finding.

Examples
--------
>>> import networkx as nx
>>> H = nx.Graph()
>>> H.add_node("cpas", kind="organisation", sector="social_assistance", family="welfare", line=1,
...            language="fr", zone="south", people=("coord",))
>>> H.add_node("gp", kind="organisation", sector="medical", family="health", line=1, language="fr", zone="south")
>>> H.add_edge("cpas", "gp", carried_by={"cpas": ("coord",), "gp": ()}, itself=("gp",), groups=("wg",))
>>> [(d.organisation, d.person, d.partners, d.reasons, d.worth) for d in dependencies(H)]
[('cpas', 'coord', ('gp',), ('no_ties',), 1.5)]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from itertools import chain

import networkx as nx

from collabnet.analyses.gaps import actor_line, id_list
from collabnet.analyses.standing import CROSS_LINE, PERIPHERAL_DEGREE, Standing, isolation_score, reasons
from collabnet.codes import REGION
from collabnet.graph import adjacency_of
from collabnet.organisations import resting_on
from collabnet.records.findings import Action
from collabnet.records.messages import Both, GroupName, Label, Name, say

__all__ = ["RISK_SHARE", "Departure", "backup_action", "departure", "dependencies"]

#: A link at risk scores this share of what its loss would score.
RISK_SHARE = 0.5

_OTHER_LANGUAGE = {"nl": "fr", "fr": "nl"}
_LOST_ORDER = ("family", "line", "language", "sector")
_OTHER_FAMILY = {"health": "welfare", "welfare": "health"}


@dataclass(frozen=True)
class Departure:
    """What organisation ``organisation`` loses when ``person`` leaves.

    Attributes
    ----------
    zone : str
        The organisation's zone (``region`` for a region-wide one).
    organisation, person : str
        The organisation and the person of it who leaves.
    partners : tuple
        The partners whose link to the organisation rests on that person alone.
    kept : int
        The partners the organisation keeps.
    lost : tuple of (attribute, value)
        What it would no longer reach: ``("sector", s)`` for each main sector
        other than its own, ``("line", l)`` for the other care line,
        ``("language", l)`` for the other language network, ``("family", f)``
        for the other sector family.
    reasons : tuple of str
        Its isolation reasons after the departure (isolated.csv's rules).
    before : tuple of str
        Its isolation reasons now.
    worth : float
        The score (module docstring).
    via : str or None
        The group through which the person carries most of these links (where a
        second person can join), else None (the links are ties).
    """

    zone: str
    organisation: Hashable
    person: Hashable
    partners: tuple
    kept: int
    lost: tuple
    reasons: tuple
    before: tuple
    worth: float
    via: str | None


def departure(H: nx.Graph, organisation: Hashable, person: Hashable) -> Departure:
    """What ``organisation`` loses if ``person`` (one of its people) leaves."""
    gone = resting_on(H, organisation).get(person, ())
    return _Around(H, organisation, _Facts(H)).departure(person, gone)


def dependencies(H: nx.Graph, nodes: Iterable | None = None) -> list[Departure]:
    """Every departure worth more than 0, for the organisations among ``nodes`` (default: all), sorted by
    zone, worth (highest first), organisation and person."""
    found = []
    facts = _Facts(H)  # each node read once, however many partners it has
    for v in H if nodes is None else nodes:
        if not H.nodes[v].get("people"):
            continue
        resting = resting_on(H, v)
        if not resting:
            continue
        around = _Around(H, v, facts)  # the organisation's partners, counted once for all its people
        for person, partners in resting.items():
            d = around.departure(person, partners)
            if d.worth > 0:
                found.append(d)
    return sorted(found, key=lambda d: (d.zone, -d.worth, str(d.organisation), str(d.person)))


class _Facts(dict):
    """Node -> what it reaches for an organisation it is a partner of: ``(attribute, value)`` for sector, line,
    language and family (four different attributes: a partner counts once for each), read on first use."""

    def __init__(self, H: nx.Graph):
        super().__init__()
        self.H = H

    def __missing__(self, w: Hashable) -> tuple:
        H, data = self.H, self.H.nodes[w]
        found = self[w] = (("sector", data.get("sector")), ("line", actor_line(H, w)),
                           ("language", data.get("language")), ("family", data.get("family")))
        return found


class _Around:
    """An organisation's partners, counted once: what each reaches (sector, line, language, family), and
    how many are of another sector or on the other line (its standing, :mod:`collabnet.analyses.standing`).

    A departure then subtracts the partners it takes away: its cost follows those partners, not the
    organisation's degree (a hub with many people is counted once, not once per person). The counts are
    made by :class:`~collections.Counter` over the partners' facts (``facts``: :class:`_Facts`): a
    partner of another sector is one whose ``("sector", s)`` differs from the organisation's, a partner on
    the other line one with ``("line", other line)``.
    """

    def __init__(self, H: nx.Graph, v: Hashable, facts: _Facts):
        data = H.nodes[v]
        self.H, self.v, self.links, self.facts = H, v, adjacency_of(H)[v], facts
        self.sector, self.line = data.get("sector"), actor_line(H, v)
        self.language, self.family = data.get("language"), data.get("family")
        self.other_line = CROSS_LINE.get(self.line)
        self.reach: Counter = Counter(chain.from_iterable(map(facts.__getitem__, self.links)))
        self.degree = len(self.links)
        self.other_sector = self._other_sector(self.reach, self.degree)
        self.cross_line = self.reach[("line", self.other_line)] if self.other_line is not None else 0

    def _other_sector(self, reach: Counter, partners: int) -> int:
        """How many of ``partners`` (whose facts ``reach`` counts) are of another sector (or the organisation
        has none)."""
        return partners if self.sector is None else partners - reach[("sector", self.sector)]

    def standing(self, partners: int, other_sector: int, cross_line: int) -> Standing:
        return Standing(min(partners, PERIPHERAL_DEGREE + 1), other_sector > 0, cross_line > 0)

    def departure(self, person: Hashable, partners: Iterable) -> Departure:
        links = self.links
        gone = [w for w in partners if w in links]
        lost_reach: Counter = Counter(chain.from_iterable(map(self.facts.__getitem__, gone)))
        other = self._other_sector(lost_reach, len(gone))
        cross = lost_reach[("line", self.other_line)] if self.other_line is not None else 0
        groups: Counter = Counter(chain.from_iterable(links[w].get("groups") or () for w in gone))
        now = self.standing(self.degree, self.other_sector, self.cross_line)
        after = self.standing(self.degree - len(gone), self.other_sector - other, self.cross_line - cross)
        wanted = {("line", self.other_line), ("language", _OTHER_LANGUAGE.get(self.language)),
                  ("family", _OTHER_FAMILY.get(self.family))}
        lost = sorted(((a, x) for (a, x), n in lost_reach.items()
                       if n == self.reach[(a, x)] and x is not None
                       and ((a == "sector" and x != self.sector) or (a, x) in wanted)),
                      key=lambda item: (_LOST_ORDER.index(item[0]), str(item[1])))
        before_reasons, after_reasons = reasons(self.line, now), reasons(self.line, after)
        worth = isolation_score(self.line, after_reasons) - isolation_score(self.line, before_reasons)
        worth = RISK_SHARE * (worth + sum(1.0 for a, x in lost if a in ("language", "family")))
        via = min(groups, key=lambda g: (-groups[g], str(g))) if groups else None
        return Departure(self.H.nodes[self.v].get("zone") or REGION, self.v, person, tuple(gone),
                         self.degree - len(gone), tuple(lost), after_reasons, before_reasons, float(worth), via)


def backup_action(d: Departure) -> Action:
    """The ``backup_contact`` action of a departure: a second person of the organisation should join the
    group the person carries the links through (or work with the partner); ``actors`` = organisation, person.

    >>> d = Departure("south", "cpas", "coord", ("gp",), 0, (("sector", "medical"),), ("no_ties",), (), 2.0, "wg")
    >>> a = backup_action(d)
    >>> a.action, a.actors, a.via, a.score
    ('backup_contact', ('cpas', 'coord'), 'wg', 2.0)
    """
    x, p = Name(d.organisation), Name(d.person)
    if "no_ties" in d.reasons:
        links = say("links_all", x=x)
    else:
        parts = tuple(Label(a, v) for a, v in d.lost) or tuple(Name(w) for w in d.partners[:3])
        links = say("links_with", x=x, what=Both(parts))
    if d.via is not None:
        rationale = say("backup_contact", x=x, p=p, where=GroupName(d.via), links=links)
    else:
        rationale = say("backup_contact_tie", x=x, p=p, w=Name(d.partners[0]), links=links)
    lost = ", ".join(f"{a} {v}" for a, v in d.lost) or "-"
    evidence = (f"rests on one person: {len(d.partners)} of {len(d.partners) + d.kept} links of "
                f"{d.organisation} rest on {d.person} alone ({id_list(list(d.partners))}); "
                f"without {d.person}: {'+'.join(d.reasons) or 'not isolated'}, no link to {lost}")
    return Action(d.zone, 0, "backup_contact", (str(d.organisation), str(d.person)), rationale,
                  None if d.via is None else str(d.via), evidence, d.worth)

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

import networkx as nx

from collabnet.analyses.gaps import actor_line, id_list
from collabnet.analyses.standing import CROSS_LINE, Standing, isolation_score, reasons, with_partner
from collabnet.codes import REGION
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
    gone = set(resting_on(H, organisation).get(person, ()))
    return _departure(H, organisation, person, gone)


def dependencies(H: nx.Graph, nodes: Iterable | None = None) -> list[Departure]:
    """Every departure worth more than 0, for the organisations among ``nodes`` (default: all), sorted by
    zone, worth (highest first), organisation and person."""
    found = []
    for v in H if nodes is None else nodes:
        if not H.nodes[v].get("people"):
            continue
        for person, partners in resting_on(H, v).items():
            d = _departure(H, v, person, set(partners))
            if d.worth > 0:
                found.append(d)
    return sorted(found, key=lambda d: (d.zone, -d.worth, str(d.organisation), str(d.person)))


def _departure(H: nx.Graph, v: Hashable, person: Hashable, gone: set) -> Departure:
    nodes = H.nodes
    sector, line = nodes[v].get("sector"), actor_line(H, v)
    language, family = nodes[v].get("language"), nodes[v].get("family")
    now, after = Standing(0, False, False), Standing(0, False, False)
    reach_now: set = set()
    reach_after: set = set()
    groups: Counter = Counter()
    kept = 0
    for w in H[v]:
        facts = _facts(H, w)
        s, ln = nodes[w].get("sector"), actor_line(H, w)
        now = with_partner(now, sector, line, s, ln)
        reach_now |= facts
        if w in gone:
            groups.update(H.edges[v, w].get("groups") or ())
        else:
            kept += 1
            after = with_partner(after, sector, line, s, ln)
            reach_after |= facts
    wanted = {("line", CROSS_LINE.get(line)), ("language", _OTHER_LANGUAGE.get(language)),
              ("family", _OTHER_FAMILY.get(family))}
    lost = sorted(((a, x) for a, x in reach_now - reach_after
                   if x is not None and ((a == "sector" and x != sector) or (a, x) in wanted)),
                  key=lambda item: (_LOST_ORDER.index(item[0]), str(item[1])))
    before_reasons, after_reasons = reasons(line, now), reasons(line, after)
    worth = isolation_score(line, after_reasons) - isolation_score(line, before_reasons)
    worth = RISK_SHARE * (worth + sum(1.0 for a, x in lost if a in ("language", "family")))
    via = min(groups, key=lambda g: (-groups[g], str(g))) if groups else None
    return Departure(nodes[v].get("zone") or REGION, v, person, tuple(w for w in H[v] if w in gone), kept,
                     tuple(lost), after_reasons, before_reasons, float(worth), via)


def _facts(H: nx.Graph, w: Hashable) -> set:
    data = H.nodes[w]
    return {("sector", data.get("sector")), ("line", actor_line(H, w)), ("language", data.get("language")),
            ("family", data.get("family"))}


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

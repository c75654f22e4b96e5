"""The plans of one zone's next workshop, for its report and its action list.

:func:`zone_plan` runs :func:`~collabnet.planning.invite.plan_invite` (whom to
invite, :data:`PLAN_SEATS` seats) and
:func:`~collabnet.planning.introduce.plan_introductions` (the
:data:`PLAN_COUNT` introductions that close most gaps) for a zone; the zone
report shows both in its action section. :func:`plan_actions` turns plans into
actions.csv rows that follow the zone's own actions: the invitations, then
the introductions, numbered after the zone's last priority. What the
analysis already proposes in the zone is left out, as it is on the list
already: an introduction of the same two actors (as ``introduce`` or
``secure_bridge``), an invitation of the same actor.

Examples
--------
A hub with three first-line partners and a second-line hospital alone:

>>> import networkx as nx
>>> G = nx.Graph([("hub", "gp1"), ("hub", "gp2"), ("cpas", "hub")])
>>> G.add_node("hosp", line=2)
>>> for v in G:
...     G.nodes[v].update(zone="south", sector="medical", family="health", name=v.upper())
...     _ = G.nodes[v].setdefault("line", 1)
>>> G.nodes["cpas"].update(sector="social_assistance", family="welfare")
>>> plan = zone_plan(G, "south", seats=2, count=1)
>>> [(a.priority, a.action, a.actors) for a in plan_actions([plan])]
[(1, 'invite', ('cpas',)), (2, 'invite', ('hosp',)), (3, 'introduce', ('hosp', 'hub'))]
>>> from collabnet.records.findings import Action
>>> earlier = [Action("south", 1, "secure_bridge", ("hub", "hosp"), "Ask GP1 to introduce them.", "gp1", ""),
...            Action("south", 2, "invite", ("hosp",), "Invite HOSP to the working group.", "wg", "")]
>>> [(a.priority, a.action, a.actors) for a in plan_actions([plan], after=earlier)]
[(3, 'invite', ('cpas',))]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import networkx as nx

from collabnet.analyses.standing import standings_of
from collabnet.planning.introduce import IntroductionPlan, plan_introductions
from collabnet.planning.invite import InvitePlan, plan_invite
from collabnet.planning.scope import scope_actors
from collabnet.records.findings import Action

__all__ = ["PLAN_COUNT", "PLAN_SEATS", "ZonePlan", "plan_actions", "zone_plan"]

#: Seats of the invitation plan in a zone report and in ``analyze --with-plan``.
PLAN_SEATS = 5
#: Introductions of the introduction plan in a zone report and in ``analyze --with-plan``.
PLAN_COUNT = 5
# Actions that introduce two actors to each other (the same pair is one action, as in actions.csv).
_PAIR_ACTIONS = ("introduce", "secure_bridge")


@dataclass(frozen=True)
class ZonePlan:
    """Whom to invite and which introductions to make, for one zone."""

    zone: str
    invite: InvitePlan
    introductions: IntroductionPlan

    def actions(self) -> list[Action]:
        """The invitations, then the introductions, as actions.csv rows numbered from 1."""
        rows = [*self.invite.actions(), *self.introductions.actions()]
        return [replace(a, priority=n) for n, a in enumerate(rows, start=1)]


def zone_plan(G: nx.Graph, zone: str, *, seats: int = PLAN_SEATS, count: int = PLAN_COUNT,
              gaps: Iterable | None = None, search=None) -> ZonePlan:
    """Plan the invitations (``seats``) and introductions (``count``) of ``zone`` (``region``: the whole graph).

    ``gaps``: :func:`~collabnet.analyses.gaps.find_gaps` rows of ``G`` that
    include the zone's (the analysis' gaps.csv rows), when already computed; ``search``: the
    :class:`~collabnet.analyses.introductions.IntroductionSearch` on ``G``, when already made.
    Raises :class:`~collabnet.planning.scope.PlanError` for a zone without actors.
    """
    standings = standings_of(G, scope_actors(G, zone))  # both plans start from every actor's standing
    return ZonePlan(zone, plan_invite(G, zone, seats, standings=standings),
                    plan_introductions(G, zone, count, gaps=gaps, standings=standings, search=search))


def plan_actions(plans: Iterable[ZonePlan], after: Iterable[Action] = ()) -> list[Action]:
    """The plans' actions, numbered per zone after the zone's actions in ``after``, without repeats.

    Parameters
    ----------
    plans : iterable of ZonePlan
    after : iterable of Action
        The zone's own actions (actions.csv): priorities continue after the
        highest of the zone, and the same action (same kind, same actors; the
        two kinds that introduce a pair count as one) is left out.
    """
    last: dict[str, int] = {}
    for a in after:
        last[a.zone] = max(last.get(a.zone, 0), a.priority)
    seen = {_same(a) for a in after}
    rows = []
    for plan in plans:
        for a in plan.actions():
            if _same(a) in seen:
                continue
            last[a.zone] = last.get(a.zone, 0) + 1
            rows.append(replace(a, priority=last[a.zone]))
    return rows


def _same(a: Action) -> tuple:
    return (a.zone, "pair" if a.action in _PAIR_ACTIONS else a.action, frozenset(a.actors))

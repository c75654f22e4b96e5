"""Planning tools for coordinators: each answers one question before a workshop.

- :func:`plan_invite` (``collabnet plan invite``): the K actors to invite so that
  they reach the zone's most isolated and peripheral first- and second-line
  actors, with every sector family and both lines at the table.
- :func:`plan_introductions` (``collabnet plan introduce``): the K new ties that
  close most of the zone's gaps, each with who makes the introduction, and the
  zone's figures before and after.
- :func:`plan_leave` (``collabnet plan leave``): what breaks if an actor leaves,
  and who can take over each broken link.
- :func:`zone_plan` and :func:`plan_actions`: the invitations and introductions
  of a zone's next workshop, for its report and its actions.csv
  (``collabnet analyze --with-plan``).

All are pure functions of the actor graph (``G`` first), returning frozen
records whose ``actions()`` method gives actions.csv rows
(:class:`collabnet.analyses.actions.Action`), so a plan feeds the zone's
action plan directly. Rationales are language-free messages (:mod:`collabnet.records.messages`)
that :class:`collabnet.words.Vocabulary` puts in ``nl``, ``fr`` or ``en``.

Modules: :mod:`~collabnet.planning.scope` (zone actors, isolation standing,
zone figures), :mod:`~collabnet.planning.invite`,
:mod:`~collabnet.planning.introduce`, :mod:`~collabnet.planning.leave`,
:mod:`~collabnet.planning.workshop` (both plans of a zone).
"""

from __future__ import annotations

from collabnet.planning.introduce import Introduction, IntroductionPlan, plan_introductions
from collabnet.planning.invite import TARGET_WEIGHTS, InviteChoice, InvitePlan, InviteTarget, plan_invite
from collabnet.planning.leave import BrokenLink, CutOff, LeaveImpact, NewIsolation, plan_leave
from collabnet.planning.scope import PlanError, ZoneFigures, find_actor, zone_figures
from collabnet.planning.workshop import PLAN_COUNT, PLAN_SEATS, ZonePlan, plan_actions, zone_plan

__all__ = [
    "plan_invite",
    "plan_introductions",
    "plan_leave",
    "zone_plan",
    "plan_actions",
    "PLAN_SEATS",
    "PLAN_COUNT",
    "ZonePlan",
    "find_actor",
    "zone_figures",
    "PlanError",
    "TARGET_WEIGHTS",
    "InvitePlan",
    "InviteChoice",
    "InviteTarget",
    "IntroductionPlan",
    "Introduction",
    "LeaveImpact",
    "BrokenLink",
    "NewIsolation",
    "CutOff",
    "ZoneFigures",
]

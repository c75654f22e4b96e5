"""One pass of the pipeline per date: every analysis once, on the whole graph, as one record.

:func:`analyse` is the entry point that the CLI, the reports, the views,
the tables and ``diff`` share: each of them reads the
:class:`~collabnet.records.analysis.Analysis` it returns and computes no
finding of its own. Restricting to a zone is ``analysis.for_zone(z)``.

>>> import collabnet
>>> from pathlib import Path
>>> bundled = Path(collabnet.__file__).parents[1] / "datasets" / "brussels"
>>> result = analyse(collabnet.load(bundled, at="2024-06-30"))
>>> result.level, result.for_zone("south").actions[0].priority
('organisations', 1)
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from collabnet.analyses.actions import recommend_actions
from collabnet.analyses.bridges import cut_edges, cut_vertices
from collabnet.analyses.brokerage import betweenness_method, broker_table
from collabnet.analyses.gaps import find_gaps, zone_members
from collabnet.analyses.introductions import IntroductionSearch
from collabnet.analyses.isolation import isolated_actors
from collabnet.analyses.mixing import links_between
from collabnet.analyses.summary import summarise
from collabnet.analyses.survey import survey_answers, survey_findings
from collabnet.codes import LEVELS, REGION
from collabnet.graph import open_groups
from collabnet.progress import NO_PROGRESS, Progress
from collabnet.records.analysis import Analysis, frozen_mapping
from collabnet.records.findings import brokers_of
from collabnet.runtime import Jobs, collector_paused, run_jobs, share_out

__all__ = ["analyse"]

# Links from which the zones' workshop plans are shared by two processes (about half a second of plans:
# 2.6 s for five zones at 50,000 organisations and 1.2 million links, 0.17 s at 90,000 links).
_SHARED_PLANS_EDGES = 500_000
# Links from which isolation and the gaps are found in a second process while this one ranks the brokers
# (about 3 s of work at 50,000 organisations and 1.2 million links).
_SHARED_ANALYSES_EDGES = 500_000


def analyse(dataset, *, level: str = "organisations", exact: bool = False, plans: bool | Iterable[str] = False,
            progress: Progress = NO_PROGRESS) -> Analysis:
    """Run isolation, brokerage, cut vertices and edges, gaps, sector mixing, actions (and plans) once.

    Parameters
    ----------
    dataset : collabnet.dataset.Dataset
        Analysed on its date (``dataset.at``).
    level : {"organisations", "actors"}
        The graph analysed: the organisation graph (persons folded into their
        organisation, :mod:`collabnet.organisations`; the default of every
        command) or the actor graph (``--level actors``).
    exact : bool
        Exact betweenness even above :data:`~collabnet.analyses.brokerage.EXACT_MAX`
        actors (slower; the summary's ``betweenness`` entry says which was used).
    plans : bool or iterable of str
        The zones whose workshop plans (whom to invite, which introductions;
        :func:`collabnet.planning.zone_plan`) the record holds: True = every
        zone with actors; a list of codes (``region`` = a plan for the whole
        region); False = none.
    progress : collabnet.progress.Progress, optional
        Where slow steps report (silent by default).

    Returns
    -------
    Analysis
        Every finding, for every zone and the region; ``.for_zone(z)`` keeps one zone's rows.
    """
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}: use one of {', '.join(LEVELS)}")
    with progress.step("actor graph"):
        G = dataset.graph_at(level)
    with collector_paused():
        return _analyse(dataset, G, level, exact, plans, progress)


def _analyse(dataset, G, level: str, exact: bool, plans, progress: Progress) -> Analysis:
    members = {zone: tuple(nodes) for zone, nodes in zone_members(G).items()}
    members[REGION] = tuple(sorted(G, key=str))

    def brokerage():
        with progress.step("brokerage"):
            cuts = cut_vertices(G)
            return cuts, broker_table(G, progress=progress, exact=exact, cuts=cuts)

    # Isolation and the gaps do not wait for the brokers: on a big graph a second process finds them while
    # this one ranks the brokers (here: its searches share their work with a process of their own). Their
    # steps are drawn only in one process: two processes drawing one line would garble it.
    shared = G.number_of_edges() >= _SHARED_ANALYSES_EDGES
    shown = NO_PROGRESS if shared else progress

    def isolation():
        with shown.step("isolation"):
            return tuple(isolated_actors(G))

    def gaps_and_links():
        with shown.step("gaps"):
            return (tuple(find_gaps(G)), tuple(cut_edges(G)),
                    {zone: links_between(G, None if zone == REGION else nodes) for zone, nodes in members.items()})

    with collector_paused():
        (cuts, table), isolated, (gaps, bridges, matrices) = share_out(
            [brokerage, isolation, gaps_and_links], lambda job: job(), here=1, parallel=shared)
    with progress.step("actions"):
        search = IntroductionSearch(G, dict(zip(table["actor"], table["rank"])))
        actions = tuple(recommend_actions(G, isolated, table, gaps, groups=open_groups(dataset.groups, dataset.at),
                                          search=search))
    with progress.step("plans"):
        workshop = _plans(G, gaps, members, plans, search)
        proposed = _plan_actions(workshop, actions)
    brokers = brokers_of(table)
    method = table.attrs.get("betweenness") or betweenness_method(G.number_of_nodes(), exact)
    summary = summarise(dataset, G, isolated=isolated, brokers=brokers, gaps=gaps, matrices=matrices,
                        members=members, betweenness=method, level=level)
    return Analysis(dataset=dataset, graph=G, level=level, zone=None,
                    zones=tuple(z for z in members if z != REGION), members=frozen_mapping(members),
                    isolated=isolated, brokers=brokers, cut_vertices=frozenset(cuts), cut_edges=bridges, gaps=gaps,
                    matrices=frozen_mapping(matrices), actions=actions, plans=workshop, plan_actions=proposed,
                    summary=summary, survey=survey_findings(G, survey_answers(dataset)))


def _plans(G, gaps, members, plans, search):
    """Zone -> ZonePlan for the zones asked (see :func:`analyse`)."""
    if not plans:
        return frozen_mapping()
    from collabnet.planning import zone_plan

    zones = [z for z in members if z != REGION] if plans is True else [z for z in plans if z in members]
    # Each zone's plan is independent: on a big graph two processes share them, the biggest zones first.
    jobs = Jobs({zone: functools.partial(zone_plan, G, zone, gaps=gaps, search=search) for zone in zones},
                {zone: len(members[zone]) for zone in zones},
                lambda made: frozen_mapping({zone: made[zone] for zone in zones}),
                shared=G.number_of_edges() >= _SHARED_PLANS_EDGES)
    return run_jobs(jobs)[0]


def _plan_actions(plans, actions) -> tuple:
    if not plans:
        return ()
    from collabnet.planning import plan_actions

    return tuple(plan_actions(plans.values(), after=actions))

"""Run every analysis once on a dataset's graph: the one entry point reports, views and the CLI use.

>>> import collabnet
>>> result = analyse(collabnet.load("datasets/brussels", at="2024-06-01"))   # doctest: +SKIP
>>> result.actions[0].priority                                              # doctest: +SKIP
1
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from collabnet.analyses.actions import Action, recommend_actions
from collabnet.analyses.brokerage import betweenness_method, broker_table
from collabnet.analyses.gaps import REGION, Gap, find_gaps, zone_members
from collabnet.analyses.isolation import isolated_actors
from collabnet.analyses.mixing import zone_ei
from collabnet.analyses.summary import summarise
from collabnet.graph import collector_paused
from collabnet.progress import NO_PROGRESS, Progress

__all__ = ["Analysis", "analyse", "open_groups"]


@dataclass(frozen=True, eq=False)
class Analysis:
    """Everything ``collabnet analyze`` computes, for renderers to read (never to recompute).

    Attributes
    ----------
    dataset : collabnet.dataset.Dataset
        The dataset analysed; ``dataset.graph`` is the graph every result refers to.
    zone : str or None
        The zone the results are limited to (None = all zones and the region).
    lang : str
        Language of the rationales (``nl``, ``fr``, ``en``).
    isolated : tuple of IsolatedActor
        isolated.csv rows.
    brokers : pandas.DataFrame
        brokers.csv table.
    gaps : tuple of Gap
        gaps.csv rows.
    actions : tuple of Action
        actions.csv rows.
    summary : dict
        The summary.json object.
    """

    dataset: object
    zone: str | None
    lang: str
    isolated: tuple
    brokers: pd.DataFrame
    gaps: tuple[Gap, ...]
    actions: tuple[Action, ...]
    summary: dict


def open_groups(groups: pd.DataFrame, at: dt.date) -> pd.DataFrame:
    """Groups not ended on ``at`` (current or upcoming): those an actor can still be invited into.

    >>> g = pd.DataFrame({"id": ["old", "now", "next"], "until": ["2022-01-01", "", ""]})
    >>> list(open_groups(g, dt.date(2024, 6, 1))["id"])
    ['now', 'next']
    """
    if not len(groups) or "until" not in groups:
        return groups
    until = groups["until"].fillna("")
    return groups[(until == "") | (until > at.isoformat())]


def analyse(dataset, zone: str | None = None, lang: str = "en", progress: Progress = NO_PROGRESS,
            exact_betweenness: bool = False) -> Analysis:
    """Run isolation, brokerage, gaps, actions and the summary on ``dataset.graph``.

    Parameters
    ----------
    dataset : collabnet.dataset.Dataset
    zone : str, optional
        A zone code: keep only that zone's rows (isolated and brokers: actors of
        the zone; gaps, actions, summary: that zone). Measures that depend on
        the whole graph (betweenness, constraint, sector_missing) still see it.
    lang : {"en", "nl", "fr"}
        Language of the action rationales.
    progress : collabnet.progress.Progress, optional
        Where slow steps report (silent by default).
    exact_betweenness : bool
        Exact betweenness even above :data:`~collabnet.analyses.brokerage.EXACT_MAX`
        actors (slower; the summary's ``betweenness`` entry says which was used).
    """
    with progress.step("actor graph"):
        G = dataset.graph
    with collector_paused():
        return _analyse(dataset, G, zone, lang, progress, exact_betweenness)


def _analyse(dataset, G, zone: str | None, lang: str, progress: Progress, exact: bool) -> Analysis:
    zones = None if zone is None else [zone]
    with progress.step("isolation"):
        isolated = isolated_actors(G)
    with progress.step("brokerage"):
        brokers = broker_table(G, progress=progress, exact=exact)
    if zone is not None:
        isolated = [row for row in isolated if row.zone == zone]
        brokers = brokers[brokers["zone"] == zone].reset_index(drop=True)
    with progress.step("gaps"):
        gaps = find_gaps(G, zones=zones)
    with progress.step("actions"):
        actions = recommend_actions(G, isolated, brokers, gaps, groups=open_groups(dataset.groups, dataset.at),
                                    lang=lang, zones=zones)
    wanted = zones or [*zone_members(G), REGION]
    ei = {z: zone_ei(G, z) for z in wanted}
    summary = summarise(dataset, isolated, brokers, gaps, ei=ei, zones=wanted)
    summary["betweenness"] = betweenness_method(G.number_of_nodes(), exact)
    return Analysis(dataset, zone, lang, tuple(isolated), brokers, tuple(gaps), tuple(actions), summary)

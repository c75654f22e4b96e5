"""What a relationship survey says: who answered, which pairs disagree, which sectors only network, trust and value.

Reads the ``ties`` rows of type ``survey`` active on the analysis date (one
per respondent and partner: the latest answer; see :mod:`collabnet.survey.ties`)
whose two organisations are nodes of the analysed graph. Nothing here changes
the graph or the unweighted measures of the contract; the levels are read as
they were answered.

- **Response** (:class:`Response`): per zone where at least one organisation
  answered, and per main sector in it, the organisations of the zone (``asked``)
  and those who answered about at least one partner (``answered``); ``region``
  totals the surveyed zones. The organisations that did not answer are
  :attr:`SurveyFindings.nonrespondents`.
- **Disagreements** (:class:`Disagreement`, survey_dyads.csv): pairs where both
  organisations answered about each other and the two levels are
  :data:`~collabnet.survey.scale.DISAGREEMENT` (2) or more apart (which covers
  "one says 0, the other 3 or more"). A topic for the workshop, not an error.
  One row per zone of either end, and one for ``region`` (the whole graph).
- **Sector levels** (:class:`SectorLevel`, survey_sectors.csv): per zone (both
  ends in the zone; ``region``: every answer) and pair of main sectors, the
  answers between them, their mean and highest level. ``networking_only``
  flags two different sectors linked only weakly: some answer is level 1 or
  more, none above :data:`~collabnet.survey.scale.NETWORKING` (1, networking).
- **Trust and value** (:class:`PartnerScore`, :class:`ZoneScore`,
  survey_scores.csv), only when the form asked for them: PARTNER's scores.
  An answer's trust is the mean of its three trust items (openness,
  reliability, shared mission), its value the mean of its three value items
  (power and influence, resource contribution, involvement), each 1-4. An
  organisation's score is the mean of the scores its partners gave it; a
  zone's is the mean of every score given to its organisations, also shown as
  a share of the maximum 4 (``trust_percent``), as PARTNER reports network scores.

Examples
--------
>>> import networkx as nx
>>> G = nx.Graph()
>>> G.add_nodes_from([(v, {"kind": "organisation", "zone": "south", "sector": s})
...                   for v, s in (("a", "medical"), ("b", "housing"), ("c", "housing"))])
>>> answers = [SurveyAnswer("a", "b", 4, "2025-01-01"), SurveyAnswer("b", "a", 1, "2025-01-02"),
...            SurveyAnswer("a", "c", 1, "2025-01-01")]
>>> found = survey_findings(G, answers)
>>> [(d.zone, d.a, d.b, d.level_a, d.level_b) for d in found.disagreements]
[('region', 'a', 'b', 4, 1), ('south', 'a', 'b', 4, 1)]
>>> [(r.sector, r.asked, r.answered) for r in found.responses if r.zone == "south"]
[('', 3, 2), ('housing', 2, 1), ('medical', 1, 1)]
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

from collabnet.codes import REGION, normalise
from collabnet.records.analysis import frozen_mapping
from collabnet.survey.scale import DISAGREEMENT, NETWORKING, SCORES, SURVEY_TYPE

__all__ = ["SurveyAnswer", "Disagreement", "SectorLevel", "PartnerScore", "ZoneScore", "Response", "SurveyFindings",
           "survey_answers", "survey_findings"]

_MAX_SCORE = SCORES[-1]


@dataclass(frozen=True)
class SurveyAnswer:
    """The answer in force of ``respondent`` about ``partner``: the level (0-5), its date, PARTNER scores (1-4)."""

    respondent: Hashable
    partner: Hashable
    level: int
    since: str
    frequency: str = ""
    trust: float | None = None
    value: float | None = None


@dataclass(frozen=True)
class Disagreement:
    """Two organisations that see their relation differently (a row of survey_dyads.csv); ``a`` < ``b``."""

    zone: str
    a: Hashable
    b: Hashable
    level_a: int
    level_b: int
    difference: int
    since_a: str
    since_b: str


@dataclass(frozen=True)
class SectorLevel:
    """The answers between two main sectors of a zone (a row of survey_sectors.csv); ``a`` <= ``b``."""

    zone: str
    a: str
    b: str
    answers: int
    mean_level: float
    max_level: int
    networking_only: bool


@dataclass(frozen=True)
class PartnerScore:
    """PARTNER's trust and value of one organisation, as its partners rated it (None: not rated)."""

    zone: str
    actor: Hashable
    trust: float | None
    trust_ratings: int
    value: float | None
    value_ratings: int


@dataclass(frozen=True)
class ZoneScore:
    """PARTNER's trust and value of a zone: the mean of every score given to its organisations, and as % of 4."""

    zone: str
    trust: float | None
    trust_ratings: int
    value: float | None
    value_ratings: int

    @property
    def trust_percent(self) -> float | None:
        return None if self.trust is None else round(self.trust / _MAX_SCORE * 100, 6)

    @property
    def value_percent(self) -> float | None:
        return None if self.value is None else round(self.value / _MAX_SCORE * 100, 6)


@dataclass(frozen=True)
class Response:
    """Organisations asked and answered in a zone (``sector`` ``""``) or in one main sector of it."""

    zone: str
    sector: str
    asked: int
    answered: int

    @property
    def rate(self) -> float:
        return round(self.answered / self.asked, 6) if self.asked else 0.0


@dataclass(frozen=True)
class SurveyFindings:
    """Everything the survey says on one date (see the module docstring); every tuple sorted by zone first."""

    answers: tuple[SurveyAnswer, ...]
    responses: tuple[Response, ...]
    nonrespondents: Mapping[str, tuple]
    disagreements: tuple[Disagreement, ...]
    sectors: tuple[SectorLevel, ...]
    scores: tuple[PartnerScore, ...]
    zone_scores: Mapping[str, ZoneScore]

    def for_zone(self, zone: str) -> SurveyFindings:
        """The rows of one zone (the answers stay whole)."""
        return dataclasses.replace(
            self, responses=tuple(r for r in self.responses if r.zone == zone),
            nonrespondents=frozen_mapping({z: v for z, v in self.nonrespondents.items() if z == zone}),
            disagreements=tuple(d for d in self.disagreements if d.zone == zone),
            sectors=tuple(s for s in self.sectors if s.zone == zone),
            scores=tuple(s for s in self.scores if s.zone == zone),
            zone_scores=frozen_mapping({z: v for z, v in self.zone_scores.items() if z == zone}))

    def response(self, zone: str) -> Response | None:
        """The zone's whole response (no sector), or None when nobody of the zone was surveyed."""
        return next((r for r in self.responses if r.zone == zone and not r.sector), None)

    def level_between(self, zone: str, a: str, b: str) -> SectorLevel | None:
        """The answers between sectors ``a`` and ``b`` in ``zone`` (either order), or None."""
        a, b = sorted((a, b))
        return next((s for s in self.sectors if s.zone == zone and (s.a, s.b) == (a, b)), None)


def _number(value) -> float | None:
    try:
        number = float(str(value).replace(",", "."))
    except (TypeError, ValueError):
        return None
    return None if number != number else number


def survey_answers(dataset) -> list[SurveyAnswer]:
    """The survey answers in force on the dataset's date: per (respondent, partner), the latest active one."""
    from collabnet.graph import active

    ties = dataset.ties
    if not len(ties):
        return []
    ties = ties[active(ties, dataset.at) & (ties["type"].map(normalise) == SURVEY_TYPE)]
    latest: dict[tuple, SurveyAnswer] = {}
    for rec in ties.to_dict("records"):
        respondent = rec.get("reported_by") or rec["source"]
        partner = rec["target"] if respondent == rec["source"] else rec["source"]
        answer = SurveyAnswer(respondent, partner, int(rec["weight"]), rec.get("since") or "",
                              str(rec.get("frequency") or ""), _number(rec.get("trust")), _number(rec.get("value")))
        key = (respondent, partner)
        if key not in latest or answer.since >= latest[key].since:
            latest[key] = answer
    return [latest[k] for k in sorted(latest, key=lambda k: (str(k[0]), str(k[1])))]


def survey_findings(G, answers: Iterable[SurveyAnswer]) -> SurveyFindings | None:
    """The survey's findings on graph ``G`` (organisation or actor graph); None when no answer concerns it."""
    answers = tuple(a for a in answers if a.respondent in G and a.partner in G)
    if not answers:
        return None

    def zone_of(v) -> str:
        return G.nodes[v].get("zone") or REGION

    responses, nonrespondents = _responses(G, answers, zone_of)
    return SurveyFindings(answers=answers, responses=responses, nonrespondents=nonrespondents,
                          disagreements=_disagreements(answers, zone_of), sectors=_sector_levels(G, answers, zone_of),
                          scores=_scores(answers, zone_of), zone_scores=_zone_scores(answers, zone_of))


def _responses(G, answers, zone_of) -> tuple[tuple[Response, ...], Mapping[str, tuple]]:
    answered = {a.respondent for a in answers}
    surveyed = sorted({zone_of(v) for v in answered}, key=lambda z: (z == REGION, z))
    organisations = [v for v, data in G.nodes(data=True) if data.get("kind") == "organisation"]
    rows, missing = [], {}
    everyone: list = []
    for zone in surveyed:
        asked = sorted((v for v in organisations if zone_of(v) == zone), key=str)
        everyone += asked
        rows.append(Response(zone, "", len(asked), sum(v in answered for v in asked)))
        for sector in sorted({str(G.nodes[v].get("sector") or "") for v in asked}):
            members = [v for v in asked if str(G.nodes[v].get("sector") or "") == sector]
            rows.append(Response(zone, sector, len(members), sum(v in answered for v in members)))
        missing[zone] = tuple(v for v in asked if v not in answered)
    if REGION not in surveyed:
        rows.append(Response(REGION, "", len(everyone), sum(v in answered for v in everyone)))
        missing[REGION] = tuple(sorted((v for v in everyone if v not in answered), key=str))
    return tuple(rows), frozen_mapping(missing)


def _disagreements(answers, zone_of) -> tuple[Disagreement, ...]:
    said = {(a.respondent, a.partner): a for a in answers}
    rows = []
    for (u, v), first in said.items():
        other = said.get((v, u))
        if other is None or str(u) > str(v) or abs(first.level - other.level) < DISAGREEMENT:
            continue
        for zone in sorted({zone_of(u), zone_of(v), REGION}):
            rows.append(Disagreement(zone, u, v, first.level, other.level, abs(first.level - other.level),
                                     first.since, other.since))
    return tuple(sorted(rows, key=lambda d: (d.zone, -d.difference, str(d.a), str(d.b))))


def _sector_levels(G, answers, zone_of) -> tuple[SectorLevel, ...]:
    levels: dict[tuple[str, str, str], list[int]] = {}
    for answer in answers:
        a, b = sorted(str(G.nodes[v].get("sector") or "") for v in (answer.respondent, answer.partner))
        zones = {REGION}
        if zone_of(answer.respondent) == zone_of(answer.partner):
            zones.add(zone_of(answer.respondent))
        for zone in zones:
            levels.setdefault((zone, a, b), []).append(answer.level)
    return tuple(SectorLevel(zone, a, b, len(found), round(sum(found) / len(found), 6), max(found),
                             a != b and NETWORKING >= max(found) >= 1)
                 for (zone, a, b), found in sorted(levels.items()))


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 6) if values else None


def _scores(answers, zone_of) -> tuple[PartnerScore, ...]:
    received: dict[Hashable, tuple[list[float], list[float]]] = {}
    for answer in answers:
        if answer.trust is None and answer.value is None:
            continue
        trust, value = received.setdefault(answer.partner, ([], []))
        if answer.trust is not None:
            trust.append(answer.trust)
        if answer.value is not None:
            value.append(answer.value)
    return tuple(sorted((PartnerScore(zone_of(v), v, _mean(t), len(t), _mean(w), len(w))
                         for v, (t, w) in received.items()), key=lambda s: (s.zone, str(s.actor))))


def _zone_scores(answers, zone_of) -> Mapping[str, ZoneScore]:
    given: dict[str, tuple[list[float], list[float]]] = {}
    for answer in answers:
        for zone in {zone_of(answer.partner), REGION}:
            trust, value = given.setdefault(zone, ([], []))
            if answer.trust is not None:
                trust.append(answer.trust)
            if answer.value is not None:
                value.append(answer.value)
    return frozen_mapping({zone: ZoneScore(zone, _mean(t), len(t), _mean(w), len(w))
                           for zone, (t, w) in sorted(given.items()) if t or w})

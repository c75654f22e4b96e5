"""The findings of an analysis, one frozen record per row of a contract table.

- :class:`IsolatedActor`: a row of isolated.csv;
- :class:`Broker`: a row of brokers.csv (:func:`brokers_frame` makes the table);
- :class:`CutEdge`: a tie whose loss separates two sectors, lines or language networks;
- :class:`Gap`: a row of gaps.csv;
- :class:`SectorMatrix`: the links between every two main sectors of a zone;
- :class:`Action`: a row of actions.csv, its sentence a language-free
  :class:`~collabnet.records.messages.Message`.

Examples
--------
>>> m = SectorMatrix(("housing", "medical"), ((1, 2), (2, 0)))
>>> m.count("medical", "housing"), m.internal, m.external
(2, 1, 2)
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, fields

from collabnet.records.messages import Message

__all__ = ["Action", "Broker", "BROKER_FIELDS", "SCORE_DIGITS", "CutEdge", "Gap", "IsolatedActor", "SectorMatrix",
           "brokers_frame", "brokers_of"]


@dataclass(frozen=True)
class IsolatedActor:
    """One reason why one actor is isolated (a row of isolated.csv).

    ``degree`` is the number of distinct neighbours outside the actor's own
    organisation; ``evidence`` names them (ids, at most five) or says
    ``no edge outside own organisation``. ``carried_by``: on the organisation
    graph, the ``|``-separated ids of the organisation's people whose ties or
    memberships make its outside links (empty when only the organisation
    itself is linked, and on the actor graph).
    """

    zone: str
    actor: Hashable
    reason: str
    degree: int
    evidence: str
    carried_by: str = ""


@dataclass(frozen=True)
class Broker:
    """One actor with at least one edge, as brokers.csv shows it (columns in contract order, then extras).

    ``line`` is None for an actor without a care line; ``ei`` is None when no
    neighbour has a known sector; ``carried_by`` as in :class:`IsolatedActor`.
    """

    zone: str
    rank: int
    actor: Hashable
    name: str
    kind: str | None
    sector: str | None
    line: int | None
    betweenness: float
    cross_sector_ties: int
    sectors_bridged: int
    coordinator: int
    itinerant: int
    representative: int
    liaison: int
    constraint: float | None
    effective_size: float | None
    ei: float | None
    cut_vertex: bool
    degree: int
    sector_brokerage: int
    line_brokerage: int
    language_brokerage: int
    bridge_score: float
    carried_by: str = ""


#: brokers.csv columns: the contract's (outputs.md), then the extras, in :class:`Broker` order.
BROKER_FIELDS = tuple(f.name for f in fields(Broker))

#: Scores and betweenness are compared rounded to this many decimals when actors are ordered by them:
#: closer values are ties, ordered by the tie rule (sums over paths in another order differ in the 16th digit).
SCORE_DIGITS = 9


def brokers_frame(brokers: Iterable[Broker]):
    """The brokers as a pandas DataFrame in :data:`BROKER_FIELDS` order (``line`` a nullable integer).

    >>> b = Broker("south", 1, "gp", "GP", "organisation", "medical", None, 0.5, 1, 1, 0, 0, 1, 0, 1.0, 1.0,
    ...            1.0, True, 1, 1, 0, 0, 1.25)
    >>> frame = brokers_frame([b])
    >>> frame[["actor", "cut_vertex"]].to_dict("records"), str(frame["line"].dtype)
    ([{'actor': 'gp', 'cut_vertex': True}], 'Int64')
    """
    import pandas as pd

    rows = list(brokers)
    columns = {name: [getattr(b, name) for b in rows] for name in BROKER_FIELDS}
    frame = pd.DataFrame(columns, columns=list(BROKER_FIELDS))
    frame["line"] = pd.array(columns["line"], dtype="Int64")
    for name in ("constraint", "effective_size", "ei", "betweenness", "bridge_score"):
        frame[name] = pd.array([float("nan") if v is None else v for v in columns[name]], dtype=float)
    for name in ("rank", "cross_sector_ties", "sectors_bridged", "coordinator", "itinerant", "representative",
                 "liaison", "degree", "sector_brokerage", "line_brokerage", "language_brokerage"):
        frame[name] = frame[name].astype("int64")
    frame["cut_vertex"] = frame["cut_vertex"].astype(bool)
    return frame


@dataclass(frozen=True)
class CutEdge:
    """A tie whose loss leaves values ``a`` and ``b`` of ``separates`` with no path between them.

    ``u`` < ``v``; ``a`` is a value found only on ``u``'s side of the tie, ``b``
    one found only on ``v``'s side (both as text: ``"1"``, ``"2"`` for lines).
    """

    u: Hashable
    v: Hashable
    separates: str
    a: str
    b: str


@dataclass(frozen=True)
class Gap:
    """One gap in one zone (a row of gaps.csv).

    Attributes
    ----------
    zone : str
        Zone code, or ``region`` for the whole graph.
    gap : str
        One of :data:`collabnet.codes.GAP_KINDS`.
    a, b : str
        The two sectors, families, lines (``"1"``, ``"2"``) or languages; ``b`` is
        ``""`` for ``sector_missing``.
    observed : int
        Edges between a-actors and b-actors with both ends in the zone.
    expected : float
        Edges expected at the zone's density (rounded to 6 decimals).
    severity : float
        Higher = more urgent (rule in :mod:`collabnet.analyses.gaps`; 6 decimals).
    evidence : str
        The actors counted on each side (a few ids and the counts).
    """

    zone: str
    gap: str
    a: str
    b: str
    observed: int
    expected: float
    severity: float
    evidence: str


@dataclass(frozen=True)
class SectorMatrix:
    """Links between the main sectors of a zone's actors: ``counts[i][j]`` between ``codes[i]`` and ``codes[j]``.

    Each link counted once; the diagonal holds the links inside one sector.
    Sectors are those present among the zone's actors, sorted by code.
    """

    codes: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]

    def count(self, a: str, b: str) -> int:
        """Links between sector ``a`` and sector ``b`` (0 when either is absent)."""
        try:
            return self.counts[self.codes.index(a)][self.codes.index(b)]
        except ValueError:
            return 0

    @property
    def internal(self) -> int:
        """Links inside one sector."""
        return sum(self.counts[i][i] for i in range(len(self.codes)))

    @property
    def external(self) -> int:
        """Links between two different sectors."""
        return (sum(map(sum, self.counts)) - self.internal) // 2


@dataclass(frozen=True)
class Action:
    """One action for a zone's action plan (a row of actions.csv).

    Attributes
    ----------
    zone : str
        Zone code, or ``region``.
    priority : int
        1 = first, per zone (ranking rule in :mod:`collabnet.analyses.actions`).
    action : str
        One of :data:`collabnet.codes.ACTION_KINDS`.
    actors : tuple of str
        The actors concerned (written ``|``-joined): the two to introduce, the
        actor to invite, or the actors who could be asked to help recruit.
    rationale : Message
        The sentence to read out at a workshop, put in words in the reader's
        language by :class:`collabnet.words.Vocabulary`.
    via : str or None
        The actor who can make the introduction (``introduce``), the actor who
        holds the bridge today (``secure_bridge``), or the group (``invite``,
        ``recruit``).
    evidence : str
        The finding the action answers (gap, isolation reason or bridge), in the
        tables' fixed notation (the same in every language).
    score : float
        The urgency score the ranking uses.
    """

    zone: str
    priority: int
    action: str
    actors: tuple[str, ...]
    rationale: Message | str
    via: str | None
    evidence: str
    score: float = 0.0



def brokers_of(frame) -> tuple[Broker, ...]:
    """The rows of a broker table (:func:`collabnet.analyses.brokerage.broker_table`) as records, in row order.

    >>> b = Broker("south", 1, "gp", "GP", "organisation", "medical", None, 0.5, 1, 1, 0, 0, 1, 0, 1.0, 1.0,
    ...            None, True, 1, 1, 0, 0, 1.25)
    >>> brokers_of(brokers_frame([b])) == (b,)
    True
    """
    import pandas as pd

    columns = []
    for name in BROKER_FIELDS:
        values = frame[name].tolist()
        if name in ("line", "constraint", "effective_size", "ei"):
            missing = pd.isna(frame[name]).tolist()  # pd.NA and NaN: no value
            values = [None if gone else (int(v) if name == "line" else v) for v, gone in zip(values, missing)]
        columns.append(values)
    return tuple(Broker(*row) for row in zip(*columns))

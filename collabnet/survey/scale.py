"""The answers a relationship survey asks for: the level scale, how often, PARTNER's trust and value items.

The level is the Levels of Collaboration scale (Frey, Lohmeier, Lee and
Tollefson 2006, *American Journal of Evaluation* 27(3)): 0 no interaction,
1 networking, 2 cooperation, 3 coordination, 4 coalition, 5 collaboration.
Trust and value are PARTNER's (Varda, Chandra, Stern and Lurie 2008; the
PARTNER tool's validated scores): trust = openness to discussion,
reliability, support of the shared mission; value = power and influence,
resource contribution, level of involvement; each item rated 1 (not at all)
to 4 (a great deal), and a score is the mean of its three items.

A form shows a level as ``3 – Afstemmen`` (the number, then the label in the
form's language); :func:`parse_level` reads that, a bare number, or a label
in any of the three languages, and nothing else: ``-1``, ``2 - 3`` or a
number with another level's label is no level, never the first number in it.

Examples
--------
>>> choice("level", 3, "nl"), parse_level("3 – Afstemmen"), parse_level("coordination"), parse_level("4.0")
('3 – Afstemmen', 3, 3, 4)
>>> parse_level("7")
Traceback (most recent call last):
...
collabnet.errors.BadValue: level '7' is out of range (0 to 5)
>>> parse_level("2 - 3")
Traceback (most recent call last):
...
collabnet.errors.BadValue: level '2 - 3' is not a level (0 to 5, or a label of the scale)
>>> parse_score("2 – Un peu"), score_mean([4, 3, None])
(2, 3.5)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from collabnet.codes import LANGS, normalise
from collabnet.errors import BadValue, reason
from collabnet.words import t

__all__ = ["SURVEY_TYPE", "LEVELS", "FREQUENCIES", "SCORES", "TRUST_ITEMS", "VALUE_ITEMS", "ITEMS", "DISAGREEMENT",
           "NETWORKING", "choice", "choices", "parse_level", "parse_frequency", "parse_score", "score_mean"]

#: The ``type`` of a ties row that holds a survey answer.
SURVEY_TYPE = "survey"
LEVELS = (0, 1, 2, 3, 4, 5)
#: How often two organisations work together (PARTNER's frequency question), least often first.
FREQUENCIES = ("yearly", "quarterly", "monthly", "weekly", "daily")
SCORES = (1, 2, 3, 4)
TRUST_ITEMS = ("openness", "reliability", "mission")
VALUE_ITEMS = ("influence", "resources", "involvement")
ITEMS = TRUST_ITEMS + VALUE_ITEMS
#: Two answers about one pair disagree when their levels are this far apart or more.
DISAGREEMENT = 2
#: The highest level that is "networking only": a sector pair whose every answer is at most this is linked weakly.
NETWORKING = 1

_DASH = " – "
#: A bare number: the sign is kept, so that ``-1`` is out of range, never level 1.
_NUMBER = re.compile(r"\s*([+-]?\d+(?:[.,]\d+)?)\s*")
#: A drop-down text: the number, a dash (or ``:``, ``.``, ``)``) or a space, then a label that starts with a letter.
_NUMBERED = re.compile(r"(\d{1,9})(?:\s*[-–—:.)]\s*|\s+)([^\W\d_].*)")  # on stripped text: linear time
_LETTER = re.compile(r"\s*[^\W\d_]")
_KEYS = {"level": "survey.level.{}", "score": "survey.score.{}", "frequency": "survey.frequency.{}"}
_VALUES = {"level": LEVELS, "score": SCORES}
#: Labels earlier forms offered, still read (forms already sent out), never written.
_FORMER = {"level": {"Netwerken": 1, "Mise en réseau": 1},
           "frequency": {"Environ chaque trimestre": "quarterly", "Environ chaque mois": "monthly"}}


def choice(kind: str, value, lang: str) -> str:
    """The drop-down text of a level or score (``3 – Afstemmen``) or a frequency (its label)."""
    label = t(_KEYS[kind].format(value), lang)
    return label if kind == "frequency" else f"{value}{_DASH}{label}"


def choices(kind: str, lang: str) -> list[str]:
    """Every drop-down text of ``kind`` (``level``, ``score``, ``frequency``), in scale order."""
    return [choice(kind, v, lang) for v in (FREQUENCIES if kind == "frequency" else _VALUES[kind])]


@functools.cache
def _labels(kind: str) -> dict[str, int | str]:
    """The labels of a level, score or frequency (no number), folded by :func:`normalise`, in every language,
    and those of earlier forms; made once per kind."""
    values = FREQUENCIES if kind == "frequency" else _VALUES[kind]
    found: dict[str, int | str] = {normalise(t(_KEYS[kind].format(value), lang)): value
                                   for value in values for lang in LANGS}
    for label, value in _FORMER.get(kind, {}).items():
        found.setdefault(normalise(label), value)
    return found


def _number(kind: str, text: str, low: int, high: int) -> int:
    """A number, a drop-down text (``3 – Afstemmen``, the label of that very number) or a label alone.

    Only a label is folded (case, accents, punctuation) before it is looked up: the number is read as
    written, so a sign or a second number (``-1``, ``2 - 3``) is never dropped.
    """
    text = str(text).strip()
    found = _NUMBER.fullmatch(text)
    if found:
        number = float(found.group(1).replace(",", "."))
        if not number.is_integer() or not low <= number <= high:
            raise BadValue(reason(f"out_of_range.{kind}", value=text, low=low, high=high))
        return int(number)
    labels = _labels(kind)
    found = _NUMBERED.fullmatch(text)
    if found and labels.get(normalise(found.group(2))) == int(found.group(1)):
        return int(found.group(1))
    if not found and _LETTER.match(text) and (named := labels.get(normalise(text))) is not None:
        return int(named)
    raise BadValue(reason(f"not_a.{kind}", value=text, low=low, high=high))


def parse_level(text: str) -> int:
    """The level (0-5) a cell names; :class:`~collabnet.errors.BadValue` with the reason when it names none."""
    return _number("level", text, LEVELS[0], LEVELS[-1])


def parse_score(text: str) -> int:
    """A trust or value item's rating (1-4); :class:`~collabnet.errors.BadValue` with the reason when it is not one."""
    return _number("score", text, SCORES[0], SCORES[-1])


def parse_frequency(text: str) -> str:
    """The frequency code a cell names (its label in any language, or the code).

    >>> parse_frequency("Elke week"), parse_frequency("monthly"), parse_frequency("Environ chaque mois")
    ('weekly', 'monthly', 'monthly')
    """
    folded = normalise(text)
    found = _labels("frequency").get(folded, folded if folded in FREQUENCIES else None)
    if found is None:
        raise BadValue(reason("bad_frequency", value=text, choices=", ".join(FREQUENCIES)))
    return str(found)


def score_mean(ratings: Iterable[int | float | None]) -> float | None:
    """The mean of the ratings given (None when none is): a PARTNER score of one answer."""
    given = [float(r) for r in ratings if r is not None]
    return round(sum(given) / len(given), 6) if given else None

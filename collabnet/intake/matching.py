"""Matching free-typed organisation names to the actors of a dataset, across Dutch and French.

A sign-in sheet says ``OCMW Vorst``, ``C.P.A.S. Forest`` or ``cpas forest``; the
dataset knows ``CPAS de Forest``. Matching has two steps, each explainable:

1. :func:`name_key` folds a name to its *key*: accents, case and punctuation
   go; dotted acronyms close up (``C.P.A.S.`` -> ``cpas``); legal forms and
   little words go (``asbl``, ``vzw``, ``de``, ``van``); Dutch and French words
   for the same thing become one word (``OCMW`` = ``CPAS``, ``MM`` =
   ``maison médicale`` = ``wijkgezondheidscentrum``); a municipality in
   either language, or its postal code, becomes one token (``Vorst`` =
   ``Forest`` = ``1190``). The words of a key are sorted, so word order does
   not count.
2. :class:`Matcher` compares a key with every name of every actor (``name``
   and the optional ``name_nl`` / ``name_fr`` / ``alias`` columns, plus the
   initials of a long name: ``LUSS``) with :func:`similarity` (0-100), and decides: **matched** when the best score reaches
   :data:`AUTO` and no other actor comes within :data:`MARGIN` of it;
   otherwise **review**, with the best candidates. Nothing below
   :data:`CANDIDATE` is offered as a candidate.

The same matcher serves any list that names organisations (sign-in sheets,
member lists, a survey's partners).

Examples
--------
>>> name_key("C.P.A.S. de Forest asbl"), name_key("OCMW Vorst"), name_key("CPAS 1190")
('cpas forest', 'cpas forest', 'cpas forest')
>>> name_key("MM Santé plurielle") == name_key("Maison Médicale Santé Plurielle")
True
>>> m = Matcher([("cpas-forest", ["CPAS de Forest"]), ("cpas-ixelles", ["CPAS d'Ixelles", "OCMW Elsene"])])
>>> found = m.match("OCMW Vorst")
>>> found.status, found.actor, found.score
('matched', 'cpas-forest', 100.0)
>>> m.match("CPAS").status
'review'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from collabnet.codes import BUILTIN_ZONES, normalise
from collabnet.errors import english
from collabnet.records.messages import Message, Number

__all__ = ["AUTO", "MARGIN", "CANDIDATE", "similarity", "Candidate", "Match", "Matcher", "name_key", "initials", "measure"]

#: A name is matched without review from this score on (0-100) ...
AUTO = 90.0
#: ... and only when the next actor scores at least this much lower.
MARGIN = 8.0
#: Actors scoring below this are not offered as candidates for review.
CANDIDATE = 50.0

# Legal forms and little words that carry no identity ("de", "van", "asbl", "vzw").
_DROPPED = frozenset("""
    asbl vzw aisbl ivzw npo a s b l v z w sprl bvba srl bv nv sa
    de du des la le les l d un une van het voor v en et the of and a pour sur op in aan te ter den der
""".split())

# One word for what both languages (and common abbreviations) call the same thing. Phrases are
# matched on the folded words, the longest first; each becomes the key word on the right.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "cpas": ("ocmw", "cpas", "centre public d action sociale", "openbaar centrum voor maatschappelijk welzijn"),
    "mm": ("mm", "maison medicale", "maisons medicales", "wijkgezondheidscentrum", "wgc"),
    "ssm": ("ssm", "service de sante mentale", "service sante mentale", "centre de sante mentale", "cgg",
            "centrum voor geestelijke gezondheidszorg", "centrum geestelijke gezondheidszorg"),
    "coordsoc": ("coordination sociale", "coord sociale", "sociale coordinatie"),
    "saint": ("saint", "sint", "st", "sankt"),
    "sainte": ("sainte", "ste"),
    "brussels": ("brussel", "bruxelles", "brussels", "bxl"),
    "clinique": ("clinique", "kliniek", "clinic"),
    "hopital": ("hopital", "ziekenhuis", "hospital"),
    "centre": ("centre", "centrum", "center"),
    "service": ("service", "dienst"),
    "sante": ("sante", "gezondheid", "health"),
    "mutualite": ("mutualite", "mutualiteit", "ziekenfonds", "mutualiteiten", "mutualites"),
}


def _phrase_table() -> dict[tuple[str, ...], str]:
    """Folded phrase (as words) -> key word: the synonyms, then every municipality spelling and postal code."""
    table: dict[tuple[str, ...], str] = {}
    for word, phrases in _SYNONYMS.items():
        for phrase in phrases:
            table[_as_words(phrase)] = word
    for _zone, names, postal_codes in BUILTIN_ZONES:
        municipality = "".join(_as_words(names[0]))  # one token: "saintgilles", "forest"
        for name in names:
            table.setdefault(_as_words(name), municipality)
        for code in postal_codes:
            table.setdefault((code,), municipality)
    return table


_ONE_WORD = {phrase: word for word, phrases in _SYNONYMS.items() for phrase in phrases if " " not in phrase}


def _as_words(text: str) -> tuple[str, ...]:
    """Folded words, each single-word synonym replaced ("Sint-Gillis" -> ("saint", "gillis"))."""
    return tuple(_ONE_WORD.get(w, w) for w in normalise(text).split())


_PHRASES = _phrase_table()
_LONGEST = max(len(p) for p in _PHRASES)
_DOTTED = re.compile(r"\b(?:[^\W\d_]\.){2,}(?:[^\W\d_]\b)?")


def _words(name: str) -> list[str]:
    """Folded words of a name, dotted acronyms closed up ("C.P.A.S." -> "cpas")."""
    closed = _DOTTED.sub(lambda m: m.group(0).replace(".", "") + " ", str(name))
    return normalise(closed).split()


def name_key(name: str) -> str:
    """The matching key of an organisation name: folded, synonyms joined, little words dropped, words sorted.

    >>> name_key("Forest - CPAS"), name_key("Service de Santé Mentale Le Méridien")
    ('cpas forest', 'meridien ssm')
    >>> name_key("Huis v. Gezondheid vzw"), name_key("Sociale coördinatie Vorst")
    ('huis sante', 'coordsoc forest')
    """
    words = [_ONE_WORD.get(w, w) for w in _words(name)]
    key: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(_LONGEST, len(words) - i), 0, -1):
            phrase = tuple(words[i:i + size])
            if phrase in _PHRASES:
                key.append(_PHRASES[phrase])
                i += size
                break
        else:
            if words[i] not in _DROPPED:
                key.append(words[i])
            i += 1
    return " ".join(sorted(dict.fromkeys(key)))


def initials(name: str) -> str:
    """The initials of a name of three or more significant words (``LUSS``), else empty.

    >>> initials("Ligue des Usagers des Services de Santé"), initials("CPAS de Forest")
    ('luss', '')
    """
    words = [w for w in _words(name) if w not in _DROPPED and not w.isdigit()]
    return "".join(w[0] for w in words) if len(words) >= 3 else ""


def similarity(key: str, other: str) -> float:
    """How alike two keys are (0-100): the mean of rapidfuzz's ``ratio`` and ``token_set_ratio``.

    ``ratio`` compares the whole keys (a typo costs a little, an extra word
    more); ``token_set_ratio`` compares the words they share with the rest,
    so ``Santé Plurielle`` stays close to ``Maison médicale Santé Plurielle``.
    Only identical keys score 100. On the bilingual test list this mean beat
    either score alone and difflib (README, "Matching organisation names").

    >>> similarity("cpas forest", "cpas forest"), similarity("cpas forrest", "cpas forest")
    (100.0, 95.65217391304348)
    """
    return (fuzz.ratio(key, other) + fuzz.token_set_ratio(key, other)) / 2


@dataclass(frozen=True)
class Candidate:
    """An actor a name may mean: its id, the actor's name that scored best, and the score (0-100)."""

    actor: str
    name: str
    score: float


@dataclass(frozen=True)
class Match:
    """What a name was matched to.

    ``status`` is ``matched`` (``actor`` is set), ``review`` (a person must
    decide among ``candidates``, possibly none) or ``empty`` (no name given).
    ``message`` says why (a message of :mod:`collabnet.words.intake`), ``reason`` in English.
    """

    text: str
    status: str
    actor: str
    score: float
    candidates: tuple[Candidate, ...]
    message: Message

    @property
    def reason(self) -> str:
        """Why, in English (the review file's ``reason`` column)."""
        return english(self.message)


class Matcher:
    """Match organisation names to actors.

    Parameters
    ----------
    actors : iterable of (actor id, names)
        Every name an actor is known by (official names in both languages, aliases).
    auto, margin, candidate : float
        The thresholds (see :data:`AUTO`, :data:`MARGIN`, :data:`CANDIDATE`).
    """

    def __init__(self, actors: Iterable[tuple[str, Sequence[str]]], *, auto: float = AUTO,
                 margin: float = MARGIN, candidate: float = CANDIDATE,
                 scorer: Callable[[str, str], float] | None = None):
        self.auto, self.margin, self.candidate = auto, margin, candidate
        self.scorer = scorer or similarity
        self._keys: list[tuple[str, str, str]] = []  # (key, actor id, the name it comes from)
        for actor, names in actors:
            for name in names:
                if not name:
                    continue
                for key in (name_key(name), initials(name)):
                    if key:
                        self._keys.append((key, actor, name))

    def scores(self, text: str) -> list[Candidate]:
        """Every actor with its best score for ``text``, best first (ties by actor id)."""
        key = name_key(text)
        best: dict[str, Candidate] = {}
        for other, actor, name in self._keys:
            score = 100.0 if key == other else round(float(self.scorer(key, other)), 1)
            if actor not in best or score > best[actor].score:
                best[actor] = Candidate(actor, name, score)
        return sorted(best.values(), key=lambda c: (-c.score, c.actor))

    def match(self, text: str, keep: int = 3) -> Match:
        """Match one name; ``keep`` candidates at most are kept for review."""
        if not name_key(text):
            return Match(text, "empty", "", 0.0, (), _says("no_name"))
        ranked = self.scores(text)
        offered = tuple(c for c in ranked if c.score >= self.candidate)[:keep]
        if not offered:
            return Match(text, "review", "", 0.0, (), _says("none", candidate=score_number(self.candidate)))
        best = offered[0]
        runner_up = ranked[1].score if len(ranked) > 1 else 0.0
        if best.score < self.auto:
            return Match(text, "review", "", best.score, offered, _says("below", best=score_number(best.score),
                                                                           auto=score_number(self.auto)))
        if best.score - runner_up < self.margin:
            return Match(text, "review", "", best.score, offered,
                         _says("ambiguous", other=ranked[1].actor, score=score_number(runner_up),
                               margin=score_number(self.margin),
                               best=best.actor))
        return Match(text, "matched", best.actor, best.score, offered, _says("matched", score=score_number(best.score),
                                                                             name=best.name))


def score_number(score: float) -> Number:
    """A score as the reader's language writes a number, with the decimals it has (``93.5``, ``93,5`` in
    Dutch and French; ``100``).

    >>> from collabnet.words import plain
    >>> [plain(lang).put(score_number(s)) for lang, s in (("en", 93.5), ("fr", 93.5), ("nl", 100.0))]
    ['93.5', '93,5', '100']
    """
    text = f"{score:g}"
    return Number(score, len(text.partition(".")[2]) if "e" not in text else 1)


def _says(key: str, **fields) -> Message:
    return Message(f"import.match.{key}", tuple(fields.items()))


def measure(matcher: Matcher, cases: Iterable[tuple[str, str]]) -> dict[str, float | int]:
    """Precision and recall of automatic matches on (name, expected actor id or "") pairs.

    Precision: automatic matches that are right / automatic matches.
    Recall: right automatic matches / names whose actor is in the dataset.
    Everything not matched automatically goes to review, so a miss costs a
    person's decision, a wrong match costs a wrong network.

    >>> m = Matcher([("a", ["CPAS de Forest"]), ("b", ["Brusano"])])
    >>> measure(m, [("OCMW Vorst", "a"), ("brusano vzw", "b"), ("CPAS Jette", ""), ("Bru", "b")])
    {'cases': 4, 'automatic': 2, 'right': 2, 'wrong': 0, 'review': 2, 'precision': 1.0, 'recall': 0.666667}
    """
    automatic = right = review = total = expected = 0
    for text, actor in cases:
        total += 1
        expected += bool(actor)
        found = matcher.match(text)
        if found.status == "matched":
            automatic += 1
            right += found.actor == actor
        else:
            review += 1
    return {"cases": total, "automatic": automatic, "right": right, "wrong": automatic - right, "review": review,
            "precision": round(right / automatic, 6) if automatic else 1.0,
            "recall": round(right / expected, 6) if expected else 1.0}

"""Findings in words, the same way in every renderer (report, terminal, workbook).

What a gap lies between, a number in the reader's convention: one rule
each, so that the terminal, the report and analysis.xlsx never disagree.

Examples
--------
>>> from collabnet.words import Vocabulary
>>> nl = Vocabulary("nl", sector_names={"elderly": "Ouderenzorg", "medical": "Medische zorg"})
>>> between(nl, "sector_pair", "elderly", "medical"), between(nl, "line_gap", 1, 2)
('Ouderenzorg en Medische zorg', 'eerste lijn en tweede lijn')
>>> number(nl, 3.14159, 2), number(Vocabulary("en"), -0.0001, 2), number(nl, None, 1)
('3,14', '0.00', 'n.v.t.')
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

__all__ = ["between", "missing", "number", "value"]


def missing(value: Any) -> bool:
    """None, ``pd.NA``, ``""`` or NaN."""
    if value is None or value is pd.NA or value == "":
        return True
    return isinstance(value, float) and math.isnan(value)


def value(words, kind: str, code: Any) -> str:
    """Display name of a sector, family, care line or language code, by the kind of finding it belongs to."""
    if kind in ("sector", "sector_pair", "weak_sector_pair", "sector_missing"):
        return words.sector(code)
    if kind in ("line", "line_gap"):
        return words.line(None if missing(code) else code)
    if kind in ("language", "language_gap"):
        return words.coded("language", code)
    if kind in ("family", "family_pair", "weak_family_pair"):
        return words.coded("family", code)
    return str(code)


def between(words, kind: str, a: Any, b: Any) -> str:
    """``a and b`` of a gap (or a cut tie) in words; ``a`` alone where ``b`` is empty."""
    if missing(b):
        return value(words, kind, a)
    return words.word("report.pair", a=value(words, kind, a), b=value(words, kind, b))


def number(words, amount: Any, digits: int) -> str:
    """``amount`` with ``digits`` decimals (decimal comma in Dutch and French); n/a when missing; never ``-0``."""
    if missing(amount):
        return words.word("report.not_available")
    text = f"{float(amount):.{digits}f}"
    if float(text) == 0:
        text = text.lstrip("-")
    return text.replace(".", ",") if words.lang in ("nl", "fr") else text


def requirements(words, codes) -> str:
    """Workshop requirements (``family:welfare``, ``line:2``) as words, families first.

    >>> from collabnet.words import Vocabulary
    >>> requirements(Vocabulary("en"), ["line:2", "family:welfare"])
    'welfare and second line'
    """
    order = {"family:health": 0, "family:welfare": 1, "family:other": 2}
    found = []
    for code in sorted(codes, key=lambda c: (order.get(str(c), 3), str(c))):
        kind, _, value = str(code).partition(":")
        found.append(words.line(None if value in ("", "None") else int(value)) if kind == "line"
                     else words.coded(kind, value))
    return words.both(found) or "–"


def percent(words, share: float) -> str:
    """A share as a whole percentage, with the French space before ``%``.

    >>> from collabnet.words import Vocabulary
    >>> percent(Vocabulary("fr"), 0.456), percent(Vocabulary("nl"), 1.0)
    ('46 %', '100%')
    """
    return f"{round(share * 100)}" + (" %" if words.lang == "fr" else "%")

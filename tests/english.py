"""Is a text English? The detector the language tests share (reports, rationales, problems of the input).

Each word below is one only an English sentence has: none of them is Dutch or
French. Each test that uses the detector has a control test: the English text
of what it checks is found, every line of it, so a pass in Dutch or French means
something. Take the data out first (names, quoted values, file names): they
are the same in every language, and some are English (``Care in the City``).
"""

from __future__ import annotations

import re

__all__ = ["ENGLISH", "without_names", "without_data"]

# Sentences of the reports and rationales (the/through/who...), then of the problems of the input, then
# of the command line's errors.
ENGLISH = re.compile(r"\b(the|through|who|works|with both|introduce|invite|ask|link|links|zone has|yet"
                     r"|not|is empty|unknown|duplicate|did you mean|expected|left out|warning|row|rows|read|used"
                     r"|with|without|itself|cannot|error|kept|ignored|weight|merged|sheet|file|header|none"
                     r"|and|after|required|such|graph|identify)\b")


def without_names(text: str, words) -> str:
    """The text with the dataset's names (some are English: "Care in the City") and command names taken out."""
    names = sorted({str(n) for n in (*words.actor_names.values(), *words.group_names.values()) if n}, key=len)
    for name in reversed(names):
        text = text.replace(name, "")
    return re.sub(r"collabnet \w+ \w+", "", text)


def without_data(text: str) -> str:
    """A command's message without what comes from the data: quoted values, file names and paths, codes in
    backquotes, options (``--sector-map``).

    >>> without_data("actors.csv:2: kind: unknown kind 'persn' (did you mean 'person'?)")
    ':2: kind: unknown kind  (did you mean ?)'
    """
    text = re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`", "", text)
    text = re.sub(r"--[\w-]+", "", text)
    return re.sub(r"[\w./-]+\.(csv|txt|json|xlsx)(\[[^\]]*\])?", "", text)

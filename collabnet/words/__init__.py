"""Every word collabnet shows a user, in Dutch, French and English: one vocabulary.

The messages live in topic modules of this package (``collabnet.words.render``
for the reports, views and workbooks, and one module per further topic), each
a flat ``LABELS`` dictionary: message id -> ``{"nl": ..., "fr": ..., "en": ...}``.
This module merges them once; a message id may be defined only once, and
every message has the three languages. :func:`t` looks a message up, with one
rule for an unknown language: a :class:`ValueError` that names the languages.

Examples
--------
>>> t("kind.person", "fr")
'personne'
>>> t("view.found", "nl", n=3)
'3 gevonden'
>>> t("kind.person", "de")
Traceback (most recent call last):
...
ValueError: unknown language 'de': use one of nl, fr, en
"""

from __future__ import annotations

import functools
import importlib

from collabnet.codes import LANGS

__all__ = ["LABELS", "LANGS", "TOPICS", "Vocabulary", "t", "check_language", "plain"]

#: Topic modules of this package whose ``LABELS`` make up the vocabulary.
TOPICS = ("render", "sentences", "survey", "views", "plan", "problems", "intake")


def _merged() -> dict[str, dict[str, str]]:
    labels: dict[str, dict[str, str]] = {}
    for topic in TOPICS:
        table = importlib.import_module(f"collabnet.words.{topic}").LABELS
        for key, message in table.items():
            if key in labels:
                raise RuntimeError(f"message {key!r} is defined twice (collabnet.words.{topic})")
            if set(message) != set(LANGS):
                raise RuntimeError(f"message {key!r} (collabnet.words.{topic}) must have exactly {', '.join(LANGS)}")
            labels[key] = message
    return labels


LABELS: dict[str, dict[str, str]] = _merged()


def check_language(lang: str) -> str:
    """``lang`` in canonical form (``"NL"`` -> ``"nl"``), or a ValueError naming the languages.

    >>> check_language(" FR ")
    'fr'
    """
    code = str(lang).strip().lower()
    if code not in LANGS:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
    return code


def t(key: str, lang: str = "en", **fields: object) -> str:
    """The message ``key`` in language ``lang``, with ``str.format`` fields filled in.

    Parameters
    ----------
    key : str
        A message id of :data:`LABELS`.
    lang : {"nl", "fr", "en"}
        Language (any case).
    **fields
        Values for the message's ``{name}`` fields.

    Raises
    ------
    KeyError
        When ``key`` is not a message id (a typo in the caller).
    ValueError
        When ``lang`` is not one of :data:`LANGS`.

    Examples
    --------
    >>> t("view.counts", "en", nodes=3, edges=2)
    '3 nodes, 2 links'
    """
    lang = check_language(lang)
    try:
        message = LABELS[key][lang]
    except KeyError:
        raise KeyError(f"no message {key!r} in collabnet.words") from None
    return message.format(**fields) if fields else message


from collabnet.words.vocabulary import Vocabulary  # noqa: E402  (it reads LABELS above)


@functools.cache
def plain(lang: str = "en") -> Vocabulary:
    """The vocabulary of no dataset in ``lang`` (one per language): for messages about the input and the command line.

    >>> from collabnet.errors import reason
    >>> plain("nl").say(reason("empty", column="kind"))
    'lege cel'
    """
    return Vocabulary(lang)

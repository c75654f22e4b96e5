"""Sentences without a language: what an action or a plan says, to be put in words by a reader's vocabulary.

An analysis decides *what* a sentence says (which template, which actors,
which sectors); :class:`collabnet.words.Vocabulary` decides *how* it reads in
Dutch, French or English. A :class:`Message` is a template key of
:mod:`collabnet.words.sentences` and its fields. A field holds plain data
(a number, an id, a group's name: written as it is), another Message, or a
reference that each language names its own way:

:class:`Name`
    an actor, by its display name;
:class:`Names`
    several actors (``A, B, C and 2 more``);
:class:`ZoneRef`
    a zone as a phrase in a sentence (``the South zone``, ``zone Zuid``, ``la zone Sud``);
:class:`Label`
    a sector (quoted), a family, a care line or a language network as a phrase;
:class:`SectorName`, :class:`LineName`
    the plain display name of a sector or a care line;
:class:`GroupName`
    a group, by its name;
:class:`Both`
    messages joined as a list (``a, b and c``);
:class:`Joined`
    messages joined by a separator of their own (``; ``, a line break);
:class:`Number`
    a number written as the language writes it (``20,000,000``, ``20.000.000``, ``20 000 000``).

Examples
--------
>>> m = say("single_tie", x=Name("gp"))
>>> m
Message(key='say.single_tie', fields=(('x', Name(actor='gp')),))
>>> m.field("x")
Name(actor='gp')
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

__all__ = ["Both", "GroupName", "Joined", "Label", "LineName", "Message", "Name", "Names", "Number", "SectorName",
           "ZoneRef", "say"]


@dataclass(frozen=True, slots=True)
class Message:
    """A sentence or a phrase: a template key of the vocabulary and its fields, in template order."""

    key: str
    fields: tuple[tuple[str, Any], ...] = ()

    def field(self, name: str, default: Any = None) -> Any:
        """The value of field ``name`` (``default`` when the message has none)."""
        return next((value for key, value in self.fields if key == name), default)


@dataclass(frozen=True)
class Name:
    """An actor named by its display name."""

    actor: Hashable


@dataclass(frozen=True)
class Names:
    """Actors named in a list, the first ``limit`` by name, then how many more."""

    actors: tuple
    limit: int = 3


@dataclass(frozen=True)
class ZoneRef:
    """A zone (or ``region``) as a phrase in a sentence."""

    code: str


@dataclass(frozen=True)
class Label:
    """A value of ``sector``, ``family``, ``line`` or ``language`` as a phrase in a sentence."""

    attribute: str
    value: Any


@dataclass(frozen=True)
class SectorName:
    """A sector's plain display name (no quotes)."""

    code: Any


@dataclass(frozen=True)
class LineName:
    """A care line's plain display name (``2nd line``)."""

    line: Any


@dataclass(frozen=True)
class GroupName:
    """A group named by its display name."""

    group: str


@dataclass(frozen=True)
class Both:
    """Phrases joined as a list: ``a``, ``a and b``, ``a, b and c``."""

    parts: tuple


@dataclass(frozen=True)
class Joined:
    """Phrases joined by ``separator`` as they are (``a; b; c``)."""

    parts: tuple
    separator: str


@dataclass(frozen=True)
class Number:
    """A number with its thousands grouped and ``digits`` decimals, as the reader's language writes it."""

    value: int | float
    digits: int = 0


def say(template: str, **fields: Any) -> Message:
    """The sentence ``template`` (a key of :mod:`collabnet.words.sentences` without its ``say.`` prefix).

    >>> say("via", w=Name("net")).key
    'say.via'
    """
    return Message(f"say.{template}", tuple(fields.items()))

"""One reader's vocabulary: every word of every output in one language, names of the dataset included.

A :class:`Vocabulary` is what renderers (tables, reports, views, terminal,
workbooks) put results in words with: message ids of :mod:`collabnet.words`,
the dataset's own names (actors, sectors, zones, groups) and the sentences of
actions and plans (:class:`collabnet.records.messages.Message`). The analyses
never choose a language; the vocabulary does, once, at the end.

Examples
--------
>>> import networkx as nx
>>> from collabnet.records.messages import Label, Name, ZoneRef, say
>>> G = nx.Graph(sector_names={"nl": {"housing": "Wonen en thuisloosheid"}})
>>> G.add_node("gp", name="GP Zuid")
>>> nl = Vocabulary.of(G, "nl")
>>> nl.say(say("sector_pair", a=Label("sector", "housing"), b=Label("family", "welfare"), zone=ZoneRef("south")))
'‘Wonen en thuisloosheid’ en de welzijnssector werken in zorgzone Zuid nog niet samen'
>>> nl.say(say("single_tie", x=Name("gp")))
'GP Zuid hangt af van één enkele partner'
>>> Vocabulary.of(G, "de")
Traceback (most recent call last):
...
ValueError: unknown language 'de': use one of nl, fr, en
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import Any

from collabnet.codes import BUILTIN_ZONE_NAMES, LANGS, REGION, normalise
from collabnet.records.messages import Both, GroupName, Joined, Label, LineName, Message, Name, Names, Number, SectorName, ZoneRef

__all__ = ["Vocabulary", "singular"]


class Vocabulary:
    """Words in one language (``nl``, ``fr``, ``en``) for the outputs about one graph.

    Parameters
    ----------
    lang : str
        ``nl``, ``fr`` or ``en`` (any case); any other value is a ValueError.
    actor_names : mapping, optional
        Actor id -> display name (an actor missing here is named by its id).
    sector_names : mapping, optional
        Sector code -> display name in ``lang``.
    zone_names : mapping, optional
        Zone code -> display name in ``lang`` (the built-in zones are known anyway).
    group_names : mapping, optional
        Group id -> display name.
    """

    def __init__(self, lang: str, *, actor_names: Mapping[Hashable, Any] | None = None,
                 sector_names: Mapping[str, str] | None = None, zone_names: Mapping[str, str] | None = None,
                 group_names: Mapping[str, str] | None = None):
        from collabnet.words import LABELS, check_language

        self.lang = check_language(lang)
        self.labels = LABELS
        self.actor_names = actor_names if actor_names is not None else {}
        self.sector_names = dict(sector_names or {})
        self.zone_names = dict(zone_names or {})
        self.group_names = dict(group_names or {})
        self._words: dict[str, str] = {}

    @classmethod
    def of(cls, G, lang: str, *, groups=None) -> Vocabulary:
        """The vocabulary of graph ``G``: names from its nodes, sectors and zones from ``G.graph``.

        ``G.graph["sector_names"]`` and ``G.graph["zone_names"]`` (language ->
        code -> name) are what :func:`collabnet.graph.build_actor_graph` stores;
        ``groups``: the dataset's groups table, for the groups' names.
        """
        from collabnet.words import check_language

        lang = check_language(lang)
        names = dict(zip(groups["id"], groups["name"])) if groups is not None and len(groups) else {}
        return cls(lang, actor_names=_NodeNames(G), sector_names=(G.graph.get("sector_names") or {}).get(lang),
                   zone_names=(G.graph.get("zone_names") or {}).get(lang), group_names=names)

    @classmethod
    def for_analysis(cls, analysis, lang: str) -> Vocabulary:
        """The vocabulary of an analysis record: its graph's names and its dataset's groups."""
        return cls.of(analysis.graph, lang, groups=analysis.dataset.groups)

    # ----- message ids
    def word(self, key: str, **fields: object) -> str:
        """Message ``key`` of :mod:`collabnet.words` (a KeyError for an unknown id)."""
        if not fields:
            found = self._words.get(key)
            if found is None:
                found = self._words[key] = self._message(key)
            return found
        return self._message(key).format(**fields)

    def __getitem__(self, key: str) -> str:
        """``words["report.col.name"]``: :meth:`word` without fields (as the templates write it)."""
        return self.word(key)

    def _message(self, key: str) -> str:
        try:
            return self.labels[key][self.lang]
        except KeyError:
            raise KeyError(f"no message {key!r} in collabnet.words") from None

    def coded(self, prefix: str, code: Any) -> str:
        """The word for a code (``gap.sector_pair``, ``kind.person``); the code itself when there is none."""
        key = f"{prefix}.{code}"
        return self.word(key) if key in self.labels else str(code)

    # ----- names
    def name(self, actor: Hashable) -> str:
        """An actor's display name (its id when it has none)."""
        return str(self.actor_names.get(actor) or actor)

    def names(self, actors: Iterable[Hashable], limit: int = 3) -> str:
        """``A, B, C and 2 more``."""
        shown = [self.name(v) for v in actors]
        if len(shown) <= limit:
            return ", ".join(shown)
        return self.word("say.more", shown=", ".join(shown[:limit]), n=len(shown) - limit)

    def group(self, group: str) -> str:
        return str(self.group_names.get(group) or group)

    def sector(self, code: Any) -> str:
        """A sector's display name (the code when the taxonomy has none)."""
        return str(self.sector_names.get(code, code))

    def zone_name(self, code: str) -> str:
        """A zone's display name (``Zuid``), the region's (``Gewest``)."""
        if code in self.zone_names and self.zone_names[code]:
            return str(self.zone_names[code])
        if code == REGION:
            return self.word("zone.region")
        if code in BUILTIN_ZONE_NAMES:
            return BUILTIN_ZONE_NAMES[code][LANGS.index(self.lang)]
        return str(code)

    def zone_phrase(self, code: str) -> str:
        """A zone in a sentence: ``care zone South`` / ``zorgzone Zuid`` / ``le bassin Sud`` / ``the region``."""
        if code == REGION:
            return self.word("say.region")
        name = self.zone_name(code)
        # a dataset's own name that already says "zone" (``Zone Sud``) is not put in the phrase twice
        return name if _ZONE_NOUNS & set(normalise(name).split()) else self.word("say.zone").format(name)

    def line(self, line: Any) -> str:
        """A care line's name (``first line``); ``no line`` when missing."""
        if line is None or line == "" or (isinstance(line, float) and line != line):
            return self.word("line.none")
        return self.coded("line", int(line))

    def label(self, attribute: str, value: Any) -> str:
        """A sector (quoted), family, care line or language network as a phrase in a sentence."""
        if attribute == "sector":
            return self.word("say.quoted").format(self.sector(value))
        if attribute == "line":
            return self.word("say.line").format(self.line(value))
        key = f"say.{attribute}.{value}"
        return self.word(key) if key in self.labels else str(value)

    def both(self, phrases: list[str]) -> str:
        """``a``, ``a and b``, ``a, b and c``."""
        if len(phrases) < 2:
            return "".join(phrases)
        return ", ".join(phrases[:-1]) + self.word("say.and") + phrases[-1]

    # ----- sentences
    def say(self, message: Message | str | None) -> str:
        """A :class:`~collabnet.records.messages.Message` in words (text is returned as it is)."""
        if message is None:
            return ""
        if not isinstance(message, Message):
            return str(message)
        key = message.key
        if f"{key}.one" in self.labels and singular(self.lang, message.field("n")):
            key += ".one"  # the singular form of a sentence that counts (``1 actor``)
        return self._message(key).format(**{k: self.put(v) for k, v in message.fields})

    def count(self, key: str, n: int, **fields: object) -> str:
        """Message ``key`` counting ``n`` things, in its singular form ``key.one`` where the language wants it.

        >>> fr, nl = Vocabulary("fr"), Vocabulary("nl")
        >>> fr.count("count.actors", 0), fr.count("count.actors", 2), nl.count("count.actors", 1)
        ('0 acteur', '2 acteurs', '1 actor')
        """
        one = f"{key}.one"
        return self.word(one if one in self.labels and singular(self.lang, n) else key, n=n, **fields)

    def put(self, value: Any) -> str:
        """One field of a message in words."""
        if type(value) is str or type(value) is int:  # most fields: data written as it is (an id, a row number)
            return str(value)
        if isinstance(value, Message):
            return self.say(value)
        if isinstance(value, Name):
            return self.name(value.actor)
        if isinstance(value, Names):
            return self.names(value.actors, value.limit)
        if isinstance(value, GroupName):
            return self.group(value.group)
        if isinstance(value, ZoneRef):
            return self.zone_phrase(value.code)
        if isinstance(value, Label):
            return self.label(value.attribute, value.value)
        if isinstance(value, SectorName):
            return self.sector(value.code)
        if isinstance(value, LineName):
            return self.line(value.line)
        if isinstance(value, Both):
            return self.both([self.put(part) for part in value.parts])
        if isinstance(value, Joined):
            return value.separator.join(self.put(part) for part in value.parts)
        if isinstance(value, Number):
            return self.number(value.value, value.digits)
        return "" if value is None else str(value)

    def number(self, value: int | float, digits: int = 0) -> str:
        """A number with its thousands grouped: ``1,024.5`` in English, ``1.024,5`` in Dutch, ``1 024,5`` in French.

        >>> [Vocabulary(lang).number(20_000_000) for lang in ("en", "nl", "fr")]
        ['20,000,000', '20.000.000', '20 000 000']
        >>> Vocabulary("nl").number(5.04, 1)
        '5,0'
        """
        text = f"{value:,.{digits}f}"
        if self.lang == "en":
            return text
        return text.translate(str.maketrans({",": "." if self.lang == "nl" else " ", ".": ","}))


_ZONE_NOUNS = frozenset({"zone", "zorgzone", "bassin"})


def singular(lang: str, n: object) -> bool:
    """Whether ``n`` things take the singular in ``lang``: 1 in Dutch and English, 0 and 1 in French.

    >>> singular("fr", 0), singular("nl", 0), singular("en", 1), singular("nl", None)
    (True, False, True, False)
    """
    if isinstance(n, bool) or not isinstance(n, int):
        return False
    return n in (0, 1) if lang == "fr" else n == 1


class _NodeNames(Mapping):
    """Actor id -> the ``name`` attribute of its node (a read-only view of the graph's names).

    On the organisation graph the persons folded into an organisation are no
    nodes, but they are named (who carries a link): their data is in
    ``G.graph["folded"]`` (:func:`collabnet.organisations.organisation_graph`).
    """

    def __init__(self, G):
        self.nodes = G.nodes
        self.folded = G.graph.get("folded") or {}

    def __getitem__(self, v):
        if v in self.nodes:
            return self.nodes[v].get("name")
        return self.folded[v].get("name")

    def get(self, v, default=None):
        if v in self.nodes:
            return self.nodes[v].get("name")
        return self.folded[v].get("name") if v in self.folded else default

    def __iter__(self):
        yield from self.nodes
        yield from self.folded

    def __len__(self):
        return len(self.nodes) + len(self.folded)

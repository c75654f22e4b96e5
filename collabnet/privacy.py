"""Personal data: stable pseudonyms for persons, free text and contact data kept out of outputs.

Pseudonymisation happens on the dataset, before the graph is built, so every
output (tables, reports, views, exports, diffs) shows the same pseudonyms and
no renderer can forget one. A person's id and name both become
``person-`` and 16 hex digits of HMAC-SHA256 of the id under a secret key the
user keeps: the same key gives the same pseudonyms on every run, and without
the key they cannot be traced back. Two persons never share a pseudonym: 16
hex digits (64 bits) make a collision among 200,000 persons about one chance
in a billion (birthday bound n²/2⁶⁵ ≈ 1.1e-9; with 8 digits it was 99 %), and
:func:`pseudonyms` refuses one anyway.

What can hold personal data, and what becomes of it (:func:`pseudonymise`):

- persons' ``id`` and ``name``: the pseudonym;
- ``email`` and ``phone`` (of every actor): emptied;
- free text: actors' ``neighbourhood`` and every extra column of actors,
  groups, memberships and ties (``note``, ``contact_person``…) are dropped,
  unless named in ``keep`` (then kept for organisations, groups and links,
  cleaned; never for persons); a tie ``type`` or membership ``role`` that is
  not one of the contract's codes becomes ``other`` / empty;
- names of organisations and groups and groups' ``theme`` are kept, cleaned:
  a person's id or name written in them as a whole word becomes the pseudonym;
- problem texts (``summary.json``): see :func:`scrub_problem`.

Examples
--------
>>> pseudonym("p-gaetane", b"secret")
'person-6eb736ba05f3b156'
>>> replace_words(["call p1 or p10, not p1x"], {"p1": "person-a", "p10": "person-b"})
['call person-a or person-b, not p1x']
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from collabnet.errors import CollabnetError, reason

__all__ = ["pseudonym", "pseudonyms", "pseudonymise", "pseudonymise_actions", "without_contacts", "load_key",
           "check_key", "replace_words", "scrub_problem", "PrivacyError", "DEFAULT_KEY_FILE", "CONTACT_COLUMNS",
           "DIGITS", "MIN_KEY_BYTES", "HIDDEN"]

CONTACT_COLUMNS = ("email", "phone")
DEFAULT_KEY_FILE = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "collabnet" / "pseudonym.key"
#: Hex digits of a pseudonym: 64 bits, so that 200,000 persons collide with probability about 1e-9.
DIGITS = 16
#: The shortest key accepted: 32 bytes (a key collabnet makes is 64 hex digits of 32 random bytes).
MIN_KEY_BYTES = 32
#: What a value that may be personal and is no known code becomes in a problem text.
HIDDEN = "…"
PREFIX = "person-"
_MAX_KEY_FILE = 4096
_PSEUDONYM = re.compile(rf"{PREFIX}[0-9a-f]{{8,64}}")
# A word of an id or name: letters, digits, "_" and "-" ("Jean-Michel" is one word, "Michel" is not in it).
_WORD = r"[\w-]"
_WORDS = re.compile(r"\w+")
_QUOTED = re.compile(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"")
_DATE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")


def _long_number(text: str) -> bool:
    """Six digits or more that are not a date: a phone or register number, perhaps personal."""
    return sum(c.isdigit() for c in text) >= 6 and not _DATE.fullmatch(text.strip())


#: Problem columns whose values are actor ids: an unknown one becomes its pseudonym, not ``…``.
_ACTOR_COLUMNS = ("id", "actor", "source", "target", "organisation")


class PrivacyError(CollabnetError):
    """Pseudonymisation is impossible as asked: a key too short, a key file unusable, two persons on one pseudonym."""


# --------------------------------------------------------------------------- pseudonyms
def _digest(key: bytes, text: str) -> str:
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()


def pseudonym(actor_id: str, key: bytes) -> str:
    """The stable pseudonym of one person: ``person-`` and 16 hex digits of HMAC-SHA256 of the id."""
    return f"{PREFIX}{_digest(key, str(actor_id))[:DIGITS]}"


def pseudonyms(ids: Iterable[str], key: bytes, *, taken: Iterable[str] = (),
               where: Mapping[str, str] | None = None) -> dict[str, str]:
    """Id -> pseudonym for every id; two ids on one pseudonym (or a pseudonym that is an id in
    ``taken``, e.g. an organisation's) raise :class:`PrivacyError` instead of merging two persons.

    ``where`` (id -> ``actors.csv:5``) says where each id was read, for the message.

    >>> pseudonyms(["p1", "p2"], b"k" * 32) == {"p1": pseudonym("p1", b"k" * 32), "p2": pseudonym("p2", b"k" * 32)}
    True
    """
    where = where or {}
    mapping: dict[str, str] = {}
    owner: dict[str, str] = {v: v for v in taken}
    for actor_id in ids:
        name = pseudonym(actor_id, key)
        first = owner.setdefault(name, actor_id)
        if first != actor_id:
            places = [f"{x!r}" + (f" ({where[x]})" if x in where else "") for x in (first, actor_id)]
            raise PrivacyError(reason("pseudonym_collision", first=places[0], second=places[1], name=name))
        mapping[actor_id] = name
    return mapping


# --------------------------------------------------------------------------- the key
def check_key(key: bytes, source: str | os.PathLike = "the key") -> bytes:
    """``key`` if it is long enough to keep pseudonyms secret, else :class:`PrivacyError` naming ``source``.

    >>> check_key(b"short", "k.key")
    Traceback (most recent call last):
    ...
    collabnet.privacy.PrivacyError: k.key: the pseudonymisation key is 5 bytes long; at least 32 are needed ...
    """
    if len(key) < MIN_KEY_BYTES:
        what = reason("key_length", n=len(key)) if key else reason("key_empty")
        raise PrivacyError(reason("key_too_short", file=str(source), what=what, least=MIN_KEY_BYTES))
    return key


def load_key(path: str | os.PathLike | None = None) -> bytes:
    """Read the pseudonymisation key (at least :data:`MIN_KEY_BYTES`, surrounding white space ignored),
    creating a random one on first use, written atomically with mode 600.

    Raises
    ------
    PrivacyError
        The key is too short, the path is not a regular file, or the new key cannot be written.
    """
    key_file = Path(path) if path else DEFAULT_KEY_FILE
    try:
        info = key_file.stat()
    except FileNotFoundError:
        return _create_key(key_file)
    except OSError as exc:
        raise PrivacyError(reason("key_unreadable", file=str(key_file), error=str(exc.strerror or exc))) from None
    if stat.S_ISDIR(info.st_mode):
        raise PrivacyError(reason("key_is_folder", file=str(key_file)))
    if not stat.S_ISREG(info.st_mode):
        raise PrivacyError(reason("key_not_regular", file=str(key_file)))
    if info.st_size > _MAX_KEY_FILE:
        raise PrivacyError(reason("key_too_big", file=str(key_file), size=info.st_size, most=_MAX_KEY_FILE))
    try:
        key = key_file.read_bytes().strip()
    except OSError as exc:
        raise PrivacyError(reason("key_unreadable", file=str(key_file), error=str(exc.strerror or exc))) from None
    return check_key(key, key_file)


def _create_key(key_file: Path) -> bytes:
    """A new random key in ``key_file``: a private temporary file, then a link that never replaces a key
    another run made meanwhile. A full disk leaves no file at all, never an empty key."""
    import secrets

    key = secrets.token_hex(32).encode("ascii")
    try:
        key_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{key_file.name}.", suffix=".tmp", dir=key_file.parent)  # mode 600
    except OSError as exc:
        raise PrivacyError(reason("key_not_created", file=str(key_file), error=str(exc.strerror or exc))) from None
    try:
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(key + b"\n")
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            raise PrivacyError(reason("key_not_written", file=str(key_file),
                                      error=str(exc.strerror or exc))) from None
        try:
            os.link(tmp, key_file)
        except FileExistsError:  # another run made the key first: use that one
            return load_key(key_file)
        except OSError:  # a file system without hard links
            os.replace(tmp, key_file)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return key


# --------------------------------------------------------------------------- words in text
def replace_words(texts: Iterable[str], table: Mapping[str, str]) -> list[str]:
    """Every text with each key of ``table`` found as a whole word replaced by its value.

    Keys match case-insensitively, longest first, and only between word boundaries
    (a word holds letters, digits, ``_`` and ``-``): ``p1`` is not replaced inside
    ``p10`` or ``p1-old``, nor ``Michel`` inside ``Jean-Michel``. One regular
    expression is built, from the keys whose words all occur in the texts, so
    200,000 names cost a few set look-ups each, not a pattern each.

    >>> replace_words(["Ask GAËTANE (p-9) or Jean-Michel"], {"Gaëtane": "person-1", "p-9": "person-2", "Michel": "x"})
    ['Ask person-1 (person-2) or Jean-Michel']
    """
    texts = [str(t) for t in texts]
    words = set(_WORDS.findall(" ".join(texts).lower()))
    lookup: dict[str, str] = {}
    for old, new in table.items():
        old = str(old).lower()
        own = _WORDS.findall(old)
        if own and words.issuperset(own):
            lookup.setdefault(old, new)
    if not lookup:
        return texts
    alternation = "|".join(re.escape(k) for k in sorted(lookup, key=lambda k: (-len(k), k)))
    pattern = re.compile(rf"(?<!{_WORD})(?:{alternation})(?!{_WORD})", re.IGNORECASE)
    return [pattern.sub(lambda m: lookup.get(m.group().lower(), PREFIX.rstrip("-")), t) for t in texts]


def scrub_problem(reason: str, column: str, persons: Mapping[str, str], safe: set[str], key: bytes) -> str:
    """A problem text without personal data, for outputs of ``--pseudonymise`` (``summary.json``).

    Each quoted value becomes: a person's pseudonym (a known person's id or name),
    itself (a code, an organisation's or group's id or name, or a value with no
    letter and no long number), the pseudonym of the value when ``column`` holds
    actor ids (a left-out person's id), else ``'…'``. Persons' ids and names
    written outside quotes are replaced as whole words (:func:`replace_words`).

    >>> key = b"k" * 32
    >>> scrub_problem("actor 'p-x' was left out (see actors.csv:4)", "actor", {}, set(), key) == (
    ...     f"actor '{pseudonym('p-x', key)}' was left out (see actors.csv:4)")
    True
    >>> scrub_problem("unknown sector 'Jan Peeters' (did you mean 'medical'?)", "sector", {}, {"medical"}, key)
    "unknown sector '…' (did you mean 'medical'?)"
    """
    lowered = {k.lower(): v for k, v in persons.items()}

    def value(match: re.Match) -> str:
        quote = match.group(0)[0]
        text = match.group(1) if match.group(1) is not None else match.group(2)
        if text.lower() in lowered:
            shown = lowered[text.lower()]
        elif text in safe or not (re.search(r"[^\W\d_]", text) or _long_number(text)):
            shown = text
        elif column in _ACTOR_COLUMNS:
            shown = pseudonym(text, key)
        else:
            shown = HIDDEN
        return f"{quote}{shown}{quote}"

    return replace_words([_QUOTED.sub(value, reason)], persons)[0]


# --------------------------------------------------------------------------- the dataset
def without_contacts(dataset):
    """The dataset with e-mail and phone columns emptied (what every export gets by default)."""
    actors = dataset.actors.copy()
    for column in CONTACT_COLUMNS:
        if column in actors:
            actors[column] = ""
    return dataclasses.replace(dataset, actors=actors)


_FREE_TEXT = {"actors": ("neighbourhood",), "groups": (), "memberships": (), "ties": ()}
_NEVER_KEPT = ("id", "name", *CONTACT_COLUMNS)
_DERIVED = {"actors": ("sectors", "family"), "groups": (), "memberships": (), "ties": ()}


def _extra_columns(dataset) -> dict[str, list[str]]:
    """Table -> its columns that may hold personal free text: the contract's free text and extra columns."""
    from collabnet.dataset.validation import KNOWN

    found = {}
    for table, free in _FREE_TEXT.items():
        known = {*KNOWN[table], *_DERIVED[table], "row"} - set(free)
        found[table] = [c for c in getattr(dataset, table).columns if c not in known]
    return found


def kept_columns(dataset, keep: Iterable[str]) -> set[str]:
    """The free-text and extra columns named by ``--keep-column`` (case-insensitive), checked.

    Raises
    ------
    PrivacyError
        A name is a contact or identity column, or no table has a free-text or extra column of that name.
    """
    free = _extra_columns(dataset)
    every = {c.lower(): c for columns in free.values() for c in columns}
    chosen = set()
    for name in keep:
        wanted = str(name).strip().lower()
        if wanted in _NEVER_KEPT:
            raise PrivacyError(reason("never_kept", name=name))
        if wanted not in every:
            listed = ", ".join(sorted(every.values())) or reason("none.f")
            raise PrivacyError(reason("no_free_column", name=name, listed=listed))
        chosen.add(every[wanted])
    return chosen


def pseudonymise(dataset, key: bytes, keep: Iterable[str] = ()):
    """The dataset with persons pseudonymised and personal free text removed (see the module docstring).

    References to persons in memberships and ties follow the new ids; problem
    texts are scrubbed (:func:`scrub_problem`). ``keep`` names free-text or
    extra columns to keep (``--keep-column``; never for persons).

    Raises
    ------
    PrivacyError
        A key shorter than :data:`MIN_KEY_BYTES`, a ``keep`` column that does not
        exist, or two persons on one pseudonym.
    """
    from collabnet.codes import ROLES, TIE_TYPES

    check_key(key)
    keep = kept_columns(dataset, keep)
    free = _extra_columns(dataset)
    actors = without_contacts(dataset).actors.copy()
    persons = actors["kind"] == "person"
    label = dataset.labels.get("actors", "actors")
    person_rows = actors.loc[persons]
    where = {i: f"{label}:{r}" for i, r in zip(person_rows["id"], person_rows.get("row", [""] * len(person_rows)))}
    mapping = pseudonyms(person_rows["id"], key, taken=actors.loc[~persons, "id"], where=where)
    names = dict(zip(person_rows["name"], person_rows["id"].map(mapping)))
    # Ids first: an id that is also someone's name stays that id's pseudonym.
    words = {**mapping, **{name: v for name, v in names.items() if name not in mapping}}

    def clean(frame, column):
        values = frame[column].fillna("").astype(str)
        unique = sorted(set(values))
        return values.map(dict(zip(unique, replace_words(unique, words))))

    actors.loc[persons, "id"] = person_rows["id"].map(mapping)
    actors.loc[persons, "name"] = actors.loc[persons, "id"]
    actors.loc[~persons, "name"] = clean(actors.loc[~persons], "name")
    tables = {"actors": actors, "groups": dataset.groups.copy(), "memberships": dataset.memberships.copy(),
              "ties": dataset.ties.copy()}
    for table, frame in tables.items():
        for column in free[table]:
            if column in keep:
                frame[column] = clean(frame, column)
            elif column in _FREE_TEXT[table]:
                frame[column] = ""
        tables[table] = frame.drop(columns=[c for c in free[table] if c not in keep and c not in _FREE_TEXT[table]])
    actors = tables["actors"]
    for column in free["actors"]:
        if column in actors:
            actors.loc[persons, column] = ""
    groups = tables["groups"]
    for column in ("name", "theme"):
        if column in groups:
            groups[column] = clean(groups, column)
    memberships = tables["memberships"]
    memberships["actor"] = memberships["actor"].map(lambda a: mapping.get(a, a))
    if "role" in memberships:
        memberships["role"] = memberships["role"].map(lambda r: r if r in ROLES.codes else "")
    ties = tables["ties"]
    for column in ("source", "target"):
        ties[column] = ties[column].map(lambda a: mapping.get(a, a))
    if "type" in ties:
        ties["type"] = ties["type"].map(lambda t: t if t in TIE_TYPES.codes else "other")
    safe = _safe_values(dataset, actors.loc[~persons], groups)
    # the problems keep their English text, scrubbed: summary.json is the one output that shows them
    problems = tuple(dataclasses.replace(p, message=scrub_problem(p.reason, p.column, words, safe, key),
                                         file=_file_name(p, words, safe, key))
                     for p in dataset.problems)
    return dataclasses.replace(dataset, actors=actors, memberships=memberships, ties=ties, groups=groups,
                               problems=problems)


def _file_name(problem, persons: Mapping[str, str], safe: set[str], key: bytes) -> str:
    """A problem's file as a pseudonymised output shows it: a file or sheet that is no table of the dataset has a
    name the user chose, which may name a person; it is scrubbed as a quoted value is (``'…'`` unless safe).

    >>> from collabnet.errors import Problem
    >>> _file_name(Problem("notes Jan Peeters.csv", 0, "(file)", "not read"), {}, set(), b"k" * 32)
    '…'
    """
    from collabnet.dataset.reading import about_an_entry_not_read

    if not about_an_entry_not_read(problem):
        return problem.file
    return scrub_problem(repr(problem.file), "(file)", persons, safe, key).strip("'\"")


def _safe_values(dataset, organisations, groups) -> set[str]:
    """Values a problem text may show under ``--pseudonymise``: codes and their aliases, the zone table and
    taxonomy, organisations' and groups' ids and (cleaned) names."""
    from collabnet import codes

    safe: set[str] = set()
    for table in (codes.KINDS, codes.LINES, codes.LANGUAGES, codes.GROUP_TYPES, codes.ROLES, codes.TIE_TYPES,
                  codes.FAMILIES):
        for code, aliases in table.aliases.items():
            safe.update([str(code), *map(str, aliases)])
    for frame in (dataset.zones, dataset.sectors, organisations[["id", "name"]], groups[["id", "name"]]):
        for column in frame.columns:
            safe.update(str(v) for v in frame[column] if v not in (None, ""))
    return safe


# --------------------------------------------------------------------------- an earlier actions file
_CUT_VERTEX = re.compile(r"cut vertex (.+?):")
_SECTOR_MISSING = re.compile(r"sector_missing (\S+?):?(?:\s|$)")


def pseudonymise_actions(rows: Iterable[Mapping[str, str]], key: bytes, datasets: Iterable) -> list[dict[str, str]]:
    """The rows of an earlier actions.csv as a pseudonymised run may show them (``--actions`` with
    ``--pseudonymise``), given the pseudonymised ``datasets`` compared.

    Ids in ``actors``, ``via`` and the ``cut vertex X:`` of ``evidence`` stay when
    they are organisations, groups, sectors or pseudonyms, and become their
    pseudonym otherwise (a person's id of the old file). ``rationale`` and the
    rest of ``evidence`` (sentences naming actors) are dropped, codes that are
    no code are emptied, and columns actions.csv does not have are left out.
    """
    from collabnet.codes import ACTION_KINDS, REGION

    datasets = list(datasets)
    known = {REGION}
    groups, sectors, zones = set(), set(), {REGION}
    for ds in datasets:
        known.update(ds.actors["id"])
        if "id" in ds.groups:
            groups.update(ds.groups["id"])
        sectors.update(ds.sectors["code"])
        zones.update(ds.zone_codes)
    known |= groups | sectors

    def ident(value: str) -> str:
        value = value.strip()
        return value if not value or value in known or _PSEUDONYM.fullmatch(value) else pseudonym(value, key)

    def number(value: str) -> str:
        return value if re.fullmatch(r"\s*-?\d+(\.\d+)?\s*", value or "") else ""

    def evidence(text: str) -> str:  # only what the follow-up reads: the bridge, the missing sector
        parts = [f"cut vertex {ident(m.group(1))}:" for m in _CUT_VERTEX.finditer(text)]
        parts += [f"sector_missing {m.group(1)}" for m in _SECTOR_MISSING.finditer(text) if m.group(1) in sectors]
        return " ".join(parts)

    clean = {"zone": lambda v: v if not v.strip() or v.strip() in zones else HIDDEN,
             "priority": number, "score": number,
             "action": lambda v: v if v.strip().lower() in ACTION_KINDS else "other",
             "actors": lambda v: "|".join(ident(x) for x in v.split("|") if x.strip()),
             "via": ident, "rationale": lambda v: "", "evidence": evidence,
             "source": lambda v: v if v in ("analysis", "plan") else "",
             "group": lambda v: v if v.strip() in groups else "",
             "sector": lambda v: v if v.strip() in sectors else ""}
    return [{c: clean[c](str(v or "")) for c, v in row.items() if c in clean} for row in rows]

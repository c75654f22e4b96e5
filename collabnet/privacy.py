"""Personal data: stable pseudonyms for persons, contact data kept out of outputs.

Pseudonymisation happens on the dataset, before the graph is built, so every
output (tables, reports, views, exports) shows the same pseudonyms and no
renderer can forget one. A person's id and name both become
``person-XXXXXXXX``, derived with HMAC-SHA256 from the id and a secret key the
user keeps: the same key gives the same pseudonyms on every run, and without
the key they cannot be traced back. Organisations keep their names.

Examples
--------
>>> pseudonym("p-gaetane", b"secret")
'person-6eb736ba'
>>> pseudonym("p-gaetane", b"secret") == pseudonym("p-gaetane", b"secret")
True
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import os
import secrets
from pathlib import Path

__all__ = ["pseudonym", "pseudonymise", "without_contacts", "load_key", "DEFAULT_KEY_FILE", "CONTACT_COLUMNS"]

CONTACT_COLUMNS = ("email", "phone")
DEFAULT_KEY_FILE = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "collabnet" / "pseudonym.key"


def pseudonym(actor_id: str, key: bytes) -> str:
    """The stable pseudonym of one person (8 hex digits of HMAC-SHA256)."""
    digest = hmac.new(key, actor_id.encode("utf-8"), hashlib.sha256).hexdigest()
    return f"person-{digest[:8]}"


def load_key(path: str | os.PathLike | None = None) -> bytes:
    """Read the pseudonymisation key, creating a random one (mode 600) on first use."""
    key_file = Path(path) if path else DEFAULT_KEY_FILE
    if key_file.exists():
        return key_file.read_bytes().strip()
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32).encode("ascii")
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key + b"\n")
    return key


def without_contacts(dataset):
    """The dataset with e-mail and phone columns emptied (what every export gets by default)."""
    actors = dataset.actors.copy()
    for column in CONTACT_COLUMNS:
        if column in actors:
            actors[column] = ""
    return dataclasses.replace(dataset, actors=actors)


def pseudonymise(dataset, key: bytes):
    """The dataset with every person's id and name replaced by its pseudonym, contacts removed.

    References to persons in memberships and ties follow the new ids. The
    ``neighbourhood`` and extra columns of persons are emptied too, since
    free text may identify someone.
    """
    actors = without_contacts(dataset).actors.copy()
    persons = actors["kind"] == "person"
    mapping = {old: pseudonym(old, key) for old in actors.loc[persons, "id"]}
    actors.loc[persons, "id"] = actors.loc[persons, "id"].map(mapping)
    actors.loc[persons, "name"] = actors.loc[persons, "id"]
    known = {"id", "name", "kind", "sectors", "sector", "family", "line", "zone", "municipality", "organisation",
             "language", "since", "until", "row"}
    for column in actors.columns:
        if column not in known:
            actors.loc[persons, column] = ""
    memberships = dataset.memberships.copy()
    memberships["actor"] = memberships["actor"].map(lambda a: mapping.get(a, a))
    ties = dataset.ties.copy()
    for column in ("source", "target"):
        ties[column] = ties[column].map(lambda a: mapping.get(a, a))
    problems = tuple(dataclasses.replace(p, reason=_scrub(p.reason, mapping)) for p in dataset.problems)
    return dataclasses.replace(dataset, actors=actors, memberships=memberships, ties=ties, problems=problems)


def _scrub(text: str, mapping: dict[str, str]) -> str:
    for old, new in mapping.items():
        if old in text:
            text = text.replace(repr(old), repr(new)).replace(old, new)
    return text

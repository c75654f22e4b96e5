"""The validated dataset: tables, problems, and the actor graph for one analysis date."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import networkx as nx
import pandas as pd

from collabnet.codes import BUILTIN_ZONE_NAMES, REGION
from collabnet.errors import Problem

__all__ = ["Dataset", "LANGS"]

LANGS = ("nl", "fr", "en")
_REGION_NAMES = {"nl": "Gewest", "fr": "Région", "en": "Region"}


@dataclass(frozen=True, eq=False)
class Dataset:
    """A read and validated dataset, seen on one analysis date.

    Attributes
    ----------
    name : str
        Folder name or workbook stem (``brussels``).
    source : Path
        Where it was read from.
    at : datetime.date
        Analysis date: memberships and ties count when ``since <= at < until``.
    actors, groups, memberships, ties : pandas.DataFrame
        The rows used (all dates), codes in canonical form, plus ``row``: the
        spreadsheet row they came from.
    zones, sectors : pandas.DataFrame
        The zone table and sector taxonomy in force (built-in or the dataset's own).
    problems : tuple of Problem
        Everything found wrong; ``left_out`` rows are not in the tables.
    rows_read : dict
        Data rows read per table.
    labels : dict
        Table name -> file label used in messages (``actors.csv``).
    """

    name: str
    source: Path
    at: dt.date
    actors: pd.DataFrame
    groups: pd.DataFrame
    memberships: pd.DataFrame
    ties: pd.DataFrame
    zones: pd.DataFrame
    sectors: pd.DataFrame
    problems: tuple[Problem, ...]
    rows_read: dict[str, int]
    labels: dict[str, str]

    @cached_property
    def graph(self) -> nx.Graph:
        """The actor graph on :attr:`at` (built on first use, then kept)."""
        from collabnet.graph import build_actor_graph

        return build_actor_graph(self)

    @cached_property
    def organisation_graph(self) -> nx.Graph:
        """The organisation graph on :attr:`at`: persons folded into their organisation
        (:func:`collabnet.organisations.organisation_graph`; built on first use, then kept)."""
        from collabnet.organisations import organisation_graph

        return organisation_graph(self.graph)

    def graph_at(self, level: str) -> nx.Graph:
        """The graph analysed at ``level``: ``organisations`` (the default of every command) or ``actors``."""
        if level == "organisations":
            return self.organisation_graph
        if level == "actors":
            return self.graph
        raise ValueError(f"unknown level {level!r}: use organisations or actors")

    def on(self, at: dt.date | str) -> Dataset:
        """The same dataset seen on another analysis date (a new graph is built)."""
        if isinstance(at, str):
            from collabnet.dataset.dates import parse_date

            at = parse_date(at)
        return dataclasses.replace(self, at=at)

    @property
    def left_out(self) -> list[Problem]:
        """Problems whose row was left out of the analysis."""
        return [p for p in self.problems if p.left_out]

    @property
    def files_not_read(self) -> list[Problem]:
        """The notes on files and sheets that were not read: no table of the contract, or empty.

        Files collabnet itself writes beside a dataset's tables (``review.csv``, ``truth.json``, ...) are
        not among them: ``validate`` says what they are.
        """
        from collabnet.dataset.reading import about_an_entry_not_read

        return [p for p in self.problems if not p.left_out and about_an_entry_not_read(p)]

    @property
    def rows_left_out(self) -> int:
        """Number of distinct rows left out (a row with several problems counts once)."""
        return len({(p.file, p.row) for p in self.problems if p.left_out and p.row > 0})

    @property
    def rows_used(self) -> dict[str, int]:
        """Rows used per table present in the dataset."""
        return {name: len(getattr(self, name)) for name in self.rows_read}

    @cached_property
    def zone_codes(self) -> list[str]:
        """Zone codes of the zone table in force, in table order (without ``region``)."""
        return list(dict.fromkeys(self.zones["zone"]))

    def sector_name(self, code: str, lang: str = "en") -> str:
        """Display name of a sector in ``nl``, ``fr`` or ``en`` (the code when the taxonomy has none).

        >>> import collabnet.dataset.validation as v
        >>> ds = Dataset("x", Path("."), dt.date(2024, 1, 1), *([pd.DataFrame()] * 5),
        ...              v.Taxonomy.builtin().table, (), {}, {})
        >>> ds.sector_name("housing", "fr")
        'Logement et sans-abrisme'
        """
        return self.sector_names(lang).get(code, code)

    def sector_names(self, lang: str = "en") -> dict[str, str]:
        """Sector code -> display name in ``lang``."""
        column = f"name_{lang}"
        return {rec["code"]: (rec.get(column) or rec["code"]) for rec in self.sectors.to_dict("records")}

    def zone_name(self, code: str, lang: str = "en") -> str:
        """Display name of a zone (``Zuid`` / ``Sud`` / ``South``); ``region`` is named too."""
        if code == REGION:
            return _REGION_NAMES.get(lang, "Region")
        names = self._zone_names.get(code, {})
        if names.get(lang):
            return names[lang]
        if code in BUILTIN_ZONE_NAMES:
            return BUILTIN_ZONE_NAMES[code][LANGS.index(lang) if lang in LANGS else 2]
        return code

    @cached_property
    def _zone_names(self) -> dict[str, dict[str, str]]:
        """Zone code -> language -> the zone table's name (first row of the zone), read once."""
        names: dict[str, dict[str, str]] = {}
        for record in self.zones.to_dict("records"):
            entry = names.setdefault(record["zone"], {})
            for lang in LANGS:
                if not entry.get(lang) and record.get(f"name_{lang}"):
                    entry[lang] = str(record[f"name_{lang}"])
        return names

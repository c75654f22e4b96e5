"""Which group fits an actor: the themes of working groups, partnerships and workshops.

A group's theme (or name) says which sectors and care lines it is for:
``WG ziekenhuis-ambulant`` fits medical care, home care and pharmacy on the
first line and hospitals on the second. :func:`group_sectors` reads a theme
with :data:`THEME_KEYWORDS` (and the sector names of the taxonomy, in any
language); :class:`GroupFinder` picks the group an isolated actor is invited
to, or the one through which a missing sector is recruited.

Examples
--------
>>> import pandas as pd
>>> groups = pd.DataFrame([dict(id="wg-mh", name="WG geestelijke gezondheid", type="working_group", zone="south",
...                             theme=""), dict(id="sg", name="Support group", type="support_group",
...                             zone="south", theme="")])
>>> finder = GroupFinder(groups)
>>> finder.fitting("south", {"mental_health"}, set(), "mental_health"), finder.fitting("south", {"housing"}, set(), "housing")
(('wg-mh', 'WG geestelijke gezondheid', True), ('sg', 'Support group', False))
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache

import pandas as pd

from collabnet.codes import REGION, normalise

__all__ = ["FALLBACK_GROUP_TYPES", "THEME_KEYWORDS", "GroupFinder", "group_sectors"]

# Group theme (or name) keywords -> sectors and care lines the group fits. Keywords are matched as
# substrings of the accent-folded, lower-case theme and name; a sector's code and display names also match it.
THEME_KEYWORDS: tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[int, ...]], ...] = (
    (("mental", "geestelijk", "psych"), ("mental_health",), ()),
    (("hospital", "ziekenhuis", "hopital", "kliniek", "clinique"), ("medical",), (2,)),
    (("ambulat", "ambulant"), ("medical", "home_care", "pharmacy"), (1,)),
    (("prevent", "promotion", "promotie", "determinant"), ("prevention", "community"), ()),
    (("crisis", "crise", "pandemi", "preparedness", "paraat"),
     ("medical", "home_care", "elderly", "social_assistance", "authority"), ()),
    (("addict", "verslav", "assuetude", "drug"), ("addiction",), ()),
    (("elderly", "ouderen", "senior", "agees"), ("elderly",), ()),
    (("housing", "wonen", "logement", "homeless", "thuislo", "sans abri"), ("housing",), ()),
    (("youth", "jeugd", "jeunesse", "gezin", "famil"), ("family_youth",), ()),
    (("migra", "onthaal", "accueil"), ("migration",), ()),
    (("palliat",), ("palliative",), ()),
    (("disab", "handicap"), ("disability",), ()),
    (("home care", "thuiszorg", "domicile"), ("home_care",), ()),
    (("pharma", "apothe"), ("pharmacy",), ()),
    (("social", "sociaal", "sociale", "ocmw", "cpas"), ("social_assistance",), ()),
    (("neighbourhood", "buurt", "quartier", "community", "communaut"), ("community",), ()),
)

def group_sectors(name: str, theme: str, sector_names: dict[str, Iterable[str]] | None = None) -> tuple[set, set]:
    """Sectors and care lines a group's theme (or name) fits, from :data:`THEME_KEYWORDS`.

    ``sector_names``: sector code -> its display names (in every language), which match too.

    >>> sorted(group_sectors("WG ziekenhuis-ambulant", "")[0]), sorted(group_sectors("x", "Hôpital")[1])
    (['home_care', 'medical', 'pharmacy'], [2])
    >>> group_sectors("Santé mentale Sud", "", {"mental_health": ["Mental health", "Santé mentale"]})[0]
    {'mental_health'}
    """
    text = f" {normalise(theme)} {normalise(name)} "
    sectors: set = set()
    lines: set = set()
    for keywords, fit_sectors, fit_lines in THEME_KEYWORDS:
        if any(word in text for word in keywords):
            sectors.update(fit_sectors)
            lines.update(fit_lines)
    for code, names in (sector_names or {}).items():
        if any(_word(label) in text for label in (code, *names) if label):
            sectors.add(code)
    return sectors, lines


@lru_cache(maxsize=4096)
def _word(label: str) -> str:
    """A sector's code or display name as it is looked for in a folded theme: `` word ``.

    The same few labels are looked for in every group's theme: each is folded once.
    """
    return f" {normalise(label)} "


#: Group types a zone's isolated actor is invited to when no group's theme fits, in this order.
FALLBACK_GROUP_TYPES = ("support_group", "working_group", "workshop")


class GroupFinder:
    """The groups an actor can be invited into, with the sectors and lines each fits.

    Parameters
    ----------
    groups : pandas.DataFrame or None
        Groups (``id``, ``name``, ``type``, ``zone``, ``theme``): those not ended
        on the analysis date (:func:`collabnet.graph.open_groups`).
    sector_names : mapping, optional
        Language -> sector code -> display name: a theme may name a sector in any language.
    """

    def __init__(self, groups: pd.DataFrame | None, sector_names: Mapping[str, Mapping[str, str]] | None = None):
        labels: dict = defaultdict(list)  # sector code -> its display names in every language
        for names in (sector_names or {}).values():
            for code, display in names.items():
                if display not in labels[code]:
                    labels[code].append(display)
        self.sector_labels = labels
        self.groups = self._groups(groups)
        self.fits: dict = {}  # fitting()'s answers

    def _groups(self, groups: pd.DataFrame | None) -> list[tuple]:
        """(id, name, type, zone, sectors, lines) per group, sorted by id."""
        if groups is None or not len(groups):
            return []
        rows = []
        for record in groups.to_dict("records"):
            name, theme = str(record.get("name") or ""), str(record.get("theme") or "")
            sectors, lines = group_sectors(name, theme, self.sector_labels)
            rows.append((str(record["id"]), name or str(record["id"]), str(record.get("type") or ""),
                         str(record.get("zone") or ""), sectors, lines))
        return sorted(rows)

    def fitting(self, zone: str, sectors: set, lines: set, main: str | None) -> tuple | None:
        """(id, name, fits) of the best group for these sectors/lines in ``zone`` or region-wide.

        Fit: 2 for the main sector, 1 for another sector, +1 for the line. Ties: the zone's
        own group, a working group, id. No fitting group: the zone's support group,
        working group or workshop (fits = False), else None.
        """
        question = (zone, frozenset(sectors), frozenset(lines), main)
        if question not in self.fits:  # many actors ask the same: look once
            self.fits[question] = self._fitting(*question)
        return self.fits[question]

    def _fitting(self, zone: str, sectors: frozenset, lines: frozenset, main: str | None) -> tuple | None:
        best, best_key = None, None
        for gid, name, gtype, gzone, g_sectors, g_lines in self.groups:
            if gzone not in (zone, REGION, ""):
                continue
            fit = (2 if main in g_sectors else 1 if sectors & g_sectors else 0) + (1 if lines & g_lines else 0)
            fallback = gzone == zone and gtype in FALLBACK_GROUP_TYPES
            if not fit and not fallback:
                continue
            if fit:
                kind = 0 if gtype == "working_group" else 1
            else:
                kind = FALLBACK_GROUP_TYPES.index(gtype)
            key = (-fit, gzone != zone, kind, gid)
            if best_key is None or key < best_key:
                best, best_key = (gid, name, fit > 0), key
        return best


"""Synthetic Brussels datasets with planted structure, for tests, demos and benchmarks.

:func:`generate` writes (or returns) a dataset in the input contract's CSV
format (``actors``, ``groups``, ``memberships``, ``ties``) that looks like the
Brussels health and welfare field: five care zones plus region-wide actors,
many first-line GPs, maisons médicales, pharmacies and home-care services,
CPAS / OCMW, mental-health services between the first and second line,
hospitals on the second line, umbrella bodies and authorities without a line;
staff as person actors; four working groups and a support group per zone,
projects, region-wide partnerships, sector networks and large change
workshops (100 to 200 people); ties mostly inside a zone and inside a sector.
Languages are mostly ``fr``, then ``bi`` and ``nl``.

It also *plants* known structure and describes it in ``truth.json``, so that
the analyses can be tested on data whose answer is known. The planted
structure holds in the actor graph of DESIGN.md (ties + co-membership of every
pair of members whose memberships are active + person-organisation
affiliation) on the analysis date ``truth["analysis_date"]`` (default
2026-01-01), and on every day from ``valid_from`` up to (not including)
``valid_until``:

- per zone, one organisation for each isolation reason (``no_ties``,
  ``intra_sector_only``, ``no_cross_line``, ``single_tie``), each with exactly
  the reasons listed (the staff of the ``no_ties`` organisation are ``no_ties``
  too: a tie between colleagues and the affiliation do not count), plus one
  region-wide ``no_ties`` organisation; ``truth["not_isolated"]`` lists a
  planted person whose own ties make it not isolated while its organisation is
  ``intra_sector_only``;
- in one zone, a sole broker: the only actor linking a housing cluster to the
  zone's mental-health actors (a cut vertex);
- in one zone a line gap (no edge between its first- and second-line actors),
  in another a language gap (no edge between its ``nl`` and ``fr`` actors);
  every other zone (and the region as a whole) has such edges;
- date traps: an ended tie that closed the line gap before ``valid_from``, a
  future tie that closes the language gap on ``valid_until``, an ended tie and
  a future project of a ``no_ties`` organisation, an ended project of a
  ``single_tie`` organisation.

Everything is drawn from ``numpy.random.default_rng(seed)``: the same
``n_orgs``, ``seed`` and ``at`` give byte-identical files.

Examples
--------
>>> tables = generate(100, seed=1)
>>> sorted(tables)
['actors', 'groups', 'memberships', 'ties', 'truth']
>>> int((tables["actors"]["kind"] == "organisation").sum())
100
>>> tables["truth"]["analysis_date"]
'2026-01-01'
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import operator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from collabnet import __version__
from collabnet.codes import BUILTIN_SECTORS, BUILTIN_ZONE_NAMES, BUILTIN_ZONES, REGION
from collabnet.dataset.dates import parse_date
from collabnet.writing import atomic_write_text

__all__ = ["generate", "DEFAULT_ANALYSIS_DATE", "MIN_ORGS", "MAX_ORGS", "ZONES", "TABLE_COLUMNS", "TRUTH_FILE"]

DEFAULT_ANALYSIS_DATE = "2026-01-01"
MIN_ORGS = 100  # room for the zones' anchor organisations and the planted ones
MAX_ORGS = 1_000_000
ZONES = tuple(BUILTIN_ZONE_NAMES)
TRUTH_FILE = "truth.json"
TABLE_COLUMNS = {
    "actors": ("id", "name", "kind", "sector", "line", "zone", "municipality", "organisation", "language",
               "neighbourhood", "email", "phone"),
    "groups": ("id", "name", "type", "zone", "theme"),
    "memberships": ("actor", "group", "role", "since", "until"),
    "ties": ("source", "target", "type", "weight", "since", "until"),
}
REASONS = ("no_ties", "intra_sector_only", "no_cross_line", "single_tie")

_REGION = len(ZONES)  # zone index of region-wide actors
_ZONE_CODES = (*ZONES, REGION)
_SECTORS = tuple(row[0] for row in BUILTIN_SECTORS)
_SECTOR = {code: i for i, code in enumerate(_SECTORS)}
_SECTOR_EN = {row[0]: row[4] for row in BUILTIN_SECTORS}
_LANGS = ("fr", "nl", "bi", "en", "")
FR, NL, BI, EN, NOLANG = range(5)
_LANG_PRIVATE = (0.74, 0.13, 0.11, 0.02)  # fr, nl, bi, en: most services are French-speaking
_LANG_PUBLIC = (0.38, 0.07, 0.55, 0.0)  # public bodies (CPAS, hospitals, authorities) are often bilingual
_ZONE_SHARE = (0.19, 0.18, 0.24, 0.17, 0.22)
NONE = -1  # no line / no date / no municipality
_DAY0 = dt.date(1970, 1, 1)

# Public place names (Brussels neighbourhoods), by postal code of the municipality.
_NEIGHBOURHOODS = {
    "1082": ("Berchem Centre", "Hunderenveld"), "1083": ("Ganshoren Centre", "Villas de Ganshoren"),
    "1090": ("Jette Centre", "Dieleghem", "Heymbosch"), "1081": ("Koekelberg", "Basilique"),
    "1020": ("Bockstael", "Laeken Ouest", "Heysel", "Houba"), "1120": ("Neder-Over-Heembeek",),
    "1130": ("Haren",), "1030": ("Brabantwijk", "Josaphat", "Helmet", "Colignon", "Plasky"),
    "1140": ("Evere Centre", "Paduwa"), "1210": ("Saint-Josse Centre", "Madou"),
    "1190": ("Saint-Antoine", "Wiels", "Altitude Cent"), "1050": ("Flagey", "Matonge", "Boondael"),
    "1060": ("Bosnie", "Porte de Hal", "Parvis"), "1180": ("Calevoet", "Fort Jaco", "Globe"),
    "1170": ("Boitsfort Centre", "Logis-Floréal"), "1160": ("Auderghem Centre", "Transvaal"),
    "1040": ("La Chasse", "Jourdan"), "1200": ("Georges Henri", "Roodebeek", "Kapelleveld"),
    "1150": ("Stockel", "Chant d'Oiseau"), "1070": ("Cureghem", "Scheut", "Peterbos"),
    "1080": ("Maritime", "Molenbeek historique", "Karreveld"),
    "1000": ("Marolles", "Broekwijk", "Onze-Lieve-Vrouw-ter-Sneeuw", "Dansaert", "Anneessens"),
}


@dataclass(frozen=True)
class _Municipality:
    zone: int
    fr: str
    nl: str
    postal: str
    neighbourhoods: tuple[str, ...]


def _municipalities() -> tuple[_Municipality, ...]:
    rows = []
    for zone, names, postal in BUILTIN_ZONES:
        fr, nl = (names[0], names[0]) if len(names) == 1 else (names[0], names[1])
        if postal[0] == "1000":  # Brussels-City is split between zones: its centre is named by postal code only
            fr = nl = postal[0]
        rows.append(_Municipality(ZONES.index(zone), fr, nl, postal[0], _NEIGHBOURHOODS[postal[0]]))
    return tuple(rows)


_MUNIS = _municipalities()


@dataclass(frozen=True)
class _OrgType:
    """One kind of organisation of the field, with its share and habits."""

    key: str
    sectors: tuple[str, ...]
    line: int  # NONE = not a care provider
    share: float  # relative frequency among organisations
    staff: tuple[int, int]  # inclusive range of staff persons
    region: float  # probability of being region-wide
    activity: float  # relative propensity to have ties and join groups
    public: bool  # public bodies are more often bilingual
    name_fr: str
    name_nl: str
    roles: str = "default"


_TYPES = (
    _OrgType("gp", ("medical",), 1, 26, (1, 3), 0, 1.0, False, "Cabinet médical {place}",
             "Huisartsenpraktijk {place}", "medical"),
    _OrgType("maison_medicale", ("medical", "mental_health", "social_assistance"), 1, 3, (4, 12), 0, 2.0, False,
             "Maison médicale {place}", "Wijkgezondheidscentrum {place}", "medical"),
    _OrgType("physio", ("medical",), 1, 5, (1, 2), 0, 0.5, False, "Kinésithérapie {place}",
             "Kinesitherapie {place}", "medical"),
    _OrgType("psychologist", ("mental_health",), 1, 4, (1, 2), 0, 0.8, False,
             "Psychologue de première ligne {place}", "Eerstelijnspsycholoog {place}", "mental_health"),
    _OrgType("specialist", ("medical",), 2, 4, (1, 3), 0, 0.6, False, "Cabinet de spécialistes {place}",
             "Specialistenpraktijk {place}", "medical"),
    _OrgType("hospital", ("medical", "mental_health", "palliative"), 2, 0.7, (20, 60), 0.05, 6.0, True,
             "Clinique {place}", "Kliniek {place}", "hospital"),
    _OrgType("university_hospital", ("medical",), 3, 0.1, (40, 100), 0.3, 6.0, True,
             "Hôpital universitaire {place}", "Universitair ziekenhuis {place}", "hospital"),
    _OrgType("ssm", ("mental_health",), 2, 2.5, (4, 12), 0, 2.0, False, "Service de santé mentale {place}",
             "Centrum voor geestelijke gezondheidszorg {place}", "mental_health"),
    _OrgType("mobile_team", ("mental_health", "housing"), 2, 0.5, (4, 10), 0.3, 2.5, False,
             "Équipe mobile de santé mentale {place}", "Mobiel team geestelijke gezondheid {place}", "mental_health"),
    _OrgType("addiction", ("addiction", "mental_health"), 2, 1, (3, 8), 0.1, 1.5, False, "Service assuétudes {place}",
             "Verslavingszorg {place}", "mental_health"),
    _OrgType("palliative", ("palliative", "home_care"), 2, 0.5, (3, 8), 0.2, 1.5, False,
             "Équipe de soutien palliatif {place}", "Palliatieve thuiszorg {place}", "home_care"),
    _OrgType("home_nursing", ("home_care",), 1, 6, (2, 8), 0, 1.5, False, "Soins infirmiers à domicile {place}",
             "Thuisverpleging {place}", "home_care"),
    _OrgType("home_help", ("home_care", "elderly"), 1, 3, (3, 10), 0, 1.2, False, "Aide et soins à domicile {place}",
             "Thuiszorgdienst {place}", "home_care"),
    _OrgType("pharmacy", ("pharmacy",), 1, 10, (1, 3), 0, 0.8, False, "Pharmacie {place}", "Apotheek {place}",
             "pharmacy"),
    _OrgType("cpas", ("social_assistance",), 1, 0.6, (10, 40), 0, 5.0, True, "CPAS de {muni}", "OCMW {muni}",
             "social"),
    _OrgType("social_coordination", ("coordination", "social_assistance"), NONE, 0.6, (1, 3), 0, 4.0, True,
             "Coordination sociale de {muni}", "Sociale coördinatie {muni}", "social"),
    _OrgType("welfare_centre", ("social_assistance",), 1, 2, (3, 10), 0, 1.5, False,
             "Centre d'action sociale globale {place}", "Centrum algemeen welzijnswerk {place}", "social"),
    _OrgType("care_home", ("elderly", "medical"), 1, 3, (4, 12), 0, 1.0, False, "Maison de repos {place}",
             "Woonzorgcentrum {place}", "home_care"),
    _OrgType("day_centre", ("elderly",), 1, 1, (2, 6), 0, 0.8, False, "Centre de jour {place}",
             "Dagverzorgingscentrum {place}"),
    _OrgType("disability", ("disability",), 1, 2, (3, 10), 0.05, 0.8, False, "Service d'accompagnement {place}",
             "Dienst ondersteuning personen met een handicap {place}", "social"),
    _OrgType("housing", ("housing",), 1, 2, (2, 6), 0.05, 1.0, False, "Agence immobilière sociale {place}",
             "Sociaal verhuurkantoor {place}", "social"),
    _OrgType("shelter", ("housing", "social_assistance"), 1, 1.2, (3, 10), 0.1, 1.2, False,
             "Centre d'accueil de jour {place}", "Inloopcentrum {place}", "social"),
    _OrgType("family", ("family_youth", "prevention"), 1, 3, (2, 6), 0, 0.8, False, "Consultation pour enfants {place}",
             "Consultatiebureau {place}"),
    _OrgType("youth", ("family_youth",), 1, 1.5, (2, 6), 0.05, 0.8, False, "Service d'aide aux jeunes {place}",
             "Jeugdhulp {place}", "social"),
    _OrgType("community", ("community",), 0, 3, (1, 4), 0, 1.0, False, "Maison de quartier {place}",
             "Buurthuis {place}"),
    _OrgType("volunteers", ("community", "elderly"), 0, 1.5, (0, 2), 0, 0.6, False, "Réseau de voisins {place}",
             "Burenhulp {place}"),
    _OrgType("informal_carers", ("community", "home_care"), 0, 0.5, (0, 2), 0.3, 0.8, False,
             "Aidants proches {place}", "Mantelzorgers {place}"),
    _OrgType("migration", ("migration", "social_assistance"), 1, 1.5, (2, 8), 0.1, 1.0, False,
             "Accueil des primo-arrivants {place}", "Onthaalbureau {place}", "social"),
    _OrgType("employment", ("employment_education",), NONE, 1.5, (2, 6), 0.05, 0.6, False, "Mission locale {muni}",
             "Werkwinkel {muni}"),
    _OrgType("prevention", ("prevention",), 1, 1.5, (1, 5), 0.2, 1.2, False, "Promotion de la santé {place}",
             "Gezondheidspromotie {place}"),
    _OrgType("patients", ("patients",), NONE, 0.5, (0, 3), 0.6, 1.0, False, "Association de patients {place}",
             "Patiëntenvereniging {place}"),
    _OrgType("insurance", ("insurance",), NONE, 1, (2, 6), 0.2, 1.0, False, "Mutualité, agence {place}",
             "Ziekenfonds, kantoor {place}"),
    _OrgType("umbrella", ("coordination",), NONE, 0.6, (2, 8), 0.7, 5.0, False, "Fédération {place}",
             "Koepel {place}"),
    _OrgType("first_line_network", ("coordination", "medical"), NONE, 0.3, (2, 6), 0.4, 5.0, False,
             "Réseau de première ligne {place}", "Eerstelijnsnetwerk {place}"),
    _OrgType("authority", ("authority",), NONE, 0.5, (2, 8), 0.4, 2.0, True, "Service santé-social {muni}",
             "Dienst gezondheid en welzijn {muni}"),
    _OrgType("research", ("research",), NONE, 0.3, (1, 6), 0.8, 1.0, False, "Centre de recherche {place}",
             "Kenniscentrum {place}"),
)
_TYPE = {t.key: i for i, t in enumerate(_TYPES)}

# Persons appear by role (fr, nl, own main sector or "" for the organisation's).
_ROLES = {
    "default": (("Collaborateur·rice", "Medewerker", ""), ("Coordinateur·rice", "Coördinator", "")),
    "medical": (("Médecin généraliste", "Huisarts", ""), ("Infirmier·ère", "Verpleegkundige", ""),
                ("Secrétaire médical·e", "Medisch secretaris", ""),
                ("Assistant·e social·e", "Maatschappelijk werker", "social_assistance")),
    "hospital": (("Infirmier·ère de liaison", "Liaisonverpleegkundige", ""),
                 ("Médecin spécialiste", "Arts-specialist", ""),
                 ("Assistant·e social·e", "Maatschappelijk werker", "social_assistance"),
                 ("Psychologue", "Psycholoog", "mental_health"), ("Coordinateur·rice de sortie", "Ontslagmanager", "")),
    "mental_health": (("Psychologue", "Psycholoog", ""), ("Psychiatre", "Psychiater", ""),
                      ("Assistant·e social·e", "Maatschappelijk werker", "social_assistance")),
    "home_care": (("Infirmier·ère à domicile", "Thuisverpleegkundige", ""), ("Aide familial·e", "Verzorgende", ""),
                  ("Coordinateur·rice", "Coördinator", "")),
    "pharmacy": (("Pharmacien·ne", "Apotheker", ""),
                 ("Assistant·e en pharmacie", "Farmaceutisch-technisch assistent", "")),
    "social": (("Assistant·e social·e", "Maatschappelijk werker", ""), ("Coordinateur·rice", "Coördinator", ""),
               ("Éducateur·rice", "Opvoeder", "")),
}
_ROLE_KEYS = tuple(_ROLES)

_WORKING_GROUPS = (  # theme (contract words), French label, sectors it draws on
    ("mental health", "santé mentale", ("mental_health", "social_assistance", "housing", "addiction")),
    ("hospital-ambulatory", "hôpital et ambulatoire", ("medical", "home_care", "pharmacy", "palliative")),
    ("prevention", "prévention et promotion de la santé", ("prevention", "community", "family_youth",
                                                           "employment_education")),
    ("crisis preparedness", "préparation aux crises", ("authority", "coordination", "medical", "social_assistance")),
)
_PROJECT_THEMES = (("home care coordination", "coordination des soins à domicile"),
                   ("neighbourhood health", "santé de quartier"), ("homelessness", "sans-abrisme"),
                   ("ageing at home", "vieillir chez soi"), ("migrant health", "santé des migrants"),
                   ("youth mental health", "santé mentale des jeunes"), ("digital inclusion", "inclusion numérique"),
                   ("informal carers", "aidants proches"), ("chronic care", "soins chroniques"))
_NETWORK_SECTORS = {"medical": "Cercle de médecins", "pharmacy": "Réseau des pharmacies",
                    "home_care": "Réseau soins à domicile", "mental_health": "Réseau santé mentale",
                    "social_assistance": "Concertation sociale", "elderly": "Réseau personnes âgées"}
_TIE_TYPES = ("collaboration", "referral", "agreement", "information", "")
_WEIGHTS = ("1", "2", "3", "0.5", "")
_MEMBER_ROLES = ("member", "coordinator", "chair", "partner", "observer", "")
MEMBER, COORDINATOR, CHAIR, PARTNER, OBSERVER, NOROLE = range(6)
ACTIVE, ENDED, FUTURE = range(3)


def generate(n_orgs: int, seed: int = 42, out: str | Path | None = None, planted: bool = True,
             at: str | dt.date = DEFAULT_ANALYSIS_DATE) -> dict[str, Any]:
    """Generate a synthetic Brussels dataset with ``n_orgs`` organisations.

    Parameters
    ----------
    n_orgs : int
        Number of organisations (``MIN_ORGS`` to ``MAX_ORGS``); persons (staff)
        come on top, about 4 per organisation.
    seed : int
        Seed of ``numpy.random.default_rng``; same arguments, same output.
    out : str or os.PathLike, optional
        Folder to write ``actors.csv``, ``groups.csv``, ``memberships.csv``,
        ``ties.csv`` (UTF-8, comma) and ``truth.json`` into (created if needed).
    planted : bool
        Plant the known structure described in the module docstring. Without
        it, ``truth.json`` only holds the analysis date and the counts.
    at : str or datetime.date
        Analysis date the planted structure is built for (``YYYY-MM-DD``).

    Returns
    -------
    dict
        Without ``out``: ``actors``, ``groups``, ``memberships``, ``ties``
        (pandas DataFrames of strings, contract columns) and ``truth`` (the
        truth.json object). With ``out``: the same keys mapped to the written
        file paths.

    Raises
    ------
    ValueError
        ``n_orgs`` out of range, ``at`` not a date.
    """
    n_orgs = operator.index(n_orgs)
    if not MIN_ORGS <= n_orgs <= MAX_ORGS:
        raise ValueError(f"the number of organisations must be between {MIN_ORGS:,} and {MAX_ORGS:,}, not {n_orgs:,}")
    if isinstance(at, str):
        text, at = at, None
        try:
            at = parse_date(text)
        except ValueError:
            pass
        if at is None:
            raise ValueError(f"not a date: {text!r} (expected YYYY-MM-DD or DD/MM/YYYY)")
    world = _World(n_orgs, operator.index(seed), at, planted)
    tables = world.tables()
    if out is None:
        import pandas as pd

        frames: dict[str, Any] = {name: pd.DataFrame(dict(zip(TABLE_COLUMNS[name], columns)), dtype=str)
                                  for name, columns in tables.items()}
        frames["truth"] = world.truth
        return frames
    folder = Path(out)
    written: dict[str, Any] = {}
    for name, columns in tables.items():
        written[name] = atomic_write_text(folder / f"{name}.csv", _csv_text(TABLE_COLUMNS[name], columns))
    written["truth"] = atomic_write_text(folder / TRUTH_FILE,
                                         json.dumps(world.truth, indent=2, ensure_ascii=False) + "\n")
    return written


def _csv_text(header: tuple[str, ...], columns: list) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(zip(*columns))
    return buffer.getvalue()


def _day(date: dt.date) -> int:
    return (date - _DAY0).days


def _iso(day: int) -> str:
    return (_DAY0 + dt.timedelta(days=int(day))).isoformat()


def _iso_column(days: np.ndarray) -> list[str]:
    """ISO dates of day numbers, ``""`` for NONE."""
    text = np.datetime_as_string(np.where(days == NONE, 0, days).astype("datetime64[D]"))
    return np.where(days == NONE, "", text).tolist()


def _lookup(values: tuple[str, ...], index: np.ndarray) -> list[str]:
    return np.array(values, dtype=object)[index].tolist()


class _World:
    """All actors, groups, memberships and ties as integer arrays, then as contract text columns.

    Actors are numbered organisations first (0 .. n-1), then persons; zones
    are 0..4 and 5 for region-wide; lines and dates use NONE for "empty";
    dates are day numbers since 1970-01-01.
    """

    def __init__(self, n_orgs: int, seed: int, at: dt.date, planted: bool) -> None:
        self.rng = np.random.default_rng(seed)
        self.n = n_orgs
        self.at_date = at
        self.at = _day(at)
        self.planted = planted
        self.seed = seed
        # Planted zone roles: line gap, language gap, sole broker (three different zones).
        if planted:
            roles = self.rng.permutation(len(ZONES))
            self.line_gap_zone, self.lang_gap_zone, self.broker_zone = (int(z) for z in roles[:3])
        else:
            self.line_gap_zone = self.lang_gap_zone = self.broker_zone = NONE
        self.tag: dict[tuple, int] = {}  # (role, zone) -> actor index of anchor and planted organisations
        self._organisations()
        self._persons()
        self.tie_parts: list[tuple] = []
        self.groups: list[dict] = []
        self.n_projects = max(5, round(n_orgs / 25))
        self._plant()
        self._random_ties()
        self._random_groups()
        self._finish()

    # ------------------------------------------------------------------ organisations
    def _organisations(self) -> None:
        rng, n = self.rng, self.n
        forced: list[tuple[str, int, int, tuple]] = []  # type, zone, language (NONE = draw), tag

        def force(key: str, zone: int, lang: int, tag: tuple) -> None:
            forced.append((key, zone, lang, tag))

        # Anchors: every zone has these, so the guaranteed links and planted neighbours exist at any size.
        for z in range(len(ZONES)):
            force("hospital", z, BI, ("hospital", z))
            force("ssm", z, FR, ("ssm", z))
            force("cpas", z, BI, ("cpas", z))
            force("gp", z, FR, ("gp_fr", z))
            force("gp", z, NL, ("gp_nl", z))
            force("welfare_centre", z, NL, ("welfare_nl", z))
            force("pharmacy", z, FR, ("pharmacy", z))
            force("social_coordination", z, FR, ("coordination", z))
            force("psychologist", z, FR, ("psychologist_1", z))
            force("psychologist", z, FR, ("psychologist_2", z))
        if self.planted:
            for z in range(len(ZONES)):
                force("gp", z, FR if z == self.lang_gap_zone else NONE, ("no_ties", z))
                force("gp", z, FR, ("intra_sector_only", z))
                force("home_nursing" if z % 2 == 0 else "ssm", z, FR, ("no_cross_line", z))
                force("pharmacy", z, FR, ("single_tie", z))
            force("research", _REGION, FR, ("no_ties", _REGION))
            force("mobile_team", self.broker_zone, FR, ("broker", self.broker_zone))
            for k in range(5):
                force("housing", self.broker_zone, FR, (f"housing_{k}", self.broker_zone))
        n_random = n - len(forced)
        share = np.array([t.share for t in _TYPES])
        kind = np.concatenate([[_TYPE[f[0]] for f in forced], rng.choice(len(_TYPES), n_random, p=share / share.sum())])
        kind = kind.astype(np.int16)
        region_p = np.array([t.region for t in _TYPES])[kind]
        zone = np.where(rng.random(n) < region_p, _REGION, rng.choice(len(ZONES), n, p=_ZONE_SHARE)).astype(np.int8)
        public = np.array([t.public for t in _TYPES])[kind]
        lang = np.where(public, rng.choice(4, n, p=_LANG_PUBLIC), rng.choice(4, n, p=_LANG_PRIVATE))
        lang[rng.random(n) < 0.01] = NOLANG
        n_forced = len(forced)
        zone[:n_forced] = [f[1] for f in forced]
        forced_lang = np.array([f[2] for f in forced], dtype=np.int64)
        lang[:n_forced] = np.where(forced_lang == NONE, np.minimum(lang[:n_forced], BI), forced_lang)
        # Shuffle so that anchors and planted organisations hide among the others.
        order = rng.permutation(n)
        position = np.empty(n, dtype=np.int64)
        position[order] = np.arange(n)
        self.tag = {f[3]: int(position[i]) for i, f in enumerate(forced)}
        self.forced = position[:n_forced]
        self.o_type = kind[order]
        self.o_zone = zone[order]
        self.o_lang = lang[order].astype(np.int8)
        self.o_line = np.array([t.line for t in _TYPES], dtype=np.int8)[self.o_type]
        # Place: a municipality (and neighbourhood) of the zone; region-wide actors have none.
        muni = np.full(n, NONE, dtype=np.int16)
        for z in range(len(ZONES)):
            here = np.flatnonzero(self.o_zone == z)
            choices = [i for i, m in enumerate(_MUNIS) if m.zone == z]
            muni[here] = rng.choice(choices, here.size)
        self.o_muni = muni
        n_hood = np.array([len(m.neighbourhoods) for m in _MUNIS])
        self.o_hood = np.where(muni == NONE, NONE, (rng.random(n) * n_hood[muni]).astype(np.int64))
        # How the place is written: 0 zone code, 1 zone code + municipality, 2 municipality only (zone derived).
        style = rng.choice(3, n, p=(0.4, 0.3, 0.3))
        style[(self.o_zone == _REGION)] = 0
        style[self.forced] = np.minimum(style[self.forced], 1)
        self.o_style = style
        self.o_postal = rng.random(n) < 0.3  # municipality written as its postal code
        self.o_hood_shown = rng.random(n) < 0.6

    # ------------------------------------------------------------------ persons
    def _persons(self) -> None:
        rng, n = self.rng, self.n
        low = np.array([t.staff[0] for t in _TYPES])[self.o_type]
        high = np.array([t.staff[1] for t in _TYPES])[self.o_type]
        staff = rng.integers(low, high + 1)
        if self.planted:
            for z in range(len(ZONES)):
                staff[self.tag[("no_ties", z)]] = 2  # colleagues and affiliation only: still no ties
                staff[self.tag[("intra_sector_only", z)]] = 1  # the planted "not isolated" person
                staff[self.tag[("no_cross_line", z)]] = 0
                staff[self.tag[("single_tie", z)]] = 0
            staff[self.tag[("no_ties", _REGION)]] = 0
            for k in range(5):
                staff[self.tag[(f"housing_{k}", self.broker_zone)]] = 1
        org = np.repeat(np.arange(n), staff)
        p = org.size
        self.p = p
        self.p_org = org
        self.p_rank = np.arange(p) - np.repeat(np.cumsum(staff) - staff, staff)  # 0.. within its organisation
        role_key = np.array([_ROLE_KEYS.index(t.roles) for t in _TYPES])[self.o_type[org]]
        n_roles = np.array([len(_ROLES[k]) for k in _ROLE_KEYS])[role_key]
        self.p_role_key = role_key
        self.p_role = (rng.random(p) * n_roles).astype(np.int64)
        # Language: usually the organisation's; inherited (empty cell) for a quarter of them.
        own = rng.choice(4, p, p=_LANG_PRIVATE)
        same = rng.random(p) < 0.8
        lang = np.where(same, self.o_lang[org], own).astype(np.int8)
        if self.planted:  # in the language-gap zone, persons are nl exactly when their organisation is
            here = self.o_zone[org] == self.lang_gap_zone
            org_nl = self.o_lang[org] == NL
            lang[here & org_nl] = NL
            lang[here & ~org_nl & (lang == NL)] = FR
        self.p_lang = lang
        self.p_inherit_lang = (lang == self.o_lang[org]) & (rng.random(p) < 0.25)
        self.p_inherit_place = rng.random(p) < 0.25
        self.p_line_shown = rng.random(p) < 0.2
        self.p_email = rng.random(p) < 0.4
        self.p_phone = rng.random(p) < 0.25
        self.p_phone_digits = rng.integers(0, 10_000_000, p)
        # Actor-level arrays (organisations then persons).
        role_sector = {(k, r): _SECTOR[s] for k in _ROLE_KEYS for r, (_, _, s) in enumerate(_ROLES[k]) if s}
        main = np.array([_SECTOR[t.sectors[0]] for t in _TYPES], dtype=np.int8)[self.o_type]
        p_sector = main[org].copy()
        for (k, r), s in role_sector.items():
            p_sector[(role_key == _ROLE_KEYS.index(k)) & (self.p_role == r)] = s
        self.p_sector = p_sector
        self.zone = np.concatenate([self.o_zone, self.o_zone[org]])
        self.line = np.concatenate([self.o_line, self.o_line[org]])
        self.lang = np.concatenate([self.o_lang, lang])
        self.sector = np.concatenate([main, p_sector])
        self.owner = np.concatenate([np.arange(n), org])  # own organisation
        type_activity = np.array([t.activity for t in _TYPES])
        self.activity = np.concatenate([type_activity[self.o_type], 0.5 + 0.1 * type_activity[self.o_type[org]]])
        self.is_org = np.arange(n + p) < n
        self.free = np.ones(n + p, dtype=bool)  # may get random ties and memberships

    # ------------------------------------------------------------------ planted structure
    def _plant(self) -> None:
        """Anchor links every zone must have, and the planted structure with its truth."""
        at, t = self.at, self.tag
        long_ago = at - 700
        zones = range(len(ZONES))
        self.expected: dict[int, frozenset] = {}  # actor -> exact set of reasons it must have
        self.why: dict[int, str] = {}
        self.traps: list[dict] = []
        ties: list[tuple] = []  # (u, v, type, since, until)
        for z in zones:  # every zone but the planted gaps gets a first-second line link and a nl-fr link
            if z != self.line_gap_zone:
                ties.append((t[("gp_fr", z)], t[("hospital", z)], 1, long_ago, NONE))
            if z != self.lang_gap_zone:
                ties.append((t[("gp_nl", z)], t[("gp_fr", z)], 0, long_ago, NONE))
        self.valid_from, self.valid_until = at, at + 1
        if not self.planted:
            self._add_ties(ties)
            return
        # The window on which the truth holds: the date traps below sit just outside it.
        self.valid_from, self.valid_until = at - 90, at + 30
        first_person = self._first_person()
        for (role, _), actor in t.items():  # planted organisations and their staff get no random links
            if role in REASONS or role.startswith("housing_"):
                self._exclude(actor)
        for z in zones:
            zone_ties_to_hospital = t[("hospital", z if z != self.line_gap_zone else (z + 1) % len(ZONES))]
            # no_ties: a GP practice with two staff; a tie between the colleagues, an ended tie, a future project.
            org = t[("no_ties", z)]
            staff = [first_person[org], first_person[org] + 1]
            ties.append((staff[0], staff[1], 0, long_ago, NONE))
            ties.append((org, t[("pharmacy", z)], 0, long_ago, self.valid_from))
            self._planted_project(org, z, FUTURE)
            for v in (org, *staff):
                self.expected[v] = frozenset({"no_ties"})
            self.why[org] = ("organisation whose only links are its own staff (affiliation, a tie between the "
                             "colleagues), an ended tie and a future project")
            # intra_sector_only: ties to a GP and a hospital (both medical); its staff member's ties don't count.
            org = t[("intra_sector_only", z)]
            person = first_person[org]
            ties += [(org, t[("gp_fr", z)], 0, long_ago, NONE), (org, zone_ties_to_hospital, 1, long_ago, NONE),
                     (person, t[("cpas", z)], 0, long_ago, NONE), (person, zone_ties_to_hospital, 0, long_ago, NONE)]
            self.expected[org] = frozenset({"intra_sector_only"})
            self.expected[person] = frozenset()
            self.why[org] = ("GP practice tied only to another GP practice and a hospital (all medical); the ties of "
                             "its staff member to a CPAS do not count for the organisation")
            self.why[person] = ("staff member of an intra_sector_only organisation, with ties of its own to a CPAS "
                                "and a hospital")
            # no_cross_line: two neighbours of other sectors, none on the other line.
            org = t[("no_cross_line", z)]
            if self.o_line[org] == 1:
                ties += [(org, t[("cpas", z)], 0, long_ago, NONE), (org, t[("pharmacy", z)], 0, long_ago, NONE)]
                self.why[org] = ("first-line home-care service tied to a CPAS and a pharmacy (first line), no "
                                 "second line")
            else:
                ties += [(org, t[("hospital", z)], 1, long_ago, NONE), (org, t[("coordination", z)], 3, long_ago, NONE)]
                self.why[org] = ("second-line mental-health service tied to a hospital (second line) and a social "
                                 "coordination (no line), no first line")
            self.expected[org] = frozenset({"no_cross_line"})
            # single_tie: one second-line neighbour of another sector; an ended project does not count.
            org = t[("single_tie", z)]
            ties.append((org, zone_ties_to_hospital, 1, long_ago, NONE))
            self._planted_project(org, z, ENDED)
            self.expected[org] = frozenset({"single_tie"})
            self.why[org] = "pharmacy with one tie, to a hospital; its project ended"
        org = t[("no_ties", _REGION)]
        ties.append((org, t[("coordination", 0)], 0, self.valid_until + 15, NONE))
        self.expected[org] = frozenset({"no_ties"})
        self.why[org] = "region-wide research centre whose only tie starts after the analysis date"
        # Sole broker: a ring of housing services whose only link outside is a mobile mental-health team.
        z = self.broker_zone
        broker = t[("broker", z)]
        housing = [t[(f"housing_{k}", z)] for k in range(5)]
        mental = [t[("ssm", z)], t[("psychologist_1", z)], t[("psychologist_2", z)]]
        for k, h in enumerate(housing):
            ties.append((h, housing[(k + 1) % len(housing)], 0, long_ago, NONE))
        ties += [(broker, housing[0], 0, long_ago, NONE), (broker, housing[2], 1, long_ago, NONE)]
        ties += [(broker, m, 1, long_ago, NONE) for m in mental]
        self.broker = dict(zone=z, broker=broker, housing=housing, mental=mental)
        # Date traps: ties that would close the planted gaps on other dates.
        trap = (t[("gp_fr", self.line_gap_zone)], t[("hospital", self.line_gap_zone)], 1, at - 900, self.valid_from)
        ties.append(trap)
        self.traps.append(dict(trap=trap, closes="line_gap", zone=ZONES[self.line_gap_zone]))
        trap = (t[("gp_nl", self.lang_gap_zone)], t[("gp_fr", self.lang_gap_zone)], 0, self.valid_until, NONE)
        ties.append(trap)
        self.traps.append(dict(trap=trap, closes="language_gap", zone=ZONES[self.lang_gap_zone]))
        self._add_ties(ties)

    def _first_person(self) -> np.ndarray:
        """Index of each organisation's first staff member (persons are stored by organisation)."""
        counts = np.bincount(self.p_org, minlength=self.n)
        return self.n + np.cumsum(counts) - counts

    def _exclude(self, org: int) -> None:
        """Keep an organisation and its staff out of random ties and groups."""
        self.free[org] = False
        self.free[self.n + np.flatnonzero(self.p_org == org)] = False

    def _planted_project(self, org: int, z: int, status: int) -> None:
        """A project that starts after (FUTURE) or ended before (ENDED) the validity window, with ``org`` in it."""
        pool = self._pool(z, orgs=True, persons=False)
        pool = pool[~self._forbidden(np.full(pool.size, org), pool)]
        members = self._admissible(self._sample(pool, 3))
        # Named and (after the final shuffle) placed like the random projects, so nothing gives it away.
        name = f"Projet santé de quartier {self.n_projects + len(self.groups) + 1}"
        if status == FUTURE:
            since, until = self.valid_until + 30, NONE
        else:
            since, until = self.at - 700, self.valid_from - 30
        members = np.append(members, org)
        self.groups.append(dict(type="project", zone=ZONES[z], theme="neighbourhood health", name=name,
                                members=members, roles=np.full(members.size, MEMBER),
                                since=np.full(members.size, since), until=np.full(members.size, until)))

    def _add_ties(self, ties: list[tuple]) -> None:
        u, v, kind, since, until = (np.array(col, dtype=np.int64) for col in zip(*ties))
        self.tie_parts.append((u, v, kind, np.zeros(u.size, dtype=np.int64), since, until))

    # ------------------------------------------------------------------ the planted gaps as rules
    def _forbidden(self, u: np.ndarray, v: np.ndarray) -> np.ndarray:
        """Pairs that would break a planted gap: first-second line inside the line-gap zone, and nl with
        anyone not nl inside the language-gap zone (stricter than nl-fr, so ``bi`` cannot close the gap
        either)."""
        same = self.zone[u] == self.zone[v]
        lines = same & (self.zone[u] == self.line_gap_zone) & (
            ((self.line[u] == 1) & (self.line[v] == 2)) | ((self.line[u] == 2) & (self.line[v] == 1)))
        langs = same & (self.zone[u] == self.lang_gap_zone) & ((self.lang[u] == NL) != (self.lang[v] == NL))
        return lines | langs

    def _admissible(self, members: np.ndarray) -> np.ndarray:
        """Members of one group minus the smaller side of any pair that :meth:`_forbidden` forbids."""
        line, lang, zone = self.line[members], self.lang[members], self.zone[members]
        drop = np.zeros(members.size, dtype=bool)
        for z, side_a, side_b in ((self.line_gap_zone, line == 1, line == 2),
                                  (self.lang_gap_zone, lang == NL, lang != NL)):
            a, b = (zone == z) & side_a, (zone == z) & side_b
            if a.any() and b.any():
                drop |= b if a.sum() >= b.sum() else a
        return members[~drop]

    # ------------------------------------------------------------------ random ties
    def _random_ties(self) -> None:
        n = self.n
        everyone = np.flatnonzero(self.free)
        orgs = everyone[everyone < n]
        persons = everyone[everyone >= n]
        # mode probabilities: same zone and sector, same zone, same sector, anywhere (silos)
        self._draw_ties(round(2.5 * n), orgs, orgs, (0.5, 0.25, 0.12, 0.13))
        self._draw_ties(round(0.8 * self.p), persons, everyone, (0.45, 0.35, 0.1, 0.1))

    def _draw_ties(self, m: int, sources: np.ndarray, targets: np.ndarray, mode_p: tuple) -> None:
        rng = self.rng
        if m == 0 or sources.size == 0:
            return
        weight = self.activity[sources]
        src = sources[rng.choice(sources.size, m, p=weight / weight.sum())]
        mode = rng.choice(4, m, p=mode_p)
        keys = (lambda a: self.zone[a].astype(np.int64) * 64 + self.sector[a], lambda a: self.zone[a],
                lambda a: self.sector[a], lambda a: np.zeros(a.size, dtype=np.int64))
        tgt = np.full(m, NONE, dtype=np.int64)
        for k, key in enumerate(keys):
            chosen = mode == k
            tgt[chosen] = self._pick_in_block(targets, key(targets), key(src[chosen]))
        found = tgt != NONE
        src, tgt = src[found], tgt[found]
        keep = (self.owner[src] != self.owner[tgt]) & ~self._forbidden(src, tgt)
        # Dutch- and French-speaking networks run side by side: most nl-fr pairs never form.
        cross = ((self.lang[src] == NL) & (self.lang[tgt] == FR)) | ((self.lang[src] == FR) & (self.lang[tgt] == NL))
        keep &= ~(cross & (rng.random(src.size) < 0.6))
        src, tgt = src[keep], tgt[keep]
        kind = rng.choice(len(_TIE_TYPES), src.size, p=(0.55, 0.2, 0.1, 0.1, 0.05))
        # One row per pair and type (the same pair may have a referral and an agreement).
        low, high = np.minimum(src, tgt), np.maximum(src, tgt)
        key = (low * (self.n + self.p) + high) * len(_TIE_TYPES) + kind
        _, first = np.unique(key, return_index=True)
        src, tgt, kind = src[first], tgt[first], kind[first]
        weight_code = rng.choice(len(_WEIGHTS), src.size, p=(0.7, 0.12, 0.05, 0.05, 0.08))
        since, until = self._intervals(rng.choice(3, src.size, p=(0.8, 0.13, 0.07)))
        self.tie_parts.append((src, tgt, kind, weight_code, since, until))

    def _pick_in_block(self, pool: np.ndarray, pool_key: np.ndarray, wanted: np.ndarray) -> np.ndarray:
        """For each key in ``wanted``, a member of ``pool`` with that key, drawn by activity; NONE if none."""
        order = np.argsort(pool_key, kind="stable")
        keys = pool_key[order]
        cumulative = np.cumsum(self.activity[pool[order]])
        low = np.searchsorted(keys, wanted, "left")
        high = np.searchsorted(keys, wanted, "right")
        empty = high == low
        base = np.where(low > 0, cumulative[np.maximum(low - 1, 0)], 0.0)
        span = cumulative[np.maximum(high - 1, 0)] - base
        at = np.searchsorted(cumulative, base + self.rng.random(wanted.size) * span, "right")
        at = np.clip(at, low, np.maximum(high - 1, low))
        return np.where(empty, NONE, pool[order[np.minimum(at, order.size - 1)]])

    def _intervals(self, status: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Since / until day numbers for rows ACTIVE, ENDED or FUTURE on the analysis date."""
        rng, at, n = self.rng, self.at, status.size
        since = np.full(n, NONE, dtype=np.int64)
        until = np.full(n, NONE, dtype=np.int64)
        active, ended, future = status == ACTIVE, status == ENDED, status == FUTURE
        since[active] = at - rng.integers(1, 3000, active.sum())
        since[active & (rng.random(n) < 0.1)] = NONE
        ends = active & (rng.random(n) < 0.2)
        until[ends] = at + rng.integers(1, 1500, ends.sum())
        until[ended] = at - rng.integers(0, 1500, ended.sum())
        since[ended] = until[ended] - rng.integers(30, 2000, ended.sum())
        since[future] = at + rng.integers(1, 600, future.sum())
        ends = future & (rng.random(n) < 0.5)
        until[ends] = since[ends] + rng.integers(30, 1500, ends.sum())
        return since, until

    # ------------------------------------------------------------------ random groups
    def _pool(self, zone: int | None, orgs: bool, persons: bool, sectors: tuple[str, ...] = ()) -> np.ndarray:
        """Free actors of a zone (all zones when None), organisations and/or persons, optionally by main sector."""
        mask = self.free & ((self.is_org & orgs) | (~self.is_org & persons))
        if zone is not None:
            mask &= self.zone == zone
        if sectors:
            mask &= np.isin(self.sector, [_SECTOR[s] for s in sectors])
        return np.flatnonzero(mask)

    def _sample(self, pool: np.ndarray, k: int, weight: np.ndarray | None = None) -> np.ndarray:
        k = min(k, pool.size)
        if weight is None:
            return np.sort(pool[self.rng.choice(pool.size, k, replace=False)])
        return np.sort(pool[self.rng.choice(pool.size, k, replace=False, p=weight / weight.sum())])

    def _random_groups(self) -> None:
        rng, n = self.rng, self.n
        zone_names = [BUILTIN_ZONE_NAMES[z][1] for z in ZONES]
        for z in range(len(ZONES)):
            everyone = np.concatenate([self._pool(z, True, True), self._pool(_REGION, True, True)])
            for theme, label, sectors in _WORKING_GROUPS:
                boost = np.where(np.isin(self.sector[everyone], [_SECTOR[s] for s in sectors]), 4.0, 1.0)
                members = self._sample(everyone, int(rng.integers(12, 31)), self.activity[everyone] * boost)
                self._group("working_group", ZONES[z], theme, f"Groupe de travail {label}, {zone_names[z]}",
                            members, ACTIVE, lead=(COORDINATOR, CHAIR))
            support = ("social_coordination", "cpas", "ssm", "psychologist", "first_line_network", "umbrella",
                       "prevention", "welfare_centre")
            persons = everyone[~self.is_org[everyone]]
            persons = persons[np.isin(self.o_type[self.owner[persons]], [_TYPE[k] for k in support])]
            self._group("support_group", ZONES[z], "support", f"Groupe d'appui {zone_names[z]}",
                        self._sample(persons, int(rng.integers(10, 15))), ACTIVE, lead=(COORDINATOR,))
            # Plenary change workshops: 100-200 people (fewer where the zone is small).
            persons = self._pool(z, False, True)
            for k in range(max(1, round(n / 2000))):
                size = min(int(rng.integers(100, 201)), max(10, persons.size // 2))
                status = ACTIVE if k == 0 else int(rng.choice(3, p=(0.6, 0.3, 0.1)))
                self._group("workshop", ZONES[z], "change workshop", f"Atelier du changement {zone_names[z]} {k + 1}",
                            self._sample(persons, size), status, lead=(COORDINATOR, COORDINATOR))
            # Sector networks (GP circles, pharmacists, home care...): silos by design.
            for sector, label in _NETWORK_SECTORS.items():
                pool = self._pool(z, True, True, (sector,))
                for k in range(max(1, round(pool.size * 0.35 / 25)) if pool.size >= 4 else 0):
                    self._group("network", ZONES[z], _SECTOR_EN[sector].lower(), f"{label} {zone_names[z]} {k + 1}",
                                self._sample(pool, int(rng.integers(8, 41))), int(rng.choice(3, p=(0.85, 0.1, 0.05))),
                                lead=(COORDINATOR,))
        # Projects: mostly inside one zone, some region-wide, a few without a zone.
        everyone = self._pool(None, True, True)
        by_zone = [self._pool(z, True, True) for z in range(len(ZONES))]
        for k in range(self.n_projects):
            theme, label = _PROJECT_THEMES[int(rng.integers(len(_PROJECT_THEMES)))]
            where = int(rng.choice(len(ZONES) + 2, p=(0.17, 0.17, 0.17, 0.17, 0.17, 0.1, 0.05)))
            pool = by_zone[where] if where < len(ZONES) else everyone
            zone = ZONES[where] if where < len(ZONES) else (REGION if where == len(ZONES) else "")
            self._group("project", zone, theme, f"Projet {label} {k + 1}", self._sample(pool, int(rng.integers(3, 13))),
                        int(rng.choice(3, p=(0.6, 0.3, 0.1))), lead=(COORDINATOR,))
        # Region-wide partnerships of organisations.
        orgs = self._pool(None, True, False)
        for k in range(max(3, round(n / 400))):
            theme, label = _PROJECT_THEMES[int(rng.integers(len(_PROJECT_THEMES)))]
            members = self._sample(orgs, int(rng.integers(5, 26)), self.activity[orgs])
            self._group("partnership", REGION, theme, f"Partenariat régional {label} {k + 1}", members,
                        int(rng.choice(3, p=(0.8, 0.15, 0.05))), lead=(COORDINATOR,), role=PARTNER)

    def _group(self, kind: str, zone: str, theme: str, name: str, members: np.ndarray, status: int,
               lead: tuple[int, ...], role: int = MEMBER) -> None:
        """Add a group: members pass the planted-gap rule, get roles and dates around the analysis date."""
        rng, at = self.rng, self.at
        members = self._admissible(members)
        size = members.size
        roles = np.where(rng.random(size) < 0.1, NOROLE, role)
        roles[rng.random(size) < 0.05] = OBSERVER
        roles[:len(lead)] = lead[:size]
        if status == ACTIVE:
            start = at - int(rng.integers(30, 1500))
            end = at + int(rng.integers(30, 700)) if rng.random() < 0.3 else NONE
        elif status == ENDED:
            start, end = at - int(rng.integers(400, 3000)), at - int(rng.integers(1, 400))
        else:
            start = at + int(rng.integers(1, 400))
            end = start + int(rng.integers(30, 700)) if rng.random() < 0.5 else NONE
        since = np.full(size, start, dtype=np.int64)
        until = np.full(size, end, dtype=np.int64)
        if status == ACTIVE:  # turnover: some joined later, some left, a few join after the analysis date
            late = rng.random(size) < 0.3
            since[late] += (rng.random(late.sum()) * (at - start)).astype(np.int64)
            left = rng.random(size) < 0.1
            until[left] = since[left] + 1 + (rng.random(left.sum()) * (at - since[left])).astype(np.int64)
            joining = rng.random(size) < 0.05
            since[joining] = at + rng.integers(1, 200, joining.sum())
            until[joining & (until != NONE) & (until <= since)] = NONE
        self.groups.append(dict(type=kind, zone=zone, theme=theme, name=name, members=members, roles=roles,
                                since=since, until=until))

    # ------------------------------------------------------------------ graph on the analysis date, truth
    def _finish(self) -> None:
        parts = list(zip(*self.tie_parts))
        self.t_src, self.t_tgt, self.t_type, self.t_weight, self.t_since, self.t_until = (
            np.concatenate(col) for col in parts)
        flip = self.rng.random(self.t_src.size) < 0.5  # ties are undirected: no meaning in which end is source
        self.t_src, self.t_tgt = np.where(flip, self.t_tgt, self.t_src), np.where(flip, self.t_src, self.t_tgt)
        self.groups = [self.groups[k] for k in self.rng.permutation(len(self.groups))]
        u, v = self._edges(self.at)
        self.truth = self._truth(u, v)
        problems = self._verify(u, v)
        if problems:  # a bug in the planting, never a user error
            raise RuntimeError("planted structure does not hold: " + "; ".join(problems))

    def _active(self, since: np.ndarray, until: np.ndarray, day: int) -> np.ndarray:
        return ((since == NONE) | (since <= day)) & ((until == NONE) | (day < until))

    def _edges(self, day: int) -> tuple[np.ndarray, np.ndarray]:
        """Distinct undirected edges (u < v) of the actor graph on ``day`` (DESIGN.md rules)."""
        live = self._active(self.t_since, self.t_until, day)
        us = [self.t_src[live], np.arange(self.n, self.n + self.p)]
        vs = [self.t_tgt[live], self.p_org]
        for g in self.groups:
            members = g["members"][self._active(g["since"], g["until"], day)]  # distinct by construction
            if members.size > 1:
                i, j = np.triu_indices(members.size, 1)
                us.append(members[i])
                vs.append(members[j])
        u, v = np.concatenate(us), np.concatenate(vs)
        low, high = np.minimum(u, v), np.maximum(u, v)
        key = np.sort(low[low != high] * (self.n + self.p) + high[low != high])
        key = key[np.append(True, key[1:] != key[:-1])]  # distinct (faster than np.unique on millions)
        return key // (self.n + self.p), key % (self.n + self.p)

    def _reasons(self, u: np.ndarray, v: np.ndarray, actor: int) -> frozenset:
        """Isolation reasons of one actor (outputs.md isolated.csv) from the edge list."""
        others = np.concatenate([v[u == actor], u[v == actor]])
        others = np.unique(others[self.owner[others] != self.owner[actor]])
        if others.size == 0:
            return frozenset({"no_ties"})
        reasons = set()
        if (self.sector[others] == self.sector[actor]).all():
            reasons.add("intra_sector_only")
        wanted = {1: 2, 2: 1}.get(int(self.line[actor]))
        if wanted is not None and not (self.line[others] == wanted).any():
            reasons.add("no_cross_line")
        if others.size == 1:
            reasons.add("single_tie")
        return frozenset(reasons)

    def _pair_counts(self, u: np.ndarray, v: np.ndarray) -> dict[str, np.ndarray]:
        """Per zone index (5 = whole graph), edges between lines 1-2 and between languages nl-fr."""
        line_pair = ((self.line[u] == 1) & (self.line[v] == 2)) | ((self.line[u] == 2) & (self.line[v] == 1))
        lang_pair = ((self.lang[u] == NL) & (self.lang[v] == FR)) | ((self.lang[u] == FR) & (self.lang[v] == NL))
        inside = self.zone[u] == self.zone[v]
        counts = {}
        for name, pair in (("line_gap", line_pair), ("language_gap", lang_pair)):
            per_zone = np.bincount(self.zone[u][pair & inside], minlength=len(ZONES) + 1)[:len(ZONES)]
            counts[name] = np.append(per_zone, pair.sum())
        return counts

    def _verify(self, u: np.ndarray, v: np.ndarray) -> list[str]:
        """Check the truth against the graph on the first and last day of the validity window."""
        problems = []
        for day in (self.valid_from, self.valid_until - 1):
            if day != self.at:
                u, v = self._edges(day)
            for actor, expected in self.expected.items():
                found = self._reasons(u, v, actor)
                if found != expected:
                    problems.append(f"{self.ids[actor]}: reasons {sorted(found)}, planted {sorted(expected)}")
            for gap, counts in self._pair_counts(u, v).items():
                zero = {self.line_gap_zone if gap == "line_gap" else self.lang_gap_zone}
                for z, count in enumerate(counts):
                    if (count == 0) != (z in zero):
                        problems.append(f"{gap}: zone {_ZONE_CODES[z]} has {count} edges")
            if self.planted:
                b = self.broker
                cluster = set(b["housing"]) | set((self.n + np.flatnonzero(np.isin(self.p_org, b["housing"]))).tolist())
                inside = np.isin(u, list(cluster)) | np.isin(v, list(cluster))
                ends = set(np.concatenate([u[inside], v[inside]]).tolist())
                if ends - cluster != {b["broker"]}:
                    problems.append(f"broker: the housing cluster reaches {sorted(ends - cluster)}")
        return problems

    def _truth(self, u: np.ndarray, v: np.ndarray) -> dict:
        counts = dict(actors=self.n + self.p, organisations=self.n, persons=self.p, groups=len(self.groups),
                      memberships=int(sum(g["members"].size for g in self.groups)), ties=int(self.t_src.size))
        live_ties = int(self._active(self.t_since, self.t_until, self.at).sum())
        live_members = int(sum(self._active(g["since"], g["until"], self.at).sum() for g in self.groups))
        truth: dict[str, Any] = dict(
            generator="collabnet synth", version=__version__, seed=self.seed, orgs=self.n, planted=self.planted,
            analysis_date=self.at_date.isoformat(), valid_from=_iso(self.valid_from),
            valid_until=_iso(self.valid_until),
            counts=dict(counts, at_analysis_date=dict(ties=live_ties, memberships=live_members, edges=int(u.size))),
            graph_rule=("edges on the analysis date: active ties, every pair of members whose memberships of one "
                        "group are both active, and each person with its own organisation"),
        )
        if not self.planted:
            return truth
        ids = self.ids
        isolated: dict[str, dict[str, list[str]]] = {}
        for actor, reasons in sorted(self.expected.items()):
            for reason in reasons:
                isolated.setdefault(_ZONE_CODES[self.zone[actor]], {}).setdefault(reason, []).append(ids[actor])
        truth["isolated"] = {zone: {r: sorted(isolated[zone][r]) for r in REASONS if r in isolated[zone]}
                             for zone in _ZONE_CODES if zone in isolated}
        truth["isolated_note"] = ("each actor listed has exactly the reasons it is listed under (an actor may be "
                                  "listed under several); actors not listed may be isolated too")
        truth["not_isolated"] = sorted(ids[a] for a, reasons in self.expected.items() if not reasons)
        truth["why"] = {ids[a]: text for a, text in sorted(self.why.items())}
        b = self.broker
        truth["brokers"] = [dict(zone=ZONES[b["zone"]], actor=ids[b["broker"]], between=["housing", "mental_health"],
                                 clusters=dict(housing=sorted(ids[h] for h in b["housing"]),
                                               mental_health=sorted(ids[m] for m in b["mental"])),
                                 note="cut vertex: the housing cluster (and its staff) reaches the rest of the graph "
                                      "only through this actor")]
        counts_by_gap = self._pair_counts(u, v)
        truth["gaps"] = [dict(zone=ZONES[self.line_gap_zone], gap="line_gap", a="1", b="2"),
                         dict(zone=ZONES[self.lang_gap_zone], gap="language_gap", a="nl", b="fr")]
        truth["gaps_note"] = ("no other zone and not the region as a whole has a line_gap or a language_gap; edges "
                              "per zone (last: region) between lines 1-2 and languages nl-fr are in gap_edges")
        truth["gap_edges"] = {gap: dict(zip(_ZONE_CODES, c.tolist())) for gap, c in counts_by_gap.items()}
        truth["date_traps"] = [
            dict(zone=trap["zone"], closes=trap["closes"], source=ids[trap["trap"][0]], target=ids[trap["trap"][1]],
                 since=_iso(trap["trap"][3]), until="" if trap["trap"][4] == NONE else _iso(trap["trap"][4]))
            for trap in self.traps]
        return truth

    # ------------------------------------------------------------------ contract text
    @functools.cached_property
    def ids(self) -> list[str]:
        return [f"O{i + 1:06d}" for i in range(self.n)] + [f"P{j + 1:07d}" for j in range(self.p)]

    def tables(self) -> dict[str, list]:
        """Contract tables as lists of text columns (same order as TABLE_COLUMNS)."""
        return dict(actors=self._actor_columns(), groups=self._group_columns(), memberships=self._membership_columns(),
                    ties=self._tie_columns())

    def _actor_columns(self) -> list:
        n, ids = self.n, self.ids
        org_names = self._org_names()
        zone_code = np.array(_ZONE_CODES, dtype=object)
        sectors = ["|".join(t.sectors) for t in _TYPES]
        # Organisations.
        muni_text = []
        for i in range(n):
            m = int(self.o_muni[i])
            if m == NONE or self.o_style[i] == 0:
                muni_text.append("")
            elif self.o_postal[i]:
                muni_text.append(_MUNIS[m].postal)
            else:
                muni_text.append(_MUNIS[m].nl if self.o_lang[i] == NL else _MUNIS[m].fr)
        zone_text = np.where(self.o_style == 2, "", zone_code[self.o_zone]).tolist()
        hood = [_MUNIS[m].neighbourhoods[h] if m != NONE and shown else ""
                for m, h, shown in zip(self.o_muni.tolist(), self.o_hood.tolist(), self.o_hood_shown.tolist())]
        line_text = ["" if x == NONE else str(x) for x in range(-1, 4)]
        o_line = [line_text[x + 1] for x in self.o_line.tolist()]
        # Persons: role names in the person's language; place and language inherited from the organisation or written.
        org = self.p_org
        role_names = {k: [(fr, nl) for fr, nl, _ in _ROLES[k]] for k in _ROLE_KEYS}
        names = []
        for key, role, rank, lang, o in zip(self.p_role_key.tolist(), self.p_role.tolist(), self.p_rank.tolist(),
                                            self.p_lang.tolist(), org.tolist()):
            label = role_names[_ROLE_KEYS[key]][role][1 if lang == NL else 0]
            names.append(f"{label} {rank + 1}, {org_names[o]}")
        inherit = self.p_inherit_place
        p_zone = np.where(inherit, "", np.array(zone_text, dtype=object)[org]).tolist()
        p_muni = np.where(inherit, "", np.array(muni_text, dtype=object)[org]).tolist()
        p_line = np.where(self.p_line_shown, np.array(o_line, dtype=object)[org], "").tolist()
        p_lang = np.where(self.p_inherit_lang, "", np.array(_LANGS, dtype=object)[self.p_lang]).tolist()
        p_ids = ids[n:]
        email = [f"{pid.lower()}@example.org" if e else "" for pid, e in zip(p_ids, self.p_email.tolist())]
        phone = [f"02 {d // 10000:03d} {d // 100 % 100:02d} {d % 100:02d}" if has else ""
                 for d, has in zip(self.p_phone_digits.tolist(), self.p_phone.tolist())]
        p_sector = np.array(_SECTORS, dtype=object)[self.p_sector].tolist()
        empty_o, empty_p = [""] * n, [""] * self.p
        return [
            ids,
            org_names + names,
            ["organisation"] * n + ["person"] * self.p,
            np.array(sectors, dtype=object)[self.o_type].tolist() + p_sector,
            o_line + p_line,
            zone_text + p_zone,
            muni_text + p_muni,
            empty_o + [ids[o] for o in org.tolist()],
            _lookup(_LANGS, self.o_lang) + p_lang,
            hood + empty_p,
            empty_o + email,
            empty_o + phone,
        ]

    def _org_names(self) -> list[str]:
        """Organisation names in their language (``fr / nl`` for bilingual ones), numbered where repeated."""
        names, seen = [], {}
        for kind, lang, m, h in zip(self.o_type.tolist(), self.o_lang.tolist(), self.o_muni.tolist(),
                                    self.o_hood.tolist()):
            t = _TYPES[kind]
            if m == NONE:
                fr = t.name_fr.format(place="Bruxelles", muni="Région bruxelloise")
                nl = t.name_nl.format(place="Brussel", muni="Brussels Gewest")
            else:
                muni = _MUNIS[m]
                place = muni.neighbourhoods[h]
                fr = t.name_fr.format(place=place, muni=muni.fr)
                nl = t.name_nl.format(place=place, muni=muni.nl)
            name = nl if lang == NL else f"{fr} / {nl}" if lang == BI else fr
            count = seen[name] = seen.get(name, 0) + 1
            names.append(name if count == 1 else f"{name} {count}")
        return names

    def _group_columns(self) -> list:
        return [[f"G{k + 1:05d}" for k in range(len(self.groups))], [g["name"] for g in self.groups],
                [g["type"] for g in self.groups], [g["zone"] for g in self.groups], [g["theme"] for g in self.groups]]

    def _membership_columns(self) -> list:
        ids = np.array(self.ids, dtype=object)
        group = np.concatenate([np.full(g["members"].size, k) for k, g in enumerate(self.groups)])
        actor = np.concatenate([g["members"] for g in self.groups])
        role = np.concatenate([g["roles"] for g in self.groups])
        since = np.concatenate([g["since"] for g in self.groups])
        until = np.concatenate([g["until"] for g in self.groups])
        group_ids = [f"G{k + 1:05d}" for k in group.tolist()]
        return [ids[actor].tolist(), group_ids, _lookup(_MEMBER_ROLES, role), _iso_column(since), _iso_column(until)]

    def _tie_columns(self) -> list:
        ids = np.array(self.ids, dtype=object)
        order = np.lexsort((self.t_tgt, self.t_src))
        return [ids[self.t_src[order]].tolist(), ids[self.t_tgt[order]].tolist(),
                _lookup(_TIE_TYPES, self.t_type[order]), _lookup(_WEIGHTS, self.t_weight[order]),
                _iso_column(self.t_since[order]), _iso_column(self.t_until[order])]

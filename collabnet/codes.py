"""Codes of the dataset contract: the built-in taxonomy, the care zones and every alias.

Users write codes in Dutch, French or English, in any case, with or without
accents (``eerste lijn``, ``première ligne``, ``Zuid``, ``Centre-Ouest``).
A :class:`CodeTable` maps each accepted spelling to its canonical code and
suggests the nearest code for a near miss.

Examples
--------
>>> LINES.match("première ligne")
1
>>> KINDS.match("organisatie")
'organisation'
>>> KINDS.suggest("persn")
'person'
>>> normalise(" Sint-Gillis ")
'sint gillis'
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "CodeTable",
    "normalise",
    "KINDS",
    "LINES",
    "LANGUAGES",
    "ISO_639_1",
    "GROUP_TYPES",
    "ROLES",
    "TIE_TYPES",
    "FAMILIES",
    "BUILTIN_SECTORS",
    "FORMER_SECTOR_NAMES",
    "BUILTIN_ZONES",
    "BUILTIN_ZONE_NAMES",
    "REGION",
    "LANGS",
    "REASONS",
    "GAP_KINDS",
    "ACTION_KINDS",
    "LEVELS",
]

REGION = "region"
#: The languages of every output (reports, views, tables, terminal).
LANGS = ("nl", "fr", "en")
#: Why an actor counts as isolated (isolated.csv ``reason``), most serious first.
REASONS = ("no_ties", "intra_sector_only", "no_cross_line", "single_tie")
#: Kinds of gap (gaps.csv ``gap``): the contract's four, then the documented extras.
GAP_KINDS = ("sector_pair", "sector_missing", "line_gap", "language_gap", "weak_sector_pair", "family_pair",
             "weak_family_pair")
#: Verbs of actions.csv ``action``, in the ranking's tie-break order; ``take_over`` comes from ``plan leave``.
ACTION_KINDS = ("secure_bridge", "backup_contact", "introduce", "invite", "recruit", "take_over")
#: The graphs an analysis can run on (``--level``).
LEVELS = ("organisations", "actors")


def normalise(text: Any) -> str:
    """Fold a user-written code for matching: lower case, no accents, words split on punctuation.

    >>> normalise("Noord-Oost"), normalise("NORD EST"), normalise("1ère  ligne")
    ('noord oost', 'nord est', '1ere ligne')
    """
    folded = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    folded = folded.lower().replace("_", " ")
    return re.sub(r"[^a-z0-9]+", " ", folded).strip()


@dataclass
class CodeTable:
    """Canonical codes and the spellings that name them.

    Parameters
    ----------
    name : str
        What the codes are (``sector``, ``line``…), used in messages.
    aliases : dict
        Canonical code -> iterable of accepted spellings (the code itself is always accepted).
    """

    name: str
    aliases: dict[Hashable, Iterable[str]]
    _lookup: dict[str, Hashable] = field(init=False, repr=False)
    _seen: dict[Any, Hashable | None] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._seen = {}  # raw value -> code: a column repeats few distinct values
        self._lookup = {}
        for code, spellings in self.aliases.items():
            for spelling in (str(code), *spellings):
                self._lookup.setdefault(normalise(spelling), code)

    @property
    def codes(self) -> list:
        """The canonical codes, in table order."""
        return list(self.aliases)

    def match(self, value: Any) -> Hashable | None:
        """Return the canonical code ``value`` names, or None."""
        try:
            return self._seen[value]
        except KeyError:
            found = self._seen[value] = self._lookup.get(normalise(value))
            return found

    def suggest(self, value: Any) -> str | None:
        """Return the spelling closest to ``value`` (for a "did you mean" hint), or None.

        >>> ZONE_TEST = CodeTable("zone", {"south": ["Zuid", "Sud"]})
        >>> ZONE_TEST.suggest("Zuidd")
        'Zuid'
        """
        key = normalise(value)
        spellings: dict[str, str] = {}
        for code, names in self.aliases.items():
            for spelling in (str(code), *names):
                spellings.setdefault(normalise(spelling), spelling)
        close = difflib.get_close_matches(key, list(spellings), n=1, cutoff=0.75)
        return spellings[close[0]] if close else None

    def unknown_message(self, value: Any):
        """What to say of a value that names no code, with a hint where one is close (a
        :class:`~collabnet.records.messages.Message` of :mod:`collabnet.words.problems`).

        >>> from collabnet.words import plain
        >>> [plain(lang).say(LINES.unknown_message("fourth")) for lang in ("en", "nl")]
        ["unknown line 'fourth' (expected one of: 0, 1, 2, 3)", "onbekende zorglijn 'fourth' (mogelijke waarden: 0, 1, 2, 3)"]
        """
        from collabnet.errors import reason
        from collabnet.words import LABELS

        spelling = self.suggest(value)
        if spelling is not None:
            hint = reason("did_you_mean", spelling=spelling)
        else:
            hint = reason("expected_one_of", codes=", ".join(str(c) for c in self.codes[:30]))
        key = "unknown." + self.name.replace(" ", "_")
        if f"problem.{key}" not in LABELS:
            return reason("unknown.other", name=self.name, value=str(value), hint=hint)
        return reason(key, value=str(value), hint=hint)


KINDS = CodeTable(
    "kind",
    {
        "organisation": ["org", "organisatie", "organisme", "organization", "organisation", "orga", "structure"],
        "person": ["persoon", "personne", "person", "pers"],
    },
)

LINES = CodeTable(
    "line",
    {
        0: ["0e lijn", "0de lijn", "nulde lijn", "0 lijn", "ligne 0", "0e ligne", "ligne zero", "zero", "zeroth",
            "zeroth line", "0th line", "informal", "informeel", "informel", "mantelzorg"],
        1: ["eerste lijn", "1e lijn", "1ste lijn", "eerstelijn", "premiere ligne", "1re ligne", "1ere ligne",
            "1e ligne", "first", "first line", "1st line", "1st", "eerste", "premiere"],
        2: ["tweede lijn", "2e lijn", "2de lijn", "tweedelijn", "deuxieme ligne", "2e ligne", "2eme ligne",
            "seconde ligne", "second", "second line", "2nd line", "2nd", "tweede", "deuxieme"],
        3: ["derde lijn", "3e lijn", "3de lijn", "derdelijn", "troisieme ligne", "3e ligne", "3eme ligne",
            "third", "third line", "3rd line", "3rd", "derde", "troisieme"],
    },
)

LANGUAGES = CodeTable(
    "language",
    {
        "nl": ["nederlands", "nederlandstalig", "neerlandais", "neerlandophone", "dutch", "vlaams", "flemish", "nl be"],
        "fr": ["frans", "franstalig", "francais", "francophone", "french", "fr be"],
        "bi": ["bilingual", "tweetalig", "bilingue", "nl fr", "fr nl", "nl/fr", "fr/nl"],
        "en": ["english", "engels", "anglais"],
        "de": ["german", "duits", "allemand", "deutsch"],
    },
)

#: The two-letter language codes of ISO 639-1 (``language`` accepts any of them besides the aliases above).
ISO_639_1 = frozenset({
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh", "bi", "bm", "bn",
    "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz", "ee", "el", "en",
    "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he",
    "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv",
    "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li",
    "ln", "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd", "ne",
    "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm",
    "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st",
    "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk",
    "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu"
})

GROUP_TYPES = CodeTable(
    "group type",
    {
        "working_group": ["werkgroep", "groupe de travail", "gt", "wg", "working group", "werkgroup"],
        "partnership": ["partnerschap", "partenariat", "samenwerkingsverband", "samenwerking", "partnership"],
        "project": ["projet", "proefproject", "pilot", "pilot project"],
        "support_group": ["ondersteuningsgroep", "groupe d appui", "groupe de soutien", "support group",
                          "groupe d'appui"],
        "workshop": ["atelier", "veranderatelier", "atelier du changement", "change workshop", "plenary",
                     "plenaire"],
        "network": ["netwerk", "reseau", "network"],
        "other": ["andere", "autre", "overig", "divers"],
    },
)

ROLES = CodeTable(
    "role",
    {
        "member": ["lid", "membre", "deelnemer", "participant"],
        "coordinator": ["coordinator", "coordinateur", "coordinatrice", "trekker"],
        "chair": ["voorzitter", "president", "presidente", "chairman", "chairperson"],
        "partner": ["partenaire", "partner"],
        "observer": ["waarnemer", "observateur", "observatrice", "observer"],
    },
)

TIE_TYPES = CodeTable(
    "tie type",
    {
        "collaboration": ["samenwerking", "collaboration", "cooperation", "cooperatie", "samenwerken"],
        "referral": ["doorverwijzing", "verwijzing", "orientation", "renvoi", "referral"],
        "agreement": ["overeenkomst", "convention", "accord", "protocol", "protocole", "agreement"],
        "information": ["informatie", "information", "info", "uitwisseling", "echange"],
    },
)

FAMILIES = CodeTable(
    "sector family",
    {
        "health": ["gezondheid", "sante", "zorg", "soins"],
        "welfare": ["welzijn", "social", "sociaal", "bien etre", "aide sociale"],
        "other": ["andere", "autre", "overig"],
    },
)

# code, family, nl, fr, en (dataset.md, "The built-in taxonomy")
BUILTIN_SECTORS: tuple[tuple[str, str, str, str, str], ...] = (
    ("medical", "health", "Medische zorg", "Soins médicaux", "Medical care"),
    ("pharmacy", "health", "Apotheek", "Pharmacie", "Pharmacy"),
    ("mental_health", "health", "Geestelijke gezondheid", "Santé mentale", "Mental health"),
    ("home_care", "health", "Thuiszorg", "Aide et soins à domicile", "Home care"),
    ("prevention", "health", "Preventie en gezondheidspromotie", "Prévention et promotion de la santé",
     "Prevention and health promotion"),
    ("addiction", "health", "Verslavingszorg", "Assuétudes", "Addiction care"),
    ("palliative", "health", "Palliatieve zorg", "Soins palliatifs", "Palliative care"),
    ("social_assistance", "welfare", "Maatschappelijk werk", "Action sociale", "Social assistance"),
    ("elderly", "welfare", "Ouderenzorg", "Personnes âgées", "Elderly care"),
    ("disability", "welfare", "Personen met een handicap", "Handicap", "Disability"),
    ("housing", "welfare", "Wonen en thuisloosheid", "Logement et sans-abrisme", "Housing and homelessness"),
    ("family_youth", "welfare", "Gezin en jeugd", "Famille et jeunesse", "Family and youth"),
    ("community", "welfare", "Buurtwerk en gemeenschap", "Action communautaire", "Community work"),
    ("migration", "welfare", "Migratie en onthaal", "Migration et accueil", "Migration and reception"),
    ("employment_education", "welfare", "Werk en opleiding", "Emploi et formation", "Employment and education"),
    ("patients", "other", "Patiënten en gebruikers", "Patients et usagers", "Patients and users"),
    ("insurance", "other", "Ziekenfondsen", "Mutualités", "Health insurance funds"),
    ("coordination", "other", "Netwerken en ondersteuning", "Coordination et appui", "Coordination and support"),
    ("authority", "other", "Overheid", "Pouvoirs publics", "Public authority"),
    ("research", "other", "Kennis en onderzoek", "Recherche et connaissance", "Research and knowledge"),
)

#: Other names of built-in sectors, read as the sector in data, never shown (code -> names). The contract's
#: names (dataset.md) are shown; these are the names a Brussels social worker's review proposed.
FORMER_SECTOR_NAMES: dict[str, tuple[str, ...]] = {
    "elderly": ("Aide et soins aux personnes âgées",),
    "coordination": ("Coördinatie en ondersteuning",),
}

# zone code -> (nl, fr, en) display names
BUILTIN_ZONE_NAMES: dict[str, tuple[str, str, str]] = {
    "north": ("Noord", "Nord", "North"),
    "north-east": ("Noord-Oost", "Nord-Est", "North-East"),
    "south": ("Zuid", "Sud", "South"),
    "south-east": ("Zuid-Oost", "Sud-Est", "South-East"),
    "centre-west": ("Centrum-West", "Centre-Ouest", "Centre-West"),
}

# zone, municipality names (all spellings), postal codes (dataset.md, "The built-in table")
BUILTIN_ZONES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("north", ("Berchem-Sainte-Agathe", "Sint-Agatha-Berchem"), ("1082",)),
    ("north", ("Ganshoren",), ("1083",)),
    ("north", ("Jette",), ("1090",)),
    ("north", ("Koekelberg",), ("1081",)),
    ("north", ("Laeken", "Laken"), ("1020",)),
    ("north", ("Neder-Over-Heembeek",), ("1120",)),
    ("north", ("Haren",), ("1130",)),
    ("north-east", ("Schaerbeek", "Schaarbeek"), ("1030",)),
    ("north-east", ("Evere",), ("1140",)),
    ("north-east", ("Saint-Josse-ten-Noode", "Sint-Joost-ten-Node", "Saint-Josse", "Sint-Joost"), ("1210",)),
    ("south", ("Forest", "Vorst"), ("1190",)),
    ("south", ("Ixelles", "Elsene"), ("1050",)),
    ("south", ("Saint-Gilles", "Sint-Gillis"), ("1060",)),
    ("south", ("Uccle", "Ukkel"), ("1180",)),
    ("south", ("Watermael-Boitsfort", "Watermaal-Bosvoorde"), ("1170",)),
    ("south-east", ("Auderghem", "Oudergem"), ("1160",)),
    ("south-east", ("Etterbeek",), ("1040",)),
    ("south-east", ("Woluwe-Saint-Lambert", "Sint-Lambrechts-Woluwe"), ("1200",)),
    ("south-east", ("Woluwe-Saint-Pierre", "Sint-Pieters-Woluwe"), ("1150",)),
    ("centre-west", ("Anderlecht",), ("1070",)),
    ("centre-west", ("Molenbeek-Saint-Jean", "Sint-Jans-Molenbeek", "Molenbeek"), ("1080",)),
    ("centre-west", ("Brussels-City centre", "Brussel-Stad", "Bruxelles-Ville", "Brussels-City", "Stad Brussel",
                     "Ville de Bruxelles"), ("1000",)),
)

# Words users put around a zone code ("Zorgzone Zuid", "bassin Sud"): ignored when matching zone codes.
ZONE_PREFIXES = ("zorgzone", "zone", "bassin", "bassin d aide et de soins", "care zone")

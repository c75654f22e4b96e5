"""Table and column names in English, Dutch and French: CSV file names, sheet names, headers.

A coordinator's workbook says ``actoren`` or ``acteurs``, ``naam`` or ``nom``,
``sinds`` or ``depuis``. Each table and column of the dataset contract has
its spellings here, the first three being the names ``collabnet init``
writes in English, Dutch and French. Names are matched after
:func:`collabnet.codes.normalise` (case, accents, ``_`` / ``-`` / spaces).

A header that is the contract's own name always wins: when a table has both
``name`` and ``naam``, ``naam`` stays an extra column. Two other spellings of
one column (``naam`` and ``nom``) are an error naming both, never a guess.

Examples
--------
>>> table_of("Acteurs"), table_of("lidmaatschappen"), table_of("Liens"), table_of("notes")
('actors', 'memberships', 'ties', None)
>>> canonical_columns("memberships", ["acteur", "groupe", "rôle", "depuis", "jusqu'au"])
['actor', 'group', 'role', 'since', 'until']
>>> canonical_columns("actors", ["id", "name", "naam"])
['id', 'name', 'naam']
>>> column_name("actors", "municipality", "nl"), table_name("ties", "fr")
('gemeente', 'liens')
"""

from __future__ import annotations

from collabnet.codes import normalise
from collabnet.errors import DatasetError, reason

__all__ = ["TABLE_NAMES", "COLUMN_NAMES", "table_of", "canonical_columns", "table_name", "column_name",
           "spellings", "LANG_INDEX"]

#: Position of each language's name in the spellings below.
LANG_INDEX = {"en": 0, "nl": 1, "fr": 2}

#: table -> (en, nl, fr, other spellings...) of its CSV file name or sheet name.
TABLE_NAMES: dict[str, tuple[str, ...]] = {
    "actors": ("actors", "actoren", "acteurs", "actor", "actoren lijst", "acteur", "actors list", "liste des acteurs"),
    "groups": ("groups", "groepen", "groupes", "group", "groep", "groupe", "werkgroepen", "groupes de travail",
               "working groups"),
    "memberships": ("memberships", "lidmaatschappen", "affiliations", "membership", "lidmaatschap", "affiliation",
                    "leden", "membres", "members", "appartenances", "deelnames", "participations"),
    "ties": ("ties", "banden", "liens", "tie", "band", "lien", "relaties", "relatie", "relations", "relation",
             "links", "samenwerkingen", "collaborations"),
    "zones": ("zones", "zorgzones", "zones", "zones de soins", "zone", "zorgzone", "zone de soins", "care zones", "bassins",
              "bassins d aide et de soins"),
    "sectors": ("sectors", "sectoren", "secteurs", "sector", "secteur", "taxonomie", "taxonomy"),
}

_ID = ("id", "id", "id", "identifiant", "identifier", "identificatie", "ref", "referentie", "reference", "code id")
_NAME = ("name", "naam", "nom", "benaming", "denomination", "appellation", "intitule", "display name")
_SINCE = ("since", "sinds", "depuis", "vanaf", "start", "begin", "startdatum", "begindatum", "debut", "date de debut",
          "a partir de", "start date", "from date", "van datum")
_UNTIL = ("until", "tot", "jusqu'au", "einde", "einddatum", "tot datum", "fin", "date de fin", "jusqu a", "end",
          "end date", "to date")
_ZONE = ("zone", "zone", "zone", "zorgzone", "zone de soins", "bassin", "bassin d aide et de soins", "care zone",
         "zone code", "code zone")
_NAME_NL = ("name_nl", "naam_nl", "nom_nl", "naam nederlands", "nom neerlandais", "name dutch", "nl")
_NAME_FR = ("name_fr", "naam_fr", "nom_fr", "naam frans", "nom francais", "name french", "fr")
_NAME_EN = ("name_en", "naam_en", "nom_en", "naam engels", "nom anglais", "name english", "en")

#: table -> column -> (en, nl, fr, other spellings...) of its header.
COLUMN_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "actors": {
        "id": _ID,
        "name": _NAME,
        "kind": ("kind", "soort", "type", "aard", "nature", "genre", "soort actor", "type d acteur", "type acteur",
                 "actor type", "kind of actor"),
        "sector": ("sector", "sector", "secteur", "sectors", "sectoren", "secteurs", "sector code", "sectorcode",
                   "code secteur"),
        "line": ("line", "lijn", "ligne", "zorglijn", "ligne de soins", "care line", "echelon", "echelon de soins"),
        "zone": _ZONE,
        "municipality": ("municipality", "gemeente", "commune", "localite", "plaats", "ville", "stad", "city",
                         "town"),
        "organisation": ("organisation", "organisatie", "organisation", "organization", "organisme", "werkgever",
                         "employeur", "instelling", "institution", "structure"),
        "language": ("language", "taal", "langue", "languages", "talen", "langues", "werktaal", "langue de travail"),
        "neighbourhood": ("neighbourhood", "wijk", "quartier", "neighborhood", "buurt"),
        "email": ("email", "e-mail", "e-mail", "mail", "courriel", "adresse e mail", "adresse mail", "e mailadres",
                  "emailadres", "mailadres"),
        "phone": ("phone", "telefoon", "téléphone", "tel", "gsm", "telefoonnummer", "numero de telephone", "mobile",
                  "portable"),
        "since": _SINCE,
        "until": _UNTIL,
    },
    "groups": {
        "id": _ID,
        "name": _NAME + ("groepsnaam", "nom du groupe", "group name"),
        "type": ("type", "soort", "type", "soort groep", "groepstype", "type de groupe", "group type"),
        "zone": _ZONE,
        "theme": ("theme", "thema", "thème", "thematique", "onderwerp", "sujet", "topic"),
        "since": _SINCE,
        "until": _UNTIL,
    },
    "memberships": {
        "actor": ("actor", "actor", "acteur", "lid", "membre", "member", "deelnemer", "participant", "actor id",
                  "id acteur"),
        "group": ("group", "groep", "groupe", "group id", "groep id", "id groupe"),
        "role": ("role", "rol", "rôle", "rol in de groep", "role dans le groupe"),
        "since": _SINCE,
        "until": _UNTIL,
    },
    "ties": {
        "source": ("source", "bron", "source", "actor 1", "acteur 1", "actor a", "acteur a", "origine", "van actor"),
        "target": ("target", "doel", "cible", "actor 2", "acteur 2", "actor b", "acteur b", "destination",
                   "bestemming", "naar actor"),
        "type": ("type", "soort", "type", "soort band", "type de lien", "tie type"),
        "weight": ("weight", "gewicht", "poids", "sterkte", "intensiteit", "intensite", "force", "strength"),
        "since": _SINCE,
        "until": _UNTIL,
    },
    "zones": {
        "zone": _ZONE,
        "municipality": ("municipality", "gemeente", "commune", "localite", "plaats"),
        "postal_code": ("postal_code", "postcode", "code_postal", "postal code", "zip", "zip code", "code postal"),
        "name_nl": _NAME_NL,
        "name_fr": _NAME_FR,
        "name_en": _NAME_EN,
    },
    "sectors": {
        "code": ("code", "code", "code", "sectorcode", "code secteur", "sector code"),
        "family": ("family", "familie", "famille", "sector family", "famille de secteurs", "sectorfamilie"),
        "name_nl": _NAME_NL,
        "name_fr": _NAME_FR,
        "name_en": _NAME_EN,
    },
}


def _lookup(entries: dict[str, tuple[str, ...]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for canonical, names in entries.items():
        for name in (canonical, *names):
            found.setdefault(normalise(name), canonical)
    return found


_TABLE_LOOKUP = _lookup(TABLE_NAMES)
_COLUMN_LOOKUP = {table: _lookup(columns) for table, columns in COLUMN_NAMES.items()}


def spellings(table: str, column: str | None = None) -> list[str]:
    """Every accepted spelling of a table's name, or of one of its columns, without repeats.

    >>> spellings("memberships")[:3]
    ['memberships', 'lidmaatschappen', 'affiliations']
    """
    names = TABLE_NAMES[table] if column is None else COLUMN_NAMES[table][column]
    return list(dict.fromkeys(names))


def table_of(name: str) -> str | None:
    """The contract table a file stem or sheet name names (any spelling), or None."""
    return _TABLE_LOOKUP.get(normalise(name))


def table_name(table: str, lang: str) -> str:
    """The name of ``table`` in ``lang`` (``en``, ``nl`` or ``fr``)."""
    return TABLE_NAMES[table][LANG_INDEX[lang]]


def column_name(table: str, column: str, lang: str) -> str:
    """The header of ``column`` of ``table`` in ``lang`` (``en``, ``nl`` or ``fr``)."""
    return COLUMN_NAMES[table][column][LANG_INDEX[lang]]


def canonical_columns(table: str, columns: list[str], label: str = "") -> list[str]:
    """The contract's names for a header as read (already lower case); other columns kept as they are.

    Raises
    ------
    DatasetError
        Two headers are other spellings of one column (``naam`` and ``nom``).
    """
    lookup = _COLUMN_LOOKUP.get(table, {})
    present = set(columns)
    result, taken = [], {}
    for column in columns:
        canonical = lookup.get(normalise(column))
        if canonical is None or canonical == column or canonical in present:
            result.append(column)
            continue
        if canonical in taken:
            raise DatasetError(reason("two_spellings", file=label, column=column, first=taken[canonical], second=column,
                                      canonical=canonical))
        taken[canonical] = column
        result.append(canonical)
    return result

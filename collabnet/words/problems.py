"""What is wrong with the input, in nl, fr and en: the problems ``FILE:ROW: COLUMN: reason`` and the errors.

One catalogue for every message about a dataset, a directory import, a sign-in
sheet or a survey form: :class:`collabnet.errors.Problem` and
:class:`collabnet.errors.CollabnetError` carry a key of it and its fields
(:func:`collabnet.errors.reason`), the reader's vocabulary puts it into words.
The English texts are what ``str()`` of a problem or an error says (the corpus
of broken datasets pins them); the Dutch and French ones are written for the
social workers and coordinators who fill in the spreadsheets. A key ending in
``.one`` is the singular form of the key before it (:meth:`Vocabulary.say`).
Values from the data (ids, codes, file names, the header as written) are
fields, quoted where the template says ``{name!r}``.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    # The frame of a problem, and parts that several messages share
    "problem.at": {"nl": "{file}:{row}: {column}: {reason}", "fr": "{file}:{row}: {column}: {reason}",
                   "en": "{file}:{row}: {column}: {reason}"},
    "problem.at_row": {"nl": "{file}:{row}: {reason}", "fr": "{file}:{row}: {reason}", "en": "{file}:{row}: {reason}"},
    "problem.option": {"nl": "{option}: {reason}", "fr": "{option} : {reason}", "en": "{option}: {reason}"},
    "problem.list": {"nl": "{problems}", "fr": "{problems}", "en": "{problems}"},
    "problem.none": {"nl": "geen", "fr": "aucun", "en": "none"},
    "problem.none.f": {"nl": "geen", "fr": "aucune", "en": "none"},
    "problem.none_given": {"nl": "(geen)", "fr": "(aucun)", "en": "(none)"},
    "problem.none_given.f": {"nl": "(geen)", "fr": "(aucune)", "en": "(none)"},
    "problem.did_you_mean": {"nl": " (bedoelt u {spelling!r}?)", "fr": " (vouliez-vous dire {spelling!r} ?)",
                             "en": " (did you mean {spelling!r}?)"},
    "problem.expected_one_of": {"nl": " (mogelijke waarden: {codes})", "fr": " (valeurs possibles : {codes})",
                                "en": " (expected one of: {codes})"},
    "problem.size.gib": {"nl": "{n} GiB", "fr": "{n} Gio", "en": "{n} GiB"},
    "problem.size.mib": {"nl": "{n} MiB", "fr": "{n} Mio", "en": "{n} MiB"},
    "problem.size.bytes": {"nl": "{n} bytes", "fr": "{n} octets", "en": "{n} bytes"},
    "problem.n.columns": {"nl": "{n} kolommen", "fr": "{n} colonnes", "en": "{n} columns"},
    "problem.n.columns.one": {"nl": "{n} kolom", "fr": "{n} colonne", "en": "{n} columns"},
    # A value that names no code (codes.CodeTable.unknown_message); {hint}: did you mean, or the codes
    "problem.unknown.sector": {"nl": "onbekende sector {value!r}{hint}", "fr": "secteur inconnu {value!r}{hint}",
                               "en": "unknown sector {value!r}{hint}"},
    "problem.unknown.zone": {"nl": "onbekende zone {value!r}{hint}", "fr": "bassin inconnu {value!r}{hint}",
                             "en": "unknown zone {value!r}{hint}"},
    "problem.unknown.kind": {"nl": "onbekende soort actor {value!r}{hint}", "fr": "type d'acteur inconnu {value!r}{hint}",
                             "en": "unknown kind {value!r}{hint}"},
    "problem.unknown.line": {"nl": "onbekende zorglijn {value!r}{hint}", "fr": "ligne de soins inconnue {value!r}{hint}",
                             "en": "unknown line {value!r}{hint}"},
    "problem.unknown.language": {"nl": "onbekende taal {value!r}{hint}", "fr": "langue inconnue {value!r}{hint}",
                                 "en": "unknown language {value!r}{hint}"},
    "problem.unknown.group_type": {"nl": "onbekend groepstype {value!r}{hint}",
                                   "fr": "type de groupe inconnu {value!r}{hint}",
                                   "en": "unknown group type {value!r}{hint}"},
    "problem.unknown.role": {"nl": "onbekende rol {value!r}{hint}", "fr": "rôle inconnu {value!r}{hint}",
                             "en": "unknown role {value!r}{hint}"},
    "problem.unknown.tie_type": {"nl": "onbekende soort band {value!r}{hint}", "fr": "type de lien inconnu {value!r}{hint}",
                                 "en": "unknown tie type {value!r}{hint}"},
    "problem.unknown.sector_family": {"nl": "onbekende sectorfamilie {value!r}{hint}",
                                      "fr": "famille de secteurs inconnue {value!r}{hint}",
                                      "en": "unknown sector family {value!r}{hint}"},
    "problem.unknown.other": {"nl": "onbekende {name} {value!r}{hint}", "fr": "{name} inconnu {value!r}{hint}",
                              "en": "unknown {name} {value!r}{hint}"},
    "problem.several_sectors": {"nl": "{reason}; scheid meerdere sectoren met '|'",
                                "fr": "{reason} ; séparez plusieurs secteurs par '|'",
                                "en": "{reason}; separate several sectors with '|'"},
    "problem.date_ignored": {"nl": "{reason}; de datum wordt genegeerd, de rij telt op elke datum mee",
                             "fr": "{reason} ; la date est ignorée, la ligne compte à toutes les dates",
                             "en": "{reason}; the row is kept and counts at every date"},
    "problem.kept_as_written": {"nl": "{reason}; overgenomen zoals ingevuld", "fr": "{reason} ; conservé tel quel",
                                "en": "{reason}; kept as written"},
    # Dates (collabnet.dataset.dates)
    "problem.not_a_date": {"nl": "geen geldige datum: {text!r} ({reason})",
                           "fr": "date invalide : {text!r} ({reason})", "en": "not a date: {text!r} ({reason})"},
    "problem.date_forms": {
        "nl": "verwacht: DD/MM/JJJJ (eerst de dag: 15/01/2024, 15-01-2024, 15.01.2024) of JJJJ-MM-DD",
        "fr": "format attendu : JJ/MM/AAAA (le jour d'abord : 15/01/2024, 15-01-2024, 15.01.2024) ou AAAA-MM-JJ",
        "en": "expected {forms}"},
    "problem.year_alone": {"nl": "alleen een jaartal; schrijf de volledige datum, bv. 01/01/2024",
                           "fr": "seulement une année ; écrivez la date complète, p. ex. 01/01/2024",
                           "en": "a year alone; write the day, e.g. 01/01/2024"},
    "problem.no_month": {"nl": "maand {month} bestaat niet", "fr": "le mois {month} n'existe pas",
                         "en": "there is no month {month}"},
    "problem.no_month_day_first": {"nl": "maand {month} bestaat niet; een datum begint met de dag: DD/MM/JJJJ",
                                   "fr": "le mois {month} n'existe pas ; une date commence par le jour : JJ/MM/AAAA",
                                   "en": "there is no month {month}; dates are day first: DD/MM/YYYY"},
    "problem.no_year_zero": {"nl": "jaar 0 bestaat niet", "fr": "l'année 0 n'existe pas", "en": "there is no year 0"},
    "problem.month_days": {"nl": "{month} {year} heeft {days} dagen", "fr": "{month} {year} compte {days} jours",
                           "en": "{month} {year} has {days} days"},
    "problem.month.1": {"nl": "januari", "fr": "janvier", "en": "January"},
    "problem.month.2": {"nl": "februari", "fr": "février", "en": "February"},
    "problem.month.3": {"nl": "maart", "fr": "mars", "en": "March"},
    "problem.month.4": {"nl": "april", "fr": "avril", "en": "April"},
    "problem.month.5": {"nl": "mei", "fr": "mai", "en": "May"},
    "problem.month.6": {"nl": "juni", "fr": "juin", "en": "June"},
    "problem.month.7": {"nl": "juli", "fr": "juillet", "en": "July"},
    "problem.month.8": {"nl": "augustus", "fr": "août", "en": "August"},
    "problem.month.9": {"nl": "september", "fr": "septembre", "en": "September"},
    "problem.month.10": {"nl": "oktober", "fr": "octobre", "en": "October"},
    "problem.month.11": {"nl": "november", "fr": "novembre", "en": "November"},
    "problem.month.12": {"nl": "december", "fr": "décembre", "en": "December"},
    "problem.reversed_dates": {
        "nl": "de einddatum ({until}) komt niet na de begindatum ({since}); zijn de datums omgewisseld?",
        "fr": "la date de fin ({until}) ne vient pas après la date de début ({since}) ; les dates sont-elles inversées ?",
        "en": "until ({until}) is not after since ({since}); are the dates reversed?"},
    # Rows of a dataset table (collabnet.dataset.validation)
    "problem.empty": {"nl": "lege cel", "fr": "cellule vide", "en": "{column} is empty"},
    "problem.duplicate_id": {"nl": "dubbele id {id!r} (staat al in rij {first})",
                             "fr": "identifiant {id!r} en double (déjà à la ligne {first})",
                             "en": "duplicate id {id!r} (first at row {first})"},
    "problem.duplicate_sector": {"nl": "dubbele sectorcode {code!r} (staat al in rij {first})",
                                 "fr": "code de secteur {code!r} en double (déjà à la ligne {first})",
                                 "en": "duplicate sector code {code!r} (first at row {first})"},
    "problem.bad_language": {
        "nl": "onbekende taal {value!r} (verwacht: nl, fr, bi of een andere ISO 639-1-code van twee letters)",
        "fr": "langue inconnue {value!r} (attendu : nl, fr, bi ou un autre code ISO 639-1 de deux lettres)",
        "en": "unknown language {value!r} (expected nl, fr, bi or another two-letter ISO 639-1 code)"},
    "problem.several_zones": {
        "nl": "gemeente {municipality!r} ligt in meerdere zones ({zones}); vul een postcode of de zone in",
        "fr": "la commune {municipality!r} s'étend sur plusieurs bassins ({zones}) ; indiquez un code postal ou le bassin",
        "en": "municipality {municipality!r} lies in several zones ({zones}); give a postal code or the zone"},
    "problem.left_out.organisation": {"nl": "organisatie {id!r} telt niet mee (zie {at})",
                                      "fr": "l'organisation {id!r} est écartée (voir {at})",
                                      "en": "organisation {id!r} was left out (see {at})"},
    "problem.left_out.actor": {"nl": "actor {id!r} telt niet mee (zie {at})",
                               "fr": "l'acteur {id!r} est écarté (voir {at})",
                               "en": "actor {id!r} was left out (see {at})"},
    "problem.left_out.group": {"nl": "groep {id!r} telt niet mee (zie {at})",
                               "fr": "le groupe {id!r} est écarté (voir {at})",
                               "en": "group {id!r} was left out (see {at})"},
    "problem.no_id.actor": {"nl": "geen actor met id {id!r}", "fr": "aucun acteur avec l'identifiant {id!r}",
                            "en": "no actor with id {id!r}"},
    "problem.no_id.group": {"nl": "geen groep met id {id!r}", "fr": "aucun groupe avec l'identifiant {id!r}",
                            "en": "no group with id {id!r}"},
    "problem.person_not_organisation": {"nl": "{id!r} is een persoon, geen organisatie",
                                        "fr": "{id!r} est une personne, pas une organisation",
                                        "en": "{id!r} is a person, not an organisation"},
    "problem.organisation_of_organisation": {
        "nl": "deze kolom geldt alleen voor personen; genegeerd bij een organisatie",
        "fr": "cette colonne ne sert que pour les personnes ; ignorée pour une organisation",
        "en": "an organisation's organisation column is ignored"},
    "problem.zone_of_municipality": {
        "nl": "zone niet te bepalen: gemeente {municipality!r} staat niet in de zonetabel (vul de kolom zone in)",
        "fr": "bassin impossible à déterminer : la commune {municipality!r} n'est pas dans la table des bassins "
              "(remplissez la colonne zone)",
        "en": "cannot determine the zone: municipality {municipality!r} is not in the zones table (give the zone column)"},
    "problem.no_zone": {"nl": "zone niet te bepalen: zone en gemeente zijn leeg",
                        "fr": "bassin impossible à déterminer : zone et commune sont vides",
                        "en": "cannot determine the zone: zone and municipality are empty"},
    "problem.self_tie": {"nl": "een band van actor {id!r} met zichzelf", "fr": "un lien de l'acteur {id!r} avec lui-même",
                         "en": "a tie from actor {id!r} to itself"},
    "problem.bad_weight": {"nl": "gewicht {value!r} is geen positief getal",
                           "fr": "le poids {value!r} n'est pas un nombre positif",
                           "en": "weight {value!r} is not a positive number"},
    "problem.bad_weight_survey": {"nl": "gewicht {value!r} is geen positief getal (een niveau van de bevraging: 0 tot 5)",
                                  "fr": "le poids {value!r} n'est pas un nombre positif (un niveau de l'enquête : "
                                        "de 0 à 5)",
                                  "en": "weight {value!r} is not a positive number (a survey level: 0 to 5)"},
    "problem.missing_column": {
        "nl": "{file}: de verplichte kolom {column!r} ontbreekt (gevonden kolommen: {found}{also})",
        "fr": "{file} : il manque la colonne obligatoire {column!r} (colonnes trouvées : {found}{also})",
        "en": "{file}: the required column {column!r} is missing (columns found: {found}{also})"},
    "problem.also_accepted": {"nl": "; andere aanvaarde namen: {names}", "fr": " ; autres noms acceptés : {names}",
                              "en": "; also accepted: {names}"},
    "problem.no_sector": {"nl": "{file}: geen bruikbare sector in de sectorentabel",
                          "fr": "{file} : aucun secteur utilisable dans la table des secteurs",
                          "en": "{file}: no usable sector in the sectors table"},
    "problem.no_zone_row": {"nl": "{file}: geen bruikbare rij in de zonetabel",
                            "fr": "{file} : aucune ligne utilisable dans la table des bassins",
                            "en": "{file}: no usable row in the zones table"},
    # Reading files (collabnet.dataset.reading, names, sheets, limits)
    "problem.column_twice": {"nl": "{file}:1: {column}: de kolom staat twee keer in de kopregel",
                             "fr": "{file}:1: {column}: la colonne figure deux fois dans l'en-tête",
                             "en": "{file}:1: {column}: the column appears twice in the header"},
    "problem.two_spellings": {
        "nl": "{file}:1: {column}: de kolommen {first!r} en {second!r} staan allebei voor {canonical!r}; houd er één over",
        "fr": "{file}:1: {column}: les colonnes {first!r} et {second!r} désignent toutes deux {canonical!r} ; "
              "gardez-en une",
        "en": "{file}:1: {column}: the columns {first!r} and {second!r} both name the column {canonical!r}; keep one"},
    "problem.header_repeated": {"nl": "de kopregel staat hier opnieuw; rij genegeerd",
                                "fr": "l'en-tête revient ici ; ligne ignorée",
                                "en": "the header row is repeated here; row ignored"},
    "problem.too_many_values": {
        "nl": "de rij heeft {values} waarden, de kopregel maar {columns} (een scheidingsteken in een waarde zonder "
              "aanhalingstekens?)",
        "fr": "la ligne a {values} valeurs, l'en-tête seulement {columns} (un séparateur dans une valeur sans guillemets ?)",
        "en": "the row has {values} values but the header has {columns} (an unquoted delimiter inside a value?)"},
    "problem.other_delimiter": {"nl": "de rij is gescheiden door {other!r}, de rest van het bestand door {delimiter!r}",
                                "fr": "la ligne est séparée par {other!r}, le reste du fichier par {delimiter!r}",
                                "en": "the row is separated by {other!r} but the file uses {delimiter!r}"},
    "problem.not_text": {
        "nl": "{file}: geen tekstbestand (NUL-bytes: een binair bestand, of een beschadigd UTF-16-bestand?); "
              "sla het op als CSV UTF-8",
        "fr": "{file} : pas un fichier texte (octets NUL : un fichier binaire, ou un fichier UTF-16 endommagé ?) ; "
              "enregistrez-le en CSV UTF-8",
        "en": "{file}: not a text file (NUL bytes: a binary file, or a damaged UTF-16 file?); save it as CSV UTF-8"},
    "problem.empty_file": {"nl": "{file}: het bestand is leeg (er moet minstens een kopregel in staan)",
                           "fr": "{file} : le fichier est vide (il faut une ligne d'en-tête)",
                           "en": "{file}: the file is empty (expected a header row)"},
    "problem.header_byte": {
        "nl": "{file}:{row}: de kopregel bevat een byte die geen geldige {encoding} is (sla het bestand op als CSV UTF-8)",
        "fr": "{file}:{row}: l'en-tête contient un octet non valide en {encoding} (enregistrez le fichier en CSV UTF-8)",
        "en": "{file}:{row}: the header holds a byte that is not valid {encoding} (save the file as CSV UTF-8)"},
    "problem.unclosed_quote.end": {
        "nl": "hier opent een aanhalingsteken dat nergens wordt gesloten: de waarde loopt nog {n} regels door, tot het einde "
              "van het bestand; de rij telt niet mee en het lezen gaat verder op de "
              "volgende regel (sluit het aanhalingsteken)",
        "fr": "un guillemet ouvert ici n'est jamais fermé : la valeur déborde sur {n} lignes de plus, jusqu'à la fin du "
              "fichier ; cette ligne est écartée et la lecture reprend à la ligne suivante (fermez le guillemet)",
        "en": "a quote opened here is never closed: the value runs over {n} more line(s) of the file, up to its end; "
              "the row is left out and the lines after it are read as rows (close the quote)"},
    "problem.unclosed_quote.end.one": {
        "nl": "hier opent een aanhalingsteken dat nergens wordt gesloten: de waarde loopt nog {n} regel door, tot het einde "
              "van het bestand; de rij telt niet mee en het lezen gaat verder op de "
              "volgende regel (sluit het aanhalingsteken)",
        "fr": "un guillemet ouvert ici n'est jamais fermé : la valeur déborde sur {n} ligne de plus, jusqu'à la fin du "
              "fichier ; cette ligne est écartée et la lecture reprend à la ligne suivante (fermez le guillemet)",
        "en": "a quote opened here is never closed: the value runs over {n} more line(s) of the file, up to its end; "
              "the row is left out and the lines after it are read as rows (close the quote)"},
    "problem.unclosed_quote.rows": {
        "nl": "hier opent een aanhalingsteken dat nergens wordt gesloten: de waarde loopt nog {n} regels door, met regels die "
              "op rijen lijken; de rij telt niet mee en het lezen gaat verder op de "
              "volgende regel (sluit het aanhalingsteken)",
        "fr": "un guillemet ouvert ici n'est jamais fermé : la valeur déborde sur {n} lignes de plus, qui ressemblent "
              "à des lignes du tableau ; cette ligne est écartée et la lecture reprend à la "
              "ligne suivante (fermez le guillemet)",
        "en": "a quote opened here is never closed: the value runs over {n} more line(s) of the file, holding lines "
              "that look like rows; the row is left out and the lines after it are read as rows (close the quote)"},
    "problem.unclosed_quote.rows.one": {
        "nl": "hier opent een aanhalingsteken dat nergens wordt gesloten: de waarde loopt nog {n} regel door, een regel die "
              "op een rij lijkt; de rij telt niet mee en het lezen gaat verder op de "
              "volgende regel (sluit het aanhalingsteken)",
        "fr": "un guillemet ouvert ici n'est jamais fermé : la valeur déborde sur {n} ligne de plus, qui ressemble "
              "à une ligne du tableau ; cette ligne est écartée et la lecture reprend à la "
              "ligne suivante (fermez le guillemet)",
        "en": "a quote opened here is never closed: the value runs over {n} more line(s) of the file, holding lines "
              "that look like rows; the row is left out and the lines after it are read as rows (close the quote)"},
    "problem.bad_byte": {
        "nl": "byte {byte} in {value!r} is geen geldige {encoding} (de codering van de rest van het bestand); de rij "
              "telt niet mee (verbeter de waarde en sla het bestand op als CSV UTF-8)",
        "fr": "l'octet {byte} dans {value!r} n'est pas valide en {encoding} (l'encodage du reste du fichier) ; la "
              "ligne est écartée (corrigez la valeur et enregistrez le fichier en CSV UTF-8)",
        "en": "byte {byte} in {value!r} is not valid {encoding}, the encoding of the rest of the file; the row is left "
              "out (correct the value, save the file as CSV UTF-8)"},
    "problem.not_a_sheet": {"nl": "geen blad van de dataset; niet gelezen{hint}",
                            "fr": "pas une feuille du jeu de données ; non lue{hint}",
                            "en": "not a dataset sheet; not read{hint}"},
    "problem.two_sheets": {"nl": "{file}: de bladen {sheets} bevatten allebei de tabel {table!r}; houd er één over",
                           "fr": "{file} : les feuilles {sheets} contiennent toutes deux la table {table!r} ; gardez-en une",
                           "en": "{file}: the sheets {sheets} both hold the table {table!r}; keep one"},
    "problem.merged_too_many": {
        "nl": "{file}: de samengevoegde cellen {range} vullen meer dan {n} cellen, het maximum dat collabnet in één "
              "blad leest",
        "fr": "{file} : les cellules fusionnées {range} remplissent plus de {n} cellules, le maximum que collabnet lit "
              "dans une feuille",
        "en": "{file}: merged cells {range} fill more than {n} cells, the most collabnet reads in one sheet"},
    "problem.column_computed": {
        "nl": "collabnet berekent de kolom {column!r} zelf; de kolom van het bestand blijft bewaard als {kept!r}",
        "fr": "collabnet calcule lui-même la colonne {column!r} ; celle du fichier est conservée sous {kept!r}",
        "en": "collabnet computes the column {column!r} itself; the file's column is kept as {kept!r}"},
    "problem.merged": {"nl": "samengevoegde cellen: de waarde linksboven geldt voor elke cel",
                       "fr": "cellules fusionnées : la valeur en haut à gauche s'applique à chaque cellule",
                       "en": "merged cells: the top-left value is used for every cell"},
    "problem.empty_sheet": {"nl": "het blad is leeg", "fr": "la feuille est vide", "en": "the sheet is empty"},
    "problem.empty_actors_sheet": {"nl": "{file}: het blad is leeg (er moet minstens een kopregel op staan)",
                                   "fr": "{file} : la feuille est vide (il faut une ligne d'en-tête)",
                                   "en": "{file}: the sheet is empty (expected a header row)"},
    "problem.formula": {
        "nl": "een formule zonder opgeslagen waarde (open de werkmap in Excel en sla ze op, of plak de cellen als "
              "waarden)",
        "fr": "une formule sans valeur enregistrée (ouvrez le classeur dans Excel et enregistrez-le, ou faites un "
              "collage spécial des valeurs)",
        "en": "a formula without a saved value (open and save the workbook in Excel, or paste values)"},
    "problem.cannot_read": {"nl": "{file}: kan het bestand niet lezen ({error})",
                            "fr": "{file} : impossible de lire le fichier ({error})",
                            "en": "{file}: cannot read the file ({error})"},
    "problem.not_regular": {
        "nl": "{file}: geen gewoon bestand (een pipe, een apparaat of een link ernaar); niet gelezen",
        "fr": "{file} : pas un fichier ordinaire (un tube, un périphérique ou un lien vers l'un d'eux) ; non lu",
        "en": "{file}: not a regular file (a pipe, a device, or a link to one); not read"},
    "problem.file_too_big": {
        "nl": "{file}: {size}, meer dan de {most} die collabnet in één bestand leest (splits de dataset, "
              "bijvoorbeeld per zone)",
        "fr": "{file} : {size}, plus que les {most} que collabnet lit dans un fichier (découpez le jeu de données, "
              "par bassin par exemple)",
        "en": "{file}: {size}, more than the {most} collabnet reads in one file (split the dataset, by zone for "
              "instance)"},
    "problem.file_grew": {"nl": "{file}: meer dan de {most} die collabnet in één bestand leest",
                          "fr": "{file} : plus que les {most} que collabnet lit dans un fichier",
                          "en": "{file}: more than the {most} collabnet reads in one file"},
    "problem.too_many_rows": {
        "nl": "{file}: meer dan {n} rijen, het maximum dat collabnet in één tabel leest (splits de dataset, "
              "bijvoorbeeld per zone)",
        "fr": "{file} : plus de {n} lignes, le maximum que collabnet lit dans une table (découpez le jeu de données, "
              "par bassin par exemple)",
        "en": "{file}: more than {n} rows, the most collabnet reads in one table (split the dataset, by zone for "
              "instance)"},
    "problem.folder": {"nl": "een map; niet gelezen", "fr": "un dossier ; non lu", "en": "a folder; not read"},
    "problem.not_regular_entry": {"nl": "geen gewoon bestand; niet gelezen", "fr": "pas un fichier ordinaire ; non lu",
                                  "en": "not a regular file; not read"},
    "problem.companion.edges": {
        "nl": "de verbindingen van het netwerk zoals `collabnet export --format csv` ze schrijft, geen tabel van de "
              "dataset; niet gelezen",
        "fr": "les liens du réseau tels que `collabnet export --format csv` les écrit, pas une table du jeu de "
              "données ; non lu",
        "en": "the links of the actor graph as `collabnet export --format csv` writes them, not a dataset table; "
              "not read"},
    "problem.companion.review": {
        "nl": "de namen die `collabnet import` niet met zekerheid kon koppelen, geen tabel van de dataset; niet gelezen",
        "fr": "les noms que `collabnet import` n'a pas pu associer avec certitude, pas une table du jeu de données ; "
              "non lu",
        "en": "the names `collabnet import` could not match for sure, not a dataset table; not read"},
    "problem.companion.truth": {
        "nl": "de structuur die `collabnet synth` erin heeft gelegd, geen tabel van de dataset; niet gelezen",
        "fr": "la structure que `collabnet synth` y a placée, pas une table du jeu de données ; non lu",
        "en": "the structure `collabnet synth` planted, not a dataset table; not read"},
    "problem.not_a_file": {"nl": "geen bestand van de dataset; niet gelezen{hint}",
                           "fr": "pas un fichier du jeu de données ; non lu{hint}",
                           "en": "not a dataset file; not read{hint}"},
    "problem.two_files": {"nl": "{files}: {n} bestanden voor de tabel {table!r}; houd er één over",
                          "fr": "{files} : {n} fichiers pour la table {table!r} ; gardez-en un",
                          "en": "{files}: {n} files for the table {table!r}; keep one"},
    "problem.empty_table_file": {"nl": "het bestand is leeg; geen rijen gelezen",
                                 "fr": "le fichier est vide ; aucune ligne lue",
                                 "en": "the file is empty; no rows read"},
    "problem.no_such_path": {"nl": "{path}: bestand of map niet gevonden", "fr": "{path} : fichier ou dossier introuvable",
                             "en": "{path}: no such file or folder"},
    "problem.no_such_file": {"nl": "{path}: bestand niet gevonden", "fr": "{path} : fichier introuvable",
                             "en": "{path}: no such file"},
    "problem.not_a_dataset": {"nl": "{file}: een dataset is een map met CSV-bestanden of een .xlsx-werkmap",
                              "fr": "{file} : un jeu de données est un dossier de fichiers CSV ou un classeur .xlsx",
                              "en": "{file}: a dataset is a folder of CSV files or an .xlsx workbook"},
    "problem.no_actors.files": {
        "nl": "{file}: geen tabel actors (de enige verplichte tabel; gevonden bestanden: {found}; noem de tabel actors, "
              "actoren of acteurs)",
        "fr": "{file} : pas de table actors (la seule table obligatoire ; fichiers trouvés : {found} ; nommez-la "
              "actors, actoren ou acteurs)",
        "en": "{file}: no actors table (the only required table; files found: {found}; name it actors, actoren or "
              "acteurs)"},
    "problem.no_actors.sheets": {
        "nl": "{file}: geen tabel actors (de enige verplichte tabel; gevonden bladen: {found}; noem de tabel actors, "
              "actoren of acteurs)",
        "fr": "{file} : pas de table actors (la seule table obligatoire ; feuilles trouvées : {found} ; nommez-la "
              "actors, actoren ou acteurs)",
        "en": "{file}: no actors table (the only required table; sheets found: {found}; name it actors, actoren or "
              "acteurs)"},
    # Workbooks (collabnet.dataset.sheets)
    "problem.bad_workbook": {"nl": "{file}: kan de werkmap niet lezen (geen .xlsx-bestand, of beschadigd: {error})",
                             "fr": "{file} : impossible de lire le classeur (pas un fichier .xlsx, ou endommagé : {error})",
                             "en": "{file}: cannot read the workbook (not an .xlsx file, or damaged: {error})"},
    "problem.damaged_workbook": {"nl": "{file}: kan de werkmap niet lezen (beschadigd: {error})",
                                 "fr": "{file} : impossible de lire le classeur (endommagé : {error})",
                                 "en": "{file}: cannot read the workbook (damaged: {error})"},
    "problem.damaged_sheet": {"nl": "{file}: kan het blad niet lezen (beschadigd: {error})",
                              "fr": "{file} : impossible de lire la feuille (endommagée : {error})",
                              "en": "{file}: cannot read the sheet (damaged: {error})"},
    "problem.zip_bomb": {
        "nl": "{file}: {part} ({member}) is uitgepakt {size} groot, meer dan de {most} die collabnet leest (een zipbom, of "
              "een blad dat ver voorbij de gegevens loopt?)",
        "fr": "{file} : {part} ({member}) fait {size} une fois décompressé, plus que les {most} que collabnet lit "
              "(une bombe zip, ou une feuille qui s'étend bien au-delà des données ?)",
        "en": "{file}: {part} ({member}) unpacks to {size}, more than the {most} collabnet reads (a zip bomb, or a "
              "sheet far beyond its data?)"},
    "problem.part.relationships": {"nl": "de relaties van het pakket", "fr": "les relations du paquet",
                                   "en": "the package relationships"},
    "problem.part.workbook": {"nl": "het werkmapdeel", "fr": "la partie classeur", "en": "the workbook part"},
    "problem.part.workbook_relationships": {"nl": "de relaties van de werkmap", "fr": "les relations du classeur",
                                            "en": "the workbook relationships"},
    "problem.part.styles": {"nl": "het deel met de stijlen", "fr": "la partie des styles", "en": "the styles part"},
    "problem.part.strings": {"nl": "de gedeelde teksten", "fr": "les textes partagés", "en": "the shared strings"},
    "problem.part.sheet": {"nl": "het blad {name!r}", "fr": "la feuille {name!r}", "en": "the sheet {name!r}"},
    "problem.row_outside": {"nl": "{file}: rijnummer {row} valt buiten 1-{last} (een beschadigde werkmap)",
                            "fr": "{file} : le numéro de ligne {row} est hors de 1-{last} (un classeur endommagé)",
                            "en": "{file}: row number {row} is outside 1-{last} (a damaged workbook)"},
    "problem.too_many_cells": {
        "nl": "{file}: meer dan {n} cellen bevatten een waarde, het maximum dat collabnet in één blad leest",
        "fr": "{file} : plus de {n} cellules contiennent une valeur, le maximum que collabnet lit dans une feuille",
        "en": "{file}: more than {n} cells hold a value, the most collabnet reads in one sheet"},
    "problem.far_cell": {
        "nl": "{file}: cel {cell} bevat een waarde voorbij kolom {last}, de laatste van de {n} kolommen die collabnet "
              "leest (een verdwaalde cel? wis wat naast de tabel staat)",
        "fr": "{file} : la cellule {cell} contient une valeur au-delà de la colonne {last}, la dernière des {n} "
              "colonnes que collabnet lit (une cellule égarée ? effacez ce qui dépasse du tableau)",
        "en": "{file}: cell {cell} holds a value beyond column {last}, the last of the {n} columns collabnet reads "
              "(a stray cell? delete what lies beyond the table)"},
    # A new dataset (collabnet init)
    "problem.exists": {
        "nl": "{path}: bestaat al; kies een nieuw bestand of een lege map (collabnet overschrijft niets)",
        "fr": "{path} : existe déjà ; indiquez un nouveau fichier ou un dossier vide (collabnet n'écrase rien)",
        "en": "{path}: exists already; give a new file or an empty folder (nothing is overwritten)"},
    "problem.template_target": {"nl": "{path}: geef een .xlsx-bestand of een map (voor CSV-bestanden)",
                                "fr": "{path} : indiquez un fichier .xlsx ou un dossier (pour des fichiers CSV)",
                                "en": "{path}: give a .xlsx file or a folder (for CSV files)"},
    # Imports (collabnet.intake): the directory, sign-in sheets, the review file
    "problem.column_missing": {"nl": "{file}: de kolom {column!r} ontbreekt (gevonden kolommen: {found})",
                               "fr": "{file} : il manque la colonne {column!r} (colonnes trouvées : {found})",
                               "en": "{file}: the column {column!r} is missing (columns found: {found})"},
    "problem.not_a_row_number": {"nl": "geen rijnummer: {value!r}", "fr": "pas un numéro de ligne : {value!r}",
                                 "en": "not a row number: {value!r}"},
    "problem.stays_in_review": {"nl": "{reason}; de rij blijft na te kijken",
                                "fr": "{reason} ; la ligne reste à vérifier",
                                "en": "{reason}; the row stays in review"},
    "problem.decision_new": {
        "nl": "{decision!r}: schrijf new:SECTOR of new:SECTOR:ZONE met een sectorcode (bv. new:medical:south)",
        "fr": "{decision!r} : écrivez new:SECTEUR ou new:SECTEUR:BASSIN avec un code de secteur "
              "(p. ex. new:medical:south)",
        "en": "{decision!r}: write new:SECTOR or new:SECTOR:ZONE with a sector code (e.g. new:medical:south)"},
    "problem.decision": {"nl": "{decision!r}: {reason}", "fr": "{decision!r} : {reason}", "en": "{decision!r}: {reason}"},
    "problem.decision_zone": {"nl": "{decision!r}: de groep heeft geen zone; schrijf new:SECTOR:ZONE",
                              "fr": "{decision!r} : le groupe n'a pas de bassin ; écrivez new:SECTEUR:BASSIN",
                              "en": "{decision!r}: the group has no zone; write new:SECTOR:ZONE"},
    "problem.decision_unknown": {
        "nl": "geen organisatie met id {decision!r} in de dataset (schrijf een actor-id, new:SECTOR[:ZONE] of skip)",
        "fr": "aucune organisation avec l'identifiant {decision!r} dans le jeu de données (écrivez un identifiant "
              "d'acteur, new:SECTEUR[:BASSIN] ou skip)",
        "en": "no organisation with id {decision!r} in the dataset (write an actor id, new:SECTOR[:ZONE] or skip)"},
    "problem.import_writes_folder": {"nl": "{file}: een import schrijft een map met CSV-bestanden; geef --out MAP",
                                     "fr": "{file} : un import écrit un dossier de fichiers CSV ; indiquez --out DOSSIER",
                                     "en": "{file}: an import writes a folder of CSV files; give --out FOLDER"},
    "problem.no_list_column.organisation": {
        "nl": "{file}: geen kolom voor de organisatie (gelezen kolomkoppen: {found}; verwacht bv. {examples})",
        "fr": "{file} : aucune colonne pour l'organisation (en-têtes lus : {found} ; attendu p. ex. {examples})",
        "en": "{file}: no organisation column (headers read: {found}; expected e.g. {examples})"},
    "problem.no_list_column.name": {
        "nl": "{file}: geen kolom voor de naam (gelezen kolomkoppen: {found}; verwacht bv. {examples})",
        "fr": "{file} : aucune colonne pour le nom (en-têtes lus : {found} ; attendu p. ex. {examples})",
        "en": "{file}: no name column (headers read: {found}; expected e.g. {examples})"},
    "problem.no_group": {
        "nl": "--group: geen groep {group!r} in de dataset (groepen: {known}); geef --group-type (en --group-name) "
              "om de groep aan te maken",
        "fr": "--group : aucun groupe {group!r} dans le jeu de données (groupes : {known}) ; indiquez --group-type "
              "(et --group-name) pour le créer",
        "en": "--group: no group {group!r} in the dataset (groups: {known}); give --group-type (and --group-name) to "
              "create it"},
    "problem.row_not_imported": {"nl": "{reason}; rij niet geïmporteerd", "fr": "{reason} ; ligne non importée",
                                 "en": "{reason}; row not imported"},
    "problem.no_person_name": {"nl": "de naam van de persoon ontbreekt", "fr": "le nom de la personne manque",
                               "en": "no person's name"},
    "problem.decision_changed": {
        "nl": "de beslissing voor {at} gold voor {before!r}, maar nu staat er {now!r}; kijk de rij opnieuw na",
        "fr": "la décision pour {at} portait sur {before!r}, mais la ligne indique maintenant {now!r} ; "
              "vérifiez-la à nouveau",
        "en": "the decision for {at} was made for {before!r}, the row now says {now!r}; it goes to review again"},
    "problem.no_organisation": {"nl": "geen organisatie ingevuld; de rij is na te kijken",
                                "fr": "pas d'organisation indiquée ; la ligne est à vérifier",
                                "en": "no organisation; the row goes to review"},
    "problem.bad_json": {"nl": "geen geldige JSON ({error})", "fr": "JSON invalide ({error})",
                         "en": "not valid JSON ({error})"},
    "problem.bad_json_line": {"nl": "geen geldige JSON (regel {line}: {error})",
                              "fr": "JSON invalide (ligne {line} : {error})",
                              "en": "not valid JSON (line {line}: {error})"},
    "problem.not_an_object": {"nl": "geen JSON-object", "fr": "pas un objet JSON", "en": "not a JSON object"},
    "problem.no_records": {"nl": "{file}: geen enkele fiche van de sociale kaart gelezen ({reasons})",
                           "fr": "{file} : aucune fiche de la carte sociale lue ({reasons})",
                           "en": "{file}: no directory record read ({reasons})"},
    "problem.no_json": {"nl": "geen .json-bestand in {folder}", "fr": "aucun fichier .json dans {folder}",
                        "en": "no .json file in {folder}"},
    "problem.city_zone": {"nl": "Brussel-Stad: zone {zone} volgens de postcode {postal}",
                          "fr": "Bruxelles-Ville : bassin {zone} d'après le code postal {postal}",
                          "en": "Brussels-City: zone {zone} from the postal code {postal}"},
    "problem.city_undecided": {
        "nl": "Brussel-Stad ligt in meerdere zorgzones en de postcode {postal} geeft geen uitsluitsel: vul de zone in",
        "fr": "Bruxelles-Ville s'étend sur plusieurs bassins et le code postal {postal} ne tranche pas : indiquez le "
              "bassin",
        "en": "Brussels-City lies in several care zones and the postal code {postal} does not decide: give the zone"},
    "problem.zone_undecided": {"nl": "zone niet bepaald: postcode {postal}, gemeente {municipality}",
                               "fr": "bassin non déterminé : code postal {postal}, commune {municipality}",
                               "en": "zone not decided: postal code {postal}, municipality {municipality}"},
    "problem.record_no_id": {"nl": "de fiche heeft geen id", "fr": "la fiche n'a pas d'identifiant",
                             "en": "the record has no id"},
    "problem.record_no_name": {
        "nl": "geen bruikbare naam (nameOfficialFr/Nl, nameAlternative en nameService zijn allemaal leeg)",
        "fr": "aucun nom utilisable (nameOfficialFr/Nl, nameAlternative et nameService sont tous vides)",
        "en": "no usable name (nameOfficialFr/Nl, nameAlternative, nameService all empty)"},
    "problem.duplicate_record": {"nl": "dubbele id {id} (staat al in {first}); fiche niet meegeteld",
                                 "fr": "identifiant {id} en double (déjà dans {first}) ; fiche écartée",
                                 "en": "duplicate id {id} (first at {first}); record left out"},
    "problem.same_company": {
        "nl": "zelfde ondernemingsnummer {company} als {other} (twee diensten van dezelfde organisatie? beide blijven behouden)",
        "fr": "même numéro d'entreprise {company} que {other} (deux services d'une même organisation ? les deux sont "
              "conservés)",
        "en": "same company number {company} as {other} (two services of one organisation? both kept)"},
    "problem.record_value_ignored": {"nl": "{reason}; genegeerd, de fiche telt mee",
                                     "fr": "{reason} ; ignoré, la fiche est conservée",
                                     "en": "{reason}; ignored, the record is kept"},
    "problem.record_value_left_out": {"nl": "{reason}; fiche niet geïmporteerd", "fr": "{reason} ; fiche écartée",
                                      "en": "{reason}; record left out"},
    "problem.not_json_type": {"nl": "{value} is geen {expected}", "fr": "{value} n'est pas {expected}",
                              "en": "{value} is not {expected}"},
    "problem.json.object": {"nl": "JSON-object", "fr": "un objet JSON", "en": "a JSON object"},
    "problem.json.list": {"nl": "JSON-lijst", "fr": "une liste JSON", "en": "a JSON list"},
    "problem.json.text": {"nl": "tekst", "fr": "un texte", "en": "a text"},
    "problem.json.text_or_number": {"nl": "tekst of geheel getal", "fr": "un texte ou un nombre entier",
                                    "en": "a text or a whole number"},
    "problem.not_a_record_file": {"nl": "geen .json-bestand; niet gelezen", "fr": "pas un fichier .json ; non lu",
                                  "en": "not a .json file; not read"},
    "problem.fix_row_first": {
        "nl": "{problem} (verbeter eerst deze rij: een import herschrijft de tabel en zou de rij kwijtraken; "
              "`collabnet validate` toont alle problemen)",
        "fr": "{problem} (corrigez d'abord cette ligne : un import réécrit la table et la perdrait ; "
              "`collabnet validate` affiche tous les problèmes)",
        "en": "{problem} (fix this row first, `collabnet validate` lists all: an import rewrites the table and would "
              "lose it)"},
    "problem.import_not_a_file": {
        "nl": "{path}: een import schrijft een datasetmap met CSV-bestanden, geen bestand (geef een map; "
              "`collabnet convert` maakt er een werkmap van)",
        "fr": "{path} : un import écrit un dossier de fichiers CSV, pas un fichier (indiquez un dossier ; "
              "`collabnet convert` en fait un classeur)",
        "en": "{path}: an import writes a dataset folder of CSV files, not a file (give a folder; `collabnet "
              "convert` makes a workbook of it)"},
    "problem.no_sheet_at_all": {"nl": "{file}: de werkmap heeft geen blad", "fr": "{file} : le classeur n'a aucune feuille",
                                "en": "{file}: the workbook has no sheet"},
    "problem.no_such_sheet": {"nl": "{file}: geen blad {sheet!r} (gevonden bladen: {found})",
                              "fr": "{file} : pas de feuille {sheet!r} (feuilles trouvées : {found})",
                              "en": "{file}: no sheet {sheet!r} (sheets found: {found})"},
    # The relationship survey (collabnet.survey)
    "problem.unknown_respondent": {
        "nl": "onbekende respondent {value!r}: geen organisatie van de dataset met deze id of naam{hint}; het "
              "antwoord telt niet mee",
        "fr": "répondant inconnu {value!r} : aucune organisation du jeu de données avec cet identifiant ou ce "
              "nom{hint} ; la réponse est écartée",
        "en": "unknown respondent {value!r}: no organisation of the dataset with this id or name{hint}; the answer "
              "is left out"},
    "problem.unknown_partner": {
        "nl": "onbekende partner {value!r}: geen organisatie van de dataset met deze id of naam{hint}; het antwoord "
              "telt niet mee",
        "fr": "partenaire inconnu {value!r} : aucune organisation du jeu de données avec cet identifiant ou ce "
              "nom{hint} ; la réponse est écartée",
        "en": "unknown partner {value!r}: no organisation of the dataset with this id or name{hint}; the answer is "
              "left out"},
    "problem.did_you_mean_actor": {"nl": " (bedoelt u {id!r}, {name!r}?)", "fr": " (vouliez-vous dire {id!r}, {name!r} ?)",
                                   "en": " (did you mean {id!r}, {name!r}?)"},
    "problem.answer_left_out": {"nl": "{reason}; het antwoord telt niet mee", "fr": "{reason} ; la réponse est écartée",
                                "en": "{reason}; the answer is left out"},
    "problem.answer_kept": {"nl": "{reason}; genegeerd, het antwoord telt wel mee",
                    "fr": "{reason} ; ignoré, la réponse est conservée",
                            "en": "{reason}; ignored, the answer is kept"},
    "problem.no_level": {"nl": "geen niveau, maar {field} is ingevuld; het antwoord telt niet mee",
                         "fr": "pas de niveau, mais {field} est rempli ; la réponse est écartée",
                         "en": "no level, but {field} is filled in; the answer is left out"},
    "problem.no_respondent": {"nl": "geen respondent", "fr": "pas de répondant", "en": "no respondent"},
    "problem.no_date": {"nl": "geen datum (vul de datum van het formulier in, of geef --date)",
                        "fr": "pas de date (remplissez la date du formulaire, ou indiquez --date)",
                        "en": "no date (fill in the form's date, or give --date)"},
    "problem.answer_about_itself": {"nl": "een antwoord van {respondent!r} over zichzelf; telt niet mee",
                                    "fr": "une réponse de {respondent!r} à son propre sujet ; écartée",
                                    "en": "an answer of {respondent!r} about itself; left out"},
    "problem.duplicate_answer": {
        "nl": "dubbel antwoord: {respondent!r} over {partner!r} op {date} staat al in {first}; dit antwoord telt niet "
              "mee",
        "fr": "réponse en double : {respondent!r} sur {partner!r} le {date} figure déjà dans {first} ; celle-ci est "
              "écartée",
        "en": "duplicate answer: {respondent!r} about {partner!r} on {date} was already answered at {first}; this "
              "one is left out"},
    "problem.not_a_score": {"nl": "{score} {value!r} is geen score van 1 tot 4",
                            "fr": "{score} {value!r} n'est pas un score de 1 à 4",
                            "en": "{score} {value!r} is not a score from 1 to 4"},
    "problem.no_answer_table": {
        "nl": "{file}: geen enkel blad bevat een antwoordtabel (een kopregel met een kolom partner en een kolom "
              "niveau); is dit wel een formulier van de bevraging?",
        "fr": "{file} : aucune feuille ne contient de tableau de réponses (une ligne d'en-tête avec une colonne "
              "partenaire et une colonne niveau) ; est-ce bien un formulaire de l'enquête ?",
        "en": "{file}: no sheet holds an answer table (a header row with a partner and a level column); is this a "
              "survey form?"},
    "problem.no_sheet_respondent": {
        "nl": "geen respondent boven de antwoordtabel (een rij 'Uw organisatie | id | naam'); het blad telt niet mee",
        "fr": "pas de répondant au-dessus du tableau de réponses (une ligne 'Votre organisation | identifiant | "
              "nom') ; la feuille est écartée",
        "en": "no respondent above the answer table (a row 'Your organisation | id | name'); the sheet is left out"},
    "problem.sheet_respondent_unknown": {"nl": "de respondent van dit blad is onbekend; het antwoord telt niet mee",
                                         "fr": "le répondant de cette feuille est inconnu ; la réponse est écartée",
                                         "en": "the sheet's respondent is unknown; left out"},
    "problem.no_answer_columns": {
        "nl": "{file}: geen kolom partner of level (gelezen kolomkoppen: {found}; verwacht: respondent, partner, level, "
              "date)",
        "fr": "{file} : aucune colonne partner ou level (en-têtes lus : {found} ; attendu : respondent, partner, "
              "level, date)",
        "en": "{file}: no partner or level column (headers read: {found}; expected respondent, partner, level, date)"},
    "problem.not_a.level": {"nl": "{value!r} is geen geldig niveau ({low} tot {high}, of een omschrijving van de schaal)",
                            "fr": "{value!r} n'est pas un niveau valide (de {low} à {high}, ou un libellé de l'échelle)",
                            "en": "level {value!r} is not a level ({low} to {high}, or a label of the scale)"},
    "problem.not_a.score": {"nl": "{value!r} is geen geldige score ({low} tot {high}, of een omschrijving van de schaal)",
                            "fr": "{value!r} n'est pas un score valide (de {low} à {high}, ou un libellé de l'échelle)",
                            "en": "score {value!r} is not a score ({low} to {high}, or a label of the scale)"},
    "problem.out_of_range.level": {"nl": "niveau {value!r} ligt niet tussen {low} en {high}",
                                   "fr": "le niveau {value!r} n'est pas compris entre {low} et {high}",
                                   "en": "level {value!r} is out of range ({low} to {high})"},
    "problem.out_of_range.score": {"nl": "score {value!r} ligt niet tussen {low} en {high}",
                                   "fr": "le score {value!r} n'est pas compris entre {low} et {high}",
                                   "en": "score {value!r} is out of range ({low} to {high})"},
    "problem.bad_frequency": {"nl": "frequentie {value!r} is geen keuze van het formulier ({choices})",
                              "fr": "la fréquence {value!r} n'est pas un des choix du formulaire ({choices})",
                              "en": "frequency {value!r} is not one of the form's choices ({choices})"},
    "problem.survey_writes_folder": {
        "nl": "{file}: survey read schrijft een map met CSV-bestanden; geef --out MAP",
        "fr": "{file} : survey read écrit un dossier de fichiers CSV ; indiquez --out DOSSIER",
        "en": "{file}: survey read writes a folder of CSV files; give --out FOLDER"},
    "problem.no_usable_answer": {"nl": "{files}: geen bruikbaar antwoord ({unrated}, {problems}){lines}",
                                 "fr": "{files} : aucune réponse utilisable ({unrated}, {problems}){lines}",
                                 "en": "{files}: no usable answer ({unrated}, {problems}){lines}"},
    "problem.n.unrated": {"nl": "{n} rijen zonder niveau", "fr": "{n} lignes sans niveau",
                          "en": "{n} row(s) without a level"},
    "problem.n.unrated.one": {"nl": "{n} rij zonder niveau", "fr": "{n} ligne sans niveau",
                              "en": "{n} row(s) without a level"},
    "problem.n.problems": {"nl": "{n} problemen", "fr": "{n} problèmes", "en": "{n} problem(s)"},
    "problem.n.problems.one": {"nl": "{n} probleem", "fr": "{n} problème", "en": "{n} problem(s)"},
    "problem.too_few_to_survey": {"nl": "--zone {zone}: {organisations} om te bevragen; een bevraging heeft er "
                                        "minstens twee nodig",
                                  "fr": "--zone {zone} : {organisations} à interroger ; il en faut au moins "
                                        "deux pour une enquête",
                                  "en": "--zone {zone}: {organisations} to survey; a survey needs at least two"},
    "problem.n.organisations": {"nl": "{n} organisaties", "fr": "{n} organisations", "en": "{n} organisation(s)"},
    "problem.n.organisations.one": {"nl": "{n} organisatie", "fr": "{n} organisation", "en": "{n} organisation(s)"},
    # Plans (collabnet.planning): a plan that cannot be made as asked
    "problem.seats_at_least_one": {"nl": "het aantal plaatsen moet minstens 1 zijn, niet {n}",
                                   "fr": "le nombre de places doit être d'au moins 1, et non {n}",
                                   "en": "seats must be at least 1, not {n}"},
    "problem.count_at_least_one": {"nl": "het aantal kennismakingen moet minstens 1 zijn, niet {n}",
                                   "fr": "le nombre de mises en contact doit être d'au moins 1, et non {n}",
                                   "en": "count must be at least 1, not {n}"},
    "problem.no_actor_in_zone": {"nl": "geen enkele actor in zone {zone!r} ({hint}zones met actoren: {zones})",
                                 "fr": "aucun acteur dans le bassin {zone!r} ({hint}bassins avec des acteurs : {zones})",
                                 "en": "no actor in zone {zone!r} ({hint}zones with actors: {zones})"},
    "problem.did_you_mean_then": {"nl": "bedoelt u {spelling!r}? ", "fr": "vouliez-vous dire {spelling!r} ? ",
                                  "en": "did you mean {spelling!r}? "},
    "problem.unknown_actor": {
        "nl": "onbekende actor {text!r}{hint}; geef de id of de volledige naam zoals in isolated.csv of "
              "`collabnet info`",
        "fr": "acteur inconnu {text!r}{hint} ; indiquez l'identifiant ou le nom complet, comme dans isolated.csv ou "
              "`collabnet info`",
        "en": "unknown actor {text!r}{hint}; `collabnet info` and isolated.csv list the actors"},
    "problem.not_a_staff_person": {"nl": "{person!r} is geen persoon van een organisatie in dit netwerk",
                                   "fr": "{person!r} n'est pas une personne rattachée à une organisation de ce réseau",
                                   "en": "{person!r} is no person of an organisation in this graph"},
    "problem.no_actor_in_view": {"nl": "geen enkele actor in zone {zone!r}; zones in dit netwerk: {zones}",
                                 "fr": "aucun acteur dans le bassin {zone!r} ; bassins de ce réseau : {zones}",
                                 "en": "no actor in zone {zone!r}; zones in this graph: {zones}"},
    "problem.no_vis_network": {"nl": "vis-network ontbreekt in het geïnstalleerde pakket pyvis (pyvis/lib/vis-*/)",
                               "fr": "vis-network manque dans le paquet pyvis installé (pyvis/lib/vis-*/)",
                               "en": "vis-network is missing from the installed pyvis package (pyvis/lib/vis-*/)"},
    "problem.cannot_embed": {"nl": "kan {name} niet insluiten: het bevat {closing!r} of '<!--'",
                             "fr": "impossible d'intégrer {name} : il contient {closing!r} ou '<!--'",
                             "en": "cannot embed {name}: it contains {closing!r} or '<!--'"},
    # Pseudonymisation (collabnet.privacy): the key file, --keep-column, two persons on one pseudonym
    "problem.pseudonym_collision": {
        "nl": "pseudoniemenbotsing: {first} en {second} zouden allebei {name} worden; twee actoren mogen geen "
              "pseudoniem delen, dus er is niets geschreven (gebruik een andere --key-file)",
        "fr": "collision de pseudonymes : {first} et {second} deviendraient tous deux {name} ; deux acteurs ne "
              "peuvent pas partager un pseudonyme, rien n'a donc été écrit (utilisez un autre --key-file)",
        "en": "pseudonym collision: {first} and {second} would both become {name}; no two actors may share one, "
              "so nothing was written (use another --key-file)"},
    "problem.key_too_short": {
        "nl": "{file}: de pseudonimiseringssleutel is {what}; er zijn minstens {least} bytes nodig (bij een kortere "
              "sleutel kan iedereen de pseudoniemen opnieuw berekenen). Zet het sleutelbestand terug uit uw "
              "back-up, of verwijder het om een nieuwe willekeurige sleutel te laten maken (de pseudoniemen "
              "veranderen dan)",
        "fr": "{file} : la clé de pseudonymisation est {what} ; il faut au moins {least} octets (avec une clé plus "
              "courte, n'importe qui pourrait recalculer les pseudonymes). Restaurez le fichier de clé depuis votre "
              "sauvegarde, ou supprimez-le pour qu'une nouvelle clé aléatoire soit créée (les pseudonymes "
              "changeront alors)",
        "en": "{file}: the pseudonymisation key is {what}; at least {least} are needed (anyone could recompute "
              "the pseudonyms of a shorter key). Restore the key file from your backup, or delete it to have a "
              "new random key made (pseudonyms then change)"},
    "problem.key_empty": {"nl": "leeg", "fr": "vide", "en": "empty"},
    "problem.key_length": {"nl": "{n} bytes lang", "fr": "longue de {n} octets", "en": "{n} bytes long"},
    "problem.key_length.one": {"nl": "{n} byte lang", "fr": "longue de {n} octet", "en": "{n} bytes long"},
    "problem.key_unreadable": {"nl": "{file}: kan het sleutelbestand niet lezen ({error})",
                               "fr": "{file} : impossible de lire le fichier de clé ({error})",
                               "en": "{file}: cannot read the key file ({error})"},
    "problem.key_is_folder": {"nl": "{file}: dit is een map; geef een sleutelbestand",
                              "fr": "{file} : c'est un dossier ; indiquez un fichier de clé",
                              "en": "{file}: is a folder, expected a key file"},
    "problem.key_not_regular": {"nl": "{file}: geen gewoon bestand; een sleutelbestand is een klein tekstbestand",
                                "fr": "{file} : pas un fichier ordinaire ; un fichier de clé est un petit fichier texte",
                                "en": "{file}: not a regular file; a key file is a small text file"},
    "problem.key_too_big": {"nl": "{file}: {size} bytes is te groot voor een sleutelbestand (hoogstens {most} bytes)",
                            "fr": "{file} : {size} octets, c'est trop pour un fichier de clé (au plus {most} octets)",
                            "en": "{file}: {size} bytes is not a key file (at most {most} bytes)"},
    "problem.key_not_created": {"nl": "{file}: kan het sleutelbestand niet aanmaken ({error})",
                                "fr": "{file} : impossible de créer le fichier de clé ({error})",
                                "en": "{file}: cannot create the key file ({error})"},
    "problem.key_not_written": {"nl": "{file}: kan de nieuwe sleutel niet schrijven ({error}); er is geen "
                                      "sleutelbestand aangemaakt",
                                "fr": "{file} : impossible d'écrire la nouvelle clé ({error}) ; aucun fichier de clé "
                                      "n'a été créé",
                                "en": "{file}: cannot write the new key ({error}); no key file was left"},
    "problem.never_kept": {"nl": "--keep-column {name}: id's, namen, e-mailadressen en telefoonnummers worden met "
                                 "--pseudonymise nooit bewaard",
                           "fr": "--keep-column {name} : les identifiants, noms, e-mails et numéros de téléphone ne "
                                 "sont jamais conservés avec --pseudonymise",
                           "en": "--keep-column {name}: ids, names, e-mail and phone are never kept under "
                                 "--pseudonymise"},
    "problem.no_free_column": {
        "nl": "--keep-column {name}: geen vrije-tekst- of extra kolom met die naam in actors, groups, memberships of "
              "ties (die van deze dataset: {listed})",
        "fr": "--keep-column {name} : aucune colonne de texte libre ou supplémentaire de ce nom dans actors, groups, "
              "memberships ou ties (celles de ce jeu de données : {listed})",
        "en": "--keep-column {name}: no such free-text or extra column in actors, groups, memberships or ties "
              "(those of this dataset: {listed})"},
    # An earlier actions file (collabnet diff --actions, report --since --actions)
    "problem.actions_is_folder": {"nl": "{file}: dit is een map; geef een actiebestand (.csv)",
                                  "fr": "{file} : c'est un dossier ; indiquez un fichier d'actions (.csv)",
                                  "en": "{file}: is a folder, expected an actions .csv file"},
    "problem.actions_unreadable": {"nl": "{file}: kan het actiebestand niet lezen ({error})",
                                   "fr": "{file} : impossible de lire le fichier d'actions ({error})",
                                   "en": "{file}: cannot read the actions file ({error})"},
    "problem.actions_not_csv": {"nl": "{file}: geen leesbaar CSV-bestand ({error})",
                                "fr": "{file} : pas un fichier CSV lisible ({error})",
                                "en": "{file}: not a readable CSV file ({error})"},
    "problem.actions_column": {
        "nl": "{file}:1: {column}: verplichte kolom ontbreekt (een actiebestand heeft de kolommen {columns}, ...)",
        "fr": "{file}:1: {column}: colonne obligatoire manquante (un fichier d'actions a les colonnes {columns}, ...)",
        "en": "{file}:1: {column}: required column missing (an actions file has the columns {columns}, ...)"},
}

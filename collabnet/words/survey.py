"""Words of the relationship survey: the form, ``collabnet survey read`` and the report's survey section.

The level scale is the Levels of Collaboration scale (Frey, Lohmeier, Lee and
Tollefson 2006): 0 no interaction, 1 networking, 2 cooperation,
3 coordination, 4 coalition, 5 collaboration. No official Dutch or French
version of the scale is published; the labels here follow the words Brussels
social and health workers use for these steps (``afstemmen``, ``se
concerter``), and Dutch avoids *collaboratie* (a loaded word). The trust and
value items are PARTNER's (Varda et al.), rated 1-4 (not at all, a small
amount, a fair amount, a great deal).
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    # The scale (short label, shown in the drop-down after the number)
    "survey.level.0": {"nl": "Geen contact", "fr": "Aucun contact", "en": "No interaction"},
    "survey.level.1": {"nl": "Elkaar kennen", "fr": "Se connaître", "en": "Networking"},
    "survey.level.2": {"nl": "Informatie uitwisselen", "fr": "Échanger des informations", "en": "Cooperation"},
    "survey.level.3": {"nl": "Afstemmen", "fr": "Se concerter", "en": "Coordination"},
    "survey.level.4": {"nl": "Samen beslissen", "fr": "Décider ensemble", "en": "Coalition"},
    "survey.level.5": {"nl": "Geïntegreerd samenwerken", "fr": "Travailler de façon intégrée", "en": "Collaboration"},
    # ... and what each step means (Frey et al. 2006), on the instructions sheet
    "survey.level_text.0": {"nl": "We hebben geen contact met deze organisatie.",
                            "fr": "Nous n'avons aucun contact avec cette organisation.",
                            "en": "We have no contact with this organisation."},
    "survey.level_text.1": {"nl": "We kennen elkaar; weinig contact; elk beslist alleen.",
                            "fr": "Nous nous connaissons ; peu de contacts ; chacun décide seul.",
                            "en": "Aware of each other; little communication; all decisions made independently."},
    "survey.level_text.2": {"nl": "We geven elkaar informatie; rollen deels afgesproken; elk beslist alleen.",
                            "fr": "Nous échangeons des informations ; rôles en partie définis ; chacun décide seul.",
                            "en": "Provide information to each other; somewhat defined roles; "
                                  "all decisions made independently."},
    "survey.level_text.3": {"nl": "We delen informatie en middelen; duidelijke rollen; vaak contact; "
                                  "sommige beslissingen samen.",
                            "fr": "Nous partageons informations et ressources ; rôles définis ; contacts "
                                  "fréquents ; certaines décisions prises ensemble.",
                            "en": "Share information and resources; defined roles; frequent communication; "
                                  "some shared decision making."},
    "survey.level_text.4": {"nl": "We delen ideeën en middelen; frequent overleg dat voorrang krijgt; "
                                  "elke partner stemt mee over beslissingen.",
                            "fr": "Nous partageons idées et ressources ; concertation fréquente et prioritaire ; "
                                  "chaque partenaire a voix dans les décisions.",
                            "en": "Share ideas and resources; frequent and prioritised communication; "
                                  "all members have a vote in decision making."},
    "survey.level_text.5": {"nl": "We vormen samen één geheel; veel contact op basis van wederzijds vertrouwen; "
                                  "we beslissen in consensus.",
                            "fr": "Nous formons un seul ensemble ; contacts fréquents fondés sur la confiance "
                                  "mutuelle ; décisions prises par consensus.",
                            "en": "Belong to one system; frequent communication with mutual trust; "
                                  "consensus reached on all decisions."},
    # How often (PARTNER's frequency question)
    "survey.frequency.yearly": {"nl": "Eén keer per jaar of minder", "fr": "Une fois par an ou moins",
                                "en": "Once a year or less"},
    "survey.frequency.quarterly": {"nl": "Ongeveer elk kwartaal", "fr": "Environ une fois par trimestre",
                                   "en": "About once a quarter"},
    "survey.frequency.monthly": {"nl": "Ongeveer elke maand", "fr": "Environ une fois par mois",
                                 "en": "About once a month"},
    "survey.frequency.weekly": {"nl": "Elke week", "fr": "Chaque semaine", "en": "Every week"},
    "survey.frequency.daily": {"nl": "Elke dag", "fr": "Chaque jour", "en": "Every day"},
    # PARTNER's 1-4 ratings
    "survey.score.1": {"nl": "Helemaal niet", "fr": "Pas du tout", "en": "Not at all"},
    "survey.score.2": {"nl": "Een beetje", "fr": "Un peu", "en": "A small amount"},
    "survey.score.3": {"nl": "Vrij veel", "fr": "Assez", "en": "A fair amount"},
    "survey.score.4": {"nl": "Heel veel", "fr": "Beaucoup", "en": "A great deal"},
    # PARTNER's trust and value items (column headings)
    "survey.item.openness": {"nl": "Vertrouwen: open voor overleg", "fr": "Confiance : ouverture à la discussion",
                             "en": "Trust: open to discussion"},
    "survey.item.reliability": {"nl": "Vertrouwen: betrouwbaar", "fr": "Confiance : fiabilité",
                                "en": "Trust: reliable"},
    "survey.item.mission": {"nl": "Vertrouwen: steunt de gedeelde missie", "fr": "Confiance : soutient la mission commune",
                            "en": "Trust: supports the shared mission"},
    "survey.item.influence": {"nl": "Waarde: macht en invloed", "fr": "Valeur : pouvoir et influence",
                              "en": "Value: power and influence"},
    "survey.item.resources": {"nl": "Waarde: brengt middelen in", "fr": "Valeur : apport de ressources",
                              "en": "Value: resource contribution"},
    "survey.item.involvement": {"nl": "Waarde: betrokkenheid", "fr": "Valeur : degré d'implication",
                                "en": "Value: level of involvement"},
    # Form columns and cells
    "survey.col.respondent": {"nl": "Uw organisatie", "fr": "Votre organisation", "en": "Your organisation"},
    "survey.col.respondent_name": {"nl": "Naam van uw organisatie", "fr": "Nom de votre organisation",
                                   "en": "Name of your organisation"},
    "survey.col.date": {"nl": "Datum van invullen", "fr": "Date de réponse", "en": "Date answered"},
    "survey.col.partner_id": {"nl": "Code partner", "fr": "Code partenaire", "en": "Partner id"},
    "survey.col.partner": {"nl": "Partnerorganisatie", "fr": "Organisation partenaire", "en": "Partner organisation"},
    "survey.col.zone": {"nl": "Zone", "fr": "Bassin", "en": "Zone"},
    "survey.col.sector": {"nl": "Sector", "fr": "Secteur", "en": "Sector"},
    "survey.col.level": {"nl": "Niveau van samenwerking (0-5)", "fr": "Niveau de collaboration (0-5)",
                         "en": "Level of collaboration (0-5)"},
    "survey.col.frequency": {"nl": "Hoe vaak?", "fr": "À quelle fréquence ?", "en": "How often?"},
    "survey.sheet.instructions": {"nl": "Uitleg", "fr": "Mode d'emploi", "en": "Instructions"},
    "survey.sheet.answers": {"nl": "Antwoorden", "fr": "Réponses", "en": "Answers"},
    "survey.form.title": {"nl": "Bevraging: hoe werken de organisaties van zorgzone {zone} samen?",
                          "fr": "Enquête : comment les organisations du bassin {zone} travaillent-elles ensemble ?",
                          "en": "Survey: how do the organisations of {zone} work together?"},
    "survey.form.title_region": {"nl": "Bevraging: hoe werken de organisaties van het gewest samen?",
                                 "fr": "Enquête : comment les organisations de la région travaillent-elles ensemble ?",
                                 "en": "Survey: how do the organisations of {zone} work together?"},
    "survey.form.how": {"nl": "Kies voor elke partner in de lijst het niveau dat uw samenwerking vandaag het "
                              "best beschrijft (0 = geen contact). Laat een rij leeg als u het niet weet.",
                        "fr": "Pour chaque partenaire de la liste, choisissez le niveau qui décrit le mieux votre "
                              "collaboration aujourd'hui (0 = aucun contact). Laissez la ligne vide si vous ne "
                              "savez pas.",
                        "en": "For every partner in the list, choose the level that best describes how you work "
                              "together today (0 = no contact). Leave a row empty if you do not know."},
    "survey.form.sheets": {"nl": "Elke organisatie vult haar eigen blad in (haar naam staat bovenaan) en vult de "
                                 "datum in.",
                           "fr": "Chaque organisation remplit sa propre feuille (son nom figure en haut) et indique "
                                 "la date.",
                           "en": "Each organisation fills in its own sheet (its name is at the top) and the date."},
    "survey.form.long": {"nl": "Eén rij per paar: de organisatie die antwoordt, de partner, het niveau en de datum.",
                         "fr": "Une ligne par paire : l'organisation qui répond, le partenaire, le niveau et la date.",
                         "en": "One row per pair: the organisation answering, the partner, the level and the date."},
    "survey.form.scores": {"nl": "Vertrouwen en waarde (PARTNER): geef een score van 1 (helemaal niet) tot 4 "
                                 "(heel veel) voor wat de partner voor uw samenwerking betekent.",
                           "fr": "Confiance et valeur (PARTNER) : notez de 1 (pas du tout) à 4 (beaucoup) ce que le "
                                 "partenaire apporte à votre collaboration.",
                           "en": "Trust and value (PARTNER): rate from 1 (not at all) to 4 (a great deal) what the "
                                 "partner brings to your work together."},
    "survey.form.scale": {"nl": "De niveaus (Levels of Collaboration, Frey e.a. 2006):",
                          "fr": "Les niveaux (Levels of Collaboration, Frey et al. 2006) :",
                          "en": "The levels (Levels of Collaboration scale, Frey et al. 2006):"},
    "survey.form.bad_level": {"nl": "Kies een niveau uit de lijst (0 tot 5).",
                              "fr": "Choisissez un niveau dans la liste (0 à 5).",
                              "en": "Choose a level from the list (0 to 5)."},
    "survey.form.bad_score": {"nl": "Kies een score uit de lijst (1 tot 4).",
                              "fr": "Choisissez une note dans la liste (1 à 4).",
                              "en": "Choose a score from the list (1 to 4)."},
    "survey.form.bad_date": {"nl": "Een datum, bv. 15/03/2025.", "fr": "Une date, p. ex. 15/03/2025.",
                             "en": "A date, e.g. 15/03/2025."},
    "survey.form.wrong": {"nl": "Ongeldige waarde", "fr": "Valeur non valable", "en": "Invalid value"},
    # The report's survey section
    "report.section.survey": {"nl": "Hoe nauw wordt er samengewerkt (bevraging)",
                              "fr": "Intensité des collaborations (enquête)",
                              "en": "How closely they work together (survey)"},
    "report.survey.intro": {"nl": "{respondents} van de {asked} organisaties ({rate}) beantwoordden de bevraging "
                                  "(niveaus 0 tot 5: {scale}).",
                            "fr": "{respondents} des {asked} organisations ({rate}) ont répondu à l'enquête "
                                  "(niveaux 0 à 5 : {scale}).",
                            "en": "{respondents} of the {asked} organisations ({rate}) answered the survey "
                                  "(levels 0 to 5: {scale})."},
    "report.survey.matrix_note": {"nl": "In de tabel hierboven staat onder elk aantal het gemiddelde niveau (ø) dat "
                                        "de organisaties van die twee sectoren elkaar gaven.",
                                  "fr": "Dans le tableau ci-dessus, le niveau moyen (ø) que se donnent les "
                                        "organisations des deux secteurs figure sous chaque nombre.",
                                  "en": "In the table above, each count is followed by the mean level (ø) the "
                                        "organisations of the two sectors gave each other."},
    "report.survey.dyads.title": {"nl": "Paren die hun samenwerking anders zien: onderwerpen voor het atelier",
                                  "fr": "Paires qui voient leur collaboration différemment : sujets pour l'atelier",
                                  "en": "Pairs who see their relation differently: topics for the workshop"},
    "report.survey.dyads.intro": {"nl": "Beide organisaties antwoordden, maar hun niveaus liggen twee of meer "
                                        "uit elkaar. Geen fout: een gesprek waard.",
                                  "fr": "Les deux organisations ont répondu, mais leurs niveaux diffèrent de deux "
                                        "ou plus. Ce n'est pas une erreur : un sujet à discuter.",
                                  "en": "Both organisations answered, but their levels are two or more apart. "
                                        "Not an error: something to talk about."},
    "report.survey.dyads.none": {"nl": "Geen enkel paar ziet zijn samenwerking zo verschillend.",
                                 "fr": "Aucune paire ne voit sa collaboration aussi différemment.",
                                 "en": "No pair sees its relation that differently."},
    "report.survey.weak.title": {"nl": "Sectoren die elkaar enkel kennen", "fr": "Secteurs qui se connaissent seulement",
                                 "en": "Sectors linked only at networking level"},
    "report.survey.weak.intro": {"nl": "Alle antwoorden tussen deze twee sectoren zijn niveau 1 (elkaar kennen) "
                                       "of lager.",
                                 "fr": "Toutes les réponses entre ces deux secteurs sont au niveau 1 (se connaître) "
                                       "ou moins.",
                                 "en": "Every answer between these two sectors is level 1 (networking) or lower."},
    "report.survey.scores.title": {"nl": "Vertrouwen en waarde (PARTNER)", "fr": "Confiance et valeur (PARTNER)",
                                   "en": "Trust and value (PARTNER)"},
    "report.survey.scores.intro": {"nl": "Gemiddelde score (1-4) die partners aan elke organisatie gaven; "
                                         "zone: {trust} vertrouwen, {value} waarde (van het maximum).",
                                   "fr": "Note moyenne (1-4) donnée à chaque organisation par ses partenaires ; "
                                         "bassin : {trust} de confiance, {value} de valeur (du maximum).",
                                   "en": "Mean score (1-4) partners gave each organisation; zone: {trust} trust, "
                                         "{value} value (of the maximum)."},
    "report.survey.col.says": {"nl": "{name} zegt", "fr": "{name} dit", "en": "{name} says"},
    "report.survey.col.a": {"nl": "Organisatie A", "fr": "Organisation A", "en": "Organisation A"},
    "report.survey.col.b": {"nl": "Organisatie B", "fr": "Organisation B", "en": "Organisation B"},
    "report.survey.col.a_says": {"nl": "A zegt", "fr": "A dit", "en": "A says"},
    "report.survey.col.b_says": {"nl": "B zegt", "fr": "B dit", "en": "B says"},
    "report.survey.col.answers": {"nl": "Antwoorden", "fr": "Réponses", "en": "Answers"},
    "report.survey.col.mean": {"nl": "Gemiddeld niveau", "fr": "Niveau moyen", "en": "Mean level"},
    "report.survey.col.trust": {"nl": "Vertrouwen", "fr": "Confiance", "en": "Trust"},
    "report.survey.col.value": {"nl": "Waarde", "fr": "Valeur", "en": "Value"},
    "report.survey.col.ratings": {"nl": "Beoordelingen", "fr": "Évaluations", "en": "Ratings"},
    "report.survey.nonrespondents": {"nl": "Nog geen antwoord van: {names}.", "fr": "Pas encore de réponse de : {names}.",
                                     "en": "No answer yet from: {names}."},
    # collabnet survey template / survey read on the terminal
    "survey.cli.form": {"nl": "{out}: het formulier van {zone} ({organisations}, {layout}, {lang})",
                        "fr": "{out} : le formulaire de {zone} ({organisations}, {layout}, {lang})",
                        "en": "{out}: the form of {zone} ({organisations}, {layout}, {lang})"},
    "survey.cli.organisations": {"nl": "{n} organisaties", "fr": "{n} organisations", "en": "{n} organisations"},
    "survey.cli.long": {"nl": "één lang blad", "fr": "une seule longue feuille", "en": "one long sheet"},
    "survey.cli.sheets": {"nl": "één blad per organisatie", "fr": "une feuille par organisation",
                          "en": "one sheet per organisation"},
    "survey.cli.read": {"nl": "{files}: {answers}, {left_out}, {unrated}", "fr": "{files} : {answers}, {left_out}, {unrated}",
                        "en": "{files}: {answers}, {left_out}, {unrated}"},
    "survey.cli.answers": {"nl": "{n} antwoorden gelezen", "fr": "{n} réponses lues", "en": "{n} answer(s) read"},
    "survey.cli.answers.one": {"nl": "{n} antwoord gelezen", "fr": "{n} réponse lue", "en": "{n} answer(s) read"},
    "survey.cli.unrated": {"nl": "{n} partnerrijen zonder niveau", "fr": "{n} lignes de partenaire sans niveau",
                           "en": "{n} partner row(s) not rated"},
    "survey.cli.unrated.one": {"nl": "{n} partnerrij zonder niveau", "fr": "{n} ligne de partenaire sans niveau",
                               "en": "{n} partner row(s) not rated"},
    "survey.cli.merged": {"nl": "{target}: {added}, {replaced}, {unchanged}, {closed}",
                          "fr": "{target} : {added}, {replaced}, {unchanged}, {closed}",
                          "en": "{target}: {added}, {replaced}, {unchanged}, {closed}"},
    "survey.cli.added": {"nl": "{n} banden toegevoegd", "fr": "{n} liens ajoutés", "en": "{n} tie(s) added"},
    "survey.cli.added.one": {"nl": "{n} band toegevoegd", "fr": "{n} lien ajouté", "en": "{n} tie(s) added"},
    "survey.cli.replaced": {"nl": "{n} vervangen", "fr": "{n} remplacés", "en": "{n} replaced"},
    "survey.cli.replaced.one": {"nl": "{n} vervangen", "fr": "{n} remplacé", "en": "{n} replaced"},
    "survey.cli.unchanged": {"nl": "{n} ongewijzigd", "fr": "{n} inchangés", "en": "{n} unchanged"},
    "survey.cli.unchanged.one": {"nl": "{n} ongewijzigd", "fr": "{n} inchangé", "en": "{n} unchanged"},
    "survey.cli.closed": {"nl": "{n} eerdere antwoorden afgesloten door een latere ronde",
                          "fr": "{n} réponses antérieures clôturées par une vague plus récente",
                          "en": "{n} earlier answer(s) closed by a later wave"},
    "survey.cli.closed.one": {"nl": "{n} eerder antwoord afgesloten door een latere ronde",
                              "fr": "{n} réponse antérieure clôturée par une vague plus récente",
                              "en": "{n} earlier answer(s) closed by a later wave"},
    "survey.cli.response": {"nl": "respons {zone}: {answered} van {asked} organisaties ({rate}%){sectors}",
                            "fr": "taux de réponse {zone} : {answered} organisations sur {asked} ({rate} %){sectors}",
                            "en": "response {zone}: {answered} of {asked} organisations ({rate}%){sectors}"},
    "survey.cli.sectors": {"nl": "; {sectors}", "fr": " ; {sectors}", "en": "; {sectors}"},
    "survey.cli.no_sector": {"nl": "geen sector", "fr": "sans secteur", "en": "no sector"},
    "survey.cli.not_answered": {"nl": "  niet geantwoord ({zone}): {names}", "fr": "  sans réponse ({zone}) : {names}",
                                "en": "  not answered ({zone}): {names}"},
    "survey.cli.pairs": {"nl": "{n} paren zien hun samenwerking anders (niveaus 2 of meer uit elkaar):",
                         "fr": "{n} paires voient leur relation autrement (niveaux écartés de 2 ou plus) :",
                         "en": "{n} pair(s) see their relation differently (levels 2 or more apart):"},
    "survey.cli.pairs.one": {"nl": "{n} paar ziet de samenwerking anders (niveaus 2 of meer uit elkaar):",
                             "fr": "{n} paire voit sa relation autrement (niveaux écartés de 2 ou plus) :",
                             "en": "{n} pair(s) see their relation differently (levels 2 or more apart):"},
    "survey.cli.says": {"nl": "  {a} zegt {level_a}, {b} zegt {level_b}", "fr": "  {a} dit {level_a}, {b} dit {level_b}",
                        "en": "  {a} says {level_a}, {b} says {level_b}"},
}

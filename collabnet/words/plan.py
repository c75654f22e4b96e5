"""The words of ``collabnet plan`` on the terminal: key -> nl, fr, en (the sentences themselves are in
:mod:`collabnet.words.sentences`)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "plan.invite.head": {
        "nl": "Uitnodigen voor {zone}: {n} van {seats} plaatsen, {targets}",
        "fr": "Inviter pour {zone} : {n} places sur {seats}, {targets}",
        "en": "Invite for {zone}: {n} of {seats} seats, {targets}",
    },
    "plan.targets": {
        "nl": "{n} geïsoleerde of perifere actoren van de eerste of tweede lijn",
        "fr": "{n} acteurs isolés ou en marge de première ou deuxième ligne",
        "en": "{n} isolated or peripheral first- or second-line actors",
    },
    "plan.targets.one": {
        "nl": "{n} geïsoleerde of perifere actor van de eerste of tweede lijn",
        "fr": "{n} acteur isolé ou en marge de première ou deuxième ligne",
        "en": "{n} isolated or peripheral first- or second-line actor",
    },
    "plan.forced": {
        "nl": "[plaats om een familie of lijn aan tafel te brengen]",
        "fr": "[place pour amener une famille ou une ligne autour de la table]",
        "en": "[seat to bring a family or line to the table]",
    },
    "plan.reached_all": {
        "nl": "Alle {total} punten isolement bereikt.",
        "fr": "Les {total} points d'isolement sont atteints.",
        "en": "All {total} points of isolation reached.",
    },
    "plan.reached": {
        "nl": "{reached} van de {total} punten isolement bereikt ({share}); geen andere keuze van {seats} "
              "genodigden zou meer dan {most} bereiken.",
        "fr": "{reached} des {total} points d'isolement atteints ({share}) ; aucun autre choix de {seats} invités "
              "n'en atteindrait plus de {most}.",
        "en": "Reached {reached} of the {total} points of isolation ({share}); no other choice of {seats} "
              "invitees would reach more than {most}.",
    },
    "plan.introduce.head": {
        "nl": "Kennismakingen voor {zone}: {n} van {count}",
        "fr": "Mises en contact pour {zone} : {n} sur {count}",
        "en": "Introductions for {zone}: {n} of {count}",
    },
    "plan.before": {"nl": "Vooraf:  {figures}", "fr": "Avant : {figures}", "en": "Before: {figures}"},
    "plan.after": {"nl": "Achteraf: {figures}", "fr": "Après : {figures}", "en": "After:  {figures}"},
    "plan.figures": {
        "nl": "geïsoleerd {isolated}, sectorparen zonder verbinding {pairs}, lijnhiaat {line}, taalhiaat "
              "{language}, E-I {ei}",
        "fr": "isolés {isolated}, paires de secteurs sans lien {pairs}, écart entre lignes {line}, écart "
              "linguistique {language}, E-I {ei}",
        "en": "isolated {isolated}, unlinked sector pairs {pairs}, line gap {line}, language gap {language}, "
              "E-I {ei}",
    },
    "plan.yes": {"nl": "ja", "fr": "oui", "en": "yes"},
    "plan.no": {"nl": "nee", "fr": "non", "en": "no"},
    "plan.leave.head": {
        "nl": "Als {who} vertrekt ({zone}):",
        "fr": "Si {who} s'en va ({zone}) :",
        "en": "If {who} leaves ({zone}):",
    },
    "plan.leave.person": {
        "nl": "Als {who} van {organisation} vertrekt ({zone}):",
        "fr": "Si {who} de l'organisation {organisation} s'en va ({zone}) :",
        "en": "If {who} of {organisation} leaves ({zone}):",
    },
    "plan.leave.links": {"nl": "Verbindingen die verdwijnen: {names}", "fr": "Liens qui disparaissent : {names}",
                         "en": "Links that go: {names}"},
    "plan.leave.then": {"nl": "{organisation} daarna: {reasons}", "fr": "{organisation} ensuite : {reasons}",
                        "en": "{organisation} then: {reasons}"},
    "plan.leave.broken": {"nl": "Verbroken verbindingen: {n}", "fr": "Liens rompus : {n}",
                          "en": "Broken links: {n}"},
    "plan.leave.isolated": {"nl": "Nieuw geïsoleerd: {n}", "fr": "Nouvellement isolés : {n}",
                            "en": "Newly isolated: {n}"},
    "plan.leave.cut_off": {"nl": "Afgesneden: {n}", "fr": "Coupés du réseau : {n}", "en": "Cut off: {n}"},
    "plan.none": {"nl": "geen", "fr": "aucun", "en": "none"},
    "plan.not_isolated": {"nl": "niet geïsoleerd", "fr": "pas isolé", "en": "not isolated"},
    "plan.figures.before": {"nl": "{zone} vooraf:  {figures}", "fr": "{zone} avant : {figures}",
                            "en": "{zone} before: {figures}"},
    "plan.figures.after": {"nl": "{zone} achteraf: {figures}", "fr": "{zone} après : {figures}",
                           "en": "{zone} after:  {figures}"},
}

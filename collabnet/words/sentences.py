"""The sentences of actions and plans: template key -> nl, fr, en (see :mod:`collabnet.records.messages`).

A template's ``{field}`` is filled by :meth:`collabnet.words.Vocabulary.say` with the message's fields,
each put in words in the same language first (names, zone and sector phrases, nested sentences).
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "say.introduce": {
        "nl": "Breng {x} in contact met {y}{via}: {why}.",
        "fr": "Mettre {x} en contact avec {y}{via} : {why}.",
        "en": "Introduce {x} to {y}{via}: {why}.",
    },
    "say.backup_contact": {
        "nl": ("Vraag {x} om ook een tweede medewerker af te vaardigen naar {where}: {links} hangen alleen af van "
               "{p} en verdwijnen als {p} vertrekt."),
        "fr": ("Demander à {x} d'envoyer aussi une deuxième personne à {where} : {links} reposent uniquement sur "
               "{p} et disparaissent si {p} s'en va."),
        "en": "Ask a second person of {x} to join {where} too: {links} rest on {p} alone and go if {p} leaves.",
    },
    "say.backup_contact_tie": {
        "nl": ("Vraag {x} om ook een tweede medewerker met {w} te laten samenwerken: {links} hangen alleen af van "
               "{p} en verdwijnen als {p} vertrekt."),
        "fr": ("Demander à {x} qu'une deuxième personne travaille aussi avec {w} : {links} reposent uniquement "
               "sur {p} et disparaissent si {p} s'en va."),
        "en": ("Ask a second person of {x} to work with {w} too: {links} rest on {p} alone and go if {p} "
               "leaves."),
    },
    "say.leave_person": {
        "nl": ("Als {p} vertrekt, verliest {x} {n} verbindingen die alleen van {p} afhangen ({names}) en houdt "
               "er {kept} over; {x} heeft dan geen verbinding meer met {what}."),
        "fr": ("Si {p} s'en va, {x} perd {n} liens qui ne reposent que sur {p} ({names}) et en garde {kept} ; "
               "{x} n'a alors plus aucun lien avec {what}."),
        "en": ("If {p} leaves, {x} loses {n} links that rest on {p} alone ({names}) and keeps {kept}; {x} then "
               "no longer reaches {what}."),
    },
    "say.leave_person.one": {
        "nl": ("Als {p} vertrekt, verliest {x} {n} verbinding die alleen van {p} afhangt ({names}) en houdt "
               "er {kept} over; {x} heeft dan geen verbinding meer met {what}."),
        "fr": ("Si {p} s'en va, {x} perd {n} lien qui ne repose que sur {p} ({names}) et en garde {kept} ; "
               "{x} n'a alors plus aucun lien avec {what}."),
        "en": ("If {p} leaves, {x} loses {n} link that rests on {p} alone ({names}) and keeps {kept}; {x} then "
               "no longer reaches {what}."),
    },
    "say.leave_person_same": {
        "nl": "die partners, ook niet via iemand anders",
        "fr": "ces partenaires, même par quelqu'un d'autre",
        "en": "those partners through anyone else",
    },
    "say.leave_person_none": {
        "nl": "Als {p} vertrekt, houdt {x} al zijn verbindingen: geen enkele hangt alleen van {p} af.",
        "fr": "Si {p} s'en va, {x} garde tous ses liens : aucun ne repose uniquement sur {p}.",
        "en": "If {p} leaves, {x} keeps all its links: none rests on {p} alone.",
    },
    "say.links_all": {
        "nl": "alle verbindingen van {x} buiten de eigen organisatie",
        "fr": "tous les liens entre {x} et ses partenaires extérieurs",
        "en": "all the links of {x} outside its own organisation",
    },
    "say.links_with": {
        "nl": "de enige verbindingen van {x} met {what}",
        "fr": "les seuls liens entre {x} et {what}",
        "en": "the only links of {x} with {what}",
    },
    "say.via": {
        "nl": " via {w}, die met beide samenwerkt",
        "fr": " par l'intermédiaire de {w}, qui travaille avec les deux",
        "en": " through {w}, who works with both",
    },
    "say.sector_pair": {
        "nl": "{a} en {b} werken in {zone} nog niet samen",
        "fr": "{a} et {b} ne travaillent pas encore ensemble dans {zone}",
        "en": "{a} and {b} do not work together in {zone} yet",
    },
    "say.weak_pair": {
        "nl": ("{a} en {b} werken in {zone} veel minder samen dan verwacht ({observed} verbindingen, {expected} "
               "verwacht)"),
        "fr": "{a} et {b} collaborent bien moins que prévu dans {zone} ({observed} liens, {expected} attendus)",
        "en": "{a} and {b} work together far less than expected in {zone} ({observed} links, {expected} expected)",
    },
    "say.line_gap": {
        "nl": "de eerste en de tweede lijn hebben in {zone} nog geen enkele verbinding",
        "fr": "la première et la deuxième ligne n'ont encore aucun lien entre elles dans {zone}",
        "en": "the first and second line have no link with each other in {zone} yet",
    },
    "say.line_absent": {
        "nl": "{zone} heeft geen actor van de {missing}, dus de {present} heeft een partner van buiten de zone nodig",
        "fr": "{zone} n'a aucun acteur de {missing}, donc la {present} a besoin d'un partenaire hors du bassin",
        "en": "{zone} has no {missing} actor, so its {present} needs a partner from outside the zone",
    },
    "say.language_gap": {
        "nl": "de Nederlandstalige en Franstalige actoren van {zone} hebben nog geen enkele verbinding",
        "fr": "dans {zone}, les acteurs néerlandophones et francophones n'ont encore aucun lien entre eux",
        "en": "the Dutch-speaking and French-speaking actors of {zone} have no link with each other yet",
    },
    "say.no_cross_line": {
        "nl": "{x} heeft nog geen verbinding met de {other}",
        "fr": "{x} n'a encore aucun lien avec la {other}",
        "en": "{x} has no link with the {other} yet",
    },
    "say.intra_sector_only": {
        "nl": "{x} werkt alleen binnen {sector}",
        "fr": "{x} ne travaille qu'au sein de {sector}",
        "en": "{x} only works within {sector}",
    },
    "say.single_tie": {
        "nl": "{x} hangt af van één enkele partner",
        "fr": "{x} ne dépend que d'un seul partenaire",
        "en": "{x} depends on a single partner",
    },
    "say.invite": {
        "nl": ("Nodig {x} ({sector}) uit voor {group}{fit}: deze actor heeft nog geen verbinding buiten de eigen "
               "organisatie."),
        "fr": ("Inviter {x} ({sector}) à rejoindre {group}{fit} : cet acteur n'a encore aucun lien hors de sa propre "
               "organisation."),
        "en": "Invite {x} ({sector}) to {group}{fit}: it has no link outside its own organisation yet.",
    },
    "say.fit": {
        "nl": ", waarvan het thema aansluit bij hun werking",
        "fr": ", dont le thème rejoint ses activités",
        "en": ", whose theme fits its work",
    },
    "say.workshop": {
        "nl": "het volgende veranderatelier van {zone}",
        "fr": "le prochain atelier du changement pour {zone}",
        "en": "the next change workshop of {zone}",
    },
    "say.secure": {
        "nl": ("Vraag {c} om {p} in contact te brengen met {q}: {c} is de enige verbinding tussen {a} en {b} in "
               "{zone}, en die gaat verloren als {c} vertrekt."),
        "fr": ("Demander à {c} de mettre {p} en contact avec {q} : {c} est le seul lien entre {a} et {b} dans "
               "{zone}, un lien perdu si {c} s'en va."),
        "en": ("Ask {c} to introduce {p} to {q}: {c} is the only link between {a} and {b} in {zone}, a link lost "
               "if {c} leaves."),
    },
    "say.secure_group": {
        "nl": ("Vraag {c} om {p} in contact te brengen met {q}: {c} is de enige verbinding tussen {n} actoren rond "
               "{p} en de rest van {zone}, en die gaat verloren als {c} vertrekt."),
        "fr": ("Demander à {c} de mettre {p} en contact avec {q} : {c} est le seul lien entre {n} acteurs autour "
               "de {p} et le reste de {zone}, un lien perdu si {c} s'en va."),
        "en": ("Ask {c} to introduce {p} to {q}: {c} is the only link between {n} actors around {p} and the rest "
               "of {zone}, a link lost if {c} leaves."),
    },
    "say.recruit": {
        "nl": ("Werf een actor uit {sector} voor {zone}{through}{ask}: de sector is actief in {k} van de {n} "
               "andere zones maar ontbreekt hier."),
        "fr": ("Recruter un acteur du secteur {sector} pour {zone}{through}{ask} : le secteur est actif dans {k} "
               "des {n} autres bassins mais absent ici."),
        "en": ("Recruit an actor from {sector} for {zone}{through}{ask}: the sector is active in {k} of {n} other "
               "zones but absent here."),
    },
    "say.through": {
        "nl": " via {group}",
        "fr": " via {group}",
        "en": " through {group}",
    },
    "say.ask": {
        "nl": " en vraag het aan {names}, die gewestelijk in die sector werken",
        "fr": " et solliciter {names}, actifs dans ce secteur à l'échelle régionale",
        "en": " and ask {names}, who work region-wide in that sector",
    },
    "say.ask_other": {
        "nl": " en vraag het aan {names}, die in andere zones in die sector werken",
        "fr": " et solliciter {names}, actifs dans ce secteur dans d'autres bassins",
        "en": " and ask {names}, who work in that sector in other zones",
    },
    "say.and": {
        "nl": " en ",
        "fr": " et ",
        "en": " and ",
    },
    "say.more": {
        "nl": "{shown} en {n} andere",
        "fr": "{shown} et {n} autres",
        "en": "{shown} and {n} more",
    },
    "say.coordination_team": {
        "nl": "het coördinatieteam",
        "fr": "l'équipe de coordination",
        "en": "the coordination team",
    },
    "say.invite_plan": {
        "nl": "Nodig {x} ({what}) uit{reach}{adds}.",
        "fr": "Inviter {x} ({what}){reach}{adds}.",
        "en": "Invite {x} ({what}){reach}{adds}.",
    },
    "say.reach": {
        "nl": ": zo bereikt u {n} geïsoleerde actoren of actoren aan de rand van het netwerk ({who})",
        "fr": " : cela permet de toucher {n} acteurs isolés ou en marge du réseau ({who})",
        "en": ": it reaches {n} isolated or peripheral actors ({who})",
    },
    "say.reach.one": {
        "nl": ": zo bereikt u {n} actor die geïsoleerd is of aan de rand van het netwerk staat ({who})",
        "fr": " : cela permet de toucher {n} acteur isolé ou en marge du réseau ({who})",
        "en": ": it reaches {n} isolated or peripheral actor ({who})",
    },
    "say.adds": {
        "nl": "{sep}zo krijgt u {what} mee aan tafel",
        "fr": "{sep}cela amène {what} autour de la table",
        "en": "{sep}it brings {what} to the table",
    },
    "say.sep_first": {
        "nl": ": ",
        "fr": " : ",
        "en": ": ",
    },
    "say.sep_next": {
        "nl": "; ",
        "fr": " ; ",
        "en": "; ",
    },
    "say.via_team": {
        "nl": " (het coördinatieteam legt het contact)",
        "fr": " (l'équipe de coordination fait les présentations)",
        "en": " (the coordination team makes the introduction)",
    },
    "say.closes_line_gap": {
        "nl": "de eerste en de tweede lijn van {zone} krijgen hun eerste verbinding",
        "fr": "dans {zone}, la première et la deuxième ligne obtiennent leur premier lien",
        "en": "the first and second line of {zone} get their first link",
    },
    "say.closes_language_gap": {
        "nl": "de Nederlandstalige en Franstalige actoren van {zone} krijgen hun eerste verbinding",
        "fr": "dans {zone}, les acteurs néerlandophones et francophones obtiennent leur premier lien",
        "en": "the Dutch-speaking and French-speaking actors of {zone} get their first link",
    },
    "say.closes_family_pair": {
        "nl": "gezondheid en welzijn krijgen hun eerste verbinding in {zone}",
        "fr": "la santé et le social obtiennent leur premier lien dans {zone}",
        "en": "health care and welfare get their first link in {zone}",
    },
    "say.closes_sector_pair": {
        "nl": "{a} en {b} krijgen hun eerste verbinding in {zone}",
        "fr": "{a} et {b} obtiennent leur premier lien dans {zone}",
        "en": "{a} and {b} get their first link in {zone}",
    },
    "say.first_partner": {
        "nl": "{x} krijgt een eerste partner buiten de eigen organisatie",
        "fr": "{x} obtient un premier partenaire hors de sa propre organisation",
        "en": "{x} gets its first partner outside its own organisation",
    },
    "say.not_isolated": {
        "nl": "{x} is niet langer geïsoleerd",
        "fr": "{x} sort de l'isolement",
        "en": "{x} is no longer isolated",
    },
    "say.leave_takeover": {
        "nl": ("Als {x} vertrekt, verliezen {a} en {b} hun laatste verbinding in {zone}: vraag {t}, die met beide "
               "kanten samenwerkt, om {p} in contact te brengen met {q}."),
        "fr": ("Si {x} s'en va, {a} et {b} perdent leur dernier lien dans {zone} : demander à {t}, qui travaille "
               "avec les deux côtés, de mettre {p} en contact avec {q}."),
        "en": ("If {x} leaves, {a} and {b} lose their last link in {zone}: ask {t}, who works with both sides, to "
               "introduce {p} to {q}."),
    },
    "say.leave_team": {
        "nl": ("Als {x} vertrekt, verliezen {a} en {b} hun laatste verbinding in {zone}: het coördinatieteam "
               "brengt best {p} in contact met {q}."),
        "fr": ("Si {x} s'en va, {a} et {b} perdent leur dernier lien dans {zone} : l'équipe de coordination "
               "devrait mettre {p} en contact avec {q}."),
        "en": ("If {x} leaves, {a} and {b} lose their last link in {zone}: the coordination team should introduce "
               "{p} to {q}."),
    },
    "say.leave_lost": {
        "nl": "Als {x} vertrekt, heeft {zone} geen actor van {value} meer: werf er een.",
        "fr": "Si {x} s'en va, {zone} n'a plus aucun acteur de {value} : en recruter un.",
        "en": "If {x} leaves, {zone} has no actor of {value} left: recruit one.",
    },
    "say.leave_split": {
        "nl": ("Als {x} vertrekt, verliezen {n} actoren ({who}) elke weg naar de rest van het netwerk: breng {p} "
               "in contact met {q}{via}."),
        "fr": ("Si {x} s'en va, {n} acteurs ({who}) perdent tout chemin vers le reste du réseau : mettre {p} en "
               "contact avec {q}{via}."),
        "en": ("If {x} leaves, {n} actors ({who}) lose every path to the rest of the network: introduce {p} to "
               "{q}{via}."),
    },
    "say.leave_split.one": {
        "nl": ("Als {x} vertrekt, verliest {n} actor ({who}) elke weg naar de rest van het netwerk: breng {p} "
               "in contact met {q}{via}."),
        "fr": ("Si {x} s'en va, {n} acteur ({who}) perd tout chemin vers le reste du réseau : mettre {p} en "
               "contact avec {q}{via}."),
        "en": ("If {x} leaves, {n} actor ({who}) loses every path to the rest of the network: introduce {p} to "
               "{q}{via}."),
    },
    "say.leave_isolated": {
        "nl": "Als {x} vertrekt, {state}: breng die actor in contact met {q}{via}.",
        "fr": "Si {x} s'en va, {state} : mettre cet acteur en contact avec {q}{via}.",
        "en": "If {x} leaves, {state}: introduce it to {q}{via}.",
    },
    "say.leave_isolated_alone": {
        "nl": "Als {x} vertrekt, {state}: nodig die actor uit op het volgende veranderatelier van {zone}.",
        "fr": "Si {x} s'en va, {state} : l'inviter au prochain atelier du changement pour {zone}.",
        "en": "If {x} leaves, {state}: invite it to the next change workshop of {zone}.",
    },
    "say.state_no_ties": {
        "nl": "heeft {y} geen partner buiten de eigen organisatie meer",
        "fr": "{y} n'a plus aucun partenaire hors de sa propre organisation",
        "en": "{y} has no partner outside its own organisation any more",
    },
    "say.state_single_tie": {
        "nl": "houdt {y} maar één partner over",
        "fr": "{y} ne garde qu'un seul partenaire",
        "en": "{y} is left with a single partner",
    },
    "say.state_intra_sector_only": {
        "nl": "werkt {y} alleen nog binnen {sector}",
        "fr": "{y} ne travaille plus qu'au sein de {sector}",
        "en": "{y} only works within {sector}",
    },
    "say.state_no_cross_line": {
        "nl": "verliest {y} de laatste verbinding met {other}",
        "fr": "{y} perd son dernier lien avec {other}",
        "en": "{y} loses its last link with {other}",
    },
    "say.family.health": {
        "nl": "de gezondheidssector",
        "fr": "le secteur de la santé",
        "en": "health care",
    },
    "say.family.welfare": {
        "nl": "de welzijnssector",
        "fr": "le secteur social",
        "en": "welfare",
    },
    "say.language.nl": {
        "nl": "het Nederlandstalige netwerk",
        "fr": "le réseau néerlandophone",
        "en": "the Dutch-speaking network",
    },
    "say.language.fr": {
        "nl": "het Franstalige netwerk",
        "fr": "le réseau francophone",
        "en": "the French-speaking network",
    },
    "say.region": {
        "nl": "het gewest",
        "fr": "la région",
        "en": "the region",
    },
    "say.zone": {
        "nl": "zorgzone {}",
        "fr": "le bassin {}",
        "en": "the {} zone",
    },
    "say.quoted": {
        "nl": "‘{}’",
        "fr": "« {} »",
        "en": "“{}”",
    },
    "say.line": {
        "nl": "de {}",
        "fr": "la {}",
        "en": "the {}",
    },
    "say.sector_line": {
        "nl": "{sector}, {line}",
        "fr": "{sector}, {line}",
        "en": "{sector}, {line}",
    },
}

"""Words of the interactive views added for views that scale (groups, kinds of link, people, labels).

The older ``view.*`` messages stay in :mod:`collabnet.words.render`; these are ``views.*``.
The legend's size sentence (``views.size.betweenness``) is the README's, word for word.
"""

from __future__ import annotations

__all__ = ["LABELS"]

LABELS: dict[str, dict[str, str]] = {
    "views.size.betweenness": {
        "nl": "Grootte: tussenpositie (betweenness), hoe vaak een actor op de kortste weg tussen twee andere actoren ligt "
              "(een brug tussen wie elkaar anders niet bereikt).",
        "fr": "Taille : intermédiarité (betweenness), la fréquence à laquelle un acteur se trouve sur le plus "
              "court chemin entre deux autres (un pont entre ceux qui, sans lui, ne se rejoignent pas).",
        "en": "Size: betweenness, how often an actor lies on the shortest path between two others "
              "(a bridge between actors who would otherwise not reach each other).",
    },
    "views.size.cluster": {
        "nl": "Een zeshoek is een groep actoren die vooral onderling samenwerken (gemeenschapsdetectie); "
              "klik erop om hen te tonen.",
        "fr": "Un hexagone est un groupe d'acteurs qui travaillent surtout entre eux (détection de communautés) ; "
              "cliquez dessus pour les afficher.",
        "en": "A hexagon is a group of actors who mostly work with each other (community detection); "
              "click it to show them.",
    },
    "views.cluster.label": {"nl": "{name} en {n} andere", "fr": "{name} et {n} autres", "en": "{name} and {n} others"},
    "views.cluster.title": {
        "nl": "Groep van {n} actoren die vooral onderling samenwerken. Klik om te openen.",
        "fr": "Groupe de {n} acteurs qui travaillent surtout entre eux. Cliquez pour l'ouvrir.",
        "en": "Group of {n} actors who mostly work with each other. Click to open it.",
    },
    "views.kind.cluster": {"nl": "groep (klik om te openen)", "fr": "groupe (cliquer pour ouvrir)",
                           "en": "group (click to open)"},
    "views.shape.second": {"nl": "driehoek: vijfde tot achtste sector van een familie",
                           "fr": "triangle : cinquième à huitième secteur d'une famille",
                           "en": "triangle: fifth to eighth sector of a family"},
    "views.groups": {"nl": "Groepen", "fr": "Groupes", "en": "Groups"},
    "views.open_all": {"nl": "Alle groepen openen", "fr": "Ouvrir tous les groupes", "en": "Open every group"},
    "views.close_all": {"nl": "Alle groepen sluiten", "fr": "Fermer tous les groupes", "en": "Close every group"},
    "views.reset": {"nl": "Terug naar het begin", "fr": "Revenir au début", "en": "Back to the start"},
    "views.links.heading": {"nl": "Getoonde verbindingen", "fr": "Liens affichés", "en": "Links shown"},
    "views.links.sector": {"nl": "tussen twee sectoren", "fr": "entre deux secteurs", "en": "between two sectors"},
    "views.links.line": {"nl": "tussen twee zorglijnen", "fr": "entre deux lignes d'aide et de soins",
                         "en": "between two lines of care"},
    "views.links.language": {"nl": "tussen Nederlandstalig en Franstalig", "fr": "entre francophones et néerlandophones",
                             "en": "between Dutch and French speakers"},
    "views.links.within": {"nl": "de andere (zelfde sector, lijn en taal)",
                           "fr": "les autres (même secteur, ligne et langue)",
                           "en": "the others (same sector, line and language)"},
    "views.links.shown": {"nl": "{shown} van de {total} verbindingen getoond",
                          "fr": "{shown} liens affichés sur {total}", "en": "{shown} of {total} links shown"},
    "views.people.hint": {
        "nl": "Klik op een organisatie om haar mensen en hun verbindingen te tonen; nog een klik verbergt ze.",
        "fr": "Cliquez sur une organisation pour afficher ses personnes et leurs liens ; un second clic les replie.",
        "en": "Click an organisation to show its people and their links; click again to fold them.",
    },
    "views.people.count": {"nl": "Mensen: {n}", "fr": "Personnes : {n}", "en": "People: {n}"},
    "views.help": {
        "nl": "Sleep om te verschuiven, scroll om te zoomen, wijs een knoop aan voor details. Namen verschijnen "
              "naarmate u inzoomt, de belangrijkste bruggen eerst.",
        "fr": "Glissez pour déplacer, faites défiler pour zoomer, survolez un nœud pour le détail. Les noms "
              "apparaissent à mesure que vous zoomez, les ponts les plus importants d'abord.",
        "en": "Drag to move, scroll to zoom, point at a node for details. Names appear as you zoom in, the most "
              "important bridges first.",
    },
}

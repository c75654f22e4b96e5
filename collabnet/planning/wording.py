"""The sentences of the plans, in Dutch, French and English (one per choice, read out at a workshop).

Examples
--------
>>> import networkx as nx
>>> G = nx.Graph(); G.add_node("gp", name="GP Zuid")
>>> words = Words(G, "fr")
>>> words.say("coordination_team")
"l'équipe de coordination"
>>> words.zone("south"), words.value("line", 2), words.value("family", "welfare")
('la zone Sud', 'la deuxième ligne', 'le social')
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import networkx as nx

__all__ = ["LANGS", "Words"]

LANGS = ("nl", "fr", "en")
_SHOWN = 3  # names shown in a sentence before "and N more"

_TEXT = {
    "en": {
        "and": " and ",
        "more": "{shown} and {n} more",
        "coordination_team": "the coordination team",
        # invite
        "invite": "Invite {x} ({what}){reach}{adds}.",
        "reach": ": it reaches {n} isolated or peripheral actor(s) ({who})",
        "adds": "{sep}it brings {what} to the table",
        "sep_first": ": ",
        "sep_next": "; ",
        # introduce
        "introduce": "Introduce {x} to {y}{via}: {why}.",
        "via": " through {w}, who works with both",
        "via_team": " (the coordination team makes the introduction)",
        "closes_line_gap": "the first and second line of {zone} get their first link",
        "closes_language_gap": "the Dutch-speaking and French-speaking actors of {zone} get their first link",
        "closes_family_pair": "health care and welfare get their first link in {zone}",
        "closes_sector_pair": "{a} and {b} get their first link in {zone}",
        "first_partner": "{x} gets its first partner outside its own organisation",
        "not_isolated": "{x} is no longer isolated",
        # leave
        "leave_takeover": "If {x} leaves, {a} and {b} lose their last link in {zone}: ask {t}, who works with "
                          "both sides, to introduce {p} to {q}.",
        "leave_team": "If {x} leaves, {a} and {b} lose their last link in {zone}: the coordination team should "
                      "introduce {p} to {q}.",
        "leave_lost": "If {x} leaves, {zone} has no actor of {value} left: recruit one.",
        "leave_split": "If {x} leaves, {n} actor(s) ({who}) lose every path to the rest of the network: "
                       "introduce {p} to {q}{via}.",
        "leave_isolated": "If {x} leaves, {state}: introduce it to {q}{via}.",
        "leave_isolated_alone": "If {x} leaves, {state}: invite it to the next change workshop of {zone}.",
        "state_no_ties": "{y} has no partner outside its own organisation any more",
        "state_single_tie": "{y} is left with a single partner",
        "state_intra_sector_only": "{y} only works within {sector}",
        "state_no_cross_line": "{y} loses its last link with {other}",
    },
    "nl": {
        "and": " en ",
        "more": "{shown} en {n} andere",
        "coordination_team": "het coördinatieteam",
        "invite": "Nodig {x} uit ({what}){reach}{adds}.",
        "reach": ": het bereikt {n} geïsoleerde of perifere actor(en) ({who})",
        "adds": "{sep}het brengt {what} aan tafel",
        "sep_first": ": ",
        "sep_next": "; ",
        "introduce": "Breng {x} in contact met {y}{via}: {why}.",
        "via": " via {w}, die met beide samenwerkt",
        "via_team": " (het coördinatieteam legt het contact)",
        "closes_line_gap": "de eerste en de tweede lijn van {zone} krijgen hun eerste verbinding",
        "closes_language_gap": "de Nederlandstalige en Franstalige actoren van {zone} krijgen hun eerste verbinding",
        "closes_family_pair": "zorg en welzijn krijgen hun eerste verbinding in {zone}",
        "closes_sector_pair": "{a} en {b} krijgen hun eerste verbinding in {zone}",
        "first_partner": "{x} krijgt een eerste partner buiten de eigen organisatie",
        "not_isolated": "{x} is niet langer geïsoleerd",
        "leave_takeover": "Als {x} vertrekt, verliezen {a} en {b} hun laatste verbinding in {zone}: vraag {t}, "
                          "die met beide kanten samenwerkt, om {p} in contact te brengen met {q}.",
        "leave_team": "Als {x} vertrekt, verliezen {a} en {b} hun laatste verbinding in {zone}: het "
                      "coördinatieteam brengt best {p} in contact met {q}.",
        "leave_lost": "Als {x} vertrekt, heeft {zone} geen actor van {value} meer: werf er een.",
        "leave_split": "Als {x} vertrekt, verliezen {n} actor(en) ({who}) elke weg naar de rest van het netwerk: "
                       "breng {p} in contact met {q}{via}.",
        "leave_isolated": "Als {x} vertrekt, {state}: breng het in contact met {q}{via}.",
        "leave_isolated_alone": "Als {x} vertrekt, {state}: nodig het uit op het volgende veranderatelier "
                                "van {zone}.",
        "state_no_ties": "heeft {y} geen partner buiten de eigen organisatie meer",
        "state_single_tie": "houdt {y} maar één partner over",
        "state_intra_sector_only": "werkt {y} alleen nog binnen {sector}",
        "state_no_cross_line": "verliest {y} de laatste verbinding met {other}",
    },
    "fr": {
        "and": " et ",
        "more": "{shown} et {n} autres",
        "coordination_team": "l'équipe de coordination",
        "invite": "Inviter {x} ({what}){reach}{adds}.",
        "reach": " : il atteint {n} acteur(s) isolé(s) ou périphérique(s) ({who})",
        "adds": "{sep}il amène {what} à la table",
        "sep_first": " : ",
        "sep_next": " ; ",
        "introduce": "Mettre {x} en contact avec {y}{via} : {why}.",
        "via": " par l'intermédiaire de {w}, qui travaille avec les deux",
        "via_team": " (l'équipe de coordination fait les présentations)",
        "closes_line_gap": "la première et la deuxième ligne de {zone} obtiennent leur premier lien",
        "closes_language_gap": "les acteurs néerlandophones et francophones de {zone} obtiennent leur premier lien",
        "closes_family_pair": "la santé et le social obtiennent leur premier lien dans {zone}",
        "closes_sector_pair": "{a} et {b} obtiennent leur premier lien dans {zone}",
        "first_partner": "{x} obtient un premier partenaire hors de sa propre organisation",
        "not_isolated": "{x} n'est plus isolé",
        "leave_takeover": "Si {x} s'en va, {a} et {b} perdent leur dernier lien dans {zone} : demander à {t}, "
                          "qui travaille avec les deux côtés, de mettre {p} en contact avec {q}.",
        "leave_team": "Si {x} s'en va, {a} et {b} perdent leur dernier lien dans {zone} : l'équipe de "
                      "coordination devrait mettre {p} en contact avec {q}.",
        "leave_lost": "Si {x} s'en va, {zone} n'a plus aucun acteur de {value} : en recruter un.",
        "leave_split": "Si {x} s'en va, {n} acteur(s) ({who}) perdent tout chemin vers le reste du réseau : "
                       "mettre {p} en contact avec {q}{via}.",
        "leave_isolated": "Si {x} s'en va, {state} : le mettre en contact avec {q}{via}.",
        "leave_isolated_alone": "Si {x} s'en va, {state} : l'inviter au prochain atelier du changement de "
                                "{zone}.",
        "state_no_ties": "{y} n'a plus aucun partenaire hors de sa propre organisation",
        "state_single_tie": "{y} ne garde qu'un seul partenaire",
        "state_intra_sector_only": "{y} ne travaille plus qu'au sein de {sector}",
        "state_no_cross_line": "{y} perd son dernier lien avec {other}",
    },
}


class Words:
    """Display names and sentences for one graph in one language (``nl``, ``fr`` or ``en``).

    Names of actors, zones, sectors, families, lines and language networks are
    those of the actions.csv rationales (:mod:`collabnet.analyses.actions`), so a
    plan reads like the zone's action plan.
    """

    def __init__(self, G: nx.Graph, lang: str = "en"):
        from collabnet.analyses.actions import Phrasing

        self.G = G
        self.lang = lang if lang in _TEXT else "en"
        self._labels = Phrasing(G, self.lang)

    def say(self, key: str, **fields) -> str:
        return _TEXT[self.lang][key].format(**fields)

    def name(self, v: Hashable) -> str:
        return self._labels.name(v) if v in self.G else str(v)

    def names(self, nodes: Iterable[Hashable], limit: int = _SHOWN) -> str:
        """``A, B, C and 2 more`` in the sentence's language."""
        shown = [self.name(v) for v in nodes]
        if len(shown) <= limit:
            return ", ".join(shown)
        return self.say("more", shown=", ".join(shown[:limit]), n=len(shown) - limit)

    def zone(self, code: str) -> str:
        """``the South zone`` / ``zone Zuid`` / ``la zone Sud`` / ``the region``."""
        return self._labels.zone(code)

    def value(self, attribute: str, value) -> str:
        """A sector, family, line or language value as a phrase in a sentence."""
        return self._labels.label(attribute, value)

    def both(self, phrases: list[str]) -> str:
        """``a``, ``a and b``, ``a, b and c``."""
        if len(phrases) < 2:
            return "".join(phrases)
        return ", ".join(phrases[:-1]) + self.say("and") + phrases[-1]

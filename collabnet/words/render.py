"""Words of the reports, views, tables and workbooks (message id -> nl, fr, en).

Message ids are dotted by the renderer that uses them (``view.*``, ``report.*``)
or by the thing they name (``kind.*``, ``line.*``, ``origin.*``). A message may
hold ``str.format`` fields, filled by :func:`collabnet.words.t`.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    # Actor facts
    "kind.organisation": {"nl": "organisatie", "fr": "organisation", "en": "organisation"},
    "kind.person": {"nl": "persoon", "fr": "personne", "en": "person"},
    "kind.group": {"nl": "sector (groep actoren)", "fr": "secteur (groupe d'acteurs)", "en": "sector (group of actors)"},
    "family.health": {"nl": "gezondheid", "fr": "santé", "en": "health"},
    "family.welfare": {"nl": "welzijn", "fr": "social", "en": "welfare"},
    "family.other": {"nl": "andere sectoren", "fr": "autres secteurs", "en": "other sectors"},
    "line.0": {"nl": "nulde lijn", "fr": "ligne 0", "en": "line 0"},
    "line.1": {"nl": "eerste lijn", "fr": "première ligne", "en": "first line"},
    "line.2": {"nl": "tweede lijn", "fr": "deuxième ligne", "en": "second line"},
    "line.3": {"nl": "derde lijn", "fr": "troisième ligne", "en": "third line"},
    "zone.region": {"nl": "Gewest", "fr": "Région", "en": "Region"},
    "line.none": {"nl": "geen lijn", "fr": "pas de ligne", "en": "no line"},
    "language.nl": {"nl": "Nederlandstalig", "fr": "néerlandophone", "en": "Dutch-speaking"},
    "language.fr": {"nl": "Franstalig", "fr": "francophone", "en": "French-speaking"},
    "language.bi": {"nl": "tweetalig", "fr": "bilingue", "en": "bilingual"},
    "language.none": {"nl": "onbekend", "fr": "inconnue", "en": "unknown"},
    "mark.isolated": {"nl": "geïsoleerd", "fr": "isolé", "en": "isolated"},
    "mark.cut_vertex": {"nl": "onmisbare schakel (bij vertrek valt een verbinding weg)",
                        "fr": "acteur charnière (son départ couperait un lien)",
                        "en": "cut vertex (its departure cuts a link)"},
    "origin.tie": {"nl": "rechtstreekse band", "fr": "lien direct", "en": "direct tie"},
    "origin.co_membership": {"nl": "samen in een groep", "fr": "membres d'un même groupe",
                             "en": "co-membership"},
    "origin.affiliation": {"nl": "werkt bij", "fr": "travaille pour", "en": "affiliation"},
    "field.kind": {"nl": "Soort", "fr": "Type", "en": "Kind"},
    "field.sectors": {"nl": "Sectoren", "fr": "Secteurs", "en": "Sectors"},
    "field.line": {"nl": "Lijn", "fr": "Ligne", "en": "Line"},
    "field.zone": {"nl": "Zone", "fr": "Bassin", "en": "Zone"},
    "field.language": {"nl": "Taal", "fr": "Langue", "en": "Language"},
    "field.organisation": {"nl": "Organisatie", "fr": "Organisation", "en": "Organisation"},
    "field.persons": {"nl": "Personen", "fr": "Personnes", "en": "Persons"},
    "field.brokerage": {"nl": "Brugfunctie", "fr": "Rôle de relais", "en": "Brokerage score"},
    "field.actors": {"nl": "Actoren", "fr": "Acteurs", "en": "Actors"},
    "field.links": {"nl": "Verbindingen", "fr": "Liens", "en": "Links"},
    "field.links_within": {"nl": "Verbindingen binnen de sector", "fr": "Liens au sein du secteur",
                           "en": "Links within the sector"},
    "field.groups": {"nl": "gedeelde groepen", "fr": "groupes partagés", "en": "shared groups"},
    # Reports (collabnet report): kinds of finding, then report.* words
    "reason.no_ties": {"nl": "geen enkele verbinding", "fr": "aucun lien", "en": "no link at all"},
    "reason.intra_sector_only": {"nl": "enkel binnen de eigen sector", "fr": "seulement dans son secteur",
                                 "en": "only within its own sector"},
    "reason.no_cross_line": {"nl": "geen verbinding met de andere lijn", "fr": "aucun lien avec l'autre ligne",
                             "en": "no link across the lines"},
    "reason.single_tie": {"nl": "één enkele partner", "fr": "un seul partenaire", "en": "a single partner"},
    "gap.sector_pair": {"nl": "Twee sectoren zonder verbinding", "fr": "Deux secteurs sans lien",
                        "en": "Two sectors with no link"},
    "gap.sector_missing": {"nl": "Sector ontbreekt in de zone", "fr": "Secteur absent du bassin",
                           "en": "Sector missing in the zone"},
    "gap.line_gap": {"nl": "Geen verbinding tussen eerste en tweede lijn",
                     "fr": "Aucun lien entre première et deuxième ligne",
                     "en": "No link between first and second line"},
    "gap.language_gap": {"nl": "Geen verbinding tussen Nederlandstalige en Franstalige actoren",
                         "fr": "Aucun lien entre acteurs néerlandophones et francophones",
                         "en": "No link between Dutch- and French-speaking actors"},
    "gap.weak_sector_pair": {"nl": "Twee sectoren met veel minder verbindingen dan verwacht",
                             "fr": "Deux secteurs avec bien moins de liens qu'attendu",
                             "en": "Two sectors with far fewer links than expected"},
    "gap.family_pair": {"nl": "Geen verbinding tussen gezondheid en welzijn", "fr": "Aucun lien entre santé et social",
                        "en": "No link between health and welfare"},
    "gap.weak_family_pair": {"nl": "Gezondheid en welzijn veel minder verbonden dan verwacht",
                             "fr": "Santé et social bien moins liés qu'attendu",
                             "en": "Health and welfare far less linked than expected"},
    "action.introduce": {"nl": "In contact brengen", "fr": "Mettre en contact", "en": "Introduce"},
    "action.invite": {"nl": "Uitnodigen", "fr": "Inviter", "en": "Invite"},
    "action.secure_bridge": {"nl": "Brug verstevigen", "fr": "Consolider un pont", "en": "Secure a bridge"},
    "action.recruit": {"nl": "Rekruteren", "fr": "Recruter", "en": "Recruit"},
    "action.take_over": {"nl": "Verbinding overnemen", "fr": "Reprendre le lien", "en": "Take over"},
    "action.backup_contact": {"nl": "Tweede contactpersoon", "fr": "Deuxième personne de contact",
                              "en": "Second contact person"},
    "source.analysis": {"nl": "analyse", "fr": "analyse", "en": "analysis"},
    "source.plan": {"nl": "planning", "fr": "planification", "en": "plan"},
    "sheet.all": {"nl": "alle", "fr": "toutes", "en": "all"},
    "report.title": {"nl": "Samenwerkingsrapport", "fr": "Rapport de collaboration", "en": "Collaboration report"},
    "report.zone": {"nl": "Zorgzone {name}", "fr": "Bassin {name}", "en": "{name} zone"},
    "report.region": {"nl": "Hele gewest", "fr": "Toute la région", "en": "Whole region"},
    "report.in_zone": {"nl": "in zorgzone {name}", "fr": "dans le bassin {name}", "en": "in the {name} zone"},
    "report.in_region": {"nl": "in het hele gewest", "fr": "dans toute la région", "en": "in the whole region"},
    "report.subtitle": {"nl": "Dataset {dataset} · analysedatum {date}",
                        "fr": "Jeu de données {dataset} · date d'analyse {date}",
                        "en": "Dataset {dataset} · analysis date {date}"},
    "report.intro": {
        "nl": "Dit rapport toont wie met wie samenwerkt {scope} op {date}: welke actoren nog niet verbonden zijn, "
              "welke sectoren niet samenwerken, wie het netwerk samenhoudt en wat er eerst moet gebeuren. "
              "Het laatste deel legt de begrippen in gewone woorden uit.",
        "fr": "Ce rapport montre qui travaille avec qui {scope} au {date} : quels acteurs ne sont pas encore reliés, "
              "quels secteurs ne travaillent pas ensemble, qui tient le réseau et par quoi commencer. La dernière "
              "partie explique les termes en mots simples.",
        "en": "This report shows who works with whom {scope} on {date}: which actors are not connected yet, which "
              "sectors do not work together, who holds the network together and what to do first. The last "
              "section explains the terms in plain words."},
    "report.contents": {"nl": "Inhoud", "fr": "Sommaire", "en": "Contents"},
    "report.section.figures": {"nl": "Kerncijfers", "fr": "Chiffres clés", "en": "Key figures"},
    "report.section.matrix": {"nl": "Verbindingen tussen sectoren", "fr": "Liens entre secteurs",
                              "en": "Links between sectors"},
    "report.section.isolation": {"nl": "Isolement per sector en lijn", "fr": "Isolement par secteur et par ligne",
                                 "en": "Isolation by sector and line"},
    "report.section.isolated": {"nl": "Geïsoleerde actoren", "fr": "Acteurs isolés", "en": "Isolated actors"},
    "report.section.brokers": {"nl": "Bruggenbouwers en kwetsbare schakels", "fr": "Acteurs-relais et points de rupture",
                               "en": "Brokers and single points of failure"},
    "report.section.gaps": {"nl": "Hiaten", "fr": "Lacunes", "en": "Gaps"},
    "report.section.actions": {"nl": "Actielijst", "fr": "Liste d'actions", "en": "Action list"},
    "report.section.howto": {"nl": "Hoe lees je dit rapport?", "fr": "Comment lire ce rapport ?",
                             "en": "How to read this report"},
    "report.fig.actors": {"nl": "Actoren", "fr": "Acteurs", "en": "Actors"},
    "report.fig.actors_value": {"nl": "{n} (organisaties: {organisations}, personen: {persons})",
                                "fr": "{n} (organisations : {organisations}, personnes : {persons})",
                                "en": "{n} (organisations: {organisations}, persons: {persons})"},
    "report.fig.links": {"nl": "Verbindingen tussen deze actoren", "fr": "Liens entre ces acteurs",
                         "en": "Links among these actors"},
    "report.fig.links_out": {"nl": "Verbindingen met actoren buiten de zone",
                             "fr": "Liens avec des acteurs hors du bassin",
                             "en": "Links with actors outside the zone"},
    "report.fig.density": {"nl": "Dichtheid", "fr": "Densité", "en": "Density"},
    "report.fig.ei": {"nl": "E-I-index tussen sectoren", "fr": "Indice E-I entre secteurs",
                      "en": "E-I index between sectors"},
    "report.fig.sectors": {"nl": "Aanwezige hoofdsectoren", "fr": "Secteurs principaux présents",
                           "en": "Main sectors present"},
    "report.fig.no_ties": {"nl": "Actoren zonder verbinding buiten de eigen organisatie",
                           "fr": "Acteurs sans lien hors de leur organisation",
                           "en": "Actors with no link outside their own organisation"},
    "report.fig.signals": {"nl": "Actoren met een isolementssignaal", "fr": "Acteurs avec un signal d'isolement",
                           "en": "Actors with an isolation signal"},
    "report.fig.cut_vertices": {"nl": "Onmisbare schakels (actoren)",
                                "fr": "Acteurs charnières",
                                "en": "Cut vertices (single points of failure)"},
    "report.fig.cut_edges": {"nl": "Bruggen (verbindingen zonder alternatief)", "fr": "Ponts (liens sans alternative)",
                             "en": "Bridges (only link)"},
    "report.fig.gaps": {"nl": "Hiaten", "fr": "Lacunes", "en": "Gaps"},
    "report.fig.actions": {"nl": "Voorgestelde acties", "fr": "Actions proposées", "en": "Proposed actions"},
    "report.fig.left_out": {"nl": "Rijen niet meegeteld (collabnet validate toont ze)",
                            "fr": "Lignes non prises en compte (collabnet validate les liste)",
                            "en": "Rows left out (collabnet validate lists them)"},
    # the colon after a label in the templates ("Acteurs : 9"): French puts a space before it
    "report.colon": {"nl": ":", "fr": " :", "en": ":"},
    "report.not_available": {"nl": "n.v.t.", "fr": "n.d.", "en": "n/a"},
    "report.matrix.intro": {
        "nl": "Aantal verbindingen tussen actoren van twee hoofdsectoren; de diagonaal telt de verbindingen binnen "
              "een sector. Hoe donkerder de cel, hoe meer verbindingen. De kolommen zijn genummerd zoals de rijen.",
        "fr": "Nombre de liens entre acteurs de deux secteurs principaux ; la diagonale compte les liens au sein "
              "d'un secteur. Plus la case est foncée, plus il y a de liens. Les colonnes sont numérotées comme "
              "les lignes.",
        "en": "Number of links between actors of two main sectors; the diagonal counts the links within a sector. "
              "The darker the cell, the more links. Columns are numbered like the rows."},
    "report.matrix.sector": {"nl": "Sector", "fr": "Secteur", "en": "Sector"},
    "report.chart.intro": {
        "nl": "Elke balk telt de actoren van een groep; de kleur toont hun ernstigste isolementssignaal "
              "(elke actor telt één keer).",
        "fr": "Chaque barre compte les acteurs d'un groupe ; la couleur montre leur signal d'isolement le plus "
              "grave (chaque acteur compte une fois).",
        "en": "Each bar counts the actors of one group; the colour shows their most serious isolation signal "
              "(each actor counts once)."},
    "report.chart.sector": {"nl": "Per hoofdsector", "fr": "Par secteur principal", "en": "By main sector"},
    "report.chart.line": {"nl": "Per zorglijn", "fr": "Par ligne d'aide et de soins", "en": "By line of care"},
    "report.chart.group": {"nl": "Groep", "fr": "Groupe", "en": "Group"},
    "report.chart.total": {"nl": "Totaal", "fr": "Total", "en": "Total"},
    "report.reason.none": {"nl": "geen signaal", "fr": "aucun signal", "en": "no signal"},
    "report.legend": {"nl": "Legende", "fr": "Légende", "en": "Legend"},
    "report.isolated.intro": {
        "nl": "Actoren met minstens één isolementssignaal; eerste- en tweedelijnsactoren eerst.",
        "fr": "Acteurs avec au moins un signal d'isolement ; acteurs de première et deuxième ligne d'abord.",
        "en": "Actors with at least one isolation signal; first- and second-line actors first."},
    "report.brokers.intro": {
        "nl": "De actoren die sectoren het sterkst met elkaar verbinden (rang 1 = sterkste brug in de zone).",
        "fr": "Les acteurs qui relient le plus les secteurs (rang 1 = pont le plus fort du bassin).",
        "en": "The actors who bridge sectors most (rank 1 = strongest bridge in the zone)."},
    "report.brokers.intro_region": {
        "nl": "De actoren met de hoogste tussenpositie in het hele gewest; de rang geldt binnen hun eigen zone.",
        "fr": "Les acteurs les plus intermédiaires de toute la région ; le rang vaut au sein de leur bassin.",
        "en": "The actors with the highest betweenness in the whole region; the rank is within their own zone."},
    "report.brokers.estimated": {
        "nl": "De tussenpositie is hier geschat op basis van {sources} willekeurig gekozen actoren als "
              "vertrekpunt: bij een netwerk van deze omvang is dat de standaard, omdat een exacte berekening "
              "veel langer duurt.",
        "fr": "L'intermédiarité est ici estimée à partir de {sources} acteurs tirés au sort comme points de "
              "départ : pour un réseau de cette taille, c'est le choix par défaut, car un calcul exact prend "
              "beaucoup plus de temps.",
        "en": "Betweenness is estimated here from {sources} actors drawn at random as starting points: for a "
              "network of this size that is the default, since an exact computation takes much longer."},
    "report.brokers.certain": {
        "nl": "De top 10 van deze zone staat met {confidence} zekerheid vast: het zijn de juiste actoren, al "
              "kan hun volgorde nog verschuiven.",
        "fr": "Le top 10 de ce bassin est établi avec une certitude de {confidence} : il réunit bien les bons "
              "acteurs, même si leur ordre peut encore varier.",
        "en": "This zone's top 10 is settled with {confidence} certainty: these are the right actors, though "
              "their order may still shift."},
    "report.brokers.uncertain": {
        "nl": "In deze zone staat de top 10 nog niet met {confidence} zekerheid vast: de schatting kan de "
              "actoren rond rang 10 nog niet van elkaar onderscheiden. Lees hun rangen als een korte lijst van "
              "kandidaten voor de top 10, niet als een vaste volgorde.",
        "fr": "Dans ce bassin, le top 10 n'est pas encore établi avec une certitude de {confidence} : "
              "l'estimation ne permet pas de départager les acteurs autour du rang 10. Considérez-les comme une "
              "courte liste de candidats au top 10, pas comme un classement définitif.",
        "en": "In this zone the top 10 is not yet settled with {confidence} certainty: the estimate cannot tell "
              "the actors around rank 10 apart. Read their ranks as a short list of candidates for the top 10, "
              "not as a fixed order."},
    "report.brokers.exact": {
        "nl": "Voor exacte rangen: voer collabnet analyze --exact-betweenness uit (dat duurt langer).",
        "fr": "Pour obtenir des rangs exacts, lancez collabnet analyze --exact-betweenness (le calcul prend "
              "plus de temps).",
        "en": "For exact ranks, run collabnet analyze --exact-betweenness (this takes longer)."},
    "report.brokers.certain_region": {
        "nl": "In elke zone staat de top 10 met {confidence} zekerheid vast: het zijn de juiste actoren, al kan "
              "hun volgorde nog verschuiven.",
        "fr": "Dans chaque bassin, le top 10 est établi avec une certitude de {confidence} : il réunit bien les "
              "bons acteurs, même si leur ordre peut encore varier.",
        "en": "In every zone the top 10 is settled with {confidence} certainty: these are the right actors, "
              "though their order may still shift."},
    "report.brokers.uncertain_region": {
        "nl": "De top 10 staat nog niet in elke zone met {confidence} zekerheid vast. Betrokken zones: {zones}. "
              "Daar kan de schatting de actoren rond rang 10 nog niet van elkaar onderscheiden: lees hun rangen "
              "als een korte lijst van kandidaten voor de top 10, niet als een vaste volgorde.",
        "fr": "Le top 10 n'est pas encore établi avec une certitude de {confidence} dans tous les bassins. "
              "Bassins concernés : {zones} ; l'estimation n'y permet pas encore de départager les acteurs "
              "autour du rang 10 : lisez leurs rangs comme une courte liste de candidats au top 10, pas comme "
              "un classement définitif.",
        "en": "The top 10 is not yet settled with {confidence} certainty in every zone. Zones concerned: "
              "{zones}. There the estimate cannot tell the actors around rank 10 apart: read their ranks as a "
              "short list of candidates for the top 10, not as a fixed order."},
    "report.brokers.sure": {
        "nl": "De actoren op rang 1 tot en met {k} horen wel met {confidence} zekerheid bij de top 10.",
        "fr": "En revanche, les acteurs classés de 1 à {k} font partie du top 10 avec une certitude de {confidence}.",
        "en": "The actors ranked 1 to {k}, however, belong to the top 10 with {confidence} certainty."},
    "report.brokers.sure_one": {
        "nl": "Wel hoort de actor op rang 1 met {confidence} zekerheid bij de top 10.",
        "fr": "En revanche, l'acteur classé premier fait partie du top 10 avec une certitude de {confidence}.",
        "en": "The actor ranked 1, however, belongs to the top 10 with {confidence} certainty."},
    "report.brokers.region_actors": {"nl": "de gewestelijke actoren (zonder zone)",
                                     "fr": "les acteurs régionaux (sans bassin)",
                                     "en": "the region-wide actors (no zone)"},
    "report.spof.title": {"nl": "Kwetsbare schakels", "fr": "Points de rupture", "en": "Single points of failure"},
    "report.spof.vertices": {
        "nl": "Actoren van wie het vertrek een deel van het netwerk afsnijdt (onmisbare schakels)",
        "fr": "Acteurs dont le départ couperait une partie du réseau (acteurs charnières)",
        "en": "Actors whose departure would cut off part of the network (cut vertices)"},
    "report.spof.edges": {
        "nl": "Verbindingen die de enige schakel zijn tussen twee sectoren, zorglijnen of taalnetwerken (bruggen)",
        "fr": ("Liens qui sont le seul lien entre deux secteurs, lignes d'aide et de soins ou réseaux linguistiques "
               "(ponts)"),
        "en": "Links that are the only link between two sectors, care lines or language networks (bridges)"},
    "report.pair": {"nl": "{a} en {b}", "fr": "{a} et {b}", "en": "{a} and {b}"},
    "report.gaps.intro": {
        "nl": "Verwacht = het aantal verbindingen als de verbindingen van de zone willekeurig verdeeld waren. "
              "Hoe hoger de ernst, hoe dringender.",
        "fr": "Attendus = le nombre de liens si les liens du bassin étaient répartis au hasard. "
              "Plus la gravité est élevée, plus c'est urgent.",
        "en": "Expected = the number of links if the zone's links were spread at random. "
              "The higher the severity, the more urgent."},
    "report.actions.intro": {"nl": "Een korte lijst voor het actieplan; prioriteit 1 eerst.",
                             "fr": "Une liste courte pour le plan d'action ; priorité 1 d'abord.",
                             "en": "A short list for the action plan; priority 1 first."},
    "report.col.name": {"nl": "Naam", "fr": "Nom", "en": "Name"},
    "report.col.sector": {"nl": "Hoofdsector", "fr": "Secteur principal", "en": "Main sector"},
    "report.col.signals": {"nl": "Signalen", "fr": "Signaux", "en": "Signals"},
    "report.col.partners": {"nl": "Partners buiten eigen organisatie", "fr": "Partenaires hors organisation",
                            "en": "Partners outside own organisation"},
    "report.col.rank": {"nl": "Rang", "fr": "Rang", "en": "Rank"},
    "report.col.betweenness": {"nl": "Tussenpositie", "fr": "Intermédiarité", "en": "Betweenness"},
    "report.col.sectors_bridged": {"nl": "Andere sectoren bereikt", "fr": "Autres secteurs atteints",
                                   "en": "Other sectors reached"},
    "report.col.brokerage": {"nl": "Brugfunctie tussen sectoren", "fr": "Rôle de relais entre secteurs",
                             "en": "Brokerage between sectors"},
    "report.col.cut_vertex": {"nl": "Onmisbare schakel", "fr": "Acteur charnière", "en": "Cut vertex"},
    "report.col.link": {"nl": "Verbinding", "fr": "Lien", "en": "Link"},
    "report.col.separates": {"nl": "Enige verbinding tussen", "fr": "Seul lien entre", "en": "Only link between"},
    "report.col.gap": {"nl": "Hiaat", "fr": "Lacune", "en": "Gap"},
    "report.col.between": {"nl": "Tussen", "fr": "Entre", "en": "Between"},
    "report.col.observed": {"nl": "Verbindingen", "fr": "Liens", "en": "Links"},
    "report.col.expected": {"nl": "Verwacht", "fr": "Attendus", "en": "Expected"},
    "report.col.severity": {"nl": "Ernst", "fr": "Gravité", "en": "Severity"},
    "report.col.priority": {"nl": "Prioriteit", "fr": "Priorité", "en": "Priority"},
    "report.col.action": {"nl": "Actie", "fr": "Action", "en": "Action"},
    "report.col.why": {"nl": "Wat en waarom", "fr": "Quoi et pourquoi", "en": "What and why"},
    "report.col.via": {"nl": "Via", "fr": "Par", "en": "Via"},
    # Reports: plans for the zone's next workshop (action section of a zone report)
    "report.plan.invite.title": {"nl": "Wie uitnodigen", "fr": "Qui inviter", "en": "Whom to invite"},
    "report.plan.invite.intro": {
        "nl": "Tot {seats} actoren om uit te nodigen op het volgende veranderatelier van de zone. Samen bereiken ze "
              "de meest geïsoleerde eerste- en tweedelijnsactoren en de actoren aan de rand van het netwerk "
              "(rechtstreeks of via een partner), met gezondheid, welzijn en beide lijnen aan tafel "
              "(collabnet plan invite).",
        "fr": "Jusqu'à {seats} acteurs à inviter au prochain atelier du changement du bassin. Ensemble, ils touchent "
              "les acteurs de première et de deuxième ligne les plus isolés ou en marge du réseau (directement ou "
              "par un partenaire), avec la santé, le social et les deux lignes autour de la table "
              "(collabnet plan invite).",
        "en": "Up to {seats} actors to invite to the zone's next workshop so that together they reach the most "
              "isolated and peripheral first- and second-line actors (directly or through a partner), with every "
              "sector family and both lines at the table (collabnet plan invite)."},
    "report.plan.guarantee": {
        "nl": "Samen bereiken ze {reached} van de {total} punten isolement ({share}); geen andere keuze van "
              "{seats} genodigden zou meer dan {most} punten bereiken.",
        "fr": "Ensemble, ils atteignent {reached} des {total} points d'isolement ({share}) ; aucun autre choix de "
              "{seats} invités n'en atteindrait plus de {most}.",
        "en": "Together they reach {reached} of the {total} points of isolation ({share}); no other choice of "
              "{seats} invitees would reach more than {most}."},
    "report.plan.all_reached": {
        "nl": "Samen bereiken ze alle {total} punten isolement van de zone.",
        "fr": "Ensemble, ils atteignent les {total} points d'isolement du bassin.",
        "en": "Together they reach all {total} points of isolation of the zone."},
    "report.plan.fewer": {
        "nl": "Voorgestelde plaatsen: {n} van {seats}; niemand anders bereikt nog een geïsoleerde actor die nog "
              "niet bereikt is.",
        "fr": "Places proposées : {n} sur {seats} ; personne d'autre n'atteint un acteur isolé qui ne soit pas "
              "déjà atteint.",
        "en": "Seats proposed: {n} of {seats}; nobody else reaches an isolated actor who is not reached yet."},
    "report.plan.at_table": {"nl": "Mee aan tafel: {what}.", "fr": "Autour de la table : {what}.",
                             "en": "At the table: {what}."},
    "report.plan.unmet": {"nl": "Niet aan tafel (daarvoor zijn {n} plaatsen nodig): {what}.",
                          "fr": "Pas encore autour de la table (il faudrait {n} places) : {what}.",
                          "en": "Not at the table ({n} seats would be needed): {what}."},
    "report.plan.forced": {"nl": "(uitgenodigd om die sectoren of die lijn mee aan tafel te krijgen)",
                           "fr": "(invité pour que ces secteurs ou cette ligne soient représentés)",
                           "en": "(seat given to bring a family or line to the table)"},
    "report.plan.invite.none": {
        "nl": "Niemand om uit te nodigen: er is geen geïsoleerde of perifere eerste- of tweedelijnsactor te bereiken.",
        "fr": ("Personne à inviter : aucun acteur de première ou de deuxième ligne n'est isolé ni en marge du "
               "réseau."),
        "en": "Nobody to invite: no isolated or peripheral first- or second-line actor to reach."},
    "report.plan.introduce.title": {"nl": "Kennismakingen die de meeste hiaten dichten",
                                    "fr": "Mises en contact qui comblent le plus de lacunes",
                                    "en": "Introductions that close most gaps"},
    "report.plan.introduce.intro": {
        "nl": "Tot {count} nieuwe verbindingen die de meeste hiaten van de zone dichten en het meeste isolement "
              "opheffen, de beste eerst, telkens met wie het contact kan leggen (collabnet plan introduce).",
        "fr": "Jusqu'à {count} nouveaux liens qui comblent le plus de lacunes du bassin et lèvent le plus d'isolement, "
              "les meilleurs d'abord, en indiquant chaque fois qui peut faire les présentations "
              "(collabnet plan introduce).",
        "en": "Up to {count} new ties that close most of the zone's gaps and lift most isolation, best first, each "
              "with who can make the introduction (collabnet plan introduce)."},
    "report.plan.introduce.none": {"nl": "Geen nieuwe verbinding zou een hiaat dichten of een isolement opheffen.",
                                   "fr": "Aucun nouveau lien ne comblerait une lacune ni ne lèverait un isolement.",
                                   "en": "No new tie would close a gap or lift an isolation."},
    "report.plan.figures.title": {"nl": "Cijfers van de zone voor en na deze kennismakingen",
                                  "fr": "Chiffres du bassin avant et après ces mises en contact",
                                  "en": "The zone's figures before and after these introductions"},
    "report.fig.sector_pairs": {"nl": "Paren sectoren zonder verbinding", "fr": "Paires de secteurs sans lien",
                                "en": "Pairs of sectors with no link"},
    "report.col.reached": {"nl": "Bereikte actoren", "fr": "Acteurs atteints", "en": "Actors reached"},
    "report.col.through": {"nl": "Wie legt het contact", "fr": "Qui fait les présentations",
                           "en": "Who introduces"},
    "report.col.closes": {"nl": "Gedichte hiaten", "fr": "Lacunes comblées", "en": "Gaps closed"},
    "report.col.before": {"nl": "Voor", "fr": "Avant", "en": "Before"},
    "report.col.after": {"nl": "Na", "fr": "Après", "en": "After"},
    # Reports: "since last time" (collabnet report --since)
    "report.section.since": {"nl": "Sinds de vorige keer", "fr": "Depuis la dernière fois", "en": "Since last time"},
    "report.since.intro": {
        "nl": "Wat veranderde {scope} van {old} tot {new}: de kerncijfers op beide data, banden en "
              "groepslidmaatschappen die begonnen of stopten, actoren die geïsoleerd raakten of het niet langer zijn, "
              "hiaten die ontstonden of gedicht werden, en bruggenbouwers die erbij kwamen of wegvielen. Elke lijst "
              "toont de eerste rijen; collabnet diff schrijft ze allemaal uit.",
        "fr": "Ce qui a changé {scope} du {old} au {new} : les chiffres clés aux deux dates, les liens et les "
              "participations aux groupes qui ont commencé ou pris fin, les acteurs devenus isolés ou qui ne le sont "
              "plus, les lacunes apparues ou comblées, et les acteurs-relais gagnés ou perdus. Chaque liste montre ses "
              "premières lignes ; collabnet diff les écrit toutes.",
        "en": "What changed {scope} from {old} to {new}: the key figures on both dates, ties and group memberships "
              "that started or ended, actors who became or stopped being isolated, gaps opened and closed, and "
              "brokers gained and lost. Each list shows its first rows; collabnet diff writes them all."},
    "report.since.figures": {"nl": "Kerncijfers op beide data", "fr": "Chiffres clés aux deux dates",
                             "en": "Key figures on both dates"},
    "report.since.ties": {"nl": "Rechtstreekse banden", "fr": "Liens directs", "en": "Direct ties"},
    "report.since.memberships": {"nl": "Groepslidmaatschappen", "fr": "Participation aux groupes",
                                 "en": "Group memberships"},
    "report.since.isolated": {"nl": "Geïsoleerde actoren", "fr": "Acteurs isolés", "en": "Isolated actors"},
    "report.since.gaps": {"nl": "Hiaten", "fr": "Lacunes", "en": "Gaps"},
    "report.since.brokers": {"nl": "Bruggenbouwers en onmisbare schakels", "fr": "Acteurs-relais et acteurs charnières",
                             "en": "Brokers and cut vertices"},
    "report.since.actions": {"nl": "Eerdere acties: gerealiseerd of niet", "fr": "Actions précédentes : réalisées ou non",
                             "en": "Earlier actions: realised or not"},
    "report.since.more": {"nl": "… en nog {n} (collabnet diff schrijft ze allemaal uit).",
                          "fr": "… et {n} de plus (collabnet diff les écrit toutes).",
                          "en": "… and {n} more (collabnet diff writes them all)."},
    "report.since.count": {"nl": "{what}: {n}", "fr": "{what} : {n}", "en": "{what}: {n}"},
    "report.since.top_broker": {"nl": "bij de {top} sterkste bruggenbouwers",
                                "fr": "parmi les {top} acteurs-relais les plus forts",
                                "en": "among the {top} strongest brokers"},
    "report.col.figure": {"nl": "Kerncijfer", "fr": "Chiffre", "en": "Figure"},
    "report.col.difference": {"nl": "Verschil", "fr": "Écart", "en": "Difference"},
    "report.col.change": {"nl": "Verandering", "fr": "Changement", "en": "Change"},
    "report.col.tie_types": {"nl": "Soort band", "fr": "Type de lien", "en": "Kind of tie"},
    "report.col.group": {"nl": "Groep", "fr": "Groupe", "en": "Group"},
    "report.col.signal": {"nl": "Signaal", "fr": "Signal", "en": "Signal"},
    "report.col.measure": {"nl": "Als", "fr": "En tant que", "en": "As"},
    "report.col.status": {"nl": "Stand van zaken", "fr": "État", "en": "Status"},
    "change.new": {"nl": "nieuw", "fr": "nouveau", "en": "new"},
    "change.lost": {"nl": "verdwenen", "fr": "disparu", "en": "lost"},
    "change.became": {"nl": "geïsoleerd geraakt", "fr": "devenu isolé", "en": "became isolated"},
    "change.stopped": {"nl": "niet langer geïsoleerd", "fr": "n'est plus isolé", "en": "no longer isolated"},
    "change.opened": {"nl": "ontstaan", "fr": "apparue", "en": "opened"},
    "change.closed": {"nl": "gedicht", "fr": "comblée", "en": "closed"},
    "change.gained": {"nl": "erbij", "fr": "gagné", "en": "gained"},
    "status.realised": {"nl": "gerealiseerd", "fr": "réalisée", "en": "realised"},
    "status.not_realised": {"nl": "niet gerealiseerd", "fr": "non réalisée", "en": "not realised"},
    "status.unknown": {"nl": "onbekend", "fr": "inconnu", "en": "unknown"},
    "report.col.source": {"nl": "Bron", "fr": "Source", "en": "Source"},
    "report.yes": {"nl": "ja", "fr": "oui", "en": "yes"},
    "report.no": {"nl": "nee", "fr": "non", "en": "no"},
    "report.none": {"nl": "Geen.", "fr": "Aucun.", "en": "None."},
    "report.more": {"nl": "… en nog {n} in {file}.", "fr": "… et {n} de plus dans {file}.",
                    "en": "… and {n} more in {file}."},
    "report.footer": {"nl": "Gemaakt met collabnet {version} · dataset {dataset} · analysedatum {date}",
                      "fr": "Produit avec collabnet {version} · jeu de données {dataset} · date d'analyse {date}",
                      "en": "Made with collabnet {version} · dataset {dataset} · analysis date {date}"},
    "report.term.network": {"nl": "Netwerk", "fr": "Réseau", "en": "Network"},
    "report.help.network": {
        "nl": "Elke actor (een organisatie of een persoon) is een punt; een verbinding koppelt twee actoren die "
              "samenwerken: een rechtstreekse band uit de gegevens, lidmaatschap van dezelfde groep (werkgroep, "
              "partnerschap, project), of een persoon en de eigen organisatie. Alleen verbindingen buiten de "
              "eigen organisatie tellen als samenwerking.",
        "fr": "Chaque acteur (une organisation ou une personne) est un point ; un lien relie deux acteurs qui "
              "travaillent ensemble : un lien direct enregistré dans les données, la participation à un même "
              "groupe (groupe de travail, partenariat, projet), ou une personne et sa propre organisation. Seuls "
              "les liens hors de sa propre organisation comptent comme collaboration.",
        "en": "Each actor (an organisation or a person) is a point; a link joins two actors who work together: a "
              "direct tie recorded in the data, membership of the same group (working group, partnership, "
              "project), or a person and their own organisation. Only links outside one's own organisation count "
              "as collaboration."},
    "report.help.network_organisations": {
        "nl": "Elke organisatie is een punt, net als elke persoon die niet voor een organisatie werkt (een "
              "zelfstandige huisarts, een vrijwilliger). Een organisatie werkt via haar mensen: wat haar "
              "medewerkers doen telt voor haar. Een verbinding koppelt twee punten als iemand van de ene samenwerkt "
              "met iemand van de andere: een rechtstreekse band uit de gegevens of lidmaatschap van dezelfde groep "
              "(werkgroep, partnerschap, project). Bij elke organisatie staat wie haar verbindingen draagt; hangt "
              "een verbinding van één persoon af, dan verdwijnt ze als die persoon vertrekt.",
        "fr": "Chaque organisation est un point, comme chaque personne qui ne travaille pas pour une organisation "
              "(un médecin généraliste indépendant, un bénévole). Une organisation agit par ses membres : ce que "
              "fait son personnel compte pour elle. Un lien relie deux points quand quelqu'un de l'un travaille "
              "avec quelqu'un de l'autre : un lien direct enregistré dans les données ou la participation à un même "
              "groupe (groupe de travail, partenariat, projet). Pour chaque organisation, le rapport dit qui porte "
              "ses liens ; un lien qui ne repose que sur une personne disparaît si elle s'en va.",
        "en": "Each organisation is a point, and so is each person who does not work for an organisation (an "
              "independent GP, a volunteer). An organisation acts through its people: what its staff do counts "
              "for it. A link joins two points when someone of one works with someone of the other: a direct tie "
              "recorded in the data, or membership of the same group (working group, partnership, project). For "
              "each organisation the report says who carries its links; a link that rests on one person goes when "
              "that person leaves."},
    "report.through": {"nl": "{name}, via {people}", "fr": "{name}, par {people}", "en": "{name}, through {people}"},
    "report.term.density": {"nl": "Dichtheid", "fr": "Densité", "en": "Density"},
    "report.help.density": {
        "nl": "Het aandeel van alle mogelijke verbindingen tussen de actoren dat echt bestaat "
              "(1 = iedereen werkt met iedereen).",
        "fr": "La part de tous les liens possibles entre les acteurs qui existe vraiment "
              "(1 = chacun travaille avec chacun).",
        "en": "The share of all possible links between the actors that really exists "
              "(1 = everyone works with everyone)."},
    "report.term.ei": {"nl": "E-I-index", "fr": "Indice E-I", "en": "E-I index"},
    "report.help.ei": {
        "nl": "(verbindingen met andere sectoren − verbindingen binnen de sector) ÷ alle verbindingen. −1: "
              "iedereen werkt enkel binnen de eigen sector; +1: enkel over de sectoren heen; rond 0: een mengeling.",
        "fr": "(liens vers d'autres secteurs − liens au sein du secteur) ÷ tous les liens. −1 : chacun travaille "
              "uniquement dans son secteur ; +1 : uniquement entre secteurs ; autour de 0 : un mélange.",
        "en": "(links to other sectors − links within the sector) ÷ all links. −1: everybody works only within "
              "their own sector; +1: only across sectors; around 0: a mix."},
    "report.term.isolation": {"nl": "Isolementssignaal", "fr": "Signal d'isolement", "en": "Isolation signal"},
    "report.help.isolation": {
        "nl": "Een actor krijgt een signaal als hij geen verbinding heeft buiten de eigen organisatie, enkel "
              "verbindingen binnen de eigen sector, als eerstelijnsactor geen verbinding met de tweede lijn (of "
              "omgekeerd), of maar één partner. Eén vertrek of één gemiste vergadering kan hem dan afsnijden.",
        "fr": "Un acteur reçoit un signal quand il n'a aucun lien hors de sa propre organisation, des liens "
              "uniquement dans son propre secteur, en première ligne aucun lien avec la deuxième ligne (ou "
              "l'inverse), ou un seul partenaire. Un départ ou une réunion manquée peut alors le couper du réseau.",
        "en": "An actor gets a signal when it has no link outside its own organisation, links only within its "
              "own sector, as a first-line actor no link with the second line (or the reverse), or a single "
              "partner. One departure or one missed meeting can then cut it off."},
    "report.term.betweenness": {"nl": "Tussenpositie (betweenness)", "fr": "Intermédiarité (betweenness)",
                                "en": "Betweenness"},
    "report.help.betweenness": {
        "nl": "Hoe vaak een actor op de kortste weg tussen twee andere actoren ligt. Een actor met een hoge "
              "tussenpositie brengt informatie over tussen delen van het netwerk die anders ver uit elkaar liggen "
              "(0 = nooit, 1 = op elke kortste weg).",
        "fr": "La fréquence à laquelle un acteur se trouve sur le plus court chemin entre deux autres acteurs. Un "
              "acteur très intermédiaire fait circuler l'information entre des parties du réseau qui seraient "
              "sinon éloignées (0 = jamais, 1 = sur chaque plus court chemin).",
        "en": "How often an actor lies on the shortest path between two other actors. An actor with a high "
              "betweenness passes information between parts of the network that would otherwise be far apart "
              "(0 = never, 1 = on every shortest path)."},
    "report.term.brokerage": {"nl": "Brugfunctie (brokerage)", "fr": "Rôle de relais (brokerage)", "en": "Brokerage"},
    "report.help.brokerage": {
        "nl": "Het aantal paren partners van een actor die niet met elkaar samenwerken en waarbij de weg via de "
              "actor een sectorgrens oversteekt: de actor is de brug tussen hen. Een bruggenbouwer verbindt "
              "sectoren die elkaar anders niet zouden ontmoeten.",
        "fr": "Le nombre de paires de partenaires d'un acteur qui ne travaillent pas ensemble et dont le chemin "
              "par l'acteur franchit une frontière de secteur : l'acteur est le pont entre eux. Un acteur-relais relie "
              "des secteurs qui sinon ne se rencontreraient pas.",
        "en": "The number of pairs of an actor's partners who do not work with each other and whose path through "
              "the actor crosses a sector boundary: the actor is the bridge between them. A broker links sectors "
              "that would otherwise not meet."},
    "report.term.gap": {"nl": "Hiaat", "fr": "Lacune", "en": "Gap"},
    "report.help.gap": {
        "nl": "Een ontbrekende verbinding: twee sectoren in de zone zonder verbinding, een sector die in de zone "
              "ontbreekt, geen verbinding tussen eerste en tweede lijn, of tussen Nederlandstalige en Franstalige "
              "actoren. 'Verwacht' is het aantal verbindingen als die van de zone willekeurig verdeeld waren; de "
              "ernst groeit met het aantal ontbrekende verbindingen en telt dubbel tussen gezondheid en welzijn.",
        "fr": "Un lien qui manque : deux secteurs présents dans le bassin sans lien entre eux, un secteur absent "
              "du bassin, aucun lien entre première et deuxième ligne, ou entre acteurs néerlandophones et "
              "francophones. « Attendus » est le nombre de liens si ceux du bassin étaient répartis au hasard ; "
              "la gravité croît avec le nombre de liens manquants et compte double entre santé et social.",
        "en": "A missing link: two sectors present in the zone with no link between them, a sector absent from "
              "the zone, no link between the first and second line, or between Dutch- and French-speaking actors. "
              "'Expected' is the number of links if the zone's links were spread at random; the severity grows "
              "with the number of links missing and counts double between health and welfare."},
    "report.term.cut_vertex": {"nl": "Onmisbare schakel", "fr": "Acteur charnière (point de rupture)",
                               "en": "Cut vertex (single point of failure)"},
    "report.help.cut_vertex": {
        "nl": "Een actor van wie het vertrek het netwerk opsplitst: sommige actoren verliezen dan elke weg naar de "
              "anderen. Zo'n actor mag niet de enige schakel blijven: vraag hem zijn partners aan elkaar voor te "
              "stellen.",
        "fr": "Un acteur dont le départ coupe le réseau en morceaux : certains acteurs perdraient tout chemin vers "
              "les autres. Il ne devrait pas rester le seul lien : demandez-lui de présenter ses partenaires les "
              "uns aux autres.",
        "en": "An actor whose departure splits the network: some actors would lose every path to the others. It "
              "should not stay the only link: ask it to introduce its partners to each other."},
    "report.term.cut_edge": {"nl": "Brug", "fr": "Pont", "en": "Bridge (cut edge)"},
    "report.help.cut_edge": {
        "nl": "Eén verbinding die de enige weg is tussen twee sectoren, de twee zorglijnen of de twee "
              "taalnetwerken. Stopt die samenwerking, dan raken ze van elkaar gescheiden.",
        "fr": "Un lien unique qui est le seul chemin entre deux secteurs, les deux lignes d'aide et de soins ou les "
              "deux réseaux linguistiques. Si cette collaboration s'arrête, ils sont séparés.",
        "en": "A single link that is the only path between two sectors, the two care lines or the two language "
              "networks. If that collaboration stops, they are cut apart."},
    "report.term.actions": {"nl": "Acties", "fr": "Actions", "en": "Actions"},
    "report.help.actions": {
        "nl": "In contact brengen: twee actoren die nog niet samenwerken met elkaar in contact brengen (waar "
              "mogelijk via een gedeelde partner). Uitnodigen: een actor zonder verbindingen in een groep opnemen. Brug "
              "verstevigen: de enige schakel vragen zijn partners aan elkaar voor te stellen. Rekruteren: een "
              "actor zoeken voor een ontbrekende sector.",
        "fr": "Mettre en contact : faire se rencontrer deux acteurs qui ne travaillent pas encore ensemble (si possible par "
              "un partenaire commun). Inviter : faire entrer un acteur sans lien dans un groupe. Consolider un "
              "pont : demander au seul lien de présenter ses partenaires les uns aux autres. Recruter : trouver "
              "un acteur pour un secteur absent.",
        "en": "Introduce: put two actors who do not work together yet in contact (through a partner they share "
              "where possible). Invite: bring an actor with no links into a group. Secure a bridge: ask the only "
              "link to introduce its partners to each other. Recruit: find an actor for a missing sector."},
    "report.term.limits": {"nl": "Grenzen", "fr": "Limites", "en": "Limits"},
    "report.help.limits": {
        "nl": "Een netwerk toont alleen wat geregistreerd werd: een ontbrekende verbinding kan een samenwerking "
              "zijn die niemand noteerde. Gebruik dit rapport om het gesprek te starten, niet om een organisatie "
              "te beoordelen.",
        "fr": "Un réseau ne montre que ce qui a été enregistré : un lien manquant peut être une collaboration que "
              "personne n'a notée. Utilisez ce rapport pour ouvrir la discussion, pas pour juger une organisation.",
        "en": "A network only shows what was recorded: a missing link may be a collaboration nobody wrote down. "
              "Use this report to start a conversation, not to judge an organisation."},
    # Interactive view
    "view.title": {"nl": "Samenwerkingsnetwerk", "fr": "Réseau de collaboration", "en": "Collaboration network"},
    "view.region": {"nl": "hele gewest", "fr": "toute la région", "en": "whole region"},
    "view.counts": {"nl": "{nodes} knopen, {edges} verbindingen", "fr": "{nodes} nœuds, {edges} liens",
                    "en": "{nodes} nodes, {edges} links"},
    "view.aggregate.organisations": {
        "nl": "Personen zijn samengevoegd met hun organisatie.",
        "fr": "Les personnes sont regroupées dans leur organisation.",
        "en": "Persons are folded into their organisation."},
    "view.aggregate.sectors": {
        "nl": "Eén knoop per sector; een verbinding telt de banden tussen twee sectoren.",
        "fr": "Un nœud par secteur ; un lien compte les liens entre deux secteurs.",
        "en": "One node per sector; a link counts the ties between two sectors."},
    "view.search": {"nl": "Zoek op naam", "fr": "Chercher par nom", "en": "Search by name"},
    "view.found": {"nl": "{n} gevonden", "fr": "{n} trouvé(s)", "en": "{n} found"},
    "view.filters": {"nl": "Filters", "fr": "Filtres", "en": "Filters"},
    "view.all": {"nl": "alle", "fr": "tous", "en": "all"},
    "view.reset": {"nl": "Alles tonen", "fr": "Tout afficher", "en": "Show all"},
    "view.legend": {"nl": "Legende", "fr": "Légende", "en": "Legend"},
    "view.colour.sector": {"nl": "Kleur: hoofdsector", "fr": "Couleur : secteur principal",
                           "en": "Colour: main sector"},
    "view.colour.family": {"nl": "Kleur: gezondheid of welzijn", "fr": "Couleur : santé ou social",
                           "en": "Colour: health or welfare"},
    "view.colour.line": {"nl": "Kleur: zorglijn", "fr": "Couleur : ligne d'aide et de soins",
                          "en": "Colour: line of care"},
    "view.colour.language": {"nl": "Kleur: taal", "fr": "Couleur : langue", "en": "Colour: language"},
    "view.shape": {"nl": "Vorm", "fr": "Forme", "en": "Shape"},
    "view.size.brokerage": {"nl": "Grootte: brugfunctie (verbindt sectoren)",
                            "fr": "Taille : rôle de relais (relie les secteurs)",
                            "en": "Size: brokerage score (bridge between sectors)"},
    "view.size.kind": {"nl": "Grootte: organisaties groter dan personen",
                       "fr": "Taille : organisations plus grandes que les personnes",
                       "en": "Size: organisations larger than persons"},
    "view.size.actors": {"nl": "Grootte: aantal actoren", "fr": "Taille : nombre d'acteurs",
                         "en": "Size: number of actors"},
    "view.marks": {"nl": "Gemarkeerd", "fr": "Mis en évidence", "en": "Highlighted"},
    "view.links": {"nl": "Verbindingen", "fr": "Liens", "en": "Links"},
    "view.sector_link": {"nl": "banden tussen twee sectoren", "fr": "liens entre deux secteurs",
                         "en": "ties between two sectors"},
    "view.since": {"nl": "Veranderingen", "fr": "Changements", "en": "Changes"},
    "view.changes": {"nl": "{new} nieuwe en {lost} verdwenen verbindingen sinds {date}",
                     "fr": "{new} nouveaux liens et {lost} liens disparus depuis le {date}",
                     "en": "{new} new and {lost} lost links since {date}"},
    "view.change.new": {"nl": "nieuw sinds {date}", "fr": "nouveau depuis le {date}", "en": "new since {date}"},
    "view.change.lost": {"nl": "verdwenen sinds {date}", "fr": "disparu depuis le {date}", "en": "lost since {date}"},
    "view.change.kept": {"nl": "onveranderd sinds {date}", "fr": "inchangé depuis le {date}",
                         "en": "unchanged since {date}"},
    "view.help": {"nl": "Sleep om te verschuiven, scroll om te zoomen, wijs een knoop aan voor details.",
                  "fr": "Glisser pour déplacer, molette pour zoomer, survoler un nœud pour ses détails.",
                  "en": "Drag to pan, scroll to zoom, hover a node for its facts."},
    # Exports (collabnet export): one fact of Kumu's Description ("Sectors: Medical care")
    "export.fact": {"nl": "{field}: {value}", "fr": "{field} : {value}", "en": "{field}: {value}"},
    # Counts with their plural (Vocabulary.count: "<key>.one" is the singular, used for 1, and in French for 0)
    "count.actors": {"nl": "{n} actoren", "fr": "{n} acteurs", "en": "{n} actors"},
    "count.actors.one": {"nl": "{n} actor", "fr": "{n} acteur", "en": "{n} actor"},
    "count.organisations": {"nl": "{n} organisaties", "fr": "{n} organisations", "en": "{n} organisations"},
    "count.organisations.one": {"nl": "{n} organisatie", "fr": "{n} organisation", "en": "{n} organisation"},
    "count.persons": {"nl": "{n} personen", "fr": "{n} personnes", "en": "{n} persons"},
    "count.persons.one": {"nl": "{n} persoon", "fr": "{n} personne", "en": "{n} person"},
    "count.groups": {"nl": "{n} groepen", "fr": "{n} groupes", "en": "{n} groups"},
    "count.groups.one": {"nl": "{n} groep", "fr": "{n} groupe", "en": "{n} group"},
    "count.ties": {"nl": "{n} rechtstreekse banden", "fr": "{n} liens directs", "en": "{n} direct ties"},
    "count.ties.one": {"nl": "{n} rechtstreekse band", "fr": "{n} lien direct", "en": "{n} direct tie"},
    "count.edges": {"nl": "{n} verbindingen", "fr": "{n} liens", "en": "{n} links"},
    "count.edges.one": {"nl": "{n} verbinding", "fr": "{n} lien", "en": "{n} link"},
    "count.isolated": {"nl": "{n} met een isolementssignaal", "fr": "{n} avec un signal d'isolement",
                       "en": "{n} with an isolation signal"},
    "count.gaps": {"nl": "{n} hiaten", "fr": "{n} lacunes", "en": "{n} gaps"},
    "count.gaps.one": {"nl": "{n} hiaat", "fr": "{n} lacune", "en": "{n} gap"},
    "count.left_out": {"nl": "{n} invoerrijen niet meegeteld", "fr": "{n} lignes d'entrée écartées",
                       "en": "{n} input rows left out"},
    "count.left_out.one": {"nl": "{n} invoerrij niet meegeteld", "fr": "{n} ligne d'entrée écartée",
                           "en": "{n} input row left out"},
    # Terminal summary (collabnet analyze)
    "terminal.dataset": {"nl": "Dataset {dataset}, analysedatum {date}",
                         "fr": "Jeu de données {dataset}, date d'analyse {date}",
                         "en": "Dataset {dataset}, analysis date {date}"},
    "terminal.counts": {"nl": "{actors} ({organisations}, {persons}), {groups}, {ties}, {edges}; {left}",
                        "fr": "{actors} ({organisations}, {persons}), {groups}, {ties}, {edges} ; {left}",
                        "en": "{actors} ({organisations}, {persons}), {groups}, {ties}, {edges}; {left}"},
    "terminal.zone": {"nl": "{zone}: {actors}, {isolated}, {gaps}, E-I-index {ei}",
                      "fr": "{zone} : {actors}, {isolated}, {gaps}, indice E-I {ei}",
                      "en": "{zone}: {actors}, {isolated}, {gaps}, E-I index {ei}"},
    "terminal.estimated": {
        "nl": "Tussenpositie geschat op basis van {sources} vertrekpunten: top 10 vast ({confidence}) in {sure} "
              "van de {zones} zones; exacte rangen met --exact-betweenness",
        "fr": "Intermédiarité estimée à partir de {sources} points de départ : bassins avec top 10 établi "
              "({confidence}) : {sure} sur {zones} ; rangs exacts avec --exact-betweenness",
        "en": "Betweenness estimated from {sources} starting points: top 10 settled ({confidence}) in {sure} of "
              "{zones} zones; exact ranks with --exact-betweenness"},
    "terminal.gaps": {"nl": "  Ernstigste hiaten: ", "fr": "  Lacunes les plus graves : ", "en": "  Worst gaps: "},
    "terminal.gap": {"nl": "{between} ({gap}, ernst {severity})", "fr": "{between} ({gap}, gravité {severity})",
                     "en": "{between} ({gap}, severity {severity})"},
    "terminal.brokers": {"nl": "  Sterkste bruggenbouwers: ", "fr": "  Principaux acteurs-relais : ",
                         "en": "  Top brokers: "},
    "terminal.actions": {"nl": "  Eerste acties:", "fr": "  Premières actions :", "en": "  First actions:"},
    "terminal.wrote": {"nl": "Bestanden opgeslagen in {folder}: {files}",
                       "fr": "Fichiers enregistrés dans {folder} : {files}",
                       "en": "Wrote to {folder}: {files}"},
    # Progress (collabnet.progress): the steps a command reports while it works
    "progress.reading_the_dataset": {"nl": "Gegevens inlezen", "fr": "Lecture des données",
                                     "en": "Reading the dataset"},
    "progress.actor_graph": {"nl": "Netwerk opbouwen", "fr": "Construction du réseau", "en": "Building the network"},
    "progress.isolation": {"nl": "Isolement opsporen", "fr": "Repérage de l'isolement", "en": "Finding isolation"},
    "progress.brokerage": {"nl": "Bruggenbouwers zoeken", "fr": "Recherche des acteurs-relais", "en": "Finding brokers"},
    "progress.betweenness": {"nl": "Tussenposities berekenen", "fr": "Calcul de l'intermédiarité",
                             "en": "Computing betweenness"},
    "progress.gaps": {"nl": "Hiaten zoeken", "fr": "Recherche des lacunes", "en": "Finding gaps"},
    "progress.actions": {"nl": "Acties opstellen", "fr": "Choix des actions", "en": "Choosing actions"},
    "progress.plans": {"nl": "Veranderateliers voorbereiden", "fr": "Préparation des ateliers",
                       "en": "Planning workshops"},
    "progress.tables": {"nl": "Tabellen schrijven", "fr": "Écriture des tableaux", "en": "Writing the tables"},
    "progress.reports": {"nl": "Rapporten schrijven", "fr": "Écriture des rapports", "en": "Writing the reports"},
    "progress.views": {"nl": "Netwerkkaarten schrijven", "fr": "Écriture des cartes du réseau",
                       "en": "Writing the views"},
    "progress.files": {"nl": "Tabellen, rapporten en netwerkkaarten schrijven",
                       "fr": "Écriture des tableaux, des rapports et des cartes du réseau",
                       "en": "Writing the tables, reports and views"},
    "progress.view": {"nl": "Netwerkkaart schrijven", "fr": "Écriture de la carte du réseau",
                      "en": "Writing the view"},
    # Messages of the command line (collabnet.cli.common.say): what went wrong, with the user's path and what to do
    "cli.error": {"nl": "Fout: {message}", "fr": "Erreur : {message}", "en": "Error: {message}"},
    "cli.left_out": {"nl": "{n} rijen niet meegeteld in de analyse; `collabnet validate {path}` toont ze.",
                     "fr": "{n} lignes écartées de l'analyse ; `collabnet validate {path}` les montre.",
                     "en": "{n} rows left out of the analysis; `collabnet validate {path}` lists them."},
    "cli.left_out.one": {"nl": "{n} rij niet meegeteld in de analyse; `collabnet validate {path}` toont ze.",
                         "fr": "{n} ligne écartée de l'analyse ; `collabnet validate {path}` la montre.",
                         "en": "{n} row left out of the analysis; `collabnet validate {path}` lists it."},
    "cli.wrote": {"nl": "opgeslagen: {path}", "fr": "enregistré : {path}", "en": "wrote {path}"},
    "cli.warning": {"nl": "let op: ", "fr": "attention : ", "en": "warning: "},
    # collabnet validate: rows read, used and left out per file
    "cli.rows": {"nl": "{file}: {read}, {used}, {left_out}", "fr": "{file} : {read}, {used}, {left_out}",
                 "en": "{file}: {read}, {used}, {left_out}"},
    "cli.rows.read": {"nl": "{n} rijen gelezen", "fr": "{n} lignes lues", "en": "{n} row(s) read"},
    "cli.rows.read.one": {"nl": "{n} rij gelezen", "fr": "{n} ligne lue", "en": "{n} row(s) read"},
    "cli.rows.used": {"nl": "{n} gebruikt", "fr": "{n} utilisées", "en": "{n} used"},
    "cli.rows.used.one": {"nl": "{n} gebruikt", "fr": "{n} utilisée", "en": "{n} used"},
    "cli.rows.left_out": {"nl": "{n} niet meegeteld", "fr": "{n} écartées", "en": "{n} left out"},
    "cli.rows.left_out.one": {"nl": "{n} niet meegeteld", "fr": "{n} écartée", "en": "{n} left out"},
    "cli.out_is_file": {
        "nl": "{path} is een bestand, geen map. Deze opdracht schrijft meerdere bestanden in een map: kies een map "
              "met --out, bijvoorbeeld --out {folder}",
        "fr": "{path} est un fichier, pas un dossier. Cette commande écrit plusieurs fichiers dans un dossier : "
              "indiquez un dossier avec --out, par exemple --out {folder}",
        "en": "{path} is a file, not a folder. This command writes several files into a folder: give a folder "
              "with --out, for example --out {folder}"},
    "cli.not_a_folder": {
        "nl": "{path}: een deel van dit pad is een bestand, geen map; geef met --out een bestaande of een nieuwe map",
        "fr": "{path} : une partie de ce chemin est un fichier, pas un dossier ; indiquez avec --out un dossier "
              "existant ou un nouveau dossier",
        "en": "{path}: part of this path is a file, not a folder; give --out an existing folder or a new one"},
    "cli.is_folder": {"nl": "{path} is een map; geef een bestand", "fr": "{path} est un dossier ; indiquez un fichier",
                      "en": "{path} is a folder; give a file"},
    "cli.no_permission": {
        "nl": "{path}: geen toestemming om hier te schrijven; kies een andere map met --out",
        "fr": "{path} : pas le droit d'écrire ici ; choisissez un autre dossier avec --out",
        "en": "{path}: no permission to write here; choose another folder with --out"},
    "cli.since_needs_report": {
        "nl": "--since voegt een deel aan de rapporten toe: gebruik het samen met --report",
        "fr": "--since ajoute une partie aux rapports : utilisez-le avec --report",
        "en": "--since adds a section to the reports: use it with --report"},
    "cli.no_dataset": {
        "nl": "geen DATASET opgegeven en de meegeleverde datasets/brussels is niet gevonden; start vanuit de map "
              "van collabnet of geef een dataset (een map met CSV-bestanden of een .xlsx-werkmap)",
        "fr": "aucun DATASET indiqué et le jeu fourni datasets/brussels est introuvable ; lancez la commande depuis "
              "le dossier de collabnet ou indiquez un jeu de données (un dossier de fichiers CSV ou un classeur "
              ".xlsx)",
        "en": "no DATASET given and the bundled datasets/brussels was not found; run from the collabnet folder "
              "or name a dataset (a folder of CSV files or an .xlsx workbook)"},
    "cli.since_after_at": {"nl": "--since {since} valt na de analysedatum {at} (--at)",
                           "fr": "--since {since} est postérieur à la date d'analyse {at} (--at)",
                           "en": "--since {since} is after the analysis date {at} (--at)"},
    "cli.actions_needs_since": {"nl": "--actions vraagt ook --since (de datum van de eerdere acties)",
                                "fr": "--actions demande aussi --since (la date des actions précédentes)",
                                "en": "--actions needs --since (the date of the earlier actions)"},
    "cli.keep_needs_pseudonymise": {
        "nl": "--keep-column kiest wat --pseudonymise bewaart: gebruik het samen met --pseudonymise",
        "fr": "--keep-column choisit ce que --pseudonymise conserve : utilisez-le avec --pseudonymise",
        "en": "--keep-column chooses what --pseudonymise keeps: use it with --pseudonymise"},
    "cli.contacts_or_pseudonymise": {
        "nl": "--include-contacts en --pseudonymise sluiten elkaar uit: e-mailadres en telefoonnummer maken "
              "personen herkenbaar",
        "fr": "--include-contacts et --pseudonymise s'excluent : l'e-mail et le téléphone permettent d'identifier "
              "les personnes",
        "en": "--include-contacts and --pseudonymise exclude each other: e-mail and phone identify persons"},
    "cli.view.since_sectors": {
        "nl": "--since kleurt de verbindingen tussen actoren: niet samen met --aggregate sectors",
        "fr": "--since colore les liens entre acteurs : pas avec --aggregate sectors",
        "en": "--since colours the links between actors: not with --aggregate sectors"},
    "cli.cannot_write": {"nl": "kan {path} niet schrijven: {error}", "fr": "impossible d'écrire {path} : {error}",
                         "en": "cannot write {path}: {error}"},
    "cli.wrote_actions": {"nl": "{n} actierijen opgeslagen in {path}", "fr": "{n} lignes d'actions enregistrées dans {path}",
                          "en": "Wrote {n} action row(s) to {path}"},
    "cli.wrote_actions.one": {"nl": "{n} actierij opgeslagen in {path}",
                              "fr": "{n} ligne d'actions enregistrée dans {path}",
                              "en": "Wrote {n} action row(s) to {path}"},
    # collabnet export: the file written and what it holds
    "cli.exported": {"nl": "{path} ({actors}, {links})", "fr": "{path} ({actors}, {links})",
                     "en": "{path} ({actors}, {links})"},
    # counts of collabnet info (with count.actors, count.organisations, count.persons, count.groups)
    "cli.n.memberships": {"nl": "{n} lidmaatschappen", "fr": "{n} affiliations", "en": "{n} memberships"},
    "cli.n.memberships.one": {"nl": "{n} lidmaatschap", "fr": "{n} affiliation", "en": "{n} membership"},
    "cli.n.ties": {"nl": "{n} rechtstreekse banden", "fr": "{n} liens directs", "en": "{n} ties"},
    "cli.n.ties.one": {"nl": "{n} rechtstreekse band", "fr": "{n} lien direct", "en": "{n} tie"},
    "cli.n.nodes": {"nl": "{n} knopen", "fr": "{n} nœuds", "en": "{n} nodes"},
    "cli.n.nodes.one": {"nl": "{n} knoop", "fr": "{n} nœud", "en": "{n} node"},
    "cli.n.edges": {"nl": "{n} verbindingen", "fr": "{n} liens", "en": "{n} edges"},
    "cli.n.edges.one": {"nl": "{n} verbinding", "fr": "{n} lien", "en": "{n} edge"},
    # collabnet info: what a dataset holds
    "cli.info.dataset": {"nl": "Dataset {dataset} ({source}), analysedatum {date}",
                         "fr": "Jeu de données {dataset} ({source}), date d'analyse {date}",
                         "en": "Dataset {dataset} ({source}), analysis date {date}"},
    "cli.info.counts": {
        "nl": "{actors} ({organisations}, {persons}), {groups}, {memberships}, {ties}; netwerk: {nodes}, {edges} "
              "op {date}",
        "fr": "{actors} ({organisations}, {persons}), {groups}, {memberships}, {ties} ; réseau : {nodes}, {edges} "
              "au {date}",
        "en": "{actors} ({organisations}, {persons}), {groups}, {memberships}, {ties}; graph: {nodes}, {edges} "
              "on {date}"},
    "cli.info.left_out": {"nl": "Rijen niet meegeteld: {n}", "fr": "Lignes écartées : {n}",
                          "en": "Rows left out: {n}"},
    "cli.info.actors": {
        "nl": "Actoren per zone, sectorfamilie en zorglijn (lijn '-' = geen zorg- of hulpverlener):",
        "fr": "Acteurs par bassin, famille de secteurs et ligne (ligne '-' = pas un prestataire d'aide ou de "
              "soins) :",
        "en": "Actors per zone, sector family and line (line '-' = not a care provider):"},
    "cli.col.zone": {"nl": "zone", "fr": "bassin", "en": "zone"},
    "cli.col.family": {"nl": "familie", "fr": "famille", "en": "family"},
    "cli.col.total": {"nl": "totaal", "fr": "total", "en": "total"},
    "cli.info.groups": {"nl": "Groepen per type (actieve lidmaatschappen op de analysedatum):",
                        "fr": "Groupes par type (affiliations actives à la date d'analyse) :",
                        "en": "Groups by type (active memberships on the analysis date):"},
    "cli.info.type": {"nl": "  {type}{groups}, {members}", "fr": "  {type}{groups}, {members}",
                      "en": "  {type}{groups}, {members}"},
    "cli.info.n.groups": {"nl": "{n:>4} groepen", "fr": "{n:>4} groupes", "en": "{n:>4} group(s)"},
    "cli.info.n.groups.one": {"nl": "{n:>4} groep", "fr": "{n:>4} groupe", "en": "{n:>4} group(s)"},
    "cli.info.n.active": {"nl": "{n:>5} actieve lidmaatschappen", "fr": "{n:>5} affiliations actives",
                          "en": "{n:>5} active membership(s)"},
    "cli.info.n.active.one": {"nl": "{n:>5} actief lidmaatschap", "fr": "{n:>5} affiliation active",
                              "en": "{n:>5} active membership(s)"},
    # collabnet diff: the summary per zone
    "cli.diff.datasets": {
        "nl": "geef één DATASET (met --from en --to) of twee datasets OLD NEW, geen {n}",
        "fr": "indiquez un seul DATASET (avec --from et --to) ou deux jeux de données OLD NEW, pas {n}",
        "en": "give one DATASET (with --from and --to) or two datasets OLD NEW, not {n}"},
    "cli.diff.from_required": {
        "nl": "geef --from om één dataset op twee data te vergelijken (of geef twee datasets: OLD NEW)",
        "fr": "indiquez --from pour comparer un jeu de données à deux dates (ou indiquez deux jeux de données : "
              "OLD NEW)",
        "en": "--from is required to compare one dataset on two dates (or give two datasets: OLD NEW)"},
    "cli.diff.at_two": {"nl": "--at is voor twee datasets OLD NEW; gebruik bij één dataset --from en --to",
                        "fr": "--at sert pour deux jeux de données OLD NEW ; avec un seul, utilisez --from et --to",
                        "en": "--at is for two datasets OLD NEW; with one dataset, use --from and --to"},
    "cli.diff.from_after_to": {"nl": "--from {since} valt na --to {until}",
                               "fr": "--from {since} est postérieur à --to {until}",
                               "en": "--from {since} is after --to {until}"},
    "cli.diff.changes": {"nl": "Veranderingen van {old} op {old_at} tot {new} op {new_at}",
                         "fr": "Changements de {old} au {old_at} à {new} au {new_at}",
                         "en": "Changes from {old} on {old_at} to {new} on {new_at}"},
    "cli.diff.legend": {
        "nl": "(+ nieuw, geïsoleerd geraakt, hiaat ontstaan, bruggenbouwer erbij; - verdwenen, niet langer "
              "geïsoleerd, hiaat gedicht)",
        "fr": "(+ nouveau, devenu isolé, lacune apparue, acteur-relais gagné ; - disparu, n'est plus isolé, lacune "
              "comblée)",
        "en": "(+ new, became isolated, opened, gained; - lost, stopped, closed)"},
    "cli.diff.ties": {"nl": "banden", "fr": "liens directs", "en": "ties"},
    "cli.diff.memberships": {"nl": "lidmaatschappen", "fr": "affiliations", "en": "memberships"},
    "cli.diff.edges": {"nl": "verbindingen", "fr": "liens", "en": "edges"},
    "cli.diff.isolated": {"nl": "geïsoleerd", "fr": "isolés", "en": "isolated"},
    "cli.diff.gaps": {"nl": "hiaten", "fr": "lacunes", "en": "gaps"},
    "cli.diff.brokers": {"nl": "bruggenbouwers", "fr": "acteurs-relais", "en": "brokers"},
    "cli.diff.actors": {"nl": "actoren", "fr": "acteurs", "en": "actors"},
    "cli.diff.realised": {"nl": "acties gerealiseerd", "fr": "actions réalisées", "en": "actions realised"},
    "cli.diff.of": {"nl": "{done} van {total}", "fr": "{done} sur {total}", "en": "{done} of {total}"},
    "cli.diff.earlier": {"nl": "Eerdere acties: {counts}", "fr": "Actions précédentes : {counts}",
                         "en": "Earlier actions: {counts}"},
    "cli.diff.n.realised": {"nl": "{n} gerealiseerd", "fr": "{n} réalisées", "en": "{n} realised"},
    "cli.diff.n.realised.one": {"nl": "{n} gerealiseerd", "fr": "{n} réalisée", "en": "{n} realised"},
    "cli.diff.n.not_realised": {"nl": "{n} niet gerealiseerd", "fr": "{n} non réalisées", "en": "{n} not realised"},
    "cli.diff.n.not_realised.one": {"nl": "{n} niet gerealiseerd", "fr": "{n} non réalisée", "en": "{n} not realised"},
    "cli.diff.n.unknown": {"nl": "{n} onbekend", "fr": "{n} au suivi inconnu", "en": "{n} unknown"},
    # Group types, as collabnet info names them (English: the code, as the tables write it)
    "group_type.working_group": {"nl": "werkgroep", "fr": "groupe de travail", "en": "working_group"},
    "group_type.partnership": {"nl": "partnerschap", "fr": "partenariat", "en": "partnership"},
    "group_type.project": {"nl": "project", "fr": "projet", "en": "project"},
    "group_type.support_group": {"nl": "ondersteuningsgroep", "fr": "groupe d'appui", "en": "support_group"},
    "group_type.workshop": {"nl": "veranderatelier", "fr": "atelier du changement", "en": "workshop"},
    "group_type.network": {"nl": "netwerk", "fr": "réseau", "en": "network"},
    "group_type.other": {"nl": "andere", "fr": "autre", "en": "other"},
    # Report: the zone at a glance (first page)
    "report.section.glance": {"nl": "De zone in één oogopslag", "fr": "Le bassin en un coup d'œil",
                              "en": "The zone at a glance"},
    "report.section.glance_region": {"nl": "Het gewest in één oogopslag", "fr": "La région en un coup d'œil",
                                     "en": "The region at a glance"},
    "report.glance.first_actions": {"nl": "Eerste acties", "fr": "Premières actions", "en": "First actions"},
    "report.picture.organisations": {
        "nl": "Het netwerk van de zone: elk bolletje is een organisatie (of een persoon zonder organisatie), elke "
              "lijn een samenwerking binnen de zone. Kleur: gezondheid, welzijn of andere sectoren.",
        "fr": "Le réseau du bassin : chaque rond est une organisation (ou une personne sans organisation), chaque "
              "trait une collaboration au sein du bassin. Couleur : santé, social ou autres secteurs.",
        "en": "The zone's network: each dot is an organisation (or a person without one), each line a "
              "collaboration within the zone. Colour: health, welfare or other sectors."},
    "report.picture.actors": {
        "nl": "Het netwerk van de zone: elk bolletje is een actor, elke lijn een samenwerking binnen de zone. "
              "Kleur: gezondheid, welzijn of andere sectoren.",
        "fr": "Le réseau du bassin : chaque rond est un acteur, chaque trait une collaboration au sein du bassin. "
              "Couleur : santé, social ou autres secteurs.",
        "en": "The zone's network: each dot is an actor, each line a collaboration within the zone. Colour: "
              "health, welfare or other sectors."},
    "report.picture.sectors": {
        "nl": "De sectoren van de zone: elk bolletje is een hoofdsector (groter = meer actoren), elke lijn telt de "
              "verbindingen tussen twee sectoren; een rode stippellijn is een hiaat.",
        "fr": "Les secteurs du bassin : chaque rond est un secteur principal (plus grand = plus d'acteurs), chaque "
              "trait compte les liens entre deux secteurs ; un pointillé rouge est une lacune.",
        "en": "The zone's sectors: each dot is a main sector (larger = more actors), each line counts the links "
              "between two sectors; a dashed red line is a gap."},
    "report.picture.isolated": {"nl": "isolementssignaal", "fr": "signal d'isolement", "en": "isolation signal"},
    "report.picture.cut_vertex": {"nl": "onmisbare schakel", "fr": "acteur charnière", "en": "cut vertex"},
    "report.picture.cut_edge": {"nl": "enige verbinding (brug)", "fr": "lien unique (pont)",
                                "en": "only link (bridge)"},
    "report.picture.gap": {"nl": "hiaat", "fr": "lacune", "en": "gap"},
    "report.picture.none": {"nl": "Nog geen actoren in deze zone.", "fr": "Pas encore d'acteurs dans ce bassin.",
                            "en": "No actors in this zone yet."},
    "report.picture.isolated_count": {"nl": "{n} geïsoleerd", "fr": "{n} isolés", "en": "{n} isolated"},
    "report.picture.isolated_count.one": {"nl": "{n} geïsoleerd", "fr": "{n} isolé", "en": "{n} isolated"},
    # Workbook analysis.xlsx (collabnet analyze): sheet names and headers
    "sheet.summary": {"nl": "Samenvatting", "fr": "Résumé", "en": "Summary"},
    "sheet.isolated": {"nl": "Geïsoleerde actoren", "fr": "Acteurs isolés", "en": "Isolated actors"},
    "sheet.brokers": {"nl": "Bruggenbouwers", "fr": "Acteurs-relais", "en": "Brokers"},
    "sheet.gaps": {"nl": "Hiaten", "fr": "Lacunes", "en": "Gaps"},
    "sheet.actions": {"nl": "Acties", "fr": "Actions", "en": "Actions"},
    "sheet.col.carried_by": {"nl": "Gedragen door", "fr": "Porté par", "en": "Carried by"},
    "sheet.col.cross_sector_ties": {"nl": "Partners uit andere sectoren", "fr": "Partenaires d'autres secteurs",
                                    "en": "Partners in other sectors"},
    "sheet.col.constraint": {"nl": "Beperking (Burt)", "fr": "Contrainte (Burt)", "en": "Constraint (Burt)"},
    "sheet.col.effective_size": {"nl": "Effectieve omvang (Burt)", "fr": "Taille effective (Burt)",
                                 "en": "Effective size (Burt)"},
}

"""A plain-text summary of an analysis, readable at a glance in a terminal, in the reader's language.

One block per zone (the region last): counts, the worst gaps, the strongest
brokers and the first actions. Every word comes from :mod:`collabnet.words`
(counts with their plural, zones, sectors and kinds of gap by their names,
numbers with the language's decimal mark): no code of the tables is shown.
Only reads the :class:`~collabnet.records.Analysis`.
"""

from __future__ import annotations

from collabnet.codes import REGION
from collabnet.render.phrases import between, number, percent

__all__ = ["TOP", "render_summary"]

TOP = 3  # gaps, brokers and actions shown per zone


def render_summary(result, words, top: int = TOP) -> str:
    """The terminal summary of ``result`` (a :class:`~collabnet.records.Analysis`) in ``words``' language,
    ending in a newline."""
    s = result.summary.to_dict()
    count = words.count
    sep = words.word("say.sep_next")
    lines = [
        words.word("terminal.dataset", dataset=s["dataset"], date=s["analysis_date"]),
        words.word("terminal.counts", actors=count("count.actors", s["actors"]),
                   organisations=count("count.organisations", s["organisations"]),
                   persons=count("count.persons", s["persons"]), groups=count("count.groups", s["groups"]),
                   ties=count("count.ties", s["ties"]), edges=count("count.edges", s["edges"]),
                   left=count("count.left_out", s["rows_left_out"]["total"])),
    ]
    unsettled = result.summary.unsettled()
    if unsettled is not None:  # estimated: how many zones (not the region-wide actors) have their top 10 settled
        zones = [z for z in s["zones"] if z != REGION]
        lines.append(words.word("terminal.estimated", sources=s["betweenness"]["sources"],
                                sure=sum(z not in unsettled for z in zones), zones=len(zones),
                                confidence=percent(words, s["betweenness"]["certified"]["confidence"])))
    for zone in sorted(s["zones"], key=lambda z: (z == REGION, z)):
        entry = s["zones"][zone]
        title = words.word("report.region") if zone == REGION else words.word("report.zone", name=words.zone_name(zone))
        lines += ["", words.word("terminal.zone", zone=title, actors=count("count.actors", entry["actors"]),
                                 isolated=count("count.isolated", entry["isolated"]),
                                 gaps=count("count.gaps", entry["gaps"]), ei=number(words, entry["ei"], 2))]
        gaps = [g for g in result.gaps if g.zone == zone][:top]
        if gaps:
            lines.append(words.word("terminal.gaps") + sep.join(
                words.word("terminal.gap", between=between(words, g.gap, g.a, g.b), gap=words.coded("gap", g.gap),
                           severity=number(words, g.severity, 1)) for g in gaps))
        best = [b for b in result.brokers if b.zone == zone][:top]
        if best:
            lines.append(words.word("terminal.brokers") + sep.join(
                f"{b.rank}. {b.name} ({words.sector(b.sector)})" for b in best))
        actions = [a for a in result.actions if a.zone == zone][:top]
        if actions:
            lines.append(words.word("terminal.actions"))
            lines += [f"    {a.priority}. {words.say(a.rationale)}" for a in actions]
    return "\n".join(lines) + "\n"

"""A plain-text summary of an analysis, readable at a glance in a terminal.

One block per zone (the region last): counts, the worst gaps, the strongest
brokers and the first actions. Only reads the :class:`~collabnet.records.Analysis`.
"""

from __future__ import annotations

from collabnet.codes import REGION

__all__ = ["TOP", "render_summary"]

TOP = 3  # gaps, brokers and actions shown per zone


def render_summary(result, words, top: int = TOP) -> str:
    """The terminal summary of ``result`` (a :class:`~collabnet.records.Analysis`) in ``words``' language,
    ending in a newline."""
    s = result.summary.to_dict()
    left = s["rows_left_out"]["total"]
    counts = (f"{s['actors']} actors ({s['organisations']} organisations, {s['persons']} persons), "
              f"{s['groups']} groups, {s['ties']} ties, {s['edges']} edges; {left} input row(s) left out")
    lines = [f"Dataset {s['dataset']}, analysis date {s['analysis_date']}", counts]
    zones = sorted(s["zones"], key=lambda z: (z == REGION, z))
    for zone in zones:
        entry = s["zones"][zone]
        ei = "-" if entry["ei"] is None else f"{entry['ei']:.2f}"
        heading = (f"{words.zone_name(zone)} ({zone}): {entry['actors']} actors, "
                   f"{entry['isolated']} isolated, {entry['gaps']} gaps, E-I {ei}")
        lines += ["", heading]
        gaps = [g for g in result.gaps if g.zone == zone][:top]
        if gaps:
            lines.append("  worst gaps:   " + "; ".join(
                f"{g.gap} {g.a}{'-' + g.b if g.b else ''} (severity {g.severity:.1f})" for g in gaps))
        best = [b for b in result.brokers if b.zone == zone][:top]
        if best:
            lines.append("  top brokers:  " + "; ".join(f"{b.rank}. {b.name} ({b.sector})" for b in best))
        actions = [a for a in result.actions if a.zone == zone][:top]
        if actions:
            lines.append("  first actions:")
            lines += [f"    {a.priority}. {words.say(a.rationale)}" for a in actions]
    return "\n".join(lines) + "\n"

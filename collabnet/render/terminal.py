"""A plain-text summary of an analysis, readable at a glance in a terminal.

One block per zone (the region last): counts, the worst gaps, the strongest
brokers and the first actions. Only reads the :class:`~collabnet.analyses.run.Analysis`.
"""

from __future__ import annotations

from collabnet.analyses.gaps import REGION

__all__ = ["TOP", "render_summary"]

TOP = 3  # gaps, brokers and actions shown per zone


def render_summary(result, top: int = TOP) -> str:
    """The terminal summary of ``result`` (a :class:`~collabnet.analyses.run.Analysis`), ending in a newline."""
    s = result.summary
    dataset = result.dataset
    left = s["rows_left_out"]["total"]
    counts = (f"{s['actors']} actors ({s['organisations']} organisations, {s['persons']} persons), "
              f"{s['groups']} groups, {s['ties']} ties, {s['edges']} edges; {left} input row(s) left out")
    lines = [f"Dataset {s['dataset']}, analysis date {s['analysis_date']}", counts]
    zones = sorted(s["zones"], key=lambda z: (z == REGION, z))
    for zone in zones:
        entry = s["zones"][zone]
        ei = "-" if entry["ei"] is None else f"{entry['ei']:.2f}"
        heading = (f"{dataset.zone_name(zone, result.lang)} ({zone}): {entry['actors']} actors, "
                   f"{entry['isolated']} isolated, {entry['gaps']} gaps, E-I {ei}")
        lines += ["", heading]
        gaps = [g for g in result.gaps if g.zone == zone][:top]
        if gaps:
            lines.append("  worst gaps:   " + "; ".join(
                f"{g.gap} {g.a}{'-' + g.b if g.b else ''} (severity {g.severity:.1f})" for g in gaps))
        brokers = result.brokers
        if len(brokers):
            best = brokers[brokers["zone"] == zone].head(top)
            if len(best):
                lines.append("  top brokers:  " + "; ".join(
                    f"{rank}. {name} ({sector})" for rank, name, sector in zip(best["rank"], best["name"],
                                                                              best["sector"])))
        actions = [a for a in result.actions if a.zone == zone][:top]
        if actions:
            lines.append("  first actions:")
            lines += [f"    {a.priority}. {a.rationale}" for a in actions]
    return "\n".join(lines) + "\n"

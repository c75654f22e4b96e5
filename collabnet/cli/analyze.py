"""``collabnet analyze``: run every analysis and write the contract tables."""

from __future__ import annotations

from pathlib import Path

import click

from collabnet.cli.common import (
    actions_option,
    at_option,
    changes_since,
    dataset_argument,
    default_out,
    handle_errors,
    lang_option,
    load_or_exit,
    out_option,
    privacy_options,
    quiet_option,
    resolve_zone,
    since_option,
    zone_option,
)
from collabnet.progress import Progress

__all__ = ["analyze"]


@click.command()
@dataset_argument
@out_option("Folder for summary.json, isolated.csv, brokers.csv, gaps.csv, actions.csv, actions.xlsx "
            "(default: reports/<dataset name>/).")
@zone_option
@at_option
@lang_option
@click.option("--json", "as_json", is_flag=True, help="Print summary.json instead of the text summary.")
@click.option("--report", "with_report", is_flag=True,
              help="Also write, per zone and for the region, the printable report (HTML + Markdown) and the "
                   "interactive view (HTML), in --lang.")
@since_option("With --report: add to each report a section 'since last time' (what changed from this date "
              "to --at), and colour the links of each view new or lost since then.")
@actions_option
@click.option("--with-plan", "with_plan", is_flag=True,
              help="Add to actions.csv and actions.xlsx, after each zone's own actions, whom to invite to its next "
                   "workshop and the introductions that close most gaps (collabnet plan invite / introduce, 5 "
                   "each), with a column source: analysis or plan.")
@click.option("--exact-betweenness", "exact", is_flag=True,
              help="Exact betweenness even on large graphs (above 6,000 actors it is estimated from 1,024 sampled "
                   "sources by default: seconds instead of minutes; summary.json says which was used).")
@quiet_option
@privacy_options
@handle_errors
def analyze(dataset: Path | None, out: Path | None, zone: str | None, at: str | None, lang: str, as_json: bool,
            with_report: bool, since, actions, with_plan: bool, exact: bool, quiet: bool, pseudonymise: bool,
            key_file: Path | None, include_contacts: bool) -> None:
    """Find isolated actors, brokers, gaps and actions per care zone, and write them as tables.

    Writes summary.json, isolated.csv, brokers.csv, gaps.csv and actions.csv
    (columns in reports/FORMAT.md), and actions.xlsx (the actions with names,
    a sheet per zone, headers in --lang), then prints a short summary per zone.
    Same input, same files, byte for byte. With --with-plan, the planning
    tools' invitations and introductions follow each zone's actions (their
    priorities continue the zone's), marked source = plan.

    \b
    Example:
      collabnet analyze datasets/brussels --out reports/brussels
      collabnet analyze datasets/brussels --zone Zuid --lang nl --at 2024-06-01
      collabnet analyze --report --lang fr
      collabnet analyze --report --since 2024-01-01 --actions old/actions.csv
      collabnet analyze --zone Zuid --with-plan --lang nl
    """
    from collabnet.analyses.run import analyse
    from collabnet.planning import plan_actions
    from collabnet.render.tables import summary_json, write_analysis
    from collabnet.render.terminal import render_summary

    if since is not None and not with_report:
        raise click.UsageError("--since adds a section to the reports: use it with --report")
    ds = load_or_exit(dataset, at, quiet=quiet, pseudonymise=pseudonymise, key_file=key_file,
                      include_contacts=include_contacts)
    code = resolve_zone(ds, zone)
    progress = Progress(enabled=not quiet and not as_json)
    changes = changes_since(ds, since, actions)
    result = analyse(ds, zone=code, lang=lang, progress=progress, exact_betweenness=exact)
    with progress.step("plans"):
        plans = _plans(ds.graph, code, lang) if with_plan else None
    folder = out if out is not None else default_out(ds.name)
    with progress.step("tables"):
        written = write_analysis(result, folder, plan=None if plans is None else plan_actions(
            plans.values(), after=result.actions))
    if with_report:
        from collabnet.render.report import render_reports
        from collabnet.render.view import render_views

        # --zone region means region-wide actors in the tables, but the whole region in a report and a view.
        full = analyse(ds, zone=None, lang=lang, progress=progress, exact_betweenness=exact) if code == "region" else result
        with progress.step("reports"):
            written += render_reports(ds, full, folder, lang=lang, zone=code, changes=changes,
                                      plans=True if plans is None else plans)
        with progress.step("views"):
            written += render_views(ds, full, folder, lang=lang, zone=code, since=since)
    if quiet:
        return
    if as_json:
        click.echo(summary_json(result.summary), nl=False)
        return
    click.echo(render_summary(result), nl=False)
    click.echo(f"\nWrote {', '.join(p.name for p in written)} to {folder}")


def _plans(G, code: str | None, lang: str) -> dict:
    """Zone -> ZonePlan: the zone asked (``region``: the whole graph), else every zone with actors."""
    from collabnet.analyses.gaps import REGION, zone_members
    from collabnet.planning import zone_plan

    members = zone_members(G)
    zones = list(members) if code is None else [code] if code in members or code == REGION else []
    return {z: zone_plan(G, z, lang=lang) for z in zones}

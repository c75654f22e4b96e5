"""``collabnet analyze``: run every analysis and write the contract tables."""

from __future__ import annotations

from pathlib import Path

import click

from collabnet.cli.common import (
    actions_option,
    analysis_since,
    at_option,
    changes_since,
    check_out_folder,
    dataset_argument,
    default_out,
    handle_errors,
    lang_option,
    level_option,
    load_or_exit,
    out_option,
    privacy_options,
    quiet_option,
    resolve_zone,
    say,
    since_option,
    zone_option,
)
from collabnet.progress import Progress

__all__ = ["analyze"]


@click.command()
@dataset_argument
@out_option("Folder for summary.json, isolated.csv, brokers.csv, gaps.csv, actions.csv, actions.xlsx and "
            "analysis.xlsx (default: reports/<dataset name>/).")
@zone_option
@at_option
@lang_option
@click.option("--json", "as_json", is_flag=True, help="Print summary.json instead of the text summary.")
@click.option("--csv-dialect", "dialect", type=click.Choice(["contract", "excel"]), default="contract",
              show_default=True,
              help="contract: UTF-8, ',' and decimal point (reports/FORMAT.md, what programs read); excel: a "
                   "byte-order mark, ';' and decimal comma, as Excel in Belgium opens a CSV on a double-click.")
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
              help="Exact betweenness even on large graphs (above 10,000 nodes it is estimated from 1,024 to "
                   "2,048 sampled sources by default: seconds instead of minutes; summary.json says which was used).")
@level_option
@quiet_option
@privacy_options
@handle_errors
def analyze(dataset: Path | None, out: Path | None, zone: str | None, at: str | None, lang: str, as_json: bool,
            dialect: str, with_report: bool, since, actions, with_plan: bool, exact: bool, level: str, quiet: bool,
            pseudonymise: bool, key_file: Path | None) -> None:
    """Find isolated actors, brokers, gaps and actions per care zone, and write them as tables.

    Writes summary.json, isolated.csv, brokers.csv, gaps.csv and actions.csv
    (columns in reports/FORMAT.md), actions.xlsx (the actions with names,
    a sheet per zone, headers in --lang) and analysis.xlsx (every table as a
    sheet, in --lang), then prints a short summary per zone in --lang.
    Every table is computed on the organisation graph (persons folded into
    their organisation) unless --level actors is given. Same input, same
    files, byte for byte. With --with-plan, the planning
    tools' invitations and introductions follow each zone's actions (their
    priorities continue the zone's), marked source = plan.

    \b
    Example:
      collabnet analyze datasets/brussels --out reports/brussels
      collabnet analyze datasets/brussels --zone Zuid --lang nl --at 2024-06-01
      collabnet analyze --report --lang fr
      collabnet analyze --report --since 2024-01-01 --actions old/actions.csv
      collabnet analyze --zone Zuid --with-plan --lang nl
      collabnet analyze --lang fr --csv-dialect excel
    """
    from collabnet.analyses import analyse
    from collabnet.render.tables import analysis_jobs, summary_json
    from collabnet.render.terminal import render_summary
    from collabnet.runtime import run_jobs
    from collabnet.words import Vocabulary

    if since is not None and not with_report:
        raise click.UsageError(say("cli.since_needs_report"))
    check_out_folder(out)
    ds = load_or_exit(dataset, at, quiet=quiet, pseudonymise=pseudonymise, key_file=key_file)
    code = resolve_zone(ds, zone)
    progress = Progress(enabled=not quiet and not as_json, lang=lang)
    old = analysis_since(ds, since, actions, level=level, exact=exact, progress=progress)
    # One analysis of the whole graph (and one of --since's date); --zone only chooses the rows written.
    result = analyse(ds, level=level, exact=exact, plans=_plan_zones(ds, code, with_report, with_plan), progress=progress)
    changes = changes_since(old, result, actions)
    words = Vocabulary.for_analysis(result, lang)
    table = result if code is None else result.for_zone(code)
    folder = out if out is not None else default_out(ds.name)
    batches = [analysis_jobs(table, folder, words, plan=table.plan_actions if with_plan else None, dialect=dialect)]
    if with_report:
        from collabnet.render.report import report_jobs
        from collabnet.render.view import view_jobs

        # --zone region means region-wide actors in the tables, but the whole region in a report and a view.
        batches += [report_jobs(result, folder, lang=lang, zone=code, changes=changes),
                    view_jobs(result, folder, lang=lang, zone=code, before=None if old is None else old.graph)]
    # Every file as one list of jobs, biggest first, shared by two processes when a second core is free.
    with progress.step("files" if with_report else "tables"):
        written = [path for paths in run_jobs(*batches) for path in paths]
    if quiet:
        return
    if as_json:
        click.echo(summary_json(table.summary.to_dict()), nl=False)
        return
    click.echo(render_summary(table, words), nl=False)
    click.echo("\n" + words.word("terminal.wrote", folder=folder, files=", ".join(p.name for p in written)))


def _plan_zones(ds, code: str | None, with_report: bool, with_plan: bool) -> list[str]:
    """The zones whose workshop plans are needed: those of the zone reports written, and for
    ``--with-plan`` the zone asked (``region``: a plan for the whole graph), else every zone."""
    from collabnet.codes import REGION

    every = [z for z in ds.zone_codes if z != REGION]
    zones = []
    if with_report and code != REGION:  # the region report has no plans
        zones += every if code is None else [code]
    if with_plan:
        zones += every if code is None else [code]
    return list(dict.fromkeys(zones))

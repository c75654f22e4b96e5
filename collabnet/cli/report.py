"""``collabnet report``: printable reports (HTML and Markdown) per care zone and for the region."""

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
    since_option,
    zone_option,
)

__all__ = ["report"]


@click.command()
@dataset_argument
@zone_option
@lang_option
@out_option("Folder for the reports (default: reports/<dataset name>/).")
@at_option
@since_option("Add a section 'since last time': what changed from this date to --at.")
@actions_option
@click.option("--no-plan", "no_plan", is_flag=True,
              help="Leave out of the zone reports' action section whom to invite and the introductions that "
                   "close most gaps.")
@level_option
@quiet_option
@privacy_options
@handle_errors
def report(dataset: Path | None, zone: str | None, lang: str, out: Path | None, at: str | None, since, actions,
           no_plan: bool, level: str, quiet: bool, pseudonymise: bool, key_file: Path | None) -> None:
    """Write a printable report per care zone and for the whole region, in HTML and Markdown.

    Each report shows the key figures, the links between sectors (a heatmap),
    isolation by sector and line, the isolated actors, the brokers and single
    points of failure, the gaps, the action list (in a zone report, with whom
    to invite to the next workshop and the introductions that close most
    gaps, as collabnet plan computes them; --no-plan leaves them out), and
    how to read it all. The
    HTML opens from disk with no network and prints on A4. Files:
    report-<zone>.<lang>.html and .md (report-region.<lang>.* for the region).
    --zone writes that zone's report only (--zone region: the region's only).
    Reports never show e-mail or phone.

    --since DATE adds "since last time" after the key figures: the figures on
    both dates, new and lost ties and memberships, actors who became or
    stopped being isolated, gaps opened and closed, brokers gained and lost;
    with --actions, whether each earlier action was realised.

    \b
    Example:
      collabnet report datasets/brussels --lang nl
      collabnet report datasets/brussels --zone Zuid --lang fr --at 2024-06-01 --out reports/brussels
      collabnet report --zone Zuid --since 2024-01-01 --actions reports/brussels/actions.csv
    """
    from collabnet.analyses import analyse
    from collabnet.codes import REGION
    from collabnet.progress import Progress
    from collabnet.render.report import render_reports

    check_out_folder(out)
    ds = load_or_exit(dataset, at, quiet=quiet, pseudonymise=pseudonymise, key_file=key_file)
    code = resolve_zone(ds, zone)
    progress = Progress(enabled=not quiet, lang=lang)
    old = analysis_since(ds, since, actions, level=level, progress=progress)
    # the plans of the zone reports written (the region report has none)
    plans = False if no_plan or code == REGION else True if code is None else [code]
    result = analyse(ds, level=level, plans=plans, progress=progress)
    changes = changes_since(old, result, actions)
    folder = out if out is not None else default_out(ds.name)
    with progress.step("reports"):
        written = render_reports(result, folder, lang=lang, zone=code, changes=changes)
    if not quiet:
        for path in written:
            click.echo(str(path))

"""``collabnet info``: what was read, at a glance."""

from __future__ import annotations

import json
from pathlib import Path

import click

from collabnet.cli.common import at_option, dataset_argument, handle_errors, load_or_exit
from collabnet.dataset.info import describe

__all__ = ["info"]


@click.command()
@dataset_argument
@at_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@handle_errors
def info(dataset: Path | None, at: str | None, as_json: bool) -> None:
    """Show what a dataset contains: actors per zone x sector family x line, groups by type.

    \b
    Example:
      collabnet info datasets/brussels
      collabnet info datasets/brussels --at 2024-06-01 --json
    """
    ds = load_or_exit(dataset, at)
    facts = describe(ds)
    if as_json:
        click.echo(json.dumps(facts, indent=2, ensure_ascii=False, sort_keys=True))
        return
    click.echo(f"Dataset {facts['dataset']} ({ds.source}), analysis date {facts['analysis_date']}")
    counts = facts["counts"]
    click.echo(
        f"{counts['actors']} actors ({counts['organisations']} organisations, {counts['persons']} persons), "
        f"{counts['groups']} groups, {counts['memberships']} memberships, {counts['ties']} ties; "
        f"graph: {counts['nodes']} nodes, {counts['edges']} edges on {facts['analysis_date']}"
    )
    click.echo(f"Rows left out: {facts['rows_left_out']}")
    click.echo("")
    click.echo("Actors per zone, sector family and line (line '-' = not a care provider):")
    lines = facts["line_order"]
    header = f"{'zone':<14}{'family':<10}" + "".join(f"{line:>6}" for line in lines) + f"{'total':>7}"
    click.echo(header)
    for row in facts["actors_by_zone_family_line"]:
        cells = "".join(f"{row['lines'].get(line, 0):>6}" for line in lines)
        click.echo(f"{row['zone']:<14}{row['family']:<10}{cells}{row['total']:>7}")
    click.echo("")
    click.echo("Groups by type (active memberships on the analysis date):")
    for row in facts["groups_by_type"]:
        click.echo(f"  {row['type']:<15}{row['groups']:>4} group(s), {row['members']:>5} active membership(s)")

"""``collabnet import directory`` / ``collabnet import attendance``: real data in (intake.md)."""

from __future__ import annotations

from pathlib import Path

import click

from collabnet.cli.common import date_value, echo_err, handle_errors, quiet_option
from collabnet.codes import GROUP_TYPES

__all__ = ["import_group"]


@click.group("import")
def import_group() -> None:
    """Turn the region's directory and the lists of who meets into a dataset.

    \b
    Example:
      collabnet import directory records.json zone-south/
      collabnet import attendance signin-2024-03-12.xlsx --dataset zone-south/ --group ws-south-2024-03
    """


def _group_type(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    found = GROUP_TYPES.match(value)
    if found is None:
        raise click.BadParameter(GROUP_TYPES.unknown_message(value))
    return str(found)


@import_group.command("attendance")
@click.argument("list_file", metavar="LIST", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dataset", "dataset", required=True, type=click.Path(exists=True, path_type=Path),
              help="The dataset whose organisations the list's rows are matched to.")
@click.option("--group", "group", required=True, metavar="GROUP_ID", help="The group the persons are members of.")
@click.option("--since", "since", metavar="DATE", callback=date_value, default=None,
              help="The memberships' start (the meeting's date), for rows without a date column of their own.")
@click.option("--sheet", default=None, help="The workbook's sheet (default: the first).")
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write the dataset here (default: in place).")
@click.option("--review", "review", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The review file (default: review.csv in the written dataset).")
@click.option("--group-type", callback=_group_type, default=None,
              help="Create the group with this type when the dataset has no such group (workshop, working_group…).")
@click.option("--group-name", default=None, help="With --group-type: the new group's name.")
@quiet_option
@handle_errors
def attendance(list_file: Path, dataset: Path, group: str, since, sheet: str | None, out: Path | None,
               review: Path | None, group_type: str | None, group_name: str | None, quiet: bool) -> None:
    """Add the persons of a sign-in sheet or member list to a dataset, as members of GROUP_ID.

    Each row's organisation (free text, Dutch or French, abbreviations and
    typos) is matched to an organisation of the dataset, with a score. Rows
    not matched with certainty go to review.csv with their best candidates:
    write in its decision column an actor id, new:SECTOR[:ZONE] or skip, and
    run the same command again.

    \b
    Example:
      collabnet import attendance signin.xlsx --dataset zone-south/ --group ws-south-2024-03 --since 2024-03-12
    """
    from collabnet.intake.attendance import import_attendance

    result = import_attendance(list_file, dataset, group, out=out, since=since, sheet=sheet, review=review,
                               group_name=group_name, group_type=group_type)
    for problem in result.problems:
        echo_err(f"{problem}" if problem.left_out else f"{problem.file}:{problem.row}: {problem.column}: "
                 f"warning: {problem.reason}")
    if not quiet:
        for row in result.rows:
            target = f" -> {row.actor}" if row.actor else ""
            score = f" (score {row.score:g})" if row.outcome == "matched" else ""
            click.echo(f"{result.label}:{row.row}: {row.outcome}: {row.organisation_text!r}{target}{score}; {row.detail}")
    counts = ", ".join(f"{result.count(o)} {o}" for o in
                       ("matched", "decided", "created", "review", "skipped", "duplicate", "left_out"))
    click.echo(f"{result.label}: {len(result.rows)} row(s) read: {counts}")
    click.echo(f"added {result.persons_added} person(s) and {result.memberships_added} membership(s) of "
               f"{group}{' (new group)' if result.group_created else ''}; {result.already_present} already there")
    if result.review_file is not None and result.count("review"):
        click.echo(f"{result.count('review')} row(s) to review in {result.review_file}")


@import_group.command("directory")
@click.argument("records", type=click.Path(exists=True, path_type=Path))
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("--sector-map", "sector_map", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Your own label,sector,line table; its labels come before the shipped sector_map.csv.")
@quiet_option
@handle_errors
def directory(records: Path, out: Path, sector_map: Path | None, quiet: bool) -> None:
    """Make (or update) the dataset folder OUT from directory records.

    RECORDS is a JSON array of social.brussels organisation records, or a
    folder of one-record JSON files. Each record becomes an organisation
    sb-<id>; its sectors and categories go through sector_map.csv. Labels
    that map to nothing are listed (the organisation gets sector other).
    Importing newer records into the same OUT updates the rows in place and
    lists what changed.

    \b
    Example:
      collabnet import directory records.json zone-south/
      collabnet import directory records/ zone-south/ --sector-map my_sector_map.csv
    """
    from collabnet.intake.directory import import_directory

    result = import_directory(records, out, sector_map=sector_map)
    for problem in result.problems:
        echo_err(f"{problem}" if problem.left_out else f"{problem.file}:{problem.row}: {problem.column}: "
                 f"warning: {problem.reason}")
    for label, actors in sorted(result.unmapped.items()):
        echo_err(f"sector_map: no sector for {label!r} ({len(actors)} record(s): {', '.join(actors)}); "
                 "add it to a --sector-map file")
    if not quiet:
        for actor, changes in sorted(result.updated.items()):
            click.echo(f"updated {actor}: " + "; ".join(changes))
        for actor in result.older:
            click.echo(f"kept {actor}: the dataset's row is newer than the record")
        for actor in result.not_in_records:
            click.echo(f"kept {actor}: not in these records")
    left_out = len({(p.file, p.row) for p in result.problems if p.left_out})
    click.echo(f"{out}: {len(result.added)} added, {len(result.updated)} updated, {len(result.unchanged)} unchanged, "
               f"{len(result.older)} older record(s) not applied, {left_out} record(s) left out")

"""``collabnet import directory`` / ``collabnet import attendance``: real data in (intake.md)."""

from __future__ import annotations

from pathlib import Path

import click

from collabnet.cli.common import date_value, echo_err, handle_errors, lang_option, problem_line, quiet_option, say, words
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
        raise click.BadParameter(words().say(GROUP_TYPES.unknown_message(value)))
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
@lang_option
@quiet_option
@handle_errors
def attendance(list_file: Path, dataset: Path, group: str, since, sheet: str | None, out: Path | None,
               review: Path | None, group_type: str | None, group_name: str | None, lang: str, quiet: bool) -> None:
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
    from collabnet.intake.matching import score_number

    result = import_attendance(list_file, dataset, group, out=out, since=since, sheet=sheet, review=review,
                               group_name=group_name, group_type=group_type)
    for problem in result.problems:
        echo_err(problem_line(problem))
    if not quiet:
        for row in result.rows:
            click.echo(say("import.row", at=f"{result.label}:{row.row}", outcome=say(f"import.outcome.{row.outcome}"),
                           text=row.organisation_text, target=f" -> {row.actor}" if row.actor else "",
                           score=say("import.score", score=words().put(score_number(row.score)))
                           if row.outcome == "matched" else "",
                           detail=words().say(row.detail)))
    counts = ", ".join(say(f"import.n.{o}", result.count(o)) for o in
                       ("matched", "decided", "created", "review", "skipped", "duplicate", "left_out"))
    click.echo(say("import.attendance", file=result.label, read=say("cli.rows.read", len(result.rows)), counts=counts))
    click.echo(say("import.added", persons=say("import.n.persons", result.persons_added),
                   memberships=say("import.n.memberships", result.memberships_added), group=group,
                   new=say("import.new_group") if result.group_created else "", already=result.already_present))
    if result.review_file is not None and result.count("review"):
        click.echo(say("import.to_review", result.count("review"), file=result.review_file))


@import_group.command("directory")
@click.argument("records", type=click.Path(exists=True, path_type=Path))
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("--sector-map", "sector_map", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Your own label,sector,line table; its labels come before the shipped sector_map.csv.")
@lang_option
@quiet_option
@handle_errors
def directory(records: Path, out: Path, sector_map: Path | None, lang: str, quiet: bool) -> None:
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
        echo_err(problem_line(problem))
    for label, actors in sorted(result.unmapped.items()):
        echo_err(say("import.unmapped", label=label, records=say("import.n.records", len(actors)), actors=", ".join(actors)))
    if not quiet:
        for actor, changes in sorted(result.updated.items()):
            click.echo(say("import.updated", actor=actor, changes="; ".join(changes)))
        for actor in result.older:
            click.echo(say("import.kept_newer", actor=actor))
        for actor in result.not_in_records:
            click.echo(say("import.kept_absent", actor=actor))
    left_out = len({(p.file, p.row) for p in result.problems if p.left_out})
    click.echo(say("import.directory", out=out, added=say("import.n.added", len(result.added)),
                   updated=say("import.n.updated", len(result.updated)),
                   unchanged=say("import.n.unchanged", len(result.unchanged)),
                   older=say("import.n.older", len(result.older)), left_out=say("import.n.records_left_out", left_out)))

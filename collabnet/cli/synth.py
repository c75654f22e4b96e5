"""``collabnet synth``: write a synthetic Brussels dataset with planted structure."""

from __future__ import annotations

import json
from pathlib import Path

import click

from collabnet.cli.common import EXIT_UNUSABLE, quiet_option
from collabnet.dataset.dates import DATE_FORMS, parse_date
from collabnet.devtools.synth import DEFAULT_ANALYSIS_DATE, MAX_ORGS, MIN_ORGS, TABLE_COLUMNS, TRUTH_FILE, generate

__all__ = ["synth"]


class _SynthError(click.ClickException):
    exit_code = EXIT_UNUSABLE


@click.command()
@click.option("--orgs", "orgs", type=int, required=True, metavar="N",
              help=f"Number of organisations ({MIN_ORGS:,} to {MAX_ORGS:,}); staff persons come on top "
                   "(about 4 per organisation).")
@click.option("--seed", type=int, default=42, show_default=True, help="Random seed: same seed, byte-identical files.")
@click.option("--at", "at", metavar="YYYY-MM-DD", default=DEFAULT_ANALYSIS_DATE, show_default=True,
              help="Analysis date on which the planted structure holds (written to truth.json).")
@click.option("--plant/--no-plant", default=True, show_default=True,
              help="Plant known structure (isolated actors, a sole broker, a line gap, a language gap).")
@quiet_option
@click.argument("out", type=click.Path(path_type=Path))
def synth(orgs: int, seed: int, at: str, plant: bool, quiet: bool, out: Path) -> None:
    """Write a synthetic Brussels dataset into the folder OUT.

    OUT gets actors.csv, groups.csv, memberships.csv and ties.csv in the
    dataset format, and truth.json: the analysis date and the structure
    planted in the data (isolated actors per zone and reason, a sole broker,
    a line gap, a language gap), for testing the analyses against a known
    answer. Run the analyses with --at set to the analysis date of truth.json.

    \b
    Example:
      collabnet synth --orgs 1000 synthetic/brussels-1000
      collabnet analyze synthetic/brussels-1000 --at 2026-01-01
      collabnet synth --orgs 50000 --seed 7 -q synthetic/large
    """
    if not MIN_ORGS <= orgs <= MAX_ORGS:
        raise click.BadParameter(f"must be between {MIN_ORGS:,} and {MAX_ORGS:,}, not {orgs:,}",
                                 param_hint="'--orgs'")
    try:
        day = parse_date(at)
        if day is None:
            raise ValueError(at)
    except ValueError:
        raise click.BadParameter(f"{at!r} is not a date (expected {DATE_FORMS})", param_hint="'--at'") from None
    _check_out(out)
    try:
        written = generate(orgs, seed=seed, out=out, planted=plant, at=day)
    except OSError as exc:
        raise _SynthError(f"cannot write {exc.filename or out}: {exc.strerror or exc}") from None
    if quiet:
        return
    truth = json.loads(Path(written["truth"]).read_text(encoding="utf-8"))
    counts = truth["counts"]
    click.echo(f"Wrote {out}: {counts['actors']:,} actors ({counts['organisations']:,} organisations, "
               f"{counts['persons']:,} persons), {counts['groups']:,} groups, {counts['memberships']:,} memberships, "
               f"{counts['ties']:,} ties.")
    click.echo(f"On {truth['analysis_date']}: {counts['at_analysis_date']['edges']:,} edges in the actor graph.")
    if plant:
        gaps = ", ".join(f"{g['gap']} in {g['zone']}" for g in truth["gaps"])
        click.echo(f"Planted structure in {Path(written['truth']).name} ({gaps}; sole broker in "
                   f"{truth['brokers'][0]['zone']}); analyse with --at {truth['analysis_date']}.")


def _check_out(out: Path) -> None:
    """OUT must be a folder; never overwrite a dataset that synth did not write."""
    if out.exists() and not out.is_dir():
        raise _SynthError(f"{out} is a file; OUT must be a folder")
    existing = [f"{name}.csv" for name in TABLE_COLUMNS if (out / f"{name}.csv").exists()]
    if not existing:
        return
    try:
        truth = json.loads((out / TRUTH_FILE).read_text(encoding="utf-8"))
        written_by_synth = truth.get("generator") == "collabnet synth"
    except (OSError, ValueError, AttributeError):
        written_by_synth = False
    if not written_by_synth:
        raise _SynthError(f"{out} already holds a dataset ({', '.join(existing)}) that synth did not write; "
                          "choose another folder")

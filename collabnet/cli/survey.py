"""``collabnet survey template`` / ``collabnet survey read``: the relationship survey (intake.md, section 3)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from collabnet.cli import common
from collabnet.cli.common import date_value, echo_err, handle_errors, lang_option, load_or_exit, quiet_option, say

__all__ = ["survey_group"]


@click.group("survey")
def survey_group() -> None:
    """Ask the organisations of a zone how closely they work together, and read their answers as ties.

    \b
    Example:
      collabnet survey template zone-south/ --zone south --lang nl --out survey-south.xlsx
      collabnet survey read survey-south-*.xlsx --dataset zone-south/
    """


@survey_group.command("template")
@click.argument("dataset", type=click.Path(exists=True, path_type=Path))
@click.option("--zone", "zone", required=True, metavar="ZONE", help="The zone surveyed (code or name in NL/FR/EN).")
@lang_option
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path), metavar="FORM.xlsx",
              help="The workbook to write.")
@click.option("--long", "long", is_flag=True, help="One sheet with a row per pair instead of a sheet per organisation.")
@click.option("--frequency", is_flag=True, help="Also ask how often they work together.")
@click.option("--trust", is_flag=True, help="Also ask PARTNER's trust items (openness, reliability, shared mission; 1-4).")
@click.option("--value", is_flag=True, help="Also ask PARTNER's value items (power and influence, resources, "
                                            "involvement; 1-4).")
@click.option("--at", "at", metavar="YYYY-MM-DD", default=None,
              help="The date whose organisations are listed (default: today).")
@quiet_option
@handle_errors
def template(dataset: Path, zone: str, lang: str, out: Path, long: bool, frequency: bool, trust: bool, value: bool,
             at: str | None, quiet: bool) -> None:
    """Write the survey form of ZONE: every organisation of the zone (and region-wide ones active in it).

    The first sheet explains the form and the Levels of Collaboration scale
    (0 no interaction … 5 collaboration). Each organisation answers, for
    every other one, with a drop-down; the cells accept nothing else.

    \b
    Example:
      collabnet survey template zone-south/ --zone Zuid --lang nl --out bevraging-zuid.xlsx --trust --value
    """
    from collabnet.survey.form import FormLayout, form_bytes, form_organisations
    from collabnet.writing import atomic_write_bytes

    ds = load_or_exit(dataset, at, quiet)
    code = common.resolve_zone(ds, zone)
    data = form_bytes(ds, code, lang, FormLayout(frequency=frequency, trust=trust, value=value, long=long))
    atomic_write_bytes(out, data)
    if not quiet:
        click.echo(say("survey.cli.form", out=out, zone=code,
                       organisations=say("survey.cli.organisations", len(form_organisations(ds, code))),
                       layout=say("survey.cli.long" if long else "survey.cli.sheets"), lang=lang))


@survey_group.command("read")
@click.argument("forms", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dataset", "dataset", required=True, type=click.Path(exists=True, path_type=Path),
              help="The dataset whose organisations answered.")
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write the dataset here (default: in place).")
@click.option("--date", "date", metavar="DATE", callback=date_value, default=None,
              help="The date of answers whose form gives none.")
@lang_option
@quiet_option
@handle_errors
def read(forms: tuple[Path, ...], dataset: Path, out: Path | None, date, lang: str, quiet: bool) -> None:
    """Add the answers of filled forms (or of a long CSV) to the dataset as ties of type survey.

    A CSV has the columns respondent, partner, level and date (frequency,
    trust and value when asked). Each answer becomes a tie (weight = the
    level, reported_by = the respondent, since = the date); a later wave
    closes the earlier answer of the same pair and keeps the others. Every
    row not used is reported as FILE:ROW: COLUMN: reason. Then the response
    per zone and sector, who has not answered, and the pairs who see their
    relation differently. Exit status: 0 when every answer was used, 1 when
    some were left out, 2 when a file or the dataset cannot be used.

    \b
    Example:
      collabnet survey read forms/*.xlsx --dataset zone-south/ --out zone-south-2025/
      collabnet survey read answers.csv --dataset zone-south/ --date 2025-03-15
    """
    from collabnet.survey.ties import read_survey

    result = read_survey(forms, dataset, out=out, date=date)
    read, merged = result.read, result.merged
    for problem in read.problems:
        echo_err(common.problem_line(problem))
    target = out if out is not None else dataset
    click.echo(say("survey.cli.read", files=", ".join(read.files), answers=say("survey.cli.answers", len(read.answers)),
                   left_out=say("cli.rows.left_out", read.left_out), unrated=say("survey.cli.unrated", read.unrated)))
    click.echo(say("survey.cli.merged", target=target, added=say("survey.cli.added", merged.added),
                   replaced=say("survey.cli.replaced", merged.replaced),
                   unchanged=say("survey.cli.unchanged", merged.unchanged), closed=say("survey.cli.closed", merged.closed)))
    if not quiet:
        _summary(target, max(a.date for a in read.answers))
    if read.left_out:
        sys.exit(1)


def _summary(target: Path, at: str) -> None:
    """Response per zone and sector, non-respondents, disagreeing pairs: on the date of the latest answer."""
    from collabnet.analyses.survey import survey_answers, survey_findings

    ds = load_or_exit(target, at, quiet=True)
    G = ds.organisation_graph
    found = survey_findings(G, survey_answers(ds))
    if found is None:
        return

    def name(v) -> str:
        return f"{v} ({G.nodes[v].get('name', v)})"

    for zone in dict.fromkeys(r.zone for r in found.responses):
        rows = [r for r in found.responses if r.zone == zone]
        whole = next(r for r in rows if not r.sector)
        sectors = ", ".join(f"{r.sector or say('survey.cli.no_sector')} {r.answered}/{r.asked}" for r in rows if r.sector)
        click.echo(say("survey.cli.response", zone=zone, answered=whole.answered, asked=whole.asked,
                       rate=round(whole.rate * 100), sectors=say("survey.cli.sectors", sectors=sectors) if sectors else ""))
        missing = found.nonrespondents.get(zone, ())
        if missing and zone != "region":
            click.echo(say("survey.cli.not_answered", zone=zone, names="; ".join(name(v) for v in missing)))
    pairs = [d for d in found.disagreements if d.zone == "region"]
    click.echo(say("survey.cli.pairs", len(pairs)))
    for d in pairs:
        click.echo(say("survey.cli.says", a=name(d.a), level_a=d.level_a, b=name(d.b), level_b=d.level_b))

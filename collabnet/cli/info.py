"""``collabnet info``: what was read, at a glance."""

from __future__ import annotations

import json
from pathlib import Path

import click

from collabnet.cli.common import at_option, dataset_argument, handle_errors, lang_option, load_or_exit, say, zone_label
from collabnet.dataset.info import describe

__all__ = ["info"]

# counts that say what collabnet.words' count.* say (the others: cli.n.*, the words of the dataset's tables)
_COUNTED = ("actors", "organisations", "persons", "groups")


@click.command()
@dataset_argument
@at_option
@lang_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON (codes, the same in every language).")
@handle_errors
def info(dataset: Path | None, at: str | None, lang: str, as_json: bool) -> None:
    """Show what a dataset contains: actors per zone x sector family x line, groups by type.

    \b
    Example:
      collabnet info datasets/brussels
      collabnet info datasets/brussels --lang fr
      collabnet info datasets/brussels --at 2024-06-01 --json
    """
    from collabnet.words import Vocabulary

    ds = load_or_exit(dataset, at)
    facts = describe(ds)
    if as_json:
        click.echo(json.dumps(facts, indent=2, ensure_ascii=False, sort_keys=True))
        return
    words = Vocabulary.of(ds.graph, lang, groups=ds.groups)
    date = facts["analysis_date"]
    click.echo(say("cli.info.dataset", dataset=facts["dataset"], source=ds.source, date=date))
    counts = facts["counts"]
    said = {what: say(f"count.{what}" if what in _COUNTED else f"cli.n.{what}", counts[what]) for what in
            ("actors", "organisations", "persons", "groups", "memberships", "ties", "nodes", "edges")}
    click.echo(say("cli.info.counts", date=date, **said))
    click.echo(say("cli.info.left_out", n=facts["rows_left_out"]))
    click.echo("")
    click.echo(say("cli.info.actors"))
    lines = facts["line_order"]
    table = [(zone_label(words, row["zone"]), _family(words, row["family"]), row)
             for row in facts["actors_by_zone_family_line"]]
    zone_width = max([14, *(len(zone) + 1 for zone, _, _ in table)])
    family_width = max([10, *(len(family) + 1 for _, family, _ in table)])
    total = say("cli.col.total")
    total_width = max(7, len(total) + 1)
    click.echo(f"{say('cli.col.zone'):<{zone_width}}{say('cli.col.family'):<{family_width}}"
               + "".join(f"{line:>6}" for line in lines) + f"{total:>{total_width}}")
    for zone, family, row in table:
        cells = "".join(f"{row['lines'].get(line, 0):>6}" for line in lines)
        click.echo(f"{zone:<{zone_width}}{family:<{family_width}}{cells}{row['total']:>{total_width}}")
    click.echo("")
    click.echo(say("cli.info.groups"))
    types = [(words.coded("group_type", row["type"]), row) for row in facts["groups_by_type"]]
    type_width = max([15, *(len(name) + 1 for name, _ in types)])
    for name, row in types:
        click.echo(say("cli.info.type", type=f"{name:<{type_width}}", groups=say("cli.info.n.groups", row["groups"]),
                       members=say("cli.info.n.active", row["members"])))


def _family(words, family: str) -> str:
    """A sector family in the table: its name in Dutch and French (``welzijn``), its code in English."""
    return str(family) if words.lang == "en" else words.coded("family", family)

"""``collabnet diff``: what changed between two dates or two datasets, and what became of earlier actions."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from collabnet.cli.common import (
    at_option,
    date_value,
    default_out,
    earlier_actions,
    handle_errors,
    lang_option,
    level_option,
    load_or_exit,
    out_option,
    privacy_options,
    quiet_option,
    resolve_zone,
    say,
    zone_label,
    zone_option,
)
from collabnet.diff import STATUSES, TOP_BROKERS

__all__ = ["diff"]

# Summary columns: table -> the changes counted as "+" (appeared) and "-" (went away).
_APPEARED = {"ties": ("new", "lost"), "memberships": ("new", "lost"), "edges": ("new", "lost"),
             "isolated": ("became", "stopped"), "gaps": ("opened", "closed"), "brokers": ("gained", "lost")}


@click.command()
@click.argument("datasets", nargs=-1, type=click.Path(path_type=Path))
@click.option("--from", "since", metavar="YYYY-MM-DD", callback=date_value, default=None,
              help="Old date: one DATASET is compared from this date (required) to --to; "
                   "with OLD NEW, the date OLD is seen on (default: --at, else today).")
@click.option("--to", "until", metavar="YYYY-MM-DD", callback=date_value, default=None,
              help="New date (default: today; with OLD NEW: --at, else today).")
@at_option
@click.option("--actions", "actions", type=click.Path(path_type=Path), default=None, metavar="ACTIONS.csv",
              help="An earlier actions.csv: say for each action whether it was realised (diff_actions.csv).")
@click.option("--top", type=click.IntRange(min=1), default=TOP_BROKERS, show_default=True,
              help="Ranks per zone that count as top brokers in diff_brokers.csv.")
@zone_option
@out_option("Folder for the diff_*.csv tables (default: reports/<new dataset name>/).")
@click.option("--json", "as_json", is_flag=True, help="Print the whole diff as JSON instead of the summary.")
@level_option
@lang_option
@quiet_option
@privacy_options
@handle_errors
def diff(datasets: tuple[Path, ...], since: dt.date | None, until: dt.date | None, at: str | None,
         actions: Path | None, top: int, zone: str | None, out: Path | None, as_json: bool, level: str,
         lang: str, quiet: bool, pseudonymise: bool, key_file: Path | None) -> None:
    """Show what changed since the last workshop: ties, memberships, isolated actors, gaps, brokers.

    Compares one DATASET on two dates (--from, --to), or two datasets OLD
    and NEW (each on --at, else today). Per zone: new and lost ties,
    memberships and edges, actors who became or stopped being isolated, gaps
    opened and closed, brokers gained and lost, and the key figures on both
    dates. With --actions, says for each earlier action whether it was
    realised. Writes the diff_*.csv tables into --out and prints a short
    summary per zone. Same input, same files, byte for byte.

    \b
    Example:
      collabnet diff datasets/brussels --from 2024-01-01 --to 2025-01-01
      collabnet diff zone-south-2024.xlsx zone-south-2025.xlsx --out reports/south
      collabnet diff datasets/brussels --from 2024-01-01 --actions reports/brussels/actions.csv
    """
    from collabnet.diff import compare, write_diff

    privacy = dict(pseudonymise=pseudonymise, key_file=key_file)
    if len(datasets) > 2:
        raise click.UsageError(say("cli.diff.datasets", n=len(datasets)))
    if len(datasets) == 2:
        old = load_or_exit(datasets[0], since or at, quiet, **privacy)
        new = load_or_exit(datasets[1], until or at, quiet, **privacy)
    else:
        if since is None:
            raise click.UsageError(say("cli.diff.from_required"))
        if at is not None:
            raise click.UsageError(say("cli.diff.at_two"))
        until = until or dt.date.today()
        if since > until:
            raise click.UsageError(say("cli.diff.from_after_to", since=since, until=until))
        old = load_or_exit(datasets[0] if datasets else None, since, quiet, **privacy)
        new = old.on(until)
    from collabnet.analyses import analyse

    earlier = earlier_actions(actions, old, new) if actions is not None else None
    result = compare(analyse(old, level=level), analyse(new, level=level), top=top, actions=earlier)
    if zone is not None:
        result = result.for_zone(resolve_zone(new, zone))
    folder = out if out is not None else default_out(new.name)
    written = write_diff(result, folder)
    if quiet:
        return
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        return
    from collabnet.words import Vocabulary

    words = Vocabulary.of(new.graph, lang, groups=new.groups)
    click.echo(render_summary(result, words), nl=False)
    click.echo("\n" + say("terminal.wrote", files=", ".join(p.name for p in written), folder=folder))


def render_summary(result, words=None) -> str:
    """The per-zone summary table of a :class:`~collabnet.diff.Diff` in ``words``' language (English by
    default), ending in a newline."""
    from collabnet.words import plain

    words = words or plain("en")
    counts = result.counts()
    figures = {(f.zone, f.figure): f for f in result.figures}
    header = [words.word("cli.col.zone"), *(words.word(f"cli.diff.{c}") for c in (*_APPEARED, "actors")), "E-I"]
    if result.actions is not None:
        header.append(words.word("cli.diff.realised"))
    rows = [header]
    for zone in result.zones:
        c = counts.get(zone, {})
        row = [zone_label(words, zone)]
        for table, (plus, minus) in _APPEARED.items():
            row.append(f"+{c.get(f'{table}_{plus}', 0)} -{c.get(f'{table}_{minus}', 0)}")
        row.append(_figure(figures.get((zone, "actors"))))
        row.append(_figure(figures.get((zone, "ei")), lambda v: words.number(v, 2)))
        if result.actions is not None:
            done = c.get("actions_realised", 0)
            total = sum(c.get(f"actions_{status}", 0) for status in STATUSES)
            row.append(words.word("cli.diff.of", done=done, total=total) if total else "-")
        rows.append(row)
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = [
        words.word("cli.diff.changes", old=result.old_dataset, old_at=result.old_at, new=result.new_dataset,
                   new_at=result.new_at),
        words.word("cli.diff.legend"),
        "",
    ]
    lines += ["  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip() for r in rows]
    if result.actions is not None:
        statuses = {s: sum(1 for a in result.actions if a.status == s) for s in STATUSES}
        said = ", ".join(words.count(f"cli.diff.n.{s}", n) for s, n in statuses.items())
        lines += ["", words.word("cli.diff.earlier", counts=said)]
    return "\n".join(lines) + "\n"


def _figure(figure, form=str) -> str:
    if figure is None:
        return "-"
    old, new = ("-" if v is None else form(v) for v in (figure.old, figure.new))
    return old if old == new else f"{old} -> {new}"


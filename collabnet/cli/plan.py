"""``collabnet plan``: planning tools for coordinators, each answering one question before a workshop.

- ``plan invite``: whom to invite so that the seats reach the most isolated actors;
- ``plan introduce``: which introductions close most of the zone's gaps;
- ``plan leave``: what breaks if an actor leaves, and who can take over.

Each prints one line per choice with its reason (or ``--json``), and
``--out FILE.csv`` writes the choices as actions.csv rows (same columns).
"""

from __future__ import annotations

import dataclasses
import json
import math
import sys
from collections.abc import Callable
from pathlib import Path

import click

from collabnet.cli.common import (
    EXIT_UNUSABLE,
    at_least_one,
    at_option,
    dataset_argument,
    echo_err,
    handle_errors,
    lang_option,
    level_option,
    load_or_exit,
    privacy_options,
    quiet_option,
    resolve_zone,
    say,
    zone_option,
)

__all__ = ["plan"]


def _common(func: Callable) -> Callable:
    """The options every ``plan`` subcommand shares (applied bottom-up, listed top-down in --help)."""
    for decorate in reversed((dataset_argument, at_option, lang_option,
                              click.option("--json", "as_json", is_flag=True, help="Print the plan as JSON."),
                              click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path),
                                           default=None, metavar="FILE.csv",
                                           help="Also write the choices as actions.csv rows (same columns)."),
                              level_option, quiet_option, privacy_options)):
        func = decorate(func)
    return func


@click.group()
def plan() -> None:
    """Plan a workshop: whom to invite, whom to introduce, what breaks if someone leaves.

    \b
    Example:
      collabnet plan invite datasets/brussels --zone Zuid --seats 5
      collabnet plan introduce datasets/brussels --zone south --count 3
      collabnet plan leave datasets/brussels --actor brusano
    """


@plan.command()
@_common
@zone_option
@click.option("--seats", type=int, callback=at_least_one("seats_at_least_one"), default=5, show_default=True, metavar="K",
              help="Number of invitees.")
@handle_errors
def invite(dataset, at, lang, as_json, out, level, quiet, pseudonymise, key_file, zone,
           seats) -> None:
    """The K actors to invite so that together they reach the most isolated and peripheral first- and
    second-line actors (directly or within two steps), with every sector family and both lines at the table.

    Greedy: at least 1 - (1 - 1/K)^g of the best reach of any K actors, g = seats not forced by the
    covering rule (63% when none is); every family and line is covered whenever K is enough.
    Without --zone, one plan per zone.

    \b
    Example:
      collabnet plan invite datasets/brussels --zone Zuid --seats 5
      collabnet plan invite datasets/brussels --zone south --seats 3 --out invite.csv --lang nl
    """
    from collabnet.planning import plan_invite

    ds, zones = _load(dataset, at, quiet, pseudonymise, key_file, zone)
    plans = [plan_invite(ds.graph_at(level), z, seats) for z in zones]
    _finish(ds, level, plans, as_json, out, quiet, lang, _invite_text)


@plan.command()
@_common
@zone_option
@click.option("--count", type=int, callback=at_least_one("count_at_least_one"), default=5, show_default=True, metavar="K",
              help="Number of introductions.")
@handle_errors
def introduce(dataset, at, lang, as_json, out, level, quiet, pseudonymise, key_file, zone,
              count) -> None:
    """The K new ties that most reduce the zone's gaps (isolated actors, unlinked sector pairs, line and
    language gaps), each with the partner who can make the introduction, and the zone's figures before and
    after. Without --zone, one plan per zone.

    \b
    Example:
      collabnet plan introduce datasets/brussels --zone south --count 3
      collabnet plan introduce datasets/brussels --zone Sud --json
    """
    from collabnet.planning import plan_introductions

    ds, zones = _load(dataset, at, quiet, pseudonymise, key_file, zone)
    plans = [plan_introductions(ds.graph_at(level), z, count) for z in zones]
    _finish(ds, level, plans, as_json, out, quiet, lang, _introduce_text)


@plan.command()
@_common
@click.option("--actor", "actor", required=True, metavar="ID",
              help="The actor who leaves (id, or its exact name).")
@click.option("--with-staff", is_flag=True, help="For an organisation: its staff leave with it.")
@handle_errors
def leave(dataset, at, lang, as_json, out, level, quiet, pseudonymise, key_file, actor,
          with_staff) -> None:
    """What breaks if an actor leaves: sector pairs, the line and language links that lose their last
    link (in its zone and region-wide), actors left isolated or cut off, and who can take over.

    On the organisation graph (the default) an organisation leaves with its people; for a person of an
    organisation, the answer is which of the organisation's links rest on that person alone and what the
    organisation would no longer reach (turnover: ask a second person to join). --with-staff is for
    --level actors.

    \b
    Example:
      collabnet plan leave datasets/brussels --actor brusano
      collabnet plan leave datasets/brussels --actor "OCMW Sint-Gillis" --lang nl --out leave.csv
      collabnet plan leave datasets/brussels --actor p-south-sc1190
    """
    from collabnet.planning import plan_leave
    from collabnet.planning.leave import plan_person_leave
    from collabnet.planning.scope import find_actor

    ds, _ = _load(dataset, at, quiet, pseudonymise, key_file, None)
    if pseudonymise and actor not in ds.graph:
        # a person's real id, as the user knows it: the dataset holds its pseudonym (same key)
        from collabnet.cli.common import _KEY
        from collabnet.privacy import pseudonym

        key = click.get_current_context().meta.get(_KEY)
        if key is not None and pseudonym(actor, key) in ds.graph:
            actor = pseudonym(actor, key)
    G = ds.graph_at(level)
    if level == "organisations" and actor not in G:
        who = find_actor(ds.graph, actor)  # a person of an organisation is no node of the organisation graph
        if who in (G.graph.get("folded") or {}):
            _finish(ds, level, [plan_person_leave(G, who)], as_json, out, quiet, lang, _person_leave_text)
            return
        actor = who
    _finish(ds, level, [plan_leave(G, actor, with_staff=with_staff)], as_json, out, quiet, lang, _leave_text)


def _load(dataset, at, quiet, pseudonymise, key_file, zone) -> tuple:
    """The dataset and the zones to plan for (the one asked, else every zone with actors)."""
    from collabnet.analyses.gaps import zone_members

    ds = load_or_exit(dataset, at, quiet=quiet, pseudonymise=pseudonymise, key_file=key_file)
    code = resolve_zone(ds, zone)
    return ds, [code] if code is not None else list(zone_members(ds.graph))


def _finish(ds, level: str, plans: list, as_json: bool, out: Path | None, quiet: bool, lang: str,
            render: Callable) -> None:
    from collabnet.words import Vocabulary

    words = Vocabulary.of(ds.graph_at(level), lang, groups=ds.groups)
    if out is not None:
        from collabnet.render.tables import ACTION_COLUMNS, action_rows
        from collabnet.writing import write_csv

        actions = [a for p in plans for a in p.actions()]
        try:
            write_csv(out, ACTION_COLUMNS, action_rows(actions, words))
        except OSError as exc:
            echo_err(say("cli.error", message=say("cli.cannot_write", path=out, error=exc.strerror or exc)))
            sys.exit(EXIT_UNUSABLE)
    if quiet:
        return
    if as_json:
        document = {"dataset": ds.name, "analysis_date": ds.at.isoformat(), "lang": lang,
                    "plans": [_plain(p, words) for p in plans]}
        click.echo(json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True))
        return
    blocks = [render(ds, p, words) for p in plans]
    if out is not None:
        blocks.append(say("cli.wrote_actions", sum(len(p.actions()) for p in plans), path=out))
    click.echo("\n\n".join(blocks))


def _plain(value, words):
    """A plan as JSON-ready values: records as objects, sentences in ``words``' language."""
    from collabnet.records.messages import Message

    if isinstance(value, Message):
        return words.say(value)
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name), words) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [_plain(v, words) for v in value]
    return value


def _zone(words, code: str) -> str:
    return f"{words.zone_name(code)} ({code})"


def _invite_text(ds, p, words) -> str:
    from collabnet.render.phrases import percent, requirements

    targets = words.count("plan.targets", len(p.targets))
    lines = [words.word("plan.invite.head", zone=_zone(words, p.zone), n=len(p.choices), seats=p.seats,
                        targets=targets)]
    if not p.choices:
        lines.append(words.word("report.plan.invite.none"))
        return "\n".join(lines)
    for c in p.choices:
        lines.append(f"  {c.rank}. {words.say(c.rationale)}" + (f"  {words.word('plan.forced')}" if c.forced else ""))
    if p.reached >= p.total:
        lines.append(words.word("plan.reached_all", total=f"{p.total:g}"))
    else:
        most = min(p.total, p.reached / p.guarantee) if p.guarantee else p.total
        share = percent(words, p.reached / p.total)
        lines.append(words.word("plan.reached", reached=f"{p.reached:g}", total=f"{p.total:g}", share=share,
                                seats=p.seats, most=f"{math.floor(most):g}"))
    if len(p.choices) < p.seats:
        lines.append(words.word("report.plan.fewer", n=len(p.choices), seats=p.seats))
    if p.unmet:
        lines.append(words.word("report.plan.unmet", n=p.seats_needed, what=requirements(words, p.unmet)))
    else:
        lines.append(words.word("report.plan.at_table", what=requirements(words, p.requirements)))
    return "\n".join(lines)


def _figures(f, words) -> str:
    from collabnet.render.phrases import number

    ei = "-" if f.ei is None else number(words, f.ei, 2)
    yes = {True: words.word("plan.yes"), False: words.word("plan.no")}
    return words.word("plan.figures", isolated=f.isolated, pairs=f.unlinked_sector_pairs, line=yes[f.line_gap],
                      language=yes[f.language_gap], ei=ei)


def _introduce_text(ds, p, words) -> str:
    lines = [words.word("plan.introduce.head", zone=_zone(words, p.zone), n=len(p.introductions), count=p.count)]
    lines += [f"  {i.rank}. {words.say(i.rationale)}" for i in p.introductions]
    lines.append(words.word("plan.before", figures=_figures(p.before, words)))
    lines.append(words.word("plan.after", figures=_figures(p.after, words)))
    return "\n".join(lines)


def _reasons(words, reasons) -> str:
    return ", ".join(words.coded("reason", r) for r in reasons) or words.word("plan.not_isolated")


def _person_leave_text(ds, leave, words) -> str:
    d = leave.departure
    lines = [words.word("plan.leave.person", who=f"{leave.name} ({leave.person})", organisation=leave.organisation_name,
                        zone=_zone(words, leave.zone)),
             f"  {words.say(leave.rationale)}"]
    if d.partners:
        lines.append("  " + words.word("plan.leave.links", names=", ".join(words.name(w) for w in d.partners)))
        lines.append("  " + words.word("plan.leave.then", organisation=leave.organisation_name,
                                       reasons=_reasons(words, d.reasons)))
        lines += [f"  {n}. {words.say(a.rationale)}" for n, a in enumerate(leave.actions(), 1)]
    return "\n".join(lines)


def _leave_text(ds, impact, words) -> str:
    who = impact.name if impact.name == impact.actor else f"{impact.name} ({impact.actor})"
    lines = [words.word("plan.leave.head", who=who, zone=_zone(words, impact.zone))]
    sections = (("plan.leave.broken", [f"[{words.zone_name(b.zone)}] {words.say(b.rationale)}" for b in impact.broken]),
                ("plan.leave.isolated", [words.say(i.rationale) for i in impact.isolated]),
                ("plan.leave.cut_off", [words.say(c.rationale) for c in impact.cut_off]))
    for key, items in sections:
        lines.append("  " + words.word(key, n=len(items) or words.word("plan.none")))
        lines += [f"    {n}. {text}" for n, text in enumerate(items, 1)]
    for before, after in zip(impact.before, impact.after):
        lines.append(words.word("plan.figures.before", zone=_zone(words, before.zone), figures=_figures(before, words)))
        lines.append(words.word("plan.figures.after", zone=_zone(words, before.zone), figures=_figures(after, words)))
    return "\n".join(lines)

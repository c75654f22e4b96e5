"""``collabnet view``: the interactive graph view, one offline HTML page."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from collabnet.cli.common import (
    EXIT_UNUSABLE,
    at_option,
    dataset_argument,
    default_out,
    echo_err,
    handle_errors,
    lang_option,
    load_or_exit,
    out_option,
    privacy_options,
    quiet_option,
    resolve_zone,
    zone_option,
)

__all__ = ["view"]

#: Reasons of isolated.csv drawn as "isolated": actors with at most one link outside their organisation.
ISOLATED_REASONS = ("no_ties", "single_tie")


@click.command()
@dataset_argument
@zone_option
@click.option("--colour", "--color", "colour", type=click.Choice(["sector", "family", "line", "language"]),
              default="sector", show_default=True, help="What the node colour shows.")
@click.option("--aggregate", type=click.Choice(["auto", "full", "organisations", "sectors"]), default="auto",
              show_default=True,
              help="full: every actor; organisations: persons folded into their organisation; sectors: one node "
                   "per sector. auto: organisations for the whole region, full for a zone.")
@lang_option
@out_option("HTML file to write (default: reports/<dataset name>/view-<zone or region>.<lang>.html).")
@at_option
@quiet_option
@privacy_options
@handle_errors
def view(dataset: Path | None, zone: str | None, colour: str, aggregate: str, lang: str, out: Path | None,
         at: str | None, quiet: bool, pseudonymise: bool, key_file: Path | None, include_contacts: bool) -> None:
    """Write an interactive view of the actor graph: one HTML page that works offline.

    Colour by sector, family, line or language; squares are organisations,
    dots persons, diamonds sectors; size grows with betweenness (brokerage);
    isolated actors (red dashed border: no or one link outside their
    organisation) and cut vertices (thick black border: their departure cuts
    a link between organisations) stand out; solid
    links are direct ties, dashed ones shared groups, dotted ones a person's
    own organisation. The page has a legend, a search by name, filters by
    zone, sector and line, and each actor's facts on hover. Positions are
    computed beforehand, so large zones open at once. A view never shows
    e-mail or phone, even with --include-contacts.

    \b
    Example:
      collabnet view datasets/brussels --zone Zuid --lang nl
      collabnet view datasets/brussels --aggregate sectors --colour family --out sectors.html
    """
    from collabnet.analyses.bridges import cut_vertices
    from collabnet.analyses.brokerage import betweenness
    from collabnet.analyses.gaps import REGION
    from collabnet.analyses.isolation import isolated_actors
    from collabnet.render.view import render_view
    from collabnet.writing import atomic_write_text, inside, safe_name

    ds = load_or_exit(dataset, at, quiet=quiet, pseudonymise=pseudonymise, key_file=key_file)
    code = resolve_zone(ds, zone)
    code = None if code == REGION else code
    G = ds.graph
    highlight: dict = {v: "isolated" for v in {row.actor for row in isolated_actors(G)
                                               if row.reason in ISOLATED_REASONS}}
    highlight.update((v, "cut_vertex") for v in cut_vertices(_without_inner_persons(G)))
    zones = {z: ds.zone_name(z, lang) for z in {z for _, z in G.nodes(data="zone") if z}}
    html = render_view(G, colour=colour, zone=code, highlight=highlight, sizes=betweenness(G),
                       aggregate=None if aggregate == "auto" else aggregate, lang=lang,
                       labels=ds.sector_names(lang), zone_labels=zones)
    target = out if out is not None else inside(default_out(ds.name),
                                                f"view-{safe_name(code or REGION)}.{lang}.html")
    try:
        atomic_write_text(target, html)
    except OSError as exc:
        echo_err(f"Error: cannot write {target}: {exc.strerror or exc}")
        sys.exit(EXIT_UNUSABLE)
    if not quiet:
        click.echo(str(target))


def _without_inner_persons(G):
    """The graph without persons linked only inside their own organisation.

    Such a person hangs on its organisation; drawing the organisation as a cut
    vertex because of it would mark nearly every employer. What remains are
    the actors whose departure cuts a link between organisations.
    """
    from collabnet.graph import same_organisation

    inner = {v for v, kind in G.nodes(data="kind")
             if kind == "person" and all(same_organisation(G, v, w) for w in G.adj[v])}
    return G.subgraph(v for v in G if v not in inner)

"""``collabnet export``: the actor graph for Gephi, Cytoscape, Kumu, spreadsheets and scripts."""

from __future__ import annotations

from pathlib import Path

import click

from collabnet.cli.common import (
    at_option,
    contacts_option,
    dataset_argument,
    default_out,
    handle_errors,
    lang_option,
    load_or_exit,
    out_option,
    privacy_options,
    quiet_option,
    resolve_zone,
    say,
    zone_option,
)

__all__ = ["export"]

#: Default file (or folder, for csv) name per format.
DEFAULT_NAMES = {"gexf": "graph{zone}.gexf", "graphml": "graph{zone}.graphml", "json": "graph{zone}.json",
                 "cytoscape": "graph{zone}.cyjs", "csv": "graph{zone}-csv", "kumu": "graph{zone}-kumu.xlsx"}


@click.command()
@dataset_argument
@click.option("--format", "-f", "fmt", type=click.Choice(list(DEFAULT_NAMES), case_sensitive=False), required=True,
              help="gexf (GEXF 1.3, Gephi), graphml (Gephi, Cytoscape, yEd, igraph), json (networkx node-link), "
                   "cytoscape (Cytoscape.js / Cytoscape desktop JSON), csv (a dataset folder collabnet reads back: "
                   "actors.csv, ties.csv, memberships.csv, groups.csv, sectors.csv, plus edges.csv) or kumu (an "
                   ".xlsx with the Elements and Connections sheets Kumu imports).")
@out_option("File to write, or folder for csv (default: reports/<dataset name>/graph[-<zone>].<ext>).")
@zone_option
@at_option
@lang_option
@quiet_option
@privacy_options
@contacts_option
@handle_errors
def export(dataset: Path | None, fmt: str, out: Path | None, zone: str | None, at: str | None, lang: str,
           quiet: bool, pseudonymise: bool, key_file: Path | None, include_contacts: bool) -> None:
    """Export the actor graph with every node and edge attribute.

    Nodes are the actors active on the analysis date, edges their ties,
    shared groups and affiliations (attributes: weight, origin, ties,
    tie_types, groups), each with a stable id. Lists such as sectors are
    written 'a|b' where a format holds single values. Kumu's types, tags and
    descriptions are in --lang. E-mail and phone are added only with
    --include-contacts. Same input, same bytes.

    \b
    Example:
      collabnet export datasets/brussels --format gexf
      collabnet export datasets/brussels --format kumu --zone Zuid --lang nl --out zuid-kumu.xlsx
      collabnet export datasets/brussels --format csv --out edited/ && collabnet analyze edited/
    """
    from collabnet.analyses.gaps import REGION
    from collabnet.render.export import export_graph
    from collabnet.writing import inside, safe_name

    ds = load_or_exit(dataset, at, quiet=quiet, pseudonymise=pseudonymise, key_file=key_file,
                      include_contacts=include_contacts)
    code = resolve_zone(ds, zone)
    G = ds.graph
    if code is not None and code != REGION:
        G = G.subgraph(v for v, z in G.nodes(data="zone") if z == code).copy()
    suffix = f"-{safe_name(code)}" if code is not None else ""
    target = out if out is not None else inside(default_out(ds.name), DEFAULT_NAMES[fmt].format(zone=suffix))
    tables = {"ties": ds.ties, "memberships": ds.memberships, "groups": ds.groups, "sectors": ds.sectors}
    written = export_graph(G, fmt, target, actors=ds.actors, include_contacts=include_contacts, lang=lang,
                           tables=tables)
    if not quiet:
        click.echo(say("cli.exported", path=written, actors=say("count.actors", G.number_of_nodes()),
                       links=say("count.edges", G.number_of_edges())))

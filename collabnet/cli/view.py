"""``collabnet view``: the interactive graph view, one offline HTML page."""

from __future__ import annotations

from pathlib import Path

import click

from collabnet.cli.common import (
    at_option,
    check_since,
    dataset_argument,
    default_out,
    handle_errors,
    lang_option,
    level_option,
    load_or_exit,
    out_option,
    privacy_options,
    quiet_option,
    resolve_zone,
    say,
    since_option,
    zone_option,
)

__all__ = ["view"]

@click.command()
@dataset_argument
@zone_option
@click.option("--colour", "--color", "colour", type=click.Choice(["sector", "family", "line", "language"], case_sensitive=False),
              default="sector", show_default=True, help="What the node colour shows.")
@click.option("--aggregate", type=click.Choice(["auto", "full", "organisations", "sectors"], case_sensitive=False),
              default="auto", show_default=True,
              help="full: every actor; organisations: persons folded into their organisation; sectors: one node "
                   "per sector. auto: organisations for the whole region, full for a zone.")
@lang_option
@out_option("HTML file to write, or a folder to write view-<zone or region>.<lang>.html into "
            "(default: reports/<dataset name>/).")
@at_option
@since_option("Colour the links new since this date (green) and add those lost since then (red, dashed).")
@level_option
@quiet_option
@privacy_options
@handle_errors
def view(dataset: Path | None, zone: str | None, colour: str, aggregate: str, lang: str, out: Path | None,
         at: str | None, since, level: str, quiet: bool, pseudonymise: bool, key_file: Path | None) -> None:
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

    --since DATE shows what changed since then: links new since DATE in
    green, links lost since DATE (between actors still there) in red and
    dashed, the others as usual; the legend and tooltips say which.

    \b
    Example:
      collabnet view datasets/brussels --zone Zuid --lang nl
      collabnet view datasets/brussels --aggregate sectors --colour family --out sectors.html
      collabnet view datasets/brussels --zone Zuid --since 2024-01-01
    """
    from collabnet.analyses import analyse
    from collabnet.codes import REGION
    from collabnet.progress import Progress
    from collabnet.render.view import view_html, view_name
    from collabnet.writing import atomic_write_text

    if since is not None and aggregate == "sectors":
        raise click.UsageError(say("cli.view.since_sectors"))
    ds = load_or_exit(dataset, at, quiet=quiet, pseudonymise=pseudonymise, key_file=key_file)
    check_since(ds, since)
    code = resolve_zone(ds, zone)
    code = None if code == REGION else code
    progress = Progress(enabled=not quiet, lang=lang)
    result = analyse(ds, level=level, progress=progress)
    with progress.step("view"):
        before = ds.on(since).graph_at(level) if since is not None else None  # that date's links, no analysis
        html = view_html(result, zone=code, colour=colour, aggregate=None if aggregate == "auto" else aggregate,
                         lang=lang, before=before)
    target = _target(out, default_out(ds.name), view_name(code, lang))
    atomic_write_text(target, html)
    if not quiet:
        click.echo(str(target))



def _target(out: Path | None, default: Path, name: str) -> Path:
    """The file to write: ``out``; ``name`` inside ``out`` when it is a folder (or ends with a slash); else
    ``name`` inside ``default``.

    >>> import tempfile; folder = Path(tempfile.mkdtemp())
    >>> _target(folder, Path("reports"), "view-south.nl.html") == folder / "view-south.nl.html"
    True
    >>> _target(Path("mine.html"), Path("reports"), "view-south.nl.html")
    PosixPath('mine.html')
    """
    from collabnet.writing import inside

    if out is None:
        return inside(default, name)
    if out.is_dir() or str(out).endswith(("/", "\\")):
        return inside(out, name)
    return out

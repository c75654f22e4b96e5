"""``collabnet bench``: time the whole pipeline on synthetic regions and compare with plain networkx."""

from __future__ import annotations

import json
from pathlib import Path

import click

__all__ = ["bench"]


@click.command()
@click.option("--sizes", default="1000,5000,50000", show_default=True, metavar="N,N,...",
              help="Numbers of organisations of the synthetic regions (about 5 actors each).")
@click.option("--runs", type=click.IntRange(min=1), default=3, show_default=True,
              help="Runs per size; the table shows medians.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the Markdown table to this file.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the raw measurements as JSON.")
@click.option("--baseline-timeout", type=float, default=120.0, show_default=True, metavar="SECONDS",
              help="Stop each plain networkx step after this long (reported as 'timeout > SECONDS').")
@click.option("--check", type=int, default=1000, show_default=True, metavar="N",
              help="Size at which the betweenness approximation is compared with exact betweenness.")
@click.option("--workdir", type=click.Path(file_okay=False, path_type=Path),
              help="Keep the synthetic datasets and raw results here (default: a temporary folder).")
@click.option("-q", "--quiet", is_flag=True, help="No progress lines on stderr.")
def bench(sizes: str, runs: int, out: Path | None, json_out: Path | None, baseline_timeout: float, check: int,
          workdir: Path | None, quiet: bool) -> None:
    """Benchmark load, graph, every analysis, tables, reports and views on synthetic regions.

    For each size: a synthetic region (collabnet synth, seed 42), measured in
    a fresh process: the median time of each stage over --runs runs, the
    whole 'analyze --report' run, the peak memory; plain networkx on the same
    graph for the ratio; and, at --check organisations, how well the
    betweenness approximation used on large graphs finds each zone's top 10
    brokers. Prints a Markdown table (the README's benchmark section).
    The full default run takes a long time (the 50,000 size most of it).

    \b
    Example:
      collabnet bench --sizes 1000,5000 --runs 3 --out benchmark.md
      collabnet bench --sizes 50000 --runs 1 --baseline-timeout 60
    """
    from collabnet.devtools.benchmark import markdown, run_benchmark

    try:
        numbers = [int(x) for x in sizes.split(",") if x.strip()]
    except ValueError:
        raise click.BadParameter(f"not a comma-separated list of numbers: {sizes!r}", param_hint="'--sizes'") from None
    if not numbers:
        raise click.BadParameter("give at least one size", param_hint="'--sizes'")
    try:
        results = run_benchmark(numbers, runs=runs, baseline_timeout=baseline_timeout, check=check, workdir=workdir,
                                log=None if quiet else (lambda text: click.echo(text, err=True)))
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="'--sizes'") from None
    text = markdown(results)
    if out is not None:
        out.write_text(text, encoding="utf-8")
    if json_out is not None:
        json_out.write_text(json.dumps(results, indent=1), encoding="utf-8")
    click.echo(text, nl=False)

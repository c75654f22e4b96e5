"""Benchmark: the whole pipeline on synthetic regions, against plain networkx.

``python -m collabnet.devtools.benchmark`` (or ``collabnet bench``) generates a
synthetic region per size (:func:`collabnet.devtools.synth.generate`, seed 42) and, in
a fresh Python process per size (so that the peak memory is that size's),
times ``runs`` times each stage of ``collabnet analyze --report``: load,
graph, the analysis (isolation, each brokerage measure, gaps, actions), the
contract tables, the reports and the views, and the whole run from load to
views. It reports the median of the runs and the peak resident memory
(``ru_maxrss``) of the process. It also times the command itself,
``collabnet analyze DATASET --report``, ``runs`` times in a new process each
(:func:`measure_command`: the wall time a user waits, imports included, and
the peak memory of that process and the processes it forks).

On the same graph it then runs a plain networkx implementation of the same
measures, once, each step in a forked child that is stopped after
``baseline_timeout`` seconds: ``networkx.betweenness_centrality`` (exact,
or with the same number of sampled sources as collabnet; when that cannot
finish in time, its time is extrapolated from :data:`PROBE_SOURCES`
sources), ``constraint``, ``effective_size`` on an unweighted copy (not
tried when its dense n x n matrix would exceed :data:`DENSE_LIMIT`), and
Gould-Fernandez brokerage as a loop over pairs of neighbours. The ratio of
the two times is the speed-up; the largest difference between the two
results checks that they compute the same thing.

At the size given by ``check`` (1,000 organisations by default) it also
measures the error of the betweenness approximation used above
:data:`~collabnet.analyses.brokerage.EXACT_MAX` nodes: the top 10 brokers
of every zone (by rank in brokers.csv, and by betweenness alone) with the
approximation against the same with exact betweenness.

Examples
--------
>>> print(format_seconds(0.0123), format_seconds(12.34), format_seconds(None))
0.012 s 12.3 s -
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import multiprocessing
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

__all__ = ["STAGES", "BASELINE_STEPS", "run_benchmark", "measure_size", "measure_command", "markdown", "main",
           "format_seconds", "naive_gould_fernandez"]

#: Sizes (organisations) of the default run.
DEFAULT_SIZES = (1000, 5000, 50000)
#: Timed stages, in table order: (key, label). ``analyze`` is the whole run from load to views.
STAGES = (
    ("load", "load (read + validate)"),
    ("graph", "graph"),
    ("isolation", "isolation"),
    ("betweenness", "betweenness"),
    ("constraint", "constraint"),
    ("effective_size", "effective size"),
    ("gould_fernandez", "Gould-Fernandez brokerage"),
    ("cut_vertices", "cut vertices"),
    ("brokers", "broker table (all measures)"),
    ("gaps", "gaps"),
    ("actions", "actions"),
    ("analyse", "analyse (all analyses)"),
    ("tables", "tables (CSV, JSON, xlsx)"),
    ("reports", "reports"),
    ("views", "views"),
    ("analyze", "**analyze with reports and views**"),
)
#: Plain networkx steps of the baseline: (key, label, matching collabnet stage).
BASELINE_STEPS = (
    ("betweenness", "betweenness_centrality", "betweenness"),
    ("constraint", "constraint", "constraint"),
    ("effective_size", "effective_size (unweighted copy)", "effective_size"),
    ("gould_fernandez", "Gould-Fernandez (loop over neighbour pairs)", "gould_fernandez"),
)
#: Sources timed first for networkx's betweenness; its whole time is extrapolated when too long to run.
PROBE_SOURCES = 16
#: networkx's effective_size builds a dense n x n float matrix; above this many bytes it is not tried.
DENSE_LIMIT = 2 * 1024**3
TOP = 10


def format_seconds(value: float | None) -> str:
    """Seconds for the table: 3 decimals below 1 s, else 1 decimal; ``-`` when missing."""
    if value is None:
        return "-"
    return f"{value:.3f} s" if value < 1 else f"{value:.1f} s"


# --------------------------------------------------------------------------- one size, in its own process
def measure_size(folder: str | Path, runs: int = 3, baseline_timeout: float = 120.0, check: bool = False,
                 log: Callable[[str], None] = lambda text: None) -> dict:
    """Time every stage ``runs`` times on the dataset in ``folder``; baseline and approximation check.

    Meant to run in a fresh process (peak memory is the process's). Returns
    a JSON-ready dict: ``counts``, ``times`` (stage -> list of seconds),
    ``peak_rss`` (bytes), ``baseline`` (step -> result), ``k`` (sources of
    the sampled betweenness, None when exact) and ``check`` (or None).
    """
    import collabnet
    from collabnet.analyses import brokerage

    folder = Path(folder)
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    at = truth["analysis_date"]
    times: dict[str, list[float]] = {key: [] for key, _ in STAGES}
    scratch = Path(tempfile.mkdtemp(prefix="collabnet-bench-"))
    try:
        for run in range(runs):
            log(f"run {run + 1}/{runs}")
            dataset, result = _pipeline(folder, at, scratch / f"run{run}", times, log)
            _analyses(dataset, times, log)
            del dataset, result
        peak = _peak_rss()
        dataset = collabnet.load(folder, at=at)
        G = dataset.graph
        n = G.number_of_nodes()
        k = None if n <= brokerage.EXACT_MAX or brokerage.SAMPLE_SOURCES >= n else brokerage.SAMPLE_SOURCES
        baseline = _baseline(G, k, baseline_timeout, log)
        checked = _check_approximation(G, log) if check else None
        levels = {level: _side_by_side(dataset.graph_at(level), runs, baseline_timeout, log, level)
                  for level in ("organisations", "actors")}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    counts = dict(truth.get("counts", {}))
    counts["nodes"], counts["edges"] = n, G.number_of_edges()
    return {"counts": counts, "times": times, "peak_rss": peak, "baseline": baseline, "k": k, "check": checked,
            "runs": runs, "levels": levels}


# --------------------------------------------------------------------------- python-igraph, side by side
IGRAPH_MEASURES = ("betweenness", "constraint", "articulation points", "brokerage (loop over neighbour pairs)")


def _igraph_measures(G) -> tuple[float, dict]:
    """python-igraph's exact measures on ``G`` (seconds, and its betweenness normalised as collabnet's)."""
    import igraph

    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    graph = igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in G.edges() if u != v])
    sector = [G.nodes[v].get("sector") for v in nodes]
    start = time.perf_counter()
    values = graph.betweenness(directed=False)
    graph.constraint()
    graph.articulation_points()
    around = [set(a) for a in graph.get_adjlist()]
    for v, contacts in enumerate(around):  # Gould-Fernandez roles by sector, as naive_gould_fernandez
        known = [w for w in contacts if sector[w] is not None]
        for a, b in itertools.combinations(known, 2):
            if b not in around[a]:
                _ = (sector[a] == sector[b], sector[v] in (sector[a], sector[b]))
    seconds = time.perf_counter() - start
    n = len(nodes)
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    return seconds, {v: x * scale for v, x in zip(nodes, values)}


def _igraph_child(connection, G) -> None:
    connection.send(_igraph_measures(G))
    connection.close()


def _side_by_side(G, runs: int, timeout: float, log: Callable[[str], None], level: str) -> dict:
    """collabnet's exact measures (and its default betweenness) against python-igraph's on the same graph."""
    from collabnet.analyses import brokerage
    from collabnet.analyses.bridges import cut_vertices
    from collabnet.runtime import collector_paused

    ours = []
    with collector_paused():
        for _ in range(runs):
            start = time.perf_counter()
            cuts = cut_vertices(G)  # as analyse runs them: the cut vertices once, then the table with them
            table = brokerage.broker_table(G, cuts=cuts)  # betweenness, constraint, brokerage, ...
            ours.append(time.perf_counter() - start)
    found = {"nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "collabnet": ours,
             "method": table.attrs.get("betweenness")}
    try:
        import igraph  # noqa: F401
    except ImportError:
        found["igraph"] = {"skipped": "python-igraph not installed (pip install 'collabnet[bench]')"}
        return found
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_igraph_child, args=(child, G), daemon=True)
    process.start()
    child.close()
    if parent.poll(timeout):
        seconds, exact = parent.recv()
        reference = _tops(brokerage.rank_brokers(table, exact))
        agreement = _overlap(reference, _tops(table))
        found["igraph"] = {"seconds": seconds,
                           "top10": {z: [v[0], len(reference[z][0])] for z, v in agreement.items()}}
    else:
        found["igraph"] = {"timeout": timeout}
    process.kill()
    process.join()
    log(f"  {level}: collabnet {ours}, igraph {found['igraph']}")
    return found


def _timed(times: dict, key: str, function: Callable[[], Any], log: Callable[[str], None]) -> Any:
    start = time.perf_counter()
    value = function()
    elapsed = time.perf_counter() - start
    times[key].append(elapsed)
    log(f"  {key:<16} {format_seconds(elapsed)}")
    return value


def _pipeline(folder: Path, at: str, out: Path, times: dict, log: Callable[[str], None]):
    """``collabnet analyze --report`` as the command runs it: load, graph, analyse, tables, reports, views."""
    import collabnet
    from collabnet.analyses.run import analyse
    from collabnet.render.report import render_reports
    from collabnet.render.tables import write_analysis
    from collabnet.render.view import render_views
    from collabnet.words import Vocabulary

    start = time.perf_counter()
    dataset = _timed(times, "load", lambda: collabnet.load(folder, at=at), log)
    _timed(times, "graph", lambda: dataset.graph, log)
    result = _timed(times, "analyse", lambda: analyse(dataset), log)
    _timed(times, "tables", lambda: write_analysis(result, out, Vocabulary.for_analysis(result, "en")), log)
    _timed(times, "reports", lambda: render_reports(result, out), log)
    _timed(times, "views", lambda: render_views(result, out), log)
    times["analyze"].append(time.perf_counter() - start)
    log(f"  {'analyze':<16} {format_seconds(times['analyze'][-1])}")
    return dataset, result


def _analyses(dataset, times: dict, log: Callable[[str], None]) -> None:
    """Each analysis on its own, on the graph the pipeline built."""
    from collabnet.analyses import brokerage
    from collabnet.analyses.actions import recommend_actions
    from collabnet.analyses.bridges import cut_vertices
    from collabnet.analyses.gaps import find_gaps
    from collabnet.analyses.isolation import isolated_actors
    from collabnet.graph import open_groups
    from collabnet.runtime import collector_paused

    G = dataset.graph
    with collector_paused():  # as analyse() runs them
        isolated = _timed(times, "isolation", lambda: isolated_actors(G), log)
        _timed(times, "betweenness", lambda: brokerage.betweenness(G), log)
        _timed(times, "constraint", lambda: brokerage.constraint(G), log)
        _timed(times, "effective_size", lambda: brokerage.effective_size(G), log)
        _timed(times, "gould_fernandez", lambda: brokerage.gould_fernandez(G), log)
        _timed(times, "cut_vertices", lambda: cut_vertices(G), log)
        brokers = _timed(times, "brokers", lambda: brokerage.broker_table(G), log)
        gaps = _timed(times, "gaps", lambda: find_gaps(G), log)
        _timed(times, "actions", lambda: recommend_actions(G, isolated, brokers, gaps,
                                                           groups=open_groups(dataset.groups, dataset.at)), log)


def _peak_rss() -> int:
    """Peak resident memory of this process, in bytes (Linux reports kilobytes, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


# --------------------------------------------------------------------------- plain networkx
def naive_gould_fernandez(G, attribute: str = "sector") -> dict:
    """Gould-Fernandez roles the plain way: every pair of neighbours of every node (the baseline).

    Same definition as :func:`collabnet.analyses.brokerage.gould_fernandez`.

    >>> import networkx as nx
    >>> G = nx.Graph([("nurse", "gp1"), ("nurse", "gp2"), ("nurse", "cpas")])
    >>> nx.set_node_attributes(G, {"nurse": "home_care", "gp1": "medical", "gp2": "medical",
    ...                            "cpas": "social_assistance"}, "sector")
    >>> naive_gould_fernandez(G)["nurse"]
    {'coordinator': 0, 'itinerant': 1, 'representative': 0, 'liaison': 2}
    """
    roles = {}
    for v in G:
        counts = {"coordinator": 0, "itinerant": 0, "representative": 0, "liaison": 0}
        own = G.nodes[v].get(attribute)
        if own is not None:
            contacts = [w for w in G[v] if w != v and G.nodes[w].get(attribute) is not None]
            for a, b in itertools.combinations(contacts, 2):
                if G.has_edge(a, b):
                    continue
                x, y = G.nodes[a][attribute], G.nodes[b][attribute]
                if x == y:
                    counts["coordinator" if x == own else "itinerant"] += 1
                elif own in (x, y):
                    counts["representative"] += 1
                else:
                    counts["liaison"] += 1
        roles[v] = counts
    return roles


def _baseline_step(G, key: str, k: int | None):
    import networkx as nx

    if key == "betweenness":
        return nx.betweenness_centrality(G, k=k, seed=42)
    if key == "constraint":
        return nx.constraint(G)
    if key == "effective_size":
        return nx.effective_size(nx.Graph(G.edges()))
    return naive_gould_fernandez(G)


def _agreement(G, key: str, theirs: dict, k: int | None) -> float | None:
    """Largest difference between networkx's values and collabnet's (None when not comparable)."""
    import math

    from collabnet.analyses import brokerage

    if key == "betweenness":
        ours = brokerage.betweenness(G, k=k, seed=42)  # the networkx-compatible sample when k is given
    elif key == "constraint":
        ours = brokerage.constraint(G)
    elif key == "effective_size":
        ours = brokerage.effective_size(G)
    else:
        ours = brokerage.gould_fernandez(G)
        return float(max((abs(ours[v][r] - theirs[v][r]) for v in G for r in ours[v]), default=0))
    pairs = [(ours[v], theirs.get(v)) for v in G if G.degree(v) > 0]
    return float(max((abs(a - b) for a, b in pairs if b is not None and not math.isnan(b)), default=0.0))


def _run_child(connection, G, key: str, k: int | None, timeout: float) -> None:
    if key == "betweenness":
        # Time per source from a few sources first; when the whole run could not finish, send that estimate.
        import networkx as nx

        sources = k or G.number_of_nodes()
        if sources > PROBE_SOURCES:
            start = time.perf_counter()
            nx.betweenness_centrality(G, k=PROBE_SOURCES, seed=42)
            estimate = (time.perf_counter() - start) / PROBE_SOURCES * sources
            if estimate > 0.8 * timeout:
                connection.send({"estimate": estimate, "probe": PROBE_SOURCES})
                connection.close()
                return
    start = time.perf_counter()
    values = _baseline_step(G, key, k)
    elapsed = time.perf_counter() - start
    connection.send({"seconds": elapsed, "max_difference": _agreement(G, key, values, k)})
    connection.close()


def _baseline(G, k: int | None, timeout: float, log: Callable[[str], None]) -> dict:
    """Each plain networkx step in a forked child, stopped after ``timeout`` seconds."""
    n = G.number_of_nodes()
    results = {}
    for key, _, _ in BASELINE_STEPS:
        if key == "effective_size" and 8 * n * n > DENSE_LIMIT:
            results[key] = {"skipped": f"dense {n:,} x {n:,} matrix ({8 * n * n / 1024**3:.0f} GiB)"}
            log(f"  networkx {key}: skipped ({results[key]['skipped']})")
            continue
        context = multiprocessing.get_context("fork")
        parent, child = context.Pipe(duplex=False)
        process = context.Process(target=_run_child, args=(child, G, key, k, timeout), daemon=True)
        process.start()
        child.close()
        if parent.poll(timeout):
            try:
                results[key] = parent.recv()
            except EOFError:
                results[key] = {"skipped": "failed"}
        else:
            results[key] = {"timeout": timeout}
        process.kill()
        process.join()
        log(f"  networkx {key}: {results[key]}")
    return results


# --------------------------------------------------------------------------- betweenness approximation
def _check_approximation(G, log: Callable[[str], None], seeds: Sequence[int] = (42, 1, 2, 3, 4)) -> dict:
    """Top 10 per zone with the approximation (each seed) and with networkx-style uniform sampling, vs exact."""
    from collabnet.analyses import brokerage

    log("  betweenness approximation check")
    start = time.perf_counter()
    exact = brokerage.betweenness(G, exact_max=G.number_of_nodes())
    exact_seconds = time.perf_counter() - start
    table = brokerage.broker_table(G, betweenness=exact)
    reference = _tops(table)
    approximations = {}
    for seed in seeds:
        start = time.perf_counter()
        values = brokerage.betweenness(G, exact_max=0, seed=seed)
        approximations[str(seed)] = {"seconds": time.perf_counter() - start,
                                     "overlap": _overlap(reference, _tops(brokerage.rank_brokers(table, values)))}
    k = min(brokerage.SAMPLE_SOURCES, G.number_of_nodes())
    uniform = _overlap(reference, _tops(brokerage.rank_brokers(table, brokerage.betweenness(G, k=k, seed=42))))
    return {"k": brokerage.SAMPLE_SOURCES, "exact_seconds": exact_seconds,
            "zones": table.groupby("zone").size().to_dict(), "approximation": approximations, "uniform": uniform}


def _tops(table) -> dict:
    """Zone -> (top 10 by broker rank, top 10 by betweenness alone; ties to the smaller id)."""
    tops = {}
    for zone, rows in table.groupby("zone", sort=True):
        by_rank = rows.sort_values("rank")["actor"].tolist()[:TOP]
        by_value = sorted(zip(rows["actor"], rows["betweenness"]), key=lambda x: (-x[1], str(x[0])))
        tops[zone] = (by_rank, [a for a, _ in by_value[:TOP]])
    return tops


def _overlap(reference: dict, found: dict) -> dict:
    return {zone: [len(set(reference[zone][i]) & set(found.get(zone, ([], []))[i])) for i in (0, 1)]
            for zone in reference}


# --------------------------------------------------------------------------- all sizes
def run_benchmark(sizes: Sequence[int] = DEFAULT_SIZES, runs: int = 3, baseline_timeout: float = 120.0,
                  check: int | None = 1000, workdir: str | Path | None = None,
                  log: Callable[[str], None] | None = None) -> dict:
    """Generate each size, measure it in a fresh process; return the results (see :func:`markdown`).

    ``log`` receives progress lines (the measuring processes write theirs to
    stderr); None: quiet.
    """
    from collabnet.devtools.synth import MAX_ORGS, MIN_ORGS, generate

    for size in sizes:
        if not MIN_ORGS <= size <= MAX_ORGS:
            raise ValueError(f"a size is a number of organisations from {MIN_ORGS:,} to {MAX_ORGS:,}, not {size:,}")
    quiet = log is None
    log = log or _silent
    base = Path(workdir) if workdir is not None else Path(tempfile.mkdtemp(prefix="collabnet-bench-data-"))
    results = {}
    try:
        for size in sizes:
            folder = base / f"synth-{size}"
            log(f"N = {size:,}: generating {folder}")
            start = time.perf_counter()
            generate(size, seed=42, out=folder)
            synth_seconds = time.perf_counter() - start
            output = base / f"result-{size}.json"
            command = [sys.executable, "-m", "collabnet.devtools.benchmark", "--worker", str(folder), "--runs", str(runs),
                       "--baseline-timeout", str(baseline_timeout), "--result", str(output)]
            if size == check:
                command.append("--check-approximation")
            if quiet:
                command.append("--quiet")
            log(f"N = {size:,}: measuring in a new process")
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            results[size] = json.loads(output.read_text(encoding="utf-8"))
            results[size]["synth_seconds"] = synth_seconds
            log(f"N = {size:,}: timing the command as a user runs it")
            results[size]["command"] = measure_command(folder, runs, base / f"command-{size}")
    finally:
        if workdir is None:
            shutil.rmtree(base, ignore_errors=True)
    return {"sizes": results, "machine": _machine(), "date": dt.date.today().isoformat()}


def measure_command(folder: str | Path, runs: int, out: str | Path) -> dict:
    """``collabnet analyze DATASET --report`` as a user runs it, ``runs`` times, each in a new Python process.

    Returns ``seconds`` (wall time of each run, from start to exit, imports
    included) and ``peak_rss`` (bytes: the largest resident memory of the
    process or of the processes it forked, from ``wait4``).
    """
    folder = Path(folder)
    at = json.loads((folder / "truth.json").read_text(encoding="utf-8"))["analysis_date"]
    command = [sys.executable, "-m", "collabnet", "analyze", str(folder), "--at", at, "--out", str(out), "--report",
               "-q"]
    seconds, peak = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        seconds.append(time.perf_counter() - start)
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        if process.returncode:
            raise subprocess.CalledProcessError(process.returncode, command)
        peak = max(peak, usage.ru_maxrss if sys.platform == "darwin" else usage.ru_maxrss * 1024)
    return {"seconds": seconds, "peak_rss": peak}


def _silent(text: str) -> None:
    pass


def _machine() -> dict:
    import networkx
    import numpy
    import scipy

    return {"cores": os.cpu_count(), "python": platform.python_version(), "networkx": networkx.__version__,
            "scipy": scipy.__version__, "numpy": numpy.__version__, "system": platform.system()}


# --------------------------------------------------------------------------- Markdown
def markdown(results: dict) -> str:
    """The benchmark as Markdown tables: stages x sizes (medians), peak memory, networkx ratios, approximation."""
    sizes = results["sizes"]
    keys = list(sizes)
    head = "| | " + " | ".join(f"N = {int(s):,}" for s in keys) + " |\n|---|" + "---|" * len(keys) + "\n"
    lines = [f"Machine: {results['machine']['cores']} cores, Python {results['machine']['python']}, "
             f"networkx {results['machine']['networkx']}, scipy {results['machine']['scipy']}; "
             f"{results['date']}. Median of {_runs(sizes[keys[0]]['runs'])} per size, each size in a fresh process.",
             "", head.rstrip("\n")]
    lines.append("| actors / edges | " + " | ".join(f"{sizes[s]['counts']['nodes']:,} / {sizes[s]['counts']['edges']:,}"
                                                for s in keys) + " |")
    lines.append("| memberships / ties (rows) | " + " | ".join(
        f"{sizes[s]['counts'].get('memberships', 0):,} / {sizes[s]['counts'].get('ties', 0):,}" for s in keys) + " |")
    for key, label in STAGES:
        cells = []
        for s in keys:
            values = sizes[s]["times"].get(key) or []
            cell = format_seconds(statistics.median(values)) if values else "-"
            if key == "betweenness":
                cell += " (exact)" if sizes[s]["k"] is None else f" (k = {sizes[s]['k']:,})"
            cells.append(f"**{cell}**" if key == "analyze" else cell)
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines.append("| **peak memory (RSS)** | " + " | ".join(f"**{sizes[s]['peak_rss'] / 1024**3:.2f} GiB**"
                                                         for s in keys) + " |")
    if all("command" in sizes[s] for s in keys):
        lines.append("| **`collabnet analyze --report` in a new process** | " + " | ".join(
            f"**{format_seconds(statistics.median(sizes[s]['command']['seconds']))}, "
            f"{sizes[s]['command']['peak_rss'] / 1024**3:.2f} GiB**" for s in keys) + " |")
    if len(keys) > 1:
        lines += ["", *_growth_lines(sizes, keys[0], keys[-1])]
    lines += ["", "Plain networkx on the same graph (one run; each step stopped after the time limit; a betweenness "
              "run too long for it is timed on a few sources and extrapolated), the speed-up (networkx time / "
              "collabnet median) and the largest difference between the two results:", "", head.rstrip("\n")]
    for key, label, stage in BASELINE_STEPS:
        cells = []
        for s in keys:
            found = sizes[s]["baseline"].get(key, {})
            ours = statistics.median(sizes[s]["times"][stage]) if sizes[s]["times"].get(stage) else None
            if "seconds" in found:
                cell = f"{format_seconds(found['seconds'])}, {found['seconds'] / ours:.0f}x" if ours else \
                    format_seconds(found["seconds"])
                if found.get("max_difference") is not None:
                    cell += f" (max diff {found['max_difference']:.1g})"
            elif "estimate" in found:
                cell = f"about {format_seconds(found['estimate'])} (from {found['probe']} sources)" + (
                    f", about {found['estimate'] / ours:.0f}x" if ours else "")
            elif "timeout" in found:
                cell = f"timeout > {found['timeout']:.0f} s" + (f", > {found['timeout'] / ours:.0f}x" if ours else "")
            else:
                cell = f"skipped: {found.get('skipped', 'not run')}"
            if key == "betweenness":
                cell += " (exact)" if sizes[s]["k"] is None else f" (k = {sizes[s]['k']:,})"
            cells.append(cell)
        lines.append(f"| networkx {label} | " + " | ".join(cells) + " |")
    if all("levels" in sizes[s] for s in keys):
        lines += ["", "python-igraph side by side, same graph, same run: its exact measures ("
                  + ", ".join(IGRAPH_MEASURES) + ") against collabnet's broker table with all its measures and cut "
                  "vertices (median), the ratio, and each zone's top 10 by broker rank that is the same with "
                  "igraph's exact betweenness:", "", head.rstrip("\n")]
        for level in ("organisations", "actors"):
            lines.append(f"| {level}: nodes / edges | " + " | ".join(
                f"{sizes[s]['levels'][level]['nodes']:,} / {sizes[s]['levels'][level]['edges']:,}" for s in keys) + " |")
            lines.append(f"| {level}: collabnet (betweenness) | " + " | ".join(_ours_cell(sizes[s]["levels"][level])
                                                                          for s in keys) + " |")
            lines.append(f"| {level}: igraph, ratio, top 10 | " + " | ".join(_igraph_cell(sizes[s]["levels"][level])
                                                                         for s in keys) + " |")
        if all("command" in sizes[s] for s in keys):  # the target reads the whole command against igraph
            lines.append("| `analyze --report` (new process) / igraph on the organisation graph | " + " | ".join(
                _command_cell(sizes[s]) for s in keys) + " |")
    for s in keys:
        if sizes[s].get("check"):
            lines += ["", *_check_lines(int(s), sizes[s]["check"])]
    return "\n".join(lines) + "\n"


def _growth_lines(sizes: dict, small: str, large: str) -> list[str]:
    """Each stage's time at the largest size over the smallest, against the growth of the edges.

    A stage whose time grows no faster than the edges has a ratio to the edges' growth of 1 or less.

    >>> one = {"counts": {"edges": 100}, "times": {"load": [1.0], "graph": [2.0]}}
    >>> ten = {"counts": {"edges": 1000}, "times": {"load": [10.0], "graph": [40.0]}}
    >>> print("\\n".join(_growth_lines({"1": one, "10": ten}, "1", "10")[2:5]))
    | stage | time x | / edges x |
    |---|---|---|
    | load (read + validate) | 10.0 | 1.00 |
    """
    edges = sizes[large]["counts"]["edges"] / sizes[small]["counts"]["edges"]
    lines = [f"Growth from N = {int(small):,} to N = {int(large):,}: the edges grow {edges:.1f} times; each stage's "
             "median time grows (a ratio above 1 to the edges' growth: faster than the edges):", "",
             "| stage | time x | / edges x |", "|---|---|---|"]
    for key, label in STAGES:
        a, b = sizes[small]["times"].get(key), sizes[large]["times"].get(key)
        if a and b and statistics.median(a) > 0:
            grown = statistics.median(b) / statistics.median(a)
            lines.append(f"| {label} | {grown:.1f} | {grown / edges:.2f} |")
    return lines


def _ours_cell(found: dict) -> str:
    method = found.get("method") or {}
    how = "exact" if method.get("method") == "exact" else f"k = {method.get('sources', 0):,}, " + (
        "certified in every zone" if all((method.get("certified") or {}).get("zones", {}).values())
        else "not certified everywhere")
    return f"{format_seconds(statistics.median(found['collabnet']))} ({how})"


def _igraph_cell(found: dict) -> str:
    theirs, ours = found["igraph"], statistics.median(found["collabnet"])
    if "seconds" not in theirs:
        return f"timeout > {theirs['timeout']:.0f} s" if "timeout" in theirs else theirs.get("skipped", "-")
    same = sum(v[0] for v in theirs["top10"].values())
    out_of = sum(v[1] for v in theirs["top10"].values())
    return f"{format_seconds(theirs['seconds'])}, collabnet / igraph = {ours / theirs['seconds']:.2f}, {same}/{out_of}"


def _command_cell(size: dict) -> str:
    """The whole command's median time over igraph's exact measures on the organisation graph (the default level).

    >>> _command_cell({"command": {"seconds": [12.0, 10.0, 11.0]}, "levels": {"organisations": {"igraph": {"seconds": 5.5}}}})
    '11.0 s / 5.5 s = 2.00'
    """
    theirs = size["levels"]["organisations"]["igraph"]
    if "seconds" not in theirs:
        return "-"
    ours = statistics.median(size["command"]["seconds"])
    return f"{format_seconds(ours)} / {format_seconds(theirs['seconds'])} = {ours / theirs['seconds']:.2f}"


def _runs(count: int) -> str:
    return "1 run" if count == 1 else f"{count} runs"


def _check_lines(size: int, check: dict) -> list[str]:
    seeds = list(check["approximation"])
    first = check["approximation"][seeds[0]]
    lines = [f"Betweenness approximation at N = {size:,} (k = {check['k']:,} sources, stratified by zone, linear "
             f"scaling; seed {seeds[0]}: {format_seconds(first['seconds'])}, exact: "
             f"{format_seconds(check['exact_seconds'])}): actors of each zone's top {TOP} that the approximation "
             f"also puts in its top {TOP}.", "",
             f"| zone | actors with a tie | by broker rank (seed {seeds[0]}) | by betweenness (seed {seeds[0]}) | "
             f"by rank, seeds {', '.join(seeds[1:])} | uniform sampling as networkx (k = {check['k']:,}), rank / "
             "betweenness |", "|---|---|---|---|---|---|"]
    for zone, overlap in first["overlap"].items():
        top = min(TOP, check["zones"].get(zone, 0))
        others = ", ".join(str(check["approximation"][s]["overlap"][zone][0]) for s in seeds[1:])
        uniform = check["uniform"][zone]
        lines.append(f"| {zone} | {check['zones'].get(zone, 0):,} | {overlap[0]}/{top} | {overlap[1]}/{top} | "
                     f"{others} | {uniform[0]}/{top}, {uniform[1]}/{top} |")
    return lines


# --------------------------------------------------------------------------- command line
def main(argv: Sequence[str] | None = None) -> int:
    """``python -m collabnet.devtools.benchmark``: run, print the Markdown table, optionally write it to ``--out``."""
    parser = argparse.ArgumentParser(prog="python -m collabnet.devtools.benchmark", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="comma-separated numbers of organisations (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=3, help="runs per size; the table shows medians (default: 3)")
    parser.add_argument("--out", type=Path, help="also write the Markdown table to this file")
    parser.add_argument("--json", type=Path, help="also write the raw results as JSON")
    parser.add_argument("--baseline-timeout", type=float, default=120.0,
                        help="stop each plain networkx step after this many seconds (default: 120)")
    parser.add_argument("--check", type=int, default=1000,
                        help="size at which the betweenness approximation is checked against exact (default: 1000)")
    parser.add_argument("--workdir", type=Path, help="keep the synthetic datasets and raw results in this folder")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--check-approximation", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        found = measure_size(args.worker, runs=args.runs, baseline_timeout=args.baseline_timeout,
                             check=args.check_approximation, log=_silent if args.quiet else _stderr)
        args.result.write_text(json.dumps(found, indent=1), encoding="utf-8")
        return 0
    try:
        sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    except ValueError:
        parser.error(f"--sizes: not a list of numbers: {args.sizes!r}")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    try:
        results = run_benchmark(sizes, runs=args.runs, baseline_timeout=args.baseline_timeout, check=args.check,
                                workdir=args.workdir, log=None if args.quiet else _stderr)
    except ValueError as exc:
        parser.error(str(exc))
    text = markdown(results)
    if args.out is not None:
        args.out.write_text(text, encoding="utf-8")
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    sys.stdout.write(text)
    return 0


def _stderr(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())

"""How collabnet uses the machine: the collector pause, the fork pool, and the fork guard of progress lines.

None of this changes a result; each only changes how fast it comes:

- :func:`collector_paused`: Python's cyclic garbage collector rescans the
  whole heap every few hundred new objects; with a graph of millions of
  objects (none of them garbage) that cost a quarter of the analysis time at
  50,000 organisations. The console script runs its whole command with it
  paused, and a library call's graph builder, analyses and renderers pause
  it too (objects freed by reference counting still are, at once).
- :func:`share_out`: the items of a list of independent jobs (a zone's report,
  view or table file) done by this process and a forked one when a second
  core is free; the results are the same, in the same order, either way.
- :class:`Jobs` and :func:`run_jobs`: the tables, reports and views of one
  command as one list of jobs, biggest first, shared out at once (two
  processes finish about together, instead of each renderer's pair waiting
  for its own slowest file).
- :func:`install`: the command line calls it once; a line of progress being
  drawn by the ticker thread is never half-written when a process forks.
- :func:`exit_now`: the command line ends its process with it, without the
  interpreter's teardown (a last collection and the freeing of every object
  still alive: seconds after a big analysis).

Examples
--------
>>> with collector_paused():
...     share_out(["a", "b", "c"], str.upper)
['A', 'B', 'C']
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["DRAWING", "Jobs", "available_cores", "collector_paused", "exit_now", "install", "run_jobs", "share_out"]

#: Held while a progress line is drawn and, once :func:`install` ran, across every fork.
DRAWING = threading.Lock()
_installed = False


def install() -> None:
    """Hold :data:`DRAWING` across every fork of this process (once; later calls do nothing).

    The betweenness workers and the renderers fork while a step's ticker
    thread may be writing to stderr: a child that starts with the stream's
    buffer locked half-way through a write could hang on its first write.
    """
    global _installed
    if not _installed and hasattr(os, "register_at_fork"):
        os.register_at_fork(before=DRAWING.acquire, after_in_parent=DRAWING.release,
                            after_in_child=DRAWING.release)
    _installed = True


def exit_now(code: int | str | None = 0) -> None:
    """End the process with the status of ``code``, without the interpreter's teardown.

    ``code`` is what a :class:`SystemExit` carries: None is status 0, a
    number is the status, any other value is written to stderr and gives
    status 1. The exit handlers (:mod:`atexit`) run and stdout and stderr are
    flushed first, as at a normal exit (a stream that is missing or closed is
    skipped; one that cannot be flushed, such as a closed pipe, turns status 0
    into 120, as Python does, and keeps another status). What is skipped is
    the last garbage collection and the freeing of every object still alive,
    which after a big analysis (millions of nodes, edges and rows) take
    seconds for nothing: the operating system takes the memory back at once;
    threads still running are not waited for (collabnet's progress ticker is
    a daemon thread). Only for the end of a command-line process (the console
    script calls it); never in a library call or a test's process.
    """
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        print(code, file=sys.stderr)
        status = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        if stream is None or getattr(stream, "closed", False):
            continue
        try:
            stream.flush()
        except OSError:  # a closed pipe: what could not be written is lost either way
            status = status or 120
    os._exit(status)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector in the block (as it was before afterwards).

    >>> with collector_paused():
    ...     gc.isenabled()
    False
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def available_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def share_out(items: Sequence, work: Callable[[Any], Any], *, parallel: bool = True, here: int = 0) -> list:
    """``[work(item) for item in items]``, shared with a forked process when a second core is free.

    Both processes take the next item from a shared counter until none is
    left (give the biggest items first: the two then finish about together);
    the first ``here`` items are this process's, done before it takes any other
    (for work that reads many Python objects: in a forked process reading them
    writes their reference counts, and the system copies every page touched);
    the forked one sends its results back (they must pickle; paths do). If
    ``work`` fails in the forked process, that process stops and the items it
    had not sent are done here, where the same error is raised again with its
    traceback (``work`` must not depend on which process runs it). Without a
    second core, without fork, with ``parallel`` false, or in the forked
    process of another call (work that shares out work of its own), everything is done here.
    """
    if (not parallel or len(items) < 2 or available_cores() < 2 or multiprocessing.current_process().daemon
            or "fork" not in multiprocessing.get_all_start_methods()):
        return [work(item) for item in items]
    context = multiprocessing.get_context("fork")
    counter = context.Value("i", min(here, len(items)))
    receive, send = context.Pipe(duplex=False)

    def take() -> int:
        with counter.get_lock():
            counter.value += 1
            return counter.value - 1

    def helper() -> None:
        results: dict = {}
        try:
            while (index := take()) < len(items):
                results[index] = work(items[index])
        except Exception:  # noqa: BLE001 - the parent redoes the item and raises the error itself
            pass
        send.send(results)
        send.close()

    process = context.Process(target=helper, daemon=True)
    process.start()
    send.close()
    results: dict = {}
    try:
        for index in range(min(here, len(items))):
            results[index] = work(items[index])
        while (index := take()) < len(items):
            results[index] = work(items[index])
        with contextlib.suppress(EOFError):  # the helper died: its items are done below
            results.update(receive.recv())
    except BaseException:
        # this process's own item failed (or was interrupted): the helper, which may be blocked sending
        # results nobody will read, is stopped before it is waited for
        process.terminate()
        raise
    finally:
        process.join()
        receive.close()
    return [results[i] if i in results else work(items[i]) for i in range(len(items))]


@dataclass(frozen=True)
class Jobs:
    """Independent jobs (a renderer's files, the zones' plans, the kinds of candidate actions) and how
    their results make the answer.

    ``work`` maps a job's name to a function of no argument; ``cost`` is its
    rough cost (only the order matters, largest first; the renderers' are in
    tenths of a millisecond, measured at 50,000 organisations, so that their
    batches share one order); ``answer`` turns ``{name: result}`` into what
    the caller returns; ``shared``: the jobs are big enough to be worth a
    forked process.
    """

    work: Mapping[str, Callable[[], Any]]
    cost: Mapping[str, float]
    answer: Callable[[dict], Any]
    shared: bool


def run_jobs(*batches: Jobs) -> list:
    """Run the jobs of every batch in one :func:`share_out`, biggest first; the answer of each batch, in order.

    >>> pair = Jobs({"a": lambda: 1, "b": lambda: 2}, {"a": 1.0, "b": 2.0}, lambda done: [done["a"], done["b"]], False)
    >>> run_jobs(pair, pair)
    [[1, 2], [1, 2]]
    """
    items = sorted(((i, name) for i, batch in enumerate(batches) for name in batch.work),
                   key=lambda item: -batches[item[0]].cost[item[1]])  # stable: equal costs keep their order
    with collector_paused():  # millions of small rows and objects: no collector scans meanwhile
        done = share_out(items, lambda item: batches[item[0]].work[item[1]](),
                         parallel=any(batch.shared for batch in batches))
    found: list[dict] = [{} for _ in batches]
    for (i, name), value in zip(items, done):
        found[i][name] = value
    return [batch.answer(results) for batch, results in zip(batches, found)]

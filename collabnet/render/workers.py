"""Two helpers that let the renderers use the machine: the zones' files on both cores, no collector pauses.

Rendering the reports and views of 50,000 organisations walks millions of
graph entries and builds millions of small lists. Two things cost more than
the work itself there:

- Python's cyclic garbage collector, which every few hundred new lists scans
  the whole heap (the actor graph is tens of millions of objects):
  :func:`paused_gc` pauses it while a renderer runs (objects freed by
  reference counting still are, at once);
- one core out of two: :func:`share_out` writes the zones' files in two
  processes (a fork: the child sees the graph without copying it).

Neither changes a byte of the output: every file is the same whoever writes
it, and whether or not a second core was there.

Examples
--------
>>> with paused_gc():
...     share_out(["a", "b", "c"], str.upper)
['A', 'B', 'C']
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["paused_gc", "share_out"]


def paused_gc() -> contextlib.AbstractContextManager:
    """Pause the cyclic garbage collector in the block (as it was before afterwards).

    The graph builder's own pause (``collabnet.graph``), for the renderers.
    """
    from collabnet.graph import collector_paused

    return collector_paused()


def share_out(items: Sequence, work: Callable[[Any], Any], *, parallel: bool = True) -> list:
    """``[work(item) for item in items]``, shared with a forked process when a second core is free.

    Both processes take the next item from a shared counter until none is
    left (give the biggest items first: the two then finish about together);
    the forked one sends its results back (they must pickle; paths do). If it
    fails, or forking is not possible, or ``parallel`` is false, its items are
    done here: the results are the same either way, in the order of ``items``.
    ``work`` must not depend on which process runs it (write its own files).
    """
    if not parallel or len(items) < 2 or _cores() < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [work(item) for item in items]
    context = multiprocessing.get_context("fork")
    counter = context.Value("i", 0)
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
        except BaseException:  # noqa: BLE001 - the parent does what is missing, and says what went wrong
            pass
        send.send(results)
        send.close()

    process = context.Process(target=helper, daemon=True)
    process.start()
    send.close()
    results: dict = {}
    try:
        while (index := take()) < len(items):
            results[index] = work(items[index])
        with contextlib.suppress(EOFError):  # the helper died: its items are done below
            results.update(receive.recv())
    finally:
        process.join()
        receive.close()
    return [results[i] if i in results else work(items[i]) for i in range(len(items))]


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1

"""Progress on stderr for steps that take a while.

A step's bar appears only once the step has run for two seconds, only when
stderr is a terminal, and never with ``-q``: pipes, CI logs and quick runs
stay clean. Library code reports through a :class:`Progress` object that
does nothing unless a command switched it on.

Examples
--------
>>> p = Progress(enabled=False)
>>> with p.step("betweenness", total=3) as advance:
...     for _ in range(3):
...         advance()
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator
from typing import TextIO

__all__ = ["Progress", "NO_PROGRESS"]

DELAY = 2.0
WIDTH = 30


class Progress:
    """Reports steps on a stream (stderr by default); silent when disabled or not a terminal."""

    def __init__(self, enabled: bool = True, stream: TextIO | None = None, delay: float = DELAY):
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled and getattr(self.stream, "isatty", lambda: False)()
        self.delay = delay

    @contextlib.contextmanager
    def step(self, label: str, total: int | None = None) -> Iterator[Callable[[int], None]]:
        """Context for one step; call the yielded function to advance by ``n`` units."""
        start = time.monotonic()
        state = {"done": 0, "shown": False, "last": 0.0}

        def advance(n: int = 1) -> None:
            state["done"] += n
            if not self.enabled:
                return
            now = time.monotonic()
            if now - start < self.delay or now - state["last"] < 0.1:
                return
            state["last"], state["shown"] = now, True
            self._draw(label, state["done"], total, now - start)

        try:
            yield advance
        finally:
            if self.enabled and (state["shown"] or time.monotonic() - start >= self.delay):
                self._draw(label, total or state["done"], total, time.monotonic() - start)
                self.stream.write("\n")
                self.stream.flush()

    def _draw(self, label: str, done: int, total: int | None, elapsed: float) -> None:
        if total:
            filled = int(WIDTH * min(done, total) / total)
            bar = f"[{'#' * filled}{'.' * (WIDTH - filled)}] {min(done, total)}/{total}"
        else:
            bar = ""
        self.stream.write(f"\r{label:<24} {bar} {elapsed:5.1f}s")
        self.stream.flush()


NO_PROGRESS = Progress(enabled=False)

"""Progress on stderr for steps that take a while.

A step's line appears only once the step has run for two seconds, only when
stderr is a terminal, and never with ``-q``: pipes, CI logs and quick runs
stay clean. While a step runs its line is redrawn every quarter second (the
elapsed time, and a bar for a step that counts its work), so a long step
never looks stuck. Library code reports through a :class:`Progress` object
that does nothing unless a command switched it on.

Library code names its steps with fixed names (``"betweenness"``); a
:class:`Progress` made with ``lang`` shows each as the message
``progress.<name>`` of :mod:`collabnet.words` in that language (spaces as
``_``), so a Dutch user reads ``Tussenposities berekenen``.

Examples
--------
>>> p = Progress(enabled=False)
>>> with p.step("betweenness", total=3) as advance:
...     for _ in range(3):
...         advance()
>>> Progress(enabled=False, lang="fr").label("reading the dataset"), Progress(enabled=False).label("x")
('Lecture des données', 'x')
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TextIO

from collabnet.runtime import DRAWING as _DRAWING

__all__ = ["Progress", "NO_PROGRESS"]

DELAY = 2.0
WIDTH = 30
LABEL_WIDTH = 30  # the longest step name in any language, so that the bars line up
TICK = 0.25  # seconds between two redraws of a running step

@dataclass
class _Step:
    label: str
    total: int | None
    start: float = field(default_factory=time.monotonic)
    done: int = 0
    shown: bool = False


class Progress:
    """Reports steps on a stream (stderr by default); silent when disabled or not a terminal.

    Steps nest (a step inside a step); only the innermost running step is drawn.
    """

    def __init__(self, enabled: bool = True, stream: TextIO | None = None, delay: float = DELAY, *,
                 lang: str = "en"):
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled and getattr(self.stream, "isatty", lambda: False)()
        self.delay = delay
        self.lang = lang
        self._running: list[_Step] = []

    def label(self, name: str) -> str:
        """The words shown for step ``name``: its ``progress.*`` message in :attr:`lang`, else the name itself."""
        from collabnet.words import LABELS

        message = LABELS.get("progress." + name.replace(" ", "_"))
        return message[self.lang] if message is not None else name

    @contextlib.contextmanager
    def step(self, label: str, total: int | None = None) -> Iterator[Callable[[int], None]]:
        """Context for one step; call the yielded function to advance by ``n`` units."""
        state = _Step(label, total)

        def advance(n: int = 1) -> None:
            state.done += n

        if not self.enabled:
            yield advance
            return
        with _DRAWING:
            self._running.append(state)
        stop = threading.Event()
        ticker = threading.Thread(target=self._tick, args=(state, stop), daemon=True, name="collabnet-progress")
        ticker.start()
        try:
            yield advance
        finally:
            stop.set()
            ticker.join()
            with _DRAWING:
                self._running.remove(state)
                if state.shown or time.monotonic() - state.start >= self.delay:
                    state.done = total or state.done
                    self._draw(state)
                    self.stream.write("\n")
                    self.stream.flush()

    def _tick(self, state: _Step, stop: threading.Event) -> None:
        """Redraw ``state`` every :data:`TICK` seconds once it has run for the delay, while it is innermost."""
        if stop.wait(max(0.0, self.delay - (time.monotonic() - state.start))):
            return
        while True:
            with _DRAWING:
                if stop.is_set():
                    return
                if self._running and self._running[-1] is state:
                    state.shown = True
                    self._draw(state)
            if stop.wait(TICK):
                return

    def _draw(self, state: _Step) -> None:
        if state.total:
            done = min(state.done, state.total)
            filled = int(WIDTH * done / state.total)
            bar = f"[{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{state.total}"
        else:
            bar = ""
        self.stream.write(f"\r{self.label(state.label):<{LABEL_WIDTH}} {bar} {time.monotonic() - state.start:5.1f}s")
        self.stream.flush()


NO_PROGRESS = Progress(enabled=False)

"""Settings every test process needs before collabnet is imported.

The suite runs on several workers (pytest-xdist, ``-n auto`` in
pyproject.toml). numba's on-disk cache (``@njit(cache=True)``) is not safe
when two processes compile overloads of one function into the same folder at
once: each reads the index, picks the same free file name and writes it back,
so one signature can end up pointing at the other's machine code
(numba issue 4807). On a fresh clone every worker compiles. So each worker
keeps its own cache folder, under ``.pytest_cache`` (kept between runs, so a
second run loads instead of compiling); the processes a worker forks or starts
inherit it, and run one at a time per worker.
"""

from __future__ import annotations

import os
from pathlib import Path

_worker = os.environ.get("PYTEST_XDIST_WORKER")
if _worker and "NUMBA_CACHE_DIR" not in os.environ:
    os.environ["NUMBA_CACHE_DIR"] = str(Path(__file__).resolve().parents[1] / ".pytest_cache" / "numba" / _worker)

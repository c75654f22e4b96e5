"""A 300-organisation synthetic region analysed as if it were large: betweenness estimated, not exact."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator

import pytest

import collabnet
from collabnet.analyses import brokerage
from collabnet.devtools.synth import generate


def synth_300(folder):
    """The dataset of ``collabnet synth --orgs 300 --seed 3`` written into ``folder``, on its analysis date."""
    generate(300, seed=3, out=folder)
    at = json.loads((folder / "truth.json").read_text(encoding="utf-8"))["analysis_date"]
    return collabnet.load(folder, at=at)


@contextlib.contextmanager
def estimated_as_large(ceiling: int) -> Iterator[None]:
    """Betweenness estimated above 10 nodes from 32 sources, doubled up to ``ceiling`` until each zone's top 10
    is certified (at 300 or more sources every node of the region is one)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(brokerage, "EXACT_MAX", 10)
        patch.setattr(brokerage, "SAMPLE_SOURCES", 32)
        patch.setattr(brokerage, "CERTIFY_MAX_SOURCES", ceiling)
        yield

"""The data block of an interactive view, with its links unpacked as the page's script unpacks them."""

from __future__ import annotations

import json
import re


def view_data(html: str) -> dict:
    """The JSON block of a view page, unpacked as view.js unpacks it: each edge as ``[a, b, style, width,
    tooltip(, change)]``, each person as ``[id, name, tooltip, links]``."""
    block = re.search(r'<script id="collabnet-data" type="application/json">(.*?)</script>', html, re.DOTALL)
    data = json.loads(block.group(1))
    looks = data["looks"]
    data["edges"] = [[a, b, *looks[k], *rest] for a, b, k, *rest in data["edges"]]
    rests = data["people_looks"]
    data["people"] = {org: [[person, name, name + rests[k] if isinstance(k, int) else k, links]
                            for person, name, k, links in rows] for org, rows in data["people"].items()}
    return data

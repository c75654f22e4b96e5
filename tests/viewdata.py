"""The data block of an interactive view, with its links unpacked as the page's script unpacks them."""

from __future__ import annotations

import json
import re


def view_data(html: str) -> dict:
    """The JSON block of a view page, unpacked as view.js unpacks it: each edge as ``[a, b, style, width,
    tooltip(, change)]``, each person as ``[id, name, tooltip, links]``, each link
    as ``[actor, drawn as, style]``."""
    block = re.search(r'<script id="collabnet-data" type="application/json">(.*?)</script>', html, re.DOTALL)
    data = json.loads(block.group(1))
    looks = data["looks"]
    data["edges"] = [[a, b, *looks[k], *rest] for a, b, k, *rest in data["edges"]]
    rests, styles = data["people_looks"], data["people_styles"]
    owner = {person: org for org, rows in data["people"].items() for person, *_ in rows}

    def link(packed: list) -> list:
        if len(packed) == 3:
            return [packed[0], packed[1], styles[packed[2]]]
        return [packed[0], owner.get(packed[0], packed[0]), styles[packed[1]]]

    data["people"] = {org: [[person, name, name + rests[k] if isinstance(k, int) else k, [link(x) for x in links]]
                            for person, name, k, links in rows] for org, rows in data["people"].items()}
    return data

"""The contract tables of ``collabnet analyze``: summary.json and four CSV files.

Columns follow outputs.md in order; the columns after them are extras
(outputs.md allows adding columns, never renaming one):

- isolated.csv: ``zone, actor, name, kind, sector, line, reason, degree`` + ``evidence``
- brokers.csv: the contract columns + the extras of ``broker_table``
- gaps.csv: ``zone, gap, a, b, observed, expected, severity`` + ``evidence``
- actions.csv: ``zone, priority, action, actors, rationale`` + ``via, evidence, score``

Every file is written atomically (:mod:`collabnet.writing`); cells are
spreadsheet-safe, floats have at most 6 decimals, booleans are ``true``/``false``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd

from collabnet.writing import atomic_write_text, write_csv

__all__ = [
    "ACTION_COLUMNS",
    "GAP_COLUMNS",
    "ISOLATED_COLUMNS",
    "OUTPUT_FILES",
    "action_rows",
    "broker_rows",
    "gap_rows",
    "isolated_rows",
    "summary_json",
    "write_analysis",
]

ISOLATED_COLUMNS = ("zone", "actor", "name", "kind", "sector", "line", "reason", "degree", "evidence")
GAP_COLUMNS = ("zone", "gap", "a", "b", "observed", "expected", "severity", "evidence")
ACTION_COLUMNS = ("zone", "priority", "action", "actors", "rationale", "via", "evidence", "score")
OUTPUT_FILES = ("summary.json", "isolated.csv", "brokers.csv", "gaps.csv", "actions.csv")


def summary_json(summary: dict) -> str:
    """summary.json text: sorted keys, indent 2, UTF-8 characters as they are, trailing newline.

    >>> print(summary_json({"b": 1, "a": "Gaétane"}), end="")
    {
      "a": "Gaétane",
      "b": 1
    }
    """
    return json.dumps(summary, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def isolated_rows(result) -> list[dict]:
    """isolated.csv rows: the isolation rows with the actor's name, kind, sector and line."""
    nodes = result.dataset.graph.nodes
    return [{"zone": row.zone, "actor": row.actor, "name": nodes[row.actor].get("name"),
             "kind": nodes[row.actor].get("kind"), "sector": nodes[row.actor].get("sector"),
             "line": nodes[row.actor].get("line"), "reason": row.reason, "degree": row.degree,
             "evidence": row.evidence} for row in result.isolated]


def gap_rows(result) -> list[dict]:
    return [{column: getattr(gap, column) for column in GAP_COLUMNS} for gap in result.gaps]


def action_rows(result) -> list[dict]:
    return [{"zone": a.zone, "priority": a.priority, "action": a.action, "actors": "|".join(a.actors),
             "rationale": a.rationale, "via": a.via, "evidence": a.evidence, "score": a.score}
            for a in result.actions]


def broker_rows(brokers: pd.DataFrame) -> list[dict]:
    """Table rows as dicts with missing values (``pd.NA``, NaN) as None."""
    return brokers.astype(object).where(brokers.notna(), None).to_dict("records")


def write_analysis(result, out_dir: str | os.PathLike) -> list[Path]:
    """Write summary.json, isolated.csv, brokers.csv, gaps.csv and actions.csv into ``out_dir``.

    Parameters
    ----------
    result : collabnet.analyses.run.Analysis
    out_dir : path
        Created when missing.

    Returns
    -------
    list of Path
        The files written, in :data:`OUTPUT_FILES` order.
    """
    out = Path(out_dir)
    return [
        atomic_write_text(out / "summary.json", summary_json(result.summary)),
        write_csv(out / "isolated.csv", ISOLATED_COLUMNS, isolated_rows(result)),
        write_csv(out / "brokers.csv", list(result.brokers.columns), broker_rows(result.brokers)),
        write_csv(out / "gaps.csv", GAP_COLUMNS, gap_rows(result)),
        write_csv(out / "actions.csv", ACTION_COLUMNS, action_rows(result)),
    ]

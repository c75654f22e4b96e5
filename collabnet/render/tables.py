"""The contract tables of ``collabnet analyze``: summary.json, four CSV files, and actions.xlsx.

Columns follow outputs.md in order; the columns after them are extras
(outputs.md allows adding columns, never renaming one):

- isolated.csv: ``zone, actor, name, kind, sector, line, reason, degree`` + ``evidence, carried_by``
- brokers.csv: the contract columns + the extras of ``broker_table``
- gaps.csv: ``zone, gap, a, b, observed, expected, severity`` + ``evidence``
- actions.csv: ``zone, priority, action, actors, rationale`` + ``via, evidence, score``
  (+ ``source`` when plan actions are added: ``analysis`` or ``plan``)

actions.xlsx holds the rows of actions.csv for people rather than programs
(:func:`actions_workbook`): an ``all`` sheet and one sheet per zone with
actions, headers in the report language, names next to the ids.
analysis.xlsx holds every table (summary, isolated, brokers, gaps, actions),
one sheet each, in the reader's language (:func:`analysis_workbook`).

``dialect="excel"`` (``collabnet analyze --csv-dialect excel``) writes the
CSV files as a Belgian Excel opens them by double-click: a UTF-8 byte-order
mark, ``;`` between cells, a decimal comma, CRLF line ends
(:func:`excel_csv_text`). The default is the contract's dialect.

Every file is written atomically (:mod:`collabnet.writing`); cells are
spreadsheet-safe, floats have at most 6 decimals, booleans are ``true``/``false``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from collabnet.codes import REGION
from collabnet.render.phrases import between
from collabnet.writing import atomic_write_bytes, atomic_write_text, csv_text, format_value

__all__ = [
    "ACTION_COLUMNS",
    "GAP_COLUMNS",
    "ISOLATED_COLUMNS",
    "OUTPUT_FILES",
    "SOURCES",
    "action_rows",
    "actions_workbook",
    "analysis_workbook",
    "CSV_DIALECTS",
    "excel_csv_text",
    "broker_rows",
    "gap_rows",
    "isolated_rows",
    "summary_json",
    "write_analysis",
    "write_survey_tables",
    "SURVEY_FILES",
]

ISOLATED_COLUMNS = ("zone", "actor", "name", "kind", "sector", "line", "reason", "degree", "evidence", "carried_by")
GAP_COLUMNS = ("zone", "gap", "a", "b", "observed", "expected", "severity", "evidence")
ACTION_COLUMNS = ("zone", "priority", "action", "actors", "rationale", "via", "evidence", "score")
OUTPUT_FILES = ("summary.json", "isolated.csv", "brokers.csv", "gaps.csv", "actions.csv", "actions.xlsx",
                "analysis.xlsx")
#: ``--csv-dialect``: ``contract`` (outputs.md) or ``excel`` (BOM, ``;``, decimal comma).
CSV_DIALECTS = ("contract", "excel")
#: Values of the ``source`` column of actions.csv (written when plan actions are added).
SOURCES = ("analysis", "plan")
# actions.xlsx: (actions.csv column, header label, column width in characters).
_SHEET_COLUMNS = (("zone", "field.zone", 16), ("priority", "report.col.priority", 10),
                  ("action", "report.col.action", 18), ("actors", "field.actors", 40),
                  ("rationale", "report.col.why", 90), ("via", "report.col.via", 30),
                  ("source", "report.col.source", 12))


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
    nodes = result.graph.nodes
    return [{"zone": row.zone, "actor": row.actor, "name": nodes[row.actor].get("name"),
             "kind": nodes[row.actor].get("kind"), "sector": nodes[row.actor].get("sector"),
             "line": nodes[row.actor].get("line"), "reason": row.reason, "degree": row.degree,
             "evidence": row.evidence, "carried_by": row.carried_by} for row in result.isolated]


def gap_rows(result) -> list[dict]:
    return [{column: getattr(gap, column) for column in GAP_COLUMNS} for gap in result.gaps]


def action_rows(actions: Iterable, words, *, source: str | None = None) -> list[dict]:
    """actions.csv rows of Action records, each rationale put in words by ``words`` (a Vocabulary).

    ``source`` (``analysis`` or ``plan``) fills an extra ``source`` column.

    >>> import networkx as nx
    >>> from collabnet.records.findings import Action
    >>> from collabnet.records.messages import Name, say
    >>> from collabnet.words import Vocabulary
    >>> G = nx.Graph(); G.add_node("gp", name="GP Zuid")
    >>> action_rows([Action("south", 1, "introduce", ("gp", "x"), say("single_tie", x=Name("gp")), None, "single_tie")],
    ...             Vocabulary.of(G, "nl"), source="plan")  # doctest: +NORMALIZE_WHITESPACE
    [{'zone': 'south', 'priority': 1, 'action': 'introduce', 'actors': 'gp|x',
      'rationale': 'GP Zuid hangt af van één enkele partner', 'via': None, 'evidence': 'single_tie', 'score': 0.0,
      'source': 'plan'}]
    """
    rows = [{"zone": a.zone, "priority": a.priority, "action": a.action, "actors": "|".join(a.actors),
             "rationale": words.say(a.rationale), "via": a.via, "evidence": a.evidence, "score": a.score}
            for a in actions]
    if source is not None:
        for row in rows:
            row["source"] = source
    return rows


def actions_workbook(rows: Iterable[dict], words) -> bytes:
    """actions.xlsx: the actions.csv rows as a workbook a zone can paste into its action plan.

    Sheets: ``all`` (in the reader's language: ``alle``, ``toutes``) with every
    row, then one sheet per zone with actions, named after the zone, in the
    order of the rows. Columns, headed in that language: the zone's name, the
    priority, the action (the verb), the actors (``name (id)``), the rationale,
    ``via`` (the partner or group, ``name (id)``) and, when the rows have one,
    the source (analysis or plan). Written by :func:`collabnet.render.sheets.workbook`
    (bold frozen header row, autofilter, widths, wrapped rows, A4 landscape).

    Parameters
    ----------
    rows : iterable of dict
        :func:`action_rows` rows.
    words : collabnet.words.Vocabulary
        The language of the headers, and the names of zones, actors and groups.
    """
    from collabnet.render.sheets import workbook

    return workbook(_action_sheets(list(rows), words, _Names(words)))


def _action_sheets(rows: list[dict], words, names: _Names) -> list:
    """The ``all`` sheet of the actions, then one sheet per zone (see :func:`actions_workbook`)."""
    from collabnet.render.sheets import Column, Sheet
    from collabnet.words import LABELS

    lang = words.lang
    keys = [c for c in _SHEET_COLUMNS if c[0] != "source" or any("source" in row for row in rows)]
    columns = tuple(Column(key, words.word(label), width, wrap=key in ("actors", "rationale"))
                    for key, label, width in keys)
    cells = [tuple(_sheet_value(row, column.key, names, LABELS, lang) for column in columns) for row in rows]
    sheets = [Sheet(words.word("sheet.all"), columns, cells)]
    for zone in dict.fromkeys(row["zone"] for row in rows):
        sheets.append(Sheet(names.zone(zone), columns, [c for row, c in zip(rows, cells) if row["zone"] == zone]))
    return sheets

def analysis_workbook(result, actions: Sequence[dict], words) -> bytes:
    """analysis.xlsx: every table of ``collabnet analyze`` as a sheet, for people who read it in a spreadsheet.

    Sheets, named and headed in the reader's language: the summary (a row per
    zone, the region last), the isolated actors, the brokers, the gaps and the
    actions (as the ``all`` sheet of :func:`actions_workbook`). Codes become
    words (sectors, lines, kinds, reasons, gaps, zones), counts and measures
    stay numbers (shown with 2 or 3 decimals, the full value kept), yes/no
    answers are words; ids stay next to names where the CSV files have them.
    Printing: :func:`collabnet.render.sheets.workbook` (A4 landscape, one page
    wide, header row repeated).

    Parameters
    ----------
    result : collabnet.records.Analysis
    actions : sequence of dict
        The actions.csv rows (:func:`action_rows`), as actions.csv holds them.
    words : collabnet.words.Vocabulary
    """
    from collabnet.render.sheets import Column, Sheet, workbook

    w = words.word
    names = _Names(words)
    people = lambda carried: "; ".join(names.named(x) for x in str(carried or "").split("|") if x) or None
    yes_no = lambda flag: w("report.yes" if flag else "report.no")
    zone_col, name_col = Column("zone", w("field.zone"), 16), Column("name", w("report.col.name"), 36, wrap=True)
    sector_col, line_col = Column("sector", w("report.col.sector"), 24, wrap=True), Column("line", w("field.line"), 14)
    entries = result.summary.zones
    summary = Sheet(w("sheet.summary"), (
        zone_col, Column("actors", w("report.fig.actors"), 10), Column("links", w("field.links"), 13),
        Column("density", w("report.fig.density"), 11, decimals=3), Column("ei", w("report.term.ei"), 10, decimals=2),
        Column("isolated", w("report.fig.signals"), 18, wrap=True), Column("gaps", w("report.fig.gaps"), 10),
        Column("cut_vertices", w("report.fig.cut_vertices"), 18, wrap=True)),
        [(names.zone(z), e.actors, e.links, e.density, e.ei, e.isolated, e.gaps, e.cut_vertices)
         for z, e in sorted(entries.items(), key=lambda item: (item[0] == REGION, item[0]))])
    nodes = result.graph.nodes
    isolated = Sheet(w("sheet.isolated"), (
        zone_col, name_col, Column("actor", "id", 18), Column("kind", w("field.kind"), 14), sector_col, line_col,
        Column("reason", w("report.col.signal"), 30, wrap=True), Column("degree", w("report.col.partners"), 16),
        Column("carried_by", w("sheet.col.carried_by"), 36, wrap=True)),
        [(names.zone(r.zone), words.name(r.actor), str(r.actor), words.coded("kind", nodes[r.actor].get("kind")),
          words.sector(nodes[r.actor].get("sector")), words.line(nodes[r.actor].get("line")),
          words.coded("reason", r.reason), r.degree, people(r.carried_by)) for r in result.isolated])
    brokers = Sheet(w("sheet.brokers"), (
        zone_col, Column("rank", w("report.col.rank"), 8), name_col, Column("actor", "id", 18), sector_col, line_col,
        Column("betweenness", w("report.col.betweenness"), 14, decimals=3),
        Column("brokerage", w("report.col.brokerage"), 16, wrap=True),
        Column("sectors_bridged", w("report.col.sectors_bridged"), 14, wrap=True),
        Column("cross_sector_ties", w("sheet.col.cross_sector_ties"), 14, wrap=True),
        Column("constraint", w("sheet.col.constraint"), 12, decimals=3),
        Column("effective_size", w("sheet.col.effective_size"), 12, decimals=2),
        Column("ei", w("report.term.ei"), 10, decimals=2), Column("cut_vertex", w("report.col.cut_vertex"), 14),
        Column("carried_by", w("sheet.col.carried_by"), 36, wrap=True)),
        [(names.zone(b.zone), b.rank, words.name(b.actor), str(b.actor), words.sector(b.sector), words.line(b.line),
          b.betweenness, b.itinerant + b.representative + b.liaison, b.sectors_bridged, b.cross_sector_ties,
          b.constraint, b.effective_size, b.ei, yes_no(b.cut_vertex), people(b.carried_by)) for b in result.brokers])
    gaps = Sheet(w("sheet.gaps"), (
        zone_col, Column("gap", w("report.col.gap"), 34, wrap=True), Column("between", w("report.col.between"), 44,
                                                                               wrap=True),
        Column("observed", w("report.col.observed"), 13), Column("expected", w("report.col.expected"), 11, decimals=1),
        Column("severity", w("report.col.severity"), 10, decimals=1)),
        [(names.zone(g.zone), words.coded("gap", g.gap), between(words, g.gap, g.a, g.b), g.observed, g.expected,
          g.severity) for g in result.gaps])
    action_sheet = _action_sheets(actions, words, names)[0]
    return workbook([summary, isolated, brokers, gaps, Sheet(w("sheet.actions"), action_sheet.columns,
                                                              action_sheet.rows)])


class _Names:
    """Display names of the zones, actors and groups that action rows name (a vocabulary's, remembered)."""

    def __init__(self, words):
        self.words = words
        self.seen: dict[str, str] = {}  # names already looked up: an actor is named in many rows
        self.zones: dict[str, str] = {}

    def zone(self, code: str) -> str:
        if code not in self.zones:
            self.zones[code] = self.words.zone_name(code)
        return self.zones[code]

    def named(self, x: str) -> str:
        """``name (id)`` of an actor or a group; the id alone when it names nothing else."""
        found = self.seen.get(x)
        if found is None:
            name = self.words.actor_names.get(x) or self.words.group_names.get(x)
            found = self.seen[x] = f"{name} ({x})" if name and str(name) != x else x
        return found


def _sheet_value(row: dict, column: str, names: _Names, labels: dict, lang: str):
    value = row.get(column)
    if value is None or value == "":
        return None
    if column == "zone":
        return names.zone(value)
    if column in ("action", "source"):
        key = f"{column}.{value}"
        return labels[key][lang] if key in labels else value
    if column == "actors":
        return "; ".join(names.named(x) for x in str(value).split("|") if x)
    if column == "via":
        return names.named(str(value))
    return value


def excel_csv_text(columns: Sequence[str], rows: Iterable[Sequence | dict]) -> str:
    """CSV text as Excel in a Belgian (Dutch or French) locale reads it on a double-click.

    A byte-order mark, ``;`` between cells, a decimal comma in numbers (ids and
    other text are left alone), CRLF line ends; cells are neutralised as in the
    contract's CSV files. Write it as UTF-8.

    >>> excel_csv_text(["zone", "severity", "why"], [{"zone": "south", "severity": 3.5, "why": "a; b"}])
    '\\ufeffzone;severity;why\\r\\nsouth;3,5;"a; b"\\r\\n'
    """
    import csv
    import io

    def cell(value) -> str:
        text = format_value(value)
        return text.replace(".", ",") if isinstance(value, float) else text

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([format_value(c) for c in columns])
    for row in rows:
        values = [row.get(c) for c in columns] if isinstance(row, dict) else row
        writer.writerow([cell(v) for v in values])
    return "\ufeff" + buffer.getvalue()


def broker_rows(brokers: pd.DataFrame) -> list[dict]:
    """Table rows as dicts with missing values (``pd.NA``, NaN) as None."""
    return brokers.astype(object).where(brokers.notna(), None).to_dict("records")


def write_analysis(result, out_dir: str | os.PathLike, words, *, plan: Sequence | None = None,
                   dialect: str = "contract") -> list[Path]:
    """Write summary.json, the four CSV files, actions.xlsx and analysis.xlsx into ``out_dir``.

    The jobs of :func:`analysis_jobs`, run (:func:`collabnet.runtime.run_jobs`).

    Parameters
    ----------
    result : collabnet.records.Analysis
        The analysis (or one zone of it: ``analysis.for_zone(z)``).
    out_dir : path
        Created when missing.
    words : collabnet.words.Vocabulary
        The language of the rationales and of the workbook.
    plan : sequence of Action, optional
        Actions of the planning tools (``result.plan_actions``) to add to
        actions.csv and actions.xlsx after each zone's own actions; every row
        then gets a ``source`` column (``analysis`` or ``plan``).
    dialect : {"contract", "excel"}
        The CSV files' dialect: the contract's (outputs.md), or Excel's in
        Belgium (:func:`excel_csv_text`).

    Returns
    -------
    list of Path
        The files written, in :data:`OUTPUT_FILES` order.
    """
    from collabnet.runtime import run_jobs

    return run_jobs(analysis_jobs(result, out_dir, words, plan=plan, dialect=dialect))[0]


def analysis_jobs(result, out_dir: str | os.PathLike, words, *, plan: Sequence | None = None,
                  dialect: str = "contract"):
    """:func:`write_analysis` as jobs (:class:`collabnet.runtime.Jobs`): one per file, the survey tables last."""
    from collabnet.runtime import Jobs

    if dialect not in CSV_DIALECTS:
        raise ValueError(f"unknown CSV dialect {dialect!r}: use one of {', '.join(CSV_DIALECTS)}")
    render = csv_text if dialect == "contract" else excel_csv_text

    def write_csv(path: Path, columns: Sequence[str], rows) -> Path:
        return atomic_write_text(path, render(columns, rows))

    out = Path(out_dir)
    brokers = result.broker_table  # made once, before a second process may write it
    actions, columns = action_rows(result.actions, words), ACTION_COLUMNS
    if plan is not None:
        actions = sorted([*action_rows(result.actions, words, source="analysis"),
                          *action_rows(plan, words, source="plan")], key=lambda row: (row["zone"], row["priority"]))
        columns = (*ACTION_COLUMNS, "source")
    writers = {
        "summary.json": lambda: atomic_write_text(out / "summary.json", summary_json(result.summary.to_dict())),
        "isolated.csv": lambda: write_csv(out / "isolated.csv", ISOLATED_COLUMNS, isolated_rows(result)),
        "brokers.csv": lambda: write_csv(out / "brokers.csv", list(brokers.columns), broker_rows(brokers)),
        "gaps.csv": lambda: write_csv(out / "gaps.csv", GAP_COLUMNS, gap_rows(result)),
        "actions.csv": lambda: write_csv(out / "actions.csv", columns, actions),
        "actions.xlsx": lambda: atomic_write_bytes(out / "actions.xlsx", actions_workbook(actions, words)),
        "analysis.xlsx": lambda: atomic_write_bytes(out / "analysis.xlsx", analysis_workbook(result, actions, words)),
    }
    writers["survey"] = lambda: write_survey_tables(result, out, render)
    # The workbooks first (most of the work), then the tables, largest first.
    rows = len(actions) + len(result.isolated) + len(brokers)
    cost = {"analysis.xlsx": 1.2 * rows, "actions.xlsx": 1.0 * len(actions), "brokers.csv": 0.5 * len(brokers),
            "actions.csv": 0.4 * len(actions), "isolated.csv": 0.2 * len(result.isolated),
            "gaps.csv": 0.1 * len(result.gaps), "summary.json": 0.0, "survey": 0.0}
    return Jobs(writers, cost, lambda written: [written[name] for name in OUTPUT_FILES] + written["survey"],
                shared=rows >= _SHARED_ROWS)


#: survey_dyads.csv, survey_sectors.csv, survey_scores.csv, survey_response.csv: written when the dataset has survey ties.
SURVEY_FILES = ("survey_dyads.csv", "survey_sectors.csv", "survey_scores.csv", "survey_response.csv")
SURVEY_DYAD_COLUMNS = ("zone", "a", "a_name", "b", "b_name", "level_a", "level_b", "difference", "since_a", "since_b")
SURVEY_SECTOR_COLUMNS = ("zone", "a", "b", "answers", "mean_level", "max_level", "networking_only")
SURVEY_SCORE_COLUMNS = ("zone", "actor", "name", "trust", "trust_ratings", "value", "value_ratings")
SURVEY_RESPONSE_COLUMNS = ("zone", "sector", "asked", "answered", "rate", "trust", "trust_percent", "value",
                           "value_percent", "not_answered")


def write_survey_tables(result, out: Path, render=csv_text) -> list[Path]:
    """The survey tables (:data:`SURVEY_FILES`) of ``result.survey``; nothing when the dataset has no survey tie.

    survey_dyads.csv: pairs who both answered and whose levels are 2 or more
    apart (``level_a``: what ``a`` said of ``b``); survey_sectors.csv: answers
    between two main sectors, mean and highest level, ``networking_only``;
    survey_scores.csv: PARTNER trust and value per organisation (only rated
    ones); survey_response.csv: asked, answered and rate per zone (``sector``
    empty, with the zone's trust and value and the ids not answered) and sector.
    ``render``: the CSV dialect's writer (:func:`collabnet.writing.csv_text` by default).
    """
    survey = result.survey
    if survey is None:
        return []
    nodes = result.graph.nodes

    def name(v):
        return nodes[v].get("name") if v in nodes else ""

    dyads = [{**{c: getattr(d, c) for c in SURVEY_DYAD_COLUMNS if hasattr(d, c)}, "a_name": name(d.a),
              "b_name": name(d.b)} for d in survey.disagreements]
    sectors = [{c: getattr(s, c) for c in SURVEY_SECTOR_COLUMNS} for s in survey.sectors]
    scores = [{**{c: getattr(s, c) for c in SURVEY_SCORE_COLUMNS if hasattr(s, c)}, "name": name(s.actor)}
              for s in survey.scores]
    responses = []
    for r in survey.responses:
        row = {"zone": r.zone, "sector": r.sector, "asked": r.asked, "answered": r.answered, "rate": r.rate}
        score = survey.zone_scores.get(r.zone) if not r.sector else None
        if score is not None:
            row.update(trust=score.trust, trust_percent=score.trust_percent, value=score.value,
                       value_percent=score.value_percent)
        if not r.sector:
            row["not_answered"] = "|".join(map(str, survey.nonrespondents.get(r.zone, ())))
        responses.append(row)
    tables = ((SURVEY_DYAD_COLUMNS, dyads), (SURVEY_SECTOR_COLUMNS, sectors), (SURVEY_SCORE_COLUMNS, scores),
              (SURVEY_RESPONSE_COLUMNS, responses))
    return [atomic_write_text(out / name, render(columns, rows)) for name, (columns, rows) in zip(SURVEY_FILES, tables)]


# Rows (actions, isolation, brokers) above which a second process writes some of the files.
_SHARED_ROWS = 50_000

"""The contract tables of ``collabnet analyze``: summary.json, four CSV files, and actions.xlsx.

Columns follow outputs.md in order; the columns after them are extras
(outputs.md allows adding columns, never renaming one):

- isolated.csv: ``zone, actor, name, kind, sector, line, reason, degree`` + ``evidence``
- brokers.csv: the contract columns + the extras of ``broker_table``
- gaps.csv: ``zone, gap, a, b, observed, expected, severity`` + ``evidence``
- actions.csv: ``zone, priority, action, actors, rationale`` + ``via, evidence, score``
  (+ ``source`` when plan actions are added: ``analysis`` or ``plan``)

actions.xlsx holds the rows of actions.csv for people rather than programs
(:func:`actions_workbook`): an ``all`` sheet and one sheet per zone with
actions, headers in the report language, names next to the ids.

Every file is written atomically (:mod:`collabnet.writing`); cells are
spreadsheet-safe, floats have at most 6 decimals, booleans are ``true``/``false``.
"""

from __future__ import annotations

import io
import json
import math
import os
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import pandas as pd

from collabnet.writing import atomic_write_bytes, atomic_write_text, sheet_cell, write_csv

__all__ = [
    "ACTION_COLUMNS",
    "GAP_COLUMNS",
    "ISOLATED_COLUMNS",
    "OUTPUT_FILES",
    "SOURCES",
    "action_rows",
    "actions_workbook",
    "broker_rows",
    "gap_rows",
    "isolated_rows",
    "summary_json",
    "write_analysis",
]

ISOLATED_COLUMNS = ("zone", "actor", "name", "kind", "sector", "line", "reason", "degree", "evidence")
GAP_COLUMNS = ("zone", "gap", "a", "b", "observed", "expected", "severity", "evidence")
ACTION_COLUMNS = ("zone", "priority", "action", "actors", "rationale", "via", "evidence", "score")
OUTPUT_FILES = ("summary.json", "isolated.csv", "brokers.csv", "gaps.csv", "actions.csv", "actions.xlsx")
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
    nodes = result.dataset.graph.nodes
    return [{"zone": row.zone, "actor": row.actor, "name": nodes[row.actor].get("name"),
             "kind": nodes[row.actor].get("kind"), "sector": nodes[row.actor].get("sector"),
             "line": nodes[row.actor].get("line"), "reason": row.reason, "degree": row.degree,
             "evidence": row.evidence} for row in result.isolated]


def gap_rows(result) -> list[dict]:
    return [{column: getattr(gap, column) for column in GAP_COLUMNS} for gap in result.gaps]


def action_rows(actions, *, source: str | None = None) -> list[dict]:
    """actions.csv rows of an Analysis (its ``actions``) or of any sequence of Action records.

    ``source`` (``analysis`` or ``plan``) fills an extra ``source`` column.

    >>> from collabnet.analyses.actions import Action
    >>> action_rows([Action("south", 1, "invite", ("gp",), "Invite GP.", None, "isolated")], source="plan")
    ... # doctest: +NORMALIZE_WHITESPACE
    [{'zone': 'south', 'priority': 1, 'action': 'invite', 'actors': 'gp', 'rationale': 'Invite GP.',
      'via': None, 'evidence': 'isolated', 'score': 0.0, 'source': 'plan'}]
    """
    rows = [{"zone": a.zone, "priority": a.priority, "action": a.action, "actors": "|".join(a.actors),
             "rationale": a.rationale, "via": a.via, "evidence": a.evidence, "score": a.score}
            for a in getattr(actions, "actions", actions)]
    if source is not None:
        for row in rows:
            row["source"] = source
    return rows


def actions_workbook(rows: Iterable[dict], dataset, lang: str = "en") -> bytes:
    """actions.xlsx: the actions.csv rows as a workbook a zone can paste into its action plan.

    Sheets: ``all`` (in ``lang``: ``alle``, ``toutes``) with every row, then
    one sheet per zone with actions, named after the zone, in the order of
    the rows. Columns, headed in ``lang``: the zone's name, the priority, the
    action (the verb in ``lang``), the actors (``name (id)``), the rationale,
    ``via`` (the partner or group, ``name (id)``) and, when the rows have one,
    the source (analysis or plan). Bold frozen header row, autofilter, set
    column widths. Text cells are neutralised (:func:`collabnet.writing.sheet_cell`);
    the same rows give the same bytes (:func:`collabnet.writing.workbook_bytes`).

    The bytes are those openpyxl writes for the whole workbook, but openpyxl
    only builds the workbook's frame (sheets, header rows, widths, styles,
    filters); the rows of each sheet are written here as the XML openpyxl
    would write for them, ten times faster (:func:`_sheet_rows`). Values of
    other types than text, whole and finite numbers and None go the slow way.

    Parameters
    ----------
    rows : iterable of dict
        :func:`action_rows` rows.
    dataset : collabnet.dataset.Dataset
        For the names of zones, actors and groups.
    lang : {"nl", "fr", "en"}
    """
    import zipfile

    from collabnet.words import LABELS
    from collabnet.writing import workbook_bytes

    rows = list(rows)
    columns = [c for c in _SHEET_COLUMNS if c[0] != "source" or any("source" in row for row in rows)]
    names = _Names(dataset, lang)
    cells = [[sheet_cell(_sheet_value(row, column, names, LABELS, lang)) for column, *_ in columns] for row in rows]
    if not all(_plain(value) for values in cells for value in values):
        return workbook_bytes(_workbook(columns, rows, cells, names, lang, frame_only=False))
    book = _workbook(columns, rows, cells, names, lang, frame_only=True)
    frame = workbook_bytes(book)
    # Each row's cells once, for every sheet it is in: the row number left as a mark (no cell holds \x00).
    first = book.worksheets[0]
    wrap = first.cell(row=2, column=[c for c, *_ in columns].index("actors") + 1).style_id if rows else 0
    templates = [_cells_xml(values, [c for c, *_ in columns], wrap) for values in cells]
    parts = {}
    for number, (sheet, zone) in enumerate(zip(book.worksheets, ["", *dict.fromkeys(row["zone"] for row in rows)]),
                                           start=1):
        members = [xml for row, xml in zip(rows, templates) if zone in ("", row["zone"])]
        parts[f"xl/worksheets/sheet{number}.xml"] = (sheet, members)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(frame)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename in parts:
                sheet, members = parts[info.filename]
                data = _with_rows(data, sheet, columns, members)
            entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            entry.compress_type, entry.external_attr = info.compress_type, info.external_attr
            target.writestr(entry, data)
    return out.getvalue()


def _workbook(columns: list, rows: list, cells: list, names: _Names, lang: str, *, frame_only: bool):
    """The openpyxl workbook of actions.xlsx; ``frame_only``: every sheet with its header row only (the rows
    are written by :func:`_with_rows`), styles registered in the same order as with every row."""
    import openpyxl
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from collabnet.words import t

    book = openpyxl.Workbook()
    sheets = {"": book.active}
    book.active.title = t("sheet.all", lang)
    taken = {book.active.title.casefold()}
    for zone in dict.fromkeys(row["zone"] for row in rows):
        sheets[zone] = book.create_sheet(_sheet_title(names.zone(zone), taken))
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for key, sheet in sheets.items():
        sheet.append([t(label, lang) for _, label, _ in columns])
        count = 0
        for row, values in zip(rows, cells):
            if key in ("", row["zone"]):
                count += 1
                if not frame_only:
                    sheet.append(values)
        for index, (column, _, width) in enumerate(columns, start=1):
            letter = get_column_letter(index)
            sheet.column_dimensions[letter].width = width
            sheet.cell(row=1, column=index).font = bold
            if column in ("rationale", "actors"):
                if frame_only and count:
                    sheet.cell(row=2, column=index).alignment = wrap  # registers the style, as the rows would
                for cell in sheet[letter][1:]:
                    cell.alignment = wrap
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{1 + count}"
    return book


def _plain(value) -> bool:
    """A value :func:`_sheet_rows` writes as openpyxl would: text, a whole or finite number, or None."""
    if value is None or type(value) in (str, int):
        return True
    return type(value) is float and math.isfinite(value)


# openpyxl: text equal to one of these is an error value, not text.
_ERROR_CODES = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A")


def _with_rows(xml: bytes, sheet, columns: list, members: list[str]) -> bytes:
    """A frame sheet's XML with every row written in: the header, then ``members`` (:func:`_cells_xml`)."""
    from openpyxl.utils import get_column_letter

    text = xml.decode("utf-8")
    start, end = text.index("<sheetData>"), text.index("</sheetData>") + len("</sheetData>")
    dimension = f"A1:{get_column_letter(len(columns))}{1 + len(members)}"
    head = re.sub(r'<dimension ref="[^"]*" />', f'<dimension ref="{dimension}" />', text[:start], count=1)
    header = [cell.value for cell in sheet[1]]
    bold = sheet.cell(row=1, column=1).style_id
    rows = [f'<row r="1">{_cells_xml(header, [None] * len(header), bold, styled=True).replace(_MARK, "1")}</row>']
    rows += [f'<row r="{n}">{cells.replace(_MARK, str(n))}</row>' for n, cells in enumerate(members, start=2)]
    return (head + "<sheetData>" + "".join(rows) + "</sheetData>" + text[end:]).encode("utf-8")


_MARK = "\x00"  # the row number in a row's cells, filled in per sheet


def _cells_xml(values: list, columns: list, wrap: int, *, styled: bool = False) -> str:
    """A row's cells as openpyxl 3.1 writes them, the row number left as :data:`_MARK`.

    A cell is ``<c r="B2" t="n"><v>3</v></c>`` for a number, an inline string
    for text (``xml:space="preserve"`` when it starts or ends with a space),
    ``t="e"`` for an error code; a styled cell (the wrapped actors and
    rationale, style ``wrap``; with ``styled``, every cell) is written even
    when empty, an unstyled empty cell is left out.
    """
    out = []
    for letter, value, column in zip(_letters(len(values)), values, columns):
        style = wrap if styled or column in ("rationale", "actors") else 0
        s = f' s="{style}"' if style else ""
        ref = f"{letter}{_MARK}"
        if value is None:
            if style:
                out.append(f'<c r="{ref}"{s} t="n" />')
        elif type(value) is str:
            value = value[:32767]
            if value in _ERROR_CODES:
                out.append(f'<c r="{ref}"{s} t="e"><v>{value}</v></c>')
            elif value == "":
                out.append(f'<c r="{ref}"{s} t="inlineStr" />')
            else:
                bare = value.strip()
                space = ' xml:space="preserve"' if bare and bare != value else ""
                out.append(f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{_escape(value)}</t></is></c>')
        else:
            out.append(f'<c r="{ref}"{s} t="n"><v>{value:.16g}</v></c>')  # openpyxl: "%.16g" % value
    return "".join(out)


@lru_cache(maxsize=8)
def _letters(count: int) -> tuple[str, ...]:
    from openpyxl.utils import get_column_letter

    return tuple(get_column_letter(i) for i in range(1, count + 1))


def _escape(text: str) -> str:
    """Character data as ElementTree escapes it."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


class _Names:
    """Display names of the zones, actors and groups that action rows name, in one language."""

    def __init__(self, dataset, lang: str):
        self.dataset, self.lang = dataset, lang
        self.G = dataset.graph
        groups = dataset.groups
        self.groups = dict(zip(groups["id"], groups["name"])) if len(groups) else {}
        self.seen: dict[str, str] = {}  # names already looked up: an actor is named in many rows
        self.zones: dict[str, str] = {}

    def zone(self, code: str) -> str:
        if code not in self.zones:
            self.zones[code] = self.dataset.zone_name(code, self.lang)
        return self.zones[code]

    def named(self, x: str) -> str:
        """``name (id)`` of an actor or a group; the id alone when it names nothing else."""
        found = self.seen.get(x)
        if found is None:
            name = self.G.nodes[x].get("name") if x in self.G else self.groups.get(x)
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


def _sheet_title(name: str, taken: set[str]) -> str:
    """A worksheet name from a zone name: no ``[]:*?/\\``, at most 31 characters, unique (case-blind).

    >>> taken = {"all"}
    >>> _sheet_title("Centre/Ouest: [test]", taken), _sheet_title("ALL", taken), _sheet_title("all", taken)
    ('Centre-Ouest- -test-', 'ALL (2)', 'all (3)')
    """
    base = "".join("-" if ch in "[]:*?/\\" else ch for ch in name).strip("' ")[:31] or "zone"
    title, n = base, 1
    while title.casefold() in taken:
        n += 1
        suffix = f" ({n})"
        title = base[:31 - len(suffix)] + suffix
    taken.add(title.casefold())
    return title


def broker_rows(brokers: pd.DataFrame) -> list[dict]:
    """Table rows as dicts with missing values (``pd.NA``, NaN) as None."""
    return brokers.astype(object).where(brokers.notna(), None).to_dict("records")


def write_analysis(result, out_dir: str | os.PathLike, *, plan: Sequence | None = None) -> list[Path]:
    """Write summary.json, isolated.csv, brokers.csv, gaps.csv, actions.csv and actions.xlsx into ``out_dir``.

    Parameters
    ----------
    result : collabnet.analyses.run.Analysis
    out_dir : path
        Created when missing.
    plan : sequence of Action, optional
        Actions of the planning tools (:func:`collabnet.planning.plan_actions`)
        to add to actions.csv and actions.xlsx after each zone's own actions;
        every row then gets a ``source`` column (``analysis`` or ``plan``).

    Returns
    -------
    list of Path
        The files written, in :data:`OUTPUT_FILES` order.
    """
    from collabnet.render.workers import paused_gc, share_out

    out = Path(out_dir)
    actions, columns = action_rows(result), ACTION_COLUMNS
    if plan is not None:
        actions = sorted([*action_rows(result, source="analysis"), *action_rows(plan, source="plan")],
                         key=lambda row: (row["zone"], row["priority"]))
        columns = (*ACTION_COLUMNS, "source")
    writers = {
        "summary.json": lambda: atomic_write_text(out / "summary.json", summary_json(result.summary)),
        "isolated.csv": lambda: write_csv(out / "isolated.csv", ISOLATED_COLUMNS, isolated_rows(result)),
        "brokers.csv": lambda: write_csv(out / "brokers.csv", list(result.brokers.columns),
                                         broker_rows(result.brokers)),
        "gaps.csv": lambda: write_csv(out / "gaps.csv", GAP_COLUMNS, gap_rows(result)),
        "actions.csv": lambda: write_csv(out / "actions.csv", columns, actions),
        "actions.xlsx": lambda: atomic_write_bytes(out / "actions.xlsx",
                                                   actions_workbook(actions, result.dataset, result.lang)),
    }
    # The workbook in one process, the tables in another when they are big (collabnet.render.workers).
    order = ["actions.xlsx", "brokers.csv", "actions.csv", "isolated.csv", "gaps.csv", "summary.json"]
    rows = len(actions) + len(result.isolated) + len(result.brokers)
    with paused_gc():  # millions of small rows: no collector scans of the whole graph meanwhile
        written = dict(zip(order, share_out(order, lambda name: writers[name](), parallel=rows >= _SHARED_ROWS)))
    return [written[name] for name in OUTPUT_FILES]


# Rows (actions, isolation, brokers) above which a second process writes some of the files.
_SHARED_ROWS = 50_000

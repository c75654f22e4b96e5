"""Printable reports: one HTML page and one Markdown twin per care zone and for the region.

A report is written for people who are not network analysts (coordination
teams, support groups, workshop facilitators). It reads the record of
:func:`collabnet.analyses.analyse` (and computes no finding itself) and
shows, in Dutch, French or English:

1. the zone at a glance, a page of its own in print: the key figures (actors,
   links, density, E-I index, isolation, gaps, actions), a static network
   picture (:mod:`collabnet.render.picture`: the organisation graph, or the
   sector map of a large zone, with isolated actors and bridges marked) and
   the first three actions;
2. the sector x sector table of links as a heatmap (an HTML table whose cell
   colours are computed here; every count stays visible as a number);
3. isolation by main sector and by care line, as inline SVG bar charts;
4. the isolated actors;
5. the brokers, and the single points of failure: cut vertices (actors) and
   bridges (ties that are the only link between two sectors, lines or
   language networks);
6. the gaps with their severity;
7. the action list; in a zone report, with two plans for the zone's next
   workshop (:mod:`collabnet.planning`): whom to invite (``PLAN_SEATS`` seats,
   with the choices' reasons and what the choice guarantees) and the
   introductions that close most gaps (``PLAN_COUNT``, with who introduces,
   the gaps closed, and the zone's figures before and after);
8. "how to read this report": the terms in plain words.

Given the changes since an earlier date (a :class:`collabnet.diff.Diff`), a
section "since last time" follows the key figures: the key figures on both
dates, ties and group memberships that started or ended, actors who became
or stopped being isolated (and why), gaps opened and closed, brokers gained
and lost, and, when earlier actions were given, whether each was realised.
A zone report shows the zone's changes; the region report those of the whole
region (every change once, the region's gaps and figures). Each list stops
after :data:`SINCE_ROWS` rows; ``collabnet diff`` writes them all.

The zone report covers the actors whose zone is that zone (the gaps and
actions of that zone); the region report covers every actor, with the
region-wide gaps and actions (zone ``region`` in gaps.csv and actions.csv).
Long lists stop after :data:`MAX_ROWS` rows with a pointer to the CSV file
that holds them all.

Safety and reproducibility: the HTML goes through Jinja with autoescaping,
carries a Content-Security-Policy that allows no script and no network
request, and references nothing outside the file; the Markdown escapes
``\\ ` * _ [ ] < > |`` in every user-supplied string (:func:`markdown_escape`).
The same dataset and date give byte-identical files: nothing depends on the
clock, and every list is sorted by stable keys. No e-mail or phone number is
ever shown.

Examples
--------
>>> markdown_escape("<img src=x onerror=alert(1)> | *Ça* & Cie")
'\\\\<img src=x onerror=alert(1)\\\\> \\\\| \\\\*Ça\\\\* & Cie'
>>> report_name("south", "nl", "html"), report_name("../x", "fr", "md")
('report-south.nl.html', 'report-_x-d6b96a97.fr.md')
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from collabnet import __version__
from collabnet.codes import REASONS, REGION
from collabnet.records.findings import SCORE_DIGITS
from collabnet.render import phrases
from collabnet.render.picture import network_picture
from collabnet.runtime import Jobs, run_jobs
from collabnet.words import Vocabulary
from collabnet.writing import atomic_write_text

__all__ = ["GLANCE_ACTIONS", "MAX_BROKERS", "MAX_ROWS", "REASON_COLOURS", "SINCE_ROWS", "Report", "markdown_escape",
           "render_report", "render_reports", "report_name"]

#: Rows shown at most in a list of the report (actors, gaps, actions); the CSV files hold them all.
MAX_ROWS = 40
#: Brokers shown at most.
MAX_BROKERS = 15
#: Actions on the first page ("at a glance").
GLANCE_ACTIONS = 3
#: Rows shown at most per list of the "since last time" section (``collabnet diff`` writes them all).
SINCE_ROWS = 10
#: Bar colours of the isolation charts, from the most serious signal to none (colour-blind safe, prints in grey).
REASON_COLOURS = {
    "no_ties": "#b2182b",
    "intra_sector_only": "#ef8a62",
    "no_cross_line": "#fddbc7",
    "single_tie": "#67a9cf",
    "none": "#d9d9d9",
}
_DARK_SEGMENTS = frozenset({"no_ties", "single_tie"})
_HEAT_LOW = (247, 251, 255)   # ColorBrewer Blues, lightest
_HEAT_HIGH = (8, 48, 107)     # ColorBrewer Blues, darkest
_SECTIONS = ("glance", "since", "matrix", "survey", "isolation", "isolated", "brokers", "gaps", "actions",
             "howto")
# Key figures of collabnet.diff -> (label, decimals; None for a count).
_FIGURE_WORDS = {"actors": ("report.fig.actors", None), "edges": ("report.fig.links", None),
                 "isolated": ("report.fig.signals", None), "gaps": ("report.fig.gaps", None),
                 "cut_vertices": ("report.fig.cut_vertices", None), "density": ("report.fig.density", 3),
                 "ei": ("report.fig.ei", 2)}
_HOWTO = ("network", "density", "ei", "isolation", "betweenness", "brokerage", "gap", "cut_vertex", "cut_edge",
          "actions", "limits")
_LINE_ORDER = (0, 1, 2, 3, None)
# Chart geometry (SVG user units; the chart scales to the page width).
_CHART_WIDTH, _LABEL_WIDTH, _BAR_WIDTH, _ROW_HEIGHT, _BAR_HEIGHT = 680, 240, 370, 24, 16
_LABEL_CHARS = 36


class Report(NamedTuple):
    """The two forms of one report."""

    html: str
    markdown: str


def render_report(analysis, zone: str = REGION, lang: str = "en", *, changes=None) -> Report:
    """Render the report of one zone (or of the whole region) as HTML and Markdown.

    Parameters
    ----------
    analysis : collabnet.records.Analysis
        The record to show (every zone's: a zone report reads its zone's rows,
        the region report every row); the zone's plans, when the record has
        them, end the action section of a zone report (never of the region's).
    zone : str
        A zone code, or ``region`` for the region report.
    lang : {"nl", "fr", "en"}
        Language of every word, the sentences of actions and plans included.
    changes : collabnet.records.changes.Diff, optional
        What changed since an earlier date (:func:`collabnet.diff.compare`):
        adds the section "since last time".

    Returns
    -------
    Report
        ``html``: a self-contained page (styles and charts inline, no script,
        no network reference); ``markdown``: the same content as Markdown.
    """
    context = _Content(analysis, zone, lang, changes).context()
    return Report(_template("html").render(**context), _template("md").render(**context))


def render_reports(analysis, out_dir: str | Path, lang: str = "en", zone: str | None = None, *,
                   changes=None) -> list[Path]:
    """Write the HTML and Markdown reports of every zone and of the region.

    Parameters
    ----------
    analysis : collabnet.records.Analysis
        The whole analysis (not one zone of it).
    out_dir : path
        Output folder (created if needed).
    lang : {"nl", "fr", "en"}
    zone : str, optional
        Only this zone's report. Default: every zone with actors, then ``region``.
    changes : collabnet.records.changes.Diff, optional
        What changed since an earlier date: each report gets "since last time".

    Returns
    -------
    list of Path
        The files written (``report-<zone>.<lang>.html`` then ``.md``, per zone), each written atomically.
    """
    return run_jobs(report_jobs(analysis, out_dir, lang, zone, changes=changes))[0]


def report_jobs(analysis, out_dir: str | Path, lang: str = "en", zone: str | None = None, *, changes=None) -> Jobs:
    """:func:`render_reports` as jobs (:class:`collabnet.runtime.Jobs`): one per zone."""
    out_dir = Path(out_dir)
    zones = [zone] if zone is not None else [*analysis.zones, REGION]
    _ = analysis.broker_table  # made once, before a second process may write some of the reports

    def write(code: str) -> list[Path]:
        report = render_report(analysis, code, lang, changes=changes)
        return [atomic_write_text(out_dir / report_name(code, lang, "html"), report.html),
                atomic_write_text(out_dir / report_name(code, lang, "md"), report.markdown)]

    # The biggest zones first (the region: about an average zone's work), so that two processes finish
    # about together when a forked one writes some of the reports (see collabnet.runtime).
    n = analysis.graph.number_of_nodes()
    size = {code: len(analysis.members.get(code, ())) for code in zones}
    if REGION in size:
        size[REGION] = n // max(len(analysis.zones), 1)
    return Jobs({code: (lambda code=code: write(code)) for code in zones},
                {code: 0.1 * size[code] for code in zones},
                lambda files: [path for code in zones for path in files[code]],
                shared=n >= _SHARED_WORK and len(zones) > 1)


# Actors above which a second process writes some of the reports: below that, forking costs more than it saves.
_SHARED_WORK = 10_000


def report_name(zone: str, lang: str, suffix: str) -> str:
    """File name of a report: ``report-<zone>.<lang>.<suffix>``.

    A dataset's own zone code may hold any character: one that is not a
    letter, digit, ``-`` or ``_`` is replaced and a short hash of the code is
    added, so the file always lands in the output folder and two codes never
    share a file.
    """
    slug = re.sub(r"[^0-9A-Za-z_-]+", "_", str(zone))
    if slug != zone:
        slug += "-" + hashlib.sha256(str(zone).encode("utf-8")).hexdigest()[:8]
    return f"report-{slug}.{lang}.{suffix}"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MARKDOWN_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What GitHub-flavoured Markdown would turn into a link by itself: a scheme's colon, "www.", an e-mail's "@".
_MARKDOWN_AUTOLINK = re.compile(r"(?i)\b(?:https?:|ftp:|www\.)|@")


def markdown_escape(value: Any) -> str:
    """Text that Markdown shows as written: no markup, no HTML, no table break.

    Backslash-escapes ``\\ ` * _ [ ] < > |``, an ``&`` that would start an
    entity and what would become a link on its own (``http:``, ``www.``,
    ``@``), and folds line breaks into spaces (a table row is one line).

    >>> markdown_escape("a_b [x](y)\\nz &amp;")
    'a\\\\_b \\\\[x\\\\](y) z \\\\&amp;'
    >>> markdown_escape("see https://x.be or www.x.be")
    'see https\\\\://x.be or www\\\\.x.be'
    """
    text = " ".join(str("" if value is None else value).split())
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    text = _MARKDOWN_AUTOLINK.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1], text)
    return _MARKDOWN_ENTITY.sub(r"\\&", text)


# --------------------------------------------------------------------------- content
class _Content:
    """What one report shows, as plain values for the two templates."""

    def __init__(self, analysis, zone: str, lang: str, changes=None):
        self.analysis = analysis
        self.dataset = analysis.dataset
        self.changes = changes
        self.zone = zone
        self.G = analysis.graph
        self.words = Vocabulary.for_analysis(analysis, lang)
        self.lang = self.words.lang
        self.region = zone == REGION
        self.plan = None if self.region else analysis.plans.get(zone)
        self.nodes = list(analysis.members.get(zone, ()))
        self.in_scope = set(self.nodes)
        sectors = self.dataset.sectors
        self.sector_order = {code: i for i, code in enumerate(sectors["code"])} if len(sectors) else {}
        self.isolated = [r for r in analysis.isolated if r.actor in self.in_scope]
        brokers = analysis.broker_table
        self.brokers = brokers[brokers["actor"].isin(self.in_scope)]
        self.gaps = [g for g in analysis.gaps if g.zone == zone]
        self.actions = [a for a in analysis.actions if a.zone == zone]
        self.entry = analysis.summary.zones.get(zone)

    # ---- words
    def word(self, key: str, **fields: object) -> str:
        return self.words.word(key, **fields)

    def coded(self, prefix: str, code: Any) -> str:
        """Display word of a code (``gap.sector_pair``); the code itself when there is none."""
        return self.words.coded(prefix, code)

    def sector(self, code: Any) -> str:
        return self.words.sector(code)

    def line(self, line: Any) -> str:
        return self.words.line(None if _missing(line) else line)

    def zone_name(self, code: str) -> str:
        return self.words.zone_name(code)

    def name(self, v: Any) -> str:
        return self.words.name(v)

    def number(self, value: Any, digits: int) -> str:
        """A number with ``digits`` decimals (decimal comma in Dutch and French); n/a when missing."""
        return phrases.number(self.words, value, digits)

    def more(self, total: int, shown: int, file: str) -> str:
        return self.word("report.more", n=total - shown, file=file) if total > shown else ""

    # ---- the whole page
    def context(self) -> dict:
        date = self.dataset.at.isoformat()
        name = self.zone_name(self.zone)
        place = self.word("report.region") if self.region else self.word("report.zone", name=name)
        scope = self.word("report.in_region") if self.region else self.word("report.in_zone", name=name)
        dataset = str(self.dataset.name)
        survey = self.survey_section()
        return {
            "lang": self.lang,
            "title": f"{self.word('report.title')} — {place}",
            "subtitle": self.word("report.subtitle", dataset=dataset, date=date),
            "intro": self.word("report.intro", scope=scope, date=date),
            "footer": self.word("report.footer", version=__version__, dataset=dataset, date=date),
            "region": self.region,
            "sections": {key: self.word(self.section_key(key)) for key in _SECTIONS
                         if (key != "since" or self.changes is not None) and (key != "survey" or survey)},
            "glance": self.glance(),
            "w": self.words,
            "figures": self.figures(),
            "since": self.since(),
            "matrix": self.matrix(),
            "survey": survey,
            "charts": self.charts(),
            "legend": [(self.reason_word(r), REASON_COLOURS[r]) for r in (*REASONS, "none")],
            "isolated": self.isolated_rows(),
            "brokers": self.broker_rows(),
            "cut_vertices": self.cut_vertex_rows(),
            "cut_edges": self.cut_edge_rows(),
            "gaps": self.gap_rows(),
            "actions": self.action_rows(),
            "plan": self.plan_tables(),
            "howto": [(self.word(f"report.term.{k}"), self.word(self.help_key(k))) for k in _HOWTO],
        }

    def section_key(self, key: str) -> str:
        if key == "glance" and self.region:
            return "report.section.glance_region"
        return f"report.section.{key}"

    # ---- 1. at a glance: the picture and the first actions (the key figures come from figures())
    def glance(self) -> dict:
        ranked = self._ordered_brokers(self.brokers)["actor"].tolist() if len(self.brokers) else []
        picture = network_picture(
            self.G, self.nodes, self.words, isolated={r.actor for r in self.isolated},
            cut_vertices=self.analysis.cut_vertices & self.in_scope,
            cut_edges=[(u, v) for u, v in self.cut_edge_groups], brokers=ranked,
            matrix=self.analysis.matrices.get(self.zone), sector_order=self.sector_order, level=self.analysis.level,
            gaps=[(g.a, g.b) for g in self.gaps if g.gap == "sector_pair"])
        picture["caption"] = self.word(f"report.picture.{picture['kind']}")
        actions = [{"priority": a.priority, "action": self.coded("action", a.action), "why": self.words.say(a.rationale)}
                   for a in self.actions[:GLANCE_ACTIONS]]
        return {"picture": picture if self.nodes else None, "actions": actions}

    def help_key(self, term: str) -> str:
        """The "how to read" text of a term; the network is explained as the graph analysed (its level)."""
        if term == "network" and self.analysis.level == "organisations":
            return "report.help.network_organisations"
        return f"report.help.{term}"

    def through(self, v: Any, carried_by: str) -> str:
        """An organisation's name with the people who carry its links (``CPAS, through its coordinator``)."""
        people = [p for p in str(carried_by or "").split("|") if p]
        if not people:
            return self.name(v)
        return self.word("report.through", name=self.name(v), people=self.words.names(people, 2))

    def reason_word(self, reason: str) -> str:
        return self.word("report.reason.none") if reason == "none" else self.coded("reason", reason)

    # ---- 1. key figures
    def figures(self) -> list[tuple[str, str]]:
        G, nodes = self.G, self.nodes
        kinds = [G.nodes[v].get("kind") for v in nodes]
        entry = self.entry
        links, outside = (entry.links, entry.links_out) if entry is not None else (0, 0)
        signals = {r.actor for r in self.isolated}
        no_ties = {r.actor for r in self.isolated if r.reason == "no_ties"}
        rows = [
            ("report.fig.actors", self.word("report.fig.actors_value", n=len(nodes),
                                            organisations=kinds.count("organisation"),
                                            persons=kinds.count("person"))),
            ("report.fig.sectors", str(len({G.nodes[v].get("sector") for v in nodes} - {None}))),
            ("report.fig.links", str(links)),
        ]
        if not self.region:
            rows.append(("report.fig.links_out", str(outside)))
        rows += [
            ("report.fig.density", self.number(0.0 if entry is None else entry.density, 3)),
            ("report.fig.ei", self.number(None if entry is None else entry.ei, 2)),
            ("report.fig.no_ties", str(len(no_ties))),
            ("report.fig.signals", str(len(signals))),
            ("report.fig.cut_vertices", str(len(self.cut_vertex_table))),
            ("report.fig.cut_edges", str(len(self.cut_edge_groups))),
            ("report.fig.gaps", str(len(self.gaps))),
            ("report.fig.actions", str(len(self.actions))),
            ("report.fig.left_out", str(self.dataset.rows_left_out)),
        ]
        return [(self.word(key), value) for key, value in rows]

    # ---- since last time
    def since(self) -> dict | None:
        if self.changes is None:
            return None
        d = self.changes.whole_region() if self.region else self.changes.for_zone(self.zone)
        old, new = d.old_at.isoformat(), d.new_at.isoformat()
        scope = self.word("report.in_region") if self.region else self.word("report.in_zone",
                                                                            name=self.zone_name(self.zone))
        zone = [(self.word("field.zone"), False)] if self.region else []

        def in_zone(code: str) -> list:
            return [self.zone_name(code)] if self.region else []

        tables = [
            self.table("report.since.figures",
                       [(self.word("report.col.figure"), False), (old, True), (new, True),
                        (self.word("report.col.difference"), True)],
                       [self.figure_change(f) for f in d.figures], limit=len(d.figures)),
            self.table("report.since.ties",
                       [(self.word("report.col.change"), False), (self.word("report.col.between"), False),
                        (self.word("report.col.tie_types"), False)],
                       [[self.coded("change", c.change), f"{c.a_name} — {c.b_name}", c.types.replace("|", ", ")]
                        for c in d.ties], note=self.counted(d.ties, ("new", "lost"))),
            self.table("report.since.memberships",
                       [(self.word("report.col.change"), False), (self.word("report.col.name"), False),
                        (self.word("report.col.group"), False)],
                       [[self.coded("change", m.change), m.name, m.group_name] for m in d.memberships],
                       note=self.counted(d.memberships, ("new", "lost"))),
            self.table("report.since.isolated",
                       [(self.word("report.col.change"), False), (self.word("report.col.name"), False), *zone,
                        (self.word("report.col.signal"), False), (self.word("report.col.partners"), True)],
                       [[self.coded("change", i.change), i.name, *in_zone(i.zone), self.coded("reason", i.reason),
                         _arrow(i.old_degree, i.new_degree)] for i in d.isolated],
                       note=self.counted(d.isolated, ("became", "stopped"))),
            self.table("report.since.gaps",
                       [(self.word("report.col.change"), False), (self.word("report.col.gap"), False),
                        (self.word("report.col.between"), False)],
                       [[self.coded("change", g.change), self.coded("gap", g.gap), self.value_pair(g.gap, g.a, g.b)]
                        for g in d.gaps], note=self.counted(d.gaps, ("opened", "closed"))),
            self.table("report.since.brokers",
                       [(self.word("report.col.change"), False), (self.word("report.col.measure"), False),
                        (self.word("report.col.name"), False), *zone, (self.word("report.col.rank"), True)],
                       [[self.coded("change", b.change), self.measure(b.measure, d.top), b.name, *in_zone(b.zone),
                         _arrow(b.old_rank, b.new_rank)] for b in d.brokers],
                       note=self.counted(d.brokers, ("gained", "lost"))),
        ]
        if d.actions is not None:
            tables.append(self.table(
                "report.since.actions",
                [*zone, (self.word("report.col.priority"), True), (self.word("report.col.action"), False),
                 (self.word("report.col.why"), False), (self.word("report.col.status"), False)],
                [[*in_zone(a.zone), *self.earlier_action(a)] for a in d.actions],
                note=self.counted(d.actions, ("realised", "not_realised", "unknown"), attribute="status",
                                    prefix="status")))
        return {"intro": self.word("report.since.intro", scope=scope, old=old, new=new), "tables": tables}

    def table(self, title: str, columns: list[tuple[str, bool]], rows: list[list], *, note: str = "",
              after: tuple[str, ...] = (), limit: int = SINCE_ROWS) -> dict:
        """A titled table for the templates' ``table`` macro.

        ``columns`` are (heading, numeric); ``note`` comes before the table,
        the paragraphs ``after`` follow it; at most ``limit`` rows are shown.
        """
        return {"title": self.word(title), "note": note, "columns": columns, "rows": rows[:limit],
                "more": self.word("report.since.more", n=len(rows) - limit) if len(rows) > limit else "",
                "after": after}

    def counted(self, rows, changes: tuple[str, ...], *, attribute: str = "change", prefix: str = "change") -> str:
        """``new: 2 · lost: 1``: the rows per kind of change, in the report's language."""
        found = [getattr(r, attribute) for r in rows]
        return " · ".join(self.word("report.since.count", what=self.coded(prefix, c), n=found.count(c))
                          for c in changes)

    def figure_change(self, f) -> list[str]:
        """Figure, value on each date and the difference (``+2``), counts as integers."""
        label, digits = _FIGURE_WORDS.get(f.figure, (None, 2))

        def shown(value: Any) -> str:
            if digits is None and not _missing(value):
                return str(int(value))
            return self.number(value, digits or 0)

        difference = shown(f.difference)
        if not _missing(f.difference) and f.difference > 0:
            difference = "+" + difference
        return [self.word(label) if label else str(f.figure), shown(f.old), shown(f.new), difference]

    def measure(self, measure: str, top: int) -> str:
        return self.word("report.since.top_broker", top=top) if measure == "top_broker" \
            else self.word("report.col.cut_vertex")

    def earlier_action(self, a) -> list:
        row = dict(a.row)
        why = row.get("rationale") or ", ".join(self.name(v) for v in a.actors)
        return [row.get("priority", ""), self.coded("action", a.action), why, self.coded("status", a.status)]

    # ---- 2. sector x sector heatmap
    def matrix(self) -> dict:
        table = self.analysis.matrices.get(self.zone)
        found = table.codes if table is not None else ()
        codes = sorted(found, key=lambda c: (self.sector_order.get(c, len(self.sector_order)), str(c)))
        top = max((max(row) for row in table.counts), default=0) if table is not None else 0
        rows = []
        for i, a in enumerate(codes):
            cells = []
            for b in codes:
                value = table.count(a, b)
                background, ink = _heat(value, top)
                level = self.mean_level(a, b)
                cells.append({"a": a, "b": b, "count": value, "background": background, "ink": ink, "level": level,
                              "label": f"{self.sector(a)} × {self.sector(b)}: {value}"
                                       + (f" (ø {level})" if level else "")})
            rows.append({"number": i + 1, "code": a, "sector": self.sector(a), "cells": cells})
        return {"columns": [(i + 1, self.sector(c)) for i, c in enumerate(codes)], "rows": rows}

    def mean_level(self, a: str, b: str) -> str:
        """The mean survey level between two sectors of the zone (empty without survey answers between them)."""
        survey = self.analysis.survey
        found = survey.level_between(self.zone, a, b) if survey is not None else None
        return self.number(found.mean_level, 1) if found is not None else ""

    # ---- 2b. the relationship survey
    def level_word(self, level: int) -> str:
        return f"{level} – {self.word(f'survey.level.{level}')}"

    def survey_section(self) -> dict | None:
        """Response, disagreeing pairs (topics for the workshop), sectors linked only by networking, trust and value."""
        survey = self.analysis.survey
        if survey is None:
            return None
        zone = self.zone
        response = survey.response(zone)
        dyads = [d for d in survey.disagreements if d.zone == zone]
        weak = [s for s in survey.sectors if s.zone == zone and s.networking_only]
        if response is None and not dyads and not weak:
            return None
        scale = ", ".join(self.level_word(level) for level in range(6))
        intro = []
        if response is not None:
            intro.append(self.word("report.survey.intro", respondents=response.answered, asked=response.asked,
                                   rate=self.percent(response.rate), scale=scale))
            missing = survey.nonrespondents.get(zone, ())
            if missing:
                intro.append(self.word("report.survey.nonrespondents", names=self.words.names(list(missing), MAX_ROWS)))
        if any(s.zone == zone for s in survey.sectors):
            intro.append(self.word("report.survey.matrix_note"))
        tables = [self.table(
            "report.survey.dyads.title",
            [(self.word("report.survey.col.a"), False), (self.word("report.survey.col.b"), False),
             (self.word("report.survey.col.a_says"), False), (self.word("report.survey.col.b_says"), False)],
            [[self.name(d.a), self.name(d.b), self.level_word(d.level_a), self.level_word(d.level_b)] for d in dyads],
            note=self.word("report.survey.dyads.intro"),
            after=() if dyads else (self.word("report.survey.dyads.none"),), limit=MAX_ROWS)]
        if weak:
            tables.append(self.table(
                "report.survey.weak.title",
                [(self.word("report.col.sector"), False), (self.word("report.col.sector"), False),
                 (self.word("report.survey.col.answers"), True), (self.word("report.survey.col.mean"), True)],
                [[self.sector(s.a), self.sector(s.b), s.answers, self.number(s.mean_level, 1)] for s in weak],
                note=self.word("report.survey.weak.intro"), limit=MAX_ROWS))
        scores = [s for s in survey.scores if zone == REGION or s.zone == zone]
        score = survey.zone_scores.get(zone)
        if scores and score is not None:
            def shown(value):
                return self.number(value, 2) if value is not None else "–"

            tables.append(self.table(
                "report.survey.scores.title",
                [(self.word("report.col.name"), False), (self.word("report.survey.col.trust"), True),
                 (self.word("report.survey.col.ratings"), True), (self.word("report.survey.col.value"), True),
                 (self.word("report.survey.col.ratings"), True)],
                [[self.name(s.actor), shown(s.trust), s.trust_ratings, shown(s.value), s.value_ratings]
                 for s in scores],
                note=self.word("report.survey.scores.intro",
                               trust=self.percent(score.trust / 4) if score.trust is not None else "–",
                               value=self.percent(score.value / 4) if score.value is not None else "–"),
                limit=MAX_ROWS))
        return {"intro": intro, "tables": tables}

    # ---- 3. isolation charts
    def charts(self) -> list[dict]:
        worst: dict[Any, str] = {}  # actor -> its most serious reason (REASONS order)
        for record in self.isolated:
            if record.actor not in worst or REASONS.index(record.reason) < REASONS.index(worst[record.actor]):
                worst[record.actor] = record.reason
        by_sector: dict[Any, list] = {}
        by_line: dict[Any, list] = {}
        for v in self.nodes:
            data = self.G.nodes[v]
            by_sector.setdefault(data.get("sector"), []).append(worst.get(v, "none"))
            line = None if _missing(data.get("line")) else int(data["line"])
            by_line.setdefault(line, []).append(worst.get(v, "none"))
        sectors = sorted(by_sector, key=lambda c: (self.sector_order.get(c, len(self.sector_order)), str(c)))
        lines = sorted(by_line, key=lambda x: _LINE_ORDER.index(x) if x in _LINE_ORDER else len(_LINE_ORDER))
        return [
            _chart(self.word("report.chart.sector"), [(self.sector(c), by_sector[c]) for c in sectors],
                   self.reason_word),
            _chart(self.word("report.chart.line"), [(self.line(x), by_line[x]) for x in lines], self.reason_word),
        ]

    # ---- 4. isolated actors
    def isolated_rows(self) -> dict:
        by_actor: dict[Any, list] = {}  # one row per actor, with all its reasons, in isolated.csv order
        for record in self.isolated:
            if record.actor in by_actor:
                by_actor[record.actor].append(record)
            elif len(by_actor) < MAX_ROWS:
                by_actor[record.actor] = [record]
        rows = []
        for actor, records in by_actor.items():
            data = self.G.nodes[actor]
            rows.append({"name": self.through(actor, records[0].carried_by), "kind": self.coded("kind", data.get("kind")),
                         "sector": self.sector(data.get("sector")), "line": self.line(data.get("line")),
                         "zone": self.zone_name(records[0].zone), "partners": records[0].degree,
                         "signals": ", ".join(self.coded("reason", r.reason) for r in records)})
        return {"rows": rows, "more": self.more(len({r.actor for r in self.isolated}), MAX_ROWS, "isolated.csv")}

    # ---- 5. brokers and single points of failure
    def _ordered_brokers(self, table: pd.DataFrame) -> pd.DataFrame:
        # In a zone, brokers.csv's own rank; across the region, ranks of different zones do not compare.
        if self.region:
            key = table["betweenness"].round(SCORE_DIGITS)  # equal but for rounding noise: by actor id
            return table.assign(_key=key).sort_values(["_key", "actor"], ascending=[False, True],
                                                      kind="stable").drop(columns="_key")
        return table.sort_values(["rank", "actor"], kind="stable")

    def _broker_row(self, rec: dict) -> dict:
        return {
            "rank": int(rec["rank"]), "name": self.through(rec["actor"], rec.get("carried_by")),
            "zone": self.zone_name(rec["zone"]),
            "sector": self.sector(rec["sector"]), "line": self.line(rec["line"]),
            "betweenness": self.number(rec["betweenness"], 3), "sectors_bridged": int(rec["sectors_bridged"]),
            "brokerage": int(rec["itinerant"]) + int(rec["representative"]) + int(rec["liaison"]),
            "cut_vertex": self.word("report.yes" if bool(rec["cut_vertex"]) else "report.no"),
        }

    def broker_rows(self) -> dict:
        table = self.brokers
        if len(table):
            # an actor that neither brokers between sectors nor lies on any shortest path bridges nothing
            across = table["itinerant"] + table["representative"] + table["liaison"]
            table = self._ordered_brokers(table[(across > 0) | (table["betweenness"] > 0)])
        rows = [self._broker_row(rec) for rec in table.head(MAX_BROKERS).to_dict("records")]
        return {"rows": rows, "more": self.more(len(table), MAX_BROKERS, "brokers.csv"),
                "intro": self.word("report.brokers.intro_region" if self.region else "report.brokers.intro"),
                "certainty": self.certainty(bool(rows))}

    def certainty(self, shown: bool) -> str:
        """How sure the broker ranks are, when betweenness was estimated; else ``""`` (and when ``shown`` is false).

        Read from the analysis (:meth:`collabnet.records.Summary.unsettled`), never recomputed: how it
        was estimated, then what is settled, then (where something is not) how to get exact ranks.
        """
        summary = self.analysis.summary
        unsettled = summary.unsettled()
        if unsettled is None or not shown:
            return ""
        fields = {"sources": summary.betweenness["sources"],
                  "confidence": self.percent(summary.betweenness["certified"]["confidence"])}
        said = [self.word("report.brokers.estimated", **fields)]
        if not self.region:
            if self.zone not in unsettled:
                return " ".join([*said, self.word("report.brokers.certain", **fields)])
            said.append(self.word("report.brokers.uncertain", **fields))
            sure = summary.sure_ranks(self.zone)
            if sure:  # the leading ranks that are surely in the top 10 all the same
                said.append(self.word("report.brokers.sure_one" if sure == 1 else "report.brokers.sure", k=sure,
                                      **fields))
        elif not unsettled:
            return " ".join([*said, self.word("report.brokers.certain_region", **fields)])
        else:
            names = [self.zone_name(z) for z in self.analysis.zones if z in unsettled]
            if REGION in unsettled:
                names.append(self.word("report.brokers.region_actors"))
            said.append(self.word("report.brokers.uncertain_region", zones=", ".join(names), **fields))
        return " ".join([*said, self.word("report.brokers.exact")])

    @cached_property
    def cut_vertex_table(self) -> pd.DataFrame:
        table = self.brokers
        if not len(table):
            return table
        return self._ordered_brokers(table[table["cut_vertex"].astype(bool)])

    def cut_vertex_rows(self) -> dict:
        table = self.cut_vertex_table
        rows = [self._broker_row(rec) for rec in table.head(MAX_ROWS).to_dict("records")]
        return {"rows": rows, "more": self.more(len(table), MAX_ROWS, "brokers.csv")}

    @cached_property
    def cut_edge_groups(self) -> dict[tuple, list]:
        """Tie (u, v) -> what it alone links, for the ties with an end in scope."""
        groups: dict[tuple, list] = {}
        for edge in self.analysis.cut_edges:
            if edge.u in self.in_scope or edge.v in self.in_scope:
                groups.setdefault((edge.u, edge.v), []).append(edge)
        return groups

    def cut_edge_rows(self) -> dict:
        groups = self.cut_edge_groups
        rows = []
        for (u, v), edges in list(groups.items())[:MAX_ROWS]:
            rows.append({"link": f"{self.name(u)} — {self.name(v)}",
                         "separates": "; ".join(self.value_pair(e.separates, e.a, e.b) for e in edges)})
        return {"rows": rows, "more": self.more(len(groups), MAX_ROWS, "brokers.csv")}

    def value_pair(self, kind: str, a: Any, b: Any) -> str:
        return phrases.between(self.words, kind, a, b)

    # ---- 6. gaps
    def gap_rows(self) -> dict:
        rows = [{"gap": self.coded("gap", g.gap), "between": self.value_pair(g.gap, g.a, g.b),
                 "observed": int(g.observed), "expected": self.number(g.expected, 1),
                 "severity": self.number(g.severity, 1)} for g in self.gaps[:MAX_ROWS]]
        return {"rows": rows, "more": self.more(len(self.gaps), MAX_ROWS, "gaps.csv")}

    # ---- 7. actions
    def action_rows(self) -> dict:
        rows = [{"priority": a.priority, "action": self.coded("action", a.action), "why": self.words.say(a.rationale)}
                for a in self.actions[:MAX_ROWS]]
        return {"rows": rows, "more": self.more(len(self.actions), MAX_ROWS, "actions.csv")}


    # ---- 7b. plans for the zone's next workshop
    def plan_tables(self) -> list[dict]:
        if self.plan is None or self.region:
            return []
        invite, introductions = self.plan.invite, self.plan.introductions
        choices = [[c.rank, self.name(c.actor), len(c.reaches),
                    self.words.say(c.rationale) + (" " + self.word("report.plan.forced") if c.forced else "")]
                   for c in invite.choices]
        if invite.choices:
            share = invite.reached / invite.total if invite.total else 1.0
            if invite.reached >= invite.total:
                said = [self.word("report.plan.all_reached", total=self.weight(invite.total))]
            else:
                # the greedy guarantee, said as the most any choice could reach: reached / guarantee
                most = min(invite.total, invite.reached / invite.guarantee) if invite.guarantee else invite.total
                said = [self.word("report.plan.guarantee", reached=self.weight(invite.reached),
                                  total=self.weight(invite.total), share=self.percent(share),
                                  most=self.weight(math.floor(most)), seats=invite.seats)]
            if len(invite.choices) < invite.seats:
                said.append(self.word("report.plan.fewer", n=len(invite.choices), seats=invite.seats))
            if invite.unmet:
                said.append(self.word("report.plan.unmet", n=invite.seats_needed,
                                      what=self.requirements(invite.unmet)))
            else:
                said.append(self.word("report.plan.at_table", what=self.requirements(invite.requirements)))
        else:
            said = [self.word("report.plan.invite.none")]
        team = self.word("say.coordination_team")
        pairs = [[i.rank, " — ".join(self.name(v) for v in i.actors), self.name(i.via) if i.via else team,
                  "; ".join(self.coded("gap", c.split(" ", 1)[0]) for c in i.closes) or "–", self.words.say(i.rationale)]
                 for i in introductions.introductions]
        tables = [
            self.table("report.plan.invite.title",
                       [(self.word("report.col.rank"), True), (self.word("report.col.name"), False),
                        (self.word("report.col.reached"), True), (self.word("report.col.why"), False)],
                       choices, note=self.word("report.plan.invite.intro", seats=invite.seats), after=tuple(said),
                       limit=len(choices)),
            self.table("report.plan.introduce.title",
                       [(self.word("report.col.rank"), True), (self.word("action.introduce"), False),
                        (self.word("report.col.through"), False), (self.word("report.col.closes"), False),
                        (self.word("report.col.why"), False)],
                       pairs, note=self.word("report.plan.introduce.intro", count=introductions.count),
                       after=() if pairs else (self.word("report.plan.introduce.none"),), limit=len(pairs)),
        ]
        if pairs:
            before, after = introductions.before, introductions.after
            figures = [("report.fig.signals", "isolated"), ("report.fig.no_ties", "no_ties"),
                       ("report.fig.sector_pairs", "unlinked_sector_pairs"), ("gap.line_gap", "line_gap"),
                       ("gap.language_gap", "language_gap"), ("report.fig.ei", "ei")]
            rows = [[self.word(label), *(self.plan_figure(getattr(f, name)) for f in (before, after))]
                    for label, name in figures]
            tables.append(self.table("report.plan.figures.title",
                                     [(self.word("report.col.figure"), False), (self.word("report.col.before"), True),
                                      (self.word("report.col.after"), True)], rows, limit=len(rows)))
        return tables

    def plan_figure(self, value: Any) -> str:
        if isinstance(value, bool):
            return self.word("report.yes" if value else "report.no")
        return str(value) if isinstance(value, int) else self.number(value, 2)

    def requirements(self, codes: Iterable[str]) -> str:
        """``family:welfare``, ``line:2`` as words, families first: ``health, welfare and second line``."""
        return phrases.requirements(self.words, codes)

    def weight(self, value: float) -> str:
        return str(int(value)) if float(value).is_integer() else self.number(value, 1)

    def percent(self, share: float) -> str:
        return phrases.percent(self.words, share)


_missing = phrases.missing


def _arrow(old: Any, new: Any) -> str:
    """``3 → 1``; a missing side is a dash (the actor was not active, or had no rank)."""
    return " → ".join("–" if _missing(v) else str(v) for v in (old, new))


def _heat(value: int, top: int) -> tuple[str, str]:
    """Background and text colour of a heatmap cell: light (0) to dark blue (the largest count)."""
    share = value / top if top else 0.0
    rgb = (round(lo + (hi - lo) * share) for lo, hi in zip(_HEAT_LOW, _HEAT_HIGH))
    return "#{:02x}{:02x}{:02x}".format(*rgb), ("#ffffff" if share > 0.5 else "#1a1a1a")


def _chart(title: str, groups: Iterable[tuple[str, list[str]]], reason_word) -> dict:
    """Geometry of one horizontal stacked bar chart: a bar per group, a segment per worst reason."""
    groups = list(groups)
    top = max((len(reasons) for _, reasons in groups), default=0)
    scale = _BAR_WIDTH / top if top else 0.0
    bars = []
    for i, (label, reasons) in enumerate(groups):
        x = float(_LABEL_WIDTH)
        segments = []
        for reason in (*REASONS, "none"):
            count = reasons.count(reason)
            if not count:
                continue
            width = count * scale
            segments.append({"reason": reason, "word": reason_word(reason), "count": count,
                             "x": round(x, 2), "width": round(width, 2), "colour": REASON_COLOURS[reason],
                             "ink": "#ffffff" if reason in _DARK_SEGMENTS else "#1a1a1a",
                             "show": width >= 16, "middle": round(x + width / 2, 2)})
            x += width
        short = label if len(label) <= _LABEL_CHARS else label[:_LABEL_CHARS - 1] + "…"
        bars.append({"label": label, "short": short, "total": len(reasons), "segments": segments,
                     "y": 8 + i * _ROW_HEIGHT, "end": round(x + 6, 2),
                     "counts": {s["reason"]: s["count"] for s in segments}})
    return {"title": title, "bars": bars, "width": _CHART_WIDTH, "height": 16 + len(bars) * _ROW_HEIGHT,
            "label_x": _LABEL_WIDTH - 8, "bar_height": _BAR_HEIGHT, "reasons": (*REASONS, "none"),
            "words": [reason_word(r) for r in (*REASONS, "none")]}


# --------------------------------------------------------------------------- templates
def _markdown_finalize(value: Any) -> str:
    from markupsafe import Markup

    return value if isinstance(value, Markup) else markdown_escape(value)


@lru_cache(maxsize=2)
def _template(form: str):
    import jinja2

    source = (resources.files("collabnet") / "templates" / f"report.{form}.j2").read_text(encoding="utf-8")
    # HTML: autoescaping. Markdown has none: every {{ value }} goes through markdown_escape instead, except
    # a macro's output marked |safe (its values were escaped inside the macro).
    extra = {"autoescape": True} if form == "html" else {"autoescape": False, "finalize": _markdown_finalize}
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True, trim_blocks=True,
                             lstrip_blocks=True, **extra)
    return env.from_string(source)

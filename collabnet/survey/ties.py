"""Answers -> ``ties`` rows of type ``survey``, a second wave on top of the first.

Each answer is one tie row: ``source`` the respondent, ``target`` the partner,
``type`` ``survey``, ``weight`` the level (0-5; level 0, "no interaction",
makes no edge of the actor graph), ``since`` the answer's date,
``reported_by`` the respondent, then the optional ``frequency``, ``trust``,
``value`` (PARTNER scores, 1-4) and the six items as they were answered, and
``provenance`` (``FILE:ROW`` of the answer).

Waves: the answers of one respondent about one partner form a history. A new
answer (a later date) closes the earlier one (its ``until`` becomes the new
date); a pair not asked again keeps its last answer, open, so a second wave
re-uses the first wave's answers for the pairs it did not ask. Reading the
same forms again changes nothing (an answer with the same respondent, partner
and date replaces the row it already wrote).

Examples
--------
>>> from collabnet.intake.folder import DatasetTables
>>> from collabnet.survey.answers import Answer
>>> tables = DatasetTables()
>>> merge_answers(tables, [Answer("a", "b", 2, "2024-03-01")]).added
1
>>> merge_answers(tables, [Answer("a", "b", 4, "2025-03-01")]).added
1
>>> [(r["weight"], r["since"], r["until"]) for r in tables.rows["ties"]]
[('2', '2024-03-01', '2025-03-01'), ('4', '2025-03-01', '')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from collabnet.codes import normalise
from collabnet.survey.answers import Answer, SurveyRead, read_answers
from collabnet.survey.scale import ITEMS, SURVEY_TYPE
from collabnet.writing import format_value

__all__ = ["SURVEY_TYPE", "Merged", "merge_answers", "tie_row", "read_survey"]

def tie_row(answer: Answer) -> dict[str, str]:
    """The ties row of one answer (text cells, only the columns the answer fills)."""
    row = {"source": answer.respondent, "target": answer.partner, "type": SURVEY_TYPE, "weight": str(answer.level),
           "since": answer.date, "until": "", "reported_by": answer.respondent}
    if answer.frequency:
        row["frequency"] = answer.frequency
    for score in ("trust", "value"):
        if getattr(answer, score) is not None:
            row[score] = format_value(getattr(answer, score))
    row.update((item, str(rating)) for item, rating in answer.items)
    row["provenance"] = answer.source
    return row


@dataclass
class Merged:
    """What a merge did: answers added, rows replaced (same date, new values), unchanged, rows closed by a later one."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    closed: int = 0


_ANSWER_COLUMNS = ("weight", "frequency", "trust", "value", *ITEMS)


def _reporter(row: dict[str, str]) -> str:
    return row.get("reported_by") or row.get("source", "")


def merge_answers(tables, answers: Iterable[Answer]) -> Merged:
    """Add the answers to ``tables`` (a :class:`collabnet.intake.folder.DatasetTables`) as survey ties."""
    merged = Merged()
    ties = tables.rows.setdefault("ties", [])
    at = {(_reporter(r), r.get("target", ""), r.get("since", "")): i for i, r in enumerate(ties)
          if normalise(r.get("type", "")) == SURVEY_TYPE}
    touched = set()
    for answer in answers:
        row = tie_row(answer)
        key = (answer.respondent, answer.partner, answer.date)
        touched.add(key[:2])
        if key in at:
            old = ties[at[key]]
            if all(old.get(c, "") == row.get(c, "") for c in _ANSWER_COLUMNS):
                merged.unchanged += 1
                continue
            kept = {c: v for c, v in old.items() if c not in _ANSWER_COLUMNS}  # the user's own columns stay
            ties[at[key]] = {**{c: "" for c in old}, **kept, **row, "until": old.get("until", "")}
            merged.replaced += 1
        else:
            tables.add("ties", row)
            at[key] = len(ties) - 1
            merged.added += 1
    for c in tie_row(Answer("", "", 0, "")):
        if c not in tables.columns.setdefault("ties", []):
            tables.columns["ties"].append(c)
    history: dict[tuple[str, str], list[int]] = {}
    for (reporter, partner, _since), i in at.items():
        if (reporter, partner) in touched:
            history.setdefault((reporter, partner), []).append(i)
    for rows in history.values():
        rows.sort(key=lambda i: ties[i].get("since", ""))
        for earlier, later in zip(rows, rows[1:]):
            if ties[earlier].get("until", "") != ties[later]["since"]:
                ties[earlier]["until"] = ties[later]["since"]
                merged.closed += 1
    return merged


@dataclass
class SurveyImport:
    """``collabnet survey read``: what was read, what was merged, the files written."""

    read: SurveyRead
    merged: Merged
    written: list[Path] = field(default_factory=list)


def read_survey(forms: Iterable[str | Path], dataset: str | Path, *, out: str | Path | None = None,
                date: dt.date | None = None) -> SurveyImport:
    """Read filled forms into a dataset folder (in place, or a copy at ``out``).

    Raises
    ------
    DatasetError
        The dataset or a form cannot be used, or no answer could be read at all.
    """
    from collabnet.dataset import load_dataset
    from collabnet.errors import DatasetError, reason
    from collabnet.intake.folder import DatasetTables
    from collabnet.records.messages import Joined

    source = Path(dataset)
    if out is None and not source.is_dir():
        raise DatasetError(reason("survey_writes_folder", file=source.name))
    ds = load_dataset(source)
    tables = DatasetTables.read(source)
    read = read_answers(forms, ds, date=date)
    if not read.answers:
        lines = Joined(("", *(problem.as_message() for problem in read.problems)), "\n")
        raise DatasetError(reason("no_usable_answer", files=", ".join(read.files), unrated=reason("n.unrated", n=read.unrated),
                                  problems=reason("n.problems", n=len(read.problems)), lines=lines))
    merged = merge_answers(tables, read.answers)
    return SurveyImport(read, merged, tables.write(Path(out) if out is not None else source))

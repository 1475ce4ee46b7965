"""The practice export file: one learner's results as JSON, written, and read back from
a file someone handed in. Pure: text in, text out.

The file (its JSON Schema is `guide/practice/export.schema.json`):

    {"format": "hangup-guide-practice", "version": 1, "learner": "Sam",
     "exported": "2026-12-01T10:00:00+00:00",
     "results": [{"at": ..., "deck": ..., "scenario": ..., "score": 0.5,
                  "outcome": ..., "expert_outcome": ..., "parted_at": "node" | null,
                  "missed_emergency": true | false | null,
                  "answers": [{"node": ..., "asked": ..., "answer": ...}]}]}

Reading trusts nothing: each problem is a `BadExport` naming the file and the field.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass

from guide.flow.typed import clean
from guide.history.store import GivenAnswer, PracticeResult

FORMAT = "hangup-guide-practice"
VERSION = 1
"""The one version this guide writes and reads."""
MAX_BYTES = 8 * 1024 * 1024
"""A learner's year of practice is well under 1 MiB; past this a file is not an export."""
MAX_RESULTS = 50_000
MAX_TEXT = 2_000
"""Longest text field kept, in characters (a question, an answer, a name)."""


@dataclass(frozen=True, slots=True)
class LearnerFile:
    """One export file read back: whose results, and the results, oldest first."""

    file: str
    learner: str
    exported: str
    results: tuple[PracticeResult, ...]


class BadExport(ValueError):
    """A file that is not a usable export: `file`, the field at fault (or ""), and why."""

    def __init__(self, file: str, where: str, problem: str) -> None:
        self.file, self.where, self.problem = file, where, problem
        at = f" at `{where}`" if where else ""
        super().__init__(f"{file}:{at} {problem}" if at else f"{file}: {problem}")


def export_document(learner: str, exported: str, results: Sequence[PracticeResult]) -> str:
    """A learner's results as the export file's text (UTF-8 JSON, ending in a newline)."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "learner": learner,
        "exported": exported,
        "results": [_result_record(r) for r in results],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _result_record(result: PracticeResult) -> dict[str, object]:
    return {
        "at": result.at,
        "deck": result.deck,
        "scenario": result.scenario,
        "score": result.score,
        "outcome": result.outcome,
        "expert_outcome": result.expert_outcome,
        "parted_at": result.parted_at,
        "missed_emergency": result.missed_emergency,
        "answers": [{"node": a.node, "asked": a.asked, "answer": a.answer} for a in result.answers],
    }


def read_export(data: bytes, file: str) -> LearnerFile:
    """An export file's bytes as a `LearnerFile`; `BadExport` at the first problem."""
    if len(data) > MAX_BYTES:
        raise BadExport(file, "", f"too large for a practice export (over {MAX_BYTES:,} bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadExport(file, "", f"not UTF-8 text (byte {exc.start})") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise BadExport(file, "", f"not JSON: {exc.msg} ({where})") from None
    except RecursionError:
        raise BadExport(file, "", "not JSON this guide can read: nested too deeply") from None
    except ValueError as exc:  # a number of thousands of digits
        raise BadExport(file, "", f"not JSON this guide can read: {exc}") from None
    return _learner_file(_Fields(file), document)


@dataclass(frozen=True, slots=True)
class _Fields:
    """Reads typed fields out of untrusted JSON, naming the file and the field when wrong."""

    file: str

    def bad(self, where: str, problem: str) -> BadExport:
        return BadExport(self.file, where, problem)

    def record_of(self, value: object, where: str) -> dict[str, object]:
        if not isinstance(value, dict):
            raise self.bad(where, "must be an object ({...})")
        return value

    def field(self, record: dict[str, object], key: str, where: str) -> object:
        if key not in record:
            raise self.bad(f"{where}.{key}" if where else key, "is missing")
        return record[key]

    def text(self, record: dict[str, object], key: str, where: str = "") -> str:
        value = self.field(record, key, where)
        name = f"{where}.{key}" if where else key
        if not isinstance(value, str):
            raise self.bad(name, "must be text")
        if len(value) > MAX_TEXT:
            raise self.bad(name, f"is longer than {MAX_TEXT} characters")
        return " ".join(clean(value).split())  # one line: a report shows it on one

    def maybe_text(self, record: dict[str, object], key: str, where: str) -> str | None:
        if record.get(key) is None and key in record:
            return None
        return self.text(record, key, where)

    def score(self, record: dict[str, object], where: str) -> float:
        value = self.field(record, "score", where)
        number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
        if number is None or not math.isfinite(number) or not 0 <= number <= 1:
            raise self.bad(f"{where}.score", "must be a number from 0 to 1")
        return float(number)

    def flag(self, record: dict[str, object], key: str, where: str) -> bool | None:
        value = self.field(record, key, where)
        if value is not None and not isinstance(value, bool):
            raise self.bad(f"{where}.{key}", "must be true, false or null")
        return value

    def items(self, record: dict[str, object], key: str, where: str, most: int) -> list[object]:
        value = self.field(record, key, where)
        name = f"{where}.{key}" if where else key
        if not isinstance(value, list):
            raise self.bad(name, "must be a list ([...])")
        if len(value) > most:
            raise self.bad(name, f"has more than {most:,} entries")
        return value


def _learner_file(fields: _Fields, document: object) -> LearnerFile:
    top = fields.record_of(document, "")
    if top.get("format") != FORMAT:
        raise fields.bad("format", f'is not "{FORMAT}": this is not a practice export')
    version = top.get("version")
    if type(version) is not int:
        raise fields.bad("version", "must be a whole number")
    if version != VERSION:
        raise fields.bad(
            "version", f"is {version}, and this guide reads version {VERSION} only (update it)"
        )
    learner = fields.text(top, "learner").strip()
    if not learner:
        raise fields.bad("learner", "is empty")
    exported = fields.text(top, "exported")
    results = [
        _one_result(fields, item, f"results[{number}]")
        for number, item in enumerate(fields.items(top, "results", "", MAX_RESULTS))
    ]
    return LearnerFile(fields.file, learner, exported, tuple(results))


def _one_result(fields: _Fields, item: object, where: str) -> PracticeResult:
    record = fields.record_of(item, where)
    answers = fields.items(record, "answers", where, MAX_RESULTS)
    given = []
    for number, answer in enumerate(answers):
        spot = f"{where}.answers[{number}]"
        entry = fields.record_of(answer, spot)
        given.append(
            GivenAnswer(
                fields.text(entry, "node", spot),
                fields.text(entry, "asked", spot),
                fields.text(entry, "answer", spot),
            )
        )
    return PracticeResult(
        fields.text(record, "at", where),
        fields.text(record, "deck", where),
        fields.text(record, "scenario", where),
        fields.score(record, where),
        fields.text(record, "outcome", where),
        fields.text(record, "expert_outcome", where),
        fields.maybe_text(record, "parted_at", where),
        tuple(given),
        fields.flag(record, "missed_emergency", where),
    )

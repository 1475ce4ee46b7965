"""Practice for a class, in-process: the export file (its schema, reading back what
learners hand in, every problem naming the file and the field), the class report and
its Markdown debrief."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest
from markdown_it import MarkdownIt

from guide.history.store import GivenAnswer, PracticeResult
from guide.practice.classfile import BadExport, LearnerFile, export_document, read_export
from guide.practice.classreport import NO_ANSWER, gather, report_lines
from guide.practice.debrief import to_debrief

REPO = Path(__file__).resolve().parents[2]
CLASS = REPO / "tests" / "fixtures" / "classwork"
SCHEMA = json.loads((REPO / "guide" / "practice" / "export.schema.json").read_text("utf-8"))


def read(name: str) -> LearnerFile:
    path = CLASS / name
    return read_export(path.read_bytes(), name)


BASE = PracticeResult(
    "2026-11-20T10:00:00+00:00",
    "test-hang-up",
    "someone-hurt",
    0.0,
    "carry-on",
    "emergency",
    "why-ended",
    (GivenAnswer("why-ended", "Do you know why?", "No idea"),),
    True,
)


def kept(**changes: object) -> PracticeResult:
    return dataclasses.replace(BASE, **changes)


def test_an_export_follows_its_schema_and_reads_back_the_same() -> None:
    results = [kept(), kept(scenario="line-dropped", score=1.0, parted_at=None, answers=())]
    results.append(kept(missed_emergency=None))  # kept before the store knew
    text = export_document("Sam", "2026-12-01T10:00:00+00:00", results)
    jsonschema.validate(json.loads(text), SCHEMA)
    back = read_export(text.encode("utf-8"), "sam.json")
    assert (back.learner, back.exported) == ("Sam", "2026-12-01T10:00:00+00:00")
    assert list(back.results) == results


@pytest.mark.parametrize("name", ["ada.json", "ben.json", "cleo.json"])
def test_the_class_fixtures_follow_the_schema(name: str) -> None:
    jsonschema.validate(json.loads((CLASS / name).read_text("utf-8")), SCHEMA)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        # a file from a newer guide: its version, and the one read
        ("version-2.json", "version-2.json: at `version` is 2, and this guide reads version 1"),
        # a missing field, by where it is
        ("missing-score.json", "missing-score.json: at `results[0].score` is missing"),
        # JSON that does not parse: the place in the file
        ("not-json.json", "not-json.json: not JSON: Expecting property name"),
        # some other JSON file
        ("not-an-export.json", "not-an-export.json: at `format` is not"),
    ],
)
def test_a_bad_file_is_named_with_its_field(name: str, message: str) -> None:
    with pytest.raises(BadExport) as caught:
        read(name)
    assert str(caught.value).startswith(message)


def document(**changes: object) -> bytes:
    base = json.loads(export_document("Sam", "now", [kept()]))
    for where, value in changes.items():
        target = base
        *path, last = where.split("__")
        for part in path:
            target = target[int(part)] if part.isdigit() else target[part]
        target[last] = value
    return json.dumps(base).encode("utf-8")


@pytest.mark.parametrize(
    ("data", "where", "problem"),
    [
        # a score past 1, or true (a bool is not a number here)
        (document(results__0__score=3), "results[0].score", "must be a number from 0 to 1"),
        (document(results__0__score=True), "results[0].score", "must be a number from 0 to 1"),
        # a version as text, or true
        (document(version="1"), "version", "must be a whole number"),
        (document(version=True), "version", "must be a whole number"),
        # an answer that is not text
        (
            document(results__0__answers__0__answer=7),
            "results[0].answers[0].answer",
            "must be text",
        ),
        # a missed emergency that is neither true, false nor null
        (document(results__0__missed_emergency="yes"), "results[0].missed_emergency", "must be"),
        # results that are not a list; a result that is not an object
        (document(results={}), "results", "must be a list"),
        (document(results=[1]), "results[0]", "must be an object"),
        # no name
        (document(learner="  "), "learner", "is empty"),
        # text past the limit
        (document(learner="x" * 5000), "learner", "is longer than"),
        # the top is not an object
        (b"[]", "", "must be an object"),
        # nested beyond what the parser takes
        (b"[" * 100_000 + b"]" * 100_000, "", "nested too deeply"),
        # a number of 5,000 digits
        (b'{"version": ' + b"1" * 5000 + b"}", "", "not JSON this guide can read"),
        # NaN, which Python's JSON reader takes
        (document(results__0__score=float("nan")), "results[0].score", "must be a number"),
        # not UTF-8
        (b'{"learner": "\xff"}', "", "not UTF-8"),
        # over the size cap
        (b" " * (8 * 1024 * 1024 + 1), "", "too large"),
    ],
)
def test_untrusted_fields_are_refused_by_name(data: bytes, where: str, problem: str) -> None:
    with pytest.raises(BadExport) as caught:
        read_export(data, "x.json")
    assert (caught.value.file, caught.value.where) == ("x.json", where)
    assert problem in caught.value.problem


def test_control_characters_and_line_breaks_are_removed_on_reading() -> None:
    data = document(learner="Sam\x1b[2J\nSmith\u202e", results__0__deck="de\x07ck")
    back = read_export(data, "x.json")
    assert back.learner == "Sam Smith"
    assert back.results[0].deck == "deck"


def the_class() -> list[LearnerFile]:
    return [read(n) for n in ("ada.json", "ben.json", "cleo.json")]


def test_the_report_gathers_each_scenario_and_the_missed_emergencies() -> None:
    report = gather(the_class())
    assert report.learners == ("Ada", "Ben <b>[x](http://evil)</b>", "Cleo")
    hurt, dropped = report.scenarios[1], report.scenarios[0]
    assert (hurt.scenario, hurt.learners, hurt.attempts) == ("someone-hurt", 3, 4)
    assert hurt.mean_score == pytest.approx(0.25)
    assert (hurt.parted_at, hurt.parted_count, hurt.asked) == (
        "why-ended",
        3,
        "Do you know why the call ended?",
    )
    assert hurt.chosen == (
        ("I don't know, it just cut off", 2),
        ("They ended it | on *purpose*", 1),
    )
    assert (dropped.scenario, dropped.learners, dropped.mean_score) == ("line-dropped", 2, 0.75)
    assert (dropped.parted_at, dropped.chosen) == ("how-you-feel", ((NO_ANSWER, 1),))
    assert [(m.learner[:3], m.outcome) for m in report.missed] == [
        ("Ada", "carry-on"),
        ("Ben", "carry-on"),
        ("Cle", "reset-first"),
    ]
    text = "\n".join(report_lines(report))
    assert "someone-hurt: 3 learner(s), 4 attempt(s), mean score 25%" in text


def test_two_files_with_one_name_are_told_apart_by_file() -> None:
    ada = read("ada.json")
    report = gather([ada, ada])
    assert report.learners == ("Ada (ada.json)", "Ada (ada.json)")


def test_the_debrief_escapes_what_learners_wrote() -> None:
    handout = to_debrief(gather(the_class()))
    assert handout.startswith("# Practice debrief\n\n3 learner(s), 2 scenario(s).")
    assert "- **Ben \\<b\\>\\[x\\](http://evil)\\</b\\>**" in handout
    assert "They ended it \\| on \\*purpose\\*" in handout
    shown = MarkdownIt("commonmark").render(handout)  # as a Markdown viewer shows it
    assert "<b>" not in shown and "href" not in shown
    assert "Ben &lt;b&gt;[x](http://evil)&lt;/b&gt;" in shown
    assert "## Missed emergencies" in handout
    assert "- Most often parted from the expert at why-ended: “Do you know why" in handout
    assert "  - I don't know, it just cut off: 2 times\n" in handout
    assert "  - (no answer kept): once\n" in handout

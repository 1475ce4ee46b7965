"""The phrasing corpus (issue 17): ways people type each answer of every bundled flow.

Each entry of tests/corpus/phrasings/*.yaml is walked to its question and typed there
(benchmarks/phrasings.py does the walking, for these tests and `python -m benchmarks`
alike). Understood at once: 90% at least; asked back: 8% at most; wrongly picked:
never. The rates are printed at the end of the test output (tests/corpus/summary.py).
`HANGUP_GUIDE_PHRASINGS=<folder>` runs another folder of corpus files.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import phrasings
from benchmarks.phrasings import CorpusError, Entry, Verdict
from guide.flow.model import Ask, Flow


@pytest.fixture(scope="module")
def flows() -> dict[str, Flow]:
    return phrasings.bundled()


@pytest.fixture(scope="module")
def verdicts() -> list[Verdict]:
    found = phrasings.run()
    if not found:
        pytest.skip(f"no phrasing corpus in {phrasings.folder()} yet")
    return found


def test_every_entry_names_a_question_and_an_answer_of_its_flow(flows: dict[str, Flow]) -> None:
    bad = phrasings.problems(phrasings.load(), flows)
    assert not bad, "\n".join(bad)


def test_nothing_is_wrongly_picked(verdicts: list[Verdict]) -> None:
    wrong = [f"{v.entry}: took {v.got!r}" for v in verdicts if v.kind == "wrong"]
    assert not wrong, "\n".join(wrong)


def test_nine_in_ten_are_understood_at_once(verdicts: list[Verdict]) -> None:
    rates = phrasings.rates(verdicts)
    missed = [f"{v.entry}: {v.got}" for v in verdicts if v.kind != "understood"]
    assert rates.share(rates.understood) >= phrasings.GOALS["understood"], (
        rates.line() + "\n" + "\n".join(missed)
    )


def test_few_are_asked_back(verdicts: list[Verdict]) -> None:
    rates = phrasings.rates(verdicts)
    asked = [f"{v.entry}: {v.got}" for v in verdicts if v.kind == "asked"]
    assert rates.share(rates.asked) <= phrasings.GOALS["asked"], (
        rates.line() + "\n" + "\n".join(asked)
    )


def test_the_corpus_holds_enough_entries() -> None:
    count = len(phrasings.load())
    assert count >= phrasings.MINIMUM, f"{count} entries in {phrasings.folder()}"


def test_every_answer_of_every_question_has_five_ways_to_say_it(flows: dict[str, Flow]) -> None:
    entries = phrasings.load()
    said = {(e.flow_id, e.node, e.means) for e in entries}
    counts = {key: sum((e.flow_id, e.node, e.means) == key for e in entries) for key in said}
    short = [
        f"{flow.id}.yaml: {node.id}: {option.label!r} has {counts.get(key, 0)}"
        for flow in flows.values()
        for node in flow.nodes.values()
        if isinstance(node, Ask)
        for option in node.options
        if counts.get(key := (flow.id, node.id, option.label), 0) < 5
    ]
    assert not short, "\n".join(short)


# --- the runner itself, on corpus files of the tests' own ------------------------------


def _why_ended(flows: dict[str, Flow]) -> Ask:
    node = flows["hang-up"].nodes["why-ended"]
    assert isinstance(node, Ask)
    return node


def _corpus(tmp_path: Path, text: str) -> Path:
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "hang-up.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_the_runner_tells_understood_asked_back_and_wrongly_picked(
    tmp_path: Path, flows: dict[str, Flow]
) -> None:
    first = _why_ended(flows).options[0].label
    folder = _corpus(
        tmp_path,
        "why-ended:\n"
        f"  - {{says: '1', means: {first!r}}}\n"
        "  - {says: 'purple elephants dancing', means: " + repr(first) + "}\n"
        f"  - {{says: '2', means: {first!r}}}\n"
        "  - {says: 'he took an overdose', means: emergency}\n",
    )
    kinds = [v.kind for v in phrasings.run(folder)]
    assert kinds == ["understood", "asked", "wrong", "understood"]
    rates = phrasings.rates(phrasings.run(folder))
    assert rates.line() == "phrasings: 4 — understood 50.0%, asked back 25.0%, wrongly picked 1"


@pytest.mark.parametrize("bad", ["question", "label", "not a question"])
def test_a_bad_entry_is_named_with_its_file(
    tmp_path: Path, flows: dict[str, Flow], bad: str
) -> None:
    flow = flows["hang-up"]
    other = next(n.id for n in flow.nodes.values() if not isinstance(n, Ask))
    text, words = {
        "question": ("no-such-step:\n  - {says: hi, means: x}\n", "hang-up.yaml: no-such-step #1"),
        "label": ("why-ended:\n  - {says: hi, means: Nothing like it}\n", "no answer so labelled"),
        "not a question": (f"{other}:\n  - {{says: hi, means: x}}\n", f"`{other}` is not a"),
    }[bad]
    folder = _corpus(tmp_path, text)
    with pytest.raises(CorpusError, match=r"hang-up\.yaml") as raised:
        phrasings.run(folder)
    assert words in str(raised.value)


def test_a_malformed_entry_is_named_with_its_file(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, "why-ended:\n  - {says: hi}\n")
    with pytest.raises(CorpusError, match=r"hang-up.yaml: why-ended #1: an entry is"):
        phrasings.load(folder)


def test_an_entry_names_where_it_is() -> None:
    entry = Entry("hang-up.yaml", "why-ended", 3, "idk", "I'm not sure why")
    assert str(entry) == "hang-up.yaml: why-ended #3 ('idk' → \"I'm not sure why\")"


def test_the_benchmarks_put_the_rates_beside_the_other_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flows: dict[str, Flow]
) -> None:
    from benchmarks.main import main

    first = _why_ended(flows).options[0].label
    folder = _corpus(
        tmp_path / "corpus",
        f"why-ended:\n  - {{says: '1', means: {first!r}}}\n  - {{says: zzz, means: {first!r}}}\n",
    )
    monkeypatch.setenv(phrasings.ENV, str(folder))
    saved = tmp_path / "results.json"
    saved.write_text(json.dumps({"quick": False, "rows": [{"name": "start-up", "value": 1}]}))
    assert main(["--phrasings", "--output", str(saved)]) == 0
    document = json.loads(saved.read_text())
    assert document["quick"] is False
    figures = {r["name"]: r for r in document["rows"]}
    assert figures["start-up"] == {"name": "start-up", "value": 1}
    assert figures["phrasings: not understood at once"]["value"] == 1
    assert figures["phrasings: asked back"]["ratio"] == 0.5
    assert figures["phrasings: wrongly picked"]["met"] is True
    assert "phrasings" in document["updated"]

"""Comparing two versions of a flow (`guide.compare`): hand-made pairs under
tests/fixtures/diff, each changing one thing of base.yaml, and a property: a flow
compared with itself never differs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from guide.compare import paths
from guide.compare.paths import MAX_ANSWERS
from guide.compare.report import FlowDiff, compare
from guide.compare.wording import word_diff
from guide.flow.loader import load_flow, read_flow
from guide.flow.model import Flow
from tests.hardening.flowgen import dump, flow_graphs

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "diff"


def flow(name: str) -> Flow:
    loaded = read_flow(FIXTURES / name)
    assert loaded.flow is not None and loaded.ok, loaded.problems
    return loaded.flow


def against_base(name: str) -> FlowDiff:
    return compare(flow("base.yaml"), flow(name))


def ends(diff: FlowDiff) -> list[tuple[list[str], str, str]]:
    """Each changed path as (answers, old end's node, new end's node)."""
    return [
        ([a.answer for a in p.answers], p.old[0].node, p.new[0].node)
        for p in diff.changed
        if p.parted is None
    ]


def test_identical_versions_do_not_differ() -> None:
    diff = against_base("base.yaml")
    assert diff.same_behaviour
    assert (diff.changed, diff.structure, diff.wording) == ((), (), ())
    assert diff.paths.walked > 5 and diff.paths.capped is None


def test_a_retargeted_answer_changes_one_path() -> None:
    diff = against_base("retargeted.yaml")
    # Only the friend whose line dropped got a call back; "ended it" already waited.
    assert ends(diff) == [(["Yes, it dropped", "A friend"], "call-back", "wait-a-bit")]
    [change] = diff.structure
    assert (change.node, change.change) == ("who", "retargeted")
    assert change.detail == "answer “A friend”: check → wait-a-bit"
    assert not diff.same_behaviour


def test_a_removed_question_is_answered_on_the_old_side_only() -> None:
    diff = against_base("removed-node.yaml")
    assert {(tuple(a), old, new) for a, old, new in ends(diff)} == {
        (("Yes, it dropped", "A client", "“20”"), "write", "call-back"),
        (("No, they ended it", "A client", "“20”"), "write", "wait-a-bit"),
    }
    first = diff.changed[0]
    assert [a.by for a in first.answers] == ["both", "old", "old"]
    # The friend's paths end as before, so they are not listed; the others like the
    # first (other values typed) are counted, not repeated.
    assert first.similar == 2
    removed = [(c.node, c.change) for c in diff.structure if c.change == "removed"]
    assert removed == [("who", "removed")]


def test_a_changed_condition_swaps_the_outcomes_it_guards() -> None:
    diff = against_base("condition.yaml")
    assert ends(diff) == [
        (["Yes, it dropped", "A friend"], "call-back", "wait-a-bit"),
        (["No, they ended it", "A friend"], "wait-a-bit", "call-back"),
    ]
    [change] = diff.structure
    assert change.detail == "branch 1 when: intent is accidental → intent is deliberate"


def test_wording_alone_is_not_a_change_of_behaviour() -> None:
    diff = against_base("wording.yaml")
    assert diff.same_behaviour and diff.changed == () and diff.structure == ()
    words = {(w.node, w.field): w.words for w in diff.wording}
    assert words == {
        ("first", "text"): "Did the line [-drop?-] {+cut out?+}",
        ("who", "answer “A friend”"): "A friend {+or family+}",
        ("wait-a-bit", "title"): "Give it [-an-] {+a whole+} hour",
        ("wait-a-bit", "why"): "[-Both of you-] {+You both+} need [-time.-] {+time to cool down.+}",
    }


def test_a_tighter_bound_refuses_values_that_were_taken() -> None:
    diff = against_base("bounds.yaml")
    [path] = diff.changed
    assert [a.answer for a in path.answers][-1] == "“60”"
    assert (path.old[0].kind, path.new[0].kind) == ("outcome", "refused")
    assert path.new[0].detail == "please type a number of at most 30"
    assert [c.detail for c in diff.structure] == ["max: 60 → 30"]


def flows_in(folder: Path) -> dict[str, Flow]:
    found = [read_flow(path).flow for path in folder.glob("*.yaml")]
    return {f.id: f for f in found if f is not None}


def test_a_change_in_a_linked_flow_is_followed() -> None:
    old_side, new_side = (
        flows_in(FIXTURES / "linked" / "old"),
        flows_in(FIXTURES / "linked" / "new"),
    )
    diff = compare(old_side["tiny-main"], new_side["tiny-main"], old_side.get, new_side.get)
    [path] = diff.changed
    assert [a.answer for a in path.answers] == ["Yes, work", "A colleague"]
    assert (path.old[0].flow, path.old[0].node) == ("tiny-side", "email")
    assert (path.new[0].flow, path.new[0].node) == ("tiny-side", "talk")
    assert [(c.flow, c.node, c.change) for c in diff.structure] == [
        ("tiny-side", "start", "retargeted")
    ]


def test_an_answer_leading_elsewhere_realigns_the_walks() -> None:
    """Where an answer now skips a question, the old version answers it alone until both
    stand at the same step again, and the paths go on being compared together."""
    text = (FIXTURES / "base.yaml").read_text(encoding="utf-8")
    skipped = text.replace(
        "set: {intent: accidental}\n        next: who",
        "set: {intent: accidental}\n        next: minutes",
    )
    new = load_flow(skipped.encode(), "skipped.yaml").flow
    assert new is not None
    diff = compare(flow("base.yaml"), new)
    friend = next(p for p in diff.changed if any(a.answer == "A friend" for a in p.answers))
    assert [(a.answer, a.by) for a in friend.answers][:2] == [
        ("Yes, it dropped", "both"),
        ("A friend", "old"),
    ]
    # Past the skipped question both versions ask the input together.
    client = [p for p in diff.changed if any(a.answer == "A client" for a in p.answers)]
    assert client == []


def test_word_diff_marks_words_plainly_and_drops_control_characters() -> None:
    assert word_diff("a b c", "a x c") == "a [-b-] {+x+} c"
    assert word_diff("same", "same") == "same"
    assert word_diff("", "new words") == "{+new words+}"
    assert "\x1b" not in word_diff("red", "\x1b[31mred")


SOME = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SOME
@given(flow_graphs())
def test_a_flow_compared_with_itself_never_differs(data: dict[str, Any]) -> None:
    loaded = load_flow(dump(data, False, True).encode(), "generated.yaml")
    assert loaded.flow is not None
    diff = compare(loaded.flow, loaded.flow)
    assert diff.same_behaviour, diff.changed[:1]
    assert diff.wording == ()
    assert diff.paths.walked >= 1
    assert all(len(p.answers) <= MAX_ANSWERS for p in diff.changed)


def test_a_capped_walk_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "MAX_PATHS", 2)
    diff = against_base("retargeted.yaml")
    assert diff.paths.walked == 2
    assert diff.paths.capped == "2 paths were compared, the most there is time for"


def long_flow(tested: str) -> Flow:
    """Twelve questions of five answers, each setting a fact of its own; only the fact of
    the first is tested, at the end (for `tested`)."""
    nodes = []
    for i in range(12):
        then = f"q{i + 1}" if i < 11 else "end"
        options = "".join(
            f"      - label: Answer {k}\n        set: {{f{i}: v{k}}}\n        next: {then}\n"
            for k in range(5)
        )
        nodes.append(f"  q{i}:\n    ask: Question {i}?\n    options:\n{options}")
    nodes.append(
        f"  end:\n    route:\n      - when: {{f0: {tested}}}\n        next: one\n      - next: two\n"
    )
    for name in ("one", "two", "emergency"):
        nodes.append(
            f"  {name}:\n    outcome: Outcome {name}\n    steps: [x]\n    why: y\n"
            f"    emergency: {'true' if name == 'emergency' else 'false'}\n"
            '    source: {article: "000"}\n'
        )
    text = (
        'flow: long\ntitle: Long\nversion: 1\nstart: q0\nsources:\n  "000": {title: S}\n'
        'escape:\n  - label: This could be an emergency\n    key: "!"\n    next: emergency\n'
        "nodes:\n" + "".join(nodes)
    )
    loaded = load_flow(text.encode(), "long.yaml")
    assert loaded.flow is not None and loaded.ok, loaded.problems
    return loaded.flow


def test_facts_no_condition_reads_do_not_multiply_the_paths() -> None:
    """5^12 answer paths, but only the first answer decides anything: walked in full."""
    diff = compare(long_flow("v1"), long_flow("v2"))
    assert diff.paths.capped is None
    assert [(p.answers[0].answer, p.old[0].node, p.new[0].node) for p in diff.changed] == [
        ("Answer 1", "one", "two"),
        ("Answer 2", "two", "one"),
    ]


def test_a_renamed_flow_is_compared_as_one_flow() -> None:
    text = (FIXTURES / "retargeted.yaml").read_text(encoding="utf-8")
    renamed = load_flow(text.replace("flow: tiny-diff", "flow: tiny-renamed").encode()).flow
    assert renamed is not None
    diff = compare(flow("base.yaml"), renamed)
    assert len(diff.changed) == 1  # the retargeted answer, not every path answered apart
    assert [c.detail for c in diff.structure] == [
        "flow id: tiny-diff → tiny-renamed",
        "answer “A friend”: check → wait-a-bit",
    ]


def changed_base(old: str, new: str) -> FlowDiff:
    text = (FIXTURES / "base.yaml").read_text(encoding="utf-8")
    assert text.count(old) == 1
    changed = load_flow(text.replace(old, new).encode(), "changed.yaml").flow
    assert changed is not None
    return compare(flow("base.yaml"), changed)


def test_new_aliases_change_which_typed_words_pick_an_answer() -> None:
    diff = changed_base("- label: A friend\n", "- label: A friend\n        aliases: [pal, mate]\n")
    assert [c.detail for c in diff.structure] == ["answer “A friend” aliases: now pal, mate"]
    assert not diff.same_behaviour and diff.changed == ()


def test_a_step_put_in_the_middle_reads_as_one_inserted_step() -> None:
    diff = changed_base("steps: [Wait, Then write]", "steps: [Wait, Breathe out, Then write]")
    assert [(w.field, w.words) for w in diff.wording] == [("step 2", "{+Breathe out+}")]
    assert diff.same_behaviour

"""Frozen records (guide.flow.records) keep what the model relied on from frozen
dataclasses: fields in order, defaults, equality and hashing by value, `repr`,
`match`, `__post_init__`, and no assignment."""

from __future__ import annotations

import pickle
from types import MappingProxyType

import pytest

from guide.flow.model import Option, Target
from guide.flow.problems import Mark, Problem
from guide.flow.records import FrozenError, Record, field, record, replace


@record
class Pair:
    """Two values and a note that equality ignores."""

    left: int
    right: str = "r"
    seen: tuple[str, ...] = field(default_factory=tuple, hash=False)
    note: str = field(default="", compare=False, repr=False)


def test_fields_in_order_with_their_defaults() -> None:
    pair = Pair(1)
    assert (pair.left, pair.right, pair.seen, pair.note) == (1, "r", (), "")
    assert Pair(1, "x", ("a",), "n").seen == ("a",)
    assert Pair.__match_args__ == ("left", "right", "seen", "note")
    assert (
        isinstance(pair, Record) and Pair.__doc__ == "Two values and a note that equality ignores."
    )


def test_equal_by_value_only_within_one_class() -> None:
    assert Pair(1, note="a") == Pair(1, note="b")  # compare=False
    assert Pair(1) != Pair(2)
    assert Pair(1).__eq__(Target("x")) is NotImplemented
    assert hash(Pair(1, seen=("a",))) == hash(Pair(1, seen=("b",)))  # hash=False
    assert {Target("a"), Target("a"), Target("b")} == {Target("a"), Target("b")}


def test_no_field_can_be_set_or_deleted_and_there_is_no_dict() -> None:
    pair = Pair(1)
    with pytest.raises(FrozenError):
        pair.left = 2  # type: ignore[misc]  # the point of the test
    with pytest.raises(AttributeError):
        del pair.right
    assert not hasattr(pair, "__dict__")


def test_repr_names_the_fields_it_shows() -> None:
    assert repr(Pair(1, note="hidden")) == "Pair(left=1, right='r', seen=())"


def test_match_takes_fields_by_position() -> None:
    match Target("start", "other"):
        case Target(node, flow):
            assert (node, flow) == ("start", "other")
        case _:  # pragma: no cover - the test fails here
            pytest.fail("no match")


def test_post_init_runs_after_the_fields_are_set() -> None:
    problem = Problem(Mark("f", 1, 1), "error", "x", "bad \x1b[2J key")
    assert problem.message == "bad \\x1b[2J key"  # Problem escapes controls in __post_init__


def test_a_factory_default_is_made_for_each_record() -> None:
    first, second = Option("a", Target("x")), Option("b", Target("y"))
    assert first.sets == MappingProxyType({}) and first.sets is not second.sets


def test_records_pickle_and_come_back_equal() -> None:
    target = Target("n", None, Mark("f", 2, 3))
    assert pickle.loads(pickle.dumps(target)) == target


def test_replace_copies_with_some_fields_changed() -> None:
    target = Target("n", "other", Mark("f", 2, 3))
    assert replace(target, node="m") == Target("m", "other", Mark("f", 2, 3))
    with pytest.raises(TypeError, match="no field 'nod'"):
        replace(target, nod="m")

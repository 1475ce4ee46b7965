"""A flow file read for the library: from the flow cache when it is unchanged, else
from its YAML (and then kept in the cache); and what the library shows of a flow
without opening it (`About`)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

from guide.flow.limits import CONTROL
from guide.flow.model import Flow, Outcome
from guide.flow.plaindata import NotPlain, from_plain, to_plain
from guide.flow.problems import Problem, visible
from guide.flow.records import record
from guide.library.cache import FlowCache, key_of

TYPE_CHECKING = False  # typing's: the walk is imported by whoever walks a flow
if TYPE_CHECKING:
    from guide.flow.steps import FlowResolver


class Readout(Protocol):
    """What reading a flow file gave: `guide.flow.loader.Loaded`, or a `Read` from the
    cache (the same three fields)."""

    @property
    def flow(self) -> Flow | None: ...
    @property
    def problems(self) -> tuple[Problem, ...]: ...
    @property
    def broken(self) -> frozenset[str]: ...


Result = Readout | str
"""A reading, or the one located line of the error that stopped it."""


@record
class Read:
    """A reading kept in the flow cache, built again (see `Readout`)."""

    flow: Flow | None
    problems: tuple[Problem, ...]
    broken: frozenset[str] = frozenset()


@record
class About:
    """What the library lists of a flow (`flows`, the picker), and the node ids that
    links from other flows are checked against, kept without the flow itself."""

    title: str
    description: str
    lang: str
    nodes: tuple[str, ...]
    outcomes: int

    @classmethod
    def of(cls, flow: Flow) -> About:
        outcomes = sum(isinstance(node, Outcome) for node in flow.nodes.values())
        return cls(flow.title, flow.description, flow.lang, tuple(flow.nodes), outcomes)

    def plain(self) -> list[Any]:
        return [self.title, self.description, self.lang, list(self.nodes), self.outcomes]

    @classmethod
    def from_plain(cls, data: Any) -> About:
        title, description, lang, nodes, outcomes = data
        texts = [kept_text(t) for t in (title, description, lang, *nodes)]
        return cls(texts[0], texts[1], texts[2], tuple(texts[3:]), int(outcomes))


def kept_text(value: Any) -> str:
    """Text from the cache, which will be shown: `NotPlain` unless it is text without a
    control character (what the guide writes there never has one)."""
    if not isinstance(value, str) or CONTROL.search(value):
        raise NotPlain("not text the guide would have kept")
    return value


def read_file(path: Path, cache: FlowCache) -> Result:
    """The file's reading: the cache's while the file is unchanged, else read now (and
    kept). The key is taken before the file is read, so a change made while it is read
    leaves a key that no longer matches: the file is read again next time."""
    key = key_of(path)
    kept = cache.read(path, key)
    if kept is not None:
        try:
            return _built(kept)
        except (NotPlain, TypeError, ValueError, KeyError):
            pass  # another shape than ours: read the file
    result = load(path)
    cache.keep_read(path, key, plain_result(result))
    return result


def load(path: Path) -> Result:
    """The file read from its YAML: the loader is imported only when a file is read."""
    from guide.flow.loader import read_flow
    from guide.flow.problems import FlowError

    try:
        return read_flow(path)
    except OSError as exc:
        return f"{visible(str(path))}: error: cannot read the file: {exc.strerror or exc}"
    except FlowError as exc:
        return str(exc.problems[0])


def plain_result(result: Result) -> Any:
    if isinstance(result, str):
        return {"error": result}
    flow = None if result.flow is None else to_plain(result.flow)
    return {"flow": flow, "problems": to_plain(result.problems), "broken": sorted(result.broken)}


def _built(kept: Any) -> Result:
    if not isinstance(kept, dict):
        raise NotPlain("not a reading")
    if "error" in kept:
        if not isinstance(kept["error"], str):
            raise NotPlain("not an error line")
        return kept["error"]
    flow = None if kept["flow"] is None else from_plain(kept["flow"])
    problems = from_plain(kept["problems"])
    if not isinstance(flow, Flow | None) or not all(isinstance(p, Problem) for p in problems):
        raise NotPlain("not a flow")
    return Read(flow, problems, frozenset(str(b) for b in kept["broken"]))


def errors_of(
    result: Result, others: Mapping[str, list[str]] | None, resolve: FlowResolver | None
) -> tuple[str, ...]:
    from guide.flow.validate import validate

    assert not isinstance(result, str) and result.flow is not None
    # Examples are `check`'s and `test`'s work: walking them made every start slow.
    found = validate(result.flow, result.broken, others, resolve, examples=False)
    problems = [*result.problems, *found]
    return tuple(str(p) for p in problems if p.severity == "error")

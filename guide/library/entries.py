"""The library's entries, as a scan gives them: each flow file with its status and
what the list shows of it (`About`), and the flows that open, each built only when
it is asked for (`Flows`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from pathlib import Path
from typing import Literal

from guide.flow.model import Flow
from guide.flow.problems import visible
from guide.flow.records import field, record
from guide.library.readings import About

TYPE_CHECKING = False  # typing's: the walk is imported by whoever walks a flow
if TYPE_CHECKING:
    from guide.flow.steps import FlowResolver

Origin = Literal["bundled", "user"]
Opener = Callable[[], Flow | None]


def origin_of(origin: str) -> Origin:
    return "bundled" if origin == "bundled" else "user"


class FlowNotFound(LookupError):
    """No flow by that name or path; the message lists what there is."""


@record
class Entry:
    """One flow file of the library and whether it can be opened."""

    path: Path
    origin: Origin
    about: About | None = None
    """What the list shows of it; None when it could not be read as a flow."""
    problems: tuple[str, ...] = ()
    """Its errors, one `file:line:col: error: message` each, when it cannot be opened."""
    duplicate_of: Path | None = None
    """The file that already provides this flow id, for a duplicate."""
    flow_id: str = ""
    """The `flow:` id the file declares, when it could be read that far."""
    opener: Opener | None = field(default=None, compare=False, repr=False)
    """Builds the flow, for an entry that opens (from the cache, or as read)."""

    @property
    def name(self) -> str:
        return self.flow_id or self.path.stem

    @property
    def opens(self) -> bool:
        return self.about is not None and not self.problems and self.duplicate_of is None

    @property
    def flow(self) -> Flow | None:
        """The validated flow, built now if it was not yet; None when it cannot be opened."""
        return self.opener() if self.opens and self.opener is not None else None

    @property
    def status(self) -> str:
        if self.duplicate_of is not None:
            return f"duplicate: `{self.name}` is already {self.duplicate_of}"
        if not self.opens:
            return "broken: " + (self.problems[0] if self.problems else "cannot be read")
        return "ok"


class Flows(MutableMapping[str, Flow]):
    """The flows that open, by id, each built the first time it is asked for (a flow can
    also be put in by hand, as a dict's: a stand-in, a test's)."""

    def __init__(self, entries: list[Entry]) -> None:
        self._ids: dict[str, Entry | None] = {e.flow_id: e for e in entries if e.opens}
        self._built: dict[str, Flow] = {}

    def __getitem__(self, flow_id: str) -> Flow:
        if flow_id not in self._built:
            entry = self._ids[flow_id]
            flow = entry.flow if entry is not None else None
            if flow is None:
                raise KeyError(flow_id)
            self._built[flow_id] = flow
        return self._built[flow_id]

    def __setitem__(self, flow_id: str, flow: Flow) -> None:
        self._ids[flow_id] = self._ids.get(flow_id)
        self._built[flow_id] = flow

    def __delitem__(self, flow_id: str) -> None:
        del self._ids[flow_id]
        self._built.pop(flow_id, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


class Library:
    """Every flow that can be found, and the ones that can be opened, by id."""

    __slots__ = ("entries", "flows", "looked")

    def __init__(
        self,
        entries: list[Entry] | None = None,
        flows: MutableMapping[str, Flow] | None = None,
        looked: list[Path] | None = None,
    ) -> None:
        self.entries = entries if entries is not None else []
        self.flows: MutableMapping[str, Flow] = flows if flows is not None else Flows(self.entries)
        self.looked = looked if looked is not None else []
        """Files looked for beside the files named (for links), there or not: `check`'s
        kept report depends on them too."""

    def nodes(self) -> dict[str, list[str]]:
        """Each opening flow's node ids, for checking links to it, without building any."""
        return {e.flow_id: list(e.about.nodes) for e in self.entries if e.opens and e.about}

    def resolver(self) -> FlowResolver:
        return self.flows.get

    def find(self, name: str) -> Entry:
        """An entry by flow id or file name; `FlowNotFound` lists the names there are."""
        for entry in self.entries:
            if entry.duplicate_of is None and name in (entry.name, entry.path.stem):
                return entry
        known = ", ".join(e.name for e in self.entries if e.opens)
        raise FlowNotFound(f"no flow named `{visible(name)}`; the flows are: {known}")

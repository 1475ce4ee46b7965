"""The phrases of `crisis_phrases.txt`: `CRISIS` (category → phrases that must reach
the emergency advice) and `ORDINARY` (phrases that must never)."""

from __future__ import annotations

from pathlib import Path

PHRASES = Path(__file__).with_name("crisis_phrases.txt")


def read(path: Path = PHRASES) -> dict[str, list[str]]:
    """Section name → its phrases, in file order; `#` lines are notes."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        if text.startswith("[") and text.endswith("]"):
            current = sections.setdefault(text[1:-1], [])
        elif current is None:
            raise ValueError(f"{path.name}:{number}: a phrase before any [section]")
        else:
            current.append(text)
    return sections


_SECTIONS = read()
ORDINARY: tuple[str, ...] = tuple(_SECTIONS.pop("ordinary"))
CRISIS: dict[str, tuple[str, ...]] = {name: tuple(p) for name, p in _SECTIONS.items()}

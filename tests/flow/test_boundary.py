"""The flow language and the domain packages never import Textual or Rich: the plain
face, `check` and tests run without them. Each module is imported in a fresh
interpreter, so nothing imported before can hide what it loads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

GUIDE = Path(__file__).resolve().parents[2] / "guide"
CORE = sorted(
    [
        *(
            f"guide.{package}.{p.stem}"
            for package in ("flow", "practice", "history", "render", "compare", "checkin")
            for p in (GUIDE / package).glob("*.py")
            if p.stem != "__init__"
        ),
        "guide.places",
    ]
)


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_without_textual(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""

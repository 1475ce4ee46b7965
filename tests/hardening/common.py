"""What the hardening tests share: running `python -m guide` as a person would (with
bytes out, so an odd encoding can be seen as it is), a flow file template, and the checks
that nothing unsafe or unexpected came out."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = 60
SLOW_CI = 5.0
"""Bound on anything that should take well under a second here: CI machines are slow."""

PROBLEM_LINE = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?:error|warning): \S.*$")
# Bytes a terminal would act on: C0 controls but tab and newline, DEL, C1 controls (as
# UTF-8), and the bidi overrides that make text read differently from what it is.
UNSAFE = re.compile(
    rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]"
)


@dataclass(frozen=True)
class Ran:
    """A finished `python -m guide` run: exit code, raw output, and how long it took."""

    returncode: int
    out: bytes
    err: bytes
    seconds: float

    @property
    def stdout(self) -> str:
        return self.out.decode("utf-8", errors="replace")

    @property
    def stderr(self) -> str:
        return self.err.decode("utf-8", errors="replace")


def clean_env(home: Path, **extra: str | None) -> dict[str, str]:
    """The environment of a person's shell, with a store of its own; `None` unsets."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TEXTUAL", "PYTEST")) and key not in ("NO_COLOR", "FORCE_COLOR")
    }
    env["HANGUP_GUIDE_HOME"] = str(home)
    env.setdefault("PYTHONIOENCODING", "utf-8")
    for key, value in extra.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def run(
    env: dict[str, str],
    *args: str,
    stdin: bytes = b"",
    timeout: float = TIMEOUT,
) -> Ran:
    """`python -m guide args` in the checkout, typing `stdin`; stdin and stdout are pipes."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "guide", *args],
        cwd=REPO,
        input=stdin,
        capture_output=True,
        timeout=timeout,
        env=env,
        check=False,
    )
    return Ran(done.returncode, done.stdout, done.stderr, time.perf_counter() - start)


def check_files(paths: Sequence[Path], env: dict[str, str] | None = None) -> Ran:
    """`hangup-guide check FILES`."""
    return run(env or dict(os.environ), "check", *map(str, paths))


def no_traceback(done: Ran) -> None:
    """No Python traceback on either stream, whatever the exit code."""
    assert b"Traceback" not in done.err, done.stderr[-3000:]
    assert b"Traceback" not in done.out, done.stdout[-3000:]


def safe_bytes(data: bytes) -> None:
    """Nothing a terminal would act on: no escape sequences, no controls, no bidi overrides."""
    found = UNSAFE.search(data)
    assert found is None, (found.group(), data[max(found.start() - 60, 0) : found.end() + 60])


FLOW = """\
flow: hostile
title: {title}
version: 1
start: q
sources:
  "000": {{title: Notes}}
escape:
  - {{label: This could be an emergency, key: "!", next: help}}
nodes:
  help:
    outcome: Get help now
    steps: [Call your local emergency number.]
    why: Safety first.
    source: {{article: "000"}}
    emergency: true
  done:
    outcome: {outcome}
    steps: [{step}]
    why: {why}
    source: {{article: "000", section: {section}}}
  q:
    ask: {ask}
    options:
{options}"""


def flow_text(
    options: Sequence[str] = ("One", "Two"),
    *,
    title: str = "Hostile",
    ask: str = "Which?",
    outcome: str = "Done",
    step: str = "Stop.",
    why: str = "Because.",
    section: str = "Part",
) -> str:
    """A small valid flow with the given texts put in as they are (quote them yourself);
    every option leads to the outcome `done`."""
    rows = "".join(f"      - {{label: {label}, next: done}}\n" for label in options)
    return FLOW.format(
        title=title,
        ask=ask,
        outcome=outcome,
        step=step,
        why=why,
        section=section,
        options=rows,
    )

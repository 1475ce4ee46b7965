"""Hostile flow files through `hangup-guide check` and the plain guide.

Each file is refused with a clear, located error (alias bombs, 100 MB, 10,000-deep
nesting, a million options, control characters and escape codes), or, when it is a
fair flow with strange text in it (markup, right-to-left and emoji, 100,000-character
labels, ten thousand options), checks clean and is shown by `--plain` literally and
safely: no escape sequence or control character reaches the terminal. Every run is
timed: "under a second" here, asserted with a bound slow CI machines can keep.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from guide.cli import main

from .common import (
    PROBLEM_LINE,
    SLOW_CI,
    Ran,
    clean_env,
    flow_text,
    no_traceback,
    run,
    safe_bytes,
)


def billion_laughs(path: Path) -> None:
    lines = ['lol0: &a0 "lol"']
    lines += [f"lol{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    path.write_text(flow_text(title="Laughs") + "\n".join(lines) + "\n")


def hundred_megabytes(path: Path) -> None:
    """A valid flow followed by 100 MB of comment lines: refused by its size, unread."""
    pad = b"#" + b" " * 1022 + b"\n"
    with path.open("wb") as handle:
        handle.write(flow_text().encode())
        for _ in range(100):
            handle.write(pad * 1024)


def deep_brackets(path: Path) -> None:
    path.write_text(flow_text(["[" * 10_000 + "]" * 10_000, "Two"]))


def deep_mappings(path: Path) -> None:
    path.write_text(flow_text(title="{a: " * 10_000 + "}" * 10_000))


def deep_sequences(path: Path) -> None:
    path.write_text(flow_text() + "extra: " + "\n" + "- " * 10_000 + "x\n")


def million_options(path: Path) -> None:
    path.write_text(flow_text([f"Option {n}" for n in range(1_000_000)]))


def half_a_million_values(path: Path) -> None:
    """A million bytes of tiny values: under the size limit, over the count of values."""
    path.write_text(flow_text() + "extra: [" + "a," * 490_000 + "]\n")


def raw_escape(path: Path) -> None:
    path.write_bytes(flow_text(["One \x1b[2J\x1b]0;pwned\x07", "Two"]).encode())


def escaped_escape(path: Path) -> None:
    path.write_text(flow_text(['"One \\e]0;pwned\\a \\e[2J"', "Two"]))


def bidi_override(path: Path) -> None:
    path.write_text(flow_text(['"Pay \\u202Eeulav\\u202C now"', "Two"]))


def c1_control(path: Path) -> None:
    path.write_text(flow_text(["One \x9b2J", "Two"]), encoding="utf-8")


def nul_byte(path: Path) -> None:
    path.write_bytes(flow_text(["One\x00", "Two"]).encode())


@dataclass(frozen=True)
class Refused:
    make: Callable[[Path], None]
    line: int | None
    """The line the problem points at (None: any)."""
    words: str


TEMPLATE_LINES = flow_text().count("\n")
OPTION_LINE = TEMPLATE_LINES - 1  # the first option's line
REFUSED = {
    "billion-laughs": Refused(billion_laughs, TEMPLATE_LINES + 1, "anchors (`&a0`)"),
    "100MB": Refused(hundred_megabytes, 1, "a flow may be at most 1,048,576 bytes"),
    "10000-deep-brackets": Refused(deep_brackets, OPTION_LINE, "nesting deeper"),
    "10000-deep-mappings": Refused(deep_mappings, 2, "nesting deeper"),
    "10000-deep-sequences": Refused(deep_sequences, TEMPLATE_LINES + 2, "nesting deeper"),
    "1000000-options": Refused(million_options, 1, "a flow may be at most"),
    "490000-values": Refused(half_a_million_values, None, "more than 250,000"),
    "raw-escape": Refused(raw_escape, OPTION_LINE, "U+001B"),
    "escaped-escape": Refused(escaped_escape, OPTION_LINE, "U+001B"),
    "bidi-override": Refused(bidi_override, OPTION_LINE, "U+202E"),
    "c1-control": Refused(c1_control, OPTION_LINE, "U+009B"),
    "nul-byte": Refused(nul_byte, 1, "binary file"),
}


@pytest.fixture(scope="module")
def refused(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], Ran]:
    """Every hostile file written, and one `check` run over all of them."""
    folder = tmp_path_factory.mktemp("hostile")
    paths = {}
    for name, case in REFUSED.items():
        paths[name] = folder / f"{name}.yaml"
        case.make(paths[name])
    checked = run(clean_env(folder), "check", *map(str, paths.values()))
    return paths, checked


def test_check_refuses_every_hostile_file_in_one_run(
    refused: tuple[dict[str, Path], Ran],
) -> None:
    paths, checked = refused
    no_traceback(checked)
    assert checked.returncode == 1, checked.stderr
    safe_bytes(checked.out + checked.err)
    assert f"checked {len(paths)} file(s): {len(paths)} error(s)" in checked.stderr
    assert checked.seconds < 2 * SLOW_CI, f"check took {checked.seconds:.1f} s"


@pytest.mark.parametrize("name", list(REFUSED))
def test_a_hostile_file_is_refused_clearly_and_fast(
    name: str, refused: tuple[dict[str, Path], Ran], capsys: pytest.CaptureFixture[str]
) -> None:
    case = REFUSED[name]
    paths, checked = refused
    path = paths[name]
    first = next(
        line
        for line in checked.stdout.splitlines()
        if line.startswith(f"{path}:") and ": error: " in line
    )
    assert PROBLEM_LINE.match(first), first
    line = int(first[len(str(path)) + 1 :].split(":")[0])
    if case.line is not None:
        assert line == case.line, first
    assert ": error: " in first and case.words in first, first
    assert len(first) < 400, "a problem is one short line, not the hostile text echoed"
    # The plain guide (in-process, timed) refuses it the same way and walks nothing.
    start = time.perf_counter()
    code = main(["--plain", "--flow", str(path), "--answers", "1"])
    assert time.perf_counter() - start < SLOW_CI
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert first in err and "fix them first" in err
    safe_bytes(err.encode())


# --- fair flows with strange text: shown literally ---------------------------------------

MARKUP = [
    "[bold red]loud[/]",
    "[/]",
    "[@click=app.quit]quit[/]",
    "[link=file:///etc/passwd]here[/link]",
    "50% [done]",
    "\\[escaped]",
]
WORLD = [
    "مرحبا، هل أنت بخير؟",  # Arabic
    "שלום, מה שלומך?",  # Hebrew
    "👨‍👩‍👧 family 🇳🇱 👋🏽",  # ZWJ sequence, flag, skin tone
    "Zoe\u0301 and 日本語",  # a combining accent, CJK
]
LONG = 100_000


@dataclass(frozen=True)
class Shown:
    labels: list[str]
    question: str
    must_show: list[str]


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


SHOWN = {
    "rich-markup": Shown(MARKUP, "Is [b]this[/b] bold?", [*MARKUP, "Is [b]this[/b] bold?"]),
    "right-to-left-and-emoji": Shown(WORLD, WORLD[0], WORLD),
    "100k-labels": Shown(
        ["L" * LONG, "M" * LONG],
        "Q" * LONG,
        ["L" * LONG, "M" * LONG, "Q" * LONG],
    ),
    "10000-options": Shown([f"Option {n}" for n in range(10_000)], "Which?", ["Option 9999"]),
}


@pytest.fixture(scope="module")
def shown(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], Ran]:
    """Every fair-but-strange flow written, and one `check` run over all of them."""
    folder = tmp_path_factory.mktemp("strange")
    paths = {}
    for name, case in SHOWN.items():
        paths[name] = folder / f"{name}.yaml"
        paths[name].write_text(
            flow_text(
                [quoted(label) for label in case.labels],
                ask=quoted(case.question),
                outcome=quoted(case.labels[-1]),
                why=quoted(case.labels[0]),
            ),
            encoding="utf-8",
        )
    checked = run(clean_env(folder), "check", *map(str, paths.values()))
    return paths, checked


def test_check_finds_nothing_wrong_with_strange_text(shown: tuple[dict[str, Path], Ran]) -> None:
    _, checked = shown
    no_traceback(checked)
    assert (checked.returncode, checked.stdout) == (0, ""), checked.stdout[:2000]
    assert checked.seconds < 2 * SLOW_CI, f"check took {checked.seconds:.1f} s"


@pytest.mark.parametrize("name", list(SHOWN))
def test_strange_text_is_shown_literally_and_safely(
    name: str,
    shown: tuple[dict[str, Path], Ran],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    case = SHOWN[name]
    path = shown[0][name]
    last = str(len(case.labels))
    # A scripted walk (in-process): the question, the answer, the outcome, as written.
    start = time.perf_counter()
    assert main(["--plain", "--flow", str(path), "--answers", last]) == 0
    assert time.perf_counter() - start < SLOW_CI
    out, _ = capsys.readouterr()
    assert out.startswith(f"{case.question}\n  → {case.labels[-1]}\n")
    assert f"NEXT STEP: {case.labels[-1]}\n" in out
    assert f"Why: {case.labels[0]}\n" in out
    # Typed, in a real process: every answer numbered and exactly as written, and not a
    # byte a terminal would act on.
    typed = run(
        clean_env(tmp_path), "--plain", "--no-save", "--flow", str(path), stdin=f"{last}\n".encode()
    )
    no_traceback(typed)
    assert typed.seconds < SLOW_CI, f"--plain took {typed.seconds:.1f} s"
    assert typed.returncode == 0, typed.stderr
    safe_bytes(typed.out)
    for text in case.must_show:
        assert text in typed.stdout, text[:80]
    for number, label in enumerate(case.labels[:3], 1):
        assert f"\n  {number}) {label}\n" in typed.stdout
    assert f"NEXT STEP: {case.labels[-1]}\n" in typed.stdout


def test_check_parses_each_file_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A flow near the size limit takes a second or more to parse: `check` used to parse
    every file twice (once to report, once more to resolve links)."""
    from guide.flow import loader

    parsed: list[str] = []
    real = loader.load_flow

    def counting(data: bytes, file: str = "<flow>", *args: object) -> loader.Loaded:
        parsed.append(file)
        return real(data, file, *args)  # type: ignore[arg-type]  # hostile data on purpose

    monkeypatch.setattr(loader, "load_flow", counting)
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text(flow_text())
    deep_brackets(bad)
    assert main(["check", str(good), str(bad)]) == 1
    assert "nesting deeper" in capsys.readouterr().out
    assert parsed.count(str(good)) == 1
    assert parsed.count(str(bad)) == 1

"""The guide's own words come from one catalogue (guide/i18n/strings.py), and a translation
is one TOML file.

The strongest test here is a pseudo-translation: every letter of every catalogue
string is swapped for an accented one of the same width (Keys → Ķéýš), the same walk
is taken in English and in it, and every line that comes out the same in both must
be the flow's own words. A fixed string left in the code shows up as a line that
did not change.
"""

from __future__ import annotations

import ast
import json
import os
import re
import string
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.app import App

from guide.faces.tui.app import make_app
from guide.faces.tui.screens.keys import KeysScreen
from guide.flow.engine import Walk
from guide.flow.model import Input, Say, Wait
from guide.flow.records import Record
from guide.flow.steps import Question
from guide.i18n.strings import ENGLISH, S, names, use
from guide.i18n.translation import apply_language, placeholders, read_catalogue, template
from guide.library.flows import open_flow, scan
from guide.library.settings import load_settings

from .helpers import REPO, guide, lines
from .tui.screen_text import screen_text

MAIN_FLOW = REPO / "flows" / "hang-up.yaml"
PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
ACCENTED = "àḃçḋéḟğĥîĵķĺṁñôṗʠŕšţûṽŵẋýžÀḂÇḊÉḞĞĤÎĴĶĹṀÑÔṖɊŔŠŢÛṼŴẊÝŽ"
PSEUDO = str.maketrans(PLAIN, ACCENTED)


def pseudo(text: str) -> str:
    """Every letter outside `{placeholders}` swapped for a look-alike of the same width."""
    out = []
    for literal, field, spec, conversion in string.Formatter().parse(text):
        out.append(literal.translate(PSEUDO).replace("{", "{{").replace("}", "}}"))
        if field is not None:
            out.append("{" + field + (f"!{conversion}" if conversion else ""))
            out.append((f":{spec}" if spec else "") + "}")
    return "".join(out)


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    yield
    use({})


def write_language(home: Path, name: str, body: str) -> Path:
    """settings.toml with `language = name`, and strings/name.toml holding `body`, in
    `home`: the folder HANGUP_GUIDE_HOME names (see `env_with`)."""
    folder = home
    (folder / "strings").mkdir(parents=True, exist_ok=True)
    (folder / "settings.toml").write_text(f'language = "{name}"\n', encoding="utf-8")
    path = folder / "strings" / f"{name}.toml"
    path.write_text(body, encoding="utf-8")
    return path


def pseudo_toml() -> str:
    return "".join(
        f"{name} = {json.dumps(pseudo(getattr(ENGLISH, name)), ensure_ascii=False)}\n"
        for name in names()
    )


# --- the catalogue and its template -----------------------------------------------------


def test_the_template_is_the_whole_english_catalogue() -> None:
    data = tomllib.loads(template())
    assert data == {name: getattr(ENGLISH, name) for name in names()}


def test_every_string_is_text_with_well_formed_placeholders() -> None:
    assert len(names()) == len(set(names())) > 250  # no part repeats another's name
    for name in names():
        value = getattr(ENGLISH, name)
        assert isinstance(value, str) and value, name
        placeholders(value)  # raises on an unpaired brace


def test_use_changes_the_strings_in_place_and_back() -> None:
    use({"key_back": "Retour"})
    assert S.key_back == "Retour" and S.key_restart == "Restart"
    use({})
    assert S.key_back == "Back"


# --- reading a translation ------------------------------------------------------------------


def test_a_partial_translation_is_used_and_the_rest_stays_english(tmp_path: Path) -> None:
    path = tmp_path / "fr.toml"
    path.write_text('key_back = "Retour"\nchat_reloaded = "{file} : {kept}/{total}"\n')
    catalogue = read_catalogue(path)
    assert catalogue.problems == []
    assert catalogue.strings == {"key_back": "Retour", "chat_reloaded": "{file} : {kept}/{total}"}


def test_a_placeholder_may_be_left_out_or_moved(tmp_path: Path) -> None:
    path = tmp_path / "fr.toml"
    path.write_text('chat_reloaded = "{total} étapes, {kept} gardées"\n', encoding="utf-8")
    assert read_catalogue(path).problems == []


@pytest.mark.parametrize(
    ("body", "where", "message"),
    [
        (
            '# a comment\nkey_back = "Retour"\n  chat_backk = "x"\n',
            "3:3",
            "no string is called `chat_backk`; did you mean `chat_went_back`?",
        ),
        ("\nkey_back = 3\n", "2:1", "`key_back` must be text in quotes"),
        (
            'timer_start = "Démarrer {when}"\n',
            "1:1",
            "`timer_start`: {when} is not filled in here (this string has: none)",
        ),
        ('"key_back" = "Retour {"\n', "1:1", "`key_back`: a { or } does not pair up"),
    ],
    ids=["unknown-name", "not-text", "unknown-placeholder", "unpaired-brace"],
)
def test_a_bad_string_is_a_problem_at_its_line(
    tmp_path: Path, body: str, where: str, message: str
) -> None:
    path = tmp_path / "fr.toml"
    path.write_text(body, encoding="utf-8")
    catalogue = read_catalogue(path)
    assert len(catalogue.problems) == 1
    assert catalogue.problems[0].startswith(f"{path}:{where}: error: ")
    assert message in catalogue.problems[0]
    assert catalogue.strings == ({"key_back": "Retour"} if 'Retour"\n' in body else {})


def test_a_toml_syntax_error_is_located(tmp_path: Path) -> None:
    path = tmp_path / "fr.toml"
    path.write_text('key_back = "Retour"\nkey_restart = Recommencer\n', encoding="utf-8")
    catalogue = read_catalogue(path)
    assert catalogue.readable and catalogue.strings == {}
    assert len(catalogue.problems) == 1
    assert catalogue.problems[0].startswith(f"{path}:2:15: error: Invalid value")


def test_an_unreadable_file_leaves_english(tmp_path: Path) -> None:
    path = tmp_path / "fr.toml"
    path.write_bytes(b'key_back = "\xff"\n')
    catalogue = read_catalogue(path)
    assert not catalogue.readable and catalogue.strings == {}
    assert catalogue.problems[0].startswith(f"{path}: cannot be read: ")


# --- choosing the language -------------------------------------------------------------------


def test_the_settings_language_is_put_to_use(tmp_path: Path) -> None:
    write_language(tmp_path, "fr", 'key_back = "Retour"\n')
    settings, problem = load_settings(tmp_path / "settings.toml")
    assert problem is None and settings.language == "fr"
    assert apply_language(settings.language, tmp_path / "strings") == []
    assert S.key_back == "Retour"
    assert apply_language(None) == [] and S.key_back == "Back"


def test_a_missing_translation_says_so_and_keeps_english(tmp_path: Path) -> None:
    notes = apply_language("xx", tmp_path)
    assert notes == [
        f"no translation for `xx`: {tmp_path / 'xx.toml'} does not exist; using English"
    ]
    assert S == ENGLISH


@pytest.mark.parametrize("name", ["../fr", "fr/ca", "", " fr", "f" * 40])
def test_a_language_name_cannot_reach_outside_the_folder(tmp_path: Path, name: str) -> None:
    notes = apply_language(name, tmp_path)
    assert S == ENGLISH
    assert notes == ([] if not name else [notes[0]])
    if name:
        assert "`language` must be a short name" in notes[0]


def test_a_language_that_is_not_text_is_a_settings_problem(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("language = 3\n", encoding="utf-8")
    settings, problem = load_settings(path)
    assert settings.language is None
    assert problem == f'{path}: ignored: `language` must be text, such as "fr"'


# --- `hangup-guide strings` ---------------------------------------------------------------


def env_with(home: Path) -> dict[str, str]:
    """HANGUP_GUIDE_HOME at `home`: settings, translations and saved walks all go there."""
    return {**os.environ, "HANGUP_GUIDE_HOME": str(home)}


def test_strings_prints_the_template(tmp_path: Path) -> None:
    done = guide(env_with(tmp_path), "strings")
    assert done.returncode == 0, done.stderr
    assert tomllib.loads(done.stdout)["key_back"] == "Back"
    assert str(tmp_path / "strings" / "LANG.toml") in done.stdout


def test_strings_checks_a_translation(tmp_path: Path) -> None:
    path = write_language(tmp_path, "fr", 'key_back = "Retour"\nkey_bak = "x"\n')
    done = guide(env_with(tmp_path), "strings", str(path))
    assert done.returncode == 1
    assert done.stdout == (
        f"{path}:2:1: error: no string is called `key_bak`; did you mean `key_back`?\n"
    )
    assert f"{path}: 1 of {len(names())} strings translated; the rest stay in English;" in (
        done.stderr
    )
    path.write_text('key_back = "Retour"\n', encoding="utf-8")
    assert guide(env_with(tmp_path), "strings", str(path)).returncode == 0
    missing = guide(env_with(tmp_path), "strings", str(tmp_path / "nope.toml"))
    assert missing.returncode == 2 and "cannot be read" in missing.stdout


def test_a_broken_translation_is_told_and_the_walk_goes_on_in_english(tmp_path: Path) -> None:
    path = write_language(tmp_path, "fr", 'key_back = "Retour"\nchat_went_back = 4\n')
    done = guide(env_with(tmp_path), "--plain", "--no-save", stdin=lines("", "q"))
    assert done.returncode == 0
    assert f"hangup-guide: {path}:2:1: error: `chat_went_back` must be text" in done.stderr
    assert "Traceback" not in done.stderr
    assert S.plain_commands in done.stdout  # not translated: still English


# --- nothing fixed is left outside the catalogue ----------------------------------------------


def flow_words(flow_path: Path, typed: list[str]) -> list[str]:
    """Every text of the flow (and what was typed): the words a translation does not touch."""
    flow = open_flow(flow_path, scan([flow_path]))
    found: list[str] = list(typed)

    def collect(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, Record):  # the model's records, field by field
            for name in value.__match_args__:
                collect(getattr(value, name))
        elif isinstance(value, dict) or hasattr(value, "items"):
            for key, item in value.items():  # type: ignore[attr-defined]  # anything with items(), as checked above
                collect(key)
                collect(item)
        elif isinstance(value, (list, tuple, set, frozenset)):
            for item in value:
                collect(item)

    collect(flow)
    walk = Walk(flow, scan([flow_path]).resolver())
    from guide.flow.examples import walk_answers

    walk_answers(walk, list(flow.examples[3].answers))
    step = walk.current
    found += [getattr(step, "script", "") or "", getattr(step, "text", "") or ""]
    return [" ".join(text.split()) for text in found if text]


# Where a line breaks into pieces to check: the translation's letters, the app's
# drawing (borders, tree lines, marks), and wide gaps between columns.
SPLIT = re.compile(rf"[{ACCENTED}]+|[│█▌▐╭╮╰╯─▀▄▅▆▇→⏱✎⑂★●✓▼▶├└┊↪]+|\s{{2,}}")
KEY_NAMES = {f"Ctrl+{letter}" for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
"""Key names are the same in every language (Ctrl+B, Ctrl+P...), never left-over English."""


def english_left(shown: str, corpus: list[str]) -> list[str]:
    """What a translated screen shows in plain letters that is not the flow's own words:
    with every catalogue string translated, that can only be a string left in the code."""
    odd = []
    for line in shown.splitlines():
        for piece in SPLIT.split(line):
            # (the map marks a `say` step with an "i")
            chunk = re.sub(r"^(?:[^A-Za-z]+|i (?=[A-Z]))+|[^A-Za-z]+$", "", piece)
            known = chunk in KEY_NAMES or any(chunk in text for text in corpus)
            if len(chunk) > 1 and not known:
                odd.append(chunk)
    return odd


def test_the_checker_catches_a_fixed_string() -> None:
    corpus = ["Do you know why the call ended?", "It looked like an accident", "Call"]
    translated = pseudo("Source: “{title}”, section “{section}”").format(
        title="It looked", section="Call"
    )
    assert english_left(translated, corpus) == []
    assert english_left("  1) It looked like an accident\n├── ▼ ✓ i Do you know w", corpus) == []
    assert english_left(" █ Guide  Do you know why the call ended?", corpus) == ["Guide"]
    assert english_left(pseudo("Suggested wait: ") + "5 min.", corpus) == ["min"]
    assert english_left("Escape or Enter to close", corpus) == ["Escape or Enter to close"]


def plain_script(flow_path: Path, answers: list[str]) -> list[str]:
    """The lines a person types for these answers, plus why, a miss and a step back."""
    flow = open_flow(flow_path, scan([flow_path]))
    walk = Walk(flow, scan([flow_path]).resolver())
    typed: list[str] = []
    asked_extra = False
    while not walk.finished:
        step = walk.current
        if isinstance(step, Say):
            typed.append("")
            walk.proceed()
        elif isinstance(step, Wait):
            typed += ["x", "s"]  # a wrong key at a timer, then skip it
            walk.proceed()
        else:
            if isinstance(step, Question) and not asked_extra:
                asked_extra = True
                typed += ["?", "zzz", "b", ""]  # why, no match, back to the start, on again
            answer = answers.pop(0)
            typed.append(answer)
            walk.reply(answer)
            assert isinstance(step, (Question, Input))
    return typed


def test_the_plain_face_has_no_fixed_english_left(tmp_path: Path) -> None:
    answers = list(open_flow(MAIN_FLOW, scan([MAIN_FLOW])).examples[3].answers)
    typed = plain_script(MAIN_FLOW, list(answers))
    english_config, pseudo_config = tmp_path / "en", tmp_path / "xx"
    english_config.mkdir()
    write_language(pseudo_config, "xx", pseudo_toml())
    args = ("--plain", "--no-save")
    english = guide(env_with(english_config), *args, stdin=lines(*typed))
    translated = guide(env_with(pseudo_config), *args, stdin=lines(*typed))
    assert english.returncode == translated.returncode == 0, translated.stderr
    assert translated.stderr == ""
    assert len(english.stdout.splitlines()) == len(translated.stdout.splitlines())
    assert ENGLISH.plain_commands in english.stdout
    assert pseudo(ENGLISH.plain_commands) in translated.stdout
    assert english_left(translated.stdout, flow_words(MAIN_FLOW, typed)) == []


@contextmanager
def pseudo_in_use() -> Iterator[None]:
    """The pseudo-translation in use inside the block, English again after it."""
    use({name: pseudo(getattr(ENGLISH, name)) for name in names()})
    try:
        yield
    finally:
        use({})


async def test_the_app_has_no_fixed_english_left() -> None:
    english = await screen_text()
    with pseudo_in_use():
        translated = await screen_text()
    assert english.keys() == translated.keys()
    assert {"why", "keys", "map", "no-match", "outcome", "words", "back"} <= english.keys()
    corpus = flow_words(MAIN_FLOW, ["Mum", "Alex", "zzz"])
    for stage in english:
        assert english[stage] != translated[stage], stage
        assert english_left(translated[stage], corpus) == [], stage
    assert pseudo(ENGLISH.card_next_step) in translated["outcome"]
    assert pseudo(ENGLISH.key_emergency) in translated["start"]  # the footer too


async def footer_and_keys() -> tuple[str, str]:
    """The last line of a freshly built app (its footer), and the keys screen's text."""
    small = REPO / "tests" / "fixtures" / "store" / "small.yaml"
    library = scan([small])
    app = make_app(Walk(open_flow(small, library), library.resolver()), library=library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = screen_lines(app)[-1]
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        return footer, "\n".join(screen_lines(app))


def screen_lines(app: App[Any]) -> list[str]:
    return [strip.text.rstrip() for strip in app.screen._compositor.render_strips()]


async def test_keys_are_named_in_the_language_in_use_when_the_app_is_built() -> None:
    english = ENGLISH.key_emergency, ENGLISH.key_restart, ENGLISH.key_keys
    translated = tuple(pseudo(words) for words in english)
    with pseudo_in_use():
        footer, keys = await footer_and_keys()
    assert all(words in footer and words in keys for words in translated), (footer, keys)
    assert not any(words in footer or words in keys for words in english)
    footer, keys = await footer_and_keys()  # English again, in the same process
    assert all(words in footer and words in keys for words in english), (footer, keys)
    assert not any(words in footer or words in keys for words in translated)


# Words for a person: a capitalised word, or two words in a row.
WORDS = re.compile(r"^[A-Z][a-z]+|[A-Za-z]{2,}[,.:;!?]?\s+[A-Za-z]{2,}")
NOT_WORDS = {
    "bold reverse",  # a style
    "Ctrl+P",  # key names stay as they are
    "Ctrl+Q",
    *("Ask", "Say", "Wait", "Input", "Route", "Goto", "Compute", "Outcome"),  # node kinds
}
FACES = sorted(
    path
    for face in ("tui", "plain")
    for path in (REPO / "guide" / "faces" / face).rglob("*.py")
    if path.name != "__init__.py"
)
assert len(FACES) > 20, "the faces moved: point FACES at them again"


def literal_strings(path: Path) -> Iterator[tuple[int, str]]:
    """String constants in a module's code, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            for statement in body:
                if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
                    docstrings.add(id(statement.value))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ):
            yield node.lineno, node.value


@pytest.mark.parametrize("path", FACES, ids=lambda p: str(p.relative_to(REPO)))
def test_the_faces_hold_no_words_of_their_own(path: Path) -> None:
    words = [
        f"{path.name}:{line}: {text!r}"
        for line, text in literal_strings(path)
        if WORDS.search(text) and text not in NOT_WORDS
    ]
    assert words == []

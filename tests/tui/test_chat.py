"""The chat screen through Pilot: answering by number, mouse, arrows and words.

Every test drives the app as a person would (keys, clicks, typed text) and
checks what is on the screen: the bubbles, the answer rows, the outcome card.
"""

from __future__ import annotations

import pytest

from guide.faces.tui.screens.words import WordsScreen
from guide.flow.model import Flow
from guide.flow.steps import Question

from .conftest import ChatFactory

FIRST = "Do you know why the call ended?"
ANGER = "They ended it on purpose, in anger or mid-argument"
RUSHED = "They ended it on purpose, but not angrily (busy, rushed, another call)"
ACCIDENT = "It looked like an accident: the line dropped or cut out"
WHO = "Who was on the other end?"
FAMILY = "Family: a parent, child, brother or sister, or another relative"
FRIEND = "A friend"
WORK = "Someone from work: a client, supplier, boss, colleague or recruiter"
PROSPECT = "Someone I cold-called, a sales prospect"
CONTACT_CENTRE = "A customer, while I was answering calls in a contact centre"
EMERGENCY = "This could be an emergency"
EVERYONE = [
    FAMILY,
    "A partner or an ex-partner",
    FRIEND,
    "Someone I know a little: a neighbour, someone from a club, a parent at the school gate",
    "My landlord, or my tenant",
    WORK,
    PROSPECT,
    "A company's service line or helpline that I had called",
    CONTACT_CENTRE,
    EMERGENCY,
]
TRIED = "Since the call ended, what have you tried?"
NAME = "What do you call them? (Their first name, or Mum, Grandad...)"


async def test_first_screen_offers_continue(chat: ChatFactory, hang_up: Flow) -> None:
    """The app opens on the `say` node: one guide bubble and a single "Continue" row."""
    async with chat(hang_up) as c:
        assert c.asked() == [
            "Take one slow breath. A few short questions, and you will have one clear next step."
        ]
        assert c.labels() == ["Continue"]
        assert c.app.focused is c.choices


async def test_number_key_picks_that_answer(chat: ChatFactory, hang_up: Flow) -> None:
    """Enter goes past the first `say`; "2" picks answer 2: a "You" bubble with its label,
    then the next question with its own answers."""
    async with chat(hang_up) as c:
        await c.press("enter")
        assert c.asked()[-1] == FIRST
        assert c.answers() == [
            f"1   {ACCIDENT}",
            f"2   {ANGER}",
            f"3   {RUSHED}",
            "4   I'm not sure why",
            f"!   {EMERGENCY}",
        ]
        await c.press("2")
        assert c.bubbles()[-2:] == [f"You  {ANGER}", f"Guide  {WHO}"]
        assert c.labels() == EVERYONE


async def test_click_picks_an_answer(chat: ChatFactory, hang_up: Flow) -> None:
    """Clicking the second row of the answer list picks answer 2."""
    async with chat(hang_up) as c:
        await c.pilot.click("#choices", offset=(2, 0))  # the single "Continue" row
        await c.pilot.pause()
        assert c.asked()[-1] == FIRST
        # Each answer is one line at 80 columns, so row 1 is the second answer.
        assert c.choices.region.height == c.choices.option_count
        assert await c.pilot.click("#choices", offset=(10, 1))
        await c.pilot.pause()
        assert c.bubbles()[-2:] == [f"You  {ANGER}", f"Guide  {WHO}"]


async def test_arrows_and_enter_pick_the_highlighted_answer(
    chat: ChatFactory, hang_up: Flow
) -> None:
    """A question starts with nothing highlighted; down three times highlights answer 3;
    Enter picks it."""
    async with chat(hang_up) as c:
        await c.press("enter")
        assert c.choices.highlighted is None
        await c.press("down", "down", "down")
        assert c.choices.highlighted == 2
        await c.press("enter")
        assert c.bubbles()[-2:] == [f"You  {RUSHED}", f"Guide  {WHO}"]


async def test_free_text_picks_the_matching_answer(chat: ChatFactory, hang_up: Flow) -> None:
    """Typing goes straight into the answer box; "I think my battery died" + Enter picks the accident
    answer, and the bubble shows the words and "→" the answer they were taken as."""
    async with chat(hang_up) as c:
        await c.press("enter")
        assert c.app.focused is c.free_text
        await c.type("I think my battery died")
        assert c.free_text.value == "I think my battery died"
        await c.press("enter")
        assert f"You  I think my battery died  →  {ACCIDENT}" in c.bubbles()
        # The accident branch asks what has happened since, before any wait.
        assert c.asked()[-1] == "What has happened since the line went?"
        assert c.free_text.value == ""


async def test_two_matches_ask_did_you_mean(chat: ChatFactory, hang_up: Flow) -> None:
    """ "my friend from work" names both a friend and work: the guide asks which, offers
    just those two and "None of these"; picking one goes on."""
    async with chat(hang_up) as c:
        await c.press("enter", "2")
        assert c.asked()[-1] == WHO
        await c.say_in_words("my friend from work")
        assert c.bubbles()[-2] == "You  my friend from work"
        assert "Did you mean" in c.bubbles()[-1]
        assert sorted(c.labels()) == sorted([FRIEND, WORK, "None of these: show all answers"])
        assert c.labels()[-1] == "None of these: show all answers"
        assert c.app.focused is c.free_text  # ready for another try in words
        assert c.free_text.value == ""
        # The walk has not moved: the same question is still waiting.
        assert c.walk.depth == 2
        await c.press("6")  # answer 6 keeps its number in the shorter list
        assert c.bubbles()[-2] == f"You  {WORK}"
        assert c.asked()[-1] == TRIED


async def test_none_of_these_shows_all_answers_again(chat: ChatFactory, hang_up: Flow) -> None:
    """After "did you mean", the "None of these" row brings back every answer."""
    async with chat(hang_up) as c:
        await c.press("enter", "2")
        await c.say_in_words("my friend from work")
        await c.press("down", "down", "down", "enter")  # ↓ from the box moves through the rows
        assert c.labels() == EVERYONE
        assert c.asked()[-1] == WHO
        await c.press("7")
        assert c.bubbles()[-2] == f"You  {PROSPECT}"


async def test_back_undoes_the_last_answer(chat: ChatFactory, hang_up: Flow) -> None:
    """After two answers, "b" strikes out the last exchange, says so in a note, asks the
    previous question again; a different answer then takes the other branch."""
    async with chat(hang_up) as c:
        await c.press("enter", "2", "1")
        assert c.asked()[-1] == TRIED
        await c.press("ctrl+b")
        bubbles = c.bubble_widgets()
        undone = [str(b.content) for b in bubbles if b.has_class("-undone")]
        assert f"You  {FAMILY}" in undone
        assert f"Guide  {TRIED}" in undone
        # The first answer stands.
        assert not any(b.has_class("-undone") for b in bubbles if str(b.content) == f"You  {ANGER}")
        assert c.bubbles()[-2] == "You went back to change an answer. Ctrl+Z puts it back."
        assert c.bubbles()[-1] == f"Guide  {WHO}"
        assert c.labels() == EVERYONE
        await c.press("7")
        assert c.asked()[-1] == "Had they been talking with you before the line went dead?"
        assert c.walk.facts["relationship"] == "prospect"


async def test_back_is_not_offered_at_the_first_step(chat: ChatFactory, hang_up: Flow) -> None:
    """At the very first step "b" does nothing and adds no note."""
    async with chat(hang_up) as c:
        before = c.bubbles()
        await c.press("ctrl+b")
        assert c.bubbles() == before


async def test_restart_clears_the_transcript(chat: ChatFactory, hang_up: Flow) -> None:
    """ "r" after a few answers leaves only the first step on the screen."""
    async with chat(hang_up) as c:
        first = c.bubbles()
        await c.press("enter", "2", "1")
        await c.press("ctrl+r", "y")
        assert c.bubbles() == first
        assert c.labels() == ["Continue"]
        assert c.walk.depth == 0
        await c.press("enter")
        assert c.asked()[-1] == FIRST


async def test_help_adds_a_note(chat: ChatFactory, hang_up: Flow) -> None:
    """ "h" at a question with help text shows that help as a note."""
    async with chat(hang_up) as c:
        await c.press("enter", "ctrl+g")
        assert c.last_bubble().startswith("The reason shapes what helps now.")


async def test_emergency_from_deep_in_the_walk(chat: ChatFactory, hang_up: Flow) -> None:
    """Five answers in, "!" shows the emergency card; its first step names the
    emergency number."""
    async with chat(hang_up) as c:
        await c.press("enter", "2", "1", "1", "1", "3")
        assert c.asked()[-1] == "What would you like to happen next?"
        await c.press("exclamation_mark")
        assert f"You  {EMERGENCY}" in c.bubbles()
        card = c.card()
        assert card.has_class("-emergency")
        assert "Treat this as an emergency" in c.card_text("title")
        first_step = c.card_text("steps").splitlines()[0]
        assert "emergency number" in first_step
        assert "112" in first_step
        # The card offers what to do next; copy comes first because there is a script.
        assert c.labels()[0].startswith("Copy the words to use")


@pytest.mark.parametrize(
    "keys",
    [
        # a question, half a sentence in the text line
        ("enter", *"they were"),
        # a name step, where the text line has focus by itself, half a name typed
        ("enter", "3", "1", "2", *"Sa"),
    ],
    ids=["question", "name-step"],
)
async def test_emergency_works_while_typing(
    chat: ChatFactory, hang_up: Flow, keys: tuple[str, ...]
) -> None:
    """With something typed, "!" is part of the words, and Ctrl+E still jumps to the
    emergency card (a priority binding, so it beats the input's own Ctrl+E)."""
    async with chat(hang_up) as c:
        await c.press(*keys)
        assert c.app.focused is c.free_text
        typed = c.free_text.value
        await c.press("exclamation_mark")
        assert not c.walk.finished
        assert c.free_text.value == typed + "!"
        await c.press("ctrl+e")
        assert c.walk.finished
        assert c.card().has_class("-emergency")


async def test_answer_after_the_emergency_card_restarts(chat: ChatFactory, hang_up: Flow) -> None:
    """On the outcome card, the "Start again" row starts a fresh walk."""
    async with chat(hang_up) as c:
        await c.press("exclamation_mark")
        rows = c.labels()
        start_again = next(i for i, row in enumerate(rows) if row.startswith("Start again"))
        c.choices.highlighted = start_again
        await c.press("enter")
        assert "Start again?" in c.statics()  # asked first: nothing is lost by one key
        await c.press("y")
        assert c.walk.depth == 0
        assert c.labels() == ["Continue"]


async def test_copy_fills_in_the_names(chat: ChatFactory, hang_up: Flow) -> None:
    """Walk "a friend cut off while I am in a meeting", type "Sam" at the name step (a
    friend's message asks no name of yours); "c" copies the message with the name and
    shows it (tests/tui/test_words.py has what is said about the copy)."""
    async with chat(hang_up) as c:
        await c.press("enter", "1", "1")  # an accident, only just: the wait for a call back
        await c.press("s")  # skip the wait
        assert c.asked()[-1] == "Did they call you back?"
        await c.press("2", "3", "1", "2")  # not yet, a friend, nothing tried, a call feels wrong
        assert c.asked()[-1] == NAME
        await c.enter_value("Sam")
        assert c.bubbles()[-1] == "You  Sam"
        assert "Send a short message instead" in c.card_text("title")
        expected = (
            "Hi Sam, sorry our call ended so suddenly. "
            "Happy to pick it up whenever suits you: ring me, or just reply here."
        )
        assert c.card_text("text") == expected
        await c.press("c")
        assert c.app.clipboard == expected
        assert isinstance(c.app.screen, WordsScreen)
        assert expected in c.statics()  # shown whole, to select or save
        await c.press("escape")
        assert c.app.screen is c.screen


async def test_empty_names_use_the_defaults(chat: ChatFactory, hang_up: Flow) -> None:
    """Leaving the name empty (just Enter) fills the message with the flow's default."""
    async with chat(hang_up) as c:
        await c.press("enter", "3", "3", "1", "2")  # rushed friend, calling feels wrong
        await c.enter_value("")
        assert c.bubbles()[-1] == "You  (skipped)"
        assert c.card_text("text").startswith("Hi there, sorry our call")


async def test_copy_is_not_offered_before_an_outcome(chat: ChatFactory, hang_up: Flow) -> None:
    """ "c" in the middle of the walk does nothing: nothing is copied, nothing is said."""
    async with chat(hang_up) as c:
        await c.press("enter", "c")
        assert c.app.clipboard == ""
        assert c.said() == []
        assert isinstance(c.walk.current, Question)

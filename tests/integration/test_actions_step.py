"""What typed text does at an audit's actions step (user trial): every line typed there used to become a new action
("Who owns this action?"), even `done`, the button's own label, `remove action` with no number, a due date typed one
step early and a bare `1` read off "#1) No more actions". Now the finishing words end the step as the button does, a
number picks an option in the terminal (and is never an action anywhere), a date alone is told the order, and
`remove action` alone says how."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits import action_fields
from bot.audits.flow import is_bare_number
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_removal import TO_ACTIONS, TWO_ACTIONS
from tests.support.text import flat

DRAFTED = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
AUDITOR = "U0MGRN001"
# The same audit graded Inadequate (the alert confirmed, the reason given) up to its actions step.
TO_INADEQUATE_ACTIONS = [*TO_ACTIONS[:-3], "inadequate", "send", "The plan has drifted for months with no review.",
                         "Direct work is thoughtful.", "skip"]


def step(services: Services) -> str:
    return store.get_audit(services.storage, 1).step


def descriptions(services: Services) -> list[str]:
    return [a.description for a in action_store.actions_of_audit(services.storage, 1)]


@pytest.mark.parametrize("typed", ["done", "Done.", "that's all", "that’s all", "none", "no", "next", "finished",
                                   "No more actions", "no more", "nothing else", "all done", "no actions needed", "n/a",
                                   "N/A.", "no further actions required"])
def test_finishing_words_end_the_actions_step_as_the_button_does(engine: Engine, services: Services,
                                                                 typed: str) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, *TWO_ACTIONS[:3], typed], user=AUDITOR)
    after = out.split("Actions (1 so far)", 1)[1]
    assert "Who owns this action?" not in after and "Ready to submit?" in after
    assert step(services) == "submit"
    assert descriptions(services) == ["Share the plan with the school."]


def test_a_bare_number_in_the_terminal_picks_the_option_and_says_it_back(engine: Engine, services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, *TWO_ACTIONS[:3], "1"], user=AUDITOR)
    shown = out.split("Actions (1 so far)", 1)[1]
    assert "  1) No more actions" in shown and "  2) Remove action 1" in shown  # numbered as a menu: no `#`
    assert "→ You picked 1: No more actions" in shown
    assert step(services) == "submit" and descriptions(services) == ["Share the plan with the school."]


def test_a_bare_number_where_options_are_not_numbered_is_never_an_action(engine: Engine, services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        drive(engine, TO_ACTIONS, user=AUDITOR)
        [refused] = engine.message(AUDITOR, "1")  # in Slack the buttons carry no numbers
    assert refused.kind == "error" and flat(refused.text, "`").startswith(
        "A number on its own isn't an action, so I haven't stored it. Type what needs to happen for the child, done")
    assert step(services) == "actions" and descriptions(services) == []


@pytest.mark.parametrize("typed", ["-1", "+2", "1,200", "# 2", "2.))", "1234567890123"])
def test_a_number_in_any_form_a_text_answer_refuses_is_no_action_either(engine: Engine, services: Services,
                                                                        typed: str) -> None:
    """One rule (bot.audits.flow.is_bare_number) for a number on its own, at a text question and at the actions step
    alike: these were taken as an action and sent on to "Who owns this action?"."""
    with time_machine.travel(DRAFTED, tick=False):
        drive(engine, TO_ACTIONS, user=AUDITOR)
        [refused] = engine.message(AUDITOR, typed)
    assert refused.kind == "error" and flat(refused.text, "`").startswith(
        "A number on its own isn't an action, so I haven't stored it.")
    assert step(services) == "actions" and descriptions(services) == []


@pytest.mark.parametrize(("typed", "said"), [("9434765919", "looks like an NHS number"),
                                             ("07700900123", "looks like a phone number"),
                                             ("31.12", "That looks like a due date, so I haven't stored it.")])
def test_a_number_that_is_an_identifier_or_a_date_is_still_told_what_it_is(engine: Engine, services: Services,
                                                                           typed: str, said: str) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        drive(engine, TO_ACTIONS, user=AUDITOR)
        [refused] = engine.message(AUDITOR, typed)
    assert refused.kind == "error" and said in flat(refused.text, "`")
    assert step(services) == "actions" and descriptions(services) == []


@pytest.mark.parametrize("typed", ["31/12", "next Friday", "30/12/2026", "in two weeks", "31/02"])
def test_a_due_date_typed_one_step_early_is_told_the_order_and_stores_nothing(engine: Engine, services: Services,
                                                                              typed: str) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, typed], user=AUDITOR)
    assert ("That looks like a due date, so I haven't stored it. Type the action first (what needs to happen for "
            "the child); then I ask who owns it and when it is due.") in flat(out, "`")
    assert "Who owns this action?" not in out
    assert step(services) == "actions" and descriptions(services) == []


def test_an_action_that_mentions_a_date_is_still_an_action(engine: Engine, services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, "Review the plan by next Friday"], user=AUDITOR)
    assert "Who owns this action?" in out and step(services) == "action_owner"


@pytest.mark.parametrize("typed", ["remove action", "Remove", "delete the action"])
def test_remove_action_without_a_number_says_how_with_the_numbers_there_are(engine: Engine, services: Services,
                                                                            typed: str) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, *TWO_ACTIONS, typed], user=AUDITOR)
    assert ("Which action? Type remove action and its number, like remove action 2: the actions so far are numbered "
            "1 and 2. Nothing was changed.") in flat(out, "`")
    assert out.count("Who owns this action?") == 2  # the two actions typed, and nothing more
    assert len(descriptions(services)) == 2 and step(services) == "actions"


def test_an_inadequate_audit_still_needs_an_action_before_done_ends_the_step(engine: Engine,
                                                                             services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        _, out = drive(engine, [*TO_INADEQUATE_ACTIONS, "done"], user=AUDITOR)
        assert "An audit graded Inadequate needs at least one action" in flat(out, "`")
        assert step(services) == "actions" and descriptions(services) == []
        _, out = drive(engine, [*TWO_ACTIONS[:3], "that's all"], user=AUDITOR)
    assert step(services) == "submit" and descriptions(services) == ["Share the plan with the school."]


# -- the words read: a property of the patterns -------------------------------------------------------------------

WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=10)


@given(st.lists(WORDS, min_size=2, max_size=8))
def test_an_action_of_several_words_is_never_read_as_finishing_or_a_number(words: list[str]) -> None:
    """"Book a review", "Share the plan with …": a verb and more words are always an action's text."""
    text = " ".join(["Book", *words])
    assert not action_fields.finishes(text) and not is_bare_number(text)


@given(st.sampled_from(["done", "no more actions", "that's all", "none", "nothing else", "finished", "next"]),
       st.sampled_from(["", ".", "!", "  "]), st.booleans())
def test_finishing_words_are_read_whatever_the_case_and_trailing_mark(word: str, mark: str, upper: bool) -> None:
    typed = (word.upper() if upper else word.capitalize()) + mark
    assert action_fields.finishes(typed)


@pytest.mark.parametrize("again", ["done", "next", "ok", "finished"])
def test_done_typed_again_at_the_submit_step_does_not_send_the_audit(engine: Engine, services: Services,
                                                                     again: str) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, *TWO_ACTIONS[:3], "done", again], user=AUDITOR)
    assert "Audit #1 is not sent yet. Type submit (or press Submit) to send it for moderation" in flat(out, "`")
    assert step(services) == "submit" and store.get_audit(services.storage, 1).submitted_at is None
    with time_machine.travel(DRAFTED, tick=False):
        drive(engine, ["submit"], user=AUDITOR)
    assert store.get_audit(services.storage, 1).submitted_at is not None


def test_a_date_typed_first_at_an_inadequate_audits_actions_says_an_action_is_needed(engine: Engine,
                                                                                    services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        _, out = drive(engine, [*TO_INADEQUATE_ACTIONS, "31/12"], user=AUDITOR)
    said = flat(out, "`").split("That looks like a due date", 1)[1]
    assert "An audit graded Inadequate needs at least one action." in said and "To finish the actions" not in said

"""Trial 59 (F2, F13) in Slack, through signed requests: a refused answer says where the audit stands, and a kept
note goes with the answer however it is given."""

from __future__ import annotations

import time_machine

from bot.core.services import Services
from bot.storage import audits as store
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import AUDITOR, WORKING_DAY, SlackPerson, answer_button, start_questions

PASTED = "Home visit on 2 Dec: child seen alone in her bedroom and said she feels safe at home now"


@time_machine.travel(WORKING_DAY, tick=False)
def test_a_refused_note_ends_with_the_question_still_waiting_and_its_buttons(bot: RunningBot, standin,
                                                                            services: Services) -> None:
    """F2: the refusal had no question under it, so the next line answered the wrong question."""
    person = SlackPerson(bot, standin, AUDITOR)
    no = answer_button(start_questions(person), "No")
    refused = person.send("type", "no, drift")
    assert refused[0].kind == "error" and "too short to be evidence" in refused[0].text
    assert refused[-1].text.startswith("Still at Q1:") and "immediate safeguarding concern" in refused[-1].text
    assert answer_button(refused, "No") == no
    person.send("type", "no")
    assert store.answers_of(services.storage, 1)["immediate-concern"].value == "no"


@time_machine.travel(WORKING_DAY, tick=False)
def test_a_kept_note_goes_with_the_button_pressed_after_help(bot: RunningBot, standin, services: Services) -> None:
    """F13: a kept note was promised to go with the answer "(or press a button)"."""
    person = SlackPerson(bot, standin, AUDITOR)
    no = answer_button(start_questions(person), "No")
    kept = person.send("type", PASTED)
    assert "I've kept your note" in kept[0].text
    person.send("type", "help")
    pressed = person.send("press", f"audit.answer|{no.value}")
    assert any(f"with your note: “{PASTED}”" in reply.text for reply in pressed)
    answer = store.answers_of(services.storage, 1)["immediate-concern"]
    assert (answer.value, answer.evidence) == ("no", PASTED)

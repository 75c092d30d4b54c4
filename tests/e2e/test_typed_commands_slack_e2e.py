"""Trial 8's typed commands in a Slack DM, through signed requests into the real Bolt app: an audit number of four
digits is the command's, not a case reference; a command typed with what it does not take gets its usage and is
never noted for the QA leads; `resume` after `pause` carries on with the one draft; and "what does good look like
here?" at a question shows that question's own guidance, as its button does."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.core.services import Services
from bot.storage import audits as store
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import AUDITOR, SlackPerson, answer_button, start_questions
from tests.support.audit_rows import insert_audit


def asked(services: Services) -> list[str]:
    """What the knowledge base was asked (and may have noted for the QA leads)."""
    return [row["query"] for row in services.storage.db.query("SELECT query FROM kb_asks ORDER BY id")]


def audit_numbered(services: Services, number: int) -> int:
    """A submitted audit whose number is `number` (ids grow past 999 in a year of use)."""
    with services.storage.write() as db:
        db.execute("INSERT INTO sqlite_sequence (name, seq) SELECT 'audits', 0 WHERE NOT EXISTS "
                   "(SELECT 1 FROM sqlite_sequence WHERE name = 'audits')")
        db.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audits'", [number - 1])
    made = insert_audit(services.storage, "CR-100200", datetime(2026, 11, 2, 10, 0, tzinfo=UTC), auditor=AUDITOR)
    assert made == number
    return made


def test_show_and_an_audit_number_of_four_digits_runs_the_command_not_a_case_reference(
        bot: RunningBot, standin, services: Services) -> None:
    """Trial 8: `show 1234` was "SHOW-1234 looks like a case reference", while `/audit show 1234` worked."""
    person = SlackPerson(bot, standin, AUDITOR)
    audit_numbered(services, 1234)
    [shown, *_] = person.send("type", "show 1234")
    assert "Audit #1234" in shown.text and "looks like a case reference" not in shown.text
    assert shown.text == person.send("command", "show 1234")[0].text
    [edited] = person.send("type", "edit 9999")
    assert "looks like a case reference" not in edited.text and "There is no audit #9999" in edited.text
    assert asked(services) == []


@pytest.mark.parametrize("typed", ["SHOW1234", "show-1234"])
def test_a_command_word_run_together_with_the_number_is_still_a_case_reference(
        bot: RunningBot, standin, services: Services, typed: str) -> None:
    person = SlackPerson(bot, standin, AUDITOR)
    [offered] = person.send("type", typed)
    assert "*SHOW-1234* looks like a case reference" in offered.text  # Slack's bold
    assert asked(services) == []


def test_show_with_something_it_does_not_take_gets_its_usage_and_is_not_noted(
        bot: RunningBot, standin, services: Services) -> None:
    """Trial 8: `show abc` got "I don't know that yet. I've noted your question…" and landed on kb unanswered."""
    person = SlackPerson(bot, standin, AUDITOR)
    [usage] = person.send("type", "show abc")
    assert "That isn't how `/audit show` is typed: `/audit show &lt;number&gt;`, like `show 12`." in usage.text
    assert "on the QA leads' list" not in usage.text
    assert asked(services) == []
    listed = person.send("command", "kb unanswered")
    assert "No unanswered" in listed[0].text


def test_show_me_audit_1_shows_audit_1(bot: RunningBot, standin, services: Services) -> None:
    """Trial 8: `show me audit 1` got the knowledge base's "Did you mean…" suggestions."""
    person = SlackPerson(bot, standin, AUDITOR)
    insert_audit(services.storage, "CR-100200", datetime(2026, 11, 2, 10, 0, tzinfo=UTC), auditor=AUDITOR)
    [shown, *_] = person.send("type", "show me audit 1")
    assert "Audit #1" in shown.text and "Did you mean" not in shown.text
    assert asked(services) == []


def test_resume_after_pause_carries_on_with_the_one_draft_and_the_next_answer_is_taken(
        bot: RunningBot, standin, services: Services) -> None:
    """Trial 8: after `pause` ("Type /audit resume (or resume) to carry on from this question"), `resume` listed the
    one draft, and the answer typed next was refused: "There's no question waiting…"."""
    person = SlackPerson(bot, standin, AUDITOR)
    start_questions(person)
    [paused] = person.send("type", "pause")
    assert "Type `/audit resume` (or `resume`) to carry on from this question" in paused.text
    resumed = person.send("type", "resume")
    assert resumed[0].text.startswith("Carrying on with audit #1 (CR-777001, Full case audit) where you stopped.")
    assert "Your audits in progress" not in resumed[0].text
    assert answer_button(resumed, "No")  # the question it stopped at, with its buttons
    answered = person.send("type", "no")
    assert "There's no question waiting" not in "\n".join(reply.text for reply in answered)
    assert store.answers_of(services.storage, 1)["immediate-concern"].value == "no"


@pytest.mark.parametrize("typed", ["what does good look like here?", "what does good look like?",
                                   "what good looks like", "What would good look like for this question"])
def test_what_does_good_look_like_typed_at_a_question_shows_its_own_guidance_as_the_button_does(
        bot: RunningBot, standin, services: Services, typed: str) -> None:
    """Trial 8: typed at a question with a *What good looks like* button, it ran a knowledge-base search ("Did you
    mean… What does good case recording look like?")."""
    person = SlackPerson(bot, standin, AUDITOR)
    question = start_questions(person)
    [button] = [choice for choice in question[-1].choices if choice.label == "What good looks like"]
    pressed = person.send("press", f"audit.guidance|{button.value}")
    typed_replies = person.send("type", typed)
    assert [reply.text for reply in typed_replies] == [reply.text for reply in pressed]
    assert "Did you mean" not in typed_replies[0].text
    assert typed_replies[-1].text.startswith("Back to audit #1, question 1:")
    assert asked(services) == []
    assert store.answers_of(services.storage, 1) == {}

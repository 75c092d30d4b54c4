"""The worker's reflection prompt takes only a reflection (user trial): a question or a command typed there is handled
as anywhere else and the reflection is said to be still waiting; `later` leaves it unrecorded and says how to come
back; what is stored is shown back."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.audits import reflection_wait
from bot.audits.flow import AnswerError, parse_reflection
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

DAY = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
WORKER = "U0PRAN001"
STILL_WAITING = "Your reflections on audit #1 are still waiting: type them next, or type later to do it another time."


@pytest.fixture
def audit_id(services: Services) -> int:
    return insert_audit(services.storage, "CR-100001", DAY, auditor="U0MGRN001", worker=WORKER)


def reflections(services: Services, audit: int) -> list[str]:
    return [r["text"] for r in store.reflections_of(services.storage, audit)]


@pytest.mark.parametrize(("asked", "answer"), [
    ("what does RI mean?", "RI stands for requires improvement to be good"),
    ("what does RI mean", "RI stands for requires improvement to be good"),  # no ?: the glossary knows it
    ("when is the ICPC due", "When must an initial child protection conference be held?"),  # answered outright
])
def test_a_question_at_the_prompt_is_answered_not_stored(engine: Engine, services: Services, audit_id: int,
                                                         asked: str, answer: str) -> None:
    _, out = drive(engine, [f"/audit reflect {audit_id}", asked], user=WORKER)
    after = flat(out.split("What do you agree with", 1)[1], "`")
    assert "your reflections are saved" not in after
    assert answer in after
    assert STILL_WAITING in after
    assert reflections(services, audit_id) == []


@pytest.mark.parametrize("command", ["help", "home", "/audit help", "actions"])
def test_a_command_at_the_prompt_is_handled_as_usual_and_the_reflection_still_waits(
        engine: Engine, services: Services, audit_id: int, command: str) -> None:
    _, out = drive(engine, [f"/audit reflect {audit_id}", command], user=WORKER)
    after = flat(out.split("What do you agree with", 1)[1], "`")
    assert "your reflections are saved" not in after
    if not command.startswith("/"):  # a slash command never reached the prompt; a typed one is reminded of it
        assert STILL_WAITING in after
    assert reflections(services, audit_id) == []
    _, out = drive(engine, ["I agree the plan drifted and I will review it with the family."], user=WORKER)
    assert reflections(services, audit_id) == ["I agree the plan drifted and I will review it with the family."]


@pytest.mark.parametrize("way_out", ["later", "skip", "Cancel", "not now."])
def test_later_leaves_it_unrecorded_and_says_how_to_come_back(engine: Engine, services: Services, audit_id: int,
                                                               way_out: str) -> None:
    _, out = drive(engine, [f"/audit reflect {audit_id}", way_out, "I agree the plan drifted."], user=WORKER)
    assert (f"OK, no reflections saved on audit #{audit_id} for now. Add them whenever you are ready: type "
            f"/audit reflect {audit_id}") in flat(out, "`")
    assert reflections(services, audit_id) == []  # what came next was not taken as the reflection either
    assert store.conversation(services.storage, WORKER) == {}


@pytest.mark.parametrize("text", [
    "I agree the plan drifted and the review conference was late; I will book reviews earlier.",
    "I agree the chronology needs updating.",  # the knowledge base knows chronologies: still a reflection
    "How I work with the family will change.",  # begins like a question, is not one
])
def test_a_reflection_is_stored_and_shown_back(engine: Engine, services: Services, audit_id: int, text: str) -> None:
    _, out = drive(engine, [f"/audit reflect {audit_id}", text], user=WORKER)
    assert f"Thank you: your reflections are saved with audit #{audit_id}: “{text}”" in flat(out, "`")
    assert f"To add more later, type /audit reflect {audit_id}." in flat(out, "`")
    assert reflections(services, audit_id) == [text]
    assert "still waiting" not in out


@pytest.mark.parametrize("chat", ["ok", "thanks", "Good morning", "thank you very much", "how are you?"])
def test_small_talk_at_the_prompt_is_not_a_reflection_and_the_prompt_says_what_it_wants(
        engine: Engine, services: Services, audit_id: int, chat: str) -> None:
    """Trial 12, F8: `ok` got the small-talk reply, "OK. Type help whenever you want to see what I can do.", which
    read as if the reflection had been taken or dropped; "thank you very much", long enough, was stored as one."""
    _, out = drive(engine, [f"/audit reflect {audit_id}", chat], user=WORKER)
    after = flat(out.split("What do you agree with", 1)[1], "`")
    assert after.startswith(", and what would you do next? > Type your reflections, or type later to do it another "
                            "time. ! That isn't a reflection on the audit, so nothing was saved. Write a sentence or "
                            f"two: what you agree with in the audit, and what you would do next. {STILL_WAITING}")
    assert "Type help whenever" not in after and "You're welcome" not in after and "Hello" not in after
    assert reflections(services, audit_id) == []


def test_a_refused_reflection_keeps_the_prompt_waiting(engine: Engine, services: Services, audit_id: int) -> None:
    _, out = drive(engine, [f"/audit reflect {audit_id}", "Oliver Smith was not seen alone and I should have."],
                   user=WORKER)
    assert "looks like a child's or family member's name" in out and STILL_WAITING in flat(out, "`")
    assert reflections(services, audit_id) == []


# -- what counts as a command at the prompt ------------------------------------------------------------------

@given(st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz'", min_size=1, max_size=9), min_size=7, max_size=20))
def test_a_sentence_is_never_read_as_a_command(words: list[str]) -> None:
    """Seven words or more not starting with `/` are a reflection, whatever word they begin with."""
    for first in ("help", "home", "actions", "list", "agree", "show", "compare", "more", "campaign", "kb"):
        assert reflection_wait.COMMAND.match(" ".join([first, *words])) is None


@pytest.mark.parametrize("typed", ["help", "Home", "more", "compare 12", "show #3", "/audit list mine",
                                   "list team", "reaudits", "accept 12", "done 4", "kb reload", "campaign mine 3"])
def test_commands_typed_at_the_prompt_are_read_as_commands(typed: str) -> None:
    assert reflection_wait.COMMAND.match(typed)


@pytest.mark.parametrize(("typed", "said"), [
    ("2", "A number on its own isn't a reflection, and there are no options to pick here, so nothing was saved."),
    ("12.", "A number on its own isn't a reflection, and there are no options to pick here, so nothing was saved."),
    ("Agreed.", "That is too short to be a reflection, so nothing was saved."),
])
def test_a_number_or_a_word_is_not_saved_as_a_reflection_and_the_prompt_says_what_it_wants(
        engine: Engine, services: Services, audit_id: int, typed: str, said: str) -> None:
    _, out = drive(engine, [f"/audit reflect {audit_id}", typed], user=WORKER)
    after = flat(out.split("What do you agree with", 1)[1], "`")
    assert f"{said} Write a sentence or two: what you agree with in the audit, and what you would do next." in after
    assert STILL_WAITING in after  # and how to leave it: `later`
    assert "your reflections are saved" not in after and "[message to U0MGRN001]" not in out  # the auditor not told
    assert reflections(services, audit_id) == []
    drive(engine, ["I agree the plan drifted."], user=WORKER)
    assert reflections(services, audit_id) == ["I agree the plan drifted."]


def test_a_reflection_given_with_the_command_has_the_same_minimum(engine: Engine, services: Services,
                                                                  audit_id: int) -> None:
    [refused] = engine.command(WORKER, f"reflect {audit_id} 2", surface="terminal")
    assert refused.kind == "error" and "A number on its own isn't a reflection" in refused.text
    assert reflections(services, audit_id) == []


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["", "#"]), st.sampled_from(["", ".", ")"]))
def test_no_number_on_its_own_is_ever_a_reflection(number: int, hashed: str, mark: str) -> None:
    with pytest.raises(AnswerError, match="A number on its own isn't a reflection"):
        parse_reflection(f"{hashed}{number}{mark}")


@given(st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9), min_size=3, max_size=12))
def test_a_sentence_of_three_words_or_more_is_taken_as_written(words: list[str]) -> None:
    sentence = " ".join(words)
    assert parse_reflection(sentence) == sentence


@pytest.mark.parametrize("again", ["reflect on audit 1", "reflect 1", "add reflections to audit 1",
                                   "i want to add my reflections to audit 1", "/audit reflect 1"])
def test_the_reflect_request_typed_again_asks_again_and_is_never_saved(engine: Engine, services: Services,
                                                                       audit_id: int, again: str) -> None:
    """Trial 25: `reflect on audit 1` twice was saved as the reflection; the real one, typed next, was not."""
    _, out = drive(engine, ["reflect on audit 1", again], user=WORKER)
    assert out.count("What are your reflections on audit #1?") == 2 and "your reflections are saved" not in out
    assert reflections(services, audit_id) == []
    drive(engine, ["I agree the plan drifted and I will review it with the family."], user=WORKER)  # a new session
    assert reflections(services, audit_id) == ["I agree the plan drifted and I will review it with the family."]


def test_i_want_to_add_my_reflections_starts_the_reflection(engine: Engine, services: Services,
                                                            audit_id: int) -> None:
    _, out = drive(engine, ["i want to add my reflections to audit 1",
                            "I agree the plan drifted and I will review it with the family."], user=WORKER)
    assert "What are your reflections on audit #1?" in out and "your reflections are saved" in out
    assert reflections(services, audit_id) == ["I agree the plan drifted and I will review it with the family."]

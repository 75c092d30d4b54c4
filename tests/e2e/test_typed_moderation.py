"""A moderator types "agree" or "disagree" (or "agree 12"): with one undecided moderation it is that decision;
with several the bot names them and asks which; it never goes to the knowledge base or records a vote there."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.decision_words import leading_decision
from bot.audits.grade_words import read_grade_and_note
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_wording import submitted_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
AUDITOR, SOUTH = "U0MGRN001", "U0MGRS001"
REASON = "Evidence of impact for the child is thin."


def votes(services: Services) -> int:
    """Questions logged for the knowledge base and votes on its answers: typed decisions make neither."""
    db = services.storage.db
    return int(db.execute("SELECT (SELECT COUNT(*) FROM kb_feedback) + (SELECT COUNT(*) FROM kb_asks)").fetchone()[0])


def opened(engine: Engine, services: Services, count: int = 1) -> list[int]:
    ids = [submitted_audit(engine, services, AUDITOR) for _ in range(count)]
    for audit_id in ids:
        engine.action(SOUTH, "audit.moderate_open", str(audit_id))
    return ids


def test_typed_disagree_with_one_open_asks_the_grade_then_the_reason(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        [audit_id] = opened(engine, services)
        _, out = drive(engine, ["disagree", "3", REASON, "yes"], user=SOUTH)  # yes: Send the alert (Inadequate)
    assert "What grade would you give?" in out and "3) Inadequate" in out
    assert "Did you mean" not in out and "Not helpful" not in out
    assert f"Moderation of audit #{audit_id} saved" in out
    audit = store.get_audit(services.storage, audit_id)
    assert (audit.status, audit.moderated_grade) == ("moderated", "inadequate")
    assert votes(services) == 0


def test_typed_agree_with_one_open_asks_the_reason(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        [audit_id] = opened(engine, services)
        _, out = drive(engine, ["Agree.", REASON], user=SOUTH)
    assert "You agree with Good. Why?" in flat(out)
    assert f"Moderation of audit #{audit_id} saved" in out
    assert store.get_audit(services.storage, audit_id).moderated_grade == "good"


def test_with_several_open_agree_is_the_one_on_screen_and_a_number_names_another(engine: Engine,
                                                                                  services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        first, second = opened(engine, services, 2)
        _, named = drive(engine, ["agree", REASON], user=SOUTH)  # trial 30: it asked which, and lost the reason
        assert f"Taken as your decision on audit #{second}, the one you have open (you are also moderating #{first}" \
            in flat(named)
        assert "Which one" not in named and f"Moderation of audit #{second} saved" in named
        assert store.get_audit(services.storage, first).status == "in_moderation"
        _, picked = drive(engine, ["disagree", "1", REASON, "skip"], user=SOUTH)  # now only the first is open
        _, not_mine = drive(engine, ["agree 999"], user=SOUTH)
    assert "What grade would you give?" in picked and f"Moderation of audit #{first} saved" in picked
    assert "You are not moderating audit #999" in not_mine
    assert votes(services) == 0


def test_agree_typed_while_the_reason_is_awaited_is_not_taken_as_the_reason(engine: Engine,
                                                                            services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        [audit_id] = opened(engine, services)
        _, out = drive(engine, ["agree", "disagree", "3", REASON, "yes"], user=SOUTH)
    assert "What grade would you give?" in out
    assert store.get_audit(services.storage, audit_id).moderated_grade == "inadequate"


# -- trial 9, finding 10: nothing held ---------------------------------------------------------------------------

QA_LEAD, PRACTITIONER = "U0QALEAD1", "U0PRAN001"


def said(engine: Engine, user: str, text: str) -> str:
    return flat(" ".join(reply.text for reply in engine.message(user, text)))


def test_a_moderator_holding_none_is_told_so_and_how_to_open_the_first_waiting(engine: Engine,
                                                                                services: Services) -> None:
    """Trial 9: a QA lead typed `agree` in a new session with no audit open and got the knowledge base's article on
    the moderation agreement rate, so may have thought they had agreed."""
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        for user in (QA_LEAD, SOUTH):
            for word in ("agree", "Disagree.", "agree!"):
                text = said(engine, user, word)
                assert text.startswith("You are not moderating an audit now, so nothing was decided:"), text
                assert f"`/audit moderate {audit_id}` opens #{audit_id}" in text
                assert "agreement rate" not in text
        assert store.get_audit(services.storage, audit_id).status == "submitted"
        assert "Agree" in " ".join(c.label for r in engine.command(QA_LEAD, f"moderate {audit_id}") for c in r.choices)
    assert votes(services) == 0


def test_a_moderator_with_nothing_waiting_is_told_that_too(engine: Engine, services: Services) -> None:
    text = said(engine, QA_LEAD, "agree")
    assert text.startswith("You are not moderating an audit now, so nothing was decided:")
    assert "none is waiting for you" in text
    assert votes(services) == 0


@pytest.mark.parametrize("word", ["agree", "disagree", "agree 12", "Disagree with #3."])
def test_a_practitioner_typing_agree_gets_a_short_reply_not_an_article(engine: Engine, services: Services,
                                                                       word: str) -> None:
    """Not the knowledge base's article on moderation agreement rates, and not noted as a question."""
    [reply] = engine.message(PRACTITIONER, word)
    assert reply.text.startswith("There is no moderation for you to agree or disagree with:")
    number = "".join(ch for ch in word if ch.isdigit()) or "<audit number>"  # never an example's 12 (trial 41)
    assert f"`/audit reflect {number}`" in reply.text and f"`/audit respond {number} accept`" in reply.text
    assert not reply.choices and not reply.title
    assert votes(services) == 0


def test_typed_disagree_through_slack_offers_the_grades(bot: RunningBot, standin, services: Services,
                                                        engine: Engine) -> None:
    [audit_id] = opened(engine, services)
    moderator = SlackPerson(bot, standin, SOUTH)
    [asked] = moderator.send("message", "disagree")
    assert "What grade would you give?" in asked.text
    [inadequate] = [c for c in asked.choices if c.label == "Inadequate"]
    [why] = moderator.send("press", f"{inadequate.action}|{inadequate.value}")
    assert "Why?" in why.text
    [check] = moderator.send("message", REASON)
    assert "This sends an urgent alert now to" in check.text
    moderator.send("message", "yes")
    assert store.get_audit(services.storage, audit_id).moderated_grade == "inadequate"


def test_the_grade_question_names_the_auditors_grade_and_a_wrong_pick_can_be_undone_before_the_reason(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        [audit_id] = opened(engine, services)
        _, out = drive(engine, ["disagree", "3", "disagree", "2", REASON, "skip"], user=SOUTH)
    text = flat(out)
    assert "The auditor graded it Good, so that one is not offered" in text
    assert "Type disagree to choose again: nothing is saved yet" in text
    audit = store.get_audit(services.storage, audit_id)
    assert audit.moderated_grade == "requires_improvement"  # the second pick, not the first


@pytest.mark.parametrize("auditors", ["outstanding", "good", "requires_improvement", "inadequate"])
def test_after_disagree_every_example_grade_shown_is_one_offered_and_following_one_is_taken(
        engine: Engine, services: Services, auditors: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        services.storage.db.execute("UPDATE audits SET overall_grade = ? WHERE id = ?", [auditors, audit_id])
        engine.action(SOUTH, "audit.moderate_open", str(audit_id))
        [asked] = engine.message(SOUTH, "disagree")
        [refused] = engine.message(SOUTH, "ok")  # trial 11: "ok" got examples naming the auditor's Inadequate
        examples = re.findall(r"`([^`]+)`", asked.text + refused.text)
        graded = [said for said in map(read_grade_and_note, examples) if said is not None]
        assert len(graded) >= 4 and auditors not in {grade for grade, _ in graded}
        with_reason = next(example for example, said in zip(examples, map(read_grade_and_note, examples),
                                                            strict=True) if said is not None and said[1])
        taken = " ".join(reply.text for reply in engine.message(SOUTH, with_reason))
        assert "is the auditor's own grade" not in taken and "with your reason" in taken


# Trial 12, F9: at "Why?", `agree` again was met by the same question without a word on what was wrong, and the reason
# `agree, the grade fits: …` reached the auditor as "Reason: agree, the grade fits: …".
def test_agree_at_why_says_a_reason_is_wanted_and_a_leading_agree_is_no_part_of_the_reason(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        [audit_id] = opened(engine, services)
        _, out = drive(engine, ["agree", "agree", "agree, the grade fits: voice is heard but methods need work"],
                       user=SOUTH)
    text = flat(out)
    assert ("You have agreed with Good already: nothing is saved until you say why. Please say in a sentence why you "
            "agree with Good, for the auditor to learn from") in text
    assert text.count("You agree with Good. Why?") == 1
    assert "Reason: the grade fits: voice is heard but methods need work" in text and "Reason: agree" not in text
    decided = services.storage.db.execute("SELECT reason FROM moderations WHERE audit_id = ?", [audit_id]).fetchone()
    assert decided[0] == "the grade fits: voice is heard but methods need work"


def test_a_reason_starting_with_the_other_decisions_word_is_asked_about_not_stored(engine: Engine,
                                                                                   services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        [audit_id] = opened(engine, services)
        _, out = drive(engine, ["agree", "disagree - the plan has drifted for months", "disagree", "3",
                                "I agree, the grade fits the visits on file"], user=SOUTH)
    text = flat(out)
    assert "You agreed with Good, and that reason starts with “disagree”, so nothing was saved." in text
    assert ("You would grade it Inadequate, not the auditor's grade, and that reason starts with "
            "“agree”, so nothing was saved.") in text
    assert store.get_audit(services.storage, audit_id).status == "in_moderation"


@given(st.sampled_from(["agree", "Agree", "AGREE", "I agree", "disagree", "i disagree"]),
       st.sampled_from([", ", ": ", ". ", "; ", " - ", " — ", "! ", ","]),
       st.lists(st.sampled_from(["the", "grade", "fits", "voice", "is", "heard", "plan", "drift"]), min_size=1,
                max_size=8).map(" ".join))
def test_a_decisions_word_and_a_separator_leave_the_reason_as_typed(word: str, separator: str, rest: str) -> None:
    assert leading_decision(f"{word}{separator}{rest}") == (word.split()[-1].lower(), rest)


@pytest.mark.parametrize("reason", ["I agree the plan drifted and the grade fits", "agree with the auditor's view",
                                    "Agreement with the family is recorded", "disagreements are resolved quickly",
                                    "The grade fits: I agree"])
def test_a_decisions_word_that_is_part_of_the_sentence_stays(reason: str) -> None:
    assert leading_decision(reason) is None

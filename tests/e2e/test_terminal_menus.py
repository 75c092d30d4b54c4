"""Numbered options in the terminal chat, as a user trial found them: a number picks only from the latest menu on
screen, every pick is said back, the worker list reads the same for everyone, and `resume` never loses an audit
being started without a word."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from bot.terminal.render import TerminalView
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_removal import DRAFTED
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

MANAGER, WORKER = "U0MGRN001", "U0PRAN001"


def colleagues_action(services: Services) -> int:
    """An open action of the worker's, from a submitted audit of CR-123456 a month ago."""
    now = datetime.now(UTC)
    audit_id = insert_audit(services.storage, "CR-123456", now - timedelta(days=30))
    return action_store.add_action(services.storage, audit_id, "Update the chronology", WORKER,
                                   (now + timedelta(days=14)).date().isoformat(), MANAGER, now)


def is_done(services: Services, action_id: int) -> bool:
    [row] = services.storage.db.query("SELECT done_at FROM actions WHERE id = ?", [action_id])
    return row["done_at"] is not None


def workers(services: Services) -> list[str | None]:
    return [row["worker_id"] for row in services.storage.db.query("SELECT worker_id FROM audits WHERE status = "
                                                                     "'draft' ORDER BY id")]


# -- finding 1: a number never acts on an older menu ------------------------------------------------------------

@pytest.mark.parametrize("between", ["/audit actions", "thanks"])
def test_a_number_after_a_reply_without_options_does_not_close_a_colleagues_action(
        engine: Engine, services: Services, between: str) -> None:
    action_id = colleagues_action(services)
    _, out = drive(engine, ["/audit actions team", between, "1"], user=MANAGER)
    assert not is_done(services, action_id)
    assert "There are no options to pick from just now, so “1” picks nothing. The options further up were for an " \
           "earlier reply: numbers pick only from the options of the latest one." in flat(out)
    assert "You picked" not in out


def test_done_picked_for_a_colleague_is_said_back_with_whose_action_and_its_words(engine: Engine,
                                                                                  services: Services) -> None:
    action_id = colleagues_action(services)
    # A colleague's action asks before it is closed (the actions branch's confirm): the pick is said back first.
    _, out = drive(engine, ["/audit actions team", "1", "yes"], user=MANAGER)
    assert is_done(services, action_id)
    picked = f"→ You picked 1: Done — action {action_id} for Social worker N1: “Update the chronology”"
    assert picked in out
    assert out.index(picked) < out.index(f"Mark action #{action_id} done for Social worker N1?") < \
        out.index(f"Action {action_id} (audit #")


def test_a_stale_number_while_an_audit_waits_shows_its_question_again_and_picks_nothing(engine: Engine,
                                                                                        services: Services) -> None:
    colleagues_action(services)
    _, out = drive(engine, ["/audit start case-audit", "CR-654321", "/audit actions team", "/audit actions", "1"],
                   user=MANAGER)
    assert workers(services) == [None]  # "1" neither closed the action nor chose a worker
    tail = flat(out[out.index("“1” picks nothing"):])
    assert ("Here again is what I'm waiting for from you: Picking up audit #2 (CR-654321, Full case audit) at whose "
            "case it is:") in tail
    assert "Whose case is it?" in tail and "1) Social worker N1" in tail
    _, out = drive(engine, ["1"], user=MANAGER)  # the worker list is on screen again: now "1" picks from it
    assert workers(services) == [WORKER]


def test_guidance_read_mid_question_leaves_the_questions_numbers_standing(engine: Engine,
                                                                          services: Services) -> None:
    _, out = drive(engine, ["/audit start case-audit", "CR-654321", "1", "3", "2"], user=MANAGER)
    assert "== What good looks like ==" in out and "→ You picked 2: No" in out
    [answer] = services.storage.db.query("SELECT question_id, value FROM answers")
    assert (answer["question_id"], answer["value"]) == ("immediate-concern", "no")


def test_a_number_beyond_the_menu_says_which_numbers_there_are(engine: Engine, services: Services) -> None:
    _, out = drive(engine, ["/audit start case-audit", "CR-654321", "9"], user=MANAGER)
    assert "There is no option 9 on screen: type 1 to 4 to pick one of the options listed last." in flat(out)
    assert workers(services) == [None]


# -- finding 2: the worker list is numbered the same for everyone, and the pick is said back --------------------

@pytest.mark.parametrize(("user", "first_listed", "sees_earlier_audit", "earlier_worker"), [
    # a worker peer-auditing a colleague's case (their own is refused: tests/integration/test_own_case_refused.py)
    (WORKER, ("Social worker N2", "U0PRAN002"), False, "U0PRAN002"),
    (MANAGER, ("Social worker N1", WORKER), True, WORKER),
    ("U0PRAN002", ("Social worker N1", WORKER), False, WORKER),
])
def test_one_picks_the_first_worker_listed_whatever_else_the_screen_offers(
        engine: Engine, services: Services, user: str, first_listed: tuple[str, str],
        sees_earlier_audit: bool, earlier_worker: str) -> None:
    earlier = insert_audit(services.storage, "CR-123456", datetime.now(UTC) - timedelta(days=30),
                           worker=earlier_worker)
    _, out = drive(engine, ["/audit start case-audit", "CR-123456", "1"], user=user)
    label, person_id = first_listed
    assert ("Heads up: CR-123456 has been audited" in out) and (f"View #{earlier}" in out) == sees_earlier_audit
    asked = out[out.index("Whose case is it?"):]
    assert asked.index(f"1) {label}") < asked.index("→ You picked")
    assert f"→ You picked 1: {label} ({person_id})" in out
    assert workers(services) == [person_id]


# -- finding 3: `resume` while a case reference is awaited --------------------------------------------------------

def test_resume_with_drafts_keeps_the_start_and_picking_a_draft_says_the_start_is_dropped(
        engine: Engine, services: Services) -> None:
    drive(engine, ["/audit start case-audit", "CR-111111", "pause"], user=MANAGER)
    _, out = drive(engine, ["/audit start neglect", "resume"], user=MANAGER)
    listed = flat(out[out.index("Your audits in progress"):])
    assert "You were starting an audit against the Neglect checklist: type its case reference to carry on, or " \
           "cancel to drop it." in listed
    assert "#1) Resume #1" in listed and "#2) Cancel" in listed  # a bare word typed next is the reference
    _, out = drive(engine, ["/audit start neglect", "resume", "#1"], user=MANAGER)
    assert "The audit you were starting (no case reference given yet) is dropped: type start audit to begin it " \
           "again." in flat(out)
    assert services.storage.db["audits"].count == 1


def test_resume_after_picking_up_at_the_checklists_carries_on_with_them(engine: Engine) -> None:
    drive(engine, ["start audit", "quit"], user=MANAGER)
    _, out = drive(engine, ["resume", "18"], user=MANAGER)  # a new session, as trial 11 found it
    assert "Picking up where you left off: Which checklist are you auditing against?" in flat(out)
    after = flat(out[out.index("You have no audits in progress."):])
    assert "set aside" not in after and "picks nothing" not in after
    assert "You were starting an audit: pick its checklist to carry on. 1) Care leavers" in after
    assert "→ You picked 18: Voice of the child" in after and "What is the case reference?" in after


def test_resume_with_a_draft_beside_the_checklists_says_which_start_is_dropped(engine: Engine,
                                                                                services: Services) -> None:
    drive(engine, ["/audit start case-audit", "CR-111111", "pause"], user=MANAGER)
    _, out = drive(engine, ["start audit", "resume"], user=MANAGER)
    assert "You were starting an audit: pick its checklist to carry on." in flat(out)
    _, out = drive(engine, ["start audit", "resume", "19"], user=MANAGER)  # 1-18 are the checklists
    assert "The audit you were starting (no checklist chosen yet) is dropped: type start audit to begin it " \
           "again." in flat(out)
    assert services.storage.db["audits"].count == 1


# -- finding 4: the terminal never cuts a word, and its marks say what they mean ------------------------------------

def test_a_review_with_a_missing_answer_marks_it_in_words(engine: Engine, services: Services) -> None:
    from tests.audit_driver import next_input

    replies, state = engine.command(MANAGER, "start early-help-spot"), {"case_ref": "CR-100200"}
    while not any(c.action == "audit.next" for r in replies for c in r.choices):
        kind, payload = next_input(replies, state)  # type: ignore[misc]
        replies = engine.action(MANAGER, *payload.split("|", 1)) if kind == "press" else \
            engine.message(MANAGER, payload)
    with services.storage.write() as db:
        db.execute("DELETE FROM answers WHERE question_id = 'consent'")
    _, out = drive(engine, [], user=MANAGER)  # a new session shows the review again
    text = flat(out)
    assert "(?)" not in out
    assert "[missing] 2. Is the family's informed consent to early help recorded? — not answered" in text
    assert "[missing] a required question not answered yet, or a grade without its evidence note." in text


@given(words=st.lists(st.from_regex(r"[a-z]{1,12}(-[a-z]{1,12}){0,3}", fullmatch=True), min_size=1, max_size=40),
       width=st.integers(min_value=20, max_value=100))
def test_wrapped_text_never_cuts_a_word_or_a_hyphenated_one(words: list[str], width: int) -> None:
    link = "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2"
    shown = TerminalView(width=width).render([Reply(text=" ".join([*words, link]), note=" ".join(words),
                                                    choices=(Choice(" ".join(words), "kb.show", "x"),))])
    pieces = shown.replace("(", " ").replace(")", " ").split()
    for word in [*words, link]:
        assert word in pieces


def test_the_chat_wraps_at_the_terminals_own_width(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.terminal.chat import screen_width

    monkeypatch.setenv("COLUMNS", "60")
    assert screen_width() == 59
    monkeypatch.setenv("COLUMNS", "300")
    assert screen_width() == 100


# -- typed numbers: a property of the view ---------------------------------------------------------------------

OPTIONS = tuple(Choice(f"Option {i}", "actions.done", str(i)) for i in range(5))


@given(text=st.one_of(st.integers(min_value=-5, max_value=2000).map(str), st.text(max_size=8),
                      st.integers(min_value=0, max_value=20).map(lambda n: f" #{n} ")))
def test_after_a_reply_without_options_no_typed_line_picks_and_every_number_is_told_why(text: str) -> None:
    view = TerminalView()  # nothing is waiting for an answer
    view.render([Reply(text="Open actions", choices=OPTIONS)])
    view.render([Reply(text="You're welcome.")])
    assert view.choice_for(text) is None and view.echo(text) is None
    bare = text.strip().removeprefix("#").strip()
    refused = view.pick_refused(text)
    assert (refused is not None) == (bare.isdecimal() and len(bare) <= 3)


@given(number=st.integers(min_value=1, max_value=len(OPTIONS)), hashed=st.booleans())
def test_a_number_on_the_latest_menu_picks_its_option_and_says_it_back(number: int, hashed: bool) -> None:
    view = TerminalView()
    view.render([Reply(text="Open actions", choices=OPTIONS)])
    typed = f"#{number}" if hashed else str(number)
    assert view.choice_for(typed) == OPTIONS[number - 1] and view.pick_refused(typed) is None
    assert view.echo(typed) == f"→ You picked {number}: Option {number - 1}"


def test_a_number_beyond_a_menu_of_one_names_the_one_option() -> None:
    view = TerminalView()
    view.render([Reply(text="Action added.", choices=OPTIONS[:1])])
    assert view.pick_refused("2") == "There is no option 2 on screen: type 1 to pick the one option listed last."


# -- an answer given aside mid-audit ends with the audit's question, whose options a number then picks -------------

KB_QUESTION = "how often should a child on a CP plan be visited?"


def test_after_a_knowledge_base_answer_mid_audit_a_number_answers_the_audit_question(engine: Engine,
                                                                                     services: Services) -> None:
    _, out = drive(engine, ["/audit start case-audit", "CR-654321", "1", KB_QUESTION, "2"], user=MANAGER)
    answered = out[out.index("How often should a child on a child protection plan be visited?"):]
    back = answered.index("Back to audit #1, question 1:")
    assert answered.index("Helpful") < back  # the answer first, then the question again
    assert "Is there an immediate safeguarding concern" in answered[back:] and "  1) Yes" in answered[back:]
    assert "→ You picked 2: No" in answered and "You picked 2: Not helpful" not in answered
    [answer] = services.storage.db.query("SELECT question_id, value FROM answers")
    assert (answer["question_id"], answer["value"]) == ("immediate-concern", "no")


def test_what_good_looks_like_ends_with_the_question_again(engine: Engine) -> None:
    _, out = drive(engine, ["/audit start case-audit", "CR-654321", "1", "3"], user=MANAGER)
    guidance = out[out.index("== What good looks like =="):]
    assert "Back to audit #1, question 1:" in guidance and "  2) No" in guidance


@pytest.mark.parametrize("typed", ["maybe", "no"])
def test_a_refused_or_taken_answer_does_not_repeat_the_question(engine: Engine, typed: str) -> None:
    _, out = drive(engine, ["/audit start case-audit", "CR-654321", "1", typed], user=MANAGER)
    assert "Back to audit" not in out


TO_OVERALL_GRADE = ["start audit early-help-spot", "CR-555555", WORKER, "no", "yes", "yes", "no", "yes", "yes", "good",
                    "The plan and the visits show steady progress.", "yes", "1", "good",
                    "The step-down decision is recorded with the family views.", "next"]


def test_resume_first_in_a_new_session_does_not_show_the_step_a_second_time(engine: Engine,
                                                                             services: Services) -> None:
    """Trial 24: a new session opened at the overall grade ("Picking up where you left off"), and `resume` typed
    then printed it again. It says where it is, and the numbers on screen still pick."""
    with time_machine.travel(DRAFTED, tick=False):
        drive(engine, TO_OVERALL_GRADE, user=MANAGER)
        _, out = drive(engine, ["resume", "1"], user=MANAGER)
    assert flat(out).count("Overall grade From the grades you gave") == 1
    assert "where you stopped. It's the one shown just above." in flat(out)
    assert "→ You picked 1: Confirm: Good" in out and "Strengths: what is working well" in out
    audit = store.get_audit(services.storage, 1)
    assert audit is not None and audit.overall_grade == "good"


def test_resume_after_something_else_shows_the_step_again(engine: Engine) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        drive(engine, TO_OVERALL_GRADE, user=MANAGER)
        _, out = drive(engine, ["help", "resume"], user=MANAGER)
    assert flat(out[out.index("Carrying on with audit #1"):]).count("Overall grade From the grades you gave") == 1

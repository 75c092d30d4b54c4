"""A typed "yes" or "no" answers the question on screen, never one the person cannot see.

Found by trying the bot: at "Cancel audit #1?" a typed "yes" answered the hidden first question ("Is there an
immediate safeguarding concern…?") and alerted the QA leads; after `/audit resume` listed the drafts, a typed
"yes" did the same.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.audits.core import checklists
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.e2e.test_terminal_chat import drive

START = ["start audit", "1", "AB-1234", "1"]  # a checklist, a case, a worker: the safeguarding question shows
ALERT = "[message to U0QALEAD1]"


@pytest.mark.parametrize("typed", ["yes", "Yes", "y", "yes, cancel", "Yes cancel it", "cancel"])
def test_yes_typed_at_the_cancel_question_cancels_and_alerts_nobody(engine: Engine, typed: str) -> None:
    _, out = drive(engine, [*START, "cancel", typed])
    after = out[out.index("Cancel audit #1 ("):]
    assert "Audit #1 is cancelled" in after
    assert ALERT not in out and "Escalation" not in out


@pytest.mark.parametrize("typed", ["no", "No", "n", "no, keep it", "keep it"])
def test_no_typed_at_the_cancel_question_keeps_the_audit_and_answers_nothing(engine: Engine, services: Services,
                                                                              typed: str) -> None:
    _, out = drive(engine, [*START, "cancel", typed, "/audit resume"])
    after = out[out.index("Cancel audit #1 ("):]
    assert "audit #1 is not cancelled" in after
    assert after.count("Is there an immediate safeguarding concern") == 2  # shown again, then on resuming
    assert "Carrying on with audit #1" in after
    assert "cancelled. Its answers" not in after
    assert services.storage.db["answers"].count == 0


# A second draft, so that `/audit resume` lists the drafts (with one, it carries on with it at once).
SECOND = ["start audit", "1", "AB-5678", "1"]


def test_yes_typed_after_the_drafts_list_answers_nothing_and_offers_the_draft(engine: Engine) -> None:
    _, out = drive(engine, [*START, *SECOND, "/audit resume", "yes", "/audit resume"])
    after = out[out.index("Your audits in progress"):]
    assert "There's no question waiting for a \"yes\" from you just now" in after
    assert "Resume #1" in after and "Resume #2" in after
    assert ALERT not in out and "Escalation" not in out
    assert after.count("0 answers") == 4


def test_resume_from_the_list_shows_the_question_and_then_takes_typed_answers(engine: Engine,
                                                                              services: Services) -> None:
    _, out = drive(engine, [*START, *SECOND, "/audit resume", "1", "no"])
    after = out[out.index("Your audits in progress"):]
    assert "Carrying on with audit #2" in after  # the latest draft is listed first
    assert "Was a needs assessment completed" in after  # "no" answered the question shown, which moved on
    assert [row["audit_id"] for row in services.storage.db.query("SELECT audit_id FROM answers")] == [2]


def test_yes_typed_with_no_audit_at_all_says_nothing_is_waiting(engine: Engine) -> None:
    _, out = drive(engine, ["yes"])
    assert "There's no question waiting for a \"yes\" from you just now" in out
    assert "start audit" in out
    assert "Did you mean" not in out


@pytest.mark.parametrize("typed", ["EH-2233", "eh-2233", " EH-2233. "])
def test_a_case_reference_typed_alone_offers_an_audit_of_it_and_logs_no_question(engine: Engine, typed: str) -> None:
    _, out = drive(engine, [typed, "/audit kb unanswered"], user="U0QALEAD1")
    assert "EH-2233 looks like a case reference" in out
    assert "/audit list case EH-2233" in " ".join(out.split()) and "Start an audit" in out
    assert "Did you mean" not in out and "I don't know that yet" not in out
    assert "No unanswered or unhelpful questions" in out


def test_a_case_reference_typed_alone_offers_the_draft_of_that_case(engine: Engine) -> None:
    _, out = drive(engine, [*START, "pause", "ab-1234"])  # pausing leaves no question waiting
    after = out[out.rindex("AB-1234 looks like a case reference"):]
    assert "You have a draft audit of this case (#1)" in after and "Resume #1" in after


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(reference=st.from_regex(r"[A-Z]{2,4}-?[0-9]{4,10}", fullmatch=True), lower=st.booleans(),
       question=st.sampled_from(["", " when is the next review due?", " what does good look like"]))
def test_only_a_reference_on_its_own_is_read_as_one(engine: Engine, services: Services, reference: str,
                                                   lower: bool, question: str) -> None:
    asked_before = services.storage.db["kb_asks"].count
    replies = engine.message("U0PRAN001", (reference.lower() if lower else reference) + question)
    said = " ".join(r.text for r in replies)
    if question:
        assert "looks like a case reference" not in said  # a question about a case is still a question
    else:
        canonical = reference if "-" in reference else re.sub(r"([A-Z]+)", r"\1-", reference, count=1)
        assert f"**{canonical}** looks like a case reference" in said  # shown in its one stored form
        assert services.storage.db["kb_asks"].count == asked_before  # nothing logged for the QA leads


@pytest.mark.parametrize("typed", ["Early help spot audit", "early help", "early-help-spot", "EARLY HELP SPOT"])
def test_a_checklist_is_chosen_by_its_title_or_words_of_it(engine: Engine, typed: str) -> None:
    _, typed_at_picker = drive(engine, ["start audit", typed])
    _, as_command = drive(engine, ["/audit cancel", f"/audit start {typed}"], user="U0MGRS001")
    for out in (typed_at_picker, as_command):
        assert "Early help spot audit. Period audited" in out
        assert "What is the case reference?" in out and "Did you mean" not in out


@pytest.mark.parametrize("typed", ["start audit early help", "Start an audit of early help", "strat audit early help",
                                   "new audit using early help spot"])
def test_a_checklist_named_with_start_audit_is_chosen_at_once(engine: Engine, typed: str) -> None:
    _, out = drive(engine, [typed])
    assert "Early help spot audit. Period audited" in out and "What is the case reference?" in out
    assert "Did you mean" not in out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), lead=st.sampled_from(["start audit", "Start an audit of", "begin audit", "new audit for"]))
def test_any_checklist_title_after_start_audit_chooses_that_checklist(engine: Engine, services: Services,
                                                                     data: st.DataObject, lead: str) -> None:
    chosen = data.draw(st.sampled_from(sorted(checklists(services).values(), key=lambda c: c.id)))
    engine.command("U0MGRS001", "cancel")  # a fresh start each time
    said = _text(engine.message("U0MGRS001", f"{lead} {chosen.title}"))
    assert f"**{chosen.title}**." in said and "What is the case reference?" in said


def test_words_that_fit_several_checklists_name_them(engine: Engine) -> None:
    _, out = drive(engine, ["/audit start audit of"])
    assert "I didn't recognise that as a checklist's name. Pick one of these:" in " ".join(out.split())
    _, out = drive(engine, ["/audit start care"])
    out = " ".join(out.split())
    assert "More than one checklist fits: Care leavers and pathway plans, Children in care. Pick one of these:" in out


def test_a_question_typed_at_the_checklist_picker_is_still_answered(engine: Engine) -> None:
    _, out = drive(engine, ["start audit", "when is the ICPC due?"])
    assert "What is the case reference?" not in out
    assert "15 working days" in out


def test_restoring_an_audit_that_never_existed_says_so(engine: Engine) -> None:
    _, out = drive(engine, ["/audit restore 2"])
    assert "There is no audit #2" in out and "/audit restore" in out


def _to_overall_grade(engine: Engine, user: str = "U0MGRN001") -> list:
    """Answer an early help spot audit as a person would, up to the overall grade; its replies."""
    return _walk_until(engine, "audit.grade", user)


def _walk_until(engine: Engine, action: str, user: str = "U0MGRN001") -> list:
    """Answer an early help spot audit as a person would until a reply offers `action`; its replies."""
    from tests.audit_driver import next_input

    send = {"press": lambda value: engine.action(user, *value.split("|", 1)),
            "type": lambda text: engine.message(user, text)}
    replies, state = engine.command(user, "start early-help-spot"), {"case_ref": "CR-100200"}
    for _ in range(100):
        if any(c.action == action for r in replies for c in r.choices):
            return replies
        kind, payload = next_input(replies, state)  # type: ignore[misc]
        replies = send[kind](payload)
    raise AssertionError(f"never reached a step offering {action}")


def test_notes_typed_at_the_review_are_told_where_they_go_and_never_filed_as_questions(
        engine: Engine, services: Services) -> None:
    _walk_until(engine, "audit.next")
    asked = services.storage.db["kb_asks"].count
    refused = engine.message("U0MGRN001", "Refer for advocacy (NYAS) and review the plan with the family")
    assert refused[0].kind == "error" and "You're at the review of audit #1" in refused[0].text
    assert "like `change 3`" in refused[0].text and "come after the overall grade" in refused[0].text
    assert services.storage.db["kb_asks"].count == asked  # nothing for the QA leads to read
    answered = _text(engine.message("U0MGRN001", "what does good look like for the voice of the child?"))
    assert "You're at the review" not in answered  # a question is still answered
    graded = engine.message("U0MGRN001", "next")
    assert any(c.action == "audit.grade" for r in graded for c in r.choices)  # on to the overall grade


def test_submit_typed_at_the_last_step_submits(engine: Engine, services: Services) -> None:
    _walk_until(engine, "audit.submit")
    told = engine.message("U0MGRN001", "looks fine to me")
    assert told[0].kind == "error" and "Type `submit`" in told[0].text
    done = _text(engine.message("U0MGRN001", "submit"))
    assert "submitted for moderation" in done
    [row] = services.storage.db.query("SELECT status FROM audits")
    assert row["status"] == "submitted"


@pytest.mark.parametrize("typed", ["req imp", "R.I.", "requires imp"])
def test_shorthand_for_requires_improvement_is_taken_at_the_overall_grade(engine: Engine, typed: str) -> None:
    _to_overall_grade(engine)
    taken = engine.message("U0MGRN001", typed)
    assert taken[0].kind != "error" and "Please choose a grade" not in _text(taken)


def test_a_question_without_a_question_mark_mid_audit_is_answered_not_refused(engine: Engine) -> None:
    drive(engine, START)
    replies = engine.message("U0MGRN001", "how often shld i visit a child on a CP plan")
    assert not any(r.kind == "error" for r in replies)
    assert "Please answer yes" not in _text(replies)


def _text(replies: list) -> str:
    return " ".join(" ".join(r.text for r in replies).split())


def test_a_grade_typed_at_the_overall_grade_is_taken_and_other_text_is_told_the_grades(engine: Engine) -> None:
    _to_overall_grade(engine)
    refused = engine.message("U0MGRN001", "Direct work with the child is thoughtful")
    assert refused[0].kind == "error" and "Please choose a grade: Outstanding, Good" in refused[0].text
    asked = _text(engine.message("U0MGRN001", "what does good look like for the voice of the child?"))
    assert "Please choose a grade" not in asked
    taken = _text(engine.message("U0MGRN001", "requires improvement"))
    assert "Requires improvement to be good" in taken
    assert "Please choose a grade" not in taken


@pytest.mark.parametrize("typed", ["confirm", "Confirm it", "yes", "ok, thanks", "that's fine", "button"])
def test_confirm_typed_at_the_overall_grade_takes_the_suggested_grade_as_its_button_does(
        engine: Engine, services: Services, typed: str) -> None:
    shown = _to_overall_grade(engine)
    button = next(c for r in shown for c in r.choices if c.action == "audit.grade")
    assert button.label.startswith("Confirm: ")
    typed = button.label if typed == "button" else typed  # "Confirm: Good", the button's words
    taken = engine.message("U0MGRN001", typed)
    assert not any(r.kind == "error" for r in taken) and "Strengths" in _text(taken)
    [row] = services.storage.db.query("SELECT overall_grade, suggested_grade, step FROM audits")
    assert row["overall_grade"] == row["suggested_grade"] and row["step"] == "strengths"


def test_text_refused_at_the_overall_grade_says_how_to_confirm_the_suggested_grade(engine: Engine) -> None:
    shown = _to_overall_grade(engine)
    suggested = next(c for r in shown for c in r.choices if c.action == "audit.grade").label.removeprefix("Confirm: ")
    [refused] = engine.message("U0MGRN001", "sounds about right to me")
    assert refused.kind == "error" and f"To take the suggested {suggested}, type `confirm`." in \
        refused.text.replace("**", "")


def test_a_one_character_reason_for_a_changed_grade_is_refused(engine: Engine) -> None:
    shown = _to_overall_grade(engine)
    suggested = next(c for r in shown for c in r.choices if c.action == "audit.grade").label
    other = "inadequate" if suggested != "Inadequate" else "good"
    engine.message("U0MGRN001", other)
    if other == "inadequate":
        engine.message("U0MGRN001", "send")  # an Inadequate grade alerts now: the confirm first
    refused = engine.message("U0MGRN001", "1")
    assert refused[0].kind == "error" and "why you chose a different grade" in refused[0].text
    assert engine.message("U0MGRN001", "The plan has drifted for months.")[0].kind != "error"


def test_change_without_a_number_at_the_review_says_how(engine: Engine) -> None:
    from tests.audit_driver import next_input

    replies, state = engine.command("U0MGRN001", "start early-help-spot"), {"case_ref": "CR-100200"}
    while not any(c.action == "audit.next" for r in replies for c in r.choices):
        kind, payload = next_input(replies, state)  # type: ignore[misc]
        replies = engine.action("U0MGRN001", *payload.split("|", 1)) if kind == "press" else \
            engine.message("U0MGRN001", payload)
    refused = engine.message("U0MGRN001", "change abc")
    assert refused[0].kind == "error" and "like `change 3`" in refused[0].text


def test_a_number_typed_with_nothing_to_pick_is_not_a_question(engine: Engine) -> None:
    _, out = drive(engine, ["/audit kb unanswered", "1"], user="U0QALEAD1")
    assert "There are no options to pick from just now, so “1” picks nothing. Type help" in " ".join(out.split())
    assert "Did you mean" not in out and "corporate parenting" not in out.lower()


@pytest.mark.parametrize(("user", "organiser"), [("U0PRAN001", False), ("U0MGRN001", False), ("U0QALEAD1", True)])
def test_help_offers_each_role_only_the_campaign_verbs_it_can_use(engine: Engine, user: str, organiser: bool) -> None:
    _, out = drive(engine, ["help"], user=user)
    line = " ".join(out.split())
    assert "/audit campaign [N | mine N]" in line or organiser
    assert ("create key=value" in line) == organiser
    assert ("/audit moderate" in line) == (user != "U0PRAN001")


def test_asking_what_an_acronym_means_gets_its_meaning_first(engine: Engine) -> None:
    _, out = drive(engine, ["what is a DSL", "what does NFA mean?", "what is it"], user="U0PRAN001")
    flat = " ".join(out.split())
    assert "DSL stands for designated safeguarding lead (in a school)." in flat
    assert "NFA stands for no further action." in flat
    assert flat.count("stands for") == 2  # "what is it" is not IT


def test_a_question_typed_while_the_case_reference_waits_is_answered_and_the_wait_kept(engine: Engine) -> None:
    _, out = drive(engine, ["start audit", "early help", "what does NFA mean?", "not a reference", "CR-100200"])
    flat = " ".join(out.split())
    assert "NFA stands for no further action." in flat
    assert "That doesn't look like a case reference" in flat and "Or type cancel if you don't want" in flat
    assert "Audit #1 of CR-100200 (Early help spot audit)" in flat


def test_an_inadequate_audit_needs_an_action_before_it_can_be_submitted(engine: Engine) -> None:
    shown = _to_overall_grade(engine)
    suggested = next(c for r in shown for c in r.choices if c.action == "audit.grade").label
    asked = engine.message("U0MGRN001", "inadequate")
    assert "This sends an urgent alert now to" in asked[-1].text  # nothing alerted yet
    replies = engine.message("U0MGRN001", "send")
    if suggested != "Inadequate":
        replies = engine.message("U0MGRN001", "The plan has drifted for months with no review.")
    for typed in ("Direct work with the child is warm.", "The plan needs clear timescales."):
        replies = engine.message("U0MGRN001", typed)  # strengths, then areas for development
    done = next(c for r in replies for c in r.choices if c.action == "audit.actions_done")
    refused = engine.action("U0MGRN001", done.action, done.value)
    assert refused[0].kind == "error" and "needs at least one action" in refused[0].text
    asked_owner = engine.message("U0MGRN001", "Hold a review of the plan with the family.")
    owner = next(c for r in asked_owner for c in r.choices if c.action == "audit.owner")
    due = engine.action("U0MGRN001", owner.action, owner.value)
    assert any("due" in r.text for r in due)
    after = engine.message("U0MGRN001", "in 2 weeks")
    done = next(c for r in after for c in r.choices if c.action == "audit.actions_done")
    submit = engine.action("U0MGRN001", done.action, done.value)
    assert any(c.action == "audit.submit" for r in submit for c in r.choices)


def test_a_new_chat_session_shows_again_what_the_bot_is_waiting_for(engine: Engine) -> None:
    drive(engine, ["start audit", "1", "AB-1234"])  # quits at the worker question
    _, out = drive(engine, ["1"])  # a new session: the worker list is shown again, so "1" picks from it
    assert out.index("Picking up audit #1 (AB-1234, ") < out.index("Is there an immediate safeguarding concern")
    assert "Pick a worker from the buttons" not in out


def test_a_paused_audit_or_nothing_waiting_starts_a_session_quietly(engine: Engine) -> None:
    _, out = drive(engine, ["help"])
    assert "Picking up where you left off" not in out


def test_listing_drafts_keeps_an_audit_being_started_and_asks_for_its_reference_again(engine: Engine,
                                                                                     services: Services) -> None:
    _, out = drive(engine, ["start audit", "1", "resume", "AB-1234"])
    text = " ".join(out.split())
    assert "You have no audits in progress. You were starting an audit against the Care leavers and pathway plans " \
           "checklist: type its case reference to carry on, or cancel to drop it." in text
    assert text.count("> Type the case reference") == 2  # asked again under the list, so AB-1234 is seen to answer it
    [audit] = services.storage.db.query("SELECT case_ref FROM audits")
    assert audit["case_ref"] == "AB-1234"


def test_lists_of_drafts_and_cancelled_audits_read_as_english(engine: Engine) -> None:
    _, out = drive(engine, [*START, "no", *SECOND, "/audit resume"])
    assert "#1 Care leavers and pathway plans, case AB-1234, 1 answer, last worked on" in out
    _, out = drive(engine, ["/audit resume 1", "cancel", "yes", "/audit restore"])
    assert "#1 Care leavers and pathway plans, case AB-1234: restore until" in " ".join(out.split())


@pytest.mark.parametrize("typed", ["requires improvment", "Req imp", "inadequte", "outstandng"])
def test_a_grade_with_a_small_typo_is_taken_at_the_overall_grade(engine: Engine, typed: str) -> None:
    _to_overall_grade(engine)
    taken = engine.message("U0MGRN001", typed)
    assert taken[0].kind != "error" and "Please choose a grade" not in _text(taken)


def _other_than_suggested(services: Services) -> tuple[str, str]:
    [row] = services.storage.db.query("SELECT suggested_grade FROM audits")
    return ("good", "Good") if row["suggested_grade"] == "requires_improvement" else ("requires_improvement", "RI")


@pytest.mark.parametrize(("line", "reason"), [
    ("{grade}, reviews have slipped since the summer", "reviews have slipped since the summer"),
    # trial 11: a typo in the lead-in word refused the whole line
    ("actualy {grade} - voice is mostly there, just not linked to the plan",
     "voice is mostly there, just not linked to the plan"),
    ("Acutally, {grade} - plans drift", "plans drift"), ("overal {grade} - plans drift", "plans drift"),
])
def test_a_grade_and_its_reason_in_one_message_store_both(engine: Engine, services: Services, line: str,
                                                          reason: str) -> None:
    _to_overall_grade(engine)
    grade, typed = _other_than_suggested(services)
    replies = engine.message("U0MGRN001", line.format(grade=typed))
    assert "with your reason" in _text(replies) and not any(r.kind == "error" for r in replies)
    [row] = services.storage.db.query("SELECT overall_grade, grade_reason, step FROM audits")
    assert (row["overall_grade"], row["grade_reason"], row["step"]) == (grade, reason, "strengths")


def test_a_grade_with_an_identifier_in_its_reason_saves_nothing(engine: Engine, services: Services) -> None:
    _to_overall_grade(engine)
    _, typed = _other_than_suggested(services)
    refused = engine.message("U0MGRN001", f"{typed}, Jayden Smith has not been seen since June")
    assert refused[0].kind == "error" and "“J… S…” looks like a child's" in refused[0].text
    [row] = services.storage.db.query("SELECT overall_grade, step FROM audits")
    assert (row["overall_grade"], row["step"]) == (None, "overall_grade")


def test_not_good_is_never_read_as_good_at_the_overall_grade(engine: Engine, services: Services) -> None:
    _to_overall_grade(engine)
    refused = engine.message("U0MGRN001", "not good")
    assert refused[0].kind == "error" and "Please choose a grade" in refused[0].text
    [row] = services.storage.db.query("SELECT overall_grade FROM audits")
    assert row["overall_grade"] is None


def test_the_suggested_grade_with_a_note_takes_the_grade_and_says_where_the_note_goes(
        engine: Engine, services: Services) -> None:
    _to_overall_grade(engine)
    [row] = services.storage.db.query("SELECT suggested_grade FROM audits")
    suggested = row["suggested_grade"]
    taken = engine.message("U0MGRN001", f"{suggested.replace('_', ' ')}, reviews have slipped lately")
    assert taken[0].kind == "notice" and "the grade the answers suggest, so no reason is needed" in taken[0].text
    assert "it can go in the strengths or areas for development" in taken[0].text
    if suggested == "inadequate":  # the urgent alert's check comes first, as when its button is pressed
        engine.message("U0MGRN001", "send")
    [row] = services.storage.db.query("SELECT overall_grade, grade_reason FROM audits")
    assert row["overall_grade"] == suggested and not row["grade_reason"]


@pytest.mark.parametrize(("typed", "reason"), [
    ("actually inadequate because the drift is serious", "the drift is serious"),
    ("inadequate because the drift is serious and unchallenged", "the drift is serious and unchallenged"),
    ("I think it’s inadequate, the drift is serious", "the drift is serious"),
])
def test_a_grade_said_with_because_or_a_lead_in_is_read_as_the_grade_and_its_reason(
        engine: Engine, services: Services, typed: str, reason: str) -> None:
    _to_overall_grade(engine)
    asked = engine.message("U0MGRN001", typed)
    assert "This sends an urgent alert now to" in asked[-1].text  # Inadequate: the check first, the reason held
    engine.message("U0MGRN001", "send")
    [row] = services.storage.db.query("SELECT overall_grade, grade_reason, step FROM audits")
    assert (row["overall_grade"], row["grade_reason"], row["step"]) == ("inadequate", reason, "strengths")


@pytest.mark.parametrize("typed", ["actually not good because the plan is strong", "it is not good because of drift",
                                   "actualy not good - the plan is strong"])
def test_a_negated_grade_after_a_lead_in_is_still_never_a_grade(engine: Engine, services: Services,
                                                                typed: str) -> None:
    _to_overall_grade(engine)
    [refused] = engine.message("U0MGRN001", typed)
    assert refused.kind == "error" and ("To give a reason with it, put a comma or dash after the grade, or `because`: "
                                        "`RI, reviews have slipped` or `inadequate because the plan has drifted`.") \
        in refused.text
    [row] = services.storage.db.query("SELECT overall_grade, step FROM audits")
    assert (row["overall_grade"], row["step"]) == (None, "overall_grade")


def test_a_yes_no_note_too_short_says_how_to_answer_without_one_and_how_to_add_one(engine: Engine,
                                                                                   services: Services) -> None:
    _, out = drive(engine, [*START, "no, nothing urgent"])
    assert ("I read No, but the note after it is too short to be evidence (at least 3 words), so nothing was saved. "
            "To answer without a note, type just no; to add one, write a few words on what you saw on the file after "
            "it, like no, not seen alone since August.") in " ".join(out.split())
    assert services.storage.db["answers"].count == 0
    drive(engine, ["no"])
    [answer] = services.storage.db.query("SELECT question_id, value FROM answers")
    assert (answer["question_id"], answer["value"]) == ("immediate-concern", "no")

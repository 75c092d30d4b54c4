"""`/audit compare`: a re-audit beside the audit of the same case before it, as a re-auditor reads it (the grade of
record before and now, the answers that changed, whether the earlier actions were done); who may compare (the
`/audit show` rule, for both audits); one clear message for each request that cannot be met; and the ways to find it
(`compare 12` typed, the Compare button on `/audit show` and on the "audited before" heads-up, help)."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import moderation as moderation_store
from bot.terminal.chat import run_chat
from tests.support.audit_rows import insert_answered_audit, insert_audit

NOW = datetime(2026, 11, 16, 10, 0, tzinfo=UTC)  # a Monday morning
BEFORE_DAY, AFTER_DAY = NOW - timedelta(days=90), NOW - timedelta(days=3)
AUDITOR, WORKER, MANAGER = "U0PRAN002", "U0PRAN001", "U0MGRN001"  # a North peer audit of a North worker's case
CASE = "CR-382070"


def question(qid: str, text: str, qtype: str, **more: object) -> dict:
    return {"id": qid, "text": text, "type": qtype, "required": True, "allow_na": False, "options": [],
            "guidance": None, "show_if": None, "flag_if": [], "escalate_if": [], **more}


def checklist(*questions: dict, title: str = "Case file audit", checklist_id: str = "case-file") -> dict:
    return {"id": checklist_id, "title": title, "description": "",
            "sections": [{"id": "practice", "title": "Practice", "questions": list(questions)}]}


PLAN = question("plan-quality", "How good is the child's plan?", "scale")
SEEN = question("seen-alone", "Was the child seen alone?", "yes_no", flag_if=["no"])
CONCERN = question("immediate-concern", "Is there an immediate safeguarding concern?", "yes_no", flag_if=["yes"])
CHRONOLOGY = question("chronology", "Is the chronology up to date?", "yes_no", flag_if=["no"])
VOICE = question("voice", "How is the child's voice recorded?", "text")
CASE_FILE = checklist(PLAN, SEEN, CONCERN, CHRONOLOGY, VOICE)


def said(replies: list[Reply]) -> str:
    return "\n".join(r.text for r in replies)


def audit(services: Services, day: datetime, values: dict[str, str], grade: str | None, **more: object) -> int:
    more = {"auditor": AUDITOR, "worker": WORKER, "team": "north-assessment", **more}
    return insert_answered_audit(services.storage, more.pop("checklist", CASE_FILE), more.pop("case", CASE), day,
                                 values, grade, **more)


@pytest.fixture
def pair(services: Services) -> tuple[int, int]:
    """An audit graded Requires improvement with three actions (done, open, overdue), then a re-audit graded Good."""
    before = audit(services, BEFORE_DAY, {"plan-quality": "requires_improvement", "seen-alone": "no",
                                          "immediate-concern": "no", "chronology": "yes",
                                          "voice": "Recorded in the assessment."}, "requires_improvement")
    action_store.add_action(services.storage, before, "See the child alone at every visit", WORKER, "2026-09-30",
                            AUDITOR, BEFORE_DAY)
    action_store.add_action(services.storage, before, "Update the chronology", WORKER, "2026-12-31", AUDITOR,
                            BEFORE_DAY)
    action_store.add_action(services.storage, before, "Add the school's views to the plan", WORKER, "2026-10-30",
                            AUDITOR, BEFORE_DAY)
    first_action = action_store.actions_of_audit(services.storage, before)[0].id
    action_store.complete_action(services.storage, first_action, WORKER, True, BEFORE_DAY + timedelta(days=10))
    after = audit(services, AFTER_DAY, {"plan-quality": "good", "seen-alone": "yes", "immediate-concern": "no",
                                        "chronology": "no", "voice": "Recorded in the assessment."}, "good")
    return before, after


def test_a_re_audit_beside_the_audit_before_it(engine: Engine, pair: tuple[int, int]) -> None:
    before, after = pair
    with time_machine.travel(NOW, tick=False):
        [reply] = engine.command(MANAGER, f"compare {after}", surface="terminal")
    assert reply.kind != "error", reply.text
    text = reply.text
    assert f"Audit #{after} compared with audit #{before}" in text and CASE in text
    assert "Before: #" + str(before) in text and "Tuesday 18 August 2026" in text
    assert "Now: #" + str(after) in text and "Friday 13 November 2026" in text
    assert ("**Grade of record:** Requires improvement to be good → Good (the auditor's grade, not yet "
            "moderated): **improved**") in text
    assert "to the 5 questions both audits ask: 3 changed, 2 unchanged." in text
    assert "How good is the child's plan? — Requires improvement to be good → Good (better)" in text
    assert "Was the child seen alone? — No → Yes (better)" in text
    assert "Is the chronology up to date? — Yes → No (worse)" in text
    assert "immediate safeguarding" not in text and "voice is recorded" not in text  # unchanged: counted only
    assert "not comparable" not in text
    actions = text.split(f"**Actions from audit #{before}**", 1)[1]
    assert "See the child alone at every visit" in actions and "**done**" in actions
    assert "Update the chronology" in actions and "(open)" in actions
    assert "Add the school's views to the plan" in actions and "(**overdue**)" in actions
    assert [(c.action, c.value) for c in reply.choices] == [("audit.view", str(before)), ("audit.view", str(after))]


def test_whether_an_action_is_overdue_depends_on_the_day_it_is_compared(engine: Engine,
                                                                        pair: tuple[int, int]) -> None:
    _, after = pair
    with time_machine.travel(datetime(2026, 10, 1, 10, 0, tzinfo=UTC), tick=False):
        text = engine.command(MANAGER, f"compare {after}")[0].text
    assert "Add the school's views to the plan" in text and text.count("(**overdue**)") == 0


def moderate(services: Services, audit_id: int, grade: str, agrees: bool = False) -> None:
    moderation_store.open_moderation(services.storage, audit_id, "U0QALEAD1", NOW)
    moderation_store.decide_moderation(services.storage, audit_id, "U0QALEAD1", agrees, grade,
                                       "The advocate was not offered and the views did not shape the plan.", NOW)


def test_a_moderation_of_the_earlier_audit_alone_is_not_called_an_improvement(engine: Engine,
                                                                               services: Services) -> None:
    """Trial 15 F15: the same auditor gave the same grade to the same answers; only the earlier audit was moderated
    down. A leader must not read "improved" when practice did not change."""
    values = {"plan-quality": "good", "seen-alone": "no", "immediate-concern": "no", "chronology": "yes"}
    before = audit(services, BEFORE_DAY, values, "good")
    moderate(services, before, "requires_improvement")
    after = audit(services, AFTER_DAY, values, "good")
    with time_machine.travel(NOW, tick=False):
        text = engine.command(MANAGER, f"compare {after}")[0].text
    assert "improved" not in text, text
    assert ("**Grade of record:** Requires improvement to be good after moderation (auditor: Good) → Good: "
            "**not like for like**") in text
    assert (f"#{before}'s grade of record is its moderator's; #{after} has not been moderated, so its grade of "
            f"record is its auditor's. The auditors graded #{before} Good and #{after} Good (the same)") in text
    assert f"is #{before}'s moderation, not a change in practice. Moderating #{after} would show" in text


@pytest.mark.parametrize("moderated_first", [True, False])
def test_the_same_grade_of_record_is_no_difference_whoever_gave_it(engine: Engine, services: Services,
                                                                   moderated_first: bool) -> None:
    """Trial 22: both grades of record were Inadequate, one a moderator's, and compare said "the difference in the
    grades of record is #32's moderation". There is no difference: the grade is said to be unchanged."""
    values = {"plan-quality": "inadequate", "seen-alone": "no"}
    before = audit(services, BEFORE_DAY, values, "requires_improvement" if moderated_first else "inadequate")
    after = audit(services, AFTER_DAY, values, "inadequate" if moderated_first else "requires_improvement")
    moderated, other = (before, after) if moderated_first else (after, before)
    moderate(services, moderated, "inadequate")
    with time_machine.travel(NOW, tick=False):
        text = engine.command(MANAGER, f"compare {after}")[0].text
    first, second = (("Inadequate after moderation (auditor: Requires improvement to be good)", "Inadequate")
                     if moderated_first else
                     ("Inadequate", "Inadequate after moderation (auditor: Requires improvement to be good)"))
    assert f"**Grade of record:** {first} → {second}: **same**" in text, text
    assert (f"The grade of record is unchanged. #{moderated}'s is its moderator's; #{other} has not been moderated, "
            "so its grade of record is its auditor's.") in text
    assert "difference" not in text and "not like for like" not in text and "change in practice" not in text


def test_once_both_audits_are_moderated_their_grades_of_record_are_compared(engine: Engine,
                                                                            services: Services) -> None:
    values = {"plan-quality": "good", "seen-alone": "yes"}
    before = audit(services, BEFORE_DAY, values, "good")
    moderate(services, before, "requires_improvement")
    after = audit(services, AFTER_DAY, values, "good")
    moderate(services, after, "good", agrees=True)
    with time_machine.travel(NOW, tick=False):
        text = engine.command(MANAGER, f"compare {after}")[0].text
    assert "(auditor: Good) → Good: **improved**" in text and "not like for like" not in text


def test_a_moderated_grade_is_the_grade_compared_and_a_worse_one_is_said(engine: Engine, services: Services,
                                                                          pair: tuple[int, int]) -> None:
    before, after = pair
    moderate(services, before, "requires_improvement", agrees=True)
    moderation_store.open_moderation(services.storage, after, "U0QALEAD1", NOW)
    moderation_store.decide_moderation(services.storage, after, "U0QALEAD1", False, "inadequate",
                                       "The child was not seen for months.", NOW)
    with time_machine.travel(NOW, tick=False):
        text = engine.command(MANAGER, f"compare {after}")[0].text
    assert ("Requires improvement to be good → Inadequate after moderation (auditor: Good): **worse**") in text


def test_different_checklists_compare_the_questions_they_share(engine: Engine, services: Services) -> None:
    revised = checklist(PLAN, SEEN, question("family-views", "Were the family's views sought?", "yes_no"),
                        title="Case file audit (revised)")
    before = audit(services, BEFORE_DAY, {"plan-quality": "good", "seen-alone": "yes", "chronology": "yes"}, "good")
    after = audit(services, AFTER_DAY, {"plan-quality": "good", "seen-alone": "yes", "family-views": "yes"}, "good",
                  checklist=revised)
    with time_machine.travel(NOW, tick=False):
        text = engine.command(MANAGER, f"compare {after}")[0].text
    assert f"Audit #{after} compared with audit #{before}" in text
    assert "Case file audit (revised)" in text and "Case file audit," in text
    assert "to the 2 questions both audits ask: 0 changed, 2 unchanged." in text
    assert "_4 questions were not comparable: only one of the two checklists asks them._" in text
    assert ": **same**" in text and "none were set" in text


SAMPLED = question("sampled", "How many contacts did you sample?", "number")
LATE = question("late", "How many sampled contacts had no decision within one working day?", "number",
                flag_at_least=1, at_most="sampled")
DIP_SAMPLE = checklist(SAMPLED, LATE, PLAN, title="Front door dip sample", checklist_id="dip-sample")


@pytest.mark.parametrize(("before", "after", "shown"), [
    (("1", "1"), ("6", "6"), "1 of 1 (100%) → 6 of 6 (100%): same"),       # trial 59, F4: not "1 → 6 (worse)"
    (("2", "1"), ("6", "6"), "1 of 2 (50%) → 6 of 6 (100%) (worse)"),
    (("4", "2"), ("4", "1"), "2 of 4 (50%) → 1 of 4 (25%) (better)"),
    (("4", "2"), ("2", "2"), "2 of 4 (50%) → 2 of 2 (100%) (worse)"),        # the same count, a larger share
])
def test_a_count_that_is_part_of_a_sample_is_compared_as_a_share(engine: Engine, services: Services,
                                                                  before: tuple[str, str], after: tuple[str, str],
                                                                  shown: str) -> None:
    audit(services, BEFORE_DAY, {"sampled": before[0], "late": before[1], "plan-quality": "good"}, "good",
          checklist=DIP_SAMPLE)
    later = audit(services, AFTER_DAY, {"sampled": after[0], "late": after[1], "plan-quality": "good"}, "good",
                  checklist=DIP_SAMPLE)
    with time_machine.travel(NOW, tick=False):
        text = engine.command(MANAGER, f"compare {later}")[0].text
    assert f"• How many sampled contacts had no decision within one working day? — {shown}\n" in text + "\n"
    if before[0] != after[0]:  # the sample itself is a plain count, compared as before
        assert f"• How many contacts did you sample? — {before[0]} → {after[0]}\n" in text


def test_an_explicit_pair_of_the_same_case_in_either_order(engine: Engine, services: Services,
                                                           pair: tuple[int, int]) -> None:
    before, after = pair
    between = audit(services, NOW - timedelta(days=40), {"plan-quality": "inadequate"}, "inadequate")
    with time_machine.travel(NOW, tick=False):
        latest = engine.command(MANAGER, f"compare {after}")[0].text
        named = engine.command(MANAGER, f"compare {after} with {before}")[0].text
        backwards = engine.command(MANAGER, f"compare #{before} and #{after}")[0].text
    assert f"Audit #{after} compared with audit #{between}" in latest  # the one just before it, by default
    assert f"Audit #{after} compared with audit #{before}" in named and named == backwards


@pytest.mark.parametrize(("who", "user", "may"), [
    ("auditor", AUDITOR, True),
    ("worker whose case it is", WORKER, True),
    ("worker's manager", MANAGER, True),
    ("another team's manager", "U0MGRS001", False),
    ("QA lead", "U0QALEAD1", True),
    ("admin", "U0ADMIN01", True),
    ("unrelated practitioner", "U0PRAS001", False),
])
def test_who_may_compare_is_who_may_show_both(engine: Engine, pair: tuple[int, int], who: str, user: str,
                                              may: bool) -> None:
    _, after = pair
    with time_machine.travel(NOW, tick=False):
        shown = engine.command(user, f"show {after}")
        [compared] = engine.command(user, f"compare {after}")
    assert (shown[0].kind != "error") == may, who
    if may:
        assert compared.kind != "error" and "compared with audit" in compared.text, who
    else:
        assert compared.kind == "error" and "not one you have access to" in compared.text, who
        assert CASE not in compared.text


def test_an_earlier_audit_the_reader_may_not_read_is_named_not_shown(engine: Engine, services: Services) -> None:
    south = audit(services, BEFORE_DAY, {"plan-quality": "inadequate"}, "inadequate", auditor="U0MGRS001",
                  worker="U0PRAS001", team="south-cin-cp")
    north = audit(services, AFTER_DAY, {"plan-quality": "good"}, "good")
    with time_machine.travel(NOW, tick=False):
        [refused] = engine.command(MANAGER, f"compare {north}")
        [shown] = engine.command(MANAGER, f"show {north}")
    assert refused.kind == "error"
    assert f"before #{north} is #{south}, and that one is not one you have access to" in refused.text
    assert "Inadequate" not in refused.text
    assert not [c for c in shown.choices if c.action == "audit.compare"]  # no button that would be refused


def test_each_request_that_cannot_be_met_gets_one_clear_message(engine: Engine, services: Services,
                                                                 pair: tuple[int, int]) -> None:
    before, after = pair
    draft = audit(services, NOW, {"plan-quality": "good"}, None, status="draft", auditor=MANAGER)
    cancelled = insert_audit(services.storage, CASE, NOW - timedelta(days=1), status="cancelled", auditor=MANAGER)
    other_case = audit(services, NOW - timedelta(days=1), {"plan-quality": "good"}, "good", case="CR-100001")
    with time_machine.travel(NOW, tick=False):
        cases = {
            "compare 999999": "I can't find audit #999999",
            f"compare {draft}": f"Audit #{draft} is still a draft",
            f"compare {cancelled}": f"Audit #{cancelled} was cancelled by its auditor",
            f"compare {before}": f"Audit #{before} is the first submitted audit of {CASE}",
            f"compare {after} with {other_case}": "are of different cases",
            f"compare {after} with {after}": f"That is audit #{after} twice",
            f"compare {after} with {cancelled}": f"Audit #{cancelled} was cancelled",
            "compare": "Which audit?",
            "compare twelve": "I need audit numbers",
        }
        for command, message in cases.items():
            replies = engine.command(MANAGER, command)
            assert len(replies) == 1 and replies[0].kind == "error", command
            assert message in replies[0].text, (command, replies[0].text)
            assert "something went wrong" not in replies[0].text


def test_in_a_channel_it_points_to_the_dm(engine: Engine, pair: tuple[int, int]) -> None:
    _, after = pair
    [reply] = engine.message(MANAGER, f"compare {after}", surface="channel")
    assert CASE not in reply.text and "direct message" in reply.text


def test_compare_typed_in_the_terminal_chat_and_from_the_show_button(engine: Engine, pair: tuple[int, int]) -> None:
    before, after = pair
    typed = io.StringIO(f"compare {after}\n/audit show {after}\n")
    out = io.StringIO()
    with time_machine.travel(NOW, tick=False):
        run_chat(engine, MANAGER, typed, out)
        [shown] = engine.command(MANAGER, f"show {after}")
        [button] = [c for c in shown.choices if c.action == "audit.compare"]
        [pressed] = engine.action(MANAGER, button.action, button.value)
    printed = out.getvalue()
    assert f"Audit #{after} compared with audit #{before}" in printed
    assert f"Compare #{after} with #{before}" in printed  # the show's button, numbered in the terminal
    assert button.label == f"Compare #{after} with #{before}"
    assert f"Audit #{after} compared with audit #{before}" in pressed.text


def test_words_about_comparing_that_name_no_audit_are_still_a_question(engine: Engine, services: Services) -> None:
    asked = services.storage.db["kb_asks"].count
    replies = engine.message(MANAGER, "compare a child in need plan and a child protection plan")
    assert "compared with audit" not in said(replies) and "/audit compare" not in said(replies)
    assert services.storage.db["kb_asks"].count == asked + 1


def test_the_first_audit_of_a_case_offers_no_compare_button(engine: Engine, pair: tuple[int, int]) -> None:
    before, _ = pair
    with time_machine.travel(NOW, tick=False):
        [shown] = engine.command(MANAGER, f"show {before}")
    assert shown.kind != "error" and not [c for c in shown.choices if c.action == "audit.compare"]


def test_the_audited_before_heads_up_offers_the_comparison(engine: Engine, services: Services,
                                                           pair: tuple[int, int]) -> None:
    before, after = pair
    with time_machine.travel(NOW, tick=False):
        engine.command(MANAGER, "start early help")
        replies = engine.message(MANAGER, CASE)
    [heads_up] = [r for r in replies if r.text.startswith(f"Heads up: {CASE}")]
    [draft] = [a for a in services.storage.db.execute("SELECT id FROM audits WHERE status = 'draft'").fetchall()]
    assert f"`/audit compare {draft[0]}` shows what changed since the audit before it" in heads_up.text
    assert [(c.label, c.action, c.value) for c in heads_up.choices if c.action == "audit.compare"] == [
        (f"Compare #{after} with #{before}", "audit.compare", str(after))]


def test_help_lists_compare(engine: Engine) -> None:
    [help_reply] = engine.command(WORKER, "help")
    assert "`/audit compare <number> [with <number>]`" in help_reply.text


def test_the_compare_button_is_taken_in_the_middle_of_an_audit_and_leads_back_to_it(engine: Engine,
                                                                                   pair: tuple[int, int]) -> None:
    _, after = pair
    with time_machine.travel(NOW, tick=False):
        engine.command(MANAGER, "start early help")
        engine.message(MANAGER, "CR-100200")  # now waiting in a draft of another case
        pressed, *back = engine.action(MANAGER, "audit.compare", str(after))
    assert pressed.kind != "error" and "compared with audit" in pressed.text
    assert [b.text.split("\n")[0] for b in back] == ["Back to audit #3:"]  # the draft's own step, shown again



@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rest=st.text(max_size=60), number=st.integers(0, 2**64))
def test_anything_typed_or_given_to_compare_gets_a_reply_never_a_crash(engine: Engine, rest: str,
                                                                     number: int) -> None:
    for replies in (engine.command(MANAGER, f"compare {rest}"), engine.command(MANAGER, f"compare {number} {rest}"),
                    engine.message(MANAGER, f"compare {number} {rest}", surface="terminal"),
                    engine.action(MANAGER, "audit.compare", f"{number}{rest}")):
        assert replies and all("something went wrong" not in r.text for r in replies)


def test_a_long_typed_compare_is_answered_at_once(engine: Engine) -> None:
    replies = engine.message(MANAGER, "compare 1" + " " * 20_000 + "x.")  # no regular expression backtracking
    assert replies and replies[0].kind == "error" and "/audit compare" in replies[0].text

"""Trial 28's QA lead, moderating in their own words: `oops i need to change my moderation on 5, wrong reason` got
the knowledge base; `good - child seen alone…` at "Why?" after Good was stored with "good -" in the reason;
`disagree - its good not outstanding, …` kept the reason but asked the grade again; and the auditor of a changed
moderation was told only "Your audit #5 has been moderated"."""

from __future__ import annotations

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.grade_over_other import grade_over_other
from bot.audits.grade_words import grade_starting
from bot.audits.moderation_change import TYPED
from bot.audits.moderation_change_worded import as_change_request
from bot.audits.moderation_told import auditor_heading, worker_verdict
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderated_grade import AUDITOR, NEXT_WEEK, SOUTH, regraded  # noqa: F401 (fixture)
from tests.integration.test_moderation_reason_grade import WEDNESDAY, audit_id, decided  # noqa: F401 (fixture)
from tests.support.text import flat

QA = "U0QALEAD1"
WORKER = "U0PRAN001"  # the social worker whose case audit #1 is
SEEN = "child seen alone every visit and views are in the plan"
RI = "Requires improvement to be good"
NAMES = {"outstanding": "outstanding", "good": "good", "requires_improvement": "RI", "inadequate": "inadequate"}
# a reason as typed: words, single-spaced, not starting with a word that joins a reason to a grade ("as", "cos")
REASONS = st.text(alphabet="abcdefhjklmpqrsuvwxyz ", min_size=8, max_size=40).map(lambda r: " ".join(r.split())).filter(
    lambda r: len(r) >= 8 and r.split()[0] not in {"a", "an", "as", "cos", "coz", "cuz", "bc", "cause"})


def kb_asks(services: Services) -> int:
    return int(services.storage.db.execute("SELECT COUNT(*) FROM kb_asks").fetchone()[0])


# -- 1: asking to change a moderation in everyday words ---------------------------------------------------------

@pytest.mark.parametrize("said", ["oops i need to change my moderation on {id}, wrong reason",
                                  "sorry, i need to change my moderation on {id} - I put the wrong grade",
                                  "Actually change the moderation i did on {id}",
                                  "redo my moderation of #{id}",
                                  "made a mistake moderating {id}",
                                  "oops, I made a mistake in my moderation of audit {id}, wrong reason"])
def test_a_change_asked_in_everyday_words_reopens_the_moderation(engine: Engine, services: Services,
                                                                 regraded: int, said: str) -> None:  # noqa: F811
    with time_machine.travel(NEXT_WEEK, tick=False):
        replies = engine.message(SOUTH, said.format(id=regraded), surface="terminal")
    assert replies[0].text.startswith(f"Your moderation of audit #{regraded} is open again"), replies[0].text
    assert any(r.to_user == AUDITOR and "is changing their moderation of your audit" in r.text for r in replies)
    assert store.get_audit(services.storage, regraded).status == "in_moderation"
    assert kb_asks(services) == 0


@given(slip=st.sampled_from(["", "oops ", "Oops, ", "sorry ", "sorry - ", "actually, ", "oops! actually "]),
       asked=st.sampled_from(["i need to change my moderation on {n}", "change the moderation i did on {n}",
                              "redo my moderation of #{n}", "made a mistake moderating {n}",
                              "i made a mistake in my moderation of audit {n}"]),
       number=st.integers(min_value=1, max_value=999_999),
       tail=st.sampled_from(["", ", wrong reason", " - I put the wrong grade", ", i was too harsh"]))
def test_the_audit_and_what_follows_it_are_read_whatever_is_said_around_them(slip: str, asked: str, number: int,
                                                                            tail: str) -> None:
    found = TYPED.match(as_change_request(f"{slip}{asked.format(n=number)}{tail}"))
    assert found is not None
    assert int(found.group("id")) == number
    assert found.group("rest") == tail


@given(text=st.text(alphabet="abcdefghijklnopqrstuvwxyz ,.!-", max_size=60))
def test_no_change_is_read_from_words_that_do_not_name_a_moderation_and_an_audit(text: str) -> None:
    assert TYPED.match(as_change_request(f"oops {text}")) is None  # no "moderation", no number: never a request


@pytest.mark.parametrize("said", ["i made a mistake moderating 3 audits", "made a mistake moderating 5 days ago",
                                  "oops the plan on 5 is wrong", "how do i change a moderation"])
def test_a_count_or_a_time_is_no_audit_to_change(said: str) -> None:
    assert TYPED.match(as_change_request(said)) is None


# -- 2: the grade chosen, typed again before the reason -----------------------------------------------------------

def test_the_grade_chosen_typed_before_the_reason_is_not_stored_in_it(engine: Engine, services: Services,
                                                                      audit_id: int) -> None:  # noqa: F811
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree", "outstanding - jack was seen alone",
                                f"outstanding - {SEEN}", "skip"], user=QA)
    text = flat(out, "*`")
    assert "looks like a child's or family member's name" in text  # refused first, as in the trial
    assert f"Reason: {SEEN}." in text
    assert "Reason: outstanding" not in text
    assert decided(services, audit_id) == (0, "outstanding", SEEN)


def test_the_auditors_grade_typed_before_an_agreeing_reason_is_not_stored_in_it(
        engine: Engine, services: Services, audit_id: int) -> None:  # noqa: F811
    with time_machine.travel(WEDNESDAY, tick=False):
        drive(engine, [f"/audit moderate {audit_id}", "agree", f"good because {SEEN}"], user=QA)
    assert decided(services, audit_id) == (1, "good", SEEN)


@given(grade=st.sampled_from(sorted(NAMES)), mark=st.sampled_from([" - ", ", ", ": ", " because "]), reason=REASONS)
def test_a_reason_after_a_grade_is_read_without_the_grade(grade: str, mark: str, reason: str) -> None:
    assert grade_starting(f"{NAMES[grade]}{mark}{reason}") == (grade, reason)


# -- 3: the grade in the disagree line ----------------------------------------------------------------------------

def test_disagree_with_its_grade_against_another_and_a_reason_asks_nothing_more(
        engine: Engine, services: Services, audit_id: int) -> None:  # noqa: F811
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"/audit moderate {audit_id}", f"disagree - its outstanding not good, {SEEN}",
                                "skip"],
                       user=QA)
    text = flat(out, "*`")
    assert "Got it: Outstanding, with your reason." in text
    assert "What grade would you give?" not in text and "I've kept your reason" not in text
    assert decided(services, audit_id) == (0, "outstanding", SEEN)


def test_disagree_with_only_its_grade_asks_only_why(engine: Engine, services: Services,
                                                    audit_id: int) -> None:  # noqa: F811
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree - should be RI not good", SEEN, "skip"],
                       user=QA)
    text = flat(out, "*`")
    assert f"You would grade it {RI}. Why?" in text
    assert "What grade would you give?" not in text
    assert decided(services, audit_id) == (0, "requires_improvement", SEEN)


@given(meant=st.sampled_from(sorted(NAMES)), other=st.sampled_from(sorted(NAMES)),
       lead=st.sampled_from(["", "its ", "it's ", "should be ", "more like ", "i think its ", "it should be "]),
       against=st.sampled_from([" not ", ", not ", " rather than ", " but not ", " instead of ", " than "]),
       reason=st.one_of(st.none(), REASONS), mark=st.sampled_from([", ", " - ", " because "]))
def test_the_grade_meant_is_the_first_never_the_one_after_not(meant: str, other: str, lead: str, against: str,
                                                             reason: str | None, mark: str) -> None:
    typed = f"{lead}{NAMES[meant]}{against}{NAMES[other]}" + (f"{mark}{reason}" if reason else "")
    assert grade_over_other(typed) == ((meant, reason) if meant != other else None)
    assert grade_over_other(f"not {NAMES[meant]}, {NAMES[other]}") is None  # a negated grade is never the one meant


# -- 4: the auditor told the decision was changed -----------------------------------------------------------------

def test_the_auditor_is_told_the_moderation_was_changed_from_what_to_what(engine: Engine, services: Services,
                                                                         regraded: int) -> None:  # noqa: F811
    with time_machine.travel(NEXT_WEEK, tick=False):
        engine.message(SOUTH, f"change moderation {regraded}", surface="terminal")
        _, out = drive(engine, ["1", f"On reading it again, {SEEN}"], user=SOUTH)  # Agree: Good, the auditor's
    text = flat(out, "*`")
    assert (f"Your audit #{regraded} has been re-moderated: Team manager (South) changed the grade from Inadequate "
            f"to Good, agreeing with your grade now. Reason: On reading it again, {SEEN}.") in text  # trial 62 F17
    assert "has been moderated:" not in text.split("[message to U0MGRN001]")[1].split("[message")[0]


def test_the_worker_is_told_what_the_changed_moderation_changed(engine: Engine, services: Services,
                                                                regraded: int) -> None:  # noqa: F811
    """Trial 30: the case's worker was told only "has been moderated", as if it were a first decision."""
    with time_machine.travel(NEXT_WEEK, tick=False):
        engine.message(SOUTH, f"change moderation {regraded}", surface="terminal")
        _, out = drive(engine, ["1", f"On reading it again, {SEEN}"], user=SOUTH)
    worker = flat(out, "*`").split(f"[message to {WORKER}]")[1].split("[message")[0]
    assert (f"Audit #{regraded} of your case has been re-moderated: Team manager (South) changed the grade from "
            f"Inadequate to Good, agreeing with the auditor's grade now, because: On reading it again, {SEEN}."
            ) in worker
    assert "has been moderated" not in worker and "CR-" not in worker


def test_the_worker_reads_a_change_to_disagree_and_a_kept_decision_plainly() -> None:
    moderator, good = "QA lead (practice)", {"agrees": 1, "grade": "good"}
    assert worker_verdict(moderator, {"agrees": False, "grade": "requires_improvement"}, good, "good") == (
        "re-moderated", f"QA lead (practice) changed the grade from **Good** to **{RI}**, where the auditor graded "
                        "it **Good**")
    assert worker_verdict(moderator, {"agrees": True, "grade": "good"}, good, "good") == (
        "re-moderated", "QA lead (practice) kept their decision, **Good**, with a new reason")
    assert worker_verdict(moderator, {"agrees": True, "grade": "good"}, None, "good") == (
        "moderated", "QA lead (practice) agreed with the grade (**Good**)")


def test_a_first_moderation_is_told_as_before(engine: Engine, services: Services, audit_id: int) -> None:  # noqa: F811
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"/audit moderate {audit_id}", "agree", SEEN], user=QA)
    assert f"Your audit #{audit_id} has been moderated: QA lead (practice) agreed with your grade (Good)." in flat(
        out, "*`")


def test_a_decision_made_again_the_same_says_it_was_kept_with_a_new_reason() -> None:
    heading = auditor_heading("QA lead (practice)", 5, "good", {"agrees": False, "grade": "requires_improvement"},
                              {"agrees": 0, "grade": "requires_improvement"})
    assert heading == (f"Your audit #5 has been re-moderated: QA lead (practice) kept their decision, **{RI}**, with "
                       "a new reason")


def test_a_grade_changed_within_a_disagreement_is_told_as_grades_never_as_the_buttons() -> None:
    """Trial 62 F17: "changed their decision from Disagree (Requires improvement to be good) to Disagree (Good)"."""
    heading = auditor_heading("QA lead (children in care)", 9, "outstanding", {"agrees": False, "grade": "good"},
                              {"agrees": 0, "grade": "requires_improvement"})
    assert heading == ("Your audit #9 has been re-moderated: QA lead (children in care) changed the grade from "
                       f"**{RI}** to **Good**, where your grade was **Outstanding**")

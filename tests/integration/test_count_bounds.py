"""A count that is a part of an earlier count is never larger than it (trial 30: 2 contacts sampled, then 5 with no
decision within one working day, "Got it: 5.", and the service theme counted it). The checklist says which count
bounds which (`at_most:`), `kb check` checks that, the audit refuses a larger number and asks again, lowering the
sample later names the answers it leaves too high and asks them again, and the demo data holds none."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.audits.count_bound import bound_refusal
from bot.core.audit_rules import submission_breaks
from bot.core.count_bounds import over_bound
from bot.core.replies import Reply
from bot.core.services import Services
from bot.digests.demo_data import generate
from bot.engine.routing import Engine
from bot.storage import audits as store
from knowledge.checklist_schema import Answer
from knowledge.loader import load_knowledge
from tests.support.examples import examples
from tests.support.mini_checklist import SAMPLED_HEAD, problems_of

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)
AUDITOR = "U0MGRN001"
FRONT_DOOR = load_knowledge().checklists["front-door"]
# the rest of the front-door dip sample after "How many contacts did you sample?", typed as a person would
REST = ["1", "1", "no", "yes", "good", "Decisions were prompt and history was checked each time.", "2", "1", "yes",
        "yes", "good", "Reasons were recorded and a manager signed each one off."]


def typed(engine: Engine, text: str) -> list[Reply]:
    return engine.message(AUDITOR, text, surface="terminal")


def said(replies: list[Reply]) -> str:
    return "\n".join(reply.text for reply in replies)


def only_audit(services: Services) -> store.AuditRow:
    [row] = services.storage.db.query("SELECT id FROM audits")
    audit = store.get_audit(services.storage, row["id"])
    assert audit is not None
    return audit


def at_the_sample(engine: Engine, sampled: str) -> None:
    for line in ("start audit front door", "CR-900111", "sw n1", "no", sampled):
        typed(engine, line)


def test_a_count_larger_than_the_sample_is_refused_and_asked_again(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        at_the_sample(engine, "2")
        refused = typed(engine, "5")
        assert [r.kind for r in refused] == ["error", "question"]  # the question shown again (trial 59 F2)
        assert refused[1].text.startswith("Still at Q")
        assert refused[0].text == "You sampled 2 contacts, so this can be at most 2. Type a number from 0 to 2."
        audit = only_audit(services)
        assert audit.step == "question:decisions-late"
        assert "decisions-late" not in store.answers_of(services.storage, audit.id)
        kept = typed(engine, "2")
    assert kept[0].text == "Got it: **2**."
    assert store.answers_of(services.storage, audit.id)["decisions-late"].value == "2"


def test_one_sampled_contact_reads_in_the_singular_and_none_sampled_allows_only_0(engine: Engine) -> None:
    with time_machine.travel(NOW, tick=False):
        at_the_sample(engine, "1")
        assert said(typed(engine, "3")).startswith("You sampled 1 contact, so this can be at most 1. Type a number "
                                                   "from 0 to 1.\nStill at Q")  # then the question (trial 59 F2)
    answers = {"contacts-sampled": Answer("0")}
    assert bound_refusal(FRONT_DOOR, answers, FRONT_DOOR.question("nfa-sampled"), "1") == (
        "You sampled 0 contacts, so this can be at most 0. Type 0.")


def test_lowering_the_sample_later_names_the_answers_now_too_high_and_asks_them_again(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        at_the_sample(engine, "3")
        for line in ["2", "1", "no", "yes", "good", "Decisions were prompt and history was checked each time.", "3",
                     "1", "yes", "yes", "good", "Reasons were recorded and a manager signed each one off."]:
            typed(engine, line)
        assert only_audit(services).step == "review"
        typed(engine, "change 2")
        lowered = said(typed(engine, "1"))
        assert ("You sampled 1 contact now, so questions 3 (answered 2) and 8 (answered 3) are more than that. "
                "I'll ask them again. Type a number from 0 to 1.") in lowered
        assert only_audit(services).step == "question:decisions-late"
        assert "How many sampled contacts had no decision within one working day?" in lowered
        assert said(typed(engine, "2")).startswith("You sampled 1 contact, so this can be at most 1.")
        typed(engine, "1")
        assert only_audit(services).step == "question:nfa-sampled"
        typed(engine, "1")
        assert only_audit(services).step == "review"
    answers = store.answers_of(services.storage, only_audit(services).id)
    assert [answers[q].value for q in ("contacts-sampled", "decisions-late", "nfa-sampled")] == ["1", "1", "1"]
    assert over_bound(FRONT_DOOR, answers) == []


@given(sampled=st.integers(0, 500), count=st.integers(0, 1000))
def test_any_count_above_the_sample_is_refused_and_any_within_it_kept(sampled: int, count: int) -> None:
    answers = {"contacts-sampled": Answer(str(sampled))}
    for question_id in ("decisions-late", "repeat-contacts", "nfa-sampled"):
        refused = bound_refusal(FRONT_DOOR, answers, FRONT_DOOR.question(question_id), str(count))
        assert (refused is not None) == (count > sampled)
        broken = submission_breaks(FRONT_DOOR, {**answers, question_id: Answer(str(count))}, None, None, 0)
        assert any(question_id in b and "counts more than" in b for b in broken) == (count > sampled)


def test_the_overall_grade_waits_while_a_count_is_larger_than_its_sample(engine: Engine, services: Services) -> None:
    """A defence behind the step order: however a count came to exceed its sample, the review does not go on."""
    with time_machine.travel(NOW, tick=False):
        at_the_sample(engine, "3")
        for line in ["2", "1", "no", "yes", "good", "Decisions were prompt and history was checked each time.", "3",
                     "1", "yes", "yes", "good", "Reasons were recorded and a manager signed each one off."]:
            typed(engine, line)
        audit = only_audit(services)
        with services.storage.write() as db:
            db.execute("UPDATE answers SET value = '1' WHERE audit_id = ? AND question_id = 'contacts-sampled'",
                       [audit.id])
        [refused] = typed(engine, "next")
    assert refused.kind == "error"
    assert refused.text == ("Question 3 is answered 2, but you sampled 1 contact, and it can't be more than that. Type "
                            "`change 3` to put it right before choosing the overall grade.")
    assert only_audit(services).step == "review"


@settings(max_examples=examples(12), suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(count=st.integers(0, 40))
def test_typed_in_the_audit_a_count_above_the_sample_is_refused_and_one_within_it_stored(
        engine: Engine, services: Services, count: int) -> None:
    """The same property where the auditor types it: one audit, 7 contacts sampled; after each count kept, `back`
    returns to the question for the next example."""
    with time_machine.travel(NOW, tick=False):
        if not list(services.storage.db.query("SELECT id FROM audits")):
            at_the_sample(engine, "7")
        audit = only_audit(services)
        assert audit.step == "question:decisions-late"
        replies = typed(engine, str(count))
        stored = store.answers_of(services.storage, audit.id).get("decisions-late")
        if count > 7:
            assert [r.kind for r in replies] == ["error", "question"] and "at most 7" in replies[0].text
            assert only_audit(services).step == "question:decisions-late"
        else:
            assert replies[0].text == f"Got it: **{count}**." and stored is not None and stored.value == str(count)
            typed(engine, "back")


def test_the_shipped_checklists_say_which_counts_are_part_of_which() -> None:
    checklists = load_knowledge().checklists
    bounds = {(c.id, q.id): q.at_most for c in checklists.values() for q in c.questions() if q.at_most}
    assert bounds == {
        ("front-door", "decisions-late"): "contacts-sampled", ("front-door", "repeat-contacts"): "contacts-sampled",
        ("front-door", "nfa-sampled"): "contacts-sampled", ("front-door", "nfa-disagree"): "nfa-sampled",
        ("strategy-s47", "missing-partners"): "strategy-sampled",
        ("strategy-s47", "child-not-seen"): "enquiries-sampled", ("strategy-s47", "icpc-late"): "enquiries-sampled",
        ("exploitation-missing", "rhi-sampled"): "missing-episodes",
        ("exploitation-missing", "rhi-not-offered"): "rhi-sampled"}


CHECKLIST = SAMPLED_HEAD + """\
          - id: sampled
            text: How many contacts did you sample?
            type: number
          - id: seen
            text: Was the child seen?
            type: yes_no
          - id: late
            text: How many were late?
            type: number
            at_most: sampled
"""


def test_kb_check_says_what_is_wrong_with_an_at_most() -> None:
    assert problems_of(CHECKLIST) == []
    assert problems_of(CHECKLIST.replace("at_most: sampled", "at_most: sampeld")) == [
        "c.yaml:18: question 'late': `at_most` points at 'sampeld', which is not an earlier question in this "
        "checklist (did you mean `sampled`?); a count can only be bounded by one asked before it."]
    assert problems_of(CHECKLIST.replace("at_most: sampled", "at_most: seen")) == [
        "c.yaml:18: question 'late': `at_most` points at 'seen', a yes_no question; it must name an earlier number "
        "question (the count this one is a part of)."]
    assert problems_of(CHECKLIST.replace("at_most: sampled", "at_most: 3")) == [
        "c.yaml:18: question 'late': `at_most` must name an earlier number question by its id, like `at_most: "
        "contacts-sampled`; found a number (3)."]
    on_yes_no = CHECKLIST.replace("type: yes_no\n", "type: yes_no\n            at_most: sampled\n")
    assert problems_of(on_yes_no) == [
        "c.yaml:15: question 'seen': `at_most` only works on number questions; remove it."]


def test_the_demo_data_holds_no_count_larger_than_its_sample(services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        generate(services, weeks=12, seed=7)
    rows = services.storage.db.query("SELECT audit_id, question_id, value FROM answers")
    by_audit: dict[int, dict[str, Answer]] = {}
    for row in rows:
        by_audit.setdefault(row["audit_id"], {})[row["question_id"]] = Answer(row["value"])
    pairs = {(q.id, q.at_most) for c in load_knowledge().checklists.values() for q in c.questions() if q.at_most}
    bounded = [(a, (q, b), answers[q].value, answers[b].value) for a, answers in by_audit.items()
               for q, b in sorted(pairs) if q in answers and b in answers]
    assert {("decisions-late", "contacts-sampled"), ("nfa-disagree", "nfa-sampled"),  # front-door and s47 samples
            ("child-not-seen", "enquiries-sampled")} <= {pair for _, pair, _, _ in bounded}
    assert [b for b in bounded if int(b[2]) > int(b[3])] == []

"""Trial 59: starting another audit in the middle of one.

F1: in a draft at a yes/no question, `start a voice of the child audit on cr 556622 for N2` (the README's form) got "Is
that a yes or a no? I've kept your note", and the next `no` stored the line, another case's reference in it, as the
note. A start line is now the start at every step. F5: `start audit` at Q2 left the draft without a word; it is now
said to be kept, with how to go back. F10: `start audit neglect on cr 556699 for N1` lost its case and worker; it now
reads as `start a neglect audit on cr 556699 for N1`.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits import lifecycle, start_in_words
from bot.audits.core import load, waiting_at
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)  # a Wednesday morning, in working hours
MANAGER = "U0MGRN001"
FIRST = "start a neglect audit on cr 556633 for N1"


def _said(replies: list[Reply]) -> str:
    return "\n".join(" ".join(r.text.replace("**", "").replace("`", "").split()) for r in replies)


def _say(engine: Engine, text: str) -> str:
    with time_machine.travel(NOW, tick=False):
        return _said(engine.message(MANAGER, text, surface="terminal"))


def _audits(services: Services) -> list[tuple[int, str, str, str | None]]:
    rows = services.storage.db.execute("SELECT id, checklist_id, case_ref, worker_id FROM audits ORDER BY id")
    return [tuple(row) for row in rows.fetchall()]  # type: ignore[misc]


def _at(services: Services, step: str) -> None:
    """Draft #1 moved to `step`, the conversation waiting there, as if answered up to it."""
    ctx = load(services, 1)
    lifecycle.advance(services.storage, 1, ctx.version, MANAGER,
                      store.Move(step=step, waiting=waiting_at(1, step)), NOW)


@pytest.mark.parametrize("line", ["start a voice of the child audit on cr 556622 for N2",
                                  "start audit voice of the child on cr 556622 for N2",
                                  "Start an audit of voice of the child on CR-556622 for N2."])
@pytest.mark.parametrize("step", ["question:immediate-concern", "question:understanding-quality",
                                  "question:repeat-plans", "strengths"])
def test_a_start_line_at_any_step_starts_that_audit_and_is_never_a_note(engine: Engine, services: Services,
                                                                        line: str, step: str) -> None:
    _say(engine, FIRST)
    _at(services, step)
    said = _say(engine, line)
    after = _say(engine, "no")
    assert "Audit #2 of CR-556622 (Voice of the child)" in said and "Got it: Social worker N2's case." in said, said
    assert "kept your note" not in said and "556622" not in after, after
    assert "Audit #1 (CR-556633) is saved as a draft" in said and "resume 1 to go back" in said, said
    assert _audits(services) == [(1, "neglect", "CR-556633", "U0PRAN001"),
                                 (2, "voice-of-the-child", "CR-556622", "U0PRAN002")]
    assert store.answers_of(services.storage, 1) == {}  # nothing stored on #1, its note least of all


def test_start_audit_at_q2_says_the_draft_is_kept_and_how_to_go_back(engine: Engine, services: Services) -> None:
    _say(engine, FIRST)
    _say(engine, "no")  # Q1 answered: the draft waits at Q2
    said = _say(engine, "start audit")
    back = _say(engine, "resume 1")
    assert said.startswith("Audit #1 (CR-556633) is saved as a draft at Q2: resume 1 to go back. Starting a new "
                           "audit:"), said
    assert "Which checklist are you auditing against?" in said, said
    assert "Carrying on with audit #1 (CR-556633, Neglect)" in back, back


def test_checklist_after_audit_keeps_the_case_and_worker(engine: Engine, services: Services) -> None:
    said = _say(engine, "start audit neglect on cr 556699 for N1")
    assert "Audit #1 of CR-556699 (Neglect)" in said and "Got it: Social worker N1's case." in said, said
    assert "didn't recognise" not in said, said
    assert _audits(services) == [(1, "neglect", "CR-556699", "U0PRAN001")]


def test_a_checklist_named_before_audit_with_no_case_asks_the_case(engine: Engine, services: Services) -> None:
    said = _say(engine, "start a neglect audit")
    assert "Neglect" in said and "What is the case reference?" in said, said


def _compact(reference: str) -> str:
    return "".join(reference.replace("-", " ").lower().split())


_CHECKLISTS = st.sampled_from(["neglect", "voice of the child", "cp plan", "early help", "child in need"])
_REFS = st.builds(lambda letters, digits, sep: f"{letters}{sep}{digits}", st.sampled_from(["cr", "CR", "eh"]),
                  st.integers(1000, 99999999).map(str), st.sampled_from(["", "-", " "]))
_WHO = st.sampled_from(["n1", "s1", "social worker n2", "sam"])


@given(_CHECKLISTS, _REFS, _WHO, st.sampled_from(["start", "begin", "Start", "can you start"]),
       st.sampled_from(["", ".", "!"]))
def test_both_word_orders_read_the_same(checklist: str, ref: str, who: str, verb: str, end: str) -> None:
    before = start_in_words.read(f"{verb} a {checklist} audit on {ref} for {who}{end}")
    after = start_in_words.read(f"{verb} audit {checklist} on {ref} for {who}{end}")
    of = start_in_words.read(f"{verb} an audit of {checklist} on case {ref} for {who}{end}")
    assert before is not None and after is not None and of is not None
    assert before.group("checklist") == after.group("after") == of.group("after") == checklist.lower()
    assert _compact(before.group("ref")) == _compact(after.group("ref")) == _compact(of.group("ref")) == _compact(ref)
    assert before.group("who") == after.group("who") == of.group("who") == who.lower()


@given(st.sampled_from(["no not seen", "the audit was thorough", "start audit", "start an audit",
                        "do the audit later", "start the audit of neglect", "start a reaudit of cr 1234"]))
def test_lines_that_are_no_start_in_one_sentence_are_left_alone(line: str) -> None:
    assert start_in_words.read(line) is None


@pytest.mark.parametrize(("step", "line"), [
    ("question:immediate-concern", "no, the same worry was raised on cr 556622 last year"),
    ("question:immediate-concern", "The chronology on CR-556622 shows the same pattern of missed health appointments"),
    ("question:understanding-quality", "good - better than CR556622 where the analysis was thin"),
    ("strengths", "clear plan, as on CR 556622"),
])
def test_a_note_naming_another_case_is_refused_and_nothing_saved(engine: Engine, services: Services, step: str,
                                                                line: str) -> None:
    _say(engine, FIRST)
    _at(services, step)
    said = _say(engine, line)
    assert ("That names another case, CR-556622: a note on audit #1 should be about CR-556633. Nothing was saved."
            in said), said
    audit = store.get_audit(services.storage, 1)
    assert store.answers_of(services.storage, 1) == {} and audit is not None and not audit.strengths
    assert "kept your note" not in said, said



# fix70b D: at the case-reference prompt (a checklist picked, no case yet) a start line started the new audit and
# dropped the half-started one without a word. Nothing of it was stored, so it is said not to be kept, and why.
HALF_STARTED = ("The Neglect audit you had started is not kept: it had no case reference yet, so nothing of it was "
                "saved.")


@pytest.mark.parametrize("line", ["start audit voice of the child on cr 556622 for N2",
                                  "start a voice of the child audit on cr 556622 for N2",
                                  "start audit on cr 556622"])
def test_a_start_line_at_the_case_reference_says_the_half_started_audit_was_not_kept(engine: Engine,
                                                                                     services: Services,
                                                                                     line: str) -> None:
    asked = _say(engine, "start audit neglect")
    assert "What is the case reference?" in asked
    said = _say(engine, line)
    assert said.count(HALF_STARTED) == 1 and said.index(HALF_STARTED) == 0
    assert "resume" not in said.split("Starting a new audit:")[0]  # no draft to go back to
    assert [(checklist, ref) for _, checklist, ref, _ in _audits(services)] in (
        [("voice-of-the-child", "CR-556622")], [])  # a checklist still to pick for `start audit on cr 556622`


def test_start_audit_alone_at_the_case_reference_says_so_and_offers_the_checklists(engine: Engine,
                                                                                   services: Services) -> None:
    _say(engine, "start audit neglect")
    said = _say(engine, "start audit")
    assert said.startswith(f"{HALF_STARTED} Starting a new audit:\n") and "Which checklist" in said
    assert _audits(services) == []


def test_a_start_line_at_a_draft_with_a_case_still_says_it_is_kept_not_the_half_started_words(
        engine: Engine, services: Services) -> None:
    _say(engine, FIRST)
    said = _say(engine, "start audit voice of the child on cr 556622 for N2")
    assert "Audit #1 (CR-556633) is saved as a draft" in said and "not kept" not in said

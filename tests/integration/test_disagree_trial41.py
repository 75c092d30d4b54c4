"""Trial 41 (a South social worker): disagreeing was a dead end. `i dont think thats fair, the visits were on time`,
`appeal 132` and `challenge my grade on 132` got unrelated knowledge-base entries, `disagree 132` was told to type
`/audit reflect 12`, and `remove action 107` as the action's owner was told "Only the person who did this audit can
change it", naming no one. Now the worker is told how to disagree with the audit named (or the latest of their case),
with its auditor and the right number, and an action's owner is offered to send the auditor their request."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)
AUDITOR, WORKER, OTHER = "U0MGRS001", "U0PRAN001", "U0PRAN002"
TITLE = "Update the chronology with the last three months' significant events"


def _audit(services: Services, grade: str = "requires_improvement") -> int:
    audit_id = insert_audit(services.storage, "CR-687096", NOW, auditor=AUDITOR, worker=WORKER)
    with services.storage.write() as db:
        db.execute("UPDATE audits SET overall_grade = ? WHERE id = ?", [grade, audit_id])
    return audit_id


@pytest.fixture
def audit_id(services: Services) -> int:
    """An audit of the North worker's case, graded RI by the South manager."""
    return _audit(services)


@pytest.mark.parametrize("typed", ["appeal {n}", "challenge my grade on {n}", "disagree {n}",
                                   "dispute the grade of audit {n}", "I want to appeal audit {n}"])
def test_a_worker_disagreeing_with_a_named_audit_is_told_how_with_its_number_and_auditor(
        engine: Engine, services: Services, audit_id: int, typed: str) -> None:
    with time_machine.travel(NOW, tick=False):
        [reply] = engine.message(WORKER, typed.format(n=audit_id), surface="terminal")
    text = flat(reply.text, "_`*")
    assert f"To disagree with audit #{audit_id} (CR-687096), graded Requires improvement" in text
    assert "by Team manager (South)" in text
    assert f"/audit reflect {audit_id} <your view>" in text
    assert "/audit reflect 12" not in text
    assert [c.label for c in reply.choices] == ["Add my reflections", "What can I do if I disagree with the grade?"]
    assert asked_the_knowledge_base(services) == 0


def test_unfair_naming_no_audit_is_the_latest_audit_of_their_case_with_the_reason_in_the_command(
        engine: Engine, services: Services, audit_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        older = _audit(services, "good")
        newest = _audit(services, "inadequate")
        [reply] = engine.message(WORKER, "i dont think thats fair, the visits were on time", surface="terminal")
    text = flat(reply.text, "_`*")
    assert older < newest and audit_id < newest
    assert f"If you mean audit #{newest} (CR-687096, the latest audit of your case), graded Inadequate" in text
    assert f"type reflect {newest} the visits were on time — or press Add as reflection" in text
    assert "/audit list mine" in text
    assert services.storage.db.execute("SELECT COUNT(*) FROM reflections").fetchone()[0] == 0  # nothing saved yet
    assert asked_the_knowledge_base(services) == 0


def test_an_identifier_in_the_reason_is_never_said_back(engine: Engine, services: Services, audit_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        [reply] = engine.message(WORKER, f"appeal {audit_id} - NHS 943 476 5919 was seen", surface="terminal")
    assert "943" not in reply.text
    assert f"/audit reflect {audit_id} <your view>" in flat(reply.text, "_`*")


def test_unfair_naming_no_audit_is_the_latest_graded_below_good_over_a_newer_outstanding(
        engine: Engine, services: Services, audit_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        newest = _audit(services, "outstanding")
        [reply] = engine.message(WORKER, "thats not fair", surface="terminal")
    text = flat(reply.text, "_`*")
    assert audit_id < newest
    assert f"If you mean audit #{audit_id} (CR-687096, the latest audit of your case graded below Good), graded " \
           "Requires improvement" in text
    assert f"/audit reflect {audit_id} <your view>" in text


def test_someone_elses_audit_or_no_audit_of_their_case_is_left_to_the_rest_of_the_bot(
        engine: Engine, services: Services, audit_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        replies = engine.message(OTHER, f"appeal {audit_id}", surface="terminal")
        unfair = engine.message(OTHER, "thats not fair", surface="terminal")
    assert all("To disagree with audit" not in r.text for r in [*replies, *unfair])


def _action(services: Services, audit_id: int) -> int:
    return action_store.add_action(services.storage, audit_id, TITLE, WORKER, "2026-12-17", AUDITOR, NOW)


def _trail(services: Services) -> list[str]:
    return [row[0] for row in services.storage.db.execute(
        "SELECT detail FROM trail WHERE action = 'action.change_asked'")]


@pytest.mark.parametrize(("typed", "words"), [
    ("remove action {n}", None),
    ("action {n} is a duplicate of {m}, can it be removed", "action {n} is a duplicate of {m}, can it be removed"),
])
def test_the_owner_asking_to_remove_an_action_is_told_who_and_it_is_sent_on_yes(
        engine: Engine, services: Services, audit_id: int, typed: str, words: str | None) -> None:
    first = _action(services, audit_id)
    second = _action(services, audit_id)
    with time_machine.travel(NOW, tick=False):
        [asked] = engine.message(WORKER, typed.format(n=second, m=first), surface="terminal")
        mine, told = engine.message(WORKER, "yes", surface="terminal")
    text = flat(asked.text, "_`*")
    assert "Only the person who did the audit can remove or change its actions: Team manager (South) did audit " \
           f"#{audit_id} (CR-687096)" in text
    assert f"Send Team manager (South) your request about action {second}" in text
    assert [c.label for c in asked.choices] == ["Yes, send it to Team manager (South)", "No, don't send it"]
    assert mine.text.startswith(f"Sent to Team manager (South): your request about action {second} (_Update the "
                                "chronology with the last three months' significant events_, audit #1, CR-687096).")
    assert told.to_user == AUDITOR
    told_text = flat(told.text, "_`*")
    assert f"Social worker N1 asks you to remove action {second} (audit #{audit_id}, CR-687096)" in told_text
    assert f"/audit edit {audit_id} remove action {second}" in told_text
    expected = f"Their words: “{words.format(n=second, m=first)}”" if words else "No reason given"
    assert expected in told_text
    assert len(_trail(services)) == 1
    assert action_store.get_action(services.storage, second) is not None
    assert asked_the_knowledge_base(services) == 0


def test_disagreeing_with_an_action_and_saying_no_sends_nothing(engine: Engine, services: Services,
                                                                audit_id: int) -> None:
    action_id = _action(services, audit_id)
    with time_machine.travel(NOW, tick=False):
        [asked] = engine.message(WORKER, f"i dont agree with action {action_id}, there is no drift",
                                 surface="terminal")
        replies = engine.message(WORKER, "no", surface="terminal")
    assert f"your request about action {action_id} with your words: “i dont agree with action {action_id}, there " \
           "is no drift”?" in flat(asked.text, "_`*")
    assert [r.to_user for r in replies] == [None]
    assert "nothing was sent" in replies[0].text
    assert _trail(services) == []
    assert asked_the_knowledge_base(services) == 0


def test_an_identifier_in_the_request_is_refused_and_nothing_is_asked(engine: Engine, services: Services,
                                                                       audit_id: int) -> None:
    action_id = _action(services, audit_id)
    with time_machine.travel(NOW, tick=False):
        replies = engine.message(WORKER, f"action {action_id} is a duplicate, remove it, NHS 943 476 5919",
                                 surface="terminal")
    assert all("Send Team manager" not in r.text and "5919" not in r.text for r in replies)
    assert _trail(services) == []


TRIAL43 = ("i dont agree with this, the child was seen alone at school on 2 visits its just not recorded properly, can "
           "i challenge it")


def test_disagreeing_with_this_points_to_reflect_and_the_auditor_with_the_reason(engine: Engine,
                                                                                  audit_id: int) -> None:
    """Trial 43 (9): this got "How do I challenge another agency's decision?"."""
    with time_machine.travel(NOW, tick=False):
        said = flat("\n".join(f"{r.title} {r.text}" for r in engine.message(WORKER, TRIAL43, surface="terminal")))
    assert f"`reflect {audit_id} the child was seen alone at school on 2 visits its just not recorded " \
           "properly`" in said, said
    assert "Talk to Team manager (South) first" in said and "another agency" not in said


@pytest.mark.parametrize("typed", ["can i challenge it", "I disagree with that"])
def test_challenging_it_with_no_recent_audit_of_my_case_stays_a_question(engine: Engine, services: Services,
                                                                         typed: str) -> None:
    insert_audit(services.storage, "CR-687096", NOW.replace(year=NOW.year - 1), auditor=AUDITOR, worker=WORKER)
    with time_machine.travel(NOW, tick=False):
        said = flat("\n".join(f"{r.title} {r.text}" for r in engine.message(WORKER, typed, surface="terminal")))
    assert "Disagreeing with" not in said, said


TRIAL52 = "i dont agree with the grade on {n}, the plan was reviewed at the TAF just not written up yet"
WORDS = "the plan was reviewed at the TAF just not written up yet"


def _reflections(services: Services) -> list[str]:
    return [row[0] for row in services.storage.db.execute("SELECT text FROM reflections")]


@pytest.mark.parametrize("moderated", [False, True])
@pytest.mark.parametrize("then", ["add it", "press"])
def test_not_agreeing_with_the_grade_on_my_audit_offers_my_words_as_a_reflection_one_press_away(
        engine: Engine, services: Services, audit_id: int, moderated: bool, then: str) -> None:
    """Trial 52 F3: the worker was told "Only the auditor can respond to the moderation of an audit" (before any
    moderation), and the words were lost."""
    if moderated:
        with services.storage.write() as db:
            db.execute("UPDATE audits SET moderated_at = ? WHERE id = ?", [NOW.isoformat(), audit_id])
    with time_machine.travel(NOW, tick=False):
        [reply] = engine.message(WORKER, TRIAL52.format(n=audit_id), surface="terminal")
        assert _reflections(services) == []  # nothing stored until they say so
        if then == "press":
            saved = engine.action(WORKER, reply.choices[0].action, reply.choices[0].value, surface="terminal")
        else:
            saved = engine.message(WORKER, "add it", surface="terminal")
    text = flat(reply.text, "_`*")
    assert "Only the auditor" not in text
    assert "Talk to Team manager (South) first" in text
    assert f"To add this as your reflection on #{audit_id} (the auditor and moderator see it), type reflect " \
           f"{audit_id} {WORDS} — or press Add as reflection" in text
    assert [c.label for c in reply.choices] == ["Add as reflection", "What can I do if I disagree with the grade?"]
    assert reply.choices[1].value == "disagree-with-audit-grade"
    assert _reflections(services) == [WORDS]
    assert saved[0].text.startswith(f"Thank you: your reflections are saved with audit #{audit_id}")
    assert [r.to_user for r in saved] == [None, AUDITOR]
    assert asked_the_knowledge_base(services) == 0


def test_the_auditor_not_agreeing_with_a_moderation_still_responds_to_it(engine: Engine, services: Services,
                                                                          audit_id: int) -> None:
    """Only the auditor's reply to a moderation keeps its own path (here: not moderated yet, so nothing to answer)."""
    with time_machine.travel(NOW, tick=False):
        replies = engine.message(AUDITOR, TRIAL52.format(n=audit_id), surface="terminal")
    said = flat(" ".join(r.text for r in replies), "_`*")
    assert f"Audit #{audit_id} has not been moderated yet" in said
    assert "Add as reflection" not in said and _reflections(services) == []


def test_an_identifier_in_my_words_is_never_offered_as_a_reflection(engine: Engine, services: Services,
                                                                     audit_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        [reply] = engine.message(WORKER, f"i dont agree with the grade on {audit_id}, NHS 943 476 5919 was seen",
                                 surface="terminal")
    assert "5919" not in reply.text and "Add as reflection" not in [c.label for c in reply.choices]
    assert _reflections(services) == []

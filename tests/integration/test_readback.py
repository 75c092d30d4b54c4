"""Reading audits back (issue 14, item 2): who may show each audit, the list filters, reflect in the terminal,
the auditor's one response to a moderation, and the outcome told to the worker and their manager."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from bot.storage import audits as store
from bot.storage import moderation as moderation_store
from bot.storage import readback as readback_store
from bot.terminal.chat import run_chat
from tests.support.audit_rows import insert_audit

DAY = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
AUDITOR, WORKER, MANAGER = "U0PRAN002", "U0PRAN001", "U0MGRN001"  # a North peer audit of a North worker's case


@pytest.fixture
def north_audit(services: Services) -> int:
    return insert_audit(services.storage, "CR-100001", DAY, auditor=AUDITOR, worker=WORKER, team="north-assessment")


@pytest.mark.parametrize(("who", "user", "may"), [
    ("auditor", AUDITOR, True),
    ("worker whose case it is", WORKER, True),
    ("worker's manager", MANAGER, True),
    ("another team's manager", "U0MGRS001", False),
    ("QA lead", "U0QALEAD1", True),
    ("admin", "U0ADMIN01", True),
    ("unrelated practitioner", "U0PRAS001", False),
    ("practitioner in another team", "U0PRAC001", False),
])
def test_who_may_show_an_audit(engine: Engine, north_audit: int, who: str, user: str, may: bool) -> None:
    by_command = engine.command(user, f"show {north_audit}", surface="terminal")
    by_button = engine.action(user, "audit.view", str(north_audit), surface="terminal")
    for replies in (by_command, by_button):
        assert len(replies) == 1, who
        [reply] = replies
        if may:
            assert reply.kind != "error" and reply.title == f"Audit #{north_audit}: Case file audit", who
            assert ("Case", "CR-100001") in reply.fields
        else:
            assert reply.kind == "error" and "not one you have access to" in reply.text, who
            assert "CR-100001" not in reply.text


def test_show_has_the_moderation_outcome_response_and_reflections(engine: Engine, services: Services,
                                                                 north_audit: int) -> None:
    moderation_store.open_moderation(services.storage, north_audit, "U0QALEAD1", DAY)
    moderation_store.decide_moderation(services.storage, north_audit, "U0QALEAD1", False, "requires_improvement",
                                       "The plan has no timescales.", DAY)
    store.add_reflection(services.storage, north_audit, WORKER, "I will add timescales to the plan.", DAY)
    [worker_view] = engine.command(WORKER, f"show {north_audit}", surface="terminal")
    assert "**Moderation:** QA lead (practice) graded it **Requires improvement to be good**" in worker_view.text
    assert "The plan has no timescales." in worker_view.text
    assert "I will add timescales to the plan." in worker_view.text
    assert [c.action for c in worker_view.choices] == ["audit.reflect"]
    [auditor_view] = engine.command(AUDITOR, f"show {north_audit}", surface="terminal")
    assert [c.action for c in auditor_view.choices] == ["audit.moderation_accept", "audit.moderation_reply"]
    engine.command(AUDITOR, f"respond {north_audit} Timescales are in the plan's appendix.", surface="terminal")
    [after] = engine.command("U0QALEAD1", f"show {north_audit}", surface="terminal")
    assert "**Auditor's response:** Timescales are in the plan's appendix." in after.text and not after.choices


@pytest.mark.parametrize("args", ["", "twelve", "#"])
def test_show_without_a_number_says_how(engine: Engine, args: str) -> None:
    [reply] = engine.command(WORKER, f"show {args}", surface="terminal")
    assert reply.kind == "error" and "/audit show 12" in reply.text


def test_show_of_a_missing_audit_is_one_clear_message(engine: Engine) -> None:
    [reply] = engine.command(WORKER, "show 999", surface="terminal")
    assert reply.kind == "error" and "can't find that audit" in reply.text and "/audit list" in reply.text
    assert "/audit resume" not in reply.text  # reading back is not about drafts


# -- list ------------------------------------------------------------------------------------------------

@pytest.fixture
def several(services: Services) -> dict[str, int]:
    s = services.storage
    return {
        "north1": insert_audit(s, "CR-100001", DAY, auditor=AUDITOR, worker=WORKER, team="north-assessment"),
        "south": insert_audit(s, "CR-200002", DAY + timedelta(days=1), auditor="U0MGRS001", worker="U0PRAS001",
                              team="south-cin-cp"),
        "north2": insert_audit(s, "CR-100001", DAY + timedelta(days=2), status="moderated", auditor=WORKER,
                               worker=AUDITOR, team="north-assessment"),
        "draft": insert_audit(s, "CR-100001", DAY + timedelta(days=3), status="draft", auditor=WORKER,
                              worker=AUDITOR, team="north-assessment"),
    }


def listed(engine: Engine, user: str, args: str) -> list[str]:
    [reply] = engine.command(user, f"list {args}", surface="terminal")
    assert reply.kind != "error", reply.text
    assert all(c.action == "audit.view" for c in reply.choices)
    return [c.value for c in reply.choices]


@pytest.mark.parametrize(("user", "args", "expected"), [
    (WORKER, "mine", ["north2", "north1"]),          # audits I did and of my cases, newest first; no drafts
    (WORKER, "", ["north2", "north1"]),
    (MANAGER, "team", ["north2", "north1"]),
    (MANAGER, "mine", []),
    ("U0MGRS001", "team", ["south"]),
    ("U0QALEAD1", "team", ["north2", "south", "north1"]),
    ("U0ADMIN01", "", ["north2", "south", "north1"]),
    (MANAGER, "case CR-100001", ["north2", "north1"]),
    ("U0MGRS001", "case cr-100001", []),             # another team's case: nothing they may read
    ("U0PRAS001", "case CR-100001", []),
    ("U0QALEAD1", "case CR-200002", ["south"]),
])
def test_list_filters(engine: Engine, several: dict[str, int], user: str, args: str, expected: list[str]) -> None:
    assert listed(engine, user, args) == [str(several[name]) for name in expected]


def test_list_team_is_refused_to_a_practitioner_and_a_bad_filter_says_how(engine: Engine) -> None:
    [team] = engine.command(WORKER, "list team", surface="terminal")
    assert team.kind == "error" and "/audit list mine" in team.text
    [bad] = engine.command(WORKER, "list everything", surface="terminal")
    assert bad.kind == "error" and "/audit list case CR-123456" in bad.text


def test_list_case_screens_the_reference(engine: Engine, services: Services, several: dict[str, int]) -> None:
    [reply] = engine.command(MANAGER, "list case 9434765919", surface="terminal")
    assert reply.kind == "error" and "NHS number" in reply.text


def test_list_is_refused_in_a_channel(engine: Engine, several: dict[str, int]) -> None:
    [reply] = engine.command(MANAGER, "list team", surface="channel")
    assert "direct message" in reply.text and "CR-100001" not in reply.text


def test_home_shows_recent_audits_you_can_read(engine: Engine, services: Services, several: dict[str, int]) -> None:
    sections = {s.title: s for s in home_sections(engine, services, "U0MGRS001")}
    recent = sections["Recent audits you can read"]
    assert [c.value for c in recent.choices] == [str(several["south"])] and "CR-200002" in recent.text
    nothing = {s.title for s in home_sections(engine, services, "U0PRAC001")}
    assert "Recent audits you can read" not in nothing


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(args=st.text(max_size=60))
def test_any_list_respond_or_reflect_arguments_get_a_reply_never_a_crash(engine: Engine, args: str) -> None:
    for command in ("list", "respond", "reflect", "show"):
        replies = engine.command(WORKER, f"{command} {args}", surface="terminal")
        assert replies and all("something went wrong" not in r.text for r in replies)


# -- reflect in the terminal -----------------------------------------------------------------------------

def test_reflect_in_the_terminal_chat(engine: Engine, services: Services, north_audit: int) -> None:
    lines = [f"/audit reflect {north_audit}", "I agree the chronology needs updating.",
             f"/audit reflect {north_audit} And I will see the child alone next visit."]
    out = io.StringIO()
    run_chat(engine, WORKER, io.StringIO("".join(f"{line}\n" for line in lines)), out)
    text = " ".join(out.getvalue().split())
    assert f"What are your reflections on audit #{north_audit}?" in text
    assert text.count(f"your reflections are saved with audit #{north_audit}") == 2
    assert [r["text"] for r in store.reflections_of(services.storage, north_audit)] == [
        "I agree the chronology needs updating.", "And I will see the child alone next visit."]


@pytest.mark.parametrize("typed", ["reflect on audit {n}", "reflect on #{n}", "add reflections to audit {n}",
                                   "Reflect on my audit {n}.", "add my reflections to #{n}"])
def test_the_workers_own_words_for_reflect_ask_for_the_reflections(engine: Engine, services: Services,
                                                                    north_audit: int, typed: str) -> None:
    """Trial 24: `reflect on audit 1` opened the knowledge base's entry on moderation; it is `/audit reflect 1`."""
    [reply] = engine.message(WORKER, typed.format(n=north_audit), surface="terminal")
    assert reply.text.startswith(f"What are your reflections on audit #{north_audit}?")
    assert services.storage.db["kb_asks"].count == 0


@pytest.mark.parametrize("typed", ["reflect on audit {n} I agree the chronology needs updating.",
                                   "add my reflections to audit {n}: I agree the chronology needs updating."])
def test_reflections_typed_in_the_same_line_are_saved(engine: Engine, services: Services, north_audit: int,
                                                      typed: str) -> None:
    replies = engine.message(WORKER, typed.format(n=north_audit), surface="terminal")
    assert f"your reflections are saved with audit #{north_audit}" in " ".join(r.text for r in replies)
    assert [r["text"] for r in store.reflections_of(services.storage, north_audit)] == [
        "I agree the chronology needs updating."]


def test_only_the_worker_may_reflect(engine: Engine, services: Services, north_audit: int) -> None:
    [reply] = engine.command(MANAGER, f"reflect {north_audit} Looks fine.", surface="terminal")
    assert reply.kind == "error" and "Only the worker" in reply.text
    assert store.reflections_of(services.storage, north_audit) == []


# -- moderation: outcome and the auditor's one response --------------------------------------------------

def moderate(engine: Engine, audit_id: int, moderator: str = "U0QALEAD1") -> list:
    engine.action(moderator, "audit.moderate_open", str(audit_id), surface="terminal")
    engine.action(moderator, "audit.moderate_agree", str(audit_id), surface="terminal")
    return engine.message(moderator, "Clear evidence of the child's voice.", surface="terminal")


def test_the_worker_and_their_manager_are_told_the_outcome(engine: Engine, north_audit: int) -> None:
    with time_machine.travel(datetime(2026, 12, 3, 11, 0, tzinfo=UTC), tick=False):  # in the worker's hours (fix44d)
        saved, *told = moderate(engine, north_audit)
    assert "the auditor, the worker and their manager have been told" in saved.text
    assert {r.to_user for r in told} == {AUDITOR, WORKER, MANAGER}
    to_worker = next(r for r in told if r.to_user == WORKER)
    to_manager = next(r for r in told if r.to_user == MANAGER)
    assert to_worker.text.startswith(f"Audit #{north_audit} of your case has been moderated")  # not "The audit #1"
    assert "a case in your team" in to_manager.text and "agreed with the grade" in to_manager.text
    assert all(c.action == "audit.view" for r in (to_worker, to_manager) for c in r.choices)


@time_machine.travel(datetime(2026, 12, 3, 11, 0, tzinfo=UTC), tick=False)  # the auditor's hours: nothing held
def test_the_auditor_responds_once(engine: Engine, services: Services, north_audit: int) -> None:
    [early] = engine.command(AUDITOR, f"respond {north_audit} accept", surface="terminal")
    assert early.kind == "error" and "not been moderated yet" in early.text
    moderate(engine, north_audit)
    [not_theirs] = engine.command(WORKER, f"respond {north_audit} accept", surface="terminal")
    assert not_theirs.kind == "error" and "Only the auditor" in not_theirs.text

    [asked] = engine.action(AUDITOR, "audit.moderation_reply", str(north_audit), surface="terminal")
    assert asked.kind == "question"
    saved, to_moderator = engine.message(AUDITOR, "Thanks: I'll quote the child's words next time.", surface="terminal")
    assert "response is saved" in saved.text
    assert to_moderator.to_user == "U0QALEAD1" and "I'll quote the child's words" in to_moderator.text

    again = engine.action(AUDITOR, "audit.moderation_accept", str(north_audit), surface="terminal")
    by_command = engine.command(AUDITOR, f"respond {north_audit} accept", surface="terminal")
    for [reply] in (again, by_command):
        assert reply.kind == "error" and "already responded" in reply.text
    stored = readback_store.latest_moderation(services.storage, north_audit)
    assert stored["response"] == "replied" and stored["response_text"].startswith("Thanks")


def test_accepting_is_stored_and_a_second_write_changes_nothing(services: Services, north_audit: int) -> None:
    moderation_store.open_moderation(services.storage, north_audit, "U0QALEAD1", DAY)
    moderation_store.decide_moderation(services.storage, north_audit, "U0QALEAD1", True, "good", "Fine.", DAY)
    moderation = readback_store.latest_moderation(services.storage, north_audit)
    readback_store.respond_to_moderation(services.storage, moderation["id"], AUDITOR, None, DAY)
    with pytest.raises(Exception, match="already responded"):
        readback_store.respond_to_moderation(services.storage, moderation["id"], AUDITOR, "Later thoughts", DAY)
    assert readback_store.latest_moderation(services.storage, north_audit)["response"] == "accepted"


@time_machine.travel(datetime(2026, 12, 3, 11, 0, tzinfo=UTC), tick=False)  # the auditor's hours: nothing held
def test_a_reply_holding_a_name_is_refused_and_can_be_retyped(engine: Engine, services: Services,
                                                              north_audit: int) -> None:
    moderate(engine, north_audit)
    [refused] = engine.command(AUDITOR, f"respond {north_audit} Oliver Smith was seen alone.", surface="terminal")
    assert refused.kind == "error" and "name" in refused.text
    assert readback_store.latest_moderation(services.storage, north_audit)["response"] is None


def test_a_cancelled_audit_is_not_read_back_by_anyone_but_its_auditor(engine: Engine, services: Services) -> None:
    cancelled = insert_audit(services.storage, "CR-100009", DAY, status="cancelled", auditor=AUDITOR, worker=WORKER,
                             team="north-assessment")
    [refused] = engine.command(WORKER, f"show {cancelled}", surface="terminal")
    assert refused.kind == "error" and "was cancelled" in refused.text and "CR-100009" not in refused.text
    [own] = engine.command(AUDITOR, f"show {cancelled}", surface="terminal")
    assert own.kind != "error" and "Add my reflections" not in [c.label for c in own.choices]


def test_older_audits_are_reached_page_by_page_and_by_team(engine: Engine, services: Services) -> None:
    ids = [insert_audit(services.storage, f"CR-3{n:05}", DAY + timedelta(hours=n)) for n in range(23)]
    south = insert_audit(services.storage, "CR-400001", DAY, team="south-cin-cp", auditor="U0MGRS001",
                         worker="U0PRAS001")
    newest_first = [str(i) for i in reversed(ids)]
    [first] = engine.command("U0QALEAD1", "list team north-assessment", surface="terminal")
    assert "(1 to 10 of 23)" in first.text and "/audit list team north-assessment page 2" in first.text
    assert [c.value for c in first.choices] == newest_first[:10]
    [third] = engine.command("U0QALEAD1", "list team north-assessment page 3", surface="terminal")
    assert [c.value for c in third.choices] == newest_first[20:] and "page 4" not in third.text
    [beyond] = engine.command("U0QALEAD1", "list team north-assessment page 4", surface="terminal")
    assert beyond.kind == "error" and "3 pages" in beyond.text
    [not_theirs] = engine.command(MANAGER, "list team south-cin-cp", surface="terminal")
    assert not_theirs.kind == "error" and "your own teams" in not_theirs.text and str(south) not in not_theirs.text
    [unknown] = engine.command(MANAGER, "list team nowhere", surface="terminal")
    assert unknown.kind == "error" and "north-assessment" in unknown.text

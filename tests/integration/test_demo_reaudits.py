"""`audit-bot demo-data` holds re-audits, so `/audit reaudits outcomes` and `/audit compare` can be tried (trial 27: "No
re-audits were submitted 5 Sep to 5 Dec 2026" while the digest showed 21 overdue): some invented cases due for
re-audit are audited again in the last 3 months, most better, some the same, one or two worse, in more than one team,
one of them in the week the default digest shows, and those cases leave the overdue list. Real cases are never given
an invented re-audit, and a second run replaces the first rather than doubling every audit (each case audited twice
at once read as its own re-audit).

The clock is pinned (time_machine, tick=False), so these pass on any day, including under AUDITBOT_TEST_NOW."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage.common import utc_text
from tests.integration.test_reaudits import LONDON, text
from tests.support.cli import CliResult, run_cli
from tests.support.digest_rows import AuditRows

HEAD = "U0ADMIN01"  # the head of service
TRIAL = datetime(2026, 12, 5, 12, 0, tzinfo=LONDON)  # the trial's Saturday: the last 3 months are 5 Sep to 5 Dec
SUMMER = datetime(2027, 6, 9, 8, 15, tzinfo=LONDON)  # a Wednesday morning in summer time
TALLY = re.compile(r"Improved (\d+)(?: \([^)]*not yet moderated\))? · same (\d+) · worse (\d+)")


def demo(environ: dict[str, str], *args: str) -> CliResult:
    result = run_cli(environ, "demo-data", *args)
    assert result.code == 0, result.err
    return result


def reaudited(services: Services) -> list[tuple[int, str, str]]:
    """(re-audit number, case, team) of each invented audit of a case audited before, oldest first."""
    return [(int(n), ref, team) for n, ref, team in services.storage.db.execute(
        "SELECT a.id, a.case_ref, a.team_id FROM audits a WHERE EXISTS (SELECT 1 FROM audits e WHERE "
        "e.case_ref = a.case_ref AND e.id < a.id) ORDER BY a.submitted_at, a.id").fetchall()]


def said(engine: Engine, user: str, command: str) -> str:
    """The bot's reply to a command in the terminal chat, on one line, without its bold marks."""
    return text(engine.command(user, command, surface="terminal")).replace("**", "")


def graded(services: Services) -> list[tuple[str, str]]:
    """(case, grade) of each invented re-audit."""
    return [(ref, services.storage.db.execute("SELECT overall_grade FROM audits WHERE id = ?", [n]).fetchone()[0])
            for n, ref, _ in reaudited(services)]


def all_pages(engine: Engine, user: str, command: str) -> str:
    """Every page of a paged list, as one text."""
    pages = [said(engine, user, command)]
    while f"{command} page {len(pages) + 1}" in pages[-1]:
        pages.append(said(engine, user, f"{command} page {len(pages) + 1}"))
    return " ".join(pages)


@pytest.mark.parametrize("now", [TRIAL, SUMMER], ids=["trial-day", "summer"])
def test_the_head_of_service_sees_what_the_demo_reaudits_found(services: Services, environ: dict[str, str],
                                                                engine: Engine, now: datetime) -> None:
    with time_machine.travel(now, tick=False):
        demo(environ)
        shown = said(engine, HEAD, "reaudits outcomes")
        digest = run_cli(environ, "digest", "--as", HEAD).out  # the last complete week's
    assert re.search(r"Re-audits: [1-9]\d* \(\d+ (improved|the same|worse)", " ".join(digest.split())), digest
    assert "No re-audits were submitted" not in shown
    [overall, *teams] = TALLY.findall(shown)
    improved, same, worse = map(int, overall)
    assert improved > same + worse and same > 0 and 1 <= worse <= 2, shown
    assert "can't say 0" in shown
    assert len([t for t in teams if sum(map(int, t)) > 0]) >= 2, shown
    assert len({team for _, _, team in reaudited(services)}) >= 2


def test_a_demo_reaudit_compares_with_the_audit_that_asked_for_it(services: Services, environ: dict[str, str],
                                                                  engine: Engine) -> None:
    with time_machine.travel(TRIAL, tick=False):
        demo(environ)
        outcomes = said(engine, HEAD, "reaudits outcomes")
        worse = int(re.search(r"worse \d+ \(#(\d+): `/audit compare \1`", outcomes).group(1))
        worse_shown = said(engine, HEAD, f"compare {worse}")
        better = next(n for n, _, _ in reaudited(services)
                      if n != worse and ": improved" in said(engine, HEAD, f"compare {n}"))
        better_shown = said(engine, HEAD, f"compare {better}")
    case = dict((n, ref) for n, ref, _ in reaudited(services))[worse]
    assert re.search(rf"Audit #{worse} compared with audit #\d+, case {case}", worse_shown), worse_shown
    assert re.search(r"Grade of record: Requires improvement to be good → Inadequate"
                     r"(?: \(the auditor's grade, not yet moderated\))?: worse", worse_shown), worse_shown
    assert re.search(r"Grade of record: (Inadequate|Requires improvement to be good) → \w[\w ]*"
                     r"(?: \(the auditor's grade, not yet moderated\))?: improved",
                     better_shown), better_shown
    assert "Answers to the" in better_shown and "CR-" in better_shown


def test_reaudited_demo_cases_leave_the_overdue_list(services: Services, environ: dict[str, str],
                                                     engine: Engine) -> None:
    with time_machine.travel(TRIAL, tick=False):
        demo(environ)
        listed = all_pages(engine, HEAD, "reaudits")
    cases = [ref for _, ref, _ in reaudited(services)]
    assert len(cases) >= 5
    assert re.search(r"\d+ cases: [1-9]\d* overdue", listed)  # some are still overdue, to be shown
    assert [ref for ref in cases if f"{ref}: overdue" in listed] == []
    assert all(ref in listed for ref, grade in graded(services) if grade != "good" and grade != "outstanding")


def test_a_second_run_replaces_the_first_and_real_cases_get_no_invented_reaudit(
        services: Services, environ: dict[str, str], engine: Engine) -> None:
    real = AuditRows(services).audit(submitted=datetime(2026, 9, 14, 11, tzinfo=UTC), grade="inadequate")
    case = services.storage.db.execute("SELECT case_ref FROM audits WHERE id = ?", [real]).fetchone()[0]
    with time_machine.travel(TRIAL, tick=False):
        first = demo(environ, "--into-real-data")
        once = services.storage.db.execute("SELECT COUNT(*), COUNT(DISTINCT case_ref) FROM audits").fetchone()
        outcomes_once = said(engine, HEAD, "reaudits outcomes")
        again = demo(environ, "--into-real-data")
        outcomes_twice = said(engine, HEAD, "reaudits outcomes")
        listed = all_pages(engine, HEAD, "reaudits")
    added = int(re.search(r"Done: (\d+) audits", first.err).group(1))
    assert f"Replacing the {added} invented audits already there" in again.err
    assert services.storage.db.execute("SELECT COUNT(*), COUNT(DISTINCT case_ref) FROM audits").fetchone() == once
    assert TALLY.findall(outcomes_twice) == TALLY.findall(outcomes_once)
    assert f"{case}: overdue" in listed  # the real case is still waiting for its re-audit


def test_demo_moderations_are_mostly_accepted_leaving_the_last_few_days_to_try(services: Services,
                                                                               environ: dict[str, str],
                                                                               engine: Engine) -> None:
    """Trial 28: every demo moderation waited for its auditor's response, so a South manager's Home listed 13 audits
    under "Moderations waiting for your response". Those decided more than four days before the run are accepted."""
    with time_machine.travel(TRIAL, tick=False):
        demo(environ)
        waiting = said(engine, "U0MGRS001", "respond")
    rows = services.storage.db.execute(
        "SELECT m.response, m.decided_at >= ? FROM moderations m JOIN audits a ON a.id = m.audit_id "
        "WHERE a.demo != 0 AND m.decided_at IS NOT NULL",
        [utc_text(datetime(2026, 12, 1, 12, 0, tzinfo=UTC))]).fetchall()
    assert rows and all(response == "accepted" for response, recent in rows if not recent)
    assert all(response is None for response, recent in rows if recent)
    assert sum(response is None for response, _ in rows) < len(rows) / 4
    assert "waiting for your response" in waiting or "none is waiting" in waiting.lower()

"""Re-audits due: a case whose latest submitted audit has a grade of record the settings give an interval is due for
re-audit that many weeks after the audit's submission day (in the service's timezone) and overdue the day after; a
later submitted audit clears it, a draft is the re-audit under way, a cancelled audit counts for nothing. People see
it in `/audit reaudits` (and `reaudits` typed), the Home tab, the weekly digest and the heads-up when an audit of the
case starts, each by the rules of `/audit list`.

Every test that depends on the date pins the clock (time_machine, tick=False), so the suite passes on any day,
including under AUDITBOT_TEST_NOW."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.digests.digest import build_team_digests
from bot.digests.render import team_text
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from bot.storage.common import utc_text
from bot.storage.demo_data import insert_audits, next_audit_id, snapshot_checklist
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderated_grade import NEXT_WEEK, moderate_inadequate
from tests.integration.test_wording import submitted_audit
from tests.support.digest_rows import CHECKLIST

LONDON = ZoneInfo("Europe/London")
NORTH_MANAGER, SOUTH_MANAGER, QA, ADMIN = "U0MGRN001", "U0MGRS001", "U0QALEAD1", "U0ADMIN01"
NORTH_WORKER, OTHER_NORTH_WORKER, SOUTH_WORKER, CARE_WORKER = "U0PRAN001", "U0PRAN002", "U0PRAS001", "U0PRAC001"
# Monday 1 March 2027, 10:00: an Inadequate audit submitted then is due by Monday 12 April 2027 (6 weeks).
SUBMITTED = datetime(2027, 3, 1, 10, 0, tzinfo=LONDON)
# a re-audit no moderator has decided yet, said so in the digest and Home (fix74b B3)
UNMODERATED_ONE = "1 improved on the auditor's grade, not yet moderated"


class Cases:
    """Audits of named cases written straight into the schema, moderated through the moderations table so the
    database's own trigger sets the grade of record, as a moderator's decision does."""

    def __init__(self, services: Services) -> None:
        self.storage = services.storage
        self.hash = snapshot_checklist(self.storage, CHECKLIST, datetime(2026, 1, 1, tzinfo=UTC))

    def audit(self, case: str, grade: str | None, submitted: datetime | None, status: str = "submitted",
              team: str = "north-assessment", auditor: str = NORTH_MANAGER, worker: str = NORTH_WORKER,
              started: datetime | None = None, moderated: str | None = None) -> int:
        audit_id = next_audit_id(self.storage)
        begun = started or submitted or SUBMITTED
        row = (audit_id, "case-audit", self.hash, case, auditor, worker, team,
               "moderated" if moderated else status, "done" if submitted else "question:plan-smart", grade,
               utc_text(begun), utc_text(submitted or begun), utc_text(submitted) if submitted else None, None)
        decision = ([(audit_id, QA, utc_text(submitted), utc_text(submitted + timedelta(days=1)),
                      int(moderated == grade), moderated, "Evidence is thin.")]
                    if moderated and submitted else [])
        insert_audits(self.storage, [row], [], [], decision)
        return audit_id


@pytest.fixture
def cases(services: Services) -> Cases:
    return Cases(services)


def text(replies: list[Reply]) -> str:
    return " ".join(" ".join(r.text.split()) for r in replies)


def reaudits(engine: Engine, user: str = NORTH_MANAGER, args: str = "") -> str:
    return text(engine.command(user, f"reaudits {args}".strip(), surface="terminal"))


def at(moment: datetime) -> time_machine.travel:
    return time_machine.travel(moment, tick=False)


# -- when it is due, and when overdue --------------------------------------------------------------------------

@pytest.mark.parametrize(("now", "shown"), [
    (datetime(2027, 4, 11, 12, 0, tzinfo=LONDON), "CR-100001: due by Monday 12 April 2027"),
    (datetime(2027, 4, 12, 0, 1, tzinfo=LONDON), "CR-100001: due by Monday 12 April 2027"),
    (datetime(2027, 4, 12, 23, 59, tzinfo=LONDON), "CR-100001: due by Monday 12 April 2027"),
    (datetime(2027, 4, 13, 0, 1, tzinfo=LONDON), "CR-100001: **overdue** (due by Monday 12 April 2027)"),
])
def test_due_by_the_day_six_weeks_after_an_inadequate_and_overdue_from_the_day_after(
        engine: Engine, cases: Cases, now: datetime, shown: str) -> None:
    audit_id = cases.audit("CR-100001", "inadequate", SUBMITTED)
    with at(now):
        listing = reaudits(engine)
    assert f"{shown} · last audit #{audit_id}, Inadequate, by Team manager (North)" in listing
    assert ("1 overdue" if now.date().day == 13 else "0 overdue") in listing


def test_requires_improvement_is_due_12_weeks_on_and_good_or_outstanding_never(engine: Engine,
                                                                               cases: Cases) -> None:
    cases.audit("CR-100002", "requires_improvement", SUBMITTED)
    cases.audit("CR-100003", "good", SUBMITTED)
    cases.audit("CR-100004", "outstanding", SUBMITTED)
    with at(SUBMITTED + timedelta(days=1)):
        listing = reaudits(engine)
    assert "CR-100002: due by Monday 24 May 2027" in listing and "Requires improvement to be good" in listing
    assert "CR-100003" not in listing and "CR-100004" not in listing
    assert "1 case: 0 overdue, 0 due in the next 2 weeks, 0 under way" in listing


def test_a_submission_just_after_midnight_in_summer_time_counts_from_that_day(engine: Engine, cases: Cases) -> None:
    """An audit submitted at 00:30 on Friday 29 October 2027 (23:30 on Thursday in UTC, summer time) counts from the
    Friday the auditor saw; one at 23:45 on the Thursday from the Thursday. Both are due in December, after the
    clocks went back."""
    cases.audit("CR-100010", "inadequate", datetime(2027, 10, 28, 23, 45, tzinfo=LONDON))
    cases.audit("CR-100011", "inadequate", datetime(2027, 10, 29, 0, 30, tzinfo=LONDON))
    assert datetime(2027, 10, 29, 0, 30, tzinfo=LONDON).astimezone(UTC).day == 28
    with at(datetime(2027, 12, 9, 23, 30, tzinfo=LONDON)):  # Thursday evening, GMT by now
        thursday = reaudits(engine)
    with at(datetime(2027, 12, 10, 0, 0, 30, tzinfo=LONDON)):
        friday = reaudits(engine)
    assert "CR-100010: due by Thursday 9 December 2027" in thursday
    assert "CR-100011: due by Friday 10 December 2027" in thursday and "0 overdue" in thursday
    assert "CR-100010: **overdue** (due by Thursday 9 December 2027)" in friday and "1 overdue" in friday


@pytest.mark.parametrize(("submitted", "due", "not_yet", "overdue_on"), [
    # six weeks after a Saturday or a Sunday is a weekend: due on the Monday, overdue only on the Tuesday
    (datetime(2027, 10, 30, 23, 45, tzinfo=LONDON), "Monday 13 December 2027", date(2027, 12, 13), date(2027, 12, 14)),
    (datetime(2027, 10, 31, 0, 30, tzinfo=LONDON), "Monday 13 December 2027", date(2027, 12, 13), date(2027, 12, 14)),
    # six weeks after Monday 15 February 2027 is Easter Monday: due on the Tuesday
    (datetime(2027, 2, 15, 10, 0, tzinfo=LONDON), "Tuesday 30 March 2027", date(2027, 3, 30), date(2027, 3, 31)),
    # six weeks after Monday 15 November 2027 is Christmas week: Monday 27 and Tuesday 28 December are bank holidays
    (datetime(2027, 11, 15, 10, 0, tzinfo=LONDON), "Wednesday 29 December 2027", date(2027, 12, 29),
     date(2027, 12, 30)),
])
def test_a_due_date_on_a_weekend_or_bank_holiday_moves_to_the_next_working_day(
        engine: Engine, services: Services, cases: Cases, submitted: datetime, due: str, not_yet: date,
        overdue_on: date) -> None:
    """A re-audit is work done on a working day: `/audit reaudits`, the Home tab and the heads-up at the start of
    the re-audit all give the working day, and it is overdue only after that day."""
    cases.audit("CR-100012", "inadequate", submitted)
    with at(datetime.combine(not_yet, datetime.min.time(), LONDON) + timedelta(hours=17)):
        on_the_day = reaudits(engine)
        home = {s.title: s for s in home_sections(engine, services, NORTH_MANAGER)}["Re-audits due"].text
    with at(datetime.combine(overdue_on, datetime.min.time(), LONDON) + timedelta(hours=9)):
        after = reaudits(engine)
        said = start_audit_of(engine, "CR-100012")
    assert f"CR-100012: due by {due} ·" in on_the_day and "0 overdue" in on_the_day
    assert f"due by {due}" in " ".join(home.split()) and "overdue" not in home.split("CR-100012")[1].split("\n")[0]
    assert f"CR-100012: **overdue** (due by {due})" in after and "1 overdue" in after
    assert f"This is the re-audit of CR-100012, **overdue**: it was due by {due}" in said


def test_overdue_first_then_soonest_due(engine: Engine, cases: Cases) -> None:
    later = cases.audit("CR-100020", "inadequate", SUBMITTED + timedelta(days=20))
    overdue = cases.audit("CR-100021", "requires_improvement", SUBMITTED - timedelta(weeks=13))
    sooner = cases.audit("CR-100022", "inadequate", SUBMITTED)
    with at(SUBMITTED + timedelta(days=1)):
        [listing] = engine.command(NORTH_MANAGER, "reaudits", surface="terminal")
    assert [c.value for c in listing.choices if c.action == "audit.view"] == [str(overdue), str(sooner), str(later)]
    assert listing.text.index("CR-100021") < listing.text.index("CR-100022") < listing.text.index("CR-100020")


# -- what changes what is due -------------------------------------------------------------------------------

def test_a_moderators_inadequate_makes_a_good_audit_due_for_reaudit(engine: Engine, services: Services) -> None:
    """Through the real audit and moderation: the auditor grades Good (nothing due), the moderator Inadequate."""
    with at(datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)):
        audit_id = submitted_audit(engine, services, NORTH_MANAGER)
        assert "No re-audits due" in reaudits(engine)
        moderate_inadequate(engine, audit_id)
    with at(NEXT_WEEK):
        listing = reaudits(engine)
    assert (f"CR-100200: due by Wednesday 13 January 2027 · last audit #{audit_id}, Inadequate after moderation "
            "(auditor: Good)") in listing


def test_a_regrade_at_a_late_moderation_counts_from_the_moderation(engine: Engine, services: Services) -> None:
    """Trial 23: moderated Inadequate today, an audit submitted weeks ago was overdue for re-audit at once."""
    with at(datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)):
        audit_id = submitted_audit(engine, services, NORTH_MANAGER)
    with at(datetime(2027, 1, 20, 10, 0, tzinfo=LONDON)):  # seven weeks on
        moderate_inadequate(engine, audit_id)
        listing = reaudits(engine)
    assert f"CR-100200: due by Wednesday 3 March 2027 · last audit #{audit_id}, Inadequate after moderation" in listing
    assert "overdue" not in listing.split("CR-100200")[1].split("\n")[0]


def test_a_moderators_regrade_moves_or_clears_the_due_date(engine: Engine, cases: Cases) -> None:
    cases.audit("CR-100030", "inadequate", SUBMITTED, moderated="requires_improvement")
    cases.audit("CR-100031", "inadequate", SUBMITTED, moderated="good")
    cases.audit("CR-100032", "inadequate", SUBMITTED, moderated="inadequate")
    with at(SUBMITTED + timedelta(days=2)):
        listing = reaudits(engine)
    assert "CR-100030: due by Monday 24 May 2027" in listing  # 12 weeks, not 6
    assert "CR-100031" not in listing
    assert "CR-100032: due by Monday 12 April 2027" in listing


def test_a_later_submitted_audit_clears_the_reaudit_or_sets_a_new_one(engine: Engine, cases: Cases) -> None:
    cases.audit("CR-100040", "inadequate", SUBMITTED)
    cases.audit("CR-100040", "good", SUBMITTED + timedelta(weeks=5))
    cases.audit("CR-100041", "inadequate", SUBMITTED)
    again = cases.audit("CR-100041", "requires_improvement", SUBMITTED + timedelta(weeks=7))
    with at(SUBMITTED + timedelta(weeks=8)):
        listing = reaudits(engine)
    assert "CR-100040" not in listing
    assert f"CR-100041: due by Monday 12 July 2027 · last audit #{again}" in listing


def test_a_draft_started_since_is_the_reaudit_under_way_and_a_cancelled_one_counts_for_nothing(
        engine: Engine, cases: Cases) -> None:
    cases.audit("CR-100050", "inadequate", SUBMITTED)
    draft = cases.audit("CR-100050", None, None, status="draft", started=SUBMITTED + timedelta(weeks=7))
    cases.audit("CR-100051", "inadequate", SUBMITTED)
    cases.audit("CR-100051", "good", None, status="cancelled", started=SUBMITTED + timedelta(weeks=2))
    cases.audit("CR-100052", "inadequate", None, status="cancelled", started=SUBMITTED)
    cases.audit("CR-100053", "inadequate", SUBMITTED)
    cases.audit("CR-100053", None, None, status="draft", started=SUBMITTED - timedelta(days=3))  # abandoned before
    with at(SUBMITTED + timedelta(weeks=8)):
        listing = reaudits(engine)
    assert f"CR-100050: **overdue** (due by Monday 12 April 2027), re-audit under way (#{draft})" in listing
    assert "CR-100051: **overdue** (due by Monday 12 April 2027) · last audit" in listing
    assert "CR-100052" not in listing
    assert "CR-100053: **overdue** (due by Monday 12 April 2027) · last audit" in listing
    assert "3 cases: 3 overdue, 0 due in the next 2 weeks, 1 under way" in listing


# -- who sees what ------------------------------------------------------------------------------------------

@pytest.fixture
def two_teams(cases: Cases) -> Iterator[tuple[int, int]]:
    north = cases.audit("CR-100060", "inadequate", SUBMITTED)
    south = cases.audit("CR-100061", "inadequate", SUBMITTED, team="south-cin-cp", auditor=SOUTH_MANAGER,
                        worker=SOUTH_WORKER)
    with at(SUBMITTED + timedelta(days=1)):
        yield north, south


@pytest.mark.parametrize(("user", "args", "sees"), [
    (NORTH_MANAGER, "", {"CR-100060"}),
    (NORTH_MANAGER, "team", {"CR-100060"}),
    (SOUTH_MANAGER, "", {"CR-100061"}),
    (QA, "", {"CR-100060", "CR-100061"}),
    (QA, "team north-assessment", {"CR-100060"}),
    (ADMIN, "team", {"CR-100060", "CR-100061"}),
    (NORTH_WORKER, "", {"CR-100060"}),
    (SOUTH_WORKER, "mine", {"CR-100061"}),
    (OTHER_NORTH_WORKER, "", set()),
    (CARE_WORKER, "", set()),
])
def test_each_person_sees_the_reaudits_of_the_cases_they_may_list(engine: Engine, two_teams: tuple[int, int],
                                                                  user: str, args: str, sees: set[str]) -> None:
    listing = reaudits(engine, user, args)
    assert {case for case in ("CR-100060", "CR-100061") if case in listing} == sees
    if not sees:
        assert "No re-audits due" in listing
    if user in (NORTH_WORKER, OTHER_NORTH_WORKER, CARE_WORKER) and not args:  # a practitioner has no teams to list
        assert "your cases" in listing and "your teams' cases" not in listing


@pytest.mark.parametrize(("user", "args", "refusal"), [
    (NORTH_MANAGER, "team south-cin-cp", "You can see the re-audits of your own teams only: `north-assessment`."),
    (NORTH_WORKER, "team", "`/audit reaudits team` is for team managers, QA leads and admins."),
    (QA, "team nowhere", "There is no team `nowhere`."),
    (QA, "everything please", "Type `/audit reaudits` for the re-audits due that you can see"),
])
def test_a_team_you_may_not_read_is_refused_with_what_you_can_ask(engine: Engine, two_teams: tuple[int, int],
                                                                  user: str, args: str, refusal: str) -> None:
    [reply] = engine.command(user, f"reaudits {args}", surface="terminal")
    assert reply.kind == "error" and refusal in reply.text
    assert "CR-1000" not in reply.text


def test_typed_reaudits_in_the_chat_and_help_lists_the_command(engine: Engine, two_teams: tuple[int, int]) -> None:
    _, out = drive(engine, ["reaudits", "re-audits due", "help"])
    flat = " ".join(out.split())
    assert flat.count("Re-audits due in your teams' cases, your audits and your cases") == 2 and "CR-100060" in flat
    assert ("/audit reaudits [outcomes [this quarter | <month> | q3]] [mine|team [team id]] [page N] — re-audits "
            "due and overdue") in flat


@pytest.mark.parametrize(("typed", "sees"), [
    ("show me overdue reaudits for south", {"CR-100061"}),  # trial 23: a confident answer about homeless teenagers
    ("which reaudits are overdue", {"CR-100060", "CR-100061"}),  # trial 23: the article on the rule
    ("what re-audits are due in north?", {"CR-100060"}),
    ("list the reaudits for the north team", {"CR-100060"}),
])
def test_the_list_asked_for_in_words_is_given_for_the_team_named(engine: Engine, services: Services,
                                                                 two_teams: tuple[int, int], typed: str,
                                                                 sees: set[str]) -> None:
    _, out = drive(engine, [typed], user=ADMIN)
    flat = " ".join(out.split())
    assert {case for case in ("CR-100060", "CR-100061") if case in flat} == sees
    assert "==" not in out  # no knowledge-base article
    assert services.storage.db.execute("SELECT count(*) FROM kb_asks").fetchone()[0] == 0


def test_the_home_tab_shows_re_audits_due_to_managers_and_leaders_only(engine: Engine, services: Services,
                                                                       two_teams: tuple[int, int]) -> None:
    north = {s.title: s for s in home_sections(engine, services, NORTH_MANAGER)}["Re-audits due"]
    assert "0 cases overdue or due in the next 2 weeks" in north.text
    assert "CR-100060" in north.text and "CR-100061" not in north.text
    qa = {s.title: s for s in home_sections(engine, services, QA)}["Re-audits due"]
    assert "CR-100060" in qa.text and "CR-100061" in qa.text
    assert "Re-audits due" not in {s.title for s in home_sections(engine, services, NORTH_WORKER)}
    _, out = drive(engine, ["/audit home"], user=SOUTH_MANAGER)
    assert "== Re-audits due ==" in out and "CR-100061" in out


# -- the weekly digest --------------------------------------------------------------------------------------

def test_the_digest_counts_the_teams_reaudits_due_in_the_next_2_weeks_and_overdue(engine: Engine,
                                                                                  cases: Cases) -> None:
    monday = datetime(2027, 4, 12, 9, 0, tzinfo=LONDON)
    cases.audit("CR-100070", "inadequate", monday - timedelta(weeks=7))  # overdue since 5 April
    cases.audit("CR-100071", "inadequate", monday - timedelta(weeks=6))  # due today
    cases.audit("CR-100072", "inadequate", monday - timedelta(weeks=4, days=3))  # due Friday 23 April: in 2 weeks
    cases.audit("CR-100073", "inadequate", monday - timedelta(weeks=4))  # due Monday 26 April: not yet
    cases.audit("CR-100076", "inadequate", monday - timedelta(weeks=4, days=1))  # Sunday 25 April: Monday 26, not yet
    cases.audit("CR-100074", "inadequate", monday - timedelta(weeks=9), team="south-cin-cp", auditor=SOUTH_MANAGER,
                worker=SOUTH_WORKER)
    cases.audit("CR-100075", "inadequate", monday - timedelta(weeks=9))
    cases.audit("CR-100075", "good", monday - timedelta(weeks=1))  # re-audited: cleared
    with at(monday):
        north = text(engine.command(NORTH_MANAGER, "digest", surface="terminal"))
        south = text(engine.command(SOUTH_MANAGER, "digest", surface="terminal"))
    assert (f"**Re-audits**: 1 ({UNMODERATED_ONE}) done in week 14; 2 due in the next 2 weeks, 1 overdue (as at "
            "the end of Sunday 11 Apr)") in north
    assert "**Re-audits**: 0 done in week 14; 0 due in the next 2 weeks, 1 overdue" in south
    assert "CR-1000" not in north  # a digest may be posted in a team channel: counts only
    with at(monday):
        service = text(engine.command(QA, "digest", surface="terminal"))
    # every team's, for senior leaders
    assert f"**Re-audits**: 1 ({UNMODERATED_ONE}) done in week 14; 2 due in the next 2 weeks, 2 overdue" in service


def test_a_past_weeks_digest_counts_the_reaudits_as_they_stood_at_its_end(services: Services,
                                                                          cases: Cases) -> None:
    monday = datetime(2027, 4, 12, 9, 0, tzinfo=LONDON)
    cases.audit("CR-100080", "inadequate", monday - timedelta(weeks=8))  # due by Monday 29 March
    cases.audit("CR-100080", "good", monday - timedelta(days=3))  # re-audited on Friday 9 April
    with at(monday):
        [last_week] = build_team_digests(services, date(2027, 4, 5), ["north-assessment"])
        [week_before] = build_team_digests(services, date(2027, 3, 29), ["north-assessment"])
    # each as at its week's end, which it says: Home's "Re-audits due" is today's (trial 20)
    assert (f"**Re-audits**: 1 ({UNMODERATED_ONE}) done in week 14; 0 due in the next 2 weeks, 0 overdue (as at "
            "the end of Sunday 11 Apr)") in team_text(last_week)
    assert "**Overdue actions** (as at the end of Sunday 11 Apr): 0" in team_text(last_week)
    assert ("**Re-audits**: 0 done in week 13; 0 due in the next 2 weeks, 1 overdue (as at the end of Sunday 4 Apr)"
            in team_text(week_before))


def test_the_digest_and_the_service_picture_say_what_the_weeks_reaudits_found(engine: Engine, services: Services,
                                                                              cases: Cases) -> None:
    """Trial 15 F4: a re-audit (Inadequate, moderated agreed, then Good) showed nowhere a leader looks. A re-audit
    whose only difference is the earlier audit's moderation is not counted as improved (F15's rule)."""
    week = datetime(2027, 6, 28, 9, 0, tzinfo=LONDON)  # Monday 28 June: the week runs into July
    cases.audit("CR-200001", "inadequate", datetime(2027, 4, 29, 10, 0, tzinfo=LONDON), moderated="inadequate")
    cases.audit("CR-200001", "good", week + timedelta(days=3))  # Thursday 1 July
    cases.audit("CR-200002", "good", datetime(2027, 4, 28, 10, 0, tzinfo=LONDON), moderated="requires_improvement")
    cases.audit("CR-200002", "good", week + timedelta(days=2))  # the same grade; only the earlier one moderated
    cases.audit("CR-200003", "good", week + timedelta(days=1))  # a first audit: no re-audit
    with at(week + timedelta(weeks=1, minutes=50)):
        north = text(engine.command(NORTH_MANAGER, "digest", surface="terminal"))
        service = text(engine.command(ADMIN, "digest", surface="terminal"))
    done = (f"**Re-audits**: 2 ({UNMODERATED_ONE}; 1 not like for like (`/audit compare` says why)) done in "
            "week 26;")
    assert done in north and done in service
    assert "3 in week 26 · 2 in June (month ended; this week's 1 Jul to 4 Jul 2027 count in July)." in north
    with at(week + timedelta(days=4)):
        picture = {s.title: s for s in home_sections(engine, services, ADMIN)}["Whole service"]
    assert ("Re-audits done this week so far",
            f"2 ({UNMODERATED_ONE}; 1 not like for like (`/audit compare` says why))") in picture.fields


# -- the heads-up when the re-audit starts ------------------------------------------------------------------

def start_audit_of(engine: Engine, reference: str) -> str:
    engine.command(NORTH_MANAGER, "start early help", surface="terminal")
    return text(engine.message(NORTH_MANAGER, reference, surface="terminal"))


def test_starting_an_audit_of_a_case_due_for_reaudit_says_it_is_the_reaudit_and_by_when(engine: Engine,
                                                                                         cases: Cases) -> None:
    earlier = cases.audit("CR-100090", "inadequate", SUBMITTED)
    with at(SUBMITTED + timedelta(weeks=3)):
        said = start_audit_of(engine, "cr100090")
        listing = reaudits(engine)
    assert "Heads up: CR-100090 has been audited in the last 12 months" in said
    assert (f"This is the re-audit of CR-100090, due by Monday 12 April 2027 (audit #{earlier} was graded "
            "Inadequate).") in said
    assert "duplicate" not in said  # trial 11: the re-audit it announced was told to cancel "if a duplicate"
    assert "re-audit under way" in listing


def test_a_second_start_of_a_case_due_for_reaudit_is_still_asked_whether_it_is_a_duplicate(engine: Engine,
                                                                                          cases: Cases) -> None:
    cases.audit("CR-100093", "inadequate", SUBMITTED)
    with at(SUBMITTED + timedelta(weeks=3)):
        start_audit_of(engine, "CR-100093")
        engine.message(NORTH_MANAGER, "pause", surface="terminal")
        said = start_audit_of(engine, "CR-100093")  # the re-audit is already under way in the first draft
    assert "This is the re-audit of CR-100093" in said and "cancel if this is a duplicate" in said


def test_starting_an_overdue_reaudit_says_it_is_overdue(engine: Engine, cases: Cases) -> None:
    cases.audit("CR-100091", "requires_improvement", SUBMITTED - timedelta(weeks=60))  # over a year ago
    with at(SUBMITTED):
        said = start_audit_of(engine, "CR-100091")
    assert "has been audited in the last 12 months" not in said
    assert "This is the re-audit of CR-100091, **overdue**: it was due by Monday 30 March 2026" in said


def test_starting_an_audit_of_a_case_graded_good_says_nothing_of_a_reaudit(engine: Engine, cases: Cases) -> None:
    cases.audit("CR-100092", "good", SUBMITTED)
    with at(SUBMITTED + timedelta(weeks=3)):
        said = start_audit_of(engine, "CR-100092")
    assert "Heads up: CR-100092 has been audited" in said and "re-audit" not in said

"""Audit campaigns without Slack or a database: the checks on a new campaign, allocation (balance, peer and
independence), the moderation sample, the report's figures on known data, and the CSV of case references."""

from __future__ import annotations

import functools
import random
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.campaigns.allocate import allocate
from bot.campaigns.casefile import parse_cases_csv
from bot.campaigns.model import Allocation, Campaign, CampaignSpec, CaseItem, check_spec, parse_share
from bot.campaigns.render import report_reply
from bot.campaigns.report import build_report
from bot.campaigns.sample import Submitted, draw, sample_size
from bot.core import policy
from bot.errors import UserError
from bot.privacy.screen import Screen
from bot.settings.people import Directory
from bot.settings.teams_file import parse_directory
from knowledge.checklist_schema import Checklist

PATTERN = re.compile(r"^[A-Z]{2,4}-?[0-9]{4,10}$", re.IGNORECASE)
CHECKLISTS = frozenset({"neglect", "child-protection-plan"})


def teams_directory(teams: int, workers: int, managers: int = 1) -> Directory:
    """`teams` teams of `managers` managers and `workers` practitioners, plus a QA lead outside any team."""
    data = {"people": [{"user": "U0QALEAD1", "name": "QA lead", "role": "qa_lead"}], "teams": [
        {"id": f"team-{t}", "name": f"Team {t}", "members": [
            *({"user": f"U0M{t:03d}{m}", "name": f"Manager {t}.{m}", "role": "manager"} for m in range(managers)),
            *({"user": f"U0W{t:03d}{w:02d}", "name": f"Worker {t}.{w}", "role": "practitioner"}
              for w in range(workers))]} for t in range(teams)]}
    return parse_directory(data, Path("teams.yaml"))


def spec(**changes: object) -> CampaignSpec:
    values: dict = {"name": "Neglect December", "theme": "neglect", "checklist_id": "neglect",
                    "teams": ("team-0", "team-1"), "starts_on": date(2026, 12, 1), "deadline": date(2026, 12, 18),
                    "auditors": "managers", "moderation_share": 20, "per_worker": 2}
    values.update(changes)
    return CampaignSpec(**values)


# -- the checks on a new campaign: one clear message each ----------------------------------------------------

@pytest.mark.parametrize(("changes", "message"), [
    ({"name": "  "}, "Give the campaign a name"),
    ({"name": "Audit of Kayden Smith"}, "I can't store that campaign name"),
    ({"theme": ""}, "Give the campaign a theme"),
    ({"checklist_id": "nope"}, "There is no checklist called 'nope'"),
    ({"teams": ()}, "Choose at least one team"),
    ({"teams": ("team-0", "west")}, "There is no team 'west' in teams.yaml"),
    ({"teams": ("team-0", "team-0")}, "A team is listed twice"),
    ({"starts_on": date(2026, 12, 19)}, "the start must be on or before the deadline"),
    ({"auditors": "everyone"}, "Who audits must be `managers`"),
    ({"per_worker": None}, "Give either how many cases per worker"),
    ({"per_worker": 21}, "Cases per worker must be a whole number from 1 to 20"),
    ({"per_worker": 0}, "Cases per worker must be a whole number from 1 to 20"),
    ({"cases": (CaseItem("CR-123456", "U0W00000", "team-0"),)}, "not both and not neither"),
])
def test_each_mistake_in_a_new_campaign_gets_one_clear_message(identifier_screen: Screen, changes: dict,
                                                               message: str) -> None:
    with pytest.raises(UserError, match=re.escape(message)):
        check_spec(spec(**changes), CHECKLISTS, {"team-0", "team-1"}, identifier_screen)


def test_a_start_after_a_deadline_already_past_gets_both_mistakes_at_once(identifier_screen: Screen) -> None:
    """Trial 48 (F13): `start=1/12/2026 deadline=1/11/2026` on 6 Dec said the start was after the deadline and an
    unknown team, and only the next try said the deadline had passed."""
    wrong = spec(teams=("team-0", "west"), starts_on=date(2026, 12, 1), deadline=date(2026, 11, 1))
    with pytest.raises(UserError) as refused:
        check_spec(wrong, CHECKLISTS, {"team-0", "team-1"}, identifier_screen, today=date(2026, 12, 6))
    said = str(refused.value)
    assert said.startswith("Please fix these 3 things:\n")
    assert "• There is no team 'west' in teams.yaml" in said
    assert "• The campaign starts on 1 Dec 2026, after its deadline 1 Nov 2026" in said
    assert "• The deadline 1 Nov 2026 has passed (today is 6 Dec 2026): give a deadline from today on." in said


def test_a_sound_campaign_passes_with_its_words_tidied(identifier_screen: Screen) -> None:
    checked = check_spec(spec(name="  Neglect   December "), CHECKLISTS, {"team-0", "team-1"}, identifier_screen)
    assert checked.name == "Neglect December"


@pytest.mark.parametrize(("text", "share"), [("0", 0), ("20%", 20), ("100", 100)])
def test_moderation_share_reads_whole_percentages(text: str, share: int) -> None:
    assert parse_share(text) == share


@pytest.mark.parametrize("text", ["101", "-1", "12.5", "half", ""])
def test_moderation_share_outside_0_to_100_is_refused(text: str) -> None:
    with pytest.raises(UserError, match="from 0 to 100"):
        parse_share(text)


# -- allocation ----------------------------------------------------------------------------------------------

def test_managers_audit_their_own_teams_and_never_their_own_case() -> None:
    directory = teams_directory(3, 4, managers=2)
    result = allocate(spec(teams=("team-0", "team-1", "team-2")), directory, "U0QALEAD1")
    assert len(result) == 3 * 4 * 2
    for item in result:
        assert item.auditor_id in directory.teams[item.case.team_id].manager_ids
        assert item.auditor_id != item.case.worker_id
    managers = [m for t in range(3) for m in directory.teams[f"team-{t}"].manager_ids]
    loads = [sum(1 for r in result if r.auditor_id == m) for m in managers]
    assert max(loads) - min(loads) <= 1


def test_peer_auditors_come_from_other_teams_and_are_balanced() -> None:
    directory = teams_directory(5, 8)
    result = allocate(spec(teams=tuple(f"team-{t}" for t in range(5)), auditors="peer"), directory, "U0QALEAD1")
    for item in result:
        auditor = directory.person(item.auditor_id)
        assert auditor is not None and item.case.team_id not in auditor.team_ids
    loads = {}
    for item in result:
        loads[item.auditor_id] = loads.get(item.auditor_id, 0) + 1
    assert len(loads) == 5 and max(loads.values()) - min(loads.values()) <= 1


def test_allocation_is_deterministic() -> None:
    directory = teams_directory(4, 3)
    chosen = spec(teams=("team-0", "team-1", "team-2", "team-3"), auditors="peer", per_worker=3)
    assert allocate(chosen, directory, "U0QALEAD1") == allocate(chosen, directory, "U0QALEAD1")


def test_the_organiser_never_audits_in_their_own_campaign() -> None:
    directory = teams_directory(2, 2, managers=2)
    result = allocate(spec(), directory, "U0M0000")
    assert {r.auditor_id for r in result} == {"U0M0001", "U0M0010", "U0M0011"}


def test_peer_audits_of_one_team_are_refused_with_how_to_fix_it() -> None:
    with pytest.raises(UserError, match="peer audits need managers in at least two of the chosen teams"):
        allocate(spec(teams=("team-0",), auditors="peer"), teams_directory(2, 2), "U0QALEAD1")


def test_a_team_whose_only_manager_organises_has_nobody_to_audit_it() -> None:
    with pytest.raises(UserError, match="Team 'team-0' has no manager who may audit its cases"):
        allocate(spec(), teams_directory(2, 2), "U0M0000")


def test_cases_from_a_file_go_to_their_workers_teams() -> None:
    directory = teams_directory(2, 2)
    cases = (CaseItem("CR-100001", "U0W00000", "team-0"), CaseItem("CR-100002", "U0W00101", "team-1"))
    result = allocate(spec(per_worker=None, cases=cases, auditors="peer"), directory, "U0QALEAD1")
    assert [(r.case.case_ref, r.auditor_id) for r in result] == [("CR-100001", "U0M0010"), ("CR-100002", "U0M0000")]


@pytest.mark.parametrize(("mode", "worker", "team", "auditor", "organiser", "allowed"), [
    ("managers", "U0W00000", "team-0", "U0M0000", "U0QALEAD1", True),
    ("managers", "U0W00000", "team-0", "U0M0010", "U0QALEAD1", False),   # another team's manager
    ("managers", "U0W00000", "team-0", "U0M0000", "U0M0000", False),     # the organiser
    ("managers", "U0W00000", "team-0", "U0W00000", "U0QALEAD1", False),  # the worker's own case
    ("peer", "U0W00000", "team-0", "U0M0010", "U0QALEAD1", True),
    ("peer", "U0W00000", "team-0", "U0M0000", "U0QALEAD1", False),       # same team
    ("peer", "U0W00000", "team-0", "U0W00100", "U0QALEAD1", False),      # a practitioner
    ("peer", "U0W00000", "team-0", "U0NOBODY1", "U0QALEAD1", False),     # not in teams.yaml
])
def test_who_may_audit_in_a_campaign(mode: str, worker: str, team: str, auditor: str, organiser: str,
                                     allowed: bool) -> None:
    assert policy.may_audit_in_campaign(teams_directory(2, 2), mode, worker, team, auditor, organiser) is allowed


def test_only_qa_leads_admins_and_the_operator_run_campaigns() -> None:
    directory = teams_directory(1, 1)
    assert policy.may_run_campaigns(None)
    assert policy.may_run_campaigns(directory.person("U0QALEAD1"))
    assert not policy.may_run_campaigns(directory.person("U0M0000"))
    assert not policy.may_run_campaigns(directory.person("U0W00000"))
    assert policy.may_see_campaign(directory, directory.person("U0M0000"), ("team-0",))
    assert not policy.may_see_campaign(directory, directory.person("U0M0000"), ("team-1",))
    assert not policy.may_see_campaign(directory, directory.person("U0W00000"), ("team-0",))


# -- the moderation sample -----------------------------------------------------------------------------------

def test_the_sample_takes_the_share_and_every_inadequate_audit() -> None:
    submitted = [Submitted(n, 100 + n, "inadequate" if n in (3, 7, 11) else "good") for n in range(20)]
    chosen = draw(submitted, 25, random.Random(4))
    assert len(chosen) == sample_size(20, 25) == 5
    assert {3, 7, 11} <= {s.allocation_id for s in chosen}
    assert draw(submitted, 25, random.Random(4)) == chosen  # the same seed, the same sample


def test_inadequate_audits_are_sampled_even_at_a_zero_share() -> None:
    submitted = [Submitted(1, 11, "inadequate"), Submitted(2, 12, "good"), Submitted(3, 13, "inadequate")]
    assert [s.audit_id for s in draw(submitted, 0, random.Random(1))] == [11, 13]


@settings(deadline=None)
@given(st.lists(st.sampled_from(["outstanding", "good", "requires_improvement", "inadequate", None]), max_size=60),
       st.integers(0, 100), st.integers(0, 10**6))
def test_the_sample_is_never_short_and_never_drops_an_inadequate(grades: list, share: int, seed: int) -> None:
    submitted = [Submitted(n, n, g) for n, g in enumerate(grades)]
    chosen = draw(submitted, share, random.Random(seed))
    assert {s.audit_id for s in submitted if s.grade == "inadequate"} <= {s.audit_id for s in chosen}
    assert len(chosen) == max(sample_size(len(grades), share), sum(g == "inadequate" for g in grades))


# -- the report's figures on known data ----------------------------------------------------------------------

CHECKLIST = Checklist.from_content({"id": "neglect", "title": "Neglect", "sections": [
    {"id": "practice", "title": "Practice", "questions": [
    {"id": "seen", "text": "Was the child seen alone?", "type": "yes_no"},
    {"id": "plan", "text": "Is there a SMART plan?", "type": "yes_no"},
    {"id": "quality", "text": "Quality of assessment", "type": "scale"}]}]})
CAMPAIGN = Campaign(1, "Neglect December", "neglect", "neglect", ("north", "south"), date(2026, 12, 1),
                    date(2026, 12, 18), 2, "peer", 50, "open", "U0QALEAD1", "2026-12-01T09:00:00+00:00")


def allocation(n: int, team: str, auditor: str, status: str | None, submitted: bool,
               sampled: bool = False) -> Allocation:
    return Allocation(n, 1, None, f"U0W{n:05d}", team, auditor, "started" if status else "allocated",
                      audit_id=n if status else None, sampled=sampled, audit_status=status,
                      submitted_at="2026-12-05T10:00:00+00:00" if submitted else None)


def test_report_figures_match_known_rows() -> None:
    allocations = [allocation(1, "north", "U0MGRS001", "submitted", True, sampled=True),
                   allocation(2, "north", "U0MGRS001", "moderated", True),
                   allocation(3, "north", "U0MGRS001", "draft", False),
                   allocation(4, "south", "U0MGRN001", None, False)]
    report = build_report(
        CAMPAIGN, CHECKLIST, allocations,
        grade_rows=[("north", "good", 1), ("north", "inadequate", 1)],
        answer_rows=[("north", "seen", 2, 0, 0, 2), ("north", "plan", 0, 2, 2, 2), ("north", "quality", 0, 0, 1, 2)],
        action_rows=[("north", 3, 1)], agreement=(1, 1), team_names={"north": "North", "south": "South"},
        guidance_for=lambda text: ("smart-plans", "What makes a plan SMART?") if "SMART" in text else (None, None))
    assert (report.progress.allocated, report.progress.started, report.progress.submitted,
            report.progress.moderated, report.progress.sampled) == (4, 3, 2, 1, 1)
    assert report.progress.completion == 0.5
    north, south = report.teams
    assert (north.progress.allocated, north.progress.submitted, south.progress.allocated) == (3, 2, 1)
    assert report.grades == {"good": 1, "inadequate": 1}
    rates = {q.question_id: q.yes_rate for q in report.questions}
    assert rates == {"seen": 1.0, "plan": 0.0, "quality": None}
    assert [q.question_id for q in report.weakest] == ["plan", "quality"]  # most often flagged first
    assert report.guidance[0].entry_id == "smart-plans"
    assert (report.actions_raised, report.actions_overdue) == (3, 1)
    assert (report.moderation_agreed, report.moderation_decided) == (1, 1)
    assert dict(report.auditors)["U0MGRS001"].allocated == 3


def test_a_report_with_an_audit_moderated_before_any_sample_says_none_is_drawn_yet() -> None:
    """Trial 25: the report said "Moderation: 0 sampled, 1 moderated", which reads as a contradiction."""
    allocations = [allocation(1, "north", "U0MGRS001", "moderated", True), allocation(2, "north", "U0MGRS001",
                                                                                      "submitted", True)]
    report = build_report(CAMPAIGN, CHECKLIST, allocations, grade_rows=[], answer_rows=[], action_rows=[],
                          agreement=(1, 1), team_names={"north": "North"}, guidance_for=lambda text: (None, None))
    text = report_reply(report).text
    assert "**Moderation**: 1 moderated (none drawn as the sample yet); agreement 100%" in text, text


# -- the CSV file of case references -------------------------------------------------------------------------

def test_a_case_file_with_a_header_is_read_in_order(identifier_screen: Screen) -> None:
    text = "case_reference,worker\nCR-100001,U0W00000\n\nCR-100002 , u0w00101\n"
    cases = parse_cases_csv(text, PATTERN, identifier_screen, teams_directory(2, 2), ["team-0", "team-1"])
    assert cases == (CaseItem("CR-100001", "U0W00000", "team-0"), CaseItem("CR-100002", "U0W00101", "team-1"))


@pytest.mark.parametrize(("text", "message"), [
    ("CR-100001\n", "Line 1 of the case file needs two columns"),
    ("CR-100001,U0W00000\nKayden Smith,U0W00000\n", "Line 2 of the case file: That is not a case reference"),
    ("CR-100001,U0W00000\nCR-100001,U0W00001\n", "Case CR-100001 is listed twice"),
    ("CR-100001,U0NOBODY9\n", "Line 1 of the case file: the worker must be the Slack member ID"),
    ("CR-100001,U0W00200\n", "not in any of the campaign's teams"),
    ("", "The case file has no cases in it"),
    ("CR-1,U0W00000\n", "doesn't look like a case reference"),
])
def test_each_mistake_in_a_case_file_names_its_line(identifier_screen: Screen, text: str, message: str) -> None:
    with pytest.raises(UserError, match=re.escape(message)):
        parse_cases_csv(text, PATTERN, identifier_screen, teams_directory(3, 2), ["team-0", "team-1"])


def test_every_bad_line_of_a_case_file_is_reported_at_once(identifier_screen: Screen) -> None:
    """A user trial fixed a case file one mistake a run: a duplicate, a name, a worker from another team, an
    unknown member ID and an NHS number now come in one report, each with its line."""
    text = ("case reference,worker\nCR-100001,U0W00000\nCR-100001,U0W00001\nKayden Smith,U0W00000\n"
            "CR-100003,U0W00200\nCR-100004,U0NOBODY9\n943 476 5919,U0W00000\nCR-100005,U0W00001\n")
    with pytest.raises(UserError) as refused:
        parse_cases_csv(text, PATTERN, identifier_screen, teams_directory(3, 2), ["team-0", "team-1"])
    lines = str(refused.value).splitlines()
    assert lines[0] == "The case file has 5 lines to fix, so nothing was stored:"
    assert [line.split(":")[0] for line in lines[1:]] == [f"• Line {n}" for n in (3, 4, 5, 6, 7)]
    assert "listed twice (lines 2 and 3)" in lines[1] and "not a case reference" in lines[2]
    assert "not in any of the campaign's teams" in lines[3] and "Slack member ID" in lines[4]
    with pytest.raises(UserError) as alone:  # each line says no more than it says when it is the only mistake
        parse_cases_csv("943 476 5919,U0W00000\n", PATTERN, identifier_screen, teams_directory(3, 2), ["team-0"])
    assert lines[5] == "• " + str(alone.value).replace("Line 1 of the case file", "Line 7")


def test_a_case_file_with_many_bad_lines_lists_the_first_twenty(identifier_screen: Screen) -> None:
    text = "".join(f"CR-1000{n:02d},U0NOBODY9\n" for n in range(25))
    with pytest.raises(UserError) as refused:
        parse_cases_csv(text, PATTERN, identifier_screen, teams_directory(3, 2), ["team-0", "team-1"])
    lines = str(refused.value).splitlines()
    assert lines[0].startswith("The case file has 25 lines to fix") and len(lines) == 22
    assert lines[20].startswith("• Line 20:") and lines[21] == "… and 5 more lines to fix."


REFERENCES = st.from_regex(r"CR-[1-9][0-9]{5}", fullmatch=True)  # the screen refuses phone-like numbers


@settings(deadline=None)  # the first example reads the name lists' caches
@given(st.lists(st.tuples(REFERENCES, st.sampled_from(["U0W00000", "U0W00001", "U0W00100"])), min_size=1,
                max_size=30, unique_by=lambda row: row[0]))
def test_any_well_formed_case_file_reads_back_as_written(rows: list[tuple[str, str]]) -> None:
    screen = _screen()
    text = "\n".join(f"{ref},{worker}" for ref, worker in rows)
    cases = parse_cases_csv(text, PATTERN, screen, teams_directory(2, 2), ["team-0", "team-1"])
    assert [(c.case_ref, c.worker_id) for c in cases] == rows


@settings(deadline=None)
@given(st.text(max_size=300))
def test_any_text_as_a_case_file_is_read_or_refused_in_words(text: str) -> None:
    try:
        cases = parse_cases_csv(text, PATTERN, _screen(), teams_directory(2, 2), ["team-0", "team-1"])
    except UserError as exc:
        assert str(exc)
    else:
        assert all(PATTERN.fullmatch(c.case_ref or "") for c in cases)


@functools.cache
def _screen() -> Screen:
    """One loaded screen for the property tests (function-scoped fixtures do not mix with @given)."""
    return Screen.load()


# -- chasing: the daily reminder rule ------------------------------------------------------------------------

def test_the_daily_reminders_chase_campaign_cases_with_the_deadline_unless_snoozed_or_away() -> None:
    from bot.reminders.rules import CampaignItem, ReminderInputs, due_reminders

    item = CampaignItem(3, "Neglect December", "U0MGRN001", date(2026, 12, 11), 2, 3)
    today = date(2026, 12, 8)
    [reminder] = due_reminders(ReminderInputs(campaigns=(item,)), today)
    assert reminder.user_id == "U0MGRN001" and reminder.key == "campaign:3"
    assert "2 of your 3 allocated audits are not submitted yet; the campaign is due Fri 11 Dec" in reminder.text
    assert reminder.choice is not None and reminder.choice.action == "campaign.mine"
    late = due_reminders(ReminderInputs(campaigns=(item,)), date(2026, 12, 14))
    assert "was due Fri 11 Dec" in late[0].text
    assert due_reminders(ReminderInputs(campaigns=(item,), snoozed=frozenset({("U0MGRN001", "campaign:3")})),
                         today) == []
    assert due_reminders(ReminderInputs(campaigns=(item,), away={"U0MGRN001": (date(2026, 12, 9), None)}),
                         today) == []

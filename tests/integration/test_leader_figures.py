"""Trials 35 (M1, M3, M6) and 33 (M3): a principal social worker's and a QA lead's questions about figures, in words,
got knowledge-base entries, a list of options or a place on the QA leads' unanswered list. Each now gets the figure
(bot.digests.figures_asked, bot.campaigns.started_asked, `/audit areas`), while a question about what the rate *is*
still gets its entry. Typed in the terminal chat on the trial day (the clock pinned: tests.support.trial_day)."""

from __future__ import annotations

import re

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.trial_day import nothing_unanswered, said, with_demo_data

HEAD = "U0ADMIN01"
QA = "U0QALEAD1"
MANAGER_SOUTH = "U0MGRS001"
WORKER = "U0PRAN001"
ENTRY = "What does the moderation agreement rate mean?"
NEGLECT = ("/audit campaign create name=Neglect Jan theme=neglect checklist=neglect teams=north,south start=today "
           "deadline=12 feb per-worker=2 auditors=peer moderate=25")


@pytest.fixture
def demo(services: Services) -> Services:
    return with_demo_data(services)


@pytest.mark.parametrize(("typed", "expected"), [
    ("whats our moderation agreement rate", "Moderation agreement by team"),
    ("how is moderation agreement looking for south", "South Child in Need and Protection: 5 of 6 (83%). • Children"),
    ("whats our moderation agreement like by team", "Moderation agreement by team"),
    ("whats the agreement rate this quarter", "Q3 2026/27 (1 Oct 2026 to 5 Dec 2026, so far)"),
    ("which auditors do we disagree with most", "Moderation agreement by auditor"),
    ("audit numbers by team for last quarter pls", "Every team, Q2 2026/27 (1 Jul 2026 to 30 Sep 2026)"),
    ("are grades getting better across the service since september?", "September 2026: Good or better"),
    ("can u summarise the audit picture for the improvement board", "Re-audits submitted"),
    ("which practice areas are most often graded RI or inadequate?", "Grades by practice area"),
])
def test_a_leaders_figure_in_words_gets_the_figure_not_an_entry(demo: Services, engine: Engine, typed: str,
                                                                  expected: str) -> None:
    for user in (HEAD, QA):
        reply = said(engine, user, typed)
        assert expected in reply, reply
        assert "QA leads' list" not in reply and "not sure which" not in reply and "(Source:" not in reply
    assert nothing_unanswered(demo)


def test_what_the_agreement_rate_is_still_gets_its_entry(demo: Services, engine: Engine) -> None:
    for typed in ("what is the agreement rate", "what does the moderation agreement rate mean"):
        reply = said(engine, HEAD, typed)
        assert ENTRY in reply and "Moderation agreement by team" not in reply, reply


def test_the_board_summary_is_the_quarter_and_the_reaudits(demo: Services, engine: Engine) -> None:
    reply = said(engine, QA, "can u summarise the audit picture for the improvement board")
    assert "Every team, Q3 2026/27" in reply and "Improved 9" in reply, reply


def test_grades_month_by_month_count_each_month_since_the_one_named(demo: Services, engine: Engine) -> None:
    reply = said(engine, HEAD, "are grades getting better across the service since september?")
    months = re.findall(r"• (\w+ 2026)", reply)
    assert months == ["September 2026", "October 2026", "November 2026", "December 2026"], reply
    assert "December 2026 (so far)" in reply


def test_is_81_good_straight_after_the_agreement_table_is_read_against_the_target(demo: Services,
                                                                                  engine: Engine) -> None:
    table = said(engine, QA, "agreement rates by team?")
    assert "Whole service: 81%" in table
    reply = said(engine, QA, "is 81% good?")
    assert "81% is above the local target for moderation agreement (80% or more)" in reply, reply
    assert nothing_unanswered(demo)


def test_the_auditors_are_ranked_lowest_agreement_first_with_their_counts(demo: Services, engine: Engine) -> None:
    reply = said(engine, QA, "which auditors do we disagree with most")
    shares = [int(agreed) / int(decided) for agreed, decided in re.findall(r"agreed with (\d+) of (\d+)", reply)]
    assert len(shares) >= 2 and shares == sorted(shares), reply
    assert "of audits submitted 26 Oct to 29 Nov 2026" in reply


def test_a_manager_asking_about_agreement_sees_their_own_team(demo: Services, engine: Engine) -> None:
    reply = said(engine, MANAGER_SOUTH, "whats our moderation agreement rate")
    assert "South Child in Need and Protection: 5 of 6 (83%)" in reply
    assert "North Assessment Team" not in reply and "Children in Care Team" not in reply


def test_a_practitioner_asking_about_agreement_gets_the_entry(demo: Services, engine: Engine) -> None:
    reply = said(engine, WORKER, "whats our moderation agreement rate")
    assert "Moderation agreement by team" not in reply and "by auditor" not in reply


def test_grades_by_practice_area_worst_share_first(demo: Services, engine: Engine) -> None:
    reply = said(engine, HEAD, "/audit areas")
    assert "Every team, the last 12 weeks (13 Sep 2026 to 5 Dec 2026, so far)" in reply, reply
    shares = [int(worst) / int(graded) for worst, graded in re.findall(r"RI or Inadequate (\d+) of (\d+)", reply)]
    assert len(shares) > 5 and shares == sorted(shares, reverse=True), reply
    total = int(re.search(r"(\d+) audits submitted", reply).group(1))  # type: ignore[union-attr]
    assert total == sum(int(n) for n in re.findall(r"• [^•:]+: (\d+) audits?,", reply))


def test_areas_for_a_period_and_team(demo: Services, engine: Engine) -> None:
    reply = said(engine, HEAD, "/audit areas last quarter south")
    assert "South Child in Need and Protection, Q2 2026/27 (1 Jul 2026 to 30 Sep 2026): 13 audits submitted" in reply


def test_list_team_ri_neglect_gives_the_neglect_checklists_grades(demo: Services, engine: Engine) -> None:
    reply = said(engine, HEAD, "list team ri neglect")
    assert "Grades by practice area" in reply and "• Neglect: 9 audits, RI or Inadequate 5 of 9 (56%)" in reply
    assert "There is no team" not in reply and "Voice of the child" not in reply


def test_areas_is_refused_to_a_practitioner(demo: Services, engine: Engine) -> None:
    reply = said(engine, WORKER, "/audit areas")
    assert "Grades by practice area" not in reply and "team managers, QA leads and admins" in reply


def test_who_hasnt_started_and_a_nudge_give_the_campaigns_progress(demo: Services, engine: Engine) -> None:
    assert "Campaign 1 Neglect Jan is created" in said(engine, HEAD, NEGLECT)
    reply = said(engine, HEAD, "who hasnt started the neglect audits yet")
    assert "Campaign 1 Neglect Jan" in reply and "By auditor" in reply and "0 started" in reply, reply
    assert "themed audit" not in reply
    nudge = said(engine, HEAD, "can you nudge tm south to start the neglect audits")
    assert "Campaign 1 Neglect Jan" in nudge and "daily reminder" in nudge and "message them directly" in nudge
    assert "tm south" not in nudge
    assert "Audits completed" not in nudge  # not South's digest
    assert nothing_unanswered(demo)


def test_the_agreement_rate_for_something_not_a_team_is_left_to_the_knowledge_base(demo: Services,
                                                                                   engine: Engine) -> None:
    reply = said(engine, HEAD, "how is the agreement rate for a good audit")
    assert "Moderation agreement by team" not in reply, reply


def test_who_hasnt_started_a_campaign_there_is_not_lists_them_without_the_words(demo: Services,
                                                                               engine: Engine) -> None:
    said(engine, HEAD, NEGLECT)
    reply = said(engine, HEAD, "who hasnt started the kayden smith audits yet")
    assert "No campaign you can see matches those words" in reply and "campaign 1" in reply, reply
    assert "kayden" not in reply.lower()


MANAGER_NORTH = "U0MGRN001"
OWN_ONLY = ("You can see your own team's figures, not South Child in Need and Protection's: here is North Assessment "
            "Team's.")


@pytest.mark.parametrize("typed", ["what's south team's agreement rate", "whats souths agreement rate?",
                                   "how is moderation agreement looking for south"])
def test_a_manager_asking_another_teams_agreement_is_told_it_is_their_own_they_see(demo: Services, engine: Engine,
                                                                                   typed: str) -> None:
    """fix37a: the North manager got North's figure as if it were South's, without a word (or "Did you mean")."""
    reply = said(engine, MANAGER_NORTH, typed)
    assert reply.startswith(OWN_ONLY) and "North Assessment Team: 5 of 6 (83%)" in reply, reply
    assert "South Child in Need and Protection: " not in reply and "Did you mean" not in reply
    assert nothing_unanswered(demo)


@pytest.mark.parametrize("user", [MANAGER_SOUTH, QA, HEAD])
def test_one_teams_agreement_asked_by_those_who_may_see_it_says_that_team_first(demo: Services, engine: Engine,
                                                                                user: str) -> None:
    reply = said(engine, user, "what's south team's agreement rate")
    assert "Moderation agreement by team South Child in Need and Protection: 5 of 6 (83%). •" in reply, reply
    assert "You can see your own" not in reply

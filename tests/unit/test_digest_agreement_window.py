"""A week under way's digest says why its moderation agreement counts other weeks (trial 46, F15): `how is north
doing` on Sunday 6 December read "this week so far" above "Moderation agreement: none moderated yet of the audits
submitted 26 Oct to 29 Nov 2026", with no reason. Audits are moderated after they are submitted, so the line now says
it counts the 5 weeks before this week, and why; a complete week's digest, whose agreement counts that week and the
4 before it, says nothing more."""

from __future__ import annotations

from datetime import date, timedelta

from bot.digests.digest import TeamDigest
from bot.digests.render import team_text

MONDAY = date(2026, 11, 30)  # the digest is about this week; no clock is read
WHY = "(of audits submitted in the 5 weeks before this week, since moderation comes after submission)"


def _digest(counted_to: date | None) -> TeamDigest:
    return TeamDigest(team_id="north", team_name="North Assessment Team", week="2026-W49", week_start=MONDAY,
                      auditors=(), grades_week={}, grades_previous={}, weak_questions=(), overdue_actions=0,
                      moderation_agreed=0, moderation_decided=0, trend=(), counted_to=counted_to)


def _agreement_line(digest: TeamDigest) -> str:
    return next(line for line in team_text(digest).splitlines() if line.startswith("**Moderation agreement"))


def test_the_week_so_fars_agreement_says_which_weeks_it_counts_and_why() -> None:
    line = _agreement_line(_digest(counted_to=MONDAY + timedelta(days=6)))
    assert line.startswith(f"**Moderation agreement** {WHY}: none yet (no audit submitted 26 Oct to 29 Nov 2026 "
                           "has been moderated)"), line


def test_a_complete_weeks_agreement_counts_its_own_window_and_says_no_more() -> None:
    line = _agreement_line(_digest(counted_to=None))
    assert line == ("**Moderation agreement**: none yet (no audit submitted 2 Nov to 6 Dec 2026 has been "
                    "moderated)"), line

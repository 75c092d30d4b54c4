"""fix74b (B3): the digest's and Home's words for the week's re-audits: the moderated improvements first, those on the
auditor's grade said apart, counted as `/audit reaudits outcomes` counts them (bot.core.reaudit_outcomes.Tally)."""

from __future__ import annotations

import pytest

from bot.core.reaudit_outcomes import Tally, summed
from bot.digests.render import reaudits_done_said


def tally(*changes: tuple[str, bool]) -> Tally:
    found = Tally()
    for number, (change, moderated) in enumerate(changes, start=1):
        found = found.counted(change, number, moderated)  # type: ignore[arg-type]
    return found


@pytest.mark.parametrize(("changes", "said"), [
    ((), "0"),
    ((("improved", True), ("same", False)), "2 (1 improved, 1 the same)"),
    ((("improved", True), ("improved", True), ("improved", False)),
     "3 (2 improved (moderated); 1 more improved on the auditor's grade, not yet moderated)"),
    ((("improved", False), ("worse", True), ("", False)),
     "3 (1 improved on the auditor's grade, not yet moderated; 1 worse; "
     "1 not like for like (`/audit compare` says why))"),
])
def test_the_weeks_reaudits_in_words(changes: tuple[tuple[str, bool], ...], said: str) -> None:
    assert reaudits_done_said(tally(*changes)) == said


def test_teams_summed_keep_their_unmoderated_improvements() -> None:
    north, south = tally(("improved", True)), tally(("improved", False), ("worse", True))
    assert reaudits_done_said(summed([north, south])) == (
        "3 (1 improved (moderated); 1 more improved on the auditor's grade, not yet moderated; 1 worse)")

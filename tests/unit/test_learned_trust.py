"""How far one person's pick is trusted (trial 41): only a QA lead's link, or a pick a second, different person
confirmed, is in everyone's search and counts as its entry's uses."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.asking.learning import searched
from bot.storage.learned import Learned

AT = datetime(2027, 3, 1, 10, 0, tzinfo=UTC)


def learned(number: int, entry_id: str, wording: str, source: str, trusted_by: str | None = None,
            trusted_how: str | None = None) -> Learned:
    return Learned(id=number, entry_id=entry_id, wording=wording, user_id="U0PRAS001", learned_at=AT, source=source,
                   status="active", ask_id=None, trusted_by=trusted_by,
                   trusted_how=trusted_how or ("picked" if trusted_by else None))


def test_one_pick_is_not_trusted_a_second_pickers_or_a_link_is() -> None:
    assert not learned(1, "cin", "how often do i visit a cin case", "picked").trusted
    assert learned(1, "cin", "how often do i visit a cin case", "picked", trusted_by="U0PRAN001").trusted
    assert learned(1, "cin", "how often do i visit a cin case", "linked").trusted


def test_only_trusted_wordings_are_searched_for_everyone_and_trusted_picks_only_in_their_own_words() -> None:
    active = [learned(4, "cin-visits", "cin visits", "picked", trusted_by="U0QALEAD1", trusted_how="linked"),
              learned(3, "cla-statutory-visits", "how often do i visit a cin case", "picked"),  # newest first
              learned(2, "cin-plan-review", "cin review how often", "picked", trusted_by="U0PRAN001"),
              learned(1, "cin-plan-review", "how often is a cin review", "linked")]
    pairs, exact_only = searched(active)
    assert pairs == [("cin-plan-review", "how often is a cin review"), ("cin-plan-review", "cin review how often"),
                     ("cin-visits", "cin visits")]  # a pick a QA lead linked too teaches its words, as a link does
    assert exact_only == {("cin-plan-review", "cin review how often")}

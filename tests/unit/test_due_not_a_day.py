"""An action typed with a due date the calendar refuses ("ring dad by the 31st" in November, "by 31/11") is said so
once, in one message (trial 44); before, the action kept "by the 31st" in its text and the due date was asked as if
none had been typed. A day that reads is still taken (bot.audits.action_fields.due_in_text)."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from bot.audits.action_fields import due_in_text, due_not_a_day

LONDON = ZoneInfo("Europe/London")
CLOCK = SimpleNamespace(settings=SimpleNamespace(timezone=LONDON))
NOVEMBER = SimpleNamespace(now=datetime(2026, 11, 6, 10, 0, tzinfo=LONDON))  # 30 days
WORDS = st.lists(st.sampled_from(["ring", "the", "school", "update", "plan", "visit", "mum", "chronology"]),
                 min_size=2, max_size=6).map(" ".join)


def test_the_31st_in_a_30_day_month_is_said_once_with_the_date_to_type() -> None:
    why = due_not_a_day(CLOCK, NOVEMBER, "ring dad by the 31st")  # type: ignore[arg-type]
    assert why == ("I couldn't take “the 31st” as the action's due date: November 2026 has 30 days, so no 31st: type "
                   "the date with its month, like 31/12 for Thursday 31 December. Nothing is stored yet: type the "
                   "action again with a date I can read, or without it and I'll ask when it is due.")


@given(action=WORDS, joiner=st.sampled_from([" by ", " due ", ", by ", " before "]),
       when=st.sampled_from(["31/11", "30/2", "31/4", "the 31st", "31st", "31st nov", "the 31st of november",
                             "30/02/2027"]))
def test_a_day_no_month_has_is_never_kept_in_the_action(action: str, joiner: str, when: str) -> None:
    text = f"{action}{joiner}{when}"
    assert due_in_text(CLOCK, NOVEMBER, text) is None  # type: ignore[arg-type]
    why = due_not_a_day(CLOCK, NOVEMBER, text)  # type: ignore[arg-type]
    assert why is not None and why.startswith(f"I couldn't take “{when}” as the action's due date: ")


@given(action=WORDS, tail=st.sampled_from(["by the 18th", "by the 30th", "by 3/2", "by the social worker",
                                           "by 3 visits", "by the 45th", "by 2099", "before the conference"]))
def test_a_day_that_reads_or_words_that_name_no_day_are_not_refused(action: str, tail: str) -> None:
    assert due_not_a_day(CLOCK, NOVEMBER, f"{action} {tail}") is None  # type: ignore[arg-type]

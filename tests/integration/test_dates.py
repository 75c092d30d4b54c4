"""Dates as written in England: day before month, natural phrases, echoed back, examples that are valid today,
and `allow_future` on date questions (issue #10, item 7)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.flow import AnswerError, parse_answer, parse_date
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from knowledge.checklist_schema import Question
from knowledge.dates import JUST_PASSED_DAYS, WEEKDAYS, DateError, long_date, parse_day, passed_said
from knowledge.loader import check_knowledge, load_knowledge
from tests.support.dated_audit import audit_typed_on

LONDON = ZoneInfo("Europe/London")
AUDITOR = "U0MGRN001"
TUESDAY = date(2026, 12, 15)  # after the old prompt's "30/11/2026"
ASSESSMENT = Question("assessment-date", "What is the date of the most recent completed assessment?", "date")
NEXT_REVIEW = Question("next-review", "When is the next review planned?", "date", allow_future=True)


def test_the_echo_names_the_weekday_day_month_and_year() -> None:
    assert long_date(date(2027, 1, 15)) == "Friday 15 January 2027"


@pytest.mark.parametrize(("typed", "due"), [
    ("15 January", date(2027, 1, 15)), ("next Friday", date(2026, 12, 18)), ("Friday", date(2026, 12, 18)),
    ("20 November 2027", date(2027, 11, 20)), ("in two weeks", date(2026, 12, 29)), ("in 3 days", date(2026, 12, 18)),
    ("tomorrow", date(2026, 12, 16)), ("today", TUESDAY), ("30/11/2027", date(2027, 11, 30)),
    ("5/1", date(2027, 1, 5)), ("15th of January", date(2027, 1, 15)), ("Fri 15 Jan 2027", date(2027, 1, 15)),
    ("2027-01-15", date(2027, 1, 15)), ("January 15th", date(2027, 1, 15)), ("in a fortnight", date(2026, 12, 29)),
    ("in one month", date(2027, 1, 15)),
])
def test_natural_due_dates_look_ahead(typed: str, due: date) -> None:
    assert parse_date(typed, TUESDAY, "future") == due


@pytest.mark.parametrize(("typed", "happened"), [
    ("15 January 2026", date(2026, 1, 15)), ("last Friday", date(2026, 12, 11)), ("Friday", date(2026, 12, 11)),
    ("20 November 2026", date(2026, 11, 20)), ("2 weeks ago", date(2026, 12, 1)), ("yesterday", date(2026, 12, 14)),
    ("5/3", date(2026, 3, 5)), ("5/3/26", date(2026, 3, 5)), ("05.03.2026", date(2026, 3, 5)),
    ("15 December", TUESDAY), ("16 December 2025", date(2025, 12, 16)), ("15 June", date(2026, 6, 15)),
    ("15/1/2026", date(2026, 1, 15)),
])
def test_natural_past_dates_look_back(typed: str, happened: date) -> None:
    assert parse_date(typed, TUESDAY, "past") == happened


def test_a_future_assessment_date_is_refused_unless_the_checklist_allows_it() -> None:
    with pytest.raises(AnswerError, match="Wednesday 16 December 2026 is in the future"):
        parse_answer(ASSESSMENT, "tomorrow", TUESDAY)
    with pytest.raises(AnswerError, match="in the future"):
        parse_answer(ASSESSMENT, "20/12/2026", TUESDAY)
    assert parse_answer(ASSESSMENT, "14/12/2026", TUESDAY) == "2026-12-14"
    assert parse_answer(NEXT_REVIEW, "21/12/2026", TUESDAY) == "2026-12-21"  # a Monday: a Sunday is queried
    assert parse_answer(NEXT_REVIEW, "2/12/2026", TUESDAY) == "2026-12-02"


def test_a_past_due_date_is_refused_and_nonsense_gets_one_message() -> None:
    with pytest.raises(AnswerError, match="Monday 30 November 2026 has passed; give a due date from today"):
        parse_date("30/11/2026", TUESDAY, "future", "due date")
    with pytest.raises(AnswerError, match="not a real date"):
        parse_date("31/02/2027", TUESDAY, "future")
    with pytest.raises(AnswerError, match="day before month"):
        parse_date("soonish", TUESDAY, "future")
    with pytest.raises(AnswerError, match="is a Friday, not a Monday"):
        parse_date("Monday 15 January 2027", TUESDAY, "future")


def _example_from(prompt: str) -> str:
    return re.search(r"\d{2}/\d{2}/\d{4}", prompt).group()  # type: ignore[union-attr]


@pytest.mark.parametrize("today", [TUESDAY, date(2027, 3, 1), date(2026, 1, 2)])
def test_prompt_examples_are_valid_today_and_every_date_is_echoed(engine: Engine, services: Services,
                                                                  today: date) -> None:
    """The examples come from the pinned clock; typing them works; a future assessment date is refused."""
    refused: list[str] = []

    def typed(prompt: str, offered: str) -> str:
        if prompt.startswith("Type the date") and not refused:
            refused.append(engine.message(AUDITOR, "tomorrow")[0].text)
        return _example_from(prompt) if prompt.startswith(("Type the date", "Type the due date")) else offered

    echoes = [reply.text for reply in audit_typed_on(engine, AUDITOR, today, typed) if reply.kind == "notice"]
    past, due = today - timedelta(days=21), today + timedelta(days=21)
    assert refused and f"{long_date(today + timedelta(days=1))} is in the future" in refused[0]
    assert f"Got it: **{long_date(past)}**." in echoes
    assert f"Action 1 added: due **{long_date(due)}** (in 21 days)." in echoes
    [audit] = services.storage.db.query("SELECT id FROM audits")
    answers = store.answers_of(services.storage, audit["id"])
    assert answers["assessment-date"].value == past.isoformat()
    [action] = action_store.actions_of_audit(services.storage, audit["id"])
    assert action.due_date == due.isoformat()


@given(text=st.text(max_size=40), today=st.dates(date(2000, 1, 1), date(2090, 12, 31)),
       tense=st.sampled_from(["past", "future", "any"]))
def test_any_text_is_a_date_or_one_clear_message(text: str, today: date, tense: str) -> None:
    try:
        day = parse_date(text, today, tense)  # type: ignore[arg-type]
    except AnswerError as error:
        message = str(error)
        assert message and "\n" not in message and "Traceback" not in message
        return
    assert long_date(day)
    assert tense != "past" or day <= today
    assert tense != "future" or day >= today


PHRASES = st.sampled_from(["15 January", "next Friday", "20 November 2026", "in two weeks", "last monday",
                           "3 weeks ago", "1st march", "Thursday", "in 10 days", "tomorrow", "29 February",
                           "31 april", "in twelve months", "in 9999 weeks", "9999 years ago"])


@given(phrase=PHRASES, today=st.dates(date(2000, 1, 1), date(2090, 12, 31)),
       tense=st.sampled_from(["past", "future", "any"]))
def test_natural_phrases_parse_or_explain(phrase: str, today: date, tense: str) -> None:
    try:
        parse_day(phrase, today, tense)  # type: ignore[arg-type]
    except DateError as error:
        assert str(error)


def test_a_day_and_month_just_passed_is_questioned_where_only_a_date_ahead_fits() -> None:
    with pytest.raises(DateError, match=r"30 November has just passed.*30/11/2027 if you mean next year"):
        parse_day("30/11", date(2026, 12, 2), "future")
    assert parse_day("30/11", date(2026, 12, 2), "past") == date(2026, 11, 30)
    assert parse_day("30/9", date(2026, 12, 2), "future") == date(2027, 9, 30)  # months back: next year, as typed



def test_a_day_and_month_passed_weeks_ago_says_how_long_ago_not_just_passed() -> None:
    """Trial 50: a campaign deadline of `1/11` typed on 6 December read "1 November has just passed"."""
    with pytest.raises(DateError, match=r"^1 November passed 5 weeks ago\. .*01/11/2027 if you mean next year"):
        parse_day("1/11", date(2026, 12, 6), "future")
    with pytest.raises(DateError, match=r"^26 November passed 10 days ago\."):
        parse_day("26/11", date(2026, 12, 6), "future")


@given(day=st.dates(date(1950, 1, 1), date(2090, 12, 31)), today=st.dates(date(2000, 1, 1), date(2090, 12, 31)),
       sep=st.sampled_from(["/", ".", "-"]))
def test_day_always_comes_before_month(day: date, today: date, sep: str) -> None:
    assert parse_day(f"{day.day}{sep}{day.month}{sep}{day.year}", today) == day
    assert parse_day(f"{day.day:02d}{sep}{day.month:02d}{sep}{day.year}", today) == day
    assert parse_day(f"{day.day} {day:%B %Y}", today) == day
    if not (day.month == 2 and day.day == 29):
        for tense in ("past", "future", "any"):
            try:
                found = parse_day(f"{day.day}{sep}{day.month}", today, tense)  # type: ignore[arg-type]
            except DateError as error:  # a day and month just passed (looking ahead) or about to come (looking
                this_year = date(today.year, day.month, day.day)  # back) is questioned, not guessed
                if tense == "past":
                    ahead = this_year if this_year > today else date(today.year + 1, day.month, day.day)
                    assert (ahead - today).days <= JUST_PASSED_DAYS
                    assert "can't have happened yet" in str(error)
                    continue
                passed = this_year if this_year < today else date(today.year - 1, day.month, day.day)
                assert tense == "future" and (today - passed).days <= JUST_PASSED_DAYS
                assert f"{day.day} {day:%B} {passed_said((today - passed).days)}" in str(error)
                continue
            assert (found.day, found.month) == (day.day, day.month)
            assert tense != "past" or found <= today
            assert tense != "future" or found >= today


CHECKLIST = """checklists:
  - id: dates
    title: Dates
    period: the last 6 months
    sections:
      - id: one
        title: One
        questions:
          - id: next-review
            text: When is the next review planned?
            type: date
            allow_future: {value}
          - id: seen
            text: Was the child seen?
            type: yes_no
{extra}"""


def test_allow_future_is_checked_like_the_other_keys(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_text(CHECKLIST.format(value="true", extra=""), encoding="utf-8")
    question = load_knowledge(tmp_path).checklists["dates"].question("next-review")
    assert question.allow_future and parse_answer(question, "in two weeks", TUESDAY) == "2026-12-29"
    (tmp_path / "c.yaml").write_text(CHECKLIST.format(value="maybe", extra="            allow_future: true\n"),
                                     encoding="utf-8")
    messages = [f"{p.file}:{p.line} {p.message}" for p in check_knowledge(tmp_path)]
    assert any("c.yaml:12" in m and "`allow_future: true` or `allow_future: false`" in m for m in messages), messages
    assert any("c.yaml:16" in m and "`allow_future` only works on date questions" in m for m in messages), messages


WEDNESDAY = date(2026, 12, 2)


@pytest.mark.parametrize(("typed", "meant"), [
    ("end of month", date(2026, 12, 31)), ("by the end of the month", date(2026, 12, 31)),
    ("End of next month", date(2027, 1, 31)), ("end of last month", date(2026, 11, 30)),
    ("end of the week", date(2026, 12, 4)), ("end of next week", date(2026, 12, 11)),
])
def test_the_end_of_a_month_or_week_is_read_as_a_due_date(typed: str, meant: date) -> None:
    assert parse_day(typed, WEDNESDAY) == meant


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)))
def test_end_of_the_month_is_its_last_day_and_end_of_the_week_its_coming_friday(today: date) -> None:
    month_end = parse_day("end of the month", today)
    assert (month_end.year, month_end.month) == (today.year, today.month)
    assert (month_end + timedelta(days=1)).day == 1
    friday = parse_day("end of the week", today)
    assert friday.weekday() == 4 and 0 <= (friday - today).days < 7
    assert parse_day("end of next month", today) > month_end
    assert (parse_day("end of next month", today) + timedelta(days=1)).day == 1


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 1)), st.sampled_from(sorted(WEEKDAYS)),
       st.sampled_from(["{} week", "a week on {}", "a week {}", "{} WEEK"]))
def test_friday_week_is_the_friday_after_next_friday(today: date, weekday: str, form: str) -> None:
    """As the README says: "Friday week" is a week after whatever "next Friday" is that day."""
    found = parse_day(form.format(weekday), today)
    assert found == parse_day(f"next {weekday}", today) + timedelta(days=7)
    assert found.weekday() == WEEKDAYS[weekday] and 8 <= (found - today).days <= 14


def test_friday_week_said_on_a_wednesday_is_nine_days_on() -> None:
    assert parse_day("friday week", date(2026, 12, 2)) == date(2026, 12, 11)
    assert parse_day("next friday", date(2026, 12, 2)) == date(2026, 12, 4)


def test_friday_week_said_on_a_friday_is_a_fortnight_on() -> None:
    """Trial 18: on Friday 4 December `away until friday week` and `deadline=fri week` gave 11 December, the same
    as `next friday`, so reminders came back and a campaign closed a week early."""
    assert parse_day("next friday", date(2026, 12, 4)) == date(2026, 12, 11)
    assert parse_day("friday week", date(2026, 12, 4)) == parse_day("fri week", date(2026, 12, 4)) == date(2026, 12, 18)


@pytest.mark.parametrize(("typed", "refused"), [("24/12/2030", True), ("16/12/2027", True), ("15/12/2027", False),
                                                ("next Friday", False)])
def test_an_action_due_more_than_a_year_ahead_is_queried_as_a_mistyped_year(services: Services, typed: str,
                                                                             refused: bool) -> None:
    from bot.audits.finish import action_due
    from bot.engine.routing import Turn

    turn = Turn(services.directory.person(AUDITOR), "dm",
                datetime.combine(TUESDAY, datetime.min.time().replace(hour=10), tzinfo=LONDON))
    if not refused:
        assert action_due(services, turn, typed) <= TUESDAY + timedelta(days=365)
        return
    with pytest.raises(AnswerError, match=re.escape("is more than a year away: an audit's action should be due "
                                                    "within a year. Check the year, or give a date such as "
                                                    "12/01/2027")):
        action_due(services, turn, typed)

"""A question that gives a day gets the due date worked out, before the entry with the rule (trial 18, HIGH: "the
bot never works out a date")."""

from __future__ import annotations

import json

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.cli import run_cli
from tests.support.kb_helpers import all_text, button_values
from tests.support.moved_clock import CONTENT_DAY

PRACTITIONER = "U0PRAN001"


def test_the_icpc_due_date_is_worked_out_from_the_strategy_discussion(engine: Engine) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        replies = engine.message(PRACTITIONER, "strategy discussion was on 1/12/2026, when does the icpc have to "
                                               "be by?")
    [dated, entry] = replies
    assert dated.title == "Due dates from Tuesday 1 December 2026"
    assert ("If Tuesday 1 December 2026 was the strategy discussion that started section 47 enquiries: the initial "
            "child protection conference is due by **Tuesday 22 December 2026** (15 working days") in dated.text
    assert "check it against the case record" in dated.note
    assert entry.title == "When must an initial child protection conference be held?"
    assert button_values(replies, "kb.feedback")  # the answer keeps its Helpful / Not helpful


def test_over_christmas_the_bank_holidays_are_left_out_and_each_review_is_given(engine: Engine) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        replies = engine.message(PRACTITIONER, "child became looked after on 23/12/2026 when is the first LAC review")
    text = all_text(replies)
    assert "the first review is due by **Monday 25 January 2027**" in text
    assert "If Wednesday 23 December 2026 was the first review: the second review is due by **Tuesday 23 March " \
           "2027** (3 months)" in text


def test_a_date_already_passed_and_a_day_off_are_said_so(engine: Engine) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):  # 1 December 2026
        replies = engine.message(PRACTITIONER, "placement started 23/10/2026, when must the social worker visit?")
    text = all_text(replies)
    assert "the first visit is due by **Friday 30 October 2026** (1 week). That date has passed." in text
    assert "the next visit in the placement's first year is due by **Friday 4 December 2026** (6 weeks)." in text


def test_a_due_date_on_a_day_off_names_the_working_day_before_and_the_bank_holiday_skipped(engine: Engine) -> None:
    """Trial 25: a review due on Saturday 2 January 2027 said "plan for the working day before" without naming it."""
    with time_machine.travel(CONTENT_DAY, tick=False):
        replies = engine.message(PRACTITIONER, "last cin review was 2nd oct, when is the next one due?")
    text = " ".join(all_text(replies).split())
    assert ("is due by **Saturday 2 January 2027** (3 months). That is a Saturday, so plan for the working day "
            "before: **Thursday 31 December 2026** (Friday 1 January 2027 is New Year's Day, a bank holiday).") in text


def test_without_a_day_or_without_timescales_nothing_is_worked_out(engine: Engine) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        plain = engine.message(PRACTITIONER, "when is the ICPC due?")
        no_rules = engine.message(PRACTITIONER, "what is a return home interview, the child came back on 1/12/2026")
    assert not any((reply.title or "").startswith("Due dates") for reply in plain + no_rules)


def test_a_suggestion_picked_for_a_question_with_a_date_gets_the_due_dates_too(engine: Engine,
                                                                                services: Services) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        replies = engine.message(PRACTITIONER, "had conference 2/12/2026 next steps")
        assert "Did you mean" in all_text(replies) and "Due dates" not in all_text(replies)
        [offered] = [value for value in button_values(replies, "kb.show") if value.startswith("rcpc-timescale:")]
        picked = engine.action(PRACTITIONER, "kb.show", offered)
    assert picked[0].title == "Due dates from Wednesday 2 December 2026"
    assert "the first review conference is due by **Tuesday 2 March 2027** (3 months)" in picked[0].text
    assert picked[1].title == "When are child protection review conferences due?"
    # the words are learned without the date, which says nothing of which entry is meant
    assert [row["wording"] for row in services.storage.db.query("SELECT wording FROM kb_learned")] == \
        ["had conference next steps"]


def test_audit_bot_ask_gives_the_same_due_dates_and_its_json_keeps_its_shape(environ: dict[str, str]) -> None:
    question = "strategy discussion was on 1/12/2026, when does the icpc have to be by?"
    with time_machine.travel(CONTENT_DAY, tick=False):
        text = run_cli(environ, "ask", question)
        as_json = run_cli(environ, "ask", "--json", question)
    assert text.code == 0 and text.out.startswith("Due dates from Tuesday 1 December 2026:\n• If Tuesday 1 December "
                                                  "2026 was the strategy discussion")
    assert "is due by Tuesday 22 December 2026 (15 working days" in text.out and "**" not in text.out.split("\n\n")[0]
    answered = json.loads(as_json.out)
    assert set(answered) == {"query", "answer", "suggestions"} and answered["answer"]["id"] == "icpc-timescale"
    assert "Due dates" not in as_json.out


def test_a_follow_up_giving_another_day_works_the_same_timescales_out_from_it(engine: Engine,
                                                                              services: Services) -> None:
    """Trial 19: "what about if it was 23rd dec" after the ICPC's due date got "I don't know that yet" and went on
    the QA leads' list."""
    with time_machine.travel(CONTENT_DAY, tick=False):  # Tuesday 1 December 2026
        engine.message(PRACTITIONER, "strat was on 1/12/2026, when's the ICPC due?")
        replies = engine.message(PRACTITIONER, "what about if it was 23rd dec")
        [again] = button_values(replies, "kb.show")
        shown = engine.action(PRACTITIONER, "kb.show", again)
    [reading, dated, rest] = replies
    assert rest.text == "The rest of that answer is as before."
    assert reading.text == ("Reading that with your last question (_When must an initial child protection "
                            "conference be held?_):")
    assert dated.title == "Due dates from Wednesday 23 December 2026"
    assert "the initial child protection conference is due by **Monday 18 January 2027**" in dated.text
    assert "I don't know that yet" not in all_text(replies)
    assert shown[-1].title == "When must an initial child protection conference be held?"
    [unanswered] = services.storage.db.query("SELECT COUNT(*) AS n FROM kb_asks WHERE outcome = 'none'")
    assert unanswered["n"] == 0  # not on the QA leads' list

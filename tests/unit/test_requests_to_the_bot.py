"""Trial 48, F2 and F8: requests addressed to the bot itself, read before the knowledge base. "remind me on friday
to audit another case" (and any request for a reminder of one's own) is one the bot cannot do; "email my manager the
audit" too; `pause my reminders` with no day asks "Until when?". A question in the same words ("remind me how grading
works", "how do I pause reminders?", "can I email my manager about a case?") stays a question."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.asking.asked_plainly import plainly
from bot.asking.cannot_do import asks_a_task
from bot.asking.remind_asked import asks_for_reminder
from bot.audits.own_audits_asked import asks_about_own_audit
from bot.reminders.pause_asked import asks_to_pause

LEADS = st.sampled_from(["", "can you ", "could u ", "please ", "hey bot, ", "pls "])
WHEN = st.sampled_from(["", " on friday", " tomorrow", " next week", " at 3pm", " in 2 days", " on 18/12"])
TASK = st.sampled_from([" to audit another case", " about the review", " to chase the school", " about action 18",
                        ""])
QUESTION_WORDS = st.sampled_from(["how", "what", "when", "who", "why", "which", "whether"])
WORDS = st.lists(st.sampled_from(["grading", "works", "the", "icpc", "is", "due", "timescale", "for", "a", "plan"]),
                 min_size=1, max_size=6).map(" ".join)


@given(lead=LEADS, verb=st.sampled_from(["remind", "nudge", "ping"]), when=WHEN, task=TASK,
       end=st.sampled_from(["", "?", " please", "."]))
def test_remind_me_with_any_day_or_task_is_a_request_for_a_reminder(lead: str, verb: str, when: str, task: str,
                                                                   end: str) -> None:
    assert asks_for_reminder(f"{lead}{verb} me{when}{task}{end}")


SETTING = st.sampled_from(["set a reminder", "set me a reminder", "add a reminder", "create reminder",
                           "put a reminder in", "i need a reminder", "can i set a reminder"])


@given(lead=st.sampled_from(["", "hey ", "please ", "hi bot, "]), setting=SETTING,
       when=WHEN, task=TASK)
def test_setting_a_reminder_is_a_request_for_a_reminder(lead: str, setting: str, when: str, task: str) -> None:
    assert asks_for_reminder(f"{lead}{setting}{when}{task}")


@given(lead=LEADS, word=QUESTION_WORDS, rest=WORDS)
def test_remind_me_how_or_what_is_a_question_not_a_reminder(lead: str, word: str, rest: str) -> None:
    assert not asks_for_reminder(f"{lead}remind me {word} {rest}")


@given(text=st.sampled_from(["remind sw s1 about action 18", "how do reminders work?", "pause my reminders",
                             "what reminders have i got", "stop reminding me", "reminders", "my reminders",
                             "when are reminders sent"]))
def test_other_lines_about_reminders_are_not_a_request_for_one(text: str) -> None:
    assert not asks_for_reminder(text)


@given(lead=st.sampled_from(["", "please ", "can you ", "could u ", "pls "]),
       verb=st.sampled_from(["pause", "stop", "mute", "turn off", "switch off"]),
       whose=st.sampled_from(["", "my ", "the ", "all my "]), noun=st.sampled_from(["reminders", "reminder"]),
       tail=st.sampled_from(["", " for a bit", " for a while", " while im on leave", " while i'm away"]),
       end=st.sampled_from(["", " please", "?", "."]))
def test_pausing_reminders_with_no_day_is_a_pause_asked_for(lead: str, verb: str, whose: str, noun: str, tail: str,
                                                          end: str) -> None:
    assert asks_to_pause(f"{lead}{verb} {whose}{noun}{tail}{end}")


@given(text=st.sampled_from(["how do i pause reminders?", "pause reminders till monday", "pause audit 12",
                             "can i pause my reminders while on leave?", "stop the chase on 14", "pause"]))
def test_a_question_or_a_pause_with_its_day_is_not_asked_until_when(text: str) -> None:
    assert not asks_to_pause(text)


@given(lead=LEADS, task=st.sampled_from(["email my manager the audit", "book me a room for a meeting",
                                         "call my manager", "send an email to the team", "arrange a meeting with sw s1",
                                         "e-mail me the report"]))
def test_a_task_outside_the_chat_is_one_it_cannot_do(lead: str, task: str) -> None:
    assert asks_a_task(f"{lead}{task}")


@given(text=st.sampled_from(["can i email my manager about a case?", "should i call the family first",
                             "how do i book an interpreter", "when should i email the lado", "book audit",
                             "who do i call about a missing child"]))
def test_a_question_about_such_tasks_is_not_claimed(text: str) -> None:
    assert not asks_a_task(text)


@given(opening=st.sampled_from(["what do i need to do about", "what should i do about", "what now with",
                                "next steps for"]),
       thing=st.sampled_from(["the inadequate on my case", "my audit", "my case audit", "my actions", "my grade"]),
       end=st.sampled_from(["", "?", " please", " pls?"]))
def test_what_to_do_about_my_own_audit_is_about_my_own_audit(opening: str, thing: str, end: str) -> None:
    assert asks_about_own_audit(plainly(f"{opening} {thing}{end}"))


@given(text=st.sampled_from(["what happens after an inadequate ofsted judgement", "how does grading work",
                             "when is a case re-audited", "what do i need to do for a strategy discussion",
                             "my case has a new baby, what happens next",
                             "what should i do about my case, dad has moved in"]))
def test_a_general_question_is_not_about_my_own_audit(text: str) -> None:
    assert not asks_about_own_audit(plainly(text))

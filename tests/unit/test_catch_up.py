"""The catch-up for someone back from time away, as a pure rule on plain data and a fixed day: what fell due or
became overdue while they were away, what waits for their moderation, the reflections asked of them; one message,
only when there is something, and only once they are back."""

from __future__ import annotations

from datetime import date

from bot.reminders.catch_up import catch_up_reply, catch_ups
from bot.reminders.rules import ActionItem, ModerationItem, ReflectionItem, ReminderInputs, ReturnItem

WORKER, QA, OTHER = "U0PRAN001", "U0QALEAD1", "U0PRAN002"
AWAY = ReturnItem(WORKER, date(2026, 12, 7), date(2026, 12, 11))  # Monday 7 to Friday 11 December 2026
MONDAY_BACK = date(2026, 12, 14)


def inputs(**fields: object) -> ReminderInputs:
    base: dict[str, object] = {
        "returns": (AWAY,),
        "actions": (ActionItem(1, WORKER, "Visit and see the child alone", date(2026, 12, 9), False, (), 4,
                               "CR-104001"),
                    ActionItem(2, WORKER, "Update the chronology", date(2026, 12, 6), True, (), 4, "CR-104001"),
                    ActionItem(3, WORKER, "Reminded before leaving", date(2026, 12, 3), False, (), 4, "CR-104001"),
                    ActionItem(5, OTHER, "Someone else's", date(2026, 12, 9), False, (), 4, "CR-104001")),
        "reflections": (ReflectionItem(7, WORKER, "CR-104002", date(2026, 12, 8)),
                        ReflectionItem(8, WORKER, "CR-104003", date(2026, 12, 4))),  # asked before leaving
    }
    return ReminderInputs(**{**base, **fields})  # type: ignore[arg-type]


def test_back_from_time_away_gets_one_message_of_what_came_up_while_away() -> None:
    [caught] = catch_ups(inputs(), MONDAY_BACK)
    reply = catch_up_reply(caught, MONDAY_BACK)
    assert reply.to_user == WORKER and reply.title == "Welcome back"
    assert reply.text == (
        "While you were away (from Monday 7 December 2026 to Friday 11 December 2026), 3 things came up for you:\n"
        "• Action 1 “Visit and see the child alone” (audit #4, CR-104001) was due 9 Dec 2026 and is overdue.\n"
        "• Action 2 “Update the chronology” (audit #4, CR-104001) was due Sun 6 Dec 2026 and is overdue; it is on your "
        "manager's overdue list.\n"
        "• Audit #7 of your case CR-104002, submitted 8 Dec 2026, asks for your reflections.")
    assert [(c.action, c.value) for c in reply.choices] == [
        ("actions.done", "1"), ("actions.done", "2"), ("audit.reflect", "7")]
    assert caught.keys == {"action:1", "action:2"}


def test_a_qa_lead_is_told_what_waits_for_their_moderation() -> None:
    back = ReturnItem(QA, date(2026, 12, 7), date(2026, 12, 11))
    waiting = (ModerationItem(5, "Full case audit", date(2026, 12, 8), None),  # the QA leads' queue
               ModerationItem(6, "Early help spot audit", date(2026, 12, 2), QA),  # held by them
               ModerationItem(9, "Full case audit", date(2026, 12, 8), "U0QALEAD2"),  # held by someone else
               ModerationItem(10, "Full case audit", date(2026, 12, 14), None))  # came in today, once back
    [caught] = catch_ups(ReminderInputs(returns=(back,), moderations=waiting, qa_leads=(QA, "U0QALEAD2")),
                         MONDAY_BACK)
    text = catch_up_reply(caught, MONDAY_BACK).text
    assert "2 things came up for you" in text
    assert "• Audit #5 (*Full case audit*) is waiting for your moderation, since 8 Dec 2026." in text
    assert "• Audit #6 (*Early help spot audit*) is waiting for your moderation, since 2 Dec 2026." in text
    assert "#9" not in text and "#10" not in text


def test_no_catch_up_before_the_return_while_away_again_or_with_nothing_to_say() -> None:
    assert catch_ups(inputs(), date(2026, 12, 11)) == []  # the last day away: not back yet
    assert catch_ups(inputs(away={WORKER: (date(2026, 12, 18), None)}), MONDAY_BACK) == []
    assert catch_ups(inputs(actions=(), reflections=()), MONDAY_BACK) == []


def test_a_single_day_away_is_named_as_that_day() -> None:
    day = ReturnItem(WORKER, date(2026, 12, 9), date(2026, 12, 9))
    [caught] = catch_ups(inputs(returns=(day,)), date(2026, 12, 10))
    assert catch_up_reply(caught, date(2026, 12, 10)).text.startswith(
        "While you were away (on Wednesday 9 December 2026), 1 thing came up for you:\n• Action 1 “Visit")

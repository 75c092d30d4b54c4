"""IT, HR, pay and leave questions get "I can't help with that here" (and the nearest entry the bot has),
never a practice suggestion and never a log line for the QA leads; small talk stays small talk."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from knowledge.loader import check_knowledge, load_knowledge
from tests.support.kb_helpers import all_text, button_values

PRACTITIONER = "U0PRAN001"
OUT_OF_SCOPE = [("when is payday this month", "Payroll"), ("reset my laptop password", "IT service desk"),
                ("how do i raise a grievance against my manager", "HR"), ("Pension contributions?", "Payroll"),
                ("printer not working on 2nd floor", "IT service desk"), ("flexi time rules", "HR")]


def asks(services: Services) -> list[dict]:
    return list(services.storage.db.query("SELECT * FROM kb_asks"))


@pytest.mark.parametrize(("text", "where"), OUT_OF_SCOPE)
def test_it_hr_and_pay_questions_are_declined_with_where_to_go_and_not_logged(engine: Engine, services: Services,
                                                                             text: str, where: str) -> None:
    replies = engine.message(PRACTITIONER, text)
    assert replies[0].text.startswith("I can't help with that here")
    assert where in replies[0].text
    assert "Did you mean" not in all_text(replies) and not button_values(replies, "kb.escalate")
    assert asks(services) == []


def test_annual_leave_is_declined_with_the_entry_on_pausing_reminders(engine: Engine, services: Services) -> None:
    replies = engine.command(PRACTITIONER, "ask how do I book annual leave")
    assert replies[0].text.startswith("I can't help with that here")
    assert button_values(replies, "kb.show") == ["away-until"]
    shown = engine.action(PRACTITIONER, "kb.show", "away-until")
    assert "/audit away until" in shown[0].text
    assert asks(services) == []


def test_a_question_the_knowledge_base_answers_is_answered_even_with_a_topic_word(engine: Engine) -> None:
    replies = engine.message(PRACTITIONER, "how do I pause reminders while I am on annual leave?")
    assert replies[0].title == "How do I pause reminders while I am on leave?"
    assert "I can't help" not in all_text(engine.message(PRACTITIONER, "do bank holidays count"))


@pytest.mark.parametrize("text", ["thank you so much", "cheers mate", "morning all", "thanks for your help",
                                  "👍", ":)", "nice one", "Good morning team!", "no worries"])
def test_more_small_talk_gets_a_short_reply_and_is_never_logged(engine: Engine, services: Services,
                                                                text: str) -> None:
    replies = engine.message(PRACTITIONER, text)
    said = all_text(replies)
    assert replies and "I don't know" not in said and "Did you mean" not in said
    assert asks(services) == []


def test_small_talk_followed_by_a_question_is_still_a_question(engine: Engine, services: Services) -> None:
    assert "15 working days" in engine.message(PRACTITIONER, "thanks, what about the icpc deadline")[0].text
    assert [a["outcome"] for a in asks(services)] == ["answer"]


def test_the_topics_are_data_in_the_vocabulary_file() -> None:
    topics = {topic.topic for topic in load_knowledge().out_of_scope.topics}
    assert topics == {"IT", "HR", "pay", "leave"}


def test_kb_check_reports_a_broken_topic_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "kb.yaml").write_text(
        "entries:\n  - id: only-entry\n    question: What is it?\n    answer: This.\n    review_by: 2030-01-01\n"
        "out_of_scope:\n"
        "  - topic: pay\n    reply: Ask Payroll.\n    phrases: [payslip]\n    related: [no-such-entry]\n"
        "  - topic: it\n    reply: Ask IT.\n    phrases: [payslips, laptop]\n"
        "  - topic: hr\n    phrases: []\n    colour: red\n", encoding="utf-8")
    joined = "\n".join(f"{p.file}:{p.line} {p.message}" for p in check_knowledge(tmp_path))
    assert "kb.yaml:7" in joined and "'no-such-entry', but no entry has that id" in joined
    assert "in both 'pay' and 'it'" in joined
    assert "unknown field `colour`" in joined
    assert "needs `reply:`" in joined and "`phrases:` must be a list" in joined


@pytest.mark.parametrize("text", ["x" * 5000, "<script>alert(1)</script>", "'; DROP TABLE audits; --",
                                  "zzzzzzzz", "int x = 1; /* note */", "{{${7*7}}}", "<script>", "</div>",
                                  "SELECT * FROM audits;", "javascript:alert(1)"])
def test_junk_that_finds_nothing_is_not_noted_for_the_qa_leads(engine: Engine, services: Services,
                                                               text: str) -> None:
    replies = engine.message(PRACTITIONER, text)
    assert replies[0].text.startswith("I couldn't read that as a question, so I haven't noted it. Ask me in words")
    assert not button_values(replies, "kb.escalate")
    assert asks(services) == []


def test_terminal_escape_codes_are_dropped_and_the_question_in_them_is_still_asked(engine: Engine,
                                                                                  services: Services) -> None:
    replies = engine.message(PRACTITIONER, "\x1b[31mwhen is the icpc due?\x1b[0m")
    assert "15 working days" in replies[0].text
    assert [a["query"] for a in asks(services)] == ["when is the icpc due?"]


@pytest.mark.parametrize("text", ["how do i do a genogram with a family of travellers",
                                  "what's the rule on contact = supervised?", "qwerty keyboard shortcuts",
                                  "paediatrician"])
def test_a_question_in_words_that_finds_nothing_is_still_noted(engine: Engine, services: Services, text: str) -> None:
    engine.message(PRACTITIONER, text)
    assert [a["query"] for a in asks(services)] == [text]


@pytest.mark.parametrize("text", ["asdfgh", "qwerty uiop", "sdfsdf sdf", "asdf", "hjkl;", "fghfgh jkjk?"])
def test_a_keyboard_mash_is_not_a_question_and_is_not_noted(engine: Engine, services: Services, text: str) -> None:
    replies = engine.message(PRACTITIONER, text)
    assert [reply.text for reply in replies] == [
        "I couldn't read that as a question, so I haven't noted it. Ask me in words, for example "
        "_when is the ICPC due?_"]
    assert not button_values(replies, "kb.escalate") and not button_values(replies, "kb.show")
    assert asks(services) == []


@pytest.mark.parametrize(("text", "entry"), [("iccp", "icpc-timescale"), ("chronolgy", "chronologies-good")])
def test_a_typo_of_a_word_the_knowledge_base_knows_is_still_searched_and_answered(
        engine: Engine, services: Services, text: str, entry: str) -> None:
    engine.message(PRACTITIONER, text)
    assert [(a["query"], a["outcome"], a["entry_id"]) for a in asks(services)] == [(text, "answer", entry)]

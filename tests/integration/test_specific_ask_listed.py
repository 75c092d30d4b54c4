"""Trial 44 F8: a confident answer lacking the specific thing asked for (a rate, a form) now says so, and the
question reaches the QA leads' unanswered list as its own kind, to be answered like any other group."""

from __future__ import annotations

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)
from tests.support.kb_helpers import all_text, button_values

QA_LEAD = "U0QALEAD1"
ASKER = "U0PRAN001"
# A staying put rate now gets "rates are set locally" (knowledge/local_rates.yaml); a private fostering rate is
# still answered by an entry that gives none.
RATE = "what is the rate for a private fostering arrangement"


def test_the_asker_gets_the_entry_and_is_told_it_gives_no_rate(engine: Engine) -> None:
    replies = engine.message(ASKER, RATE)

    assert replies[0].title == "What is private fostering and what must the council do?"
    assert "This entry doesn't give a rate or amount. I've passed your question to the QA leads" in all_text(replies)


def test_the_qa_leads_list_names_the_entry_and_what_it_lacks_and_only_such_questions(engine: Engine) -> None:
    engine.message(ASKER, RATE)
    engine.message(ASKER, "what is the form for a section 7 report")
    answered = engine.message(ASKER, "what is private fostering")  # the entry answers it: no line, not listed
    assert answered[0].title == "What is private fostering and what must the council do?"
    assert "passed your question" not in all_text(answered)

    listing = all_text(engine.command(QA_LEAD, "kb unanswered"))
    assert "got an entry without what was asked for" in listing
    assert f"_{RATE}_ — once" in listing
    assert "(answered with `private-fostering`, which gives no rate or amount)" in listing
    assert ("(answered with `section-7-and-37-reports`, which gives no form, template or link)" in listing)
    assert "Not helpful: `private-fostering`" not in listing
    assert listing.startswith("Unanswered questions\n2 questions")
    assert "what is private fostering" not in listing


def test_a_qa_leads_answer_goes_to_the_asker_and_closes_the_group(engine: Engine, services: Services) -> None:
    engine.message(ASKER, RATE)
    [key] = button_values(engine.command(QA_LEAD, "kb unanswered")[1:], "kb.unanswered.answer")

    engine.command(QA_LEAD, f"kb answer {key} Parents pay a private foster carer, often about £250 a week; "
                            "the council sets no rate.")
    replies = engine.message(QA_LEAD, "yes")

    dms = {reply.to_user: reply for reply in replies if reply.to_user}
    assert "£250 a week" in dms[ASKER].text
    assert "No unanswered or unhelpful questions" in all_text(engine.command(QA_LEAD, "kb unanswered"))


def test_the_next_asker_in_the_same_words_gets_the_qa_leads_answer_under_the_entry(engine: Engine) -> None:
    """Trial 49 F1: the entry lacked the fact, a QA lead answered, and the next asker was told the question was
    passed on again, with no answer."""
    engine.message(ASKER, RATE)
    [key] = button_values(engine.command(QA_LEAD, "kb unanswered")[1:], "kb.unanswered.answer")
    engine.command(QA_LEAD, f"kb answer {key} Parents pay a private foster carer, often about £250 a week; "
                            "the council sets no rate.")
    engine.message(QA_LEAD, "yes")

    later = engine.message("U0PRAN002", RATE)

    assert later[0].title == "What is private fostering and what must the council do?"
    assert later[-1].title == "A QA lead's answer" and "£250 a week" in later[-1].text
    assert "passed your question" not in all_text(later)
    assert "No unanswered or unhelpful questions" in all_text(engine.command(QA_LEAD, "kb unanswered"))

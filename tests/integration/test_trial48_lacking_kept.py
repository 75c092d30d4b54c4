"""Trial 48 F4, F11, F15: a question on the QA leads' list because its entry lacks the fact asked for (a form) stays
there until someone deals with it: an edit of the entry that still gives no form leaves it listed; an edit that
gives one offers to send it to the asker. `kb link` to such an entry repeats what it lacks; a link left unconfirmed
when another command replaces it says it was not made; `kb edit` with a near id suggests the nearest."""

from __future__ import annotations

from bot.engine.routing import Engine
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)
from tests.support.kb_helpers import all_text, button_values

QA_LEAD = "U0QALEAD1"
ASKER = "U0PRAN001"
FORM = "what form do i use to refer to the LADO"


def form_asked(engine: Engine) -> str:
    """The asker gets `lado` with its "doesn't give a form" line; the group's number on the QA leads' list."""
    said = all_text(engine.message(ASKER, FORM))
    assert "This entry doesn't give a form, template or link" in said
    [key] = button_values(engine.command(QA_LEAD, "kb unanswered")[1:], "kb.unanswered.answer")
    return key


def test_an_edit_that_gives_no_form_leaves_the_question_listed(engine: Engine) -> None:
    key = form_asked(engine)

    engine.message(QA_LEAD, "kb edit lado add alternative: which form for a LADO referral")
    engine.message(QA_LEAD, "yes")

    listing = all_text(engine.command(QA_LEAD, "kb unanswered"))
    assert FORM in listing and f"#{key}" in listing


def test_an_edit_that_gives_the_form_offers_to_send_it_and_the_asker_gets_it(engine: Engine) -> None:
    form_asked(engine)

    engine.message(QA_LEAD, "kb edit lado answer: Refer to the LADO with the LADO referral form on the intranet "
                            "within one working day.")
    done = all_text(engine.message(QA_LEAD, "yes"))
    assert "lacked a form, template or link" in done and "Send it to them" in done
    assert FORM in all_text(engine.command(QA_LEAD, "kb unanswered"))  # not told yet: still listed
    sent = engine.message(QA_LEAD, "send")

    dms = {reply.to_user: reply for reply in sent if reply.to_user}
    assert "LADO referral form" in dms[ASKER].text
    assert FORM not in all_text(engine.command(QA_LEAD, "kb unanswered"))


def test_the_link_says_what_the_entry_lacks_and_a_dropped_link_says_so(engine: Engine) -> None:
    key = form_asked(engine)

    asked = all_text(engine.message(QA_LEAD, f"kb link {key} lado"))
    assert ("`lado` gives no form, template or link: the asker will get it without one. To give them the form, "
            f"use `/audit kb answer {key} <your answer>`") in asked
    dropped = all_text(engine.message(QA_LEAD, "kb edit lado add alternative: which form for a LADO referral"))

    assert f"Your link of #{key} to `lado` was not made" in dropped


def test_kb_edit_with_a_near_id_suggests_the_nearest(engine: Engine) -> None:
    said = all_text(engine.message(QA_LEAD, "kb edit lado-contact answer: ring them"))

    assert "No entry has the id `lado-contact`. Did you mean `lado`" in said

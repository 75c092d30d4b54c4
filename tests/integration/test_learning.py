"""Learning from use, through the engine: a wording picked from "Did you mean…" is answered outright next
time for the person who picked it (for everyone once a second person picks it), a Not-helpful press withdraws
it, and QA leads see learned wordings and can reject one."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from bot.asking.learning import learn_wording, normalise
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import learned as store
from tests.support.extra_entries import settings  # noqa: F401 (fixture used by name)
from tests.support.kb_helpers import all_text, button_values

PRACTITIONER = "U0PRAN001"
COLLEAGUE = "U0PRAN002"
THIRD = "U0PRAS001"
QA_LEAD = "U0QALEAD1"
MASCOT = "what colour is the audit mascot"


def pick(engine: Engine, user: str, question: str, entry_id: str) -> list:
    replies = engine.message(user, question)
    assert "Did you mean" in replies[0].text
    [value] = [v for v in button_values(replies, "kb.show") if v.startswith(f"{entry_id}:")]
    return engine.action(user, "kb.show", value)


def test_a_picked_suggestion_is_learned_and_the_same_wording_is_then_answered_outright(
        engine: Engine, services: Services) -> None:
    picked = pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    assert picked[0].text == "Blue."
    [row] = store.active(services.storage)
    assert (row.entry_id, row.wording, row.user_id, row.source) == \
        ("mascot-colour-south", MASCOT, PRACTITIONER, "picked")
    # The person who picked it, asking in those words again, gets the entry itself, not "Did you mean…"
    again = engine.message(PRACTITIONER, "What colour is the audit mascot?")
    assert again[0].text == "Blue."
    [ask] = services.storage.db.query("SELECT outcome, entry_id FROM kb_asks ORDER BY id DESC LIMIT 1")
    assert ask == {"outcome": "answer", "entry_id": "mascot-colour-south"}
    # Trial 41: one pick (which may be wrong) is not everyone's answer: a colleague is offered it first
    offered = engine.message(COLLEAGUE, "What colour is the audit mascot?")
    assert "Did you mean" in offered[0].text
    assert button_values(offered, "kb.show")[0].startswith("mascot-colour-south:")
    [ask] = services.storage.db.query("SELECT outcome, entry_id FROM kb_asks ORDER BY id DESC LIMIT 1")
    assert ask == {"outcome": "ambiguous", "entry_id": None}


def test_a_colleagues_pick_is_answered_with_the_other_entries_the_words_may_mean(engine: Engine,
                                                                                 services: Services) -> None:
    """Trial 17: one person's pick (by mistake) became everyone's answer for those words, and nothing showed the
    entries they may have meant. Once two people picked it, the answer comes outright, saying where it came from,
    with the other entries found beside it; not for the person who picked it alone, nor once a QA lead has linked
    the words."""
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    own = engine.message(PRACTITIONER, MASCOT)
    assert own[0].text == "Blue." and "colleague" not in all_text(own)
    pick(engine, COLLEAGUE, MASCOT, "mascot-colour-south")
    again = engine.message(THIRD, "What colour is the audit mascot?")
    assert again[0].text == "Blue."
    [besides] = [reply for reply in again if reply.text.startswith("Answered from a colleague's earlier choice")]
    assert "Not helpful?" in besides.text
    assert "mascot-colour-north" in button_values([besides], "kb.show")
    assert "Green." in all_text(engine.action(THIRD, "kb.show", "mascot-colour-north"))
    store.reject(services.storage, store.active(services.storage)[0].id, QA_LEAD, services.clock(), "qa_lead")
    learn_wording(services, "mascot-colour-south", MASCOT, QA_LEAD, "linked")
    linked = engine.message(THIRD, MASCOT)
    assert linked[0].text == "Blue." and "colleague" not in all_text(linked)


def test_one_persons_pick_teaches_only_its_own_words_and_a_qa_leads_link_teaches_more(
        engine: Engine, services: Services) -> None:
    """A user trial: one pick ("can I audit my own case" -> themed audits) gave the entry that wording's words,
    and other questions then met the wrong entry outright. A pick is answered when asked again in its words; a
    QA lead's link teaches the words to other questions."""
    pick(engine, PRACTITIONER, "what colour is the mascot at the riverside hub", "mascot-colour-south")
    assert engine.message(PRACTITIONER, "What colour is the mascot at the riverside hub?")[0].text == "Blue."
    assert engine.message(COLLEAGUE, "what colour is the riverside mascot")[0].text != "Blue."
    learn_wording(services, "mascot-colour-south", "what colour is the mascot at the riverside hub", QA_LEAD,
                  "linked")  # trusts the pick while it stands (the same wording is learned once), and teaches the words
    assert engine.message(COLLEAGUE, "What colour is the mascot at the riverside hub?")[0].text == "Blue."
    assert engine.message(COLLEAGUE, "what colour is the riverside mascot")[0].text == "Blue."
    store.reject(services.storage, store.active(services.storage)[0].id, QA_LEAD, services.clock(), "qa_lead")
    learn_wording(services, "mascot-colour-south", "what colour is the mascot at the riverside hub", QA_LEAD,
                  "linked")
    assert engine.message(COLLEAGUE, "what colour is the riverside mascot")[0].text == "Blue."


def test_not_helpful_on_the_picked_answer_withdraws_the_wording(engine: Engine, services: Services) -> None:
    picked = pick(engine, PRACTITIONER, MASCOT, "mascot-colour-north")
    [_, not_helpful] = button_values(picked, "kb.feedback")
    engine.action(PRACTITIONER, "kb.feedback", not_helpful)
    assert store.active(services.storage) == []
    [row] = services.storage.db.query("SELECT status, rejected_why, rejected_by FROM kb_learned")
    assert row == {"status": "rejected", "rejected_why": "not_helpful", "rejected_by": PRACTITIONER}
    assert "Did you mean" in engine.message(COLLEAGUE, MASCOT)[0].text


def test_not_helpful_on_a_picked_wording_answered_outright_later_withdraws_it(engine: Engine,
                                                                              services: Services) -> None:
    """Trial 19: a pick's wording, asked again and answered outright from the pick, was marked Not helpful; the
    wording stayed learned and everyone asking in those words still got that entry outright."""
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-north")
    again = engine.message(PRACTITIONER, MASCOT)
    assert again[0].text == "Green."
    engine.action(PRACTITIONER, "kb.feedback", button_values(again, "kb.feedback")[1])
    assert store.active(services.storage) == []
    assert "Did you mean" in engine.message(COLLEAGUE, MASCOT)[0].text


def test_not_helpful_leaves_a_qa_leads_link_for_them_to_judge(engine: Engine, services: Services) -> None:
    learn_wording(services, "mascot-colour-south", MASCOT, QA_LEAD, "linked")
    answered = engine.message(PRACTITIONER, MASCOT)
    assert answered[0].text == "Blue."
    engine.action(PRACTITIONER, "kb.feedback", button_values(answered, "kb.feedback")[1])
    [row] = store.active(services.storage)
    assert (row.source, row.entry_id) == ("linked", "mascot-colour-south")


def test_helpful_keeps_it_and_a_second_pick_of_the_same_words_is_stored_once(engine: Engine,
                                                                             services: Services) -> None:
    picked = pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    engine.action(PRACTITIONER, "kb.feedback", button_values(picked, "kb.feedback")[0])
    assert len(store.active(services.storage)) == 1
    again = learn_wording(services, "mascot-colour-south", "What colour is the audit mascot?", PRACTITIONER, "picked")
    assert again.learned is None  # the same person picking it again is still one pick
    result = learn_wording(services, "mascot-colour-south", "What colour is the audit mascot?", COLLEAGUE, "picked")
    assert result.learned is not None and result.learned.trusted_by == COLLEAGUE
    [row] = store.active(services.storage)
    assert (row.user_id, row.trusted_by, row.trusted) == (PRACTITIONER, COLLEAGUE, True)


def test_qa_leads_see_who_taught_what_and_reject_it(engine: Engine, services: Services) -> None:
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    listing = engine.command(QA_LEAD, "kb learned")
    text = all_text(listing)
    assert MASCOT in text and "mascot-colour-south" in text and f"@{{{PRACTITIONER}}}" in text
    [reject] = button_values(listing, "kb.learned.reject")
    assert "not be learned again" in engine.action(QA_LEAD, "kb.learned.reject", reject)[0].text
    assert "Did you mean" in engine.message(COLLEAGUE, MASCOT)[0].text
    [trail] = services.storage.db.query("SELECT actor, action FROM trail WHERE action LIKE 'kb.learned%'")
    assert trail == {"actor": QA_LEAD, "action": "kb.learned.reject"}
    # the same pick again does not bring back what a QA lead rejected
    pick(engine, COLLEAGUE, MASCOT, "mascot-colour-south")
    assert store.active(services.storage) == []
    assert engine.action(QA_LEAD, "kb.learned.reject", reject)[0].text == (
        f"Wording #{reject} is already rejected (type `/audit kb restore {reject}` to undo that); type "
        "`/audit kb learned` to see the learned wordings again.")


def test_when_a_wording_was_learned_is_said_as_the_bot_says_dates(engine: Engine) -> None:
    """Trial 15 F13: "by @Social worker S1, 04 Jun 2027 10:00"; everywhere else the bot writes "4 Jun 2027"."""
    with time_machine.travel(datetime(2027, 6, 4, 10, 0, tzinfo=ZoneInfo("Europe/London")), tick=False):
        pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
        text = all_text(engine.command(QA_LEAD, "kb learned"))
    assert f"@{{{PRACTITIONER}}}, 4 Jun 2027 10:00" in text and "04 Jun" not in text


def test_only_qa_leads_and_admins_list_or_reject(engine: Engine) -> None:
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    assert "QA leads and admins" in all_text(engine.command(PRACTITIONER, "kb learned"))
    [reject] = button_values(engine.command("U0ADMIN01", "kb learned"), "kb.learned.reject")
    refused = engine.action(PRACTITIONER, "kb.learned.reject", reject)
    assert refused[0].kind == "error"
    assert "Did you mean" not in engine.message(PRACTITIONER, MASCOT)[0].text


def test_a_stale_reject_button_says_so(engine: Engine) -> None:
    for value in ("abc", "", "99999"):
        replies = engine.action(QA_LEAD, "kb.learned.reject", value)
        assert "/audit kb learned" in all_text(replies)


def test_linked_wordings_are_learned_and_survive_a_reload(engine: Engine, services: Services) -> None:
    result = learn_wording(services, "mascot-colour-north", "which colour is the northern mascot", QA_LEAD, "linked")
    assert result.learned is not None and result.learned.source == "linked"
    assert engine.message(PRACTITIONER, "which colour is the northern mascot")[0].text == "Green."
    engine.command(QA_LEAD, "kb reload")
    assert engine.message(PRACTITIONER, "which colour is the northern mascot")[0].text == "Green."


def test_wordings_with_identifiers_or_nothing_to_search_or_unknown_entries_are_refused(services: Services) -> None:
    refused = learn_wording(services, "mascot-colour-north", "is mum Shannon Smith ok", QA_LEAD, "linked")
    assert refused.learned is None and "“S… S…” looks like" in refused.why and "Shannon" not in refused.why
    assert learn_wording(services, "mascot-colour-north", "what is it?", QA_LEAD, "linked").learned is None
    assert learn_wording(services, "no-such-entry", "kettle", QA_LEAD, "linked").learned is None
    assert store.active(services.storage) == []


def test_a_case_reference_is_never_learned(engine: Engine, services: Services) -> None:
    """Found by trying the bot: "EH-2233", typed by mistake and then a suggestion picked, was learned as a
    wording, so the next person typing that reference got the entry outright (and a QA lead's Accept would have
    written it into the YAML)."""
    alone = learn_wording(services, "mascot-colour-north", "EH-2233", PRACTITIONER, "picked")
    assert alone.learned is None and "no words to search on" in alone.why
    result = learn_wording(services, "mascot-colour-north", "which colour is the northern mascot for CR-123456?",
                           QA_LEAD, "linked")
    assert result.learned is not None
    assert result.learned.wording == "which colour is the northern mascot for"
    stored = services.storage.db.query("SELECT wording FROM kb_learned")
    assert all("123456" not in row["wording"] and "2233" not in row["wording"] for row in stored)
    assert engine.message(COLLEAGUE, "EH-2233")[0].text != "Green."


def test_learned_wordings_are_searched_after_a_restart(engine: Engine, services: Services) -> None:
    from bot.composition import build_engine, start_up

    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    services.knowledge = services.live_knowledge().fork()  # a fresh process: nothing learned in memory
    assert "Did you mean" in build_engine(services).message(COLLEAGUE, MASCOT)[0].text
    start_up(services)
    assert build_engine(services).message(PRACTITIONER, MASCOT)[0].text == "Blue."


@given(st.text(max_size=200))
@hypothesis_settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
def test_normalise_is_idempotent_bounded_and_lower_case(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    assert len(once) <= 500
    assert once == once.lower() or once.lower() != once.casefold()


def test_in_the_terminal_chat_a_pick_is_learned_and_a_qa_lead_lists_and_rejects_it(engine: Engine,
                                                                                   services: Services) -> None:
    import io

    from bot.terminal.chat import run_chat

    out = io.StringIO()
    run_chat(engine, PRACTITIONER, io.StringIO(f"{MASCOT}\n2\nquit\n"), out)  # 2: the second suggestion
    assert "Did you mean" in out.getvalue()
    [row] = store.active(services.storage)
    lead = io.StringIO()
    run_chat(engine, QA_LEAD, io.StringIO("/audit kb learned\n2\nquit\n"), lead)  # 1 Accept, 2 Reject
    shown = lead.getvalue()
    assert "Learned wordings" in shown and MASCOT in shown and row.entry_id in shown
    assert "no longer finds" in shown
    assert store.active(services.storage) == []


def test_accepting_a_learned_wording_writes_just_that_line_into_the_yaml(engine: Engine, services: Services,
                                                                        kb_dir: Path) -> None:
    import difflib

    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    [path] = [p for p in kb_dir.rglob("*.yaml") if "mascot-colour-south" in p.read_text(encoding="utf-8")]
    before = path.read_text(encoding="utf-8")
    [accept] = button_values(engine.command(QA_LEAD, "kb learned"), "kb.learned.accept")
    assert engine.action(PRACTITIONER, "kb.learned.accept", accept)[0].kind == "error"  # QA leads and admins only
    done = engine.action(QA_LEAD, "kb.learned.accept", accept)
    assert "now one of the alternatives of `mascot-colour-south`" in done[0].text
    changed = [line for line in difflib.unified_diff(before.splitlines(), path.read_text(encoding="utf-8")
                                                     .splitlines(), lineterm="", n=0)
               if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    # only additions: the wording, under a new `alternatives:` key when the entry had none
    assert all(line.startswith("+") for line in changed) and changed[-1].endswith(f"- {MASCOT}")
    assert [line.strip() for line in changed[:-1]] in ([], ["+    alternatives:".strip()])
    # the files are the source now: the learned list is empty and the wording is still answered outright
    assert store.active(services.storage) == []
    assert engine.message(COLLEAGUE, MASCOT)[0].text == "Blue."
    [trail] = services.storage.db.query("SELECT actor FROM trail WHERE action = 'kb.learned.accept'")
    assert trail == {"actor": QA_LEAD}
    assert engine.action(QA_LEAD, "kb.learned.accept", accept)[0].text.startswith(
        f"Wording #{accept} was already accepted: it is one of its entry's alternatives in the knowledge-base files")


def test_learned_wordings_are_numbered_by_their_own_number_and_can_be_typed_accepted_rejected_and_restored(
        engine: Engine, services: Services) -> None:
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    [item] = store.active(services.storage)
    listing = engine.command(QA_LEAD, "kb learned")
    labels = [choice.label for reply in listing for choice in reply.choices]
    assert labels == [f"Accept wording #{item.id}", f"Reject wording #{item.id}"]
    assert f"#{item.id} _{MASCOT}_" in listing[0].text
    # a practitioner's "reject 1" is still a question, not a command
    assert "Rejected" not in all_text(engine.message(PRACTITIONER, f"reject {item.id}"))
    assert store.active(services.storage) == [item]
    # a QA lead types it, in a DM or the terminal, or as /audit kb reject N
    rejected = engine.message(QA_LEAD, f"reject {item.id}")
    assert rejected[0].text.startswith(f"Rejected #{item.id}:") and store.active(services.storage) == []
    assert engine.message(COLLEAGUE, MASCOT)[0].text != "Blue."  # no longer searched
    # Undo: the wording is searched again, and the restore is in the trail
    [undo] = button_values(rejected, "kb.learned.restore")
    assert f"Restored #{item.id}" in engine.action(QA_LEAD, "kb.learned.restore", undo)[0].text
    assert [i.id for i in store.active(services.storage)] == [item.id]
    assert f"Wording #{item.id} is not rejected: it already finds `mascot-colour-south`" in \
        all_text(engine.command(QA_LEAD, f"kb restore {item.id}"))
    trail = [row["action"] for row in services.storage.db.query("SELECT action FROM trail WHERE action LIKE "
                                                                "'kb.learned.%' ORDER BY id")]
    assert trail == ["kb.learned.reject", "kb.learned.restore"]
    assert "now one of the alternatives" in all_text(engine.command(QA_LEAD, f"kb accept {item.id}"))
    assert store.active(services.storage) == []
    assert "Say which wording" in all_text(engine.command(QA_LEAD, "kb accept"))


@pytest.mark.parametrize("typed", ["accept 99", "reject 99", "restore 99", "/audit kb accept 99"])
def test_a_number_no_wording_ever_had_is_called_unknown_not_already_handled(engine: Engine, services: Services,
                                                                          typed: str) -> None:
    """Trial 8: `accept 99`, with no wording #99, said "That wording is no longer learned (already accepted, rejected
    or withdrawn)", as if someone had dealt with it."""
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    replies = engine.command(QA_LEAD, typed[len("/audit "):]) if typed.startswith("/") else \
        engine.message(QA_LEAD, typed)
    assert all_text(replies).strip() == ("There is no learned wording #99; type `/audit kb learned` to see the learned "
                                 "wordings again.")
    assert [item.entry_id for item in store.active(services.storage)] == ["mascot-colour-south"]


def test_a_rejected_wording_is_restored_before_it_can_be_accepted(engine: Engine, services: Services) -> None:
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    [item] = store.active(services.storage)
    engine.message(QA_LEAD, f"reject {item.id}")
    assert all_text(engine.message(QA_LEAD, f"accept {item.id}")).strip().startswith(
        f"Wording #{item.id} was rejected: restore it first with `/audit kb restore {item.id}`")
    assert store.active(services.storage) == []


def test_an_accepted_wordings_number_is_never_given_to_a_later_wording(engine: Engine, services: Services) -> None:
    """Accepting a wording takes it out of the table; the next one learned once got the same number, so an old
    *Accept #1* button or a typed `accept 1` accepted a different, newer wording nobody had looked at."""
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    [first] = store.active(services.storage)
    [old_button] = button_values(engine.command(QA_LEAD, "kb learned"), "kb.learned.accept")
    assert "now one of the alternatives" in all_text(engine.message(QA_LEAD, f"accept {first.id}"))
    learn_wording(services, "mascot-colour-north", "what colour is the mascot in the north building", QA_LEAD,
                  "linked")
    [second] = store.active(services.storage)
    assert second.id > first.id
    already = (f"Wording #{first.id} was already accepted: it is one of its entry's alternatives in the "
               "knowledge-base files")
    assert all_text(engine.message(QA_LEAD, f"accept {first.id}")).strip().startswith(already)
    assert all_text(engine.action(QA_LEAD, "kb.learned.accept", old_button)).strip().startswith(already)
    assert all_text(engine.message(QA_LEAD, f"reject {first.id}")).strip().startswith(already)
    assert store.active(services.storage) == [second]  # the newer wording is untouched, still waiting


EAST_BY_HAND = """\
  - id: mascot-colour-east
    question: What colour is the audit mascot in the east office?
    alternatives:
      - colour of the audit mascot
    answer: Red.
    source: Test fixture
    review_by: 2035-01-01
"""


def test_a_learned_wording_another_entry_has_come_to_find_is_listed_so_and_not_accepted(
        engine: Engine, services: Services, kb_dir: Path) -> None:
    """A user trial: a wording was learned for one entry, then a QA lead wrote another entry by hand whose
    alternative says the same. `kb learned` still said it "finds its entry", and `accept` wrote it into the first
    entry's alternatives with no warning, after which the question found neither entry. Refused as Link to an
    entry refuses it, in the terminal chat (and `kb learned` offers no Accept for it)."""
    import io

    from bot.terminal.chat import run_chat

    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    [item] = store.active(services.storage)
    path = kb_dir / "kb" / "zz-test-extra.yaml"
    path.write_text(path.read_text(encoding="utf-8") + EAST_BY_HAND, encoding="utf-8")
    assert "reloaded" in all_text(engine.command(QA_LEAD, "kb reload"))
    assert engine.message(COLLEAGUE, MASCOT)[0].text == "Red."  # the new entry answers it today
    before = {file: file.read_bytes() for file in (kb_dir / "kb").glob("*.yaml")}

    out = io.StringIO()
    run_chat(engine, QA_LEAD, io.StringIO(f"/audit kb learned\naccept {item.id}\nquit\n"), out)

    shown = " ".join(out.getvalue().split())
    clash = ("already finds mascot-colour-east (it says what one of its wordings says): given to mascot-colour-south "
             "too, it would find neither entry")
    assert "each now finds its entry, except where said:" in shown
    assert f"This wording {clash}, so it can't be accepted: reject it, or first take out the wording of " \
           "mascot-colour-east that says the same" in shown
    assert f"Accept wording #{item.id}" not in shown and f"Reject wording #{item.id}" in shown
    assert (f"Wording #{item.id}, “{MASCOT}”, {clash}. If mascot-colour-east answers it, reject it (/audit kb reject "
            f"{item.id}); if not, first take out the wording of mascot-colour-east that says the same (its "
            "alternatives in kb/zz-test-extra.yaml, or its learned wordings under /audit kb learned), then accept it. "
            "Nothing was written.") in shown
    assert {file: file.read_bytes() for file in before} == before
    assert store.active(services.storage) == [item]
    assert engine.message(COLLEAGUE, MASCOT)[0].text == "Red."
    assert not list(services.storage.db.query("SELECT 1 FROM trail WHERE action = 'kb.learned.accept'"))


def test_after_a_reload_one_persons_pick_still_teaches_only_its_own_words(engine: Engine) -> None:
    """A reload searched every learned wording as a QA lead's link, a pick's too, until the next Reject: after any
    `kb reload`, "what colour is the riverside mascot" met the entry of one person's pick outright again."""
    pick(engine, PRACTITIONER, "what colour is the mascot at the riverside hub", "mascot-colour-south")
    engine.command(QA_LEAD, "kb reload")
    assert engine.message(PRACTITIONER, "What colour is the mascot at the riverside hub?")[0].text == "Blue."
    assert engine.message(COLLEAGUE, "what colour is the riverside mascot")[0].text != "Blue."


# -- trial 11, finding 8 -----------------------------------------------------------------------------------------

def test_undo_typed_under_a_reject_restores_the_wording_as_the_undo_button_does(engine: Engine,
                                                                                services: Services) -> None:
    """Trial 11: under "Rejected #2 … Undo" (the bot's own word), typing `undo` answered a knowledge-base article
    and restored nothing."""
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    [item] = store.active(services.storage)
    rejected = engine.message(QA_LEAD, f"reject {item.id}")
    assert "Type `undo`" in (rejected[0].note or "") and store.active(services.storage) == []

    undone = engine.message(QA_LEAD, "Undo")

    assert undone[0].text.startswith(f"Restored #{item.id}:") and store.active(services.storage) == [item]
    # the button's label typed does the same; `yes` does not (the reply asked nothing), and the offer ends there
    engine.message(QA_LEAD, f"reject {item.id}")
    assert all_text(engine.message(QA_LEAD, f"undo: restore #{item.id}")).strip().startswith(f"Restored #{item.id}:")
    engine.message(QA_LEAD, f"reject {item.id}")
    assert "Restored" not in all_text(engine.message(QA_LEAD, "yes"))
    assert "Restored" not in all_text(engine.message(QA_LEAD, "undo"))
    assert store.active(services.storage) == []


def test_in_the_terminal_chat_undo_typed_after_reject_restores_it(engine: Engine, services: Services) -> None:
    import io

    from bot.terminal.chat import run_chat

    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    [item] = store.active(services.storage)
    lead = io.StringIO()
    run_chat(engine, QA_LEAD, io.StringIO("/audit kb learned\n2\nundo\nquit\n"), lead)  # 1 Accept, 2 Reject
    assert f"Restored #{item.id}" in lead.getvalue()
    assert store.active(services.storage) == [item]


def test_once_every_wording_is_dealt_with_kb_learned_says_what_became_of_them(engine: Engine,
                                                                             services: Services) -> None:
    """Trial 12: after accepting the only learned wording, `kb learned` said the knowledge base "has learned no
    wordings yet", as if the accept had been lost."""
    assert "has learned no wordings yet" in all_text(engine.command(QA_LEAD, "kb learned"))
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    [item] = store.active(services.storage)
    assert "now one of the alternatives" in all_text(engine.message(QA_LEAD, f"accept {item.id}"))

    listing = all_text(engine.command(QA_LEAD, "kb learned"))

    assert "No learned wordings wait for your review: 1 accepted (written into its entry's alternatives) so far." \
        in listing
    assert "yet" not in listing
    learn_wording(services, "mascot-colour-north", "what colour is the mascot in the north building", QA_LEAD,
                  "linked")
    [second] = store.active(services.storage)
    engine.message(QA_LEAD, f"reject {second.id}")
    assert "No learned wordings wait for your review: 1 accepted (written into its entry's alternatives) and 1 " \
           "rejected so far." in all_text(engine.command(QA_LEAD, "kb learned"))


@pytest.mark.parametrize("typed", ["reject {n} wrong entry", "reject {n} - wrong entry",
                                   "/audit kb reject {n} wrong entry"])
def test_reject_with_a_reason_runs_as_reject_alone_does_and_keeps_the_reason(engine: Engine, services: Services,
                                                                             typed: str) -> None:
    """Trial 51 (F22): `reject 1 wrong entry` got "Did you mean kb reject 1? Type yes" (the reason dropped) while
    `reject 1` ran straight."""
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    [item] = store.active(services.storage)
    line = typed.format(n=item.id)
    replies = engine.command(QA_LEAD, line[len("/audit "):]) if line.startswith("/") else engine.message(QA_LEAD, line)

    said = all_text(replies)
    assert f"Rejected #{item.id}:" in said and "Your reason, _wrong entry_, is kept in the trail." in said
    assert "Did you mean" not in said and store.active(services.storage) == []
    [row] = services.storage.db.query("SELECT detail FROM trail WHERE action = 'kb.learned.reject'")
    assert '"reason": "wrong entry"' in row["detail"]


def test_a_reject_reason_that_could_identify_someone_is_not_kept(engine: Engine, services: Services) -> None:
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    [item] = store.active(services.storage)

    said = all_text(engine.message(QA_LEAD, f"reject {item.id} the sw said jack smith asked it"))

    assert f"Rejected #{item.id}:" in said and "Your reason was not kept" in said
    [row] = services.storage.db.query("SELECT detail FROM trail WHERE action = 'kb.learned.reject'")
    assert "jack" not in row["detail"].lower() and "reason" not in row["detail"]


def test_reject_of_two_numbers_is_not_read_as_one_with_a_reason(engine: Engine, services: Services) -> None:
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    [item] = store.active(services.storage)

    said = all_text(engine.message(QA_LEAD, f"reject {item.id} and 99"))

    assert "Rejected" not in said and store.active(services.storage) == [item]


@pytest.mark.parametrize("typed", ["accept {n} right entry", "accept {n} - looks right",
                                   "/audit kb accept {n} right entry"])
def test_accept_with_a_reason_runs_as_accept_alone_does_and_keeps_the_reason(engine: Engine, services: Services,
                                                                             typed: str) -> None:
    """Trial 52 (fix57b): `accept 3 <reason>` got "Did you mean" while `reject 3 <reason>` ran; the reason is kept
    in the trail, as a reject's is."""
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    [item] = store.active(services.storage)
    line = typed.format(n=item.id)
    replies = engine.command(QA_LEAD, line[len("/audit "):]) if line.startswith("/") else engine.message(QA_LEAD, line)

    said = all_text(replies)
    assert "now one of the alternatives" in said and "Did you mean" not in said
    assert "is kept in the trail." in said and store.active(services.storage) == []
    [row] = services.storage.db.query("SELECT detail FROM trail WHERE action = 'kb.learned.accept'")
    assert '"reason": ' in row["detail"]


@pytest.mark.parametrize("typed", ["restore {n} rejected by mistake", "restore {n}: my mistake",
                                   "/audit kb restore {n} rejected by mistake"])
def test_restore_with_a_reason_runs_as_restore_alone_does(engine: Engine, services: Services, typed: str) -> None:
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    [item] = store.active(services.storage)
    engine.message(QA_LEAD, f"reject {item.id}")
    line = typed.format(n=item.id)
    replies = engine.command(QA_LEAD, line[len("/audit "):]) if line.startswith("/") else engine.message(QA_LEAD, line)

    said = all_text(replies)
    assert f"Restored #{item.id}:" in said and "Did you mean" not in said
    assert "is kept in the trail." in said and store.active(services.storage) == [item]
    [row] = services.storage.db.query("SELECT detail FROM trail WHERE action = 'kb.learned.restore'")
    assert '"reason": ' in row["detail"]


def test_an_accept_reason_that_could_identify_someone_is_not_kept(engine: Engine, services: Services) -> None:
    pick(engine, PRACTITIONER, MASCOT, "mascot-colour-south")
    [item] = store.active(services.storage)

    said = all_text(engine.message(QA_LEAD, f"accept {item.id} the sw said jack smith asked it"))

    assert "now one of the alternatives" in said and "Your reason was not kept" in said
    [row] = services.storage.db.query("SELECT detail FROM trail WHERE action = 'kb.learned.accept'")
    assert "jack" not in row["detail"].lower() and "reason" not in row["detail"]

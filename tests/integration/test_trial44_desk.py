"""Trial 44's findings on the QA leads' unanswered desk and learned wordings (F5, F6, F7, F12, F19, F21, F22)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.settings.config import Settings, load_settings
from tests.integration.test_learning import MASCOT, pick
from tests.integration.test_unanswered_workflow import ASKER, OTHER, QA_LEAD, ask_fire_drill, statuses
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)
from tests.support.kb_helpers import add_extra_entries, all_text, button_values

ANSWER = "The fire drill is held on the 20th of each month."


def test_kb_answer_typed_in_one_line_is_read_back_and_sent_only_on_yes(engine: Engine, services: Services) -> None:
    """F12: `kb answer 30 Yes: we use…` went straight to the asker; a DM cannot be unsent, so a typo went out."""
    key = ask_fire_drill(engine)

    [read_back] = engine.command(QA_LEAD, f"kb answer {key} {ANSWER}")

    assert read_back.text.startswith(f"Send this as the answer to #{key}? It goes by DM to the 2 people who asked")
    assert ANSWER in read_back.text and statuses(services) == []
    sent = engine.message(QA_LEAD, "yes")
    assert {reply.to_user for reply in sent if reply.to_user} == {ASKER, OTHER}
    assert f"Sent your answer to 2 people; #{key} is closed" in sent[-1].text


def test_no_to_a_one_line_kb_answer_sends_nothing(engine: Engine, services: Services) -> None:
    key = ask_fire_drill(engine)

    engine.command(QA_LEAD, f"kb answer {key} {ANSWER}")
    replies = engine.message(QA_LEAD, "no")

    assert not any(reply.to_user for reply in replies) and statuses(services) == []
    assert f"OK, nothing was sent. Type your answer to #{key} again" in replies[0].text


class TestPicks:
    """F22, F19, F21 with two entries one wording could mean (tests/support/kb_helpers.add_extra_entries)."""

    @pytest.fixture
    def settings(self, environ: dict[str, str], kb_dir: Path) -> Settings:
        add_extra_entries(kb_dir)
        return load_settings(environ)

    @staticmethod
    def half_picked(engine: Engine, services: Services) -> tuple[int, int]:
        """OTHER and ASKER ask, picking nothing; ASKER asks again and picks: the group's number and newest id."""
        engine.message(OTHER, MASCOT)
        engine.message(ASKER, "what colour is the audit mascot please")
        pick(engine, ASKER, "What colour is the audit mascot?", "mascot-colour-south")
        [group] = engine.command(QA_LEAD, "kb unanswered")[1:]
        [value] = button_values([group], "kb.unanswered.answer")
        ids = [row[0] for row in services.storage.db.execute("SELECT id FROM kb_asks ORDER BY id")]
        return int(value), ids[1]

    def test_a_group_partly_picked_says_how_many_picked_which_entry(self, engine: Engine, services: Services) -> None:
        """F22: "how lng for a core grp — 2 times … (offered suggestions, none picked)" after N2 had picked it."""
        self.half_picked(engine, services)
        listing = all_text(engine.command(QA_LEAD, "kb unanswered"))
        assert "(offered suggestions: 2 asked, 1 picked `mascot-colour-south`)" in listing
        assert "none picked" not in listing

    def test_a_group_shows_one_number_with_its_other_wordings_under_it(self, engine: Engine,
                                                                       services: Services) -> None:
        """Trial 46 F17: "#4 (wording of #25)" left a QA lead to decode which number to act on. The group's number is
        the one shown, its other wordings under it unnumbered; a wording's own number (as `kb find` lists it, trial 44
        F21) still works."""
        key, newest = self.half_picked(engine, services)
        listing = engine.command(QA_LEAD, "kb unanswered")
        summary, group = listing[0].text, listing[1].text
        for text in (summary, group):
            assert f"**#{key}** _what colour is the audit mascot please_ — 2 times" in text, text
            assert "\n" in text and "also worded: _what colour is the audit mascot_" in text.split("\n", 1)[1], text
            assert "wording of" not in text and f"#{newest}" not in text and key != newest
        dismissed = all_text(engine.command(QA_LEAD, f"kb dismiss {newest}"))
        assert "as dismissed (2 questions)" in dismissed
        assert "No unanswered" in all_text(engine.command(QA_LEAD, "kb unanswered"))
        assert f"#{newest}" in all_text(engine.command(QA_LEAD, "kb find mascot please"))

    def test_an_asker_who_picked_the_linked_entry_is_not_sent_it_again(self, engine: Engine,
                                                                       services: Services) -> None:
        """F19: N2 had picked core-group-timescale, and the link still DM'd them the whole entry."""
        key, _ = self.half_picked(engine, services)
        [asked] = engine.command(QA_LEAD, f"kb link {key} mascot-colour-south")
        assert "The 1 person who asked" in asked.text and "(1 person already picked it, so won't get it again)" \
            in asked.text
        linked = engine.message(QA_LEAD, "yes")
        assert [reply.to_user for reply in linked if reply.to_user] == [OTHER]
        assert "Sent it to 1 person (1 person had already picked it from the suggestions, so was not sent it " \
               "again)." in linked[-1].text

    def test_a_learned_wording_already_written_by_an_edit_is_shown_done_and_accept_writes_nothing(
            self, engine: Engine, services: Services, kb_dir: Path) -> None:
        """F6: after `kb link 27 core-group-timescale` wrote the wording, `kb learned` still said "one pick, not yet
        trusted", and `accept 4` said it was now one of the alternatives (nothing new was written)."""
        pick(engine, ASKER, MASCOT, "mascot-colour-south")
        engine.command(QA_LEAD, f"kb edit mascot-colour-south add alternative: {MASCOT}")
        engine.message(QA_LEAD, "yes")
        files = {path: path.read_bytes() for path in (kb_dir / "kb").glob("*.yaml")}
        listing = all_text(engine.command(QA_LEAD, "kb learned"))
        assert "done: already one of its alternatives in the knowledge-base files" in listing
        assert "one pick, not yet trusted" not in listing
        [number] = button_values(engine.command(QA_LEAD, "kb learned"), "kb.learned.reject")
        [reply] = engine.message(QA_LEAD, f"accept {number}")
        assert "was already one of the alternatives of `mascot-colour-south`" in reply.text
        assert "nothing was written" in reply.text and "is now one of" not in reply.text
        assert {path: path.read_bytes() for path in files} == files


def test_a_group_a_new_entry_also_answers_is_named_and_sent_it_on_one_word(engine: Engine, services: Services) -> None:
    """F5: `kb new 10 …` DM'd #10's askers; #20, whose words the new entry also answered, dropped off the list and
    its asker got nothing."""
    engine.message(ASKER, "when is the fire drill held")
    engine.message(OTHER, "fire evacuation practice dates")
    groups = engine.command(QA_LEAD, "kb unanswered")[1:]
    [drill, practice] = [int(button_values([group], "kb.unanswered.answer")[0]) for group in sorted(
        groups, key=lambda group: "practice" in group.text)]

    replies = engine.command(QA_LEAD, f"kb new {drill} When is the fire drill and evacuation practice held? | The "
                                      "fire drill and evacuation practice is held on the 20th of each month. | "
                                      "file: auditing-here")

    assert [reply.to_user for reply in replies if reply.to_user] == [ASKER]
    assert f"#{practice} “fire evacuation practice dates” is answered by your new entry too: 1 person, not told." \
        in all_text(replies)
    sent = engine.message(QA_LEAD, "send")
    [dm] = [reply for reply in sent if reply.to_user]
    assert dm.to_user == OTHER and "held on the 20th of each month" in dm.text
    assert f"of #{practice}; it is closed" in sent[-1].text
    assert [row[0] for row in services.storage.db.execute("SELECT status FROM kb_unanswered_status")] == \
        ["new_entry", "linked"]


def test_an_edit_to_an_entry_marked_not_helpful_takes_it_off_the_list_and_offers_to_tell_the_asker(
        engine: Engine, services: Services) -> None:
    """F7: `kb edit delegated-authority add alternative: …` after a Not helpful left #19 on the list, its asker
    never told; the docs say the group leaves the list once the entry is changed after the vote."""
    answered = engine.message(ASKER, "when is the icpc due")
    engine.action(ASKER, "kb.feedback", button_values(answered, "kb.feedback")[1])
    [value] = button_values(engine.command(QA_LEAD, "kb unanswered")[1:], "kb.unanswered.answer")

    engine.command(QA_LEAD, "kb edit icpc-timescale add alternative: when must the initial conference be held")
    changed = engine.message(QA_LEAD, "yes")

    assert f"#{value} “when is the icpc due” was marked Not helpful on `icpc-timescale`, which you have now " \
        "changed: 1 person, not told." in all_text(changed)
    assert "No unanswered or unhelpful questions" in all_text(engine.command(QA_LEAD, "kb unanswered"))
    sent = engine.message(QA_LEAD, "send")
    [dm] = [reply for reply in sent if reply.to_user]
    assert dm.to_user == ASKER and dm.text.startswith("A QA lead has updated the answer to")

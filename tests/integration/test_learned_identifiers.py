"""Trial 15, F12: a learned wording holding a person's name ('should i ask darren price in the leaving care team
about the setting up home grant') was listed by `kb learned` with an Accept button, `accept` wrote it into the
knowledge-base files every answer is built from, and `kb check` then said OK. A learned wording is screened as kb
check reads it (lower case, as an alternative) before it is stored, listed or written: one learned before the screen
refused it is listed without its words and without Accept, Accept refuses it with the screen's words, and kb check
finds the name in an alternative written in lower case."""

from __future__ import annotations

from pathlib import Path

from bot.asking.kb_check import council_screen, folder_problems
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import learned as store
from tests.integration.test_learning import PRACTITIONER, QA_LEAD, settings  # noqa: F401  (the fixture, shared)
from tests.support.kb_helpers import all_text, button_values

NAMED = "should i ask darren price about the colour of the audit mascot in the south office"


def learned_before_the_screen_refused_it(services: Services) -> store.Learned:
    """A wording stored by an earlier version, whose screen let the name through."""
    stored = store.learn(services.storage, "mascot-colour-south", NAMED, PRACTITIONER, "picked", services.clock())
    assert stored is not None
    return stored


def test_a_learned_wording_with_a_name_is_listed_without_its_words_or_accept(engine: Engine,
                                                                            services: Services) -> None:
    item = learned_before_the_screen_refused_it(services)
    listing = engine.command(QA_LEAD, "kb learned")
    text = all_text(listing)
    assert "darren" not in text.casefold()
    assert f"#{item.id} (wording not shown: it holds a child's or family member's name)" in text
    assert button_values(listing, "kb.learned.accept") == []
    assert button_values(listing, "kb.learned.reject") == [str(item.id)]
    rejected = all_text(engine.message(QA_LEAD, f"reject {item.id}"))
    assert f"Rejected #{item.id}: the wording no longer finds" in rejected and "darren" not in rejected.casefold()


def test_accepting_a_learned_wording_with_a_name_is_refused_and_nothing_is_written(engine: Engine,
                                                                                  services: Services,
                                                                                  kb_dir: Path) -> None:
    item = learned_before_the_screen_refused_it(services)
    before = {path: path.read_text(encoding="utf-8") for path in kb_dir.rglob("*.yaml")}
    reply = all_text(engine.message(QA_LEAD, f"accept {item.id}"))
    assert "“d… p…” looks like a child's or family member's name" in reply
    assert "Nothing was written" in reply
    assert {path: path.read_text(encoding="utf-8") for path in kb_dir.rglob("*.yaml")} == before
    assert [i.id for i in store.active(services.storage)] == [item.id]


def test_kb_check_finds_a_name_in_a_lower_case_alternative(services: Services, kb_dir: Path) -> None:
    path = kb_dir / "kb" / "zz-test-extra.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    answer: Blue.\n", f"    alternatives:\n      - {NAMED}\n    answer: Blue.\n"), encoding="utf-8")
    problems, _ = folder_problems(kb_dir / "kb", council_screen(services))
    said = "\n".join(str(problem) for problem in problems)
    assert "entry 'mascot-colour-south' alternative: “d… p…” looks like a child's or family member's name" \
        in said

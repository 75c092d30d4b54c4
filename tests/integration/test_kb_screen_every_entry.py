"""Trial 9, finding 6: an entry whose id repeated another's was reported only as "entry id '…' is used twice", and
the child's name, the mother's name, her phone and the child's NHS number in its text went unreported until the id
was renamed; a start on that folder listed fewer problems than `/audit kb reload`. Now every entry's text is
screened, one with an id used twice or another problem of its own too, and `audit-bot kb check`, `/audit kb
check`, `/audit kb reload` and the bot's start list the same problems in one run, what the screen found first (the
start without the words found).

The names and numbers below are deliberately fake test inputs for the privacy screen."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.composition import build_engine, build_services
from bot.engine.home import home_sections
from bot.privacy.screen import Screen
from bot.settings.config import Settings, load_settings
from knowledge.problems import KnowledgeBaseError
from tests.support.cli import run_cli

QA_LEAD = "U0QALEAD1"
WORDS = ("Kayden", "Shannon", "07700 900123", "943 476 5919")  # fake: none may reach a log or a notice
# A hand edit as the tester made it: an id already used, and text that could identify a child and family.
REUSED_ID = ("\n  - id: start-audit\n"
             "    question: What did the Kayden Smith review find?\n"
             "    answer: It found that mum Shannon Smith rang 07700 900123 and the child's NHS number is "
             "943 476 5919.\n"
             "    owner: jane.smith@council.gov.uk\n")
NAME = "“K… S…” looks like a child's or family member's name"
PHONE, NHS = "“0… 9…” looks like a phone number", "“9… 4… 5…” looks like an NHS number"
MOTHER = "“S… S…” looks like a child's or family member's name"


@pytest.fixture
def settings(environ: dict[str, str], kb_dir: Path) -> Settings:
    return load_settings(environ)


def append(kb_dir: Path, text: str) -> int:
    """Append entries to kb/auditing-here.yaml; the line the first of them starts on."""
    path = kb_dir / "kb" / "auditing-here.yaml"
    before = path.read_text(encoding="utf-8")
    path.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 2


def problem_lines(out: str) -> list[str]:
    """`audit-bot kb check`'s problems, one per line, as `file:line: message`."""
    return [line.removeprefix("- ") for line in out.splitlines() if line.startswith("- ")]


def bullets(text: str) -> list[str]:
    """A Slack reply's problems, as `file:line: message` (the form `kb check` prints)."""
    return [line.removeprefix("• `").replace("` — ", ": ", 1) for line in text.splitlines() if line.startswith("• `")]


def test_kb_check_screens_an_entry_whose_id_is_used_twice_and_tells_it_first(environ: dict[str, str],
                                                                              kb_dir: Path) -> None:
    line = append(kb_dir, REUSED_ID)
    checked = run_cli(environ, "kb", "check")
    assert checked.code == 1
    assert "The knowledge base has 4 problems:" in checked.out
    question, answer, owner, reused = problem_lines(checked.out)
    assert question.startswith(f"kb/auditing-here.yaml:{line}: entry 'start-audit' question: {NAME}")
    assert answer.startswith(f"kb/auditing-here.yaml:{line + 2}: entry 'start-audit' answer: ")  # at `answer:`
    assert all(found in answer for found in (PHONE, NHS, MOTHER))
    assert "owner `jane.smith@council.gov.uk`" in owner
    assert f"kb/auditing-here.yaml:{line}: entry id 'start-audit' is used twice" in reused

    # renaming the id, as the QA lead did, brings nothing new to light: the first run said it all
    path = kb_dir / "kb" / "auditing-here.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(REUSED_ID, REUSED_ID.replace("start-audit",
                                                                                          "review-findings")),
                    encoding="utf-8")
    again = run_cli(environ, "kb", "check")
    assert problem_lines(again.out) == [problem.replace("start-audit", "review-findings")
                                        for problem in (question, answer, owner)]


@pytest.mark.parametrize(("entry", "also"), [
    ("  - id: review-notes\n    question: Where are the notes on Kayden Smith?\n",
     "entry 'review-notes' has no answer"),
    ("  - question: Where are the notes on Kayden Smith?\n    answer: In the case file.\n",
     "entry 2 has no id"),
    ("  - id: Review Notes\n    question: Where are the notes on Kayden Smith?\n    answer: In the case file.\n",
     "entry 'Review Notes' has an id that is not lower-case words"),
], ids=["no answer", "no id", "an id not written as one"])
def test_kb_check_screens_an_entry_with_another_problem_of_its_own(environ: dict[str, str], kb_dir: Path,
                                                                    entry: str, also: str) -> None:
    office = kb_dir / "kb" / "zz-office.yaml"
    office.write_text("entries:\n  - id: fire-drill\n    question: When is the fire drill?\n"
                      "    answer: Every Monday at ten.\n" + entry, encoding="utf-8")
    checked = run_cli(environ, "kb", "check")
    assert checked.code == 1
    screened, *others = problem_lines(checked.out)
    assert screened.startswith("kb/zz-office.yaml:5: ") and f"question: {NAME}" in screened
    assert any(also in problem for problem in others)


def test_reload_and_kb_check_in_slack_list_what_the_command_line_lists(environ: dict[str, str], kb_dir: Path,
                                                                        settings: Settings,
                                                                        identifier_screen: Screen) -> None:
    services = build_services(settings, screen=identifier_screen)
    try:
        engine = build_engine(services)
        append(kb_dir, REUSED_ID)  # edited by hand while the bot runs
        expected = problem_lines(run_cli(environ, "kb", "check").out)
        [checked] = engine.command(QA_LEAD, "kb check")
        assert checked.text.startswith("The knowledge base has 4 problems:")
        assert bullets(checked.text) == expected
        [reloaded] = engine.command(QA_LEAD, "kb reload")
        assert reloaded.title == "Knowledge base not reloaded"
        assert "The knowledge base has 4 problems:" in reloaded.text
        assert bullets(reloaded.text) == expected
        assert "start-audit" in services.knowledge.current.kb.entries
        assert "Kayden" not in str(services.knowledge.current.kb.entries["start-audit"])
    finally:
        services.storage.close()


def test_a_start_on_the_folder_lists_the_same_problems_without_the_words(
        environ: dict[str, str], kb_dir: Path, settings: Settings, identifier_screen: Screen,
        caplog: pytest.LogCaptureFixture) -> None:
    build_services(settings, screen=identifier_screen).storage.close()  # a clean start keeps the last good copy
    line = append(kb_dir, REUSED_ID)
    expected = problem_lines(run_cli(environ, "kb", "check").out)
    where = f"kb/auditing-here.yaml:{line}"
    with caplog.at_level(logging.ERROR, logger="audit_bot"):
        services = build_services(settings, screen=identifier_screen)
    try:
        engine = build_engine(services)
        [notice, *_] = [s for s in home_sections(engine, services, QA_LEAD) if s.title != "audit-bot"]
        assert notice.title == "The knowledge base did not load at start"
        assert notice.text.startswith("At start, the knowledge folder had 4 problems:")
        told = bullets(notice.text)
        # the same problems in the same order, each at the same file and line; the screen's without the words
        assert [problem.split(": ", 1)[0] for problem in told] == [problem.split(": ", 1)[0] for problem in expected]
        assert told[0].startswith(f"{where}: entry 'start-audit' question: something that looks like a child's or "
                                  "family member's name")
        assert told[1].startswith(f"kb/auditing-here.yaml:{line + 2}: entry 'start-audit' answer: ")
        assert "NHS number" in told[1] and "phone number" in told[1]
        assert told[2:] == expected[2:]
        logged = "\n".join(record.getMessage() for record in caplog.records)
        assert f"{where}: entry 'start-audit' question: something that looks like" in logged
        assert not any(word in text for word in WORDS for text in (notice.text, logged))
    finally:
        services.storage.close()

    # with no last good copy the bot does not start, and says so with the same list
    fresh = load_settings({**environ, "AUDITBOT_DB": str(Path(environ["AUDITBOT_DB"]).parent / "fresh" / "a.db")})
    with pytest.raises(KnowledgeBaseError) as refused:
        build_services(fresh, screen=identifier_screen)
    assert [str(problem).split(": ", 1)[0] for problem in refused.value.problems] == \
        [problem.split(": ", 1)[0] for problem in expected]
    assert not any(word in str(refused.value) for word in WORDS)

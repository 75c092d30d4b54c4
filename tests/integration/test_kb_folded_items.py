"""Trial 33 (M1): `      - texting care leavers` then `       - whatsapp a young person` (one space more) is valid YAML
that folds the second item into the first ("texting care leavers - whatsapp a young person"), and `kb check` said OK.
It now warns, with file, line and what to fix, and still loads the folder (a warning, not a problem)."""

from __future__ import annotations

from pathlib import Path

from knowledge.folded_items import folded_item_warnings, folded_items
from knowledge.loader import load_knowledge
from tests.integration.test_kb_last_good import settings
from tests.support.cli import run_cli

__all__ = ["settings"]  # the fixture: this suite's settings on a copy of the knowledge folder
QA_LEAD = "U0QALEAD1"
SLIP = "      - texting care leavers\n       - whatsapp a young person\n"


def slip_into_care_leavers(kb_dir: Path) -> int:
    """Add the trial's two alternatives under the first entry's `alternatives:`, the second one space too deep;
    the line of the second."""
    path = kb_dir / "kb" / "care-leavers.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = lines.index("    alternatives:\n") + 1
    path.write_text("".join(lines[:at]) + SLIP + "".join(lines[at:]), encoding="utf-8")
    return at + 2


def test_kb_check_warns_of_an_alternative_folded_into_the_one_above_and_still_says_ok(
        environ: dict[str, str], kb_dir: Path) -> None:
    line = slip_into_care_leavers(kb_dir)
    entry = next(e for e in load_knowledge(kb_dir).entries.values()
                 if "texting care leavers - whatsapp a young person" in e.alternatives)
    assert entry.id == "care-leaver-categories"  # what YAML made of it: one alternative, the folder loads
    checked = run_cli(environ, "kb", "check")
    assert checked.code == 0 and "OK: " in checked.out
    assert "1 warning (the folder loads, but check these):" in checked.out
    assert (f"- kb/care-leavers.yaml:{line}: an item of `alternatives:` reads “texting care leavers - whatsapp a "
            "young person”: the `- whatsapp a young person` on this line is indented more than the line above, so "
            "YAML joined the two into one text. To fix it, line its `-` up with the `-` of the item above, so it is "
            "an item of its own; if the dash belongs in the text, put the whole text in quotes.") \
        in checked.out.splitlines()


def test_kb_check_in_slack_warns_too(engine, kb_dir: Path) -> None:
    line = slip_into_care_leavers(kb_dir)
    [reply] = engine.command(QA_LEAD, "kb check")
    assert reply.kind != "error" and "The knowledge folder has no problems now" in reply.text
    assert "1 warning (it loads, but check these):" in reply.text
    assert f"`kb/care-leavers.yaml:{line}` — an item of `alternatives:` reads “texting care leavers" in reply.text


def test_a_folded_checklist_option_and_a_question_run_on_are_warned_of_too(kb_dir: Path) -> None:
    path = kb_dir / "checklists" / "case-audit.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("              - N1 Abuse or neglect\n",
                                 "              - N1 Abuse or neglect\n               - N2 typed twice\n", 1),
                    encoding="utf-8")
    warned = [str(w) for w in folded_item_warnings(kb_dir)]
    assert len(warned) == 1 and warned[0].startswith(
        f"checklists/case-audit.yaml:{text.splitlines().index('              - N1 Abuse or neglect') + 2}: an item "
        "of `options:` reads “N1 Abuse or neglect - N2 typed twice”")
    entry = "entries:\n  - id: a\n    question: Who is the PA?\n      - who is my personal adviser\n    answer: x\n"
    [question] = folded_items(entry, "kb/x.yaml")
    assert str(question).startswith("kb/x.yaml:4: `question:` reads “Who is the PA? - who is my personal adviser”")
    assert "move it under the list it belongs to" in str(question)


def test_quoted_text_block_answers_and_the_shipped_folder_are_not_warned_of() -> None:
    quoted = 'entries:\n  - id: a\n    question: "Who is the PA?\n      - who is my personal adviser"\n'
    block = "entries:\n  - id: a\n    answer: |\n      Steps:\n      - one\n      - two\n"
    assert folded_items(quoted, "kb/x.yaml") == [] and folded_items(block, "kb/x.yaml") == []
    assert folded_item_warnings(Path(__file__).parents[2] / "knowledge") == []

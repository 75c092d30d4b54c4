"""knowledge/kb_entry_edit.py on a small folder: the last alternative taken away takes `alternatives:` with it, and
nothing else in the file changes (comments and the entry after it kept)."""

from __future__ import annotations

import difflib
from pathlib import Path

from knowledge.kb_entry_edit import EntryChange, edit_entry
from knowledge.loader import load_knowledge

FILE = """\
# Office matters.
entries:
  - id: fire-drill
    question: When is the fire drill?
    alternatives:
      - fire alarm practice
    answer: The first Monday of the month.  # checked with facilities
    review_by: 2035-01-01

  - id: kettle
    question: Who descales the kettle?
    answer: The duty manager.
"""


def test_the_last_alternative_taken_away_takes_its_key_and_nothing_else(tmp_path: Path) -> None:
    (tmp_path / "kb").mkdir()
    path = tmp_path / "kb" / "office.yaml"
    path.write_text(FILE, encoding="utf-8")

    result = edit_entry(tmp_path, "fire-drill", EntryChange("remove_alternative", "Fire alarm practice?"))

    assert result.written and result.ok
    removed = [line for line in difflib.ndiff(FILE.splitlines(), path.read_text(encoding="utf-8").splitlines())
               if line[:1] in "+-"]
    assert removed == ["-     alternatives:", "-       - fire alarm practice"]
    assert load_knowledge(tmp_path).entries["fire-drill"].alternatives == ()

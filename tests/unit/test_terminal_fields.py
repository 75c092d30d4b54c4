"""The terminal chat shows a reply's fields (an audit's Case, Auditor, Worker, Status) as a block of their own after
its text. Trial 26: in `show`, they sat indented under the last paragraph, the moderation or the last action, and
read as part of it."""

from __future__ import annotations

from bot.core.replies import Reply
from bot.terminal.render import TerminalView


def test_fields_follow_the_text_after_a_blank_line_unindented() -> None:
    reply = Reply(title="Audit #1", text="Actions:\n• Action 1: Hold a direct-work session — Social worker N1",
                  fields=(("Case", "CR-632084"), ("Auditor", "Team manager (North)"), ("Status", "moderated")))
    lines = TerminalView().render([reply]).splitlines()
    start = lines.index("Case: CR-632084")
    assert lines[start - 1] == "" and lines[start - 2].startswith("• Action 1")
    assert lines[start + 1:start + 3] == ["Auditor: Team manager (North)", "Status: moderated"]


def test_a_long_field_wraps_under_itself_and_a_reply_of_fields_only_has_no_blank_line_first() -> None:
    long = "the last 3 months before closure, and the 12 months since for any re-referral, and more words to wrap"
    lines = TerminalView(width=60).render([Reply(text="", fields=(("Period", long),))]).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Period: the last 3 months"))
    assert start <= 1 and "" not in lines[start:]  # one blank line at most, never two
    assert len(lines) - start > 1 and all(line.startswith("  ") for line in lines[start + 1:])

"""Small helpers for knowledge-base tests: extra entries written into a copied knowledge folder, and reading
what the bot posted to the Slack stand-in."""

from __future__ import annotations

from pathlib import Path

from bot.core.replies import Reply
from bot.engine.routing import Engine
from knowledge.search import KnowledgeSearch, SearchResult
from tests.e2e.test_terminal_chat import drive

# Two entries asked in the same words, so any search must call it ambiguous; one long past its review date.
EXTRA_ENTRIES = """\
entries:
  - id: mascot-colour-north
    question: What colour is the audit mascot in the north office?
    answer: Green.
    source: Test fixture
    review_by: 2035-01-01
  - id: mascot-colour-south
    question: What colour is the audit mascot in the south office?
    answer: Blue.
    source: Test fixture
    review_by: 2035-01-01
  - id: kettle-descaling
    question: How often is the office kettle descaled?
    answer: Every quarter, by the duty manager.
    owner: U0QALEAD2
    review_by: 2020-01-31
"""


def add_extra_entries(kb_dir: Path) -> Path:
    path = kb_dir / "kb" / "zz-test-extra.yaml"
    path.write_text(EXTRA_ENTRIES, encoding="utf-8")
    return path


def button_values(replies: list[Reply], action: str) -> list[str]:
    return [choice.value for reply in replies for choice in reply.choices if choice.action == action]


def all_text(replies: list[Reply]) -> str:
    return "\n".join(f"{reply.title or ''}\n{reply.text}\n{reply.note or ''}" for reply in replies)


def posted_buttons(call) -> dict[str, str]:
    """action name -> value of each button in a message posted to the Slack stand-in."""
    found: dict[str, str] = {}
    for block in call.params.get("blocks") or []:
        for element in block.get("elements", []):
            if element.get("type") == "button":
                found.setdefault(element["action_id"].split("|")[0], element["value"])
    return found


def post_containing(standin, text: str, channel: str, count: int = 1):
    """The latest post to `channel` carrying `text`, once `count` such posts have arrived."""
    return standin.wait_for("chat.postMessage", count=count,
                            predicate=lambda c: c.params["channel"] == channel and text in str(c.params))[-1]


def link_typed(engine, user: str, key: int, entry: str) -> list:
    """`/audit kb link N <entry>` typed, then `yes` to the entry it shows (bot.asking.link_preview): the replies to
    the yes, or the command's own when it was refused before anything was asked."""
    asked = engine.command(user, f"kb link {key} {entry}")
    if not any(choice.action.startswith("kb.unanswered.link_confirm") for reply in asked for choice in reply.choices):
        return asked
    return engine.message(user, "yes")


def answered(result: SearchResult) -> str | None:
    """The entry a search answered with outright, or None (offered, declined)."""
    return result.answer.entry_id if result.outcome == "answer" and result.answer else None


def answered_to(search: KnowledgeSearch, query: str) -> str | None:
    """The entry `search` answers `query` with outright, or None: the content tests' one question."""
    return answered(search.search(query))


def chat_text(engine: Engine, user: str, *lines: str) -> str:
    """Everything the terminal chat printed for these lines, on one line."""
    _, out = drive(engine, list(lines), user=user)
    return " ".join(out.split())

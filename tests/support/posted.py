"""What a transport does once it has posted a turn's replies: tell each receipt they carry (bot.core.replies.Receipt)
that they went, once, as the Slack delivery does (handlers.delivery). Engine-level tests of messages settled only
when posted (held messages handed over in a turn: bot.audits.handed_over) post their replies through it."""

from __future__ import annotations

from bot.core.replies import Reply


def posted(replies: list[Reply]) -> list[Reply]:
    """`replies`, each receipt among them told it was delivered (once however many replies share it)."""
    told: set[int] = set()
    for reply in replies:
        if reply.receipt is not None and id(reply.receipt) not in told:
            told.add(id(reply.receipt))
            reply.receipt.delivered()
    return replies

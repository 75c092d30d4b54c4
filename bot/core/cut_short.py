"""The bot's name for the one cutting helper, knowledge.text_cut (its docstring lists the shapes and who uses which).

The helpers are plain text code and live in the knowledge layer, so that knowledge.dates cuts the same way without
importing the bot; the bot's callers keep importing them from here."""

from __future__ import annotations

from knowledge.text_cut import ELLIPSIS, clip, clip_at_word, cut_quotes, first_words

__all__ = ["ELLIPSIS", "clip", "clip_at_word", "cut_quotes", "first_words"]

"""Which typed digits name an option by its number.

Python's `str.isdecimal()` (and `int()`) read any script's digits: "١" (Arabic-Indic one) or "１" (full-width) is 1.
A moderator who typed "١" was given *Outstanding* (fix81d). Options are shown numbered 0-9, so only those digits
pick one, in the terminal chat and in Slack alike; other digits are words to the step that reads them.
"""

from __future__ import annotations


def option_digits(text: str) -> bool:
    """Whether `text` is a run of ASCII digits (`0`-`9`) only: the one way an option is picked by its number."""
    return text.isascii() and text.isdecimal()


def other_digits(text: str) -> bool:
    """Whether `text` is digits but not all ASCII (`١٢`, `１`): a number as written in another script, which picks
    nothing, so a person can be told to type the option's number as shown."""
    return text.isdecimal() and not text.isascii()

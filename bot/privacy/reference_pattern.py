"""Check `case_reference_pattern` before the bot trusts it: it must be quick to run and must not accept anything.

Why a static check rather than timing the pattern: Python's `re` cannot be interrupted, so timing it against
adversarial strings either needs a subprocess per check or risks hanging the very start-up it protects, and a
pattern that is fast on the strings we thought of can still be slow on one we did not. Instead the parsed pattern
is walked once: a repeat whose body can match in more than one way (`(a+)+`, `(a|ab)*`, `(a?)*`) is refused
outright, since that is what makes backtracking exponential; every other pattern's worst case is bounded by the
product of its choices (how many lengths each repeat may take, how many branches each alternation has) on a
case reference of at most MAX_REFERENCE_LENGTH characters, and that product must stay under BACKTRACK_BUDGET.
The result is deterministic, takes microseconds, and needs no clock. Back-references and conditionals are
refused too: no case-reference scheme needs them and they escape this bound.
"""

from __future__ import annotations

import re
import warnings

# The parser's node types; stable across 3.11+ though private, so typeshed has no stubs for them.
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from bot.privacy.screen import MAX_CASE_REFERENCE_LENGTH

BACKTRACK_BUDGET = 10_000  # ways of matching; each costs at most ~40 steps, so well under a millisecond in all
# Typed by mistake or by someone who has not read the prompt: a reference pattern must refuse all of them.
NOT_REFERENCES = ("", "HELLO WORLD", "SMITH")
SIMPLE = "a pattern simple enough to check quickly, like '^[A-Z]{2,4}-?[0-9]{4,10}$'"


class UnsafePattern(ValueError):
    """The pattern would be slow, or accepts what is not a case reference; the message says which."""


def check_reference_pattern(text: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Compile `text`, or raise UnsafePattern (or re.error) with what an editor of settings.yaml should change."""
    try:
        with warnings.catch_warnings():  # "possible nested set" and the like: legal, and not the editor's worry here
            warnings.simplefilter("ignore")
            pattern = re.compile(text, flags)
            parsed = sre_parse.parse(text, flags)
        _ways(list(parsed), MAX_CASE_REFERENCE_LENGTH)
    except RecursionError:
        raise UnsafePattern(f"{SIMPLE} (it is nested too deeply)") from None
    except (OverflowError, MemoryError):
        raise UnsafePattern(f"{SIMPLE} (its repeat counts are too large)") from None
    accepted = next((sample for sample in NOT_REFERENCES if pattern.fullmatch(sample)), None)
    if accepted is not None:
        shown = "an empty answer" if not accepted else repr(accepted)
        raise UnsafePattern(f"a pattern that a case reference matches and a word, a name or an empty answer does not "
                            f"(it accepts {shown})")
    return pattern


def _ways(items: list[tuple[Any, Any]], length: int) -> int:
    """An upper bound on the ways a sequence can match a string of `length` characters; raises when too many."""
    total = 1
    for op, arg in items:
        total *= _ways_of(op, arg, length)
        if total > BACKTRACK_BUDGET:
            raise UnsafePattern(f"{SIMPLE} (it has too many ways to match: fewer open-ended parts like .* or +)")
    return total


def _ways_of(op: Any, arg: Any, length: int) -> int:
    if op is sre.SUBPATTERN:
        return _ways(list(arg[3]), length)
    if op is sre.BRANCH:
        return sum(_ways(list(branch), length) for branch in arg[1])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, body = arg
        inner = _ways(list(body), length)
        if inner > 1 and high > 1:
            raise UnsafePattern(f"{SIMPLE} (a repeated part can itself match in more than one way, as in (a+)+ or "
                                "(a|ab)*, which can take exponential time)")
        if inner > 1:  # an optional part with choices inside: `(a|b)?`
            return inner + (1 if low == 0 else 0)
        return max(1, min(high, length) - low + 1)
    if op in (sre.POSSESSIVE_REPEAT, sre.ATOMIC_GROUP):  # never backtracked into; their bodies must still be sane
        _ways(list(arg[2] if op is sre.POSSESSIVE_REPEAT else arg), length)
        return 1
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return _ways(list(arg[1]), length)  # tried again at each attempt: counted as choices
    if op in (sre.GROUPREF, sre.GROUPREF_EXISTS):
        raise UnsafePattern(f"{SIMPLE} (back-references like \\1 and (?(1)...) are not needed for a case reference)")
    return 1  # a literal, a class, `.`, an anchor: one way

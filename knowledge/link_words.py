"""Warnings for a word that looks like a web link but is not one (trial 54, F10).

`source: … htp:/broken link` and an answer's `See htps//proceduresonline/referrals` loaded and `kb check` said OK:
the QA lead's reader then gets a link that goes nowhere. A word whose start is a misspelt or mistyped `http`/`https`
followed by `:` or `//` (`htps//…`, `htp:/…`, `https:www…`, `ttps://…`) and that is not a well-formed
`http(s)://host.domain/…` address is warned of, with its file and line. Real addresses, a bare `www.gov.uk/…`
(readable and linked by Slack as it is: not warned of), and words with slashes (`and/or`, `s17/s47`) stay silent.
It is a warning, not a problem: the folder still loads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from knowledge.problems import Problem

_SCHEME_LIKE = re.compile(r"(?P<scheme>[A-Za-z]{3,6})(?P<sep>:/*|;/+|/{2,})")
_WELL_FORMED = re.compile(r"https?://[^\s/:]+\.[^\s/:]+(?::\d+)?(?:[/?#]\S*)?", re.IGNORECASE)
_EDGE = "<>()[]{}\"'“”‘’,.;:!?*_|"


def _looks_like_http(scheme: str) -> bool:
    """`http`, `https` and their slips: only the letters h, t, p, s, with a t and a p, starting h or t."""
    lower = scheme.lower()
    return set(lower) <= set("htps") and "t" in lower and "p" in lower and lower[0] in "ht"


def broken_links(text: str) -> list[str]:
    """Each word of `text` that starts like a web address but is not a well-formed http(s) one, as written."""
    found = []
    for raw in text.split():
        word = raw.strip(_EDGE).split("|")[0].lstrip("<")
        start = _SCHEME_LIKE.match(word)
        if start is None or not _looks_like_http(start.group("scheme")):
            continue
        if _WELL_FORMED.fullmatch(word) is None:
            found.append(word)
    return found


def link_warnings(node: yaml.Node | None, lines: list[str], file: str) -> list[Problem]:
    """A warning for each broken link in a composed file's texts, at the line the word is on."""
    warnings = []
    for scalar in _texts(node):
        for word in broken_links(scalar.value):
            line = _line_with(lines, word, scalar)
            warnings.append(Problem(file, line, f"'{word}' looks like a link but is not one: write https://… with "
                                                "the whole address, as the browser shows it."))
    return warnings


def _texts(node: yaml.Node | None) -> Iterator[yaml.ScalarNode]:
    if isinstance(node, yaml.ScalarNode):
        yield node
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _texts(item)
    elif isinstance(node, yaml.MappingNode):
        for _key, value in node.value:
            yield from _texts(value)


def _line_with(lines: list[str], word: str, scalar: yaml.ScalarNode) -> int:
    """The 1-based line of the scalar's text where `word` is written (the text's first line if not found)."""
    for index in range(scalar.start_mark.line, min(scalar.end_mark.line + 1, len(lines))):
        if word in lines[index]:
            return index + 1
    return scalar.start_mark.line + 1

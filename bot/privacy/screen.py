"""Screening free text for anything that could identify a child before it is stored or shown.

Audits are about vulnerable children: a case reference is enough to find the file, so names, dates of
birth, NHS numbers, UPNs, case-system ids, postcodes, addresses, school names, phone numbers and emails
have no place in the bot. A refusal quotes the words that were found, to the person who typed them, so
they know exactly what to change; the words are never logged or stored.

The screen is a `Screen` built once at start (`Screen.load`) and kept on the services object: it holds the
name lists (bot/privacy/lexicon.py) and the council's own names file. The detectors are in
bot/privacy/detect.py; how well they do is measured on tests/data/privacy/ by `make bench`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.errors import UserError
from bot.privacy.detect import Hit, NameFinder, nhs_number_is_valid, structured_hits
from bot.privacy.lexicon import Lexicon

__all__ = ["MAX_CASE_REFERENCE_LENGTH", "Finding", "Screen", "check_case_reference", "find_identifiers",
           "nhs_number_is_valid", "screen_text"]

# What each kind looks like, and what to write instead.
KINDS = {
    # The screen cannot tell a colleague from a child ('while Paige was off sick'), so the advice names both roles.
    "name": ("a child's or family member's name", "refer to them by role ('the child', 'mother') or by case "
             "reference; for a colleague, write their role ('the social worker', 'the team manager')"),
    "dob": ("a date of birth", "give the child's age instead"),
    "nhs": ("an NHS number", "leave it out: the case reference is enough to find the file"),
    "upn": ("a unique pupil number", "leave it out: the case reference is enough to find the file"),
    "cms_id": ("a case-system record id", "use the case reference instead"),
    "postcode": ("a postcode", "describe the area instead ('in the borough', 'out of area')"),
    "address": ("an address", "describe the place instead ('the family home', 'the new flat')"),
    "phone": ("a phone number", "leave it out (service lines such as 0300 or 0800 numbers are fine)"),
    "email": ("an email address", "leave it out"),
    "school": ("a school's name", "write 'the school' or 'the primary school' instead"),
}
LABELS = {kind: label for kind, (label, _) in KINDS.items()}


@dataclass(frozen=True)
class Finding:
    """One identifier found: `kind` for code, `label` and `words` (as typed) for the person who typed it."""

    kind: str
    label: str
    words: str


@dataclass(frozen=True)
class Screen:
    """The identifier screen with its name lists loaded: build once, share everywhere."""

    lexicon: Lexicon
    listed: frozenset[str] = frozenset()

    @classmethod
    def load(cls, listed: Iterable[str] = ()) -> Screen:
        """The full screen: installed name lists plus the council's own names (settings.names)."""
        return cls(Lexicon.load(), _fold_all(listed))

    @classmethod
    def listed_only(cls, listed: Iterable[str] = ()) -> Screen:
        """Structured identifiers and the council's own names only (knowledge-base content, quick tests)."""
        return cls(Lexicon.words_only(), _fold_all(listed))

    def with_listed(self, listed: Iterable[str]) -> Screen:
        """The same loaded lists with a council's own names file (settings.names) instead of this one's."""
        return Screen(self.lexicon, _fold_all(listed))

    def find(self, text: str, mode: str = "full") -> list[Finding]:
        """Every identifier in `text`, in the order found; `mode='content'` checks structured identifiers
        and the council's listed names only, for knowledge-base text that rightly names places and cases."""
        text = text or ""
        hits = structured_hits(text)
        if mode == "full":
            hits += NameFinder(self.lexicon, self.listed).hits(text)
        elif self.listed:
            words = Lexicon(frozenset(), frozenset(), self.lexicon.common_words, frozenset(),
                            self.lexicon.everyday_words)
            hits += [hit for hit in NameFinder(words, self.listed).hits(text) if hit.kind == "name"]
        findings: list[Finding] = []
        for hit in _without_names_in_addresses(text, hits):
            finding = Finding(hit.kind, LABELS[hit.kind], hit.words)
            if hit.words and finding not in findings:
                findings.append(finding)
        return findings


def _without_names_in_addresses(text: str, hits: list[Hit]) -> list[Hit]:
    """The hits less a name that is only part of an address found ('Elm Grove' in '14 Elm Grove'): one finding
    says what to change; a name also written elsewhere in the text ('Grove was seen at 14 Elm Grove') stays."""
    addresses = [hit.words for hit in hits if hit.kind == "address"]
    if not addresses:
        return hits
    return [hit for hit in hits if hit.kind != "name" or not hit.words or not any(
        hit.words in address for address in addresses)
        or text.count(hit.words) > sum(address.count(hit.words) for address in addresses)]


def _fold_all(names: Iterable[str]) -> frozenset[str]:
    return frozenset(name.strip().casefold() for name in names if name and name.strip())


def find_identifiers(text: str, screen: Screen, mode: str = "full") -> list[Finding]:
    """Every identifier in `text` (see Screen.find)."""
    return screen.find(text, mode)


def explain(findings: list[Finding]) -> str:
    """Which words to change and why, one clause per kind: “jayden smith” looks like a child's name: ..."""
    by_kind: dict[str, list[str]] = {}
    for finding in findings:
        by_kind.setdefault(finding.kind, []).append(f"“{finding.words}”")
    parts = []
    for kind, words in by_kind.items():
        label, advice = KINDS[kind]
        parts.append(f"{_join(words)} {'looks' if len(words) == 1 else 'look'} like {label}: {advice}")
    return "; ".join(parts)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def describe(findings: list[Finding]) -> str:
    """The kinds found, without the words ('a postcode and a phone number'), for places that must not echo."""
    labels: list[str] = []
    for finding in findings:
        if finding.label not in labels:
            labels.append(finding.label)
    return _join(labels)


def screen_text(text: str, screen: Screen, what: str = "that") -> str:
    """Return the text unchanged when it holds no identifier; otherwise refuse it, quoting the words found."""
    findings = screen.find(text)
    if findings:
        raise UserError(
            f"I can't store {what}: {explain(findings)}. Nothing was saved. Please write it again without "
            "anything that could identify a child or family."
        )
    return text


MAX_CASE_REFERENCE_LENGTH = 40  # longer than any case system's reference; bounds the work the pattern may do
_TEN_DIGITS = re.compile(r"\d[\d .-]{8,14}\d")


def without_case_references(text: str, pattern: re.Pattern[str], instead: str = "[a case reference]") -> str:
    """The text with every word that is a case reference replaced by `instead`, for a wider audience.

    Case references may be shown to the people working on a case; a question passed to the QA leads' channel is
    read by everyone in it, so the reference is left out there (the QA lead can ask the person who asked). A
    wording learned for everyone (`instead=""`) keeps no reference at all."""

    def word(found: re.Match[str]) -> str:
        token = found.group(0)
        bare = token.strip(".,;:!?()[]{}'\"")
        if bare and len(bare) <= MAX_CASE_REFERENCE_LENGTH and pattern.fullmatch(bare.upper()):
            return token.replace(bare, instead)
        return token

    replaced = re.sub(r"\S+", word, text)
    return replaced if instead else " ".join(replaced.split())


def check_case_reference(text: str, pattern: re.Pattern[str], screen: Screen) -> str:
    """The case reference, upper-cased and trimmed, or a refusal saying what it looked like and what fits.

    An NHS number or a name is refused even when the council's pattern would accept it (CR-9434765919).
    """
    reference = " ".join((text or "").split()).upper()
    example = "a case reference such as CR-123456 (letters, a hyphen and the case number from the case system)"
    findings = screen.find(" ".join((text or "").replace("-", " - ").split()))
    findings += [Finding("nhs", LABELS["nhs"], m.group(0)) for m in _TEN_DIGITS.finditer(reference)
                 if nhs_number_is_valid(re.sub(r"\D", "", m.group(0)))
                 and not any(f.kind == "nhs" for f in findings)]
    if findings:
        raise UserError(f"That is not a case reference, so I have not stored it: {explain(findings)}. "
                        f"Please type {example}.")
    if not reference:
        raise UserError(f"Please type {example}.")
    if len(reference) > MAX_CASE_REFERENCE_LENGTH or not pattern.fullmatch(reference):
        raise UserError(f"That doesn't look like a case reference. Please type {example}.")
    return reference

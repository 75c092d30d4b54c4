"""Screening free text for anything that could identify a child before it is stored or shown.

Audits are about vulnerable children: a case reference is enough to find the file, so names, initials, dates of
birth, NHS and National Insurance numbers, UPNs, case-system ids, postcodes, addresses, school names, phone numbers
and emails have no place in the bot. A refusal shows the words that were found masked, each word's first character
and "…" (“T… B…” for “Tyler Brown”, `masked`): enough for the person who typed them to see which words to change, and
useless to anyone else who reads the bot's reply (in a channel, for an @mention) or the terminal chat. Found words are
never shown whole, logged or stored.

The screen is a `Screen` built once at start (`Screen.load`) and kept on the services object: it holds the
name lists (bot/privacy/lexicon.py), the acronyms never taken for initials and the council's own names file. The
detectors are in bot/privacy/detect.py, bot/privacy/person_context.py (names typed in lower case where only a
person fits), bot/privacy/initials.py, bot/privacy/called_names.py (the word after calling or naming someone) and
bot/privacy/titled_initials.py ('miss k') and bot/privacy/pet_names.py ('lil man was upset'); how well they do is
measured on tests/data/privacy/ by `make bench`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.errors import UserError
from bot.privacy.called_names import called_name_hits
from bot.privacy.case_citations import uncited_public_cases
from bot.privacy.content_names import content_name_hits
from bot.privacy.detect import Hit, nhs_number_is_valid, structured_hits
from bot.privacy.diminutives import diminutive_hits
from bot.privacy.high_street import without_high_street
from bot.privacy.initials import initials_hits, load_acronyms, practice_words, vocabulary_words
from bot.privacy.jigsaw import jigsaw_hits
from bot.privacy.lexicon import Lexicon
from bot.privacy.named_services import without_named_services
from bot.privacy.person_context import PersonContextFinder
from bot.privacy.pet_names import pet_name_hits, watched_name_hits
from bot.privacy.places import place_hits
from bot.privacy.practice_names import without_practice_names
from bot.privacy.professional_places import with_professional_places
from bot.privacy.service_names import service_name_hits
from bot.privacy.short_names import short_name_hits
from bot.privacy.shouted import as_typed, lowered, lowered_parts, shouted_parts, unknown_words
from bot.privacy.spaced_initials import spaced_initials_hits
from bot.privacy.titled_initials import titled_initial_hits
from knowledge.fields import is_team_mailbox

__all__ = ["MAX_CASE_REFERENCE_LENGTH", "Finding", "Screen", "canonical_case_reference", "check_case_reference",
           "find_identifiers", "masked", "nhs_number_is_valid", "one_per_word", "screen_text", "typed_case_reference"]

# What each kind looks like, and what to write instead.
KINDS = {
    # The screen cannot tell a colleague from a child ('while Paige was off sick'), so the advice names both roles.
    "name": ("a child's or family member's name", "refer to them by role ('the child', 'mother') or by case "
             "reference; for a colleague or another professional, write their role ('the social worker', 'the team "
             "manager', 'the GP')"),
    # A name with the family's school, nursery or GP points at the family (bot/privacy/professional_places.py).
    "professional": ("a professional's name beside the family's school, nursery or GP", "write their role instead "
                     "('the GP', 'the class teacher', 'the nursery key worker'): with the place, a name points at "
                     "the family"),
    "dob": ("a date of birth", "give the child's age instead"),
    "nhs": ("an NHS number", "leave it out: the case reference is enough to find the file"),
    "nino": ("a National Insurance number", "leave it out: the case reference is enough to find the file"),
    "upn": ("a unique pupil number", "leave it out: the case reference is enough to find the file"),
    "cms_id": ("a case-system record id", "use the case reference instead"),
    "postcode": ("a postcode", "describe the area instead ('in the borough', 'out of area')"),
    "address": ("an address", "describe the place instead ('the family home', 'the new flat')"),
    "phone": ("a phone number", "leave it out (service lines such as 0300 or 0800 numbers are fine, and so is a "
                                "service's own line named just before it: 'the LADO team on 01632 960123')"),
    "email": ("an email address", "say whose it is instead ('mum's email address'): the address itself identifies "
              "them"),
    "handle": ("a social media account name", "say whose account it is instead ('her social media account', "
               "'mum's Facebook')"),
    "school": ("a school's name", "write 'the school' or 'the primary school' instead"),
    "surgery": ("a GP surgery's or health centre's name", "write 'the GP surgery' or 'the health centre' instead"),
    "hospital": ("a local hospital's name", "write 'the hospital' or 'the children's ward' instead"),
    # Details that together identify a family with no name typed (trial 51, F1; bot/privacy/jigsaw.py).
    "prison": ("a named prison", "write 'in prison' instead: with the rest of the case, the prison's name points "
               "at the family"),
    "workplace": ("a parent's workplace and where it is", "write 'works in a shop' or 'works locally' instead: "
                  "a named workplace and its place point at the family"),
    "unique": ("a description only one child or family fits", "describe them as any child in their situation ('a "
               "primary-age child', 'a child with a sibling in the PRU'): one of a kind in a class, school or area "
               "is one child"),
    "initials": ("a person's initials", "initials identify a child as surely as a name: write 'the child', 'the "
                 "young person' or their role ('mother', 'the social worker') instead"),
    # Found in knowledge-base text only (content mode): everyone reads an entry, and a reference points them at one
    # child's case. Where people work on a case (audits, their own questions), the reference is what they use.
    "case_reference": ("a case reference", "write about cases in general ('a child on a plan'): everyone reads "
                       "the knowledge base, and a case reference points them at one child's case"),
}
LABELS = {kind: label for kind, (label, _) in KINDS.items()}
# A name said with where its person works ('Sandra Moyes in finance', 'Grace from the family hub', 'Paige from
# health visiting'): a colleague or another professional, so the refusal says "a person's name" (trial 53, F18;
# trial 54, F1), with the same advice (write the role).
PERSON_NAME = "a person's name"
PERSON_ADVICE = ("write their role instead ('the finance officer', 'the family hub worker', 'the social worker'): a "
                 "name with where they work points at the case")
# 'from the family hub', 'from the fostering team' (a worker from a service); 'in finance', 'at the council' (a back
# office): 'Kayleigh Price in the leaving care team' may be a care leaver the team works with, so stays a child's.
_AT_A_SERVICE = re.compile(
    r"\W{0,2}\s+(?:from\s+(?:the\s+|our\s+)?(?:[\w'’-]+\s+){0,3}?(?:team|hub|service|services|unit|mash|cafcass|"
    r"police|council)|from\s+(?:the\s+|our\s+)?(?:health\s+visit(?:ing|ors?)|school\s+nurs(?:e|es|ing)|"
    r"(?:[\w'’-]+\s+){0,3}?(?:centre|center))|(?:in|from|at|of|with)\s+(?:the\s+|our\s+)?"
    r"(?:finance|hr|payroll|legal(?:\s+services)?|admin|business\s+support|it|ict|commissioning|procurement|"
    r"the\s+council|council\s+tax|(?:the\s+)?contact\s+centre))\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    """One identifier found: `kind` for code, `label` for people, and `words` as typed, which a reply shows only
    `masked` (explain) and nothing logs or stores."""

    kind: str
    label: str
    words: str


# settings.yaml's `case_reference_pattern` when none is set (bot/settings/config.py reads it from here).
DEFAULT_CASE_REFERENCE_PATTERN = r"^[A-Z]{2,4}-?[0-9]{4,10}$"


@dataclass(frozen=True)
class Screen:
    """The identifier screen with its name lists loaded: build once, share everywhere."""

    lexicon: Lexicon
    listed: frozenset[str] = frozenset()
    acronyms: frozenset[str] = frozenset()  # in capitals: never taken for a person's initials (bot/privacy/initials.py)
    # The council's case_reference_pattern: knowledge-base content (content mode) names no case.
    case_references: re.Pattern[str] = field(
        default_factory=lambda: re.compile(DEFAULT_CASE_REFERENCE_PATTERN, re.IGNORECASE))

    @classmethod
    def load(cls, listed: Iterable[str] = (), case_references: re.Pattern[str] | None = None) -> Screen:
        """The full screen: installed name lists plus the council's own names (settings.names) and, for
        knowledge-base content, its case_reference_pattern (the default scheme's when not given)."""
        acronyms = load_acronyms()
        lexicon = Lexicon.load().knowing_terms(acronyms | vocabulary_words()).knowing_practice(practice_words())
        screen = cls(lexicon, _fold_all(listed), acronyms)
        return screen if case_references is None else screen.for_council(listed, case_references)

    @classmethod
    def listed_only(cls, listed: Iterable[str] = ()) -> Screen:
        """Structured identifiers and the council's own names only, without the installed name lists (quick
        tests); knowledge-base content is screened with `load`'s lists, for full names."""
        return cls(Lexicon.words_only(), _fold_all(listed))

    def with_listed(self, listed: Iterable[str]) -> Screen:
        """The same loaded lists with a council's own names file (settings.names) instead of this one's."""
        return Screen(self.lexicon, _fold_all(listed), self.acronyms, self.case_references)

    def for_council(self, listed: Iterable[str], case_references: re.Pattern[str]) -> Screen:
        """The same loaded lists with a council's own names file and case_reference_pattern (its settings), so
        `kb check`, a reload, the writer and the bot's start refuse the same references."""
        return Screen(self.lexicon, _fold_all(listed), self.acronyms, case_references)

    def find(self, text: str, mode: str = "full") -> list[Finding]:
        """Every identifier in `text`, in the order found; `mode='content'` checks structured identifiers, names
        of two or more words and the council's listed names only, for knowledge-base text that rightly names
        places, tools and cases (bot/privacy/content_names.py). `mode='audit'` is 'full' for audit free text, where
        a child's name from a national review is refused as any name is (bot/privacy/case_citations.py). A shared
        team mailbox, as an entry's `owner:` may be (knowledge/fields.py), identifies no child or family and passes
        in any mode (trial 15, F11)."""
        text = text or ""
        if mode != "content" and self.lexicon.has_lists:  # caps lock on (trial 54), for a line of many (trial 57)
            parts = shouted_parts(text, self.acronyms)
            if len(parts) == 1 and text[slice(*parts[0])].strip() == text.strip():
                return self._find_shouted(text, mode)
            if parts:
                return self._find_mixed(text, mode, parts)
        return self._find_typed(text, mode)

    def _find_mixed(self, text: str, mode: str, parts: list[tuple[int, int]]) -> list[Finding]:
        """`find` for text with some lines or sentences in capitals (`parts`, trial 57): each of those screened on
        its own, then the text with them read in lower case, and names as typed no dictionary holds ('ADEBOWALE')."""
        found: list[Finding] = []
        for start, end in parts:
            found += [f for f in self.find(text[start:end], mode) if f not in found]
        cased = lowered_parts(text, parts, self.acronyms, self.lexicon)
        found += [f for f in (Finding(f.kind, f.label, as_typed(text, cased, f.words))
                              for f in self._find_typed(cased, mode)) if f not in found]
        return found + [f for f in self._find_typed(text, mode) if f.kind == "name" and f not in found
                        and unknown_words(f.words, self.lexicon)]

    def _find_typed(self, text: str, mode: str) -> list[Finding]:
        """`find` on the text as typed."""
        strict = mode == "audit"  # audit free text: a national review's child is any child (case_citations.py)
        mode = "full" if strict else mode
        hits = structured_hits(text)
        if mode == "full":
            hits += uncited_public_cases(text, self.lexicon.public_cases, strict,
                                         lambda: bool(self.case_references_in(text)))
            hits += [hit for hit in place_hits(text) if not any(hit.words in other.words for other in hits)]
            finder = PersonContextFinder(self.lexicon, self.listed)
            hits = with_professional_places(text, hits + finder.hits(text), self.lexicon)  # 'Dr Patel the GP'
            if self.lexicon.has_lists:
                names = [hit.words.casefold() for hit in hits if hit.kind == "name"]
                initials = initials_hits(text, self.acronyms, self.lexicon)
                initials += spaced_initials_hits(text, self.acronyms, self.lexicon)
                hits += [hit for hit in initials
                         if not any(re.search(rf"\b{re.escape(hit.words.casefold())}\b", name) for name in names)]
                # 'a boy called kai': one finding, the name, for three letters both rules take
                hits += _not_found_yet(text, hits, called_name_hits(text, finder, self.acronyms)
                                       + titled_initial_hits(text) + diminutive_hits(text, self.acronyms, self.lexicon)
                                       + short_name_hits(text, self.acronyms, self.lexicon)
                                       + pet_name_hits(text) + watched_name_hits(text, self.lexicon)
                                       + service_name_hits(text, self.lexicon))
        else:
            hits += content_name_hits(text, self.lexicon, self.listed)
            hits += [hit for hit in content_reference_hits(text, self.case_references)
                     if not any(hit.words in other.words for other in hits)]  # 'Mosaic no. CR-882019': one finding
        findings: list[Finding] = []
        hits = [hit for hit in hits if not (hit.kind == "email" and is_team_mailbox(hit.words))]
        hits = without_practice_names(text, without_named_services(text, hits, self.lexicon))
        hits = without_high_street(text, hits, self.lexicon) if mode == "full" else hits
        hits += jigsaw_hits(text, self.lexicon) if mode == "full" else []  # 'HMP Durham', 'the only year 4 pupil'
        at_work = [text[max(0, m.start() - 80):m.start()] for m in _AT_A_SERVICE.finditer(text)]
        for hit in _without_names_in_addresses(text, hits):
            finding = Finding(hit.kind, _label(at_work, hit), hit.words)
            if hit.words and finding not in findings:
                findings.append(finding)
        return findings

    def _find_shouted(self, text: str, mode: str) -> list[Finding]:
        """`find` for a line typed in capitals: read in lower case (bot/privacy/shouted.py), with any name found as
        typed whose words no dictionary holds ('ADEBOWALE FAMILY'), quoted as typed."""
        cased = lowered(text, self.acronyms, self.lexicon)
        if cased == text:  # capitals only in words kept as typed ('AB1 CD2 EF3 GH4'): read as typed, once
            return self._find_typed(text, mode)
        found = [Finding(f.kind, f.label, as_typed(text, cased, f.words)) for f in self.find(cased, mode)]
        return found + [f for f in self._find_typed(text, mode) if f.kind == "name" and f not in found
                        and unknown_words(f.words, self.lexicon)]

    def case_references_in(self, text: str) -> list[Finding]:
        """The case references in `text` alone, as content mode finds them: for the texts of an entry shown with
        it whose names are rightly there (its source cites authors and judgments) and its id and tags."""
        return [Finding(hit.kind, LABELS[hit.kind], hit.words)
                for hit in dict.fromkeys(content_reference_hits(text, self.case_references))]


def _label(at_work: list[str], hit: Hit) -> str:
    """What a refusal calls the words found: a name just before where its person works (`at_work` holds the text
    before each such place) is "a person's name" (a colleague's or another professional's), any other name a child's
    or family member's."""
    if hit.kind == "name" and hit.words and any(before.endswith(hit.words) for before in at_work):
        return PERSON_NAME
    return LABELS[hit.kind]


def _not_found_yet(text: str, hits: list[Hit], more: list[Hit]) -> list[Hit]:
    """The hits in `more` that no hit found already covers, so a refusal quotes each name once: 'call him bobby'
    is the name finder's “bobby” alone, and 'Miss D Campbell' its “Campbell”, not “Miss D” beside it."""
    found = [hit.words.casefold() for hit in hits if hit.kind in ("name", "initials")]
    folded = text.casefold()
    return [hit for hit in more if not any(
        re.search(rf"\b{re.escape(hit.words.casefold())}\b", words)
        or re.search(rf"\b{re.escape(hit.words.casefold())}\.?\s+{re.escape(words)}", folded) for words in found)]


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


def masked(words: str) -> str:
    """The words found as a reply shows them: each word's first character, then "…" for the rest (“Tyler Brown” is
    “T… B…”, “07700 900123” “0… 9…”); a word of one character, an initial, is “…” alone (“Mr J” is “M… …”, “Baby K”
    “B… …”).

    A reply to a refused text is a Slack message, in a channel for an @mention: quoting the name or number whole
    would put it in Slack a second time, in the bot's own words. The first characters and the number of words are
    enough for the person who typed them to find what to change. An initial shown whole beside the title or word
    before it is the whole identifier again ('Mr J', 'Baby K': trial 38, LOW), so it is masked too."""
    return " ".join("…" if len(word) == 1 else word[0] + "…" for word in words.split())


def explain(findings: list[Finding]) -> str:
    """Which words to change and why, one clause per kind, the words masked: “j… s…” looks like a child's name: ..."""
    by_kind: dict[tuple[str, str], list[str]] = {}
    for finding in one_per_word(findings):
        by_kind.setdefault((finding.kind, finding.label), []).append(f"“{masked(finding.words)}”")
    parts = []
    for (kind, label), words in by_kind.items():
        advice = PERSON_ADVICE if label == PERSON_NAME else KINDS[kind][1]
        parts.append(f"{_join(words)} {'looks' if len(words) == 1 else 'look'} like {label}: {advice}")
    return "; ".join(parts)


def one_per_word(findings: list[Finding]) -> list[Finding]:
    """The findings with each word found said once (trial 32: “K…” was told to be a school's name and, again, a
    child's name): where the same words are found as more than one kind, a name is what they are said to be, since
    it is the child's that matters most; else the first kind found."""
    kept: dict[str, Finding] = {}
    for finding in findings:
        words = _folded(finding.words)
        if words not in kept or (finding.kind == "name" and kept[words].kind != "name"):
            kept[words] = finding
    return [finding for finding in findings if not finding.words.strip() or kept[_folded(finding.words)] is finding]


def _folded(words: str) -> str:
    return " ".join(words.casefold().split())


def explain_kinds(kinds: Iterable[str]) -> str:
    """`explain` without the words found, for places that must not repeat them (the log, a notice at start):
    what was found, one clause per kind, and what to write instead: something that looks like a phone number: ..."""
    counts: dict[str, int] = {}
    for kind in kinds:
        counts[kind] = counts.get(kind, 0) + 1
    parts = []
    for kind, count in counts.items():
        label, advice = KINDS[kind]
        found = "something that looks" if count == 1 else f"{count} things that look"
        parts.append(f"{found} like {label}: {advice}")
    return "; ".join(parts)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def describe(findings: list[Finding]) -> str:
    """The kinds found, without the words ('a postcode and a phone number'), for places that must not echo."""
    labels: list[str] = []
    for finding in one_per_word(findings):
        if finding.label not in labels:
            labels.append(finding.label)
    return _join(labels)


def screen_text(text: str, screen: Screen, what: str = "that", read_by: str = "", typed: str = "",
                mode: str = "audit") -> str:
    """Return the text unchanged when it holds no identifier; otherwise refuse it, with the words found masked.

    `read_by` says who reads a text shown to many people (a campaign's name is read by every auditor, QA lead and
    the report channel): there a case reference is refused too, as in the knowledge base, since it points them all
    at one child's case (trial 15, F1); where people work on a case, the reference is what they use.

    `typed` is the whole line `text` was taken from (a reason read after 'because'): a refusal then names every
    identifier in the line, not only those in the part kept, so the person who typed it fixes them all at once
    (trial 38, M1: 'because mum (Shannon Wright, 07700 900777) is in hospital, dob 04/05/2015' named the name
    alone).

    What is stored is audit free text by default (`mode='audit'`: a national review's child is refused as any child
    is, trial 43); a text that may cite a review by the child's name (a campaign's name) passes `mode='full'`."""
    findings = screen.find(text, mode)
    if findings and typed:
        findings = screen.find(typed, mode) or findings
    said = [explain(findings)] if findings else []
    references = [f"“{masked(f.words)}”" for f in (screen.case_references_in(text) if read_by else [])
                  if not any(f.words in found.words for found in findings)]
    if references:
        said.append(f"{_join(references)} {'looks' if len(references) == 1 else 'look'} like a case reference: "
                    f"write about cases in general ('a child on a plan'): {read_by} read it, and a case reference "
                    "points them all at one child's case")
    if said:
        raise UserError(
            f"I can't store {what}: {'; '.join(said)}. Nothing was saved. Please write it again without "
            "anything that could identify a child or family."
        )
    return text


MAX_CASE_REFERENCE_LENGTH = 40  # longer than any case system's reference; bounds the work the pattern may do
_TEN_DIGITS = re.compile(r"\d[\d .-]{8,14}\d")


# Letters then digits, with a hyphen, a space (or both, or a dash) between them, or nothing: one case, one form.
_LETTERS_DIGITS = re.compile(r"([A-Z]+)\s?[-\u2010-\u2015]?\s?([0-9]+)")
_YEAR = re.compile(r"(19|20)[0-9]{2}")


def canonical_case_reference(text: str) -> str:
    """The one form a case reference is stored, compared and shown in: upper case, trimmed, and when it is letters
    then digits, the letters, one hyphen and the digits (`cr382070`, `CR 382070`, `Cr-382070` are all `CR-382070`).

    A reference of another shape (a council's own scheme) is only upper-cased, with its spaces made single. The
    canonical form is a fixed point: `canonical_case_reference(canonical_case_reference(x)) ==
    canonical_case_reference(x)`. Every place a reference comes in goes through this (via `check_case_reference`
    or `typed_case_reference`), and storage's migration m242 rewrote the references stored before."""
    compact = " ".join((text or "").split()).upper()
    found = _LETTERS_DIGITS.fullmatch(compact)
    return f"{found.group(1)}-{found.group(2)}" if found else compact


def _fits(reference: str, pattern: re.Pattern[str]) -> bool:
    """Whether the council's pattern takes the canonical reference, or the same letters and digits written
    together (a pattern written for `CR123456` still accepts `CR-123456`, and stores it in the one form)."""
    if not reference or len(reference) > MAX_CASE_REFERENCE_LENGTH:
        return False
    return bool(pattern.fullmatch(reference) or pattern.fullmatch(reference.replace("-", "", 1)))


def typed_case_reference(text: str, pattern: re.Pattern[str]) -> str | None:
    """The canonical reference when `text` on its own is one the pattern takes (`cr382070`, `CR 382070.`), else
    None. Not screened: for noticing a reference in what someone typed, never for storing it.

    Written with a space, letters and a four-digit year (`CA 1989`, `CWSA 2026`, `June 2024`) are read as words and
    a year, not a case: they are what people ask the knowledge base about. With a hyphen or run together they are
    still a reference."""
    bare = " ".join((text or "").split()).strip(" .,;:!?()[]{}'\"")
    if " " in bare:
        letters, _, digits = bare.rpartition(" ")
        if _YEAR.fullmatch(digits) and letters.isalpha():
            return None
    reference = canonical_case_reference(bare)
    return reference if _fits(reference, pattern) else None


CASE_REFERENCE_LEFT_OUT = "[a case reference]"


def without_case_references(text: str, pattern: re.Pattern[str], instead: str = CASE_REFERENCE_LEFT_OUT) -> str:
    """The text with every word that is a case reference replaced by `instead`, for a wider audience.

    Case references may be shown to the people working on a case; a question passed to the QA leads' channel is
    read by everyone in it, so the reference is left out there (the QA lead can ask the person who asked). A
    wording learned for everyone (`instead=""`) keeps no reference at all. A reference written with a space
    (`CR 382070`) counts as one word here. With nothing `instead`, a reference already left out (a question is
    noted with `[a case reference]` in its place) goes too, and so does the punctuation around a reference but a
    sentence's end ("CR-445512: what does ICPC stand for?" is searched as "what does ICPC stand for?")."""
    parts, found = _reference_words(text, pattern)
    for i, bare in found:
        parts[i] = parts[i].replace(bare, instead)
        if not instead and not any(char.isalnum() for char in parts[i]):  # "CR-445512:" leaves no stray ":"
            parts[i] = "".join(char for char in parts[i] if char in "?!.")
    replaced = "".join(parts)
    return replaced if instead else " ".join(replaced.replace(CASE_REFERENCE_LEFT_OUT, "").split())


def _reference_words(text: str, pattern: re.Pattern[str]) -> tuple[list[str], list[tuple[int, str]]]:
    """The text split into words (at even places) and the spaces between them (at odd places), and each word that
    is a case reference `typed_case_reference` takes, by its place, as written without the punctuation around it.
    A reference written with a space (`CR 382070`) is one word: the space and the digits join the letters' place."""

    def bare_reference(token: str) -> str | None:
        bare = token.strip(".,;:!?()[]{}'\"`*_~")  # punctuation, and Slack's code, bold, italics, strike
        return bare if bare and typed_case_reference(bare, pattern) is not None else None

    parts = re.split(r"(\s+)", text)
    found: list[tuple[int, str]] = []
    for i in range(0, len(parts), 2):
        pair = (parts[i] + " " + parts[i + 2] if i + 2 < len(parts) and parts[i + 1] == " " and parts[i]
                and parts[i + 2] and not _phone_in_groups(parts, i + 2) else None)
        if pair is not None and (both := bare_reference(pair)) is not None:
            parts[i], parts[i + 1], parts[i + 2] = pair, "", ""
            found.append((i, both))
        elif (alone := bare_reference(parts[i])) is not None:
            found.append((i, alone))
    return parts, found


def _phone_in_groups(parts: list[str], at: int) -> bool:
    """Whether the word at `at` begins a phone number written in groups, a 0 then digits and more digits after it
    ("on 0300 123 4567", "call 07700 900123"): not the digits of a reference written with a space ("CR 882019")."""
    return parts[at].startswith("0") and parts[at].isdigit() and at + 2 < len(parts) \
        and parts[at + 2].rstrip(".,;:!?)").isdigit()


# A judgment's neutral citation or a law report ('[2013] EWCA Civ 1146', '[2019] EWHC 2305 (Fam)', '[2009] 1 FLR 1234'):
# its court and number are shaped like a case reference, and knowledge-base entries rightly cite judgments.
_CITATION = re.compile(r"\[(?:1[89]|20)\d{2}\]\s+(?:[A-Za-z0-9]+\s+){1,3}\d+")
# The example reference the bot's own prompts and its help entries give ('such as CR-123456'): no child's case.
EXAMPLE_CASE_REFERENCE = "CR-123456"
_DIGITS = re.compile(r"\d+")


def content_reference_hits(text: str, pattern: re.Pattern[str]) -> list[Hit]:
    """The case references in knowledge-base text (trial 10, F18: 'For CR-882019 visit at least every 10 working
    days' went live for everyone): every word, or letters and digits with a space between, that the council's
    pattern takes as people write references (`CR-882019`, `cr882019`, `CR 882019`; `CA 1989` is an Act), as
    `without_case_references` finds them in what people type. A judgment's citation and the bot's own example
    reference are not a case. A reference has digits (a case system numbers its cases), so only the words around
    one are read: kb check screens 74,000 texts at 20,000 entries, and most have none."""
    if not _DIGITS.search(text):
        return []
    text = _CITATION.sub(lambda m: " " * len(m.group(0)), text)
    return [Hit("case_reference", bare) for stretch in _numbered_stretches(text)
            for _, bare in _reference_words(stretch, pattern)[1]
            if canonical_case_reference(bare) != EXAMPLE_CASE_REFERENCE]


def _numbered_stretches(text: str) -> list[str]:
    """The stretches of `text` where a reference with digits can be: each word with a digit, with the word before
    it and the word after it when a single space joins them (`CR 882019`), those that overlap joined. Found with
    string methods, not a pattern over every word: most of an entry's words are far from any digit."""
    spans: list[tuple[int, int]] = []
    for digits in _DIGITS.finditer(text):
        start, end = _word_start(text, digits.start()), _word_end(text, digits.end())
        if start >= 2 and text[start - 1] == " " and not text[start - 2].isspace():
            start = _word_start(text, start - 1)
        if text[end:end + 1] == " " and text[end + 1:end + 2].strip():
            end = _word_end(text, end + 1)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return [text[start:end] for start, end in spans]


_SPACES = " \t\n\r\f\v"


def _word_start(text: str, at: int) -> int:
    return max(text.rfind(space, 0, at) for space in _SPACES) + 1


def _word_end(text: str, at: int) -> int:
    ends = [found for space in _SPACES if (found := text.find(space, at)) >= 0]
    return min(ends) if ends else len(text)


# "case CR-123456", "ref: CR-123456", "case no. CR-123456", "case ref is cr 310442" (trial 24), "the ref is …": the
# label people put before a reference
_REFERENCE_LABEL = re.compile(
    r"^\s*(?:the\s+)?(?:case(?:\s+(?:ref(?:erence)?|no\.?|number))?|ref(?:erence)?)"
    r"(?:\s+is\s+|\s*[:#=]\s*|\s+-\s*|\s+)(?=\S)", re.IGNORECASE)


def check_case_reference(text: str, pattern: re.Pattern[str], screen: Screen) -> str:
    """The case reference in its canonical form (`canonical_case_reference`), or a refusal saying what it looked
    like and what fits. A label before it ("case CR-123456", "ref: CR-123456") and a full stop after it are not
    part of it.

    An NHS number or a name is refused even when the council's pattern would accept it (CR-9434765919).
    """
    text = _REFERENCE_LABEL.sub("", text or "", count=1).rstrip(" .,;")
    reference = canonical_case_reference(text)
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
    if not _fits(reference, pattern):
        raise UserError(f"That doesn't look like a case reference. Please type {example}.")
    return reference

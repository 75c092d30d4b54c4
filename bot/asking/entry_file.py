"""Where a new entry typed without `file:` goes, and a sentence that says truly why.

Trial 11: a practice entry about home visits, tagged lone-working and safety, was filed in the file about using the
bot, "where most entries tagged lone-working, safety are", because the only entry tagged safety was the bot's own
escalation help. A file is chosen only when several entries support it: the file holding more of the entries sharing
the new entry's tags than any other, at least MIN_SUPPORT of them; else the file of the entry the search answers
its question with, or of most of the entries it offers for it; else the one file whose name's topic its question
names ("children in care", "CiC" or "LAC": `kb/children-in-care.yaml`); else none, and the QA lead is asked for a file
and told why none was chosen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from typing import NamedTuple

from knowledge.entries import Entry
from knowledge.search import WH_WORDS, KnowledgeSearch
from knowledge.textterms import words_of

MIN_SUPPORT = 2  # entries in one file, sharing the tags or closest to the question, that a choice needs


class FileChoice(NamedTuple):
    """The file chosen ("" when none is supported) and why, as a clause: "where 2 of the 3 entries tagged
    fostering are", or for no file, "only 1 entry is tagged safety (in `kb/auditing-here.yaml`), too few to go
    by, and no entry is close to its question"."""

    file: str
    why: str


def choose_file(entries: Mapping[str, Entry], search: KnowledgeSearch, tags: Iterable[str],
                texts: Iterable[str], unhelpful: Collection[str] = ()) -> FileChoice:
    """The file for a new entry with these tags, asked in these words (its question, then the wording asked);
    `unhelpful`: the entries its askers marked Not helpful (see `closest_file`)."""
    wanted = sorted({tag.strip().lower() for tag in tags if tag.strip()})
    used = {tag.lower() for entry in entries.values() for tag in entry.tags} & set(wanted)
    # only the tags entries have: trial 51 (F23) was told "where 7 of the 15 entries tagged care-proceedings or
    # court are", then "New tag 'care-proceedings': no entry has it yet"
    named = " or ".join(tag for tag in wanted if tag in used) or " or ".join(wanted)
    tagged = Counter(entry.file for entry in entries.values() if set(wanted) & {tag.lower() for tag in entry.tags})
    if tagged:
        file, most = _most(tagged)
        if most >= MIN_SUPPORT and _ahead(tagged, most):
            return FileChoice(file, f"where {most} of the {sum(tagged.values())} entries tagged {named} are")
    nearest = closest_file(entries, search, texts, unhelpful)
    note = _too_few(tagged, named) if wanted else ""
    if nearest.file:
        return FileChoice(nearest.file, f"{nearest.why} ({note})" if note else nearest.why)
    named_for = named_file(entries, search, texts)
    if named_for.file:
        return named_for
    return FileChoice("", f"{note}, and {nearest.why}" if note else nearest.why)


def named_file(entries: Mapping[str, Entry], search: KnowledgeSearch, texts: Iterable[str]) -> FileChoice:
    """The one file whose name's topic the question names, read as the search reads both, so "CiC", "LAC" and
    "looked after" name `kb/children-in-care.yaml` (trial 56 F15: "Can we refer a child in care to Kooth?" met
    no close entry and was not filed, though that file exists). A name of several topics (`court-and-pls`) is
    named by any one of them; none is chosen when the question names two files' topics."""
    asked: set[str] = set()
    for text in texts:  # "when" is no topic: "When is the fire drill held?" names no timescale
        asked |= _terms(search, " ".join(word for word in words_of(text) if word not in WH_WORDS))
    found = []
    for file in sorted({entry.file for entry in entries.values()}):
        topics = file.rsplit("/", 1)[-1].removesuffix(".yaml").removesuffix(".yml").split("-and-")
        met = [topic for topic in topics if (terms := _terms(search, topic.replace("-", " "))) and terms <= asked]
        if met:
            found.append((file, met[0].replace("-", " ")))
    if len(found) != 1:
        return FileChoice("", "")
    file, topic = found[0]
    return FileChoice(file, f"the file named for {topic}, which its question is about (no entry is close to it)")


def _terms(search: KnowledgeSearch, text: str) -> set[str]:
    """The search's terms for a text: its words and the concepts they name ("cic" and "lac" both "#child_in_care")."""
    return {term.text for term in search.vocabulary.terms(words_of(text))}


def closest_file(entries: Mapping[str, Entry], search: KnowledgeSearch, texts: Iterable[str],
                 unhelpful: Collection[str] = ()) -> FileChoice:
    """The file of the entry the search answers a text with, or the one holding most of the entries it offers
    ("Did you mean…"), at least MIN_SUPPORT of them: one loosely matching entry is no reason to file beside it.
    An entry the askers marked Not helpful (`unhelpful`) still says where its subject is filed, but is not called
    the entry that answers the question (trial 12)."""
    split = False
    for text in texts:
        if not text.strip():
            continue
        result = search.uncut(text)  # every entry close to it, also those too far below the first to show
        if result.outcome == "answer" and result.answer is not None and result.answer.entry_id in entries:
            entry = entries[result.answer.entry_id]
            if entry.id in unhelpful:
                return FileChoice(entry.file, f"beside “{entry.question}”, the entry closest to its question, though "
                                              "its askers marked it Not helpful")
            return FileChoice(entry.file, f"beside “{entry.question}”, the entry the search finds for its question")
        offered = [entries[match.entry_id].file for match in result.suggestions if match.entry_id in entries]
        if result.outcome == "ambiguous" and offered:
            file, most = _most(Counter(offered))
            if most >= MIN_SUPPORT:
                return FileChoice(file, f"where {most} of the {len(offered)} entries closest to its question are")
            split = True
    return FileChoice("", "the entries closest to its question are each in a different file" if split
                      else "no entry is close to its question")


def typed_file(typed: str, files: Iterable[str]) -> str:
    """The knowledge-base file `typed` names: its path (`kb/good-practice.yaml`), or its bare name, with or without
    `.yaml` and `kb/`, in any case (`good-practice`, `Good-Practice.yaml`); "" when it names none. A trial's QA lead
    typed `| file: good-practice` and was refused though the list it was given named the file; another typed
    `file: timescale` for `timescales.yaml`: one letter s more or less still names it, when only one file fits."""
    wanted = typed.strip().strip("`").strip().lower()
    bare = wanted.removeprefix("kb/").removesuffix(".yaml").removesuffix(".yml")
    files = list(files)

    def stem(name: str) -> str:
        return name.lower().rsplit("/", 1)[-1].removesuffix(".yaml").removesuffix(".yml")

    found = [name for name in files if name.lower() == wanted or stem(name) == bare]
    if not found and bare:
        found = [name for name in files if stem(name) in (f"{bare}s", bare.removesuffix("s"))]
    return found[0] if len(found) == 1 else ""


def _most(counts: Counter[str]) -> tuple[str, int]:
    """The file counted most often; on a tie, the first by name, so every run chooses the same."""
    return min(counts.items(), key=lambda item: (-item[1], item[0]))


def _ahead(counts: Counter[str], most: int) -> bool:
    """Whether one file holds more than any other."""
    return sorted(counts.values(), reverse=True)[1:2] < [most]


def _too_few(tagged: Counter[str], named: str) -> str:
    """Why the tags chose no file, said as it is."""
    total = sum(tagged.values())
    if total == 0:
        return f"no entry is tagged {named}"
    if total == 1:
        return f"only 1 entry is tagged {named} (in `{next(iter(tagged))}`), too few to go by"
    return f"the {total} entries tagged {named} are spread over {len(tagged)} files with none ahead"


def ranked_files(entries: Mapping[str, Entry], search: KnowledgeSearch, tags: Iterable[str], texts: Iterable[str],
                 files: Iterable[str]) -> list[tuple[str, str]]:
    """Every file of entries, likeliest first for a new entry no file was chosen for, each with what makes it likely
    ("" for none): the files holding entries that share its tags, most first, then those of the entries closest to
    its question, then the rest by name. Asked of the QA lead as a numbered list (bot/asking/entry_file_asked.py)."""
    wanted = {tag.strip().lower() for tag in tags if tag.strip()}
    tagged = Counter(entry.file for entry in entries.values() if wanted & {tag.lower() for tag in entry.tags})
    near: Counter[str] = Counter()
    for text in texts:
        if text.strip():
            result = search.uncut(text)
            near.update(entries[match.entry_id].file for match in (result.answer, *result.suggestions)
                        if match is not None and match.entry_id in entries)
    ranked = sorted(set(files), key=lambda name: (-tagged[name], -near[name], name))
    return [(name, _likely(tagged[name], near[name])) for name in ranked]


def _likely(tagged: int, near: int) -> str:
    """What makes a file likely, said short."""
    if tagged:
        return f"{tagged} {'entry shares' if tagged == 1 else 'entries share'} its tags"
    if near:
        return f"{near} of the entries closest to its question {'is' if near == 1 else 'are'} there"
    return ""

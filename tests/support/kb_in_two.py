"""Load and index a knowledge folder in a process of its own and print what a user could see of the result, as
JSON: `python -m tests.support.kb_in_two FOLDER MODE [CACHE]`.

The side process (knowledge.side_process) is only used by a process with one thread, which a test worker may
not be by the time a test runs; a new process is. MODE: `one` never forks; `two` forks at any size;
`two-other-glossary` too, its side process reading wordings through another glossary; `two-side-killed` too, its
side process killed after handing over the parse, before the index takes its wordings; `broken` forks at any size
but every child fails before handing anything back.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

import knowledge.entry_terms
import knowledge.loader
import knowledge.search
import knowledge.side_process
from knowledge.problems import KnowledgeBaseError

QUESTIONS = ["when is the icpc due", "what does good look like for the voice of the child", "missing from care",
             "supervision how often", "private fostering notification", "lado referral timescale", "annual leave"]


class _Failing:
    """A marshal whose dumps fails: the child exits without handing anything back."""

    @staticmethod
    def dumps(_: object) -> bytes:
        raise ValueError("the child fails here")

    loads = staticmethod(knowledge.side_process.marshal.loads)


def main() -> None:
    folder, mode = Path(sys.argv[1]), sys.argv[2]
    cache = Path(sys.argv[3]) if len(sys.argv) > 3 else None
    forks: list[bool] = []
    original = knowledge.side_process.SideProcess.__init__

    def counted(self: knowledge.side_process.SideProcess, work: object, stream: bool = False) -> None:
        original(self, work, stream)  # type: ignore[arg-type]
        forks.append(self.started)

    knowledge.side_process.SideProcess.__init__ = counted  # type: ignore[method-assign]
    read_here: list[int] = []  # files whose wordings this process read into terms (the side process reads others)
    reading = knowledge.entry_terms._read

    def read(entries: list, vocabulary: object) -> object:
        read_here.append(len(entries))
        return reading(entries, vocabulary)  # type: ignore[arg-type]

    knowledge.entry_terms._read = read  # type: ignore[assignment]
    if mode == "one":
        knowledge.side_process.os.environ[knowledge.side_process.DISABLE] = "1"
    else:
        knowledge.loader.PARSE_IN_TWO_FROM_BYTES = 0
    if mode == "two-other-glossary":  # the side process reads wordings through a vocabulary the load will not have
        knowledge.loader._meaning_files = lambda *_: ({"ZZQ": "zebra quilt"}, ())  # type: ignore[assignment]
    if mode == "broken":
        knowledge.side_process.marshal = _Failing  # type: ignore[assignment]
    try:
        kb = knowledge.loader.load_knowledge(folder, cache_folder=cache)
    except KnowledgeBaseError as error:
        print(json.dumps({"forks": sum(forks), "problems": [str(problem) for problem in error.problems]}))
        return
    if mode == "two-side-killed":
        os.kill(knowledge.entry_terms.AHEAD._side._pid, signal.SIGKILL)  # type: ignore[union-attr]
    search = knowledge.search.KnowledgeSearch(kb, cache_folder=cache)
    outcomes = []
    for question in QUESTIONS:
        result = search.search(question)
        outcomes.append([result.outcome, result.answer.entry_id if result.answer else None,
                         [match.entry_id for match in result.suggestions],
                         [(hit.number, round(hit.score, 9)) for hit in search.keyword.rank(question.split(), 5)]])
    print(json.dumps({"forks": sum(forks), "read_here": len(read_here), "fingerprint": kb.fingerprint,
                      "entries": len(kb.entries),
                      "lines": {entry.id: [entry.file, entry.line] for entry in kb.entries.values()},
                      "outcomes": outcomes, "idf": sorted(search.idf.items()), "wordings": len(search.wordings),
                      "stems": sorted(search.known_stems)}))


if __name__ == "__main__":
    main()

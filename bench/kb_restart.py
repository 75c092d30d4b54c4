"""One start of the knowledge base, timed in a process of its own: `python -m bench.kb_restart FOLDER [CACHE]`.

`kb_bench` runs it to time a restart honestly: in a new process nothing is warm (no stem table, no parsed
file in memory), exactly as after a bot restart. Prints `load index` in seconds.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch


def main() -> None:
    folder = Path(sys.argv[1])
    cache = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    started = time.perf_counter()
    kb = load_knowledge(folder, cache_folder=cache)
    loaded = time.perf_counter()
    KnowledgeSearch(kb, cache_folder=cache)
    print(f"{loaded - started:.4f} {time.perf_counter() - loaded:.4f}")


if __name__ == "__main__":
    main()

"""One start of the knowledge base, timed in a process of its own: `python -m bench.kb_restart FOLDER [CACHE]
[--screen]`.

`kb_bench` runs it to time a restart honestly: in a new process nothing is warm (no stem table, no parsed
file in memory), exactly as after a bot restart. Prints `load index screen` in seconds. With `--screen`, the
start's identifier screen of the entries (bot/privacy/knowledge_screen.start_screen) is timed too, as the bot
runs it before serving anything (0 without); loading the screen's name lists is not counted: the bot loads them
at every start for everything people type.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bot.privacy.knowledge_screen import start_screen
from bot.privacy.screen import Screen
from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch


def main() -> None:
    arguments = [argument for argument in sys.argv[1:] if argument != "--screen"]
    folder = Path(arguments[0])
    cache = Path(arguments[1]) if len(arguments) > 1 else None
    screen = Screen.load() if "--screen" in sys.argv else None
    started = time.perf_counter()
    kb = load_knowledge(folder, cache_folder=cache)
    loaded = time.perf_counter()
    screened = loaded
    if screen is not None:
        start_screen(kb.entries.values(), kb.file_digests, screen, cache)
        screened = time.perf_counter()
    KnowledgeSearch(kb, cache_folder=cache)
    print(f"{loaded - started:.4f} {time.perf_counter() - screened:.4f} {screened - loaded:.4f}")


if __name__ == "__main__":
    main()

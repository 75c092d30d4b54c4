"""`make bench`: the identifier screen measured on the privacy corpus (issue #12 items 3 and 4).

For each corpus separately (the four tuning corpora, written independently by different helpers, the fix43c
sweep, then the held-out one): identifier texts refused (target >= 97%) and ordinary texts refused (target <= 3%),
by kind, with the old screen's figures on the same texts as the baseline, then the screen's speed (p50/p99 per
text) and its loading time. The held-out corpus was never used for tuning: only its aggregates are printed, never
its items. `python -m bench.privacy_bench --tuning` measures the tuning corpora only (while writing rules, so
the held-out figures are looked at rarely).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from bench.privacy_baseline import find_identifiers as old_find
from bot.privacy.screen import Screen

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "privacy"
TARGET_CAUGHT = 0.97
TARGET_OVER = 0.03
# screened item by item while the rules were written; asserted by the tests
TUNING = ("tuning", "tuning2", "tuning3", "tuning4")
# a sweep written to find what the screen misses, then tuned on: reported with its items, its misses pinned by
# tests/unit/test_privacy_sweep43.py rather than held to the targets
SWEEPS = ("tuning5", "tuning6", "tuning7")
HELD_OUT = "heldout"  # reported only


@dataclass(frozen=True)
class Figures:
    caught: float
    over: float
    by_kind: dict[str, tuple[int, int]]  # kind -> (refused, total)
    missed: list[dict]
    over_refused: list[tuple[dict, list[str]]]


def load_corpus(name: str) -> list[dict]:
    """The items of tests/data/privacy/corpus_<name>.yaml: text, has_identifier, kind, note."""
    return yaml.safe_load((CORPUS / f"corpus_{name}.yaml").read_text(encoding="utf-8"))


def measure(items: list[dict], refuses: Callable[[str], list[str]]) -> Figures:
    """How many identifier texts are refused and how many ordinary ones are, overall and by kind."""
    by_kind: dict[str, list[int]] = {}
    missed: list[dict] = []
    over: list[tuple[dict, list[str]]] = []
    for item in items:
        found = refuses(item["text"])
        counts = by_kind.setdefault(item["kind"], [0, 0])
        counts[1] += 1
        if found:
            counts[0] += 1
        if item["has_identifier"] and not found:
            missed.append(item)
        if not item["has_identifier"] and found:
            over.append((item, found))
    positives = sum(1 for item in items if item["has_identifier"])
    negatives = len(items) - positives
    return Figures(caught=1 - len(missed) / max(positives, 1), over=len(over) / max(negatives, 1),
                   by_kind={kind: (c[0], c[1]) for kind, c in by_kind.items()}, missed=missed, over_refused=over)


def new_screen(screen: Screen) -> Callable[[str], list[str]]:
    return lambda text: [f"{f.kind}: {f.words}" for f in screen.find(text)]


def old_screen(text: str) -> list[str]:
    return [f.kind for f in old_find(text, frozenset())]


def report(name: str, new: Figures, old: Figures, show_items: bool) -> None:
    print(f"-- {name}: identifier texts refused {new.caught:.1%} (target >= {TARGET_CAUGHT:.0%}; old screen "
          f"{old.caught:.1%}), ordinary texts refused {new.over:.1%} (target <= {TARGET_OVER:.0%}; old {old.over:.1%})")
    print(f"   {'kind':10} {'refused':>12} {'old':>12}")
    for kind in sorted(new.by_kind, key=lambda k: (k == "none", k)):
        refused, total = new.by_kind[kind]
        old_refused = old.by_kind[kind][0]
        print(f"   {kind:10} {refused:>5}/{total:<5} {refused / total:>4.0%}  {old_refused:>4}/{total:<4} "
              f"{old_refused / total:>4.0%}")
    if show_items:  # tuning sets only: the held-out items are never listed, so nobody tunes on them
        for item in new.missed:
            print(f"   missed [{item['kind']}]: {item['text'][:100]}")
        for item, found in new.over_refused:
            print(f"   over-refused: {item['text'][:80]}  <- {found}")


def main(argv: list[str] | None = None) -> None:
    started = time.perf_counter()
    screen = Screen.load()
    loading = time.perf_counter() - started
    tuning_only = "--tuning" in (sys.argv[1:] if argv is None else argv)
    names = (*TUNING, *SWEEPS) if tuning_only else (*TUNING, *SWEEPS, HELD_OUT)
    for name in names:
        items = load_corpus(name)
        report(name, measure(items, new_screen(screen)), measure(items, old_screen),
               show_items=name in TUNING or name in SWEEPS)
    texts = [item["text"] for name in names for item in load_corpus(name)]
    times: list[float] = []
    for _ in range(5):
        for text in texts:
            begun = time.perf_counter()
            screen.find(text)
            times.append((time.perf_counter() - begun) * 1000)
    times.sort()
    long_texts = [t for t in texts if len(t.split()) >= 40]
    long_times = []
    for text in long_texts * 20:
        begun = time.perf_counter()
        screen.find(text)
        long_times.append((time.perf_counter() - begun) * 1000)
    print(f"-- speed: loading {loading:.2f} s; per text p50 {statistics.median(times):.3f} ms, "
          f"p99 {times[int(len(times) * 0.99)]:.3f} ms; texts of 40+ words p50 "
          f"{statistics.median(long_times) if long_times else 0:.3f} ms")


if __name__ == "__main__":
    main()

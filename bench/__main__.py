"""`make bench`: run every bench/*_bench.py module's main() in turn and print its figures."""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    """Run the named benchmarks (default: all), one after another, in this process."""
    folder = Path(__file__).parent
    names = argv or sorted(p.stem for p in folder.glob("*_bench.py"))
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        print(f"\n===== {name} =====", flush=True)
        started = time.perf_counter()
        module.main()
        print(f"({name} took {time.perf_counter() - started:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Benchmarks: `python -m bench` runs each module's main()."""

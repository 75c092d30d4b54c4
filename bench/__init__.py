"""Benchmarks: `python -m bench` runs them and prints figures."""

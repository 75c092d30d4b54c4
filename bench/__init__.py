"""Benchmarks: speed figures printed beside a simple baseline; `python -m bench` runs each module's main().

Not tests: nothing here asserts timing.
"""

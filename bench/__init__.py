"""Benchmarks: speed figures printed beside a simple baseline. Not tests: nothing here asserts timing."""

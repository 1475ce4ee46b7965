"""`python -m benchmarks`: how the guide compares with anchors measured in the same run.

Every figure is a ratio to an anchor timed on the same machine in the same run
(a bare Textual app, PyYAML's C loader), so the numbers travel between machines.
Benchmarks are not tests: `tests/test_benchmarks.py` only checks that they run.
"""

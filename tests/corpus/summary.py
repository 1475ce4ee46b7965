"""The phrasing corpus's rates at the end of the test output (issue 17).

Called from tests/conftest.py's `pytest_terminal_summary`, which the controlling
process loads also under `pytest -n`: the rates are worked out there, once, whenever
tests/corpus/test_phrasings.py ran, so they show however the tests were spread.
"""

from __future__ import annotations

import pytest

from benchmarks import phrasings

TEST_FILE = "tests/corpus/test_phrasings.py"


def report(terminalreporter: pytest.TerminalReporter) -> None:
    """Print "phrasings: N — understood …" when the corpus tests were among those run."""
    reports = [r for kind in terminalreporter.stats.values() for r in kind]
    if not any(getattr(r, "nodeid", "").startswith(TEST_FILE) for r in reports):
        return
    try:
        line = phrasings.rates(phrasings.run()).line()
    except phrasings.CorpusError as exc:
        line = f"phrasings: the corpus cannot be used: {str(exc).splitlines()[0]}"
    terminalreporter.write_sep("-", "phrasing corpus")
    terminalreporter.write_line(line)

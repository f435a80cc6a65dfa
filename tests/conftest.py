import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import pytest
from components import COMPONENTS, WITHOUT, opted_out, require, variable
from hypothesis import settings
from libreoffice import soffice

# One Hypothesis profile for the suite: the same examples on every run and machine (a failure
# found once is found again), no deadline (a loaded CI machine is slow, not wrong), no example
# database written into the clean clone.
settings.register_profile("client-roi", derandomize=True, deadline=None, database=None)
settings.load_profile("client-roi")


@pytest.fixture
def need_libreoffice():
    """LibreOffice, required (see components.py)."""
    if soffice() is None:
        require("libreoffice", "LibreOffice is not installed (no soffice on PATH)")


def pytest_sessionfinish(session, exitstatus):
    """Any skip fails the run, but a component's the developer opted out of (components.py)."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None:
        return
    skipped = reporter.stats.get("skipped", [])
    wrong = [r for r in skipped if not _opted_out_skip(r)]
    if wrong and session.exitstatus == 0:
        session.exitstatus = 1
        reporter.write_line(f"FAILED: {len(wrong)} test(s) skipped, and no test may be: {wrong[0].nodeid}", red=True)


def _opted_out_skip(report) -> bool:
    reason = str(report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr)
    return any(WITHOUT.format(c) in reason and opted_out(c) for c in COMPONENTS)


def pytest_unconfigure(config):
    """The run's last line says what it ran without, when a developer opted out of a component."""
    without = [f"{c} ({variable(c)})" for c in COMPONENTS if opted_out(c)]
    if without:
        print(f"client-roi: this run was WITHOUT {', '.join(without)}: their tests were skipped")

"""Issue 36, item 4: a real component that is missing fails the run, whatever the environment
says (CI or not); a developer opts out of one by its name, and the run's last line says so."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEST = "tests/test_stale.py::test_the_indicator_follows_the_inputs[en]"


def _pytest(env: dict[str, str]) -> subprocess.CompletedProcess:
    """That one LibreOffice test, in a pytest of its own, with no soffice on its PATH."""
    keep = {k: v for k, v in os.environ.items() if not k.startswith("CLIENT_ROI_WITHOUT_") and k != "CI"}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", TEST],
        cwd=ROOT,
        env={**keep, "PATH": "", **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_missing_libreoffice_fails_the_run_outside_ci_too():
    run = _pytest({})
    assert run.returncode == 1, run.stdout
    assert "LibreOffice is not installed" in run.stdout and "CLIENT_ROI_WITHOUT_LIBREOFFICE=1" in run.stdout
    assert run.stdout.rstrip().splitlines()[-1].startswith("1 error")  # failed in its fixture, not skipped


def test_an_opt_out_skips_and_says_so_on_the_last_line():
    run = _pytest({"CLIENT_ROI_WITHOUT_LIBREOFFICE": "1"})
    assert run.returncode == 0, run.stdout
    assert "1 skipped" in run.stdout
    assert run.stdout.rstrip().splitlines()[-1] == (
        "client-roi: this run was WITHOUT libreoffice (CLIENT_ROI_WITHOUT_LIBREOFFICE): their tests were skipped"
    )


def test_any_other_skip_fails_the_run(tmp_path):
    """A skip that is no component's opt-out (a forgotten skipif) fails the session."""
    test = tmp_path / "test_skip.py"
    test.write_text("import pytest\n\ndef test_x():\n    pytest.skip('for no reason')\n")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--rootdir",
            str(ROOT),
            "-c",
            str(ROOT / "pyproject.toml"),
            "--confcutdir",
            str(ROOT),
            "-p",
            "conftest",
            str(test),
        ],
        cwd=ROOT / "tests",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 1 and "no test may be" in run.stdout, run.stdout

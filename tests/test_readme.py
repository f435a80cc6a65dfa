"""Issue 31: the README a newcomer reads in five minutes, and every example in it runs. Each
``sh`` block's ``.venv/bin/client-roi`` command runs as written (from a folder that holds the
repository's example files, as a clone does), and the ``text`` block after it is what it says;
the Python block runs; the README stays short and its links lead somewhere."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w+)\n(.*?)```", README, re.S)
COMMANDS = [
    (code.strip(), BLOCKS[i + 1][1] if i + 1 < len(BLOCKS) and BLOCKS[i + 1][0] == "text" else "")
    for i, (kind, code) in enumerate(BLOCKS)
    if kind == "sh" and code.startswith(".venv/bin/client-roi")
]


def _clone_like(tmp_path: Path) -> Path:
    """A folder where the README's relative paths lead where they do in a clone."""
    for name in ("addin", "examples"):
        (tmp_path / name).symlink_to(ROOT / name)
    return tmp_path


def test_the_readme_is_short_and_its_links_lead_somewhere():
    assert len(README.splitlines()) <= 150
    for target in re.findall(r"\]\(([^)#]+)\)", README):
        if not target.startswith("http"):
            assert (ROOT / target).exists(), target
    assert len(COMMANDS) == 3  # the three quick starts


@pytest.mark.parametrize("command, shown", COMMANDS, ids=["customer list", "invoice lines", "crm export"])
def test_each_quick_start_runs_and_says_what_the_readme_shows(command, shown, tmp_path):
    cwd = _clone_like(tmp_path)
    argv = [sys.executable, "-m", "client_roi.cli", *shlex.split(command.removeprefix(".venv/bin/client-roi"))]
    run = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    said = run.stdout.splitlines()
    for line in shown.strip().splitlines():
        assert line in said, (line, run.stdout)
    out = argv[argv.index("-o") + 1]
    assert (cwd / out).exists()


def test_the_python_example_runs(tmp_path):
    (code,) = [c for kind, c in BLOCKS if kind == "python"]
    cwd = _clone_like(tmp_path)
    run = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert (cwd / "from_python.xlsx").exists()


@pytest.mark.parametrize(
    "page", sorted(p.relative_to(ROOT).as_posix() for p in [*ROOT.glob("docs/**/*.md"), ROOT / "CONTRIBUTING.md"])
)
def test_every_link_of_the_documentation_leads_somewhere(page):
    path = ROOT / page
    for target in re.findall(r"\]\(([^)#\s]+)\)", path.read_text(encoding="utf-8")):
        if not target.startswith(("http://", "https://")):
            assert (path.parent / target).exists(), (page, target)


def test_the_site_builds_strictly(tmp_path):
    """Issue 31, item 2: the documentation site (MkDocs, Material, mkdocstrings) builds with
    warnings as errors: no broken link, no unknown reference, every API page collected."""
    import os

    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    api = (tmp_path / "site" / "reference" / "api" / "index.html").read_text(encoding="utf-8")
    assert "merge_duplicates" in api and "effort_days" in api  # the docstrings, collected
    assert (tmp_path / "site" / "reference" / "workbook" / "index.html").exists()

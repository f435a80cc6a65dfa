"""Root conftest: runs before any test or doctest module imports xlwings, and runs every
example of the README and the documentation site.

xlwings.server's Office.js dispatch runs on Linux only in server mode. The noncommercial key
is valid for this open-source project (PolyForm Noncommercial); both must be set before
xlwings is first imported.

Every example of the README and the documentation site runs (issue 31, item 4), by Sybil:

* A ``python`` block runs; written as a session (``>>>``), what it prints is compared.
* A ``sh`` (or ``bash``) block runs command by command, from a folder laid out as a clone
  (``addin/`` and ``examples/`` where they are in the repository), one folder per page so that a
  page's later command refreshes the book an earlier one wrote. ``client-roi`` (or
  ``.venv/bin/client-roi``) runs the command line of this checkout; the install commands
  (``make demo``, ``make test``...) are the ones CI itself runs from a fresh clone, and are not
  run twice here; any other command is refused, so a page cannot show one that nothing runs.
* A ``text`` block right after a ``sh`` block is its output: every line it shows must be a line
  of what the commands printed (a line ``…`` stands for lines left out).

A synopsis, not meant to run (``client-roi fill CUSTOMERS.csv``), is a ``text`` block not after
a command.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from sybil import Sybil
from sybil.parsers.markdown import CodeBlockParser, PythonCodeBlockParser

os.environ.setdefault("XLWINGS_ON_SERVER", "true")
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

ROOT = Path(__file__).resolve().parent
#: Commands CI runs itself, as CONTRIBUTING.md and the README say (a fresh clone's set-up).
INSTALL = {"make demo", "make test", "make docs", "make generated", "make bench", "make check"}
SHELLS = ("sh", "bash")


def _clone_like(namespace: dict) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="client-roi-docs-"))
    for name in ("addin", "examples"):
        (folder / name).symlink_to(ROOT / name)
    namespace["_folder"] = folder
    return folder


def _setup(namespace: dict) -> None:
    namespace["_before"] = os.getcwd()
    os.chdir(_clone_like(namespace))  # a page's Python writes its files there too


def _teardown(namespace: dict) -> None:
    import shutil

    os.chdir(namespace["_before"])
    shutil.rmtree(namespace["_folder"], ignore_errors=True)


def _command(line: str) -> list[str] | None:
    """The argv that runs a documented command here; None for an install command."""
    words = shlex.split(line, comments=True)
    if not words:
        return []
    if " ".join(words) in INSTALL:
        return None
    if words[0] in ("client-roi", ".venv/bin/client-roi"):
        return [sys.executable, "-m", "client_roi.cli", *words[1:]]
    if words[0] in ("python", ".venv/bin/python") and words[1:2] == ["-c"]:
        return [sys.executable, *words[1:]]
    raise AssertionError(f"a command nothing runs: {line!r} (make it a text block if it is a synopsis)")


def _run_shell(example) -> None:
    folder = example.namespace["_folder"]
    said = []
    for line in example.parsed.splitlines():
        argv = _command(line)
        if not argv:
            continue
        run = subprocess.run(argv, cwd=folder, capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, f"{line}\n{run.stderr}"
        said += (run.stdout + run.stderr).splitlines()
    example.namespace["_said"] = (example.end, said)


def _compare_output(example) -> None:
    end, said = example.namespace.get("_said", (None, []))
    between = example.document.text[end : example.start] if end is not None else "x"
    if between.strip():
        return  # not a command's output: a synopsis or a file's text, shown as it is
    for line in example.parsed.splitlines():
        if line.strip() and line.strip() != "…":
            assert line in said, f"{line!r} is not what the command said:\n" + "\n".join(said)


pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(),
        *(CodeBlockParser(language, _run_shell) for language in SHELLS),
        CodeBlockParser("text", _compare_output),
    ],
    patterns=["README.md", "docs/*.md", "docs/*/*.md", "docs/*/*/*.md"],
    setup=_setup,
    teardown=_teardown,
).pytest()

"""Every module imports on its own in a fresh interpreter (the package exports the engine lazily,
so an import order that works inside the test session could hide a cycle), and the command
line's help does not import numpy or pandas."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "addin" / "client_roi"
#: Every module of the package, walked (a hand list missed twelve): "client_roi.files.lines"…
MODULES = sorted(
    ".".join(["client_roi", *(p.with_suffix("").parts[:-1] if p.stem == "__init__" else p.with_suffix("").parts)])
    for p in (f.relative_to(PACKAGE) for f in PACKAGE.rglob("*.py"))
)


@pytest.mark.parametrize("module", MODULES)
def test_module_imports_alone(module):
    assert len(MODULES) > 50 and "client_roi.files.rules" in MODULES  # the walk found the package
    env = {**os.environ, "XLWINGS_ON_SERVER": "true", "XLWINGS_LICENSE_KEY": "noncommercial"}
    out = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr[-2000:]


def test_help_imports_neither_numpy_nor_pandas():
    code = (
        "import sys\nfrom client_roi import cli\n"
        "try:\n    cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('numpy', 'pandas', 'openpyxl', 'xlwings') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_reading_a_book_starts_before_numpy_and_pandas_load():
    """The refresh command starts calamine on the customers' sheet first, then loads the heavy
    modules alongside: client_roi.xlsx must not import them."""
    code = (
        "import sys\nimport client_roi.files.xlsx\n"
        "print(sorted(m for m in ('numpy', 'pandas', 'openpyxl', 'xlwings') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"

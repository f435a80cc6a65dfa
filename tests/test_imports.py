"""Every module imports on its own in a fresh interpreter (the package exports the engine lazily,
so an import order that works inside the test session could hide a cycle), and the command
line's help does not import numpy or pandas."""

import os
import subprocess
import sys

import pytest

MODULES = [
    "client_roi",
    "client_roi.engine",
    "client_roi.decimals",
    "client_roi.layout",
    "client_roi.refresh",
    "client_roi.files",
    "client_roi.template",
    "client_roi.functions",
    "client_roi.scripts",
    "client_roi.cli",
    "client_roi.lite",
    "client_roi.xlam",
    "client_roi.xlsx",
    "client_roi.zipbook",
]


@pytest.mark.parametrize("module", MODULES)
def test_module_imports_alone(module):
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
        "import sys\nimport client_roi.xlsx\n"
        "print(sorted(m for m in ('numpy', 'pandas', 'openpyxl', 'xlwings') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"

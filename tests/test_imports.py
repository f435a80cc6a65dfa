"""Every module imports on its own in a fresh interpreter (the package exports the engine lazily,
so an import order that works inside the test session could hide a cycle), and the command
line's help does not import numpy or pandas."""

import os
import subprocess
import sys

import pytest

MODULES = [
    "client_roi",
    "client_roi.method",
    "client_roi.method.arguments",
    "client_roi.method.sums",
    "client_roi.method.bands",
    "client_roi.method.tiers",
    "client_roi.method.effort",
    "client_roi.method.clients",
    "client_roi.method.loop",
    "client_roi.method.exercise",
    "client_roi.files",
    "client_roi.schema.columns",
    "client_roi.files.customers",
    "client_roi.files.decimals",
    "client_roi.files.output",
    "client_roi.files.xlsx",
    "client_roi.workbook",
    "client_roi.workbook.layout",
    "client_roi.workbook.blocks",
    "client_roi.workbook.refresh",
    "client_roi.workbook.openpyxl_book",
    "client_roi.workbook.xw_book",
    "client_roi.workbook.zipbook",
    "client_roi.workbook.sheet_patch",
    "client_roi.workbook.recalc",
    "client_roi.workbook.template",
    "client_roi.excel",
    "client_roi.excel.functions",
    "client_roi.excel.scripts",
    "client_roi.excel.lite",
    "client_roi.excel.xlam",
    "client_roi.functions",
    "client_roi.scripts",
    "client_roi.cli",
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
        "import sys\nimport client_roi.files.xlsx\n"
        "print(sorted(m for m in ('numpy', 'pandas', 'openpyxl', 'xlwings') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"

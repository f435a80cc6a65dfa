"""Issue 31, item 3: the reference pages are generated from the code (the schema, the parser),
never hand-copied: the committed pages are what scripts/make_reference.py makes today."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_reference_pages_are_the_codes():
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_reference.py"), "--check"],
        cwd=ROOT,
        env={**os.environ, "COLUMNS": "60"},  # the script sets its own width, whatever the terminal's
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_reference_says_each_parameters_rule_and_validation():
    text = (ROOT / "docs" / "reference" / "workbook.md").read_text(encoding="utf-8")
    assert "| `trim` | Trim (extremes left out) / Écrêtage (extrêmes écartés) | 0 | `[0, 1)` |" in text
    assert "`custom AND(ISNUMBER(B4),B4>=0,B4<1)`" in text
    assert "| `out_sweep` | tiers | A67 | 13 |" in text


def test_the_guide_names_the_computed_columns_of_a_book_from_invoice_lines(tmp_path):
    """Issue 31, seen: the Guide said 'the last seven columns are computed', wrong for a book
    filled from invoice lines (the movement columns come after). It names them now, from the
    schema: every column it calls computed is, and every computed column is among them."""
    import openpyxl

    from client_roi import cli
    from client_roi.schema.columns import ALL_COLUMNS

    lines = tmp_path / "lines.csv"
    lines.write_text(
        "Customer,Date,Amount\nA,2025-01-10,100\nB,2025-02-10,200\nA,2024-01-10,50\nC,2024-03-01,80\n",
        encoding="utf-8",
    )
    out = tmp_path / "book.xlsx"
    assert cli.main(["fill", "--transactions", str(lines), "-o", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    headers = [c.value for c in next(wb["Customers"].iter_rows(max_row=1))]
    guide = " ".join(str(c.value) for c in wb["Guide"]["A"] if c.value)
    said = guide.split("The columns from ", 1)[1].split(" are computed", 1)[0]
    first, rest = said.split(" to ", 1)
    last, movement = rest.split(", and ", 1)
    named = [*headers[headers.index(first) : headers.index(last) + 1], movement.split(" when ")[0]]
    computed = [c.en for c in ALL_COLUMNS if c.computed and c.en in headers]
    assert "Movement" in headers and sorted(named) == sorted(computed)

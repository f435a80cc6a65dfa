"""A live book: the exercise as native formulas, recalculated by the spreadsheet as the user
types, with no macro, add-in or Python (``client-roi fill --live``, ``template --live``,
``Exercise.to_excel(live=True)``).

Every computed column of the ``Customers`` table and every block of the Tiers and Review sheets
is a formula over the inputs and the parameters. What a row needs that a spreadsheet cannot say
in one cell (a customer's flags read, its gain, its tier's rank, its place in the prospect
plan's queue and in the two lists) is a **helper column** on a hidden sheet, one row per
customer row; what the blocks share (the tiers' thresholds, labels, budgets and days, the
sweep's counts) is a small table beside them. Only functions that Excel 2010 and later, Excel
on the web, LibreOffice and Google Sheets compute alike are used: ``IF``, ``AND``, ``OR``,
``NOT``, ``INDEX``, ``MATCH``, ``COUNT``, ``COUNTA``, ``COUNTIF``, ``COUNTIFS``, ``SUMIF``,
``SUMPRODUCT``, ``SUM``, ``MIN``, ``MAX``, ``LARGE``, ``RANK``, ``TRIMMEAN``, ``AVERAGE``,
``INT``, ``ROUND``, ``ABS``, ``LOG10``, ``FIXED``, ``SUBSTITUTE``, ``TRIM``, ``LEN``,
``LOWER``, ``CHAR``, ``ROW``, ``ROWS``, ``ISNUMBER``, ``ISTEXT``, ``ISERROR``, ``NA``,
``N``; and ``PERCENTILE.INC`` (Excel 2010 and later: written ``_xlfn.PERCENTILE.INC``, as the
file format asks). No array entry, no dynamic arrays, no volatile function.

The rules are the method's (:func:`client_roi.method.exercise`), formula by formula:

* **Rows.** A flag is a blank, or one of the method's yes and no words (any case, trimmed); a
  number column holds a number or a blank; a cost and days spent are ≥ 0. A row that breaks one
  shows ``#N/A`` as its role, and until it is fixed no block is computed: the Tiers sheet says
  which row, where the stale flag of a Python book stands.
* **Tiers.** Thresholds ``reference × (1 + offset)`` (the balanced band: the quantiles
  themselves), ascending; a gain's tier is found by ``MATCH(gain, thresholds, 1)``, which puts a
  gain on a threshold in the tier above, as the method does.
* **The plan's queue.** A tier is a non-decreasing function of the gain, so the method's order
  (tier, then gain, then row) is the order of the gain, then the row: a prospect's place is
  ``RANK`` of its gain among the queued ones plus the equal gains in earlier rows.
  Its running total of days is the days of the tiers above and of its own tier up to it.
* **Lists** (clients whose ROI < 1, prospects over budget): each listed row's place is found
  alike; the list's i-th row ``MATCH``-es ``i``.

What the formulas cannot give bit for bit, and why (the property test's tolerance,
``tests/test_live.py``): a spreadsheet adds left to right without correct rounding
(``SUM``, ``SUMIF``, ``AVERAGE``, ``TRIMMEAN``, ``SUMPRODUCT``), where the method's sums are
correctly rounded; the plan's running total is a product per tier where the method adds day by
day; the balanced band's offsets are not nudged to the ulp. Amounts therefore agree within a
relative 1e-9; words, tiers, roles and counts are equal.

Left to Python: a prospect's estimated margin (:mod:`client_roi.method.potential`) is written as
values by ``fill`` and by a refresh; the formulas use it where a prospect has no expected margin.
"""

from __future__ import annotations

from .check import agrees, first_edit, is_live, moved, normal, written
from .helpers import helper_row, live_sheet
from .outputs import blocks, columns
from .places import EXCEL_2010, FUNCTIONS, HELPERS, LIVE_SHEET, ROWS_AT, ROWS_NAME, Places, names, shared, word_list

__all__ = [
    "EXCEL_2010",
    "FUNCTIONS",
    "HELPERS",
    "LIVE_SHEET",
    "ROWS_AT",
    "ROWS_NAME",
    "Places",
    "agrees",
    "blocks",
    "columns",
    "first_edit",
    "helper_row",
    "is_live",
    "live_sheet",
    "moved",
    "names",
    "normal",
    "shared",
    "word_list",
    "written",
]

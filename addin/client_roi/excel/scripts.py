"""Scripts for xlwings Lite (its run button) and xlwings Server (a manifest button).

The desktop ribbon calls :func:`client_roi.main` instead; both run the same pipeline.
"""

import xlwings as xw

from ..workbook.refresh import refresh as run_refresh
from ..workbook.xw_book import XwBook

__all__ = ["refresh"]


@xw.script
def refresh(book: xw.Book):
    """Refresh Client ROI: roles, tiers, effort budgets and days, concentration, review."""
    run_refresh(XwBook(book))

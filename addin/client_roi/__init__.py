"""Client ROI: decide how much effort each customer or prospect deserves.

The method lives in :mod:`client_roi.engine` (numpy/pandas only); Excel functions, the refresh
pipeline and the command line are thin layers over it.
"""

from .engine import (
    average_cac,
    numbers,
    DIV0,
    Bands,
    ClientRoiError,
    balance,
    balanced_band,
    band_sweep,
    bands,
    cac_by_tier,
    client_role,
    concentration,
    concentration_verdict,
    effort_days,
    days_left,
    hhi,
    overrun,
    pareto,
    percentile_inc,
    plan_summary,
    prospect_plan,
    prospect_effort,
    reference_gain,
    roi,
    tier,
    tier_bands,
    trimmed_mean,
)

__version__ = "0.1.0"


def main() -> None:
    """Refresh the calling workbook (``xw.Book.caller()``): what the ribbon's button runs."""
    from .refresh import main as refresh_caller

    refresh_caller()

__all__ = [
    "main", "DIV0", "average_cac", "numbers", "Bands", "ClientRoiError", "balanced_band", "bands", "cac_by_tier", "client_role",
    "concentration", "concentration_verdict", "effort_days", "hhi", "percentile_inc",
    "prospect_effort", "reference_gain", "roi", "tier", "tier_bands", "trimmed_mean",
    "balance", "band_sweep", "days_left", "overrun", "pareto", "plan_summary", "prospect_plan",
]

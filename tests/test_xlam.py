"""The ribbon add-in: checked as an artefact (there is no Excel here)."""

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlwings as xw
from defusedxml.ElementTree import fromstring
from officejs import book_payload
from zips import rezip

import client_roi
from client_roi import cli, commands
from client_roi.excel import xlam
from client_roi.workbook import layout, template

CUI = "{http://schemas.microsoft.com/office/2009/07/customui}"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return xlam.build(tmp_path_factory.mktemp("addin"))


def test_valid_zip_whose_rels_link_the_ribbon(built):
    assert built.name == "client_roi.xlam"
    with zipfile.ZipFile(built) as z:
        assert z.testzip() is None
        rels = fromstring(z.read("_rels/.rels"))
        targets = {r.get("Target"): r.get("Type") for r in rels}
        # MS-OI29500: the 2007 relationship goes with the 2009/07 namespace (customUI14)
        assert (
            targets["customUI/customUI14.xml"]
            == "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
        )
        assert "customUI/customUI.xml" not in z.namelist()
        ribbon = fromstring(z.read("customUI/customUI14.xml"))
    tabs = list(ribbon.iter(f"{CUI}tab"))
    assert [(t.get("id"), t.get("label")) for t in tabs] == [("clientRoiTab", "Client ROI")]
    buttons = {b.get("id"): b for b in ribbon.iter(f"{CUI}button")}
    refresh = buttons["clientRoiRefresh"]
    assert (refresh.get("label"), refresh.get("size")) == ("Refresh", "large")
    assert refresh.get("onAction") == "RibbonMyAddin.RunMain"  # the template's own callback
    assert refresh.get("screentip") and refresh.get("supertip")


def test_vba_is_the_templates_byte_for_byte(built):
    with zipfile.ZipFile(built) as ours, zipfile.ZipFile(xlam.template_path()) as theirs:
        assert ours.read("xl/vbaProject.bin") == theirs.read("xl/vbaProject.bin")
        renamed = [{"customUI/customUI.xml": "customUI/customUI14.xml"}.get(n, n) for n in theirs.namelist()]
        assert ours.namelist() == renamed
        changed = {n for n in ours.namelist() if n not in theirs.namelist() or ours.read(n) != theirs.read(n)}
    assert changed == {
        "customUI/customUI14.xml",
        "_rels/.rels",
        "docProps/core.xml",
        "xl/workbook.xml",
        "xl/worksheets/sheet1.xml",
    }


def test_olevba_shows_the_callback_running_client_roi_main(built):
    out = subprocess.run(
        [sys.executable, "-m", "oletools.olevba", "--decode", str(built)], capture_output=True, text=True, timeout=120
    ).stdout
    assert "Sub RunMain(control As IRibbonControl)" in out
    assert 'mymodule = Left(ThisWorkbook.Name, (InStrRev(ThisWorkbook.Name, ".", -1, vbTextCompare) - 1))' in out
    assert 'RunPython "import " & mymodule & ";" & mymodule & ".main()"' in out
    stem = built.stem  # what ThisWorkbook.Name gives the macro
    assert f"import {stem};{stem}.main()" == "import client_roi;client_roi.main()"
    assert callable(client_roi.main)


def test_client_roi_main_refreshes_the_calling_book(monkeypatch):
    """main() with a book of xlwings' remote engine standing in for xw.Book.caller()."""
    wb = template.make_workbook("en", commands.sample_customers())
    payload = book_payload(wb)
    book = xw.Book(json=json.loads(json.dumps(payload)))
    monkeypatch.setattr(xw.Book, "caller", classmethod(lambda cls: book))
    client_roi.main()
    actions = book.json()["actions"]
    customers = wb.sheetnames.index(layout.SHEETS["customers"]["en"])
    tier_col = [c.key for c in layout.COLUMNS].index("tier")
    written = [a for a in actions if a["sheet_position"] == customers and a["start_column"] == tier_col]
    ws = wb[layout.SHEETS["customers"]["en"]]
    assert [row[0] for row in written[0]["values"]] == [ws.cell(r, tier_col + 1).value or "" for r in range(2, 202)]


def test_config_sheet_read_back_with_openpyxl(built, tmp_path):
    copy = tmp_path / "addin.xlsx"  # openpyxl reads the parts; the extension is all it checks
    rezip(
        built,
        copy,
        {
            "[Content_Types].xml": lambda data: data.replace(
                b"application/vnd.ms-excel.addin.macroEnabled.main+xml",
                b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            )
        },
    )
    wb = openpyxl.load_workbook(copy)
    assert wb.sheetnames == ["myaddin.conf"]  # active: PROJECT_NAME in the VBA is "myaddin"
    config = {r[0]: r[1] for r in wb["myaddin.conf"].iter_rows(values_only=True) if r[0]}
    assert config["UDF Modules"] == "client_roi.functions"
    assert config["Interpreter_Win"] is None and config["Show Console"] is False


def test_building_twice_gives_identical_bytes(built, tmp_path):
    assert xlam.build(tmp_path).read_bytes() == built.read_bytes()


def test_install_refuses_without_excel_and_never_overwrites(built, tmp_path, capsys, monkeypatch):
    assert cli.main(["install", "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "no desktop Excel found" in err and "Manual install" in err
    target = tmp_path / "XLSTART"
    assert xlam.install(built, target_dir=target) == target / "client_roi.xlam"
    with pytest.raises(xlam.AddinError, match="use --force"):
        xlam.install(built, target_dir=target)
    assert xlam.install(built, force=True, target_dir=target).read_bytes() == built.read_bytes()


def test_ribbon_file_is_readable_xml_in_the_package():
    source = Path(xlam.__file__).parent / "ribbon" / "customUI.xml"
    assert "clientRoiTab" in source.read_text()
    text = source.read_text()
    with pytest.raises(xlam.AddinError, match="not wired"):
        xlam.ribbon_xml("Cb.Run", text.replace('onAction="__CALLBACK__"', 'onAction="Other.Macro"'))
    with pytest.raises(xlam.AddinError, match="one tab"):
        xlam.ribbon_xml("Cb.Run", text.replace('id="clientRoiTab"', 'id="renamed"'))
    with pytest.raises(Exception, match=r"(?i)mismatched|not well-formed"):
        xlam.ribbon_xml("Cb.Run", text.replace("</group>", ""))

"""Books as Microsoft Excel 365 saves them, made in the tests from our own.

Users open the template in Excel, edit it, save it, and refresh. :func:`excel_saved` takes a
book after the user's edits (made with openpyxl, which writes shared strings but no formula
results) and the results the test computed for its formulas, and writes it again as Excel
does. What Excel writes was read from genuine Excel-saved files (test data of public projects,
not copied here):

* apache/poi @ a528d43590b3f71aa94310de881a35af887fdd0f, ``test-data/spreadsheet/``:
  ``bug66215.xlsx`` (Excel 16: the workbook's ``fileVersion``, ``mc:AlternateContent`` with
  ``x15ac:absPath``, ``xr:revisionPtr``, ``calcPr calcId="191029"`` without
  ``fullCalcOnLoad``, the ``calcFeatures`` extLst; tables with ``xr:uid``/``xr3:uid``, totals
  row, a calculated column written in full as ``Table[[#This Row],[c]]``; calcChain ``i``;
  numbers such as ``8.2164328657314628E-2``), ``WithTwoCharts.xlsx`` (``c:`` charts with
  ``numCache``), ``SimpleStrict.xlsx`` (Strict namespaces), ``NewStyleConditionalFormattings.xlsx``
  (a data bar's ``x14:id`` and its ``x14:conditionalFormattings``).
* tafia/calamine @ 263762c8e98ef25da8511d9c5ea1783493e3bf6d, ``tests/``:
  ``shared_formula_simple.xlsx`` and ``table_with_insertrow_attribute.xlsx`` (shared formulas,
  ``spans`` and ``x14ac:dyDescent`` on rows, ``mc:Ignorable="x14ac xr xr2 xr3"``, ``xr:uid``),
  ``formula.issue.xlsx`` (``t="str"`` results, ``\\r\\n`` after the XML declaration).
* Public issue threads of PhpSpreadsheet, XlsxWriter, openxlsx2: an empty-text result is
  ``<c t="str"><f>…</f><v/></c>``.
"""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from typing import Any

from lxml import etree
from openpyxl.formula.translate import Translator

from client_roi.files import xlsx

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"
X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
XM = "http://schemas.microsoft.com/office/excel/2006/main"
X15 = "http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"
X15AC = "http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"
XR = "http://schemas.microsoft.com/office/spreadsheetml/2014/revision"
XR2 = "http://schemas.microsoft.com/office/spreadsheetml/2015/revision2"
XR3 = "http://schemas.microsoft.com/office/spreadsheetml/2016/revision3"
XR6 = "http://schemas.microsoft.com/office/spreadsheetml/2016/revision6"
XR10 = "http://schemas.microsoft.com/office/spreadsheetml/2016/revision10"
X16R2 = "http://schemas.microsoft.com/office/spreadsheetml/2015/02/main"
XCALCF = "http://schemas.microsoft.com/office/spreadsheetml/2018/calcfeatures"
CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"
DML = "http://schemas.openxmlformats.org/drawingml/2006/main"
XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'

#: CT_Worksheet's children, in the order the schema wants them.
SHEET_ORDER = (
    "sheetPr",
    "dimension",
    "sheetViews",
    "sheetFormatPr",
    "cols",
    "sheetData",
    "sheetCalcPr",
    "sheetProtection",
    "protectedRanges",
    "scenarios",
    "autoFilter",
    "sortState",
    "dataConsolidate",
    "customSheetViews",
    "mergeCells",
    "phoneticPr",
    "conditionalFormatting",
    "dataValidations",
    "hyperlinks",
    "printOptions",
    "pageMargins",
    "pageSetup",
    "headerFooter",
    "rowBreaks",
    "colBreaks",
    "customProperties",
    "cellWatches",
    "ignoredErrors",
    "smartTags",
    "drawing",
    "legacyDrawing",
    "legacyDrawingHF",
    "picture",
    "oleObjects",
    "controls",
    "webPublishItems",
    "tableParts",
    "extLst",
)


def q(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


def uid(seed: str) -> str:
    """Excel's ``{GUID}``s, fixed by a seed so that a test's books are the same every run."""
    return "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, seed)).upper() + "}"


def excel_number(x: float) -> str:
    """A number as Excel writes it: 17 significant digits, exponent form below 0.1 or
    from 1e21 (``8.2164328657314628E-2``); integers as integers."""
    if x == int(x) and abs(x) < 1e15:
        return str(int(x))
    if abs(x) < 0.1 or abs(x) >= 1e21:
        mantissa, exponent = f"{x:.16E}".split("E")
        mantissa = mantissa.rstrip("0").rstrip(".")
        return f"{mantissa}E{int(exponent)}"
    text = f"{x:.17G}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def rerooted(root: etree._Element, nsmap: dict[str, str], ignorable: str | None = None) -> etree._Element:
    """``root`` again with the namespace declarations Excel puts on it (lxml cannot add them in
    place), children and attributes kept."""
    new = etree.Element(root.tag, nsmap={**(root.nsmap or {}), **nsmap})
    if ignorable:
        new.set(q(MC, "Ignorable"), ignorable)
    for k, v in root.attrib.items():
        new.set(k, v)
    new.text = root.text
    for child in list(root):
        new.append(child)
    return new


def reprefixed(root: etree._Element, nsmap: dict[str, str]) -> etree._Element:
    """A copy of ``root`` written with the prefixes of ``nsmap`` (``c:``, ``a:``), as Excel
    writes charts and drawings."""

    def copy(el, parent):
        if not isinstance(el.tag, str):
            return
        new = etree.Element(el.tag, nsmap=nsmap) if parent is None else etree.SubElement(parent, el.tag)
        for k, v in el.attrib.items():
            new.set(k, v)
        new.text, new.tail = el.text, el.tail
        for child in el:
            copy(child, new)
        return new

    return copy(root, None)


def insert_in_order(root: etree._Element, element: etree._Element, order=SHEET_ORDER) -> None:
    """Put ``element`` among ``root``'s children where the schema's sequence wants it."""
    local = etree.QName(element).localname
    rank = order.index(local)
    for child in root:
        name = etree.QName(child).localname
        if name in order and order.index(name) > rank:
            child.addprevious(element)
            return
    root.append(element)


def serialize(root: etree._Element) -> bytes:
    return DECLARATION + etree.tostring(root, encoding="UTF-8")


def _quote_free(text: str) -> str:
    """Excel leaves a sheet name unquoted where it can: 'Parameters'!$B$4 -> Parameters!$B$4."""
    return re.sub(
        r"(?<![\w'])'([A-Za-z_][A-Za-z0-9_.]*)'!",
        lambda m: (
            m.group() if re.fullmatch(r"[A-Za-z]{1,3}\d+|R\d*C\d*|TRUE|FALSE", m.group(1), re.I) else m.group(1) + "!"
        ),
        text,
    )


class ExcelWriter:
    """One book's parts rewritten as Excel writes them."""

    def __init__(self, data: bytes, values: dict[tuple[str, str], Any], seed: str):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            self.order = [i.filename for i in z.infolist()]
            self.parts = {n: z.read(n) for n in self.order}
        self.values = values
        self.seed = seed
        self.sheet_parts = xlsx.sheet_parts(self.parts.__getitem__)
        book = etree.fromstring(self.parts["xl/workbook.xml"])
        self.sheet_ids = {s.get("name"): s.get("sheetId") for s in book.iter(q(MAIN, "sheet"))}
        self.strings = self._read_strings()
        self.formulas: list[tuple[str, str]] = []  # (sheet, ref), for the calcChain
        self.cell_values: dict[tuple[str, str], Any] = {}  # what charts plot

    def _read_strings(self) -> list[etree._Element]:
        if "xl/sharedStrings.xml" not in self.parts:
            return []
        return list(etree.fromstring(self.parts["xl/sharedStrings.xml"]))

    # -- sheets -------------------------------------------------------------------------------

    def sheet(self, name: str, rich_column: str | None = None) -> None:
        part = self.sheet_parts[name]
        root = etree.fromstring(self.parts[part])
        root = rerooted(root, {"mc": MC, "x14ac": X14AC, "xr": XR, "xr2": XR2, "xr3": XR3}, "x14ac xr xr2 xr3")
        root.set(q(XR, "uid"), uid(f"{self.seed}/sheet/{name}"))
        fmt = root.find(q(MAIN, "sheetFormatPr"))
        if fmt is None:
            fmt = etree.Element(q(MAIN, "sheetFormatPr"), defaultRowHeight="15")
            insert_in_order(root, fmt)
        fmt.set(q(X14AC, "dyDescent"), "0.25")
        data = root.find(q(MAIN, "sheetData"))
        rich_rows = set()
        for row in data:
            cols = [xlsx.column_index(re.match(r"[A-Z]+", c.get("r")).group()) for c in row]
            for k in list(row.attrib):
                if k == "spans":
                    del row.attrib[k]
            attrs = dict(row.attrib)
            row.attrib.clear()
            row.set("r", attrs.pop("r"))
            if cols:
                row.set("spans", f"{min(cols)}:{max(cols)}")
            for k, v in attrs.items():
                row.set(k, v)
            row.set(q(X14AC, "dyDescent"), "0.25")
            for c in row:
                self._cell(name, c)
                if (
                    rich_column
                    and c.get("t") == "s"
                    and re.match(r"[A-Z]+", c.get("r")).group() == rich_column
                    and row.get("r") != "1"
                ):
                    rich_rows.add(int(c.findtext(q(MAIN, "v"))))
        self._share_formulas(data)
        for i in rich_rows:
            self._rich(i)
        self.parts[part] = serialize(root)

    def _cell(self, sheet: str, c: etree._Element) -> None:
        ref = c.get("r")
        f = c.find(q(MAIN, "f"))
        v = c.find(q(MAIN, "v"))
        if f is None:
            if v is not None and c.get("t") in (None, "n") and v.text:
                v.text = excel_number(float(v.text))
                self.cell_values[(sheet, ref)] = float(v.text)
            elif c.get("t") == "s" and v is not None:
                self.cell_values[(sheet, ref)] = "".join(self.strings[int(v.text)].itertext())
            elif c.get("t") == "inlineStr":
                self.cell_values[(sheet, ref)] = "".join(c.itertext())
            return
        if (sheet, ref) not in self.values:
            raise KeyError(f"the test gives no result for the formula {sheet}!{ref} ={f.text}")
        result = self.values[(sheet, ref)]
        self.formulas.append((sheet, ref))
        self.cell_values[(sheet, ref)] = result
        if v is None:
            v = etree.SubElement(c, q(MAIN, "v"))
        if "t" in c.attrib:
            del c.attrib["t"]
        if isinstance(result, bool):
            c.set("t", "b")
            v.text = str(int(result))
        elif isinstance(result, (int, float)):
            v.text = excel_number(float(result))
        elif isinstance(result, str) and result.startswith("#"):
            c.set("t", "e")
            v.text = result
        else:
            c.set("t", "str")
            v.text = result or None  # empty text: <v/>

    def _share_formulas(self, data: etree._Element) -> None:
        """Runs of one A1 formula copied down a column become one shared formula, as Excel
        writes them (structured references stay written in full)."""
        by_column: dict[str, list[etree._Element]] = {}
        for row in data:
            for c in row:
                f = c.find(q(MAIN, "f"))
                if f is not None and f.text and "[" not in f.text and not f.attrib:
                    by_column.setdefault(re.match(r"[A-Z]+", c.get("r")).group(), []).append(c)
        si = 0
        for cells in by_column.values():
            i = 0
            while i < len(cells):
                master = cells[i]
                text, ref = master.find(q(MAIN, "f")).text, master.get("r")
                j = i + 1
                while j < len(cells):
                    prev_row = int(re.search(r"\d+", cells[j - 1].get("r")).group())
                    this_row = int(re.search(r"\d+", cells[j].get("r")).group())
                    expect = Translator("=" + text, origin=ref).translate_formula(cells[j].get("r"))[1:]
                    if this_row != prev_row + 1 or cells[j].find(q(MAIN, "f")).text != expect:
                        break
                    j += 1
                if j - i >= 3:
                    f = master.find(q(MAIN, "f"))
                    f.set("t", "shared")
                    f.set("ref", f"{ref}:{cells[j - 1].get('r')}")
                    f.set("si", str(si))
                    for child in cells[i + 1 : j]:
                        cf = child.find(q(MAIN, "f"))
                        cf.text = None
                        cf.set("t", "shared")
                        cf.set("si", str(si))
                    si += 1
                i = j

    def _rich(self, index: int) -> None:
        """A shared string as rich text: its first word bold, the rest plain (two runs)."""
        si = self.strings[index]
        text = "".join(si.itertext())
        head, sep, rest = text.partition(" ")
        for child in list(si):
            si.remove(child)
        for part, bold in ((head, True), (sep + rest, False)):
            if not part:
                continue
            run = etree.SubElement(si, q(MAIN, "r"))
            props = etree.SubElement(run, q(MAIN, "rPr"))
            if bold:
                etree.SubElement(props, q(MAIN, "b"))
            etree.SubElement(props, q(MAIN, "sz"), val="11")
            etree.SubElement(props, q(MAIN, "color"), theme="1")
            etree.SubElement(props, q(MAIN, "rFont"), val="Calibri")
            etree.SubElement(props, q(MAIN, "family"), val="2")
            etree.SubElement(props, q(MAIN, "scheme"), val="minor")
            t = etree.SubElement(run, q(MAIN, "t"))
            t.text = part
            if part != part.strip():
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")

    # -- the rest of the package --------------------------------------------------------------

    def strings_part(self) -> None:
        if "xl/sharedStrings.xml" not in self.parts:
            return
        root = etree.fromstring(self.parts["xl/sharedStrings.xml"])
        for child in list(root):
            root.remove(child)
        for si in self.strings:
            root.append(si)
        used = sum(len(re.findall(rb't="s"', self.parts[p])) for p in self.sheet_parts.values())
        root.set("count", str(used))
        root.set("uniqueCount", str(len(self.strings)))
        self.parts["xl/sharedStrings.xml"] = serialize(root)

    def workbook(self) -> None:
        root = etree.fromstring(self.parts["xl/workbook.xml"])
        root = rerooted(
            root, {"mc": MC, "x15": X15, "xr": XR, "xr6": XR6, "xr10": XR10, "xr2": XR2}, "x15 xr xr6 xr10 xr2"
        )
        for el in root.findall(q(MAIN, "workbookProtection")):
            root.remove(el)
        version = etree.Element(
            q(MAIN, "fileVersion"), appName="xl", lastEdited="7", lowestEdited="7", rupBuild="28127"
        )
        root.insert(0, version)
        pr = root.find(q(MAIN, "workbookPr"))
        if pr is None:
            pr = etree.Element(q(MAIN, "workbookPr"))
            version.addnext(pr)
        pr.set("defaultThemeVersion", "202300")
        alternate = etree.fromstring(
            f'<mc:AlternateContent xmlns:mc="{MC}"><mc:Choice Requires="x15"><x15ac:absPath '
            f'xmlns:x15ac="{X15AC}" url="C:\\Users\\me\\Documents\\"/></mc:Choice></mc:AlternateContent>'
        )
        pr.addnext(alternate)
        revision = etree.Element(q(XR, "revisionPtr"), revIDLastSave="0", documentId=f"8_{{{uid(self.seed)[1:-1]}}}")
        revision.set(q(XR6, "coauthVersionLast"), "47")
        revision.set(q(XR6, "coauthVersionMax"), "47")
        revision.set(q(XR10, "uidLastSave"), "{00000000-0000-0000-0000-000000000000}")
        alternate.addnext(revision)
        for view in root.iter(q(MAIN, "workbookView")):
            for k in (
                "visibility",
                "minimized",
                "showHorizontalScroll",
                "showVerticalScroll",
                "showSheetTabs",
                "autoFilterDateGrouping",
            ):
                view.attrib.pop(k, None)
            view.set(q(XR2, "uid"), "{00000000-000D-0000-FFFF-FFFF00000000}")
        for sheet in root.iter(q(MAIN, "sheet")):
            sheet.attrib.pop("state", None)
        names = root.find(q(MAIN, "definedNames"))
        if names is not None:  # Excel sorts them, and quotes a sheet name only where it must
            items = sorted(names, key=lambda d: (d.get("name").lstrip("_").casefold(), d.get("localSheetId") or ""))
            for d in items:
                names.remove(d)
                d.text = _quote_free(d.text)
                names.append(d)
        calc = root.find(q(MAIN, "calcPr"))
        if calc is None:
            calc = etree.Element(q(MAIN, "calcPr"))
            (names if names is not None else root.find(q(MAIN, "sheets"))).addnext(calc)
        calc.attrib.clear()
        calc.set("calcId", "191029")  # and no fullCalcOnLoad: Excel drops it
        ext = etree.fromstring(
            f'<extLst xmlns="{MAIN}"><ext uri="{{140A7094-0E35-4892-8432-C4D2E57EDEB5}}" xmlns:x15="{X15}">'
            '<x15:workbookPr chartTrackingRefBase="1"/></ext>'
            f'<ext uri="{{B58B0392-4F1F-4190-BB64-5DF3571DCE5F}}" xmlns:xcalcf="{XCALCF}"><xcalcf:calcFeatures>'
            '<xcalcf:feature name="microsoft.com:RD"/><xcalcf:feature name="microsoft.com:Single"/>'
            '<xcalcf:feature name="microsoft.com:FV"/><xcalcf:feature name="microsoft.com:CNMTM"/>'
            '<xcalcf:feature name="microsoft.com:LET_WF"/><xcalcf:feature name="microsoft.com:LAMBDA_WF"/>'
            '<xcalcf:feature name="microsoft.com:ARRAYTEXT_WF"/></xcalcf:calcFeatures></ext></extLst>'
        )
        old = root.find(q(MAIN, "extLst"))
        if old is not None:
            root.remove(old)
        root.append(ext)
        self.parts["xl/workbook.xml"] = serialize(root)

    def tables(self) -> None:
        for part in [p for p in self.parts if p.startswith("xl/tables/")]:
            root = etree.fromstring(self.parts[part])
            root = rerooted(root, {"mc": MC, "xr": XR, "xr3": XR3}, "xr xr3")
            root.set(q(XR, "uid"), uid(f"{self.seed}/{part}"))
            for f in root.iter(q(MAIN, "autoFilter")):
                f.set(q(XR, "uid"), uid(f"{self.seed}/{part}/filter"))
            for i, col in enumerate(root.iter(q(MAIN, "tableColumn"))):
                col.set(q(XR3, "uid"), uid(f"{self.seed}/{part}/{i}"))
            self.parts[part] = serialize(root)

    def styles(self) -> None:
        root = etree.fromstring(self.parts["xl/styles.xml"])
        root = rerooted(root, {"mc": MC, "x14ac": X14AC, "x16r2": X16R2, "xr": XR}, "x14ac x16r2 xr")
        fonts = root.find(q(MAIN, "fonts"))
        if fonts is not None:
            fonts.set(q(X14AC, "knownFonts"), "1")
        self.parts["xl/styles.xml"] = serialize(root)

    def charts(self) -> None:
        """Charts and drawings with Excel's prefixes; each series with the cache of what it
        plotted when the book was saved."""
        for part in [p for p in self.parts if p.startswith("xl/charts/chart") and p.endswith(".xml")]:
            root = reprefixed(etree.fromstring(self.parts[part]), {"c": CHART, "a": DML, "r": R})
            for ref in root.iter(q(CHART, "numRef"), q(CHART, "strRef")):
                formula = ref.find(q(CHART, "f"))
                for old in ref.findall(q(CHART, "numCache")) + ref.findall(q(CHART, "strCache")):
                    ref.remove(old)
                points = self._plotted(formula.text)
                number = etree.QName(ref).localname == "numRef"
                cache = etree.Element(q(CHART, "numCache" if number else "strCache"))
                if number:
                    etree.SubElement(cache, q(CHART, "formatCode")).text = "General"
                etree.SubElement(cache, q(CHART, "ptCount"), val=str(len(points)))
                for i, v in enumerate(points):
                    if v is None or (number and not isinstance(v, (int, float))):
                        continue
                    pt = etree.SubElement(cache, q(CHART, "pt"), idx=str(i))
                    etree.SubElement(pt, q(CHART, "v")).text = excel_number(v) if number else str(v)
                formula.addnext(cache)
                formula.text = _quote_free(formula.text)
            self.parts[part] = serialize(root)
        for part in [p for p in self.parts if p.startswith("xl/drawings/drawing") and p.endswith(".xml")]:
            root = reprefixed(etree.fromstring(self.parts[part]), {"xdr": XDR, "a": DML, "c": CHART, "r": R})
            self.parts[part] = serialize(root)

    def _plotted(self, formula: str) -> list[Any]:
        sheet, _, ref = formula.rpartition("!")
        sheet = sheet.strip("'").replace("''", "'")
        cells = ref.replace("$", "").split(":")
        (r1, c1), (r2, c2) = xlsx.cell_position(cells[0]), xlsx.cell_position(cells[-1])
        return [
            self.cell_values.get((sheet, f"{xlsx.column_letter(c)}{r}"))
            for r in range(r1, r2 + 1)
            for c in range(c1, c2 + 1)
        ]

    def calc_chain(self) -> None:
        if not self.formulas:
            return
        chain = etree.Element(q(MAIN, "calcChain"), nsmap={None: MAIN})
        for sheet, ref in self.formulas:
            etree.SubElement(chain, q(MAIN, "c"), r=ref, i=self.sheet_ids[sheet])
        self.parts["xl/calcChain.xml"] = serialize(chain)
        if "xl/calcChain.xml" not in self.order:
            self.order.append("xl/calcChain.xml")
            self.relate(
                "xl/_rels/workbook.xml.rels",
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
                "calcChain.xml",
            )
            self.content_type(
                "/xl/calcChain.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"
            )

    def saved_at(self, when: str) -> None:
        """The times Excel writes in docProps/core.xml when it saves: fixed, so that a test's
        books are the same bytes every run."""
        core = self.parts.get("docProps/core.xml")
        if core is not None:
            core = re.sub(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*", rb"\g<1>" + when.encode(), core)
            self.parts["docProps/core.xml"] = core

    def relate(self, rels: str, kind: str, target: str) -> None:
        root = etree.fromstring(self.parts[rels])
        ids = {r.get("Id") for r in root}
        n = 1
        while f"rId{n}" in ids:
            n += 1
        etree.SubElement(root, q(PKG_RELS, "Relationship"), Id=f"rId{n}", Type=kind, Target=target)
        self.parts[rels] = serialize(root)

    def content_type(self, part: str | None, kind: str, extension: str | None = None) -> None:
        root = etree.fromstring(self.parts["[Content_Types].xml"])
        if extension:
            el = etree.Element(q(CT, "Default"), Extension=extension, ContentType=kind)
            root.insert(0, el)
        else:
            for o in root.findall(q(CT, "Override")):
                if o.get("PartName") == part:
                    root.remove(o)
            etree.SubElement(root, q(CT, "Override"), PartName=part, ContentType=kind)
        self.parts["[Content_Types].xml"] = serialize(root)

    def add(self, name: str, data: bytes) -> None:
        if name not in self.order:
            self.order.append(name)
        self.parts[name] = data

    def to_bytes(self) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name in self.order:
                data = self.parts[name]
                if data.startswith(b"<?xml"):  # Excel's declaration, then CRLF
                    data = DECLARATION + data[data.index(b"?>") + 2 :].lstrip()
                z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
        return out.getvalue()


def our_results(data: bytes) -> dict[tuple[str, str], Any]:
    """What Excel computes, when it saves, for the template's own formulas: the inputs'
    fingerprint recomputed (client_roi.workbook.stale) and the indicator beside the title."""
    from client_roi.files.xlsx import column_letter
    from client_roi.workbook import layout, stale
    from client_roi.workbook import refresh as pipeline
    from client_roi.workbook.zipbook import ZipBook

    book = ZipBook(data)
    try:
        sheet, row, col, _ = book.name_cells(layout.OUT_INPUTS)
    except KeyError:  # a book without the machinery
        return {}
    width = sum(len(group) for group in stale.layout_of())
    stored = book.row(sheet, row, col, width)
    try:
        inp = pipeline.read(book)
    except Exception:  # a book the test breaks on purpose: as if nothing changed
        out = {(sheet, f"{column_letter(col + j)}{row + 1}"): v for j, v in enumerate(stored)}
        out[(sheet, "C1")] = ""
        return out
    exact, close = stale.values(inp.columns, inp.params, inp.table.top + 1)
    live = [*exact, *close]
    same = all(a == b for a, b in zip(exact, stored[: len(exact)], strict=True)) and all(
        isinstance(b, (int, float)) and abs(a - b) <= 1e-9 * abs(b) + 1e-9
        for a, b in zip(close, stored[len(exact) :], strict=True)
    )
    out: dict[tuple[str, str], Any] = {(sheet, f"{column_letter(col + j)}{row + 1}"): v for j, v in enumerate(live)}
    out[(sheet, "C1")] = "" if same else stale.MESSAGE[inp.lang]
    return out


def excel_saved(
    data: bytes,
    values: dict[tuple[str, str], Any] | None = None,
    *,
    seed: str = "book",
    rich_column: dict[str, str] | None = None,
    extra=None,
) -> bytes:
    """``data`` (an .xlsx) as Excel 365 saves it. ``values``: (sheet, ref) → the result of each
    formula cell, as Excel computed it when it saved (text, number, bool, ``#N/A``…; ``""`` is
    empty text); ``rich_column``: sheet → a column whose text cells become rich text;
    ``extra(writer)``: more parts or markup, before the package is written."""
    w = ExcelWriter(data, {**our_results(data), **(values or {})}, seed)
    for name in w.sheet_parts:
        w.sheet(name, (rich_column or {}).get(name))
    w.strings_part()
    w.workbook()
    w.tables()
    w.styles()
    w.charts()
    w.calc_chain()
    w.saved_at("2026-11-30T09:00:00Z")
    if extra is not None:
        extra(w)
    return w.to_bytes()


# -- what users add in Excel, as Excel writes it ------------------------------------------------


def x14_markup(w: ExcelWriter, sheet: str, list_range: str, sqref_list: str, sqref_bar: str) -> None:
    """An x14 data validation (a list from another sheet) and a data bar with its x14
    counterpart, both in the sheet's extLst (NewStyleConditionalFormattings.xlsx)."""
    part = w.sheet_parts[sheet]
    root = etree.fromstring(w.parts[part])
    bar_id = uid(f"{w.seed}/databar")
    cf = etree.fromstring(
        f'<conditionalFormatting xmlns="{MAIN}" sqref="{sqref_bar}"><cfRule type="dataBar" priority="99">'
        '<dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar><extLst>'
        f'<ext uri="{{B025F937-C7B1-47D3-B67F-A62EFF666E3E}}" xmlns:x14="{X14}"><x14:id>{bar_id}</x14:id></ext>'
        "</extLst></cfRule></conditionalFormatting>"
    )
    insert_in_order(root, cf)
    ext = etree.fromstring(
        f'<extLst xmlns="{MAIN}"><ext uri="{{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}}" xmlns:x14="{X14}">'
        f'<x14:dataValidations count="1" xmlns:xm="{XM}"><x14:dataValidation type="list" allowBlank="1" '
        f'showInputMessage="1" showErrorMessage="1" xmlns:xr="{XR}" xr:uid="{uid(w.seed + "/dv")}"><x14:formula1>'
        f"<xm:f>{list_range}</xm:f></x14:formula1><xm:sqref>{sqref_list}</xm:sqref></x14:dataValidation>"
        f'</x14:dataValidations></ext><ext uri="{{78C0D931-6437-407d-A8EE-F0AAD7539E65}}" xmlns:x14="{X14}">'
        f'<x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="{XM}"><x14:cfRule type="dataBar" '
        f'id="{bar_id}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/>'
        '<x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/>'
        f"</x14:dataBar></x14:cfRule><xm:sqref>{sqref_bar}</xm:sqref></x14:conditionalFormatting>"
        "</x14:conditionalFormattings></ext></extLst>"
    )
    old = root.find(q(MAIN, "extLst"))
    if old is not None:
        root.remove(old)
    root.append(ext)
    w.parts[part] = serialize(root)


def sensitivity_label(w: ExcelWriter) -> None:
    """A Microsoft Purview sensitivity label, as Excel stores it (docMetadata/LabelInfo.xml)."""
    w.add(
        "docMetadata/LabelInfo.xml",
        DECLARATION
        + (
            b'<clbl:labelList xmlns:clbl="http://schemas.microsoft.com/office/2020/mipLabelMetadata">'
            b'<clbl:label id="{f42aa342-8706-4288-bd11-ebb85995028c}" enabled="1" method="Standard" '
            b'siteId="{72f988bf-86f1-41af-91ab-2d7cd011db47}" removed="0"/></clbl:labelList>'
        ),
    )
    w.relate(
        "_rels/.rels",
        "http://schemas.microsoft.com/office/2020/02/relationships/classificationlabels",
        "docMetadata/LabelInfo.xml",
    )
    w.content_type("/docMetadata/LabelInfo.xml", "application/vnd.ms-office.classificationlabels+xml")


def macros(w: ExcelWriter, vba: bytes) -> None:
    """An .xlsm: the VBA project, its relationship and the macro-enabled content type."""
    w.add("xl/vbaProject.bin", vba)
    w.relate(
        "xl/_rels/workbook.xml.rels",
        "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
        "vbaProject.bin",
    )
    w.content_type(None, "application/vnd.ms-office.vbaProject", extension="bin")
    w.content_type("/xl/workbook.xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")

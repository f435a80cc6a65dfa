"""Validate what Excel opens: every XML part against the ISO/IEC 29500 transitional schemas
(``ooxml_schemas/``, see its README for provenance), plus what the schemas cannot see.

``findings(path)`` returns one line per problem, ``"part: message"``; an empty list means the
package would open in Excel without a repair prompt as far as the schemas and the package's own
cross-references tell. Markup Compatibility is processed first, as Excel does, and ``xml:space``
is dropped in SpreadsheetML (the transitional ``sml.xsd`` types ``<t>`` as a simple type).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from functools import cache
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).parent / "ooxml_schemas"

SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"
CUI = "http://schemas.microsoft.com/office/2006/01/customui"
CUI14 = "http://schemas.microsoft.com/office/2009/07/customui"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

#: Root element namespace -> the schema its part must satisfy.
SCHEMA_OF = {
    SML: "sml.xsd",
    CHART: "dml-chart.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing": "dml-spreadsheetDrawing.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "dml-main.xsd",
    CT: "opc-contentTypes.xsd",
    RELS: "opc-relationships.xsd",
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": "opc-coreProperties.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": (
        "shared-documentPropertiesExtended.xsd"
    ),
    "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties": "shared-documentPropertiesCustom.xsd",
    CUI: "customUI.xsd",
    CUI14: "customUI14.xsd",
}

#: MS-OI29500: the ribbon part's relationship type decides its namespace.
RIBBON_NAMESPACE = {
    "http://schemas.microsoft.com/office/2006/relationships/ui/extensibility": CUI,
    "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility": CUI14,
}


@cache
def schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def _understood(ns: str | None) -> bool:
    return ns in SCHEMA_OF or (ns or "").startswith(
        ("http://schemas.openxmlformats.org/", "http://purl.org/dc/", "http://www.w3.org/")
    )


def process_markup_compatibility(root: etree._Element) -> None:
    """Resolve ``mc:AlternateContent`` (first understood Choice, else Fallback) and drop what
    ``mc:Ignorable`` marks as ignorable, as a consumer that knows only the schemas' namespaces."""
    for alt in list(root.iter(f"{{{MC}}}AlternateContent")):
        chosen = None
        for branch in alt:
            if branch.tag == f"{{{MC}}}Choice":
                needs = [alt.nsmap.get(p) or branch.nsmap.get(p) for p in branch.get("Requires", "").split()]
                if all(_understood(ns) for ns in needs):
                    chosen = branch
                    break
            elif branch.tag == f"{{{MC}}}Fallback":
                chosen = branch
        parent, at = alt.getparent(), alt.getparent().index(alt)
        parent.remove(alt)
        for child in reversed(list(chosen) if chosen is not None else []):
            parent.insert(at, child)
    ignorable = set()
    for el in root.iter():
        for prefix in el.get(f"{{{MC}}}Ignorable", "").split():
            ignorable.add(el.nsmap.get(prefix))
        el.attrib.pop(f"{{{MC}}}Ignorable", None)
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        parent = el.getparent()
        # An extLst's ext holds its extension's own markup (ISO/IEC 29500-1 §18.2.7: any
        # element), which stays, as Excel writes it (x15:workbookPr in the workbook's ext).
        if etree.QName(el).namespace in ignorable and parent is not None and etree.QName(parent).localname != "ext":
            parent.remove(el)
            continue
        for attr in list(el.attrib):
            if attr.startswith("{") and attr[1:].split("}")[0] in ignorable:
                del el.attrib[attr]


def _parts(z: zipfile.ZipFile) -> list[str]:
    return [n for n in z.namelist() if not n.endswith("/")]


def _rels_of(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def relationships(z: zipfile.ZipFile, part: str) -> list[tuple[str, str, str]]:
    """(type, resolved target, mode) of each relationship of ``part`` ('' for the package)."""
    rels = "_rels/.rels" if part == "" else _rels_of(part)
    if rels not in z.namelist():
        return []
    base = posixpath.dirname(part)
    out = []
    for rel in etree.fromstring(z.read(rels)).iter(f"{{{RELS}}}Relationship"):
        target, mode = rel.get("Target"), rel.get("TargetMode", "Internal")
        if mode != "External":
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        out.append((rel.get("Type"), target, mode))
    return out


def schema_findings(z: zipfile.ZipFile) -> list[str]:
    out = []
    for part in _parts(z):
        data = z.read(part)
        if not (part.endswith((".xml", ".rels")) or data.lstrip().startswith(b"<?xml")):
            continue  # binary parts (vbaProject.bin, images)
        try:
            root = etree.fromstring(data)
        except etree.XMLSyntaxError as exc:
            out.append(f"{part}: not well-formed XML: {exc}")
            continue
        process_markup_compatibility(root)
        ns = etree.QName(root).namespace
        if ns == SML:
            for el in root.iter():
                el.attrib.pop(XML_SPACE, None)
        name = SCHEMA_OF.get(ns)
        if name is None:
            out.append(f"{part}: no schema for the namespace {ns!r}")
            continue
        xsd = schema(name)
        if not xsd.validate(etree.ElementTree(root)):
            out += [f"{part}:{e.line}: {e.message}" for e in xsd.error_log]
    return out


def package_findings(z: zipfile.ZipFile) -> list[str]:
    """Content types cover every part; every relationship target exists; ribbon pairs."""
    out = []
    names = set(_parts(z))
    types = etree.fromstring(z.read("[Content_Types].xml"))
    defaults = {d.get("Extension").lower() for d in types.iter(f"{{{CT}}}Default")}
    overrides = {o.get("PartName").lstrip("/") for o in types.iter(f"{{{CT}}}Override")}
    for part in sorted(names - {"[Content_Types].xml"}):
        extension = posixpath.basename(part).rpartition(".")[2].lower()
        if part not in overrides and extension not in defaults:
            out.append(f"[Content_Types].xml: no content type for {part}")
    for part in sorted(overrides - names):
        out.append(f"[Content_Types].xml: override for a missing part {part}")
    sources = [""] + [p for p in names if not p.endswith(".rels")]
    for source in sources:
        for rtype, target, mode in relationships(z, source):
            if mode == "External":
                continue
            if target not in names:
                out.append(f"{_rels_of(source) if source else '_rels/.rels'}: target {target} does not exist")
            elif rtype in RIBBON_NAMESPACE:
                ns = etree.QName(etree.fromstring(z.read(target))).namespace
                if ns != RIBBON_NAMESPACE[rtype]:
                    out.append(
                        f"{target}: namespace {ns} under relationship type {rtype} "
                        f"(MS-OI29500 pairs it with {RIBBON_NAMESPACE[rtype]})"
                    )
    return out


_REF = re.compile(r"^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$")


def parse_ref(formula: str) -> tuple[str, int, int, int, int]:
    """``'Sheet'!$A$1:$B$2`` -> (sheet, min_col, min_row, max_col, max_row)."""
    from openpyxl.utils import column_index_from_string

    m = _REF.match(formula.strip())
    if m is None:
        raise ValueError(f"not a cell reference: {formula!r}")
    sheet = (m.group(1) or "").replace("''", "'") or m.group(2)
    c1, r1 = column_index_from_string(m.group(3)), int(m.group(4))
    c2, r2 = (column_index_from_string(m.group(5)), int(m.group(6))) if m.group(5) else (c1, r1)
    return sheet, c1, r1, c2, r2


def workbook_findings(path: Path, z: zipfile.ZipFile, *, filled: bool) -> list[str]:
    """Tables' header cells equal their column names; defined names and chart ranges point at
    existing sheets and cells (with ``filled``: at cells that hold values, as after a refresh)."""
    import openpyxl

    out = []
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for table in ws.tables.values():
            _, c1, r1, c2, _ = parse_ref(f"x!{table.ref}")
            header = [ws.cell(r1, c).value for c in range(c1, c2 + 1)]
            names = [col.name for col in table.tableColumns]
            if header != names:
                out.append(f"table {table.displayName}: header cells {header} != tableColumn names {names}")
    for name, defined in wb.defined_names.items():
        out += _range_findings(wb, f"defined name {name}", defined.attr_text, filled and name.startswith("out_"))
    for part in _parts(z):
        if part.startswith("xl/worksheets/sheet"):
            out += _blank_text_findings(part, etree.fromstring(z.read(part)))
        if part.startswith("xl/charts/chart"):
            for f in etree.fromstring(z.read(part)).iter(f"{{{CHART}}}f"):
                out += _range_findings(wb, part, f.text, filled)
    return out


def _blank_text_findings(part: str, sheet: etree._Element) -> list[str]:
    """A blank is no cell value at all: an empty string is text to Excel (ISBLANK is FALSE)."""
    empty = []
    for c in sheet.iter(f"{{{SML}}}c"):
        kind = c.get("t")
        if kind == "inlineStr" and "".join(c.itertext()) == "":
            empty.append(c.get("r"))
        elif kind == "str" and c.find(f"{{{SML}}}f") is None and "".join(c.itertext()) == "":
            empty.append(c.get("r"))
    return [f"{part}: {len(empty)} empty text cell(s) where a blank is meant, e.g. {empty[:5]}"] if empty else []


def _range_findings(wb, where: str, formula: str, filled: bool) -> list[str]:
    try:
        sheet, c1, r1, c2, r2 = parse_ref(formula)
    except ValueError as exc:
        return [f"{where}: {exc}"]
    if sheet not in wb.sheetnames:
        return [f"{where}: {formula} names a missing sheet {sheet!r}"]
    if filled:
        ws = wb[sheet]
        blank = [
            f"{ws.cell(r, c).coordinate}"
            for r in range(r1, r2 + 1)
            for c in range(c1, c2 + 1)
            if ws.cell(r, c).value is None
        ]
        if blank:
            return [f"{where}: {formula} points at empty cells {blank[:5]}"]
    return []


def findings(path: Path, *, filled: bool = True) -> list[str]:
    """Every finding for the package at ``path`` (workbook checks for .xlsx/.xlsm/.xlam)."""
    path = Path(path)
    with zipfile.ZipFile(path) as z:
        out = schema_findings(z) + package_findings(z)
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            out += workbook_findings(path, z, filled=filled)
    return out

"""Build and install ``client_roi.xlam``, the desktop add-in with the Client ROI ribbon tab.

The add-in is xlwings' own ribbon add-in template (``quickstart_addin_ribbon.xlam`` in the
installed xlwings) with three changes made in the zip, nothing else touched:

* the ribbon part ``customUI/customUI.xml`` is replaced by ``customUI/customUI14.xml``, our
  ``ribbon/customUI.xml`` (validated, with the template's own callback put in: the only one its
  VBA has, which runs ``import <file stem>; <file stem>.main()``, hence the file name
  ``client_roi.xlam``). It is in the 2009/07 (customUI14) namespace under the 2007 ribbon
  relationship, the pair MS-OI29500 prescribes; the template ships the 2006/01 namespace under
  the 2007 relationship, which the schemas do not allow;
* ``docProps/core.xml`` loses the template's ``cp:contentType``, which the OPC schema does not
  allow;
* its config sheet ``_myaddin.conf`` is activated as ``myaddin.conf`` (the VBA's
  ``PROJECT_NAME`` is ``myaddin``) with ``UDF Modules`` = ``client_roi.functions``;
* zip entries get a fixed timestamp, so building twice gives the same bytes.

``vbaProject.bin`` is copied byte for byte: the VBA is the one of the user's xlwings version.
"""

from __future__ import annotations

import io
import os
import platform
import re
import shutil
import zipfile
from importlib import resources
from pathlib import Path

from defusedxml.ElementTree import fromstring

from ..messages import tr

NAME = "client_roi.xlam"
TAB_ID = "clientRoiTab"
TEMPLATE_UI = "customUI/customUI.xml"
CUSTOM_UI = "customUI/customUI14.xml"
TEMPLATE_CUI_NS = "{http://schemas.microsoft.com/office/2006/01/customui}"
CUI_NS = "{http://schemas.microsoft.com/office/2009/07/customui}"
#: MS-OI29500: this relationship type goes with the 2009/07 (customUI14) namespace.
UI_RELATIONSHIP = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
CONFIG = {"UDF Modules": "client_roi.functions"}
CONF_SHEET_OFF, CONF_SHEET_ON = "_myaddin.conf", "myaddin.conf"
FIXED_TIME = (2000, 1, 1, 0, 0, 0)


class AddinError(Exception):
    pass


def template_path() -> Path:
    import xlwings

    path = Path(xlwings.__file__).parent / "quickstart_addin_ribbon.xlam"
    if not path.exists():
        raise AddinError(
            tr("this xlwings ({version}) has no quickstart_addin_ribbon.xlam", version=xlwings.__version__)
        )
    return path


def template_callback(template_ui: bytes) -> str:
    """The onAction callback of the template's ribbon: the macro its VBA provides."""
    root = fromstring(template_ui)
    buttons = [*root.iter(f"{TEMPLATE_CUI_NS}button"), *root.iter(f"{CUI_NS}button")]
    actions = {b.get("onAction") for b in buttons} - {None}
    if len(actions) != 1:
        raise AddinError(
            tr("expected one ribbon callback in the xlwings template, found {actions}", actions=sorted(actions))
        )
    return actions.pop()


def ribbon_xml(callback: str, text: str | None = None) -> bytes:
    """Our ribbon with the template's callback, checked: well-formed, the tab, every button wired."""
    if text is None:
        text = resources.files("client_roi").joinpath("excel/ribbon/customUI.xml").read_text(encoding="utf-8")
    data = text.replace('onAction="__CALLBACK__"', f'onAction="{callback}"').encode("utf-8")
    root = fromstring(data)  # raises on malformed XML
    tabs = [t.get("id") for t in root.iter(f"{CUI_NS}tab")]
    if tabs != [TAB_ID]:
        raise AddinError(tr("ribbon must have the one tab {TAB_ID!r}, found {tabs}", TAB_ID=TAB_ID, tabs=tabs))
    for button in root.iter(f"{CUI_NS}button"):
        if button.get("onAction") != callback:
            raise AddinError(
                tr("ribbon button {get!r} is not wired to {callback}", get=button.get("id"), callback=callback)
            )
    return data


def _configure(files: dict[str, bytes]) -> None:
    """Activate the add-in's config sheet and set UDF Modules (inline strings, no new parts)."""
    workbook = files["xl/workbook.xml"].decode("utf-8")
    if f'name="{CONF_SHEET_OFF}"' not in workbook:
        raise AddinError(tr("the xlwings template has no {CONF_SHEET_OFF} sheet", CONF_SHEET_OFF=CONF_SHEET_OFF))
    files["xl/workbook.xml"] = workbook.replace(f'name="{CONF_SHEET_OFF}"', f'name="{CONF_SHEET_ON}"').encode()
    strings = re.findall(r"<si><t[^>]*>([^<]*)</t></si>", files["xl/sharedStrings.xml"].decode("utf-8"))
    sheet = files["xl/worksheets/sheet1.xml"].decode("utf-8")
    for key, value in CONFIG.items():
        index = strings.index(key)
        row = re.search(rf'<row r="(\d+)" spans="1:1"([^>]*)><c r="A\1"[^>]*t="s"><v>{index}</v></c>', sheet)
        if row is None:
            raise AddinError(tr("the xlwings template's config sheet has no {key!r} row", key=key))
        r = row.group(1)
        cell = f'<c r="B{r}" s="1" t="inlineStr"><is><t>{value}</t></is></c>'
        end = sheet.index("</row>", row.end())
        sheet = sheet[:end] + cell + sheet[end:]
        sheet = sheet.replace(f'<row r="{r}" spans="1:1"', f'<row r="{r}" spans="1:2"', 1)
    files["xl/worksheets/sheet1.xml"] = sheet.encode("utf-8")


def build(output_dir: Path) -> Path:
    """Write ``client_roi.xlam`` into ``output_dir`` from the installed xlwings' template."""
    with zipfile.ZipFile(template_path()) as src:
        order = [i.filename for i in src.infolist()]
        files = {name: src.read(name) for name in order}
    if TEMPLATE_UI not in files:
        raise AddinError(tr("the xlwings template has no {TEMPLATE_UI}", TEMPLATE_UI=TEMPLATE_UI))
    files[CUSTOM_UI] = ribbon_xml(template_callback(files.pop(TEMPLATE_UI)))
    order[order.index(TEMPLATE_UI)] = CUSTOM_UI
    rels, found = re.subn(
        rf'<Relationship Id="(\w+)" Type="[^"]*" Target="{TEMPLATE_UI}" ?/>',
        rf'<Relationship Id="\1" Type="{UI_RELATIONSHIP}" Target="{CUSTOM_UI}" />',
        files["_rels/.rels"].decode("utf-8"),
    )
    if found != 1:
        raise AddinError(tr("the xlwings template's _rels/.rels does not link the ribbon part"))
    files["_rels/.rels"] = rels.encode("utf-8")
    files["docProps/core.xml"] = re.sub(
        rb"<cp:contentType ?/>|<cp:contentType>[^<]*</cp:contentType>", b"", files["docProps/core.xml"]
    )
    _configure(files)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in order:
            entry = zipfile.ZipInfo(name, FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, files[name])
    output_dir.mkdir(parents=True, exist_ok=True)
    path = output_dir / NAME
    path.write_bytes(out.getvalue())
    return path


def xlstart_dir() -> Path | None:
    """Where desktop Excel loads add-ins at start-up on this machine, if Excel is there."""
    system = platform.system()
    if system == "Windows" and os.environ.get("APPDATA"):
        path = Path(os.environ["APPDATA"]) / "Microsoft" / "Excel" / "XLSTART"
        return path if path.parent.exists() else None
    if system == "Darwin":
        group = Path.home() / "Library" / "Group Containers" / "UBF8T346G9.Office"
        return group / "User Content.localized" / "Startup.localized" / "Excel" if group.exists() else None
    return None


def install(built: Path, force: bool = False, target_dir: Path | None = None) -> Path:
    """Copy the built add-in into Excel's XLSTART folder; refuses where there is no Excel."""
    target_dir = target_dir or xlstart_dir()
    if target_dir is None:
        raise AddinError(
            tr(
                "no desktop Excel found on this system ({system}): nothing installed. {manual}",
                system=platform.system(),
                manual=tr(
                    "Manual install: copy {path} to another computer with desktop Excel and open it once, or in "
                    "Excel choose File > Options > Add-ins > Manage: Excel Add-ins > Go > Browse and pick it. "
                    "Python and Client ROI are needed on that computer too (python -m pip install "
                    "client_roi-*.whl, from make dist).",
                    path=built,
                ),
            )
        )
    target = target_dir / NAME
    if target.exists() and not force:
        raise AddinError(tr("{target} exists; use --force to replace it", target=target))
    target_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(built, target)
    return target

"""Does every written cell show whole? Each cell's text as Excel shows it (its number format,
in the workbook's language) measured in Calibri 11 (client_roi.workbook.widths) against its
column's width: a number that does not fit shows ####; a text that does not fit is cut, unless
it is a left-aligned text with empty cells to its right to run into (a title, a note); a
wrapped text must fit its words, and its lines the row's height. A right-aligned number just
left of a left-aligned text reads run together (``0.72 d yes`` as ``0.72 dyes``): refused too."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from openpyxl.utils import range_boundaries

from client_roi.workbook.widths import FILTER_BUTTON_PX, shown_px, text_px

NBSP = "\u00a0"
LINE_PX = 20  # a line of Calibri 11: 15 points


@dataclass
class Misfit:
    sheet: str
    cell: str
    text: str
    need: int
    have: int
    why: str

    def __str__(self) -> str:
        return f"{self.sheet}!{self.cell} {self.text!r}: {self.why} ({self.need} px for {self.have})"


def shown(value, number_format: str, lang: str) -> str:
    """``value`` as Excel shows it with ``number_format`` (the formats the workbook uses)."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%d/%m/%Y")
    if not isinstance(value, (int, float)):
        return str(value)
    section = number_format.split(";")[0 if value >= 0 or ";" not in number_format else 1]
    if section in ("General", ""):
        text = f"{value:.10g}" if not float(value).is_integer() or abs(value) >= 1e11 else str(int(value))
        return text.replace(".", ",") if lang == "fr" else text
    m = _FORMAT.fullmatch(section)
    if m is None:  # text (@) and anything else: as General
        return str(value)
    x = abs(value) * (100 if m["pct"] else 1)
    places = len(m["num"].partition(".")[2])
    number = f"{x:,.{places}f}" if "," in m["num"] else f"{x:.{places}f}"
    if lang == "fr":
        number = number.replace(",", "\xa0").replace(".", ",")
    sign = "-" if value < 0 and ";" not in number_format and round(x, places) != 0 else ""
    return f"{sign}{m['lead'] or ''}{number}{(m['pct'] or '').replace(' ', NBSP)}{m['sp']}{m['trail'] or ''}"


_FORMAT = re.compile(r'(?:"(?P<lead>[^"]*)")?(?P<num>[#,0]+(?:\.0+)?)(?P<pct> ?%)?(?P<sp> ?)(?:"(?P<trail>[^"]*)")?')


def column_widths(ws) -> dict[int, float]:
    default = ws.sheet_format.defaultColWidth or 8.43
    widths: dict[int, float] = {}
    for dim in ws.column_dimensions.values():
        if dim.min is None:
            continue
        for c in range(dim.min, (dim.max or dim.min) + 1):
            widths[c] = dim.width if dim.width else default
    return widths


def misfits(path: Path, lang: str) -> list[Misfit]:
    wb = openpyxl.load_workbook(path, data_only=True)
    out: list[Misfit] = []
    for ws in wb.worksheets:
        widths = column_widths(ws)
        default = ws.sheet_format.defaultColWidth or 8.43
        headers: set[tuple[int, int]] = set()
        for table in ws.tables.values():
            c1, r1, c2, _ = range_boundaries(table.ref)
            headers |= {(r1, c) for c in range(c1, c2 + 1)}
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None or cell.value == "" or ws.row_dimensions[cell.row].hidden:
                    continue
                r, c = cell.row, cell.column
                text = shown(cell.value, cell.number_format, lang)
                bold = bool(cell.font and cell.font.b)
                have = shown_px(widths.get(c, default))
                align = cell.alignment
                where = (ws.title, cell.coordinate)
                number = isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool)
                extra = FILTER_BUTTON_PX if (r, c) in headers else 0
                if align is not None and align.wrap_text:
                    words = [w for line in text.split("\n") for w in line.split(" ")]
                    for w in words:
                        if text_px(w, bold) + extra > have:
                            out.append(Misfit(*where, text, text_px(w, bold) + extra, have, f"word {w!r} is cut"))
                    lines = _wrapped(text, bold, have - extra)
                    height = ws.row_dimensions[r].height
                    if height is not None and lines * LINE_PX > round(height * 96 / 72) + 2:
                        out.append(Misfit(*where, text, lines * LINE_PX, round(height * 96 / 72), "lines cut"))
                    continue
                need = max(text_px(line, bold) for line in text.split("\n")) + extra
                if need > have:
                    spill = not number and (align is None or align.horizontal in (None, "general", "left"))
                    room, k = have, c + 1
                    while spill and room < need and ws.cell(r, k).value in (None, "") and k < c + 30:
                        room += shown_px(widths.get(k, default)) + 5
                        k += 1
                    if not spill or room < need or (r, c) in headers:
                        out.append(Misfit(*where, text, need, have, "shows ####" if number else "is cut"))
                nxt = ws.cell(r, c + 1)
                if number and (align is None or align.horizontal in (None, "general", "right")):
                    after = nxt.value
                    if isinstance(after, str) and after.strip():
                        a = nxt.alignment
                        left = a is None or a.horizontal in (None, "general", "left")
                        if left and not (a and a.indent):
                            out.append(Misfit(*where, f"{text} {after}", need, have, "runs into the next text"))
    return out


def _wrapped(text: str, bold: bool, width: int) -> int:
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0
        for w in paragraph.split(" "):
            px = text_px(w, bold)
            if used and used + text_px(" ", bold) + px > width:
                lines += 1
                used = px
            else:
                used += (text_px(" ", bold) if used else 0) + px
    return lines

"""Write addin/client_roi/workbook/widths_table.py: the advance widths of Calibri's characters
(from Carlito, its metric-compatible twin: apt install fonts-crosextra-carlito), regular and
bold, in font units, so that the workbook sizes its columns for the text it holds without a
font file at run time (xlwings Lite has none). ``python scripts/make_widths.py``."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

FONTS = Path("/usr/share/fonts/truetype/crosextra")
CHARS = (
    "".join(chr(c) for c in range(32, 127)) + "".join(chr(c) for c in range(0xA0, 0x100)) + "€£¥×—–’‘“”…≥≤±−•ŒœŸ\u202f"
)
OUT = Path(__file__).resolve().parents[1] / "addin" / "client_roi" / "workbook" / "widths_table.py"


def tables(data: bytes) -> dict[str, bytes]:
    count = struct.unpack(">H", data[4:6])[0]
    out = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        out[tag.decode()] = data[offset : offset + length]
    return out


def advances(path: Path) -> tuple[int, dict[str, int]]:
    """The font's units per em and each character's advance width (cmap format 4, Windows
    Unicode BMP; hmtx)."""
    t = tables(path.read_bytes())
    units = struct.unpack(">H", t["head"][18:20])[0]
    metrics = struct.unpack(">H", t["hhea"][34:36])[0]
    hmtx = t["hmtx"]
    widths = [struct.unpack(">H", hmtx[4 * i : 4 * i + 2])[0] for i in range(metrics)]
    cmap = t["cmap"]
    n = struct.unpack(">H", cmap[2:4])[0]
    for i in range(n):
        platform, encoding, offset = struct.unpack(">HHI", cmap[4 + 8 * i : 12 + 8 * i])
        if (platform, encoding) == (3, 1):
            sub = cmap[offset:]
            break
    else:
        raise SystemExit(f"{path}: no Windows Unicode cmap")
    assert struct.unpack(">H", sub[0:2])[0] == 4
    segs = struct.unpack(">H", sub[6:8])[0] // 2
    ends = struct.unpack(f">{segs}H", sub[14 : 14 + 2 * segs])
    base = 16 + 2 * segs
    starts = struct.unpack(f">{segs}H", sub[base : base + 2 * segs])
    deltas = struct.unpack(f">{segs}h", sub[base + 2 * segs : base + 4 * segs])
    ranges_at = base + 4 * segs
    offsets = struct.unpack(f">{segs}H", sub[ranges_at : ranges_at + 2 * segs])

    def glyph(code: int) -> int:
        for s in range(segs):
            if starts[s] <= code <= ends[s]:
                if offsets[s] == 0:
                    return (code + deltas[s]) & 0xFFFF
                at = ranges_at + 2 * s + offsets[s] + 2 * (code - starts[s])
                g = struct.unpack(">H", sub[at : at + 2])[0]
                return (g + deltas[s]) & 0xFFFF if g else 0
        return 0

    out = {}
    for ch in CHARS:
        g = glyph(ord(ch))
        out[ch] = widths[min(g, metrics - 1)]
    return units, out


def main() -> None:
    units, regular = advances(FONTS / "Carlito-Regular.ttf")
    _, bold = advances(FONTS / "Carlito-Bold.ttf")
    lines = [
        "# ruff: noqa: E501, RUF001",
        '"""Advance widths of Calibri (from Carlito, its metric-compatible twin), in font units.',
        'Written by scripts/make_widths.py; do not edit."""',
        "",
        f"UNITS_PER_EM = {units}",
        f"CHARS = {CHARS!r}",
        f"REGULAR = {tuple(regular[c] for c in CHARS)!r}",
        f"BOLD = {tuple(bold[c] for c in CHARS)!r}",
        "",
    ]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()

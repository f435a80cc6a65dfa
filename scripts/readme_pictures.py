"""Render the README's pictures of the committed templates, in English and in French:
docs/{guide,parameters,customers,tiers,loop,review}[.fr].png (LibreOffice -> PDF -> pdftoppm, cropped to the
sheet's content); and of a live book of the sample customers (``--live``), every result computed by
LibreOffice's own recalculation of its formulas: docs/live-{customers,tiers,loop,review}[.fr].png.
``python scripts/readme_pictures.py``."""

from __future__ import annotations

import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from libreoffice import convert  # noqa: E402

#: Each picture: the words that open its page (the first page holding them), in each language.
PAGES: dict[str, dict] = {
    "guide": {"en": "How to use this workbook", "fr": "Mode d'emploi", "dpi": 110},
    "parameters": {"en": "Change the yellow cells", "fr": "Modifiez les cellules jaunes", "dpi": 110},
    "customers": {"en": "Should pay", "fr": "Doit payer", "dpi": 110},
    "tiers": {"en": "Reference gain", "fr": "Gain de référence", "dpi": 260},  # a page fitted to its width
    "loop": {"en": "Prospect plan", "fr": "Plan de prospection", "dpi": 260},
    "review": {"en": "Review: clients", "fr": "À revoir : clients", "dpi": 110},
}
MARGIN = 12  # pixels of white kept around the content


def read_ppm(path: Path) -> np.ndarray:
    data = path.read_bytes()
    magic, width, height, maxval, body = data.split(maxsplit=4)
    assert magic == b"P6" and maxval == b"255"
    return np.frombuffer(body, dtype=np.uint8).reshape(int(height), int(width), 3)


def write_png(path: Path, rgb: np.ndarray) -> None:
    """An RGB array as a PNG (no imaging library needed: a PNG is zlib'd rows in chunks)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    h, w, _ = rgb.shape
    rows = b"".join(b"\0" + rgb[y].tobytes() for y in range(h))
    head = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", head) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    )


def cropped(rgb: np.ndarray) -> np.ndarray:
    """The page cut to its content (what is not white), with a margin."""
    ink = np.argwhere((rgb < 245).any(axis=2))
    (y0, x0), (y1, x1) = ink.min(axis=0), ink.max(axis=0)
    return rgb[max(0, y0 - MARGIN) : y1 + MARGIN, max(0, x0 - MARGIN) : x1 + MARGIN]


def page_texts(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")


#: The live book's pictures: its pages whose every number is a formula LibreOffice computed.
LIVE_PAGES = ("customers", "tiers", "loop", "review")


def live_books(tmp: Path) -> list[tuple[str, Path]]:
    """Live books of the sample customers, in English and French, as ``client-roi demo --live``
    writes them."""
    from client_roi.commands import sample_customers
    from client_roi.workbook import template

    out = []
    for lang in ("en", "fr"):
        zb, _ = template.make_book(lang, sample_customers(), live=True)
        path = tmp / f"live.{lang}.xlsx"
        path.write_bytes(zb.to_bytes())
        out.append((lang, path))
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        books = [("en", ROOT / "workbook_templates" / "three_tier_exercise.xlsx", "")]
        books.append(("fr", ROOT / "workbook_templates" / "three_tier_exercise.fr.xlsx", ""))
        books += [(lang, path, "live-") for lang, path in live_books(Path(tmp))]
        for lang, book, prefix in books:
            render(lang, book, prefix, Path(tmp) / f"{prefix}{lang}")


def render(lang: str, book: Path, prefix: str, tmp: Path) -> None:
    """The pages of ``book`` that PAGES names (a live book: LIVE_PAGES), as docs/{prefix}{name}[.fr].png."""
    pdf = convert(book, "pdf", tmp)
    texts = page_texts(pdf)
    for name, words in PAGES.items():
        if prefix and name not in LIVE_PAGES:
            continue
        page = next(i for i, t in enumerate(texts, start=1) if words[lang] in t)
        stem = tmp / name
        pages = ["-f", str(page), "-l", str(page)]
        subprocess.run(["pdftoppm", "-r", str(words["dpi"]), *pages, "-singlefile", str(pdf), str(stem)], check=True)
        picture = cropped(read_ppm(stem.with_suffix(".ppm")))
        target = ROOT / "docs" / (f"{prefix}{name}.png" if lang == "en" else f"{prefix}{name}.fr.png")
        write_png(target, picture)
        print(target)


if __name__ == "__main__":
    main()

"""Render a workbook's pages to PNG (LibreOffice -> PDF -> pdftoppm), to look at it.

python scripts/render_workbook.py BOOK.xlsx OUT_DIR [--dpi 80]
"""

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from libreoffice import convert


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("book", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--dpi", type=int, default=80)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = convert(args.book, "pdf", Path(tmp))
        subprocess.run(["pdftoppm", "-r", str(args.dpi), "-png", str(pdf), str(args.out / args.book.stem)], check=True)
    for page in sorted(args.out.glob(f"{args.book.stem}*.png")):
        print(page)


if __name__ == "__main__":
    main()

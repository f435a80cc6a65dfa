"""Files in and out: customer exports (CSV, XLSX) and workbooks written safely.

* Reading: CSV as real exports come (``,`` or ``;``, decimal commas, UTF-8 with or without
  BOM, or Windows-1252); XLSX through openpyxl with defusedxml installed (hostile XML is
  refused) and a size check against zip bombs. Headers are matched case- and
  accent-insensitively, in English or French (:mod:`client_roi.layout`). Cell text stays text.
* Writing: never over the input, never over an existing file without ``force``, through a
  temporary file renamed into place, and byte-for-byte reproducible (fixed zip timestamps and
  document dates), so running the same job twice gives identical files.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
import zipfile
from pathlib import Path

import pandas as pd

from . import layout

MAX_UNZIPPED = 2 * 1024**3   # bytes an .xlsx may expand to
FIXED_TIME = (2000, 1, 1, 0, 0, 0)
FIXED_ISO = "2000-01-01T00:00:00Z"


INPUT_KEYS = {c.key for c in layout.INPUTS}


class InputFileError(Exception):
    """A customer file that cannot be read; the message names the file, row and column."""


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------

def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="strict")


def _to_number(text: str, decimal_comma: bool) -> float | str:
    """'1 234,56 €' -> 1234.56 with decimal commas; anything not a number is returned as is."""
    t = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    t = t.strip("€$£")
    if decimal_comma:
        t = t.replace(".", "").replace(",", ".") if re.fullmatch(r"-?[\d.]*,?\d*", t) else t
    try:
        return float(t)
    except ValueError:
        return text


def read_csv(path: Path) -> pd.DataFrame:
    text = _decode(path.read_bytes())
    sample = text[:4096]
    first_line = sample.splitlines()[0] if sample else ""
    sep = ";" if first_line.count(";") > first_line.count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=sep))
    if not rows:
        raise InputFileError(f"{path.name}: the file is empty")
    frame = _frame(rows[0], rows[1:], path, first_row=2)
    for key in layout.NUMERIC_INPUTS:
        if key in frame:
            frame[key] = [_to_number(v, sep == ";") if isinstance(v, str) and v.strip() else v
                          for v in frame[key]]
    return frame


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as z:
            total = sum(i.file_size for i in z.infolist())
    except zipfile.BadZipFile:
        raise InputFileError(f"{path.name}: not an .xlsx file (not a zip archive)") from None
    if total > MAX_UNZIPPED:
        raise InputFileError(f"{path.name}: expands to {total / 1e9:.1f} GB; refused")


def load_workbook(path: Path, **kwargs):
    """openpyxl.load_workbook after a zip-bomb check; defusedxml guards the XML itself."""
    import openpyxl

    _check_zip(path)
    try:
        return openpyxl.load_workbook(path, **kwargs)
    except InputFileError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged or hostile file
        raise InputFileError(f"{path.name}: cannot be read as a workbook ({type(exc).__name__}: {exc})") from None


def read_xlsx(path: Path) -> pd.DataFrame:
    """The customers of the workbook's ``Customers`` table, or else of its first sheet."""
    wb = load_workbook(path, data_only=True)
    for ws in wb.worksheets:
        if layout.TABLE in ws.tables:
            cells = ws[ws.tables[layout.TABLE].ref]
            rows = [[c.value for c in r] for r in cells]
            break
    else:
        rows = [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    if not rows:
        raise InputFileError(f"{path.name}: the first sheet is empty")
    return _frame(rows[0], rows[1:], path, first_row=2)


def _frame(header: list, rows: list[list], path: Path, first_row: int) -> pd.DataFrame:
    keys: dict[str, int] = {}
    for i, name in enumerate(header):
        key = layout.HEADER_KEYS.get(layout.normalize(name))
        if key not in INPUT_KEYS:
            continue  # unknown, or a computed column the template writes itself
        if key in keys:
            raise InputFileError(f"{path.name}: columns '{header[keys[key]]}' and '{name}' both mean "
                                 f"'{layout.header(key, 'en')}'")
        keys[key] = i
    missing = [layout.header(k, "en") for k in layout.REQUIRED_INPUTS if k not in keys]
    if missing:
        raise InputFileError(f"{path.name}: no column for " + ", ".join(f"'{m}'" for m in missing)
                             + f" (found: {', '.join(str(h) for h in header)})")
    width = len(header)
    data = {key: [(r[i] if i < len(r) else None) for r in rows] for key, i in keys.items()}
    for n, r in enumerate(rows):
        if len(r) > width and any(str(v).strip() for v in r[width:]):
            raise InputFileError(f"{path.name}: row {first_row + n} has {len(r)} fields, the header {width}")
    frame = pd.DataFrame(data, dtype=object)
    return frame.reindex(columns=[c.key for c in layout.INPUTS])


def read_customers(path: Path) -> pd.DataFrame:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        return read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    raise InputFileError(f"{path.name}: expected a .csv or .xlsx file")


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------

def workbook_bytes(wb) -> bytes:
    """The .xlsx bytes of ``wb``, reproducible: fixed zip times and document dates."""
    buffer = io.BytesIO()
    wb.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>" + FIXED_ISO.encode(), data)
            entry = zipfile.ZipInfo(info.filename, FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, data)
    return out.getvalue()


def save(wb, path: Path, *, force: bool = False, inputs: tuple[Path, ...] = ()) -> Path:
    """Write ``wb`` to ``path`` atomically; refuse to overwrite an input, or any file without force."""
    path = Path(path)
    for source in inputs:
        if source.exists() and path.exists() and path.resolve() == source.resolve():
            raise FileExistsError(f"{path}: will not overwrite the input file; choose another output")
    if path.exists() and not force:
        raise FileExistsError(f"{path} exists; use --force to replace it")
    data = workbook_bytes(wb)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".xlsx.tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path

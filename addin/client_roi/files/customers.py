"""Customer files in: text exports and workbooks, each value read right or refused.

Reading decides every format from the evidence of the whole file and refuses what it cannot
tell; each value is read right or the file is refused with a message naming the file, row and
column (never a guess, never a traceback):

* **Encoding**: a byte-order mark (UTF-8, UTF-16: Excel's "CSV UTF-8" and "Unicode Text") is
  decisive; else a file that is valid UTF-8 is UTF-8; else the encodings Excel writes plain CSV
  in (Windows-1252, Mac Roman) are weighed: the one under which the header names more of our
  columns, then the one charset-normalizer finds less chaotic; a tie is refused.
  ``encoding=`` overrides.
* **Dialect**: clevercsv detects separator and quoting (``,`` ``;`` tab ``|``); then every row of
  the whole file must fit the header. Any line ending.
* **Numbers**: each number column is read by :mod:`client_roi.files.decimals` from all its values
  (decimal point or comma, thousands separators, currency signs); an ambiguous column is settled
  by the file's other number columns, else refused with the way out (``decimal=``).
* **XLSX**: read by value with python-calamine (cached results of formulas); a formula with no
  cached result or an error cell in an input column is refused by its cell; the zip is size
  checked first (zip bombs) and XML entities are never expanded.
* **Text**: stays text (``=HYPERLINK(…)`` is a name, not a formula); control characters and cells
  over Excel's 32,767 characters are refused.
* Roles are checked while reading (``should pay`` / ``has paid`` flags), so that a bad flag is
  reported by its place in the file, not in the workbook made from it.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from .. import method
from ..messages import reason, tr
from ..schema import columns as layout
from . import decimals, xlsx
from .row_rules import _CONTROL
from .rules import Reading, _header_keys, customer_frame
from .xlsx import (
    BOOK_SUFFIXES,
    CachedValues,
    InputFileError,
    cell_position,
    check_zip,
    column_letter,
    faults_said,
)

DELIMITERS = [",", ";", "\t", "|"]
SNIFF_CHARS = 64 * 1024
TEXT_SUFFIXES = (".csv", ".txt", ".tsv", ".tab")


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------

_BOMS = [
    (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8 with BOM"),
    (b"\xff\xfe", "utf-16", "UTF-16 (Unicode Text)"),
    (b"\xfe\xff", "utf-16", "UTF-16 (Unicode Text)"),
]


def decode(
    raw: bytes, name: str, encoding: str | None = None, keys: Mapping[str, str] | None = None
) -> tuple[str, str]:
    """The text of a file and how it was decoded (see the module's rules); ``keys``: the
    normalized headers that name our columns (the customer columns by default)."""
    known_keys = layout.HEADER_KEYS if keys is None else keys
    if encoding:
        try:
            return raw.decode(encoding), encoding
        except LookupError:
            raise InputFileError(tr("{name}: unknown encoding {encoding!r}", name=name, encoding=encoding)) from None
        except UnicodeDecodeError as exc:
            raise InputFileError(
                tr(
                    "{name}: is not {encoding} (byte {start}: 0x{raw:02X})",
                    name=name,
                    encoding=encoding,
                    start=exc.start,
                    raw=raw[exc.start],
                )
            ) from None
    for bom, codec, label in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), label
            except UnicodeDecodeError as exc:
                raise InputFileError(
                    tr(
                        "{name}: starts like {label} but byte {start} is not (0x{raw:02X})",
                        name=name,
                        label=label,
                        start=exc.start,
                        raw=raw[exc.start],
                    )
                ) from None
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    labels = {"cp1252": "Windows-1252", "mac_roman": "Mac Roman"}
    texts = {}
    for codec in labels:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue  # Windows-1252 leaves five bytes undefined
        if not _CONTROL.search(text):  # NUL and the like: binary bytes, no text export
            texts[codec] = text

    def evidence(text: str) -> tuple[int, int]:
        """More of our column names read in the first line, then more of the cells that hold a
        non-ASCII character read as numbers (``1 234,50 €`` in Windows-1252 is ``1 234,50 Ä`` in
        Mac Roman, which no convention reads)."""
        first = text.split("\n", 1)[0]
        known = max(len({known_keys.get(layout.normalize(h)) for h in first.split(d)} - {None}) for d in DELIMITERS)
        cells = _NON_ASCII_CELL.findall(text[: SNIFF_CHARS * 4])[:2000]
        numbers = sum(decimals.parse_both(c) != (None, None) for c in cells)
        return known, numbers

    scores = {codec: evidence(text) for codec, text in texts.items()}
    if not scores:
        raise InputFileError(
            tr(
                (
                    "{name}: cannot tell its encoding (not UTF-8, Windows-1252 or Mac Roman); save "
                    "it as CSV UTF-8 or say --encoding"
                ),
                name=name,
            )
        )
    top = max(scores.values())
    tied = [codec for codec, score in scores.items() if score == top]
    if len(tied) > 1:  # the words and numbers do not tell: the less chaotic reading, if clearly so
        from charset_normalizer import from_bytes

        chaos = {m.encoding: m.chaos for m in from_bytes(raw, cp_isolation=tied)}
        ranked = sorted((c for c in tied if c in chaos), key=chaos.__getitem__)
        if len(ranked) == 1 or (
            len(ranked) > 1 and chaos[ranked[0]] < chaos[ranked[1]] and texts[ranked[0]] != texts[ranked[1]]
        ):
            tied = ranked[:1]
        elif not ranked:
            raise InputFileError(
                tr(
                    (
                        "{name}: cannot tell its encoding (not UTF-8, Windows-1252 or Mac Roman); save "
                        "it as CSV UTF-8 or say --encoding"
                    ),
                    name=name,
                )
            )
    if len(tied) > 1 and texts[tied[0]] != texts[tied[1]]:  # both read cleanly: the bytes do not tell
        best, rival = tied[0], tied[1]
        word, other = _first_difference(texts[best], texts[rival])
        raise InputFileError(
            tr(
                (
                    "{name}: reads as {labels} ({word!r}) or {labels2} ({other!r}); say --encoding "
                    "{best} or --encoding {rival}, or save it as CSV UTF-8"
                ),
                name=name,
                labels=labels[best],
                word=word,
                labels2=labels[rival],
                other=other,
                best=best,
                rival=rival,
            )
        )
    return texts[tied[0]], labels[tied[0]]


_NON_ASCII_CELL = re.compile(r"[^;,\t|\r\n]*[^\x00-\x7f][^;,\t|\r\n]*")
_CELL_END = re.compile(r"[;,\t|\r\n]")


def _first_difference(a: str, b: str) -> tuple[str, str]:
    """The cell where two readings of the same bytes first differ, in each reading (a cell
    ends at a separator or a line end, whatever the character that differs: a no-break space
    is one, and splits no word).

    >>> _first_difference("a;C\u00a0100;x", "a;C\u2020100;x")
    ('C\xa0100', 'C†100')
    """
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), 0)
    start = max((m.end() for m in _CELL_END.finditer(a, 0, i)), default=0)

    def cell(text: str) -> str:
        end = _CELL_END.search(text, i)
        return text[start : len(text) if end is None else end.start()]

    return cell(a), cell(b)


#: How far down a file its header may stand, under title rows and blank rows.
HEADER_SEARCH = 30


def _names_ours(row: list[Any], columns: Mapping[str, str], required: tuple[str, ...] = layout.REQUIRED_INPUTS) -> bool:
    """Whether ``row`` is a header naming every column a customer file must have."""
    mapped = {layout.normalize(text) for text in columns.values()}
    keys = {layout.header_key(h) for h in row} | set(columns)
    if "revenue" in keys:
        keys.add("gross_margin")  # a revenue × a margin rate stands for it
    return mapped <= {layout.normalize(h) for h in row} and all(k in keys for k in required)


def _header_at(rows: list[list[Any]], columns: Mapping[str, str], names=None) -> int | None:
    """The first row (of the first :data:`HEADER_SEARCH`) that names our columns, the user's
    ``--column`` headers included; else the first that does without them (so that a refusal
    names the real header). ``names``: the test of a header (customer columns by default)."""
    names = names or _names_ours
    for wanted in (columns, {}):
        found = next((i for i, r in enumerate(rows[:HEADER_SEARCH]) if names(r, wanted)), None)
        if found is not None:
            return found
    return None


def _rows(text: str, name: str, columns: Mapping[str, str], names=None) -> tuple[list[list[str]], int]:
    """The rows of a text export, and which of them is the header. clevercsv proposes the
    separator from the file's evidence; the header is the first row that names our columns
    (exports put title rows and blank rows above it). If no row does under clevercsv's
    separator (misled by a short file, odd names or title lines), the one separator under which
    a row does is taken; none or several: refused. Quoting is the double quote, as every
    spreadsheet writes it (clevercsv may take the apostrophe of "Coût d'acquisition" for one)."""
    import clevercsv

    if not text.strip():
        raise InputFileError(tr("{name}: the file is empty", name=name))
    head = "\n".join(text.lstrip("\ufeff").splitlines()[:HEADER_SEARCH])

    def header_under(delimiter: str) -> int | None:
        try:
            return _header_at(list(csv.reader(io.StringIO(head), delimiter=delimiter, quotechar='"')), columns, names)
        except csv.Error:
            return None

    bad = _CONTROL.search(text)
    if bad and bad.group() == "\x00":  # no export writes one: a binary file, or a damaged one
        line = text.count("\n", 0, bad.start()) + 1
        raise InputFileError(
            tr(
                "{name} line {line}: holds a NUL byte, which no text export has (a damaged or binary file)",
                name=name,
                line=line,
            )
        )
    dialect = clevercsv.Detector().detect(text[:SNIFF_CHARS], delimiters=DELIMITERS)
    delimiter = dialect.delimiter if dialect else ""
    if not delimiter or header_under(delimiter) is None:
        fits = [d for d in DELIMITERS if header_under(d) is not None]
        if len(fits) == 1:
            delimiter = fits[0]
        elif not delimiter:
            raise InputFileError(
                tr(
                    "{name}: cannot tell its separator (tried , ; tab |); a row near the top should name the columns",
                    name=name,
                )
            )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=True)
    try:
        with xlsx.bulk():
            rows = [row for row in reader]
    except csv.Error as exc:
        raise InputFileError(
            tr("{name} row {line_num}: {exc}", name=name, line_num=reader.line_num, exc=reason(exc))
        ) from None
    while rows and not any(v.strip() for v in rows[-1]):
        rows.pop()
    return rows, _header_at(rows, columns, names) or 0


def read_text(path: Path, reading: Reading | None = None, encoding: str | None = None) -> pd.DataFrame:
    """Customers from a text export (CSV, semicolon CSV, CSV UTF-8, Unicode Text), read as
    ``reading`` says (:class:`~client_roi.files.rules.Reading`)."""
    reading = reading or Reading()
    text, _ = decode(path.read_bytes(), path.name, encoding)
    rows, h = _rows(text, path.name, reading.columns, functools.partial(_names_ours, required=reading.required))
    if not rows:
        raise InputFileError(tr("{name}: the file is empty", name=path.name))
    return customer_frame(rows[h], rows[h + 1 :], path.name, h + 2, reading)


def load_workbook(path: Path, **kwargs):
    """openpyxl.load_workbook after a zip-bomb check; defusedxml guards the XML itself.
    An .xlsm keeps its macros (``keep_vba``)."""
    import openpyxl

    check_zip(path)
    kwargs.setdefault("keep_vba", path.suffix.lower() == ".xlsm")
    with faults_said(path.name):  # openpyxl raises many kinds for a damaged or hostile file
        return openpyxl.load_workbook(path, **kwargs)


def read_xlsx(path: Path, reading: Reading | None = None, sheet: str | None = None) -> pd.DataFrame:
    """The customers of the workbook's ``Customers`` table, or else of its first sheet, by value,
    read as ``reading`` says."""
    with faults_said(path.name):  # calamine and the XML parser raise their own kinds for bad files
        return _read_xlsx(path, reading or Reading(), sheet)


def _read_xlsx(path: Path, reading: Reading, sheet_name: str | None) -> pd.DataFrame:
    """The Customers table, else (or with ``sheet_name``) a table whose header names our
    columns, else the sheet's first row that does (under title rows)."""
    cached = CachedValues.from_path(path)
    names = functools.partial(_names_ours, required=reading.required)
    sheet, top, left, header, rows = located(cached, path.name, layout.TABLE, names, reading.columns, sheet_name)
    suspects = cached.suspects(sheet)

    def cell(i: int, j: int) -> str:
        return f"'{sheet}'!{column_letter(left + j + 1)}{top + 2 + i}"

    if suspects:
        keys, _ = _header_keys(header, reading.columns, path.name)
        inputs = {left + j + 1: j for j in keys.values()}  # sheet column -> header index
        for ref, why in suspects.items():
            at = cell_position(ref)
            if at and at[1] in inputs and top + 2 <= at[0] <= top + 1 + len(rows):
                raise InputFileError(
                    tr(
                        "{name} cell '{sheet}'!{ref} (column '{header}'): {why}",
                        name=path.name,
                        sheet=sheet,
                        ref=ref,
                        header=header[inputs[at[1]]],
                        why=why,
                    )
                )
    return customer_frame(header, rows, path.name, top + 2, reading, cell=cell)


def located(
    cached: CachedValues,
    name: str,
    table_name: str,
    names: Callable[[list[Any], Mapping[str, str]], bool],
    columns: Mapping[str, str],
    sheet_name: str | None,
) -> tuple[str, int, int, list[Any], list[list[Any]]]:
    """Where a workbook keeps its rows: the table ``table_name``, else (or with ``sheet_name``)
    a table whose header ``names`` our columns, else the first visible sheet's (or
    ``sheet_name``'s) first row that does, under title rows. Returns the sheet, the header's
    0-based row and column, the header and the rows under it."""
    book = cached.book
    cached.check_tables()  # what calamine would panic on, refused first
    tables = [table_name] if table_name in (book.table_names or ()) else []
    tables += [t for t in (book.table_names or ()) if t != table_name]
    for t in tables:
        table = cached.table(t)
        if (
            table.start is not None
            and (sheet_name is None or table.sheet == sheet_name)
            and (t == table_name or names(list(table.columns), columns))
        ):
            top, left = table.start
            # calamine's table start is its first data row; the header is above it
            with xlsx.bulk():
                return table.sheet, top - 1, left, list(table.columns), [list(r) for r in table.to_python()]
    if sheet_name is not None and sheet_name not in book.sheet_names:
        raise InputFileError(
            tr(
                "{name}: has no sheet '{sheet_name}' (its sheets: {sheet_names})",
                name=name,
                sheet_name=sheet_name,
                sheet_names=", ".join(book.sheet_names),
            )
        )
    first = sheet_name or next(
        (m.name for m in book.sheets_metadata if str(m.visible).endswith("Visible")), book.sheet_names[0]
    )
    rows = [list(r) for r in cached.grid(first)]
    while rows and all(method.is_blank(v) for v in rows[-1]):
        rows.pop()
    if not rows:
        raise InputFileError(tr("{name}: the sheet '{first}' is empty", name=name, first=first))
    top = _header_at(rows, columns, names) or 0  # title rows above
    return first, top, 0, rows[top], rows[top + 1 :]


def read_customers(
    path: Path,
    *,
    decimal: str | None = None,
    encoding: str | None = None,
    merge_duplicates: bool = False,
    columns: Mapping[str, str] | None = None,
    sheet: str | None = None,
    required: tuple[str, ...] = layout.REQUIRED_INPUTS,
    status: Mapping[str, str] | None = None,
    margin_rate: Any = None,
) -> pd.DataFrame:
    """The customers of a text export or a workbook, read by the rules of every door (the
    module's, then :mod:`client_roi.files.rules`).

    Parameters
    ----------
    path : path-like
        A ``.csv``/``.txt``/``.tsv``/``.tab`` export or an ``.xlsx``/``.xlsm`` workbook.
    decimal : {".", ","}, optional
        The decimal separator, when the file's numbers cannot tell (``1.234`` alone).
    encoding : str, optional
        The text encoding, when the bytes cannot tell (``cp1252``, ``mac_roman``).
    merge_duplicates : bool
        Add up the rows of a customer listed more than once (by the name rule) instead of
        refusing the file.
    columns : mapping of str to str, optional
        Our column's key → the file's header for it (``{"gross_margin": "Marge (k€)"}``).
    sheet : str, optional
        The workbook's sheet to read (default: the ``Customers`` table, else a table or the
        first sheet naming our columns).
    required : tuple of str
        The columns the file must have (a file merged into invoice lines needs only the name).
    status : mapping of str to str, optional
        A status word of the file → its role (``{"Free trial": "prospect"}``).
    margin_rate : float, optional
        What a revenue column is multiplied by, without a margin-rate column (default 0.5).

    Returns
    -------
    pandas.DataFrame
        Object columns by key: ``customer``, ``should_pay``, ``has_paid``, ``gross_margin``,
        ``expected_margin``, ``acquisition_cost``, ``days_spent`` (and ``previous_tier``,
        ``previous_margin`` when the file has them), then the user's own columns under their
        headers; numbers are floats (or ints as a workbook holds them), blanks None. ``attrs``
        says what the summary reports: ``blank_rows``, ``totals``, ``merged``, ``kept``,
        ``ignored``, ``currencies``, ``margin_from``, ``roles_from``, ``percents``.

    Raises
    ------
    InputFileError
        One line naming the file, its row (or cell) and column, and the way out.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "accounts.csv"
    >>> _ = path.write_text("Account Name;Status;ARR (€);Gross Margin %\\nAcme;Customer;1 000,50;60\\n")
    >>> read_customers(path)[["customer", "should_pay", "has_paid", "gross_margin"]]
      customer should_pay has_paid gross_margin
    0     Acme        yes      yes        600.3
    """
    path = Path(path)
    if not path.exists():
        raise InputFileError(tr("{source}: no such file", source=path))
    if not path.is_file():
        raise InputFileError(tr("{source}: is not a file", source=path))
    if not os.access(path, os.R_OK):
        raise InputFileError(tr("{path}: cannot be read (permission denied)", path=path))
    reading = Reading(decimal, merge_duplicates, dict(columns or {}), required, status, margin_rate)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        if sheet is not None:
            raise InputFileError(tr("{name}: --sheet is for workbooks; a text export has one table", name=path.name))
        return read_text(path, reading, encoding)
    if suffix in BOOK_SUFFIXES:
        return read_xlsx(path, reading, sheet)
    raise InputFileError(
        tr(
            "{name}: expected a text export ({TEXT_SUFFIXES}) or a workbook ({BOOK_SUFFIXES})",
            name=path.name,
            TEXT_SUFFIXES=", ".join(TEXT_SUFFIXES),
            BOOK_SUFFIXES=", ".join(BOOK_SUFFIXES),
        )
    )


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------

"""The fuzz campaign of issue 35: hostile and broken inputs, seeded and reproducible.

Five families of cases, each made from the same few honest inputs by seeded mutations:

- ``csv``: customer files with bytes flipped, NULs, control characters, quotes, separators,
  other encodings, numbers past the double range or below it, totals, duplicate rows and
  columns, thousands of columns, truncations;
- ``book``: the workbook of a fill, re-zipped with a part removed, damaged, cut short or given
  entities, references past the grid, rows out of order, infinite values, formulas without a
  value, encrypted flags, spoiled checksums, sizes that lie; refreshed, or read as customers or
  as invoice lines;
- ``lines``: invoice lines with impossible or far dates, garbled amounts, credit notes, total
  lines, and random periods (``--to``, ``--months``);
- ``options``: every option of ``fill`` given odd values;
- ``security``: formula payloads in names, external entities and billion laughs in parts, zip
  bombs honest and lying, outputs that are the input, a directory, a symlink, a device.

Every case runs ``client-roi`` in a process of its own and must: exit 0 with nothing on
stderr (no warning either) and no infinite or NaN value in any output, or exit 2 with one line
that is no "unexpected error"; take under 60 s and 1 GB (peak resident set); leave in its
folder nothing but its inputs and, on success, its output; leave its inputs unchanged.

    python tests/fuzz.py [--cases 1500] [--seed 35] [--jobs N] [--family csv] [--case 17]

(``make fuzz``). ``make test`` runs a fixed sample of 150 (``tests/test_fuzz.py``). A failing
case is kept, inputs and what was said, in ``fuzz-failures/``; ``--case N`` runs it alone.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import random
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import warnings
import zipfile
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

FAMILIES = ("csv", "book", "lines", "options", "security")
TIME_LIMIT = 60.0  # seconds a case may take
MEMORY_LIMIT = 1 << 30  # bytes of peak resident set
#: A value no cell or CSV field may hold after a successful run.
NON_FINITE = re.compile(rb"<v>\s*[-+]?(?:inf|infinity|nan)\s*</v>", re.I)
NON_FINITE_CSV = re.compile(r"(?:^|[,;\t])[-+]?(?:inf|infinity|nan)(?:[,;\t]|$)", re.I | re.M)

SAMPLE = Path(__file__).resolve().parents[1] / "addin" / "client_roi" / "data" / "sample_customers.csv"


@dataclass
class Case:
    """One run: the files it starts with (name → bytes), the command's arguments (``{in}`` is
    the first file, ``{out}`` the output, ``{dir}`` the case's folder) and what it tries."""

    family: str
    index: int
    what: str
    files: dict[str, bytes]
    args: list[str]
    output: str = "out.xlsx"
    links: dict[str, str] = field(default_factory=dict)  # name → target, made as symlinks

    @property
    def id(self) -> str:
        return f"{self.family}-{self.index}"


# -- the honest inputs everything is made from --------------------------------------------


def base_customers(rows: int = 40) -> bytes:
    return b"".join(SAMPLE.read_bytes().splitlines(keepends=True)[: rows + 1])


def base_lines(seed: int = 0) -> bytes:
    rng = random.Random(seed)
    out = ["Code client;Raison sociale;Date;Montant HT;Facture"]
    for i in range(80):
        c = rng.randrange(12)
        day = f"{rng.randrange(2023, 2026)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        amount = f"{rng.uniform(-200, 5000):.2f}".replace(".", ",")
        out.append(f"C{1000 + c};Client {c};{day};{amount};F{i:05d}")
    return ("\r\n".join(out) + "\r\n").encode("utf-8")


_BOOK: dict[str, bytes] = {}


def base_book() -> bytes:
    """The workbook a fill of the honest customers writes (made once a process)."""
    if "book" not in _BOOK:
        with tempfile.TemporaryDirectory() as tmp:
            src, out = Path(tmp) / "c.csv", Path(tmp) / "b.xlsx"
            src.write_bytes(base_customers())
            run = subprocess.run(
                [sys.executable, "-m", "client_roi.cli", "fill", str(src), "-o", str(out), "--cac", "1000"],
                capture_output=True,
                check=False,
            )
            assert run.returncode == 0, run.stderr
            _BOOK["book"] = out.read_bytes()
    return _BOOK["book"]


# -- mutations ----------------------------------------------------------------------------

NASTY = [
    b"\x00",
    b"\x01",
    b"\x1b",
    b'"',
    b'""',
    b",",
    b";",
    b"\t",
    b"\r",
    b"\n",
    b"\r\n\r\n",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xe9",
    b"\xc3",
    "€".encode(),
    "\u00a0".encode(),
    b"=1+1",
    b"=cmd|' /C calc'!A0",
    b"+",
    b"-",
    b"@SUM(1)",
    b"1e308",
    b"-1e308",
    b"1e-320",
    b"nan",
    b"inf",
    b"-inf",
    b"9" * 400,
    b"1 234,56",
    b"$1,000.00",
    b"(12)",
    b"12%",
    b"0x1F",
    b"1_000",
    b"TRUE",
    b"#N/A",
    b"#DIV/0!",
    b"Total",
    b"yes",
    b"no",
]

NUMBERS = ["1e308", "-1e308", "1e-320", "5e-324", "1e15", "1e16", "-0", "0", "nan", "inf", "1,5", "1.5.5", "", " "]


def mutate_bytes(rng: random.Random, data: bytes, n: int) -> bytes:
    b = bytearray(data)
    for _ in range(n):
        kind = rng.randrange(4)
        at = rng.randrange(len(b) + 1) if b else 0
        if kind == 0 and b:
            b[min(at, len(b) - 1)] = rng.randrange(256)
        elif kind == 1:
            b[at:at] = rng.choice(NASTY)
        elif kind == 2 and b:
            del b[at : at + rng.randrange(1, 40)]
        else:
            b[at:at] = bytes(b[at : at + rng.randrange(1, 60)])  # a stretch twice
    return bytes(b)


def mutate_csv(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    lines = data.decode("utf-8").splitlines()
    head, rows = lines[0], lines[1:]
    kind = rng.randrange(14)
    if kind == 0:
        return "bytes", mutate_bytes(rng, data, rng.randrange(1, 8))
    if kind == 1:  # a number field gets an extreme value
        i = rng.randrange(len(rows))
        cells = rows[i].split(",")
        j = rng.choice([3, 4, 5, 6])
        cells[j] = rng.choice(NUMBERS)
        rows[i] = ",".join(cells)
        return f"number {cells[j]!r}", "\n".join([head, *rows]).encode()
    if kind == 2:
        return "utf-16", "\n".join(lines).encode("utf-16")
    if kind == 3:
        return "cp1252", "\n".join(lines).encode("cp1252", "replace")
    if kind == 4:
        sep = rng.choice([";", "\t", "|"])
        return f"separator {sep!r}", "\n".join(line.replace(",", sep) for line in lines).encode()
    if kind == 5:
        k = rng.choice([2, 300, 1500, 16_390])
        name = rng.choice(["x", "Gross margin", "", "Customer"])
        return f"{k} extra columns {name!r}", "\n".join(
            [head + ("," + name) * k, *(r + ",1" * k for r in rows[:3])]
        ).encode()
    if kind == 6:
        return "a total line", "\n".join([head, *rows, "Total,,,999999,,,"]).encode()
    if kind == 7:
        return "duplicate rows", "\n".join([head, *rows, *rows[:5]]).encode()
    if kind == 8:
        return "truncated", data[: rng.randrange(len(data))]
    if kind == 9:
        return "empty", rng.choice([b"", b"\n", b"\xef\xbb\xbf", head.encode()])
    if kind == 10:  # a field with a newline inside quotes, or an unclosed quote
        i = rng.randrange(len(rows))
        rows[i] = rows[i].replace(",", ',"a\nb",', 1) if rng.random() < 0.5 else '"' + rows[i]
        return "quotes", "\n".join([head, *rows]).encode()
    if kind == 11:
        return "a long name", "\n".join([head, "X" * 40_000 + ",yes,yes,100,,,", *rows]).encode()
    if kind == 12:
        i = rng.randrange(len(rows))
        cells = rows[i].split(",")
        cells[rng.randrange(3)] = rng.choice(NASTY).decode("utf-8", "replace")
        rows[i] = ",".join(cells)
        return "a nasty cell", "\n".join([head, *rows]).encode()
    flags = ["yes", "no", "YES", "oui", "1", "0", "maybe", "", "TRUE"]
    rows = [",".join([r.split(",")[0], rng.choice(flags), rng.choice(flags), *r.split(",")[3:]]) for r in rows]
    return "flags", "\n".join([head, *rows]).encode()


def _entry(name: str) -> zipfile.ZipInfo:
    """A zip entry of a fixed time: the same case is the same bytes whenever it is made."""
    entry = zipfile.ZipInfo(name, (2000, 1, 1, 0, 0, 0))
    entry.compress_type = zipfile.ZIP_DEFLATED
    return entry


def rezip(
    data: bytes,
    edit: Callable[[str, bytes], bytes | None] = lambda n, d: d,
    added: dict[str, bytes] | None = None,
) -> bytes:
    """``data`` with each part passed through ``edit`` (None drops it)."""
    out = io.BytesIO()
    with (
        warnings.catch_warnings(),  # zipfile warns of the duplicate names some cases are made of
        zipfile.ZipFile(io.BytesIO(data)) as zin,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        warnings.simplefilter("ignore")
        for item in zin.infolist():
            part = edit(item.filename, zin.read(item))
            if part is not None:
                zout.writestr(_entry(item.filename), part)
        for name, part in (added or {}).items():
            zout.writestr(_entry(name), part)
    return out.getvalue()


def patch_entry(data: bytes, name: str, *, flag: bool = False, crc: bool = False, size: int | None = None) -> bytes:
    """The zip ``data`` with entry ``name``'s headers lying: encrypted, a wrong checksum, a size."""
    raw = bytearray(data)
    for sig, name_len, name_at, flags, crc_at, size_at in (
        (b"PK\x03\x04", 26, 30, 6, 14, 22),
        (b"PK\x01\x02", 28, 46, 8, 16, 24),
    ):
        i = 0
        while (i := raw.find(sig, i)) >= 0:
            n = struct.unpack_from("<H", raw, i + name_len)[0]
            if raw[i + name_at : i + name_at + n] == name.encode():
                raw[i + flags] |= 1 if flag else 0
                if crc:
                    struct.pack_into("<I", raw, i + crc_at, struct.unpack_from("<I", raw, i + crc_at)[0] ^ 0xA5)
                if size is not None:
                    struct.pack_into("<I", raw, i + size_at, size)
            i += 4
    return bytes(raw)


CUSTOMERS = "xl/worksheets/sheet3.xml"
ENTITIES = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'


def _with_doctype(data: bytes) -> bytes:
    return ENTITIES + (data[data.index(b"?>") + 2 :] if data.startswith(b"<?xml") else data)


def mutate_book(rng: random.Random, book: bytes) -> tuple[str, bytes]:
    names = zipfile.ZipFile(io.BytesIO(book)).namelist()
    part = rng.choice(names)
    kind = rng.randrange(13)
    if kind == 0:
        return f"no {part}", rezip(book, lambda n, d: None if n == part else d)
    if kind == 1:
        return f"bytes of {part}", rezip(
            book, lambda n, d: mutate_bytes(rng, d, rng.randrange(1, 6)) if n == part else d
        )
    if kind == 2:
        return f"{part} cut short", rezip(book, lambda n, d: d[: rng.randrange(len(d) + 1)] if n == part else d)
    if kind == 3:
        return f"entities in {part}", rezip(book, lambda n, d: _with_doctype(d) if n == part else d)
    if kind == 4:
        ref = rng.choice([b"ZZZZZZZZ1", b"XFD1048576", b"XFE1", b"A1048577", b"A0", b"AAA1", b"B99999999999"])
        return f"a cell at {ref.decode()}", rezip(
            book, lambda n, d: d.replace(b'r="A5"', b'r="' + ref + b'"', 1) if n == CUSTOMERS else d
        )
    if kind == 5:
        return "rows out of order", rezip(
            book, lambda n, d: d.replace(b'<row r="3"', b'<row r="9999"', 1) if n == CUSTOMERS else d
        )
    if kind == 6:
        value = rng.choice([b"inf", b"-inf", b"nan", b"1e308", b"1e-320", b"", b"x", b"1e15"])
        return f"a value {value!r}", rezip(
            book,
            lambda n, d: (
                re.sub(rb"<v>[^<]*</v>", b"<v>" + value + b"</v>", d, count=rng.randrange(1, 9))
                if n == CUSTOMERS
                else d
            ),
        )
    if kind == 7:  # what openpyxl writes: a formula never computed
        return "a formula with no value", rezip(
            book, lambda n, d: re.sub(rb"<v>[^<]*</v>", b"<f>1/0</f>", d, count=1) if n == CUSTOMERS else d
        )
    if kind == 8:
        return f"{part} flagged encrypted", patch_entry(book, part, flag=True)
    if kind == 9:
        return f"{part} checksum spoiled", patch_entry(book, part, crc=True)
    if kind == 10:
        return f"{part} size lying", patch_entry(book, part, size=rng.choice([0, 1, 1000, 0xFFFFFFF0]))
    if kind == 11:
        return f"{part} twice", rezip(book, added={part: b"<x/>"})
    return "not a zip", mutate_bytes(rng, book[:4000], 20)


DATES = [
    "2025-02-30",
    "0000-01-01",
    "0001-01-01",
    "9999-12-31",
    "31/12/2025",
    "12/31/2025",
    "45000",
    "1e308",
    "",
    "2025-13-01",
    "yesterday",
    "2025-1-1",
    "2025-01-01T25:00",
    "-1",
]


def mutate_lines(rng: random.Random, data: bytes) -> tuple[str, bytes, list[str]]:
    lines = data.decode().splitlines()
    head, rows = lines[0], lines[1:]
    kind = rng.randrange(8)
    options: list[str] = []
    if rng.random() < 0.4:
        options += ["--to", rng.choice([*DATES, "2025-06-30", "2024-12-31"])]
    if rng.random() < 0.3:
        options += ["--months", rng.choice(["12", "0", "-1", "1e9", "x", "1.5", "100000"])]
    if kind == 0:
        i = rng.randrange(len(rows))
        cells = rows[i].split(";")
        cells[2] = rng.choice(DATES)
        rows[i] = ";".join(cells)
        return f"a date {cells[2]!r}", "\r\n".join([head, *rows]).encode(), options
    if kind == 1:
        i = rng.randrange(len(rows))
        cells = rows[i].split(";")
        cells[3] = rng.choice([*NUMBERS, "1 234,56", "(12,00)", "12,345,678", "€12", "-0,00"])
        rows[i] = ";".join(cells)
        return f"an amount {cells[3]!r}", "\r\n".join([head, *rows]).encode(), options
    if kind == 2:
        return "a total line", "\r\n".join([head, *rows, ";Total;;123456,78;"]).encode(), options
    if kind == 3:
        return "bytes", mutate_bytes(rng, data, rng.randrange(1, 8)), options
    if kind == 4:
        return "cp1252", "\r\n".join(lines).encode("cp1252", "replace"), options
    if kind == 5:
        return "no date column", "\r\n".join(r.rsplit(";", 3)[0] for r in lines).encode(), options
    if kind == 6:
        credit = [";".join([*r.split(";")[:3], "-" + r.split(";")[3].lstrip("-"), r.split(";")[4]]) for r in rows]
        return "only credit notes", "\r\n".join([head, *credit]).encode(), options
    dated = [";".join([*r.split(";")[:2], rng.choice(DATES), *r.split(";")[3:]]) for r in rows]
    return "dates out of range", "\r\n".join([head, *dated]).encode(), options


OPTIONS = {
    "--band": ["0.2", "-1", "1e308", "balanced", "0.1,0.2", "-0.4 -0.2 0.2 0.4", "nan", "x", "", "0"],
    "--trim": ["0", "0.5", "1", "-0.1", "nan", "0.99", "1e-320"],
    "--labels": ["A,B,C", "", "A", "A;B;C;D;E;F;G;H;I;J;K", "=1+1,B,C", "x" * 500],
    "--cac": ["0", "-1", "1e308", "1e-320", "nan", "1000", "1e15", "x"],
    "--annual-income": ["0", "-1", "1e308", "1e-320", "24000", "inf"],
    "--margin-rate": ["0", "1", "1.5", "0.5", "1e-320", "-0.1"],
    "--working-days": ["0", "1", "366", "367", "218", "1e-320"],
    "--load-factor": ["0", "1e308", "1e-320", "1.5", "-1"],
    "--prospecting-days": ["0", "1e-320", "0.1", "1e308", "none", "60", "-5"],
    "--currency": ["€", "$", "XYZ", "", "=1", "CHF"],
    "--lang": ["fr", "en", "de"],
    "--column": ["Customer=Client", "Nope=Customer", "=", "Gross margin=Customer", "Amount=Montant"],
    "--status": ["Status", "x=client", ""],
    "--decimal": [".", ",", "x"],
    "--encoding": ["utf-8", "latin-1", "utf-16", "nope"],
    "--sheet": ["Customers", "Nope", ""],
    "--tiers": ["3", "0", "1", "11", "x"],
    "--merge-duplicates": [None],
}


def make(family: str, index: int, seed: int) -> Case:
    """Case ``index`` of ``family``: the same for the same seed, on every machine."""
    rng = random.Random(f"{seed}-{family}-{index}")
    if family == "csv":
        what, data = mutate_csv(rng, base_customers())
        extra = rng.choice([[], ["--cac", "1000"], ["--lang", "fr"], ["--merge-duplicates"]])
        return Case(family, index, what, {"in.csv": data}, ["fill", "{in}", "-o", "{out}", *extra])
    if family == "book":
        what, data = mutate_book(rng, base_book())
        command = rng.choice([["refresh", "{in}"], ["fill", "{in}"], ["fill", "--transactions", "{in}"]])
        return Case(family, index, what, {"in.xlsx": data}, [*command, "-o", "{out}"])
    if family == "lines":
        what, data, options = mutate_lines(rng, base_lines(index % 7))
        if rng.random() < 0.3:
            return Case(
                family,
                index,
                what,
                {"in.csv": data},
                ["customers", "--transactions", "{in}", "-o", "{out}", *options],
                output="out.csv",
            )
        return Case(family, index, what, {"in.csv": data}, ["fill", "--transactions", "{in}", "-o", "{out}", *options])
    if family == "options":
        chosen = rng.sample(sorted(OPTIONS), rng.randrange(1, 5))
        args: list[str] = []
        for name in chosen:
            value = rng.choice(OPTIONS[name])
            args += [name] if value is None else [f"{name}={value}"]
        return Case(family, index, " ".join(args), {"in.csv": base_customers()}, ["fill", "{in}", "-o", "{out}", *args])
    return _security(rng, index)


def _shared_strings_related(name: str, data: bytes) -> bytes:
    """The workbook's relationships, with a shared strings part among them."""
    if name != "xl/_rels/workbook.xml.rels":
        return data
    return data.replace(
        b"</Relationships>",
        b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )


def _security(rng: random.Random, index: int) -> Case:
    kind = rng.randrange(9)
    csv = base_customers().decode().splitlines()
    if kind == 0:  # formula payloads in names: kept as text, never run
        payload = rng.choice(["=cmd|' /C calc'!A0", "+SUM(1)", "-2+3", "@A1", "\t=1", '=HYPERLINK("http://x")'])
        text = "\n".join([csv[0], f'"{payload}",yes,yes,100,,,', *csv[1:]])
        return Case(
            "security", index, f"payload {payload!r}", {"in.csv": text.encode()}, ["fill", "{in}", "-o", "{out}"]
        )
    book = base_book()
    if kind == 1:
        xxe = (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&e;</t></si></sst>'
        )
        data = rezip(book, _shared_strings_related, added={"xl/sharedStrings.xml": xxe})
        return Case("security", index, "external entity", {"in.xlsx": data}, ["refresh", "{in}", "-o", "{out}"])
    if kind == 2:
        laughs = _with_doctype(b"<x>&b;&b;&b;&b;&b;&b;&b;&b;</x>")
        target = rng.choice([CUSTOMERS, "xl/workbook.xml", "xl/styles.xml", "xl/tables/table1.xml"])
        data = rezip(book, lambda n, d: laughs if n == target else d)
        what = f"billion laughs in {target}"
        return Case("security", index, what, {"in.xlsx": data}, ["refresh", "{in}", "-o", "{out}"])
    if kind == 3:  # an honest bomb: a part that says it is 3 GB
        data = patch_entry(book, CUSTOMERS, size=3 << 30)
        return Case("security", index, "declared 3 GB", {"in.xlsx": data}, ["refresh", "{in}", "-o", "{out}"])
    if kind == 4:  # a lying bomb: 60 MB of rows declared as 1,000 bytes
        rows = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (i, i) for i in range(100, 900_000))
        data = rezip(book, lambda n, d: d.replace(b"</sheetData>", rows + b"</sheetData>") if n == CUSTOMERS else d)
        data = patch_entry(data, CUSTOMERS, size=1000)
        return Case("security", index, "lying bomb", {"in.xlsx": data}, ["refresh", "{in}", "-o", "{out}"])
    if kind == 5:
        return Case(
            "security", index, "output is the input", {"in.xlsx": book}, ["fill", "{in}", "-o", "{dir}/in.xlsx"]
        )
    if kind == 6:
        return Case(
            "security", index, "output is a directory", {"in.csv": base_customers()}, ["fill", "{in}", "-o", "{dir}"]
        )
    if kind == 7:
        return Case(
            "security",
            index,
            "output is a symlink to the input",
            {"in.xlsx": book},
            ["refresh", "{in}", "-o", "{dir}/link.xlsx", "--force"],
            links={"link.xlsx": "in.xlsx"},
        )
    return Case(
        "security", index, "output is a device", {"in.csv": base_customers()}, ["fill", "{in}", "-o", "/dev/null"]
    )


# -- running a case --------------------------------------------------------------------------


@dataclass
class Result:
    case: Case
    status: int | None
    err: str
    seconds: float
    peak: int  # bytes
    faults: list[str]


def run(case: Case, root: Path) -> Result:
    folder = root / case.id
    folder.mkdir(parents=True)
    for name, data in case.files.items():
        (folder / name).write_bytes(data)
    for name, target in case.links.items():
        (folder / name).symlink_to(folder / target)
    first = next(iter(case.files))
    args = [
        a.format(**{"in": str(folder / first), "out": str(folder / case.output), "dir": str(folder)}) for a in case.args
    ]
    before = {
        p.name: hashlib.sha256(p.read_bytes()).digest() for p in folder.iterdir() if p.is_file() and not p.is_symlink()
    }
    env = {**os.environ, "PYTHONWARNINGS": "default", "CLIENT_ROI_DEBUG": ""}
    faults: list[str] = []
    start = time.perf_counter()
    memory = root / f"{case.id}.mem"
    with open(root / f"{case.id}.err", "wb") as said:
        # GNU time measures the peak: a child's own rusage would count this process's memory,
        # which exec records as the child's high-water mark (subprocess spawns by vfork)
        proc = subprocess.Popen(
            ["/usr/bin/time", "-q", "-f", "%M", "-o", str(memory), sys.executable, "-m", "client_roi.cli", *args],
            stdout=subprocess.DEVNULL,
            stderr=said,
            cwd=folder,
            env=env,
            start_new_session=True,
        )
        try:
            proc.wait(timeout=TIME_LIMIT)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            faults.append(f"hang: past {TIME_LIMIT:.0f} s")
    seconds = time.perf_counter() - start
    kib = memory.read_text().split() if memory.exists() else []
    peak = int(kib[-1]) * 1024 if kib and kib[-1].isdigit() else 0
    err_bytes = (root / f"{case.id}.err").read_bytes()
    status, err = proc.returncode, err_bytes.decode("utf-8", "replace")
    if status == 0:
        if err:
            faults.append("a successful run wrote on stderr")
        out = folder / case.output
        if out.is_file() and not out.is_symlink():
            data = out.read_bytes()
            if zipfile.is_zipfile(out):
                with zipfile.ZipFile(out) as z:
                    if any(NON_FINITE.search(z.read(n)) for n in z.namelist() if n.endswith(".xml")):
                        faults.append("a non-finite value in a cell")
            elif NON_FINITE_CSV.search(data.decode("utf-8-sig", "replace")):
                faults.append("a non-finite value in the CSV")
    elif status == 2:
        if err.count("\n") != 1 or not err.startswith("client-roi"):
            faults.append("a refusal of more than one line")
        if "unexpected error" in err:
            faults.append("an unexpected error")
    elif not faults:
        faults.append(f"exit {status} (a crash)" if status and status > 128 else f"exit {status}")
    if "Traceback" in err or "panicked" in err:
        faults.append("a traceback")
    if peak > MEMORY_LIMIT:
        faults.append(f"peak memory {peak / 2**20:.0f} MB")
    after = {p.name: p for p in folder.iterdir()}
    expected = set(case.files) | set(case.links) | ({case.output} if status == 0 else set())
    left = sorted(set(after) - expected)
    if left:
        faults.append(f"left behind: {', '.join(left)}")
    for name, digest in before.items():
        path = folder / name
        if not path.is_file() or hashlib.sha256(path.read_bytes()).digest() != digest:
            faults.append(f"the input {name} changed")
    if not faults:
        shutil.rmtree(folder)
    return Result(case, status, err.strip(), seconds, peak, faults)


def cases(count: int, seed: int, families: tuple[str, ...] = FAMILIES) -> list[Case]:
    """``count`` cases, the families taking turns."""
    return [make(families[i % len(families)], i // len(families), seed) for i in range(count)]


def campaign(chosen: list[Case], jobs: int, keep: Path | None = None) -> list[Result]:
    base_book()  # made once, before the threads
    with tempfile.TemporaryDirectory(prefix="client-roi-fuzz-") as tmp, ThreadPoolExecutor(jobs) as pool:
        results = list(pool.map(lambda c: run(c, Path(tmp)), chosen))
        if keep is not None:
            for r in results:
                if r.faults:
                    shutil.copytree(Path(tmp) / r.case.id, keep / r.case.id, dirs_exist_ok=True)
                    (keep / r.case.id / "said.txt").write_text(
                        f"{r.case.what}\n{' '.join(r.case.args)}\nexit {r.status}\n{r.err}\n{r.faults}\n"
                    )
    return results


def report(results: list[Result]) -> str:
    by_family = Counter(r.case.family for r in results)
    lines = ["| family | cases | exit 0 | exit 2 | faults | slowest | most memory |", "|---|---|---|---|---|---|---|"]
    for family in FAMILIES:
        mine = [r for r in results if r.case.family == family]
        if not mine:
            continue
        lines.append(
            f"| {family} | {by_family[family]} | {sum(r.status == 0 for r in mine)} | "
            f"{sum(r.status == 2 for r in mine)} | {sum(bool(r.faults) for r in mine)} | "
            f"{max(r.seconds for r in mine):.1f} s | {max(r.peak for r in mine) / 2**20:.0f} MB |"
        )
    slowest = max(results, key=lambda r: r.seconds)
    lines.append(f"slowest: {slowest.case.id} ({slowest.case.what}), {slowest.seconds:.1f} s, exit {slowest.status}")
    for r in results:
        if r.faults:
            lines.append(f"FAULT {r.case.id} ({r.case.what}): {'; '.join(r.faults)} — {r.err[:300]}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=35)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--family", choices=FAMILIES)
    ap.add_argument("--case", type=int, help="run this one case of --family alone")
    args = ap.parse_args()
    families = (args.family,) if args.family else FAMILIES
    if args.case is not None:
        chosen = [make(families[0], args.case, args.seed)]
    else:
        chosen = cases(args.cases, args.seed, families)
    results = campaign(chosen, args.jobs, keep=Path("fuzz-failures"))
    print(report(results))
    return 1 if any(r.faults for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())

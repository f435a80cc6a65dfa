"""Workbooks out, safely and reproducibly: written through a temporary file renamed into
place, with the permissions the umask gives; never over an input, never over anything but a
regular file, and over that only when asked; the same bytes for the same book."""

from __future__ import annotations

import io
import os
import re
import stat
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ..messages import reason, tr
from .xlsx import BOOK_SUFFIXES

FIXED_TIME = (2000, 1, 1, 0, 0, 0)
FIXED_ISO = "2000-01-01T00:00:00Z"


def workbook_bytes(wb) -> bytes:
    """The .xlsx bytes of ``wb``, reproducible: fixed zip times and document dates."""
    from openpyxl.writer.excel import ExcelWriter

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as stored:  # compressed once, below
        ExcelWriter(wb, stored).save()
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


class OutputError(Exception):
    """An output that cannot be written where asked; the message says why."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def save(wb, path: Path, *, force: bool = False, inputs: tuple[Path, ...] = (), mode: int | None = None) -> Path:
    """Write the openpyxl workbook ``wb`` (see :func:`save_bytes`)."""
    macros = getattr(wb, "vba_archive", None) is not None
    return save_bytes(workbook_bytes(wb), path, force=force, inputs=inputs, macros=macros, mode=mode)


def save_bytes(
    data: bytes | Callable[[BinaryIO], object],
    path: Path,
    *,
    force: bool = False,
    inputs: tuple[Path, ...] = (),
    macros: bool = False,
    mode: int | None = None,
    suffixes: tuple[str, ...] = BOOK_SUFFIXES,
) -> Path:
    """Write a workbook's bytes to ``path`` atomically (see the module's rules for what is refused).
    ``data``: the bytes, or a function that writes them to the file it is given (a big book,
    streamed): it runs once the output is known to be acceptable; if it fails, nothing changes.
    ``mode``: the permissions to give it (a book refreshed in place keeps its own); else the
    umask's."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffixes != BOOK_SUFFIXES:  # another kind of file (a CSV of customers)
        if suffix not in suffixes:
            raise OutputError(
                tr("{path}: the output must end with {suffixes}", path=path, suffixes=" or ".join(suffixes))
            )
    elif suffix not in BOOK_SUFFIXES:
        raise OutputError(
            tr("{path}: the output must end with .xlsx{value}", path=path, value=" or .xlsm" if macros else "")
        )
    elif macros and suffix != ".xlsm":
        raise OutputError(tr("{path}: the workbook has macros; write it as .xlsm to keep them", path=path))
    elif not macros and suffix == ".xlsm":
        raise OutputError(tr("{path}: the workbook has no macros; write it as .xlsx", path=path))
    for source in inputs:
        if source.exists() and path.exists() and path.resolve() == source.resolve():
            raise OutputError(tr("{path}: will not overwrite the input file; choose another output", path=path))
    if path.is_symlink() or (path.exists() and not stat.S_ISREG(path.stat().st_mode)):
        raise OutputError(tr("{path}: exists and is not a regular file; choose another output", path=path))
    if path.exists() and not force:
        raise OutputError(tr("{target} exists; use --force to replace it", target=path))
    if not path.parent.is_dir():
        raise OutputError(tr("{path}: the folder {parent} does not exist", path=path, parent=path.parent))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(
            tr("{path}: cannot write in {parent} ({strerror})", path=path, parent=path.parent, strerror=reason(exc))
        ) from None
    try:
        with os.fdopen(fd, "wb") as f:
            if callable(data):
                data(f)
            else:
                f.write(data)
        # mkstemp makes 0600; a saved file gets what the umask gives, a replaced book its own mode
        os.chmod(tmp, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path

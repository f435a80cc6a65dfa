"""A copy of a zip (an .xlsx, an .xlam) with some of its parts edited, as tests make the books
users and other programs bring: every entry kept as it was, in order, with its own metadata."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path


def rezip(
    src: Path, dst: Path, edits: dict[str, Callable[[bytes], bytes]], added: dict[str, bytes] | None = None
) -> Path:
    """``dst``: ``src`` with each part named in ``edits`` replaced by ``edit(its bytes)``, then
    the parts of ``added`` after the others."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename in edits:
                data = edits[item.filename](data)
            zout.writestr(item, data)
        for name, data in (added or {}).items():
            zout.writestr(name, data)
    return dst

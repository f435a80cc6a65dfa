"""LibreOffice Calc as an independent spreadsheet engine for the tests.

Every call uses a throwaway user profile whose registrymodifications.xcu forces a full
recalculation of OOXML and ODF files on load, so cached values written by openpyxl (none) or
by us can never be mistaken for LibreOffice's own results. The process runs in its own
session and is killed with its children on timeout: no soffice is left behind.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""

FILTERS = {"xlsx": "xlsx:Calc MS Excel 2007 XML", "pdf": "pdf:calc_pdf_Export"}


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(
    src: Path, fmt: str, outdir: Path, timeout: float = 240, recalc_on_load: bool = True, infilter: str | None = None
) -> Path:
    """Open ``src`` in LibreOffice (recalculating every formula) and save it as ``fmt``.
    ``recalc_on_load=False``: with LibreOffice's default settings instead, as users have it,
    which shows the cached result of a formula in a book Excel saved and computes only the
    formulas that have none."""
    (result,) = convert_all([src], fmt, outdir, timeout, recalc_on_load, infilter)
    return result


def convert_all(
    sources: list[Path],
    fmt: str,
    outdir: Path,
    timeout: float = 240,
    recalc_on_load: bool = True,
    infilter: str | None = None,
) -> list[Path]:
    """:func:`convert` of several books by one LibreOffice (one start, a book after another)."""
    exe = soffice()
    if exe is None:
        raise RuntimeError("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        user = Path(profile, "user")
        user.mkdir()
        if recalc_on_load:
            (user / "registrymodifications.xcu").write_text(RECALC_ALWAYS, encoding="utf-8")
        cmd = [
            exe,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            *([f"--infilter={infilter}"] if infilter else []),  # how to read src (a CSV's separator, locale)
            "--convert-to",
            FILTERS.get(fmt, fmt),
            "--outdir",
            str(outdir),
            *map(str, sources),
        ]
        proc = subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
            env={**os.environ, "HOME": profile},
        )
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise
        finally:
            try:  # soffice.bin may outlive the launcher; end the whole group
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    results = [outdir / (Path(src).stem + "." + fmt) for src in sources]
    missing = [r for r in results if not r.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice did not convert {missing}: {out.decode()} {err.decode()}")
    return results


def recalculated(src: Path, workdir: Path) -> Path:
    """A copy of ``src`` recalculated and saved by LibreOffice (read it with data_only=True)."""
    return convert(src, "xlsx", workdir / "recalculated")


def recalculated_all(sources: list[Path], workdir: Path, timeout: float = 600) -> list[Path]:
    """Copies of ``sources`` recalculated and saved by LibreOffice, by one LibreOffice (a start a
    book is too slow for a property test's dozens)."""
    return convert_all(sources, "xlsx", workdir / "recalculated", timeout)

"""A throwaway PostgreSQL server for the tests: Debian's binaries, a data directory and a port
of its own, password authentication (scram-sha-256), stopped and removed at the end, nothing
left running. As root (CI, containers) the server runs as the ``postgres`` user, as initdb
refuses root."""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

from components import require

USER, PASSWORD = "client_roi", "s3cret-for-tests"


def _bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Running(tuple):
    """``(url, bindir)`` of a running server, and ``ctl(*args)``: its ``pg_ctl`` (restart, stop)."""


@contextlib.contextmanager
def server():
    """Yield ``(url, bindir)`` of a fresh server (a :class:`Running`: ``.ctl("restart", "-w")``
    restarts it); the password is :data:`PASSWORD`."""
    bindir = _bindir()
    if bindir is None:
        require("postgresql", "PostgreSQL is not installed (no initdb or pg_ctl found)")
    root = Path(tempfile.mkdtemp(prefix="client-roi-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        os.chown(root, owner.pw_uid, owner.pw_gid)
        # util-linux's runuser lives in sbin, which a PATH made for a plain user may lack
        runuser = shutil.which("runuser") or shutil.which("runuser", path="/usr/sbin:/sbin") or "runuser"
        as_user = [runuser, "-u", "postgres", "--"]
    pwfile = root / "pw"
    pwfile.write_text(PASSWORD + "\n")
    if as_user:
        os.chown(pwfile, owner.pw_uid, owner.pw_gid)
    data, log = root / "data", root / "log"
    port = _free_port()

    def run(*args: str) -> None:
        subprocess.run([*as_user, *args], check=True, capture_output=True, text=True, timeout=120)

    started = False
    try:
        run(
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            USER,
            "--auth=scram-sha-256",
            f"--pwfile={pwfile}",
            "-E",
            "UTF8",
            "--locale=C",
        )
        options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
        run(str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w", "start")
        started = True
        running = Running((f"postgresql://{USER}@127.0.0.1:{port}/postgres", bindir))
        # -l: a restarted server writes to the log, not to the pipe run() would wait on for ever
        running.ctl = lambda *args: run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), *args)  # type: ignore[attr-defined]
        yield running
    finally:
        if started:
            subprocess.run(
                [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                capture_output=True,
                timeout=60,
            )
        shutil.rmtree(root, ignore_errors=True)

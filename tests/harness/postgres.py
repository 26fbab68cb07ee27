"""A throwaway PostgreSQL 15 for tests and benchmarks.

    python -m tests.harness.postgres -- CMD ARGS...

initdb's a cluster into a temporary folder, starts it on 127.0.0.1 and a free port, creates the
database `clustermeet`, runs CMD with DATABASE_URL pointing at it, then stops the server and
removes the folder, also when CMD fails or the run is interrupted (Ctrl-C, SIGTERM, SIGHUP).
Exits with CMD's exit code. SIGTERM and SIGHUP are passed on to CMD; a Ctrl-C from the terminal
reaches CMD directly (it runs in our process group), so SIGINT is not passed on a second time.

From Python, `running_postgres()` does the same around a `with` block and yields the URL.

PostgreSQL refuses to run as root: as root, the folder is given to the `postgres` system user
(created by Debian's postgresql-15 package) and initdb / pg_ctl run through `runuser -u postgres`;
as anyone else they run as the current user.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from tests.harness.process import HOST, STOP_SIGNALS, HarnessError, free_port, run_with

PG_MAJOR = "15"
DEBIAN_PACKAGE = f"postgresql-{PG_MAJOR}"
DEFAULT_BINDIR = Path(f"/usr/lib/postgresql/{PG_MAJOR}/bin")
SYSTEM_USER = "postgres"
SUPERUSER = "postgres"
DBNAME = "clustermeet"
START_ATTEMPTS = 3
SERVER_OPTIONS = [
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=200",
]


def find_bindir() -> Path:
    """The folder with initdb, pg_ctl and postgres: $CLUSTERMEET_PG_BINDIR, Debian's
    /usr/lib/postgresql/15/bin, or what `pg_config --bindir` says."""
    candidates: list[Path] = []
    if env := os.environ.get("CLUSTERMEET_PG_BINDIR"):
        candidates.append(Path(env))
    candidates.append(DEFAULT_BINDIR)
    if pg_config := shutil.which("pg_config"):
        result = subprocess.run(
            [pg_config, "--bindir"], capture_output=True, text=True, check=False
        )
        if result.returncode == 0 and result.stdout.strip():
            candidates.append(Path(result.stdout.strip()))
    for bindir in candidates:
        if (bindir / "initdb").is_file() and (bindir / "pg_ctl").is_file():
            return bindir
    looked = ", ".join(str(c) for c in candidates)
    raise HarnessError(
        f"PostgreSQL {PG_MAJOR} server binaries not found (no initdb in {looked}). "
        f"Install the Debian package {DEBIAN_PACKAGE}: apt-get install -y {DEBIAN_PACKAGE} "
        "(or set CLUSTERMEET_PG_BINDIR to the folder holding initdb and pg_ctl)."
    )


def server_version(bindir: Path) -> str:
    """'15.18' from `postgres --version` ('postgres (PostgreSQL) 15.18 (Debian ...)')."""
    out = subprocess.run(
        [str(bindir / "postgres"), "--version"], capture_output=True, text=True, check=True
    ).stdout
    words = out.split()
    return words[2] if len(words) > 2 else out.strip()


def _is_root() -> bool:
    return os.geteuid() == 0


def _as_server_user(argv: list[str]) -> list[str]:
    if not _is_root():
        return argv
    runuser = shutil.which("runuser") or "/usr/sbin/runuser"
    return [runuser, "-u", SYSTEM_USER, "--", *argv]


def _pick_locale() -> str:
    """C.UTF-8 sorts by code point like SQLite and still knows upper/lower case beyond ASCII."""
    try:
        out = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False).stdout
    except OSError:
        return "C"
    available = {name.lower().replace("-", "") for name in out.split()}
    return "C.UTF-8" if "c.utf8" in available else "C"


def _run(argv: list[str], what: str, cwd: Path, log: Path | None = None) -> None:
    """Run a setup step; on failure raise HarnessError with its output (and the server log).

    The step runs in a process group of its own: when we are interrupted, the whole group
    (runuser, initdb and the single-user backends initdb starts) is ended before the folder
    is removed, not only the first process."""
    process = subprocess.Popen(
        argv,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        output, _ = process.communicate()
    except BaseException:
        _end_group(process)
        raise
    if process.returncode != 0:
        details = output.strip()
        if log is not None and log.exists():
            details += "\n--- server log ---\n" + log.read_text(errors="replace").strip()
        raise HarnessError(f"{what} failed (exit {process.returncode}):\n{details}")


def _end_group(process: subprocess.Popen, grace: float = 10.0) -> None:
    """SIGTERM the process group (initdb then removes what it wrote), SIGKILL it if it lingers,
    and wait until no member is left."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    killed = False
    while True:
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=0.05)
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            return
        if time.monotonic() > deadline:
            if killed:
                return
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            killed, deadline = True, time.monotonic() + grace


def _prepare_folder(root: Path) -> None:
    if not _is_root():
        return
    import pwd

    try:
        user = pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        raise HarnessError(
            f"Running as root, but there is no '{SYSTEM_USER}' system user to run PostgreSQL as "
            f"(PostgreSQL refuses to run as root). Install the Debian package {DEBIAN_PACKAGE}, "
            "which creates it, or run as a non-root user."
        ) from None
    os.chown(root, user.pw_uid, user.pw_gid)
    probe = subprocess.run(
        _as_server_user(["test", "-w", str(root)]), stdin=subprocess.DEVNULL, check=False
    )
    if probe.returncode != 0:
        raise HarnessError(
            f"The '{SYSTEM_USER}' user cannot write to {root}: a parent folder is closed to it. "
            "Point TMPDIR at a folder every user can enter (e.g. TMPDIR=/tmp)."
        )


def _stop(bindir: Path, data: Path, cwd: Path) -> None:
    """Stop the server if it runs; never raises (it is called while cleaning up)."""
    if not (data / "postmaster.pid").exists():
        return
    output = ""
    for mode in ("fast", "immediate"):
        argv = [str(bindir / "pg_ctl"), "-D", str(data), "-m", mode, "-w", "-t", "30", "stop"]
        try:
            result = subprocess.run(
                _as_server_user(argv),
                cwd=cwd,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                check=False,
                timeout=60,
            )
        except (OSError, subprocess.SubprocessError) as error:
            output = str(error)
            continue
        if result.returncode == 0 or not (data / "postmaster.pid").exists():
            return
        output = (result.stdout + result.stderr).strip()
    print(f"tests.harness.postgres: could not stop the server in {data}: {output}", file=sys.stderr)


@contextlib.contextmanager
def running_postgres(dbname: str = DBNAME, *, announce: bool = True) -> Iterator[str]:
    """Start a throwaway PostgreSQL, yield its URL (postgres://postgres@127.0.0.1:PORT/dbname),
    and stop and remove it when the block ends, however it ends."""
    bindir = find_bindir()
    version = server_version(bindir)
    root = Path(tempfile.mkdtemp(prefix="clustermeet-pg-"))
    data, log = root / "data", root / "server.log"
    try:
        _prepare_folder(root)
        _run(
            _as_server_user(
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(data),
                    "-A",
                    "trust",
                    "-U",
                    SUPERUSER,
                    "--no-sync",
                    "-E",
                    "UTF8",
                    f"--locale={_pick_locale()}",
                ]
            ),
            "initdb",
            cwd=root,
        )
        port = _start(bindir, root, data, log)
        _run(
            [str(bindir / "createdb"), "-h", HOST, "-p", str(port), "-U", SUPERUSER, dbname],
            f"createdb {dbname}",
            cwd=root,
            log=log,
        )
        if announce:
            print(
                f"tests.harness.postgres: PostgreSQL {version} serving on {HOST}:{port} "
                f"(database {dbname}, data in {data})",
                file=sys.stderr,
                flush=True,
            )
        yield f"postgres://{SUPERUSER}@{HOST}:{port}/{dbname}"
    finally:
        # A second Ctrl-C must not cut the clean-up short: hold signals until it is done.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        try:
            _stop(bindir, data, cwd=root)
            shutil.rmtree(root, ignore_errors=True)
            if root.exists():
                print(f"tests.harness.postgres: could not remove {root}", file=sys.stderr)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _start(bindir: Path, root: Path, data: Path, log: Path) -> int:
    """Start on a free port and wait until it accepts connections. Another process may take
    the port between our probe and the server's bind, so a failed start is retried."""
    for attempt in range(1, START_ATTEMPTS + 1):
        port = free_port()
        socket_dir = shlex.quote(str(root))  # pg_ctl hands the options to a shell
        options = " ".join(
            [f"-c listen_addresses={HOST}", f"-p {port}", f"-k {socket_dir}", *SERVER_OPTIONS]
        )
        argv = [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60"]
        try:
            _run(_as_server_user([*argv, "-o", options, "start"]), "pg_ctl start", root, log)
        except HarnessError:
            if attempt == START_ATTEMPTS or "could not bind" not in log.read_text(errors="replace"):
                raise
            _stop(bindir, data, root)
            continue
        return port
    raise AssertionError("unreachable")


def main(argv: list[str] | None = None) -> int:
    return run_with("postgres", running_postgres, "DATABASE_URL", argv)


if __name__ == "__main__":
    sys.exit(main())

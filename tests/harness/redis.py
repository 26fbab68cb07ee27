"""A throwaway Redis for tests and benchmarks.

    python -m tests.harness.redis -- CMD ARGS...

Starts redis-server on 127.0.0.1 and a free port, with no persistence (`--save ''`,
`--appendonly no`) and its working folder in a temporary directory, runs CMD with REDIS_URL
pointing at it, then stops the server and removes the folder, also when CMD fails or the run is
interrupted (Ctrl-C, SIGTERM, SIGHUP). Exits with CMD's exit code. SIGTERM and SIGHUP are passed
on to CMD; a Ctrl-C from the terminal reaches CMD directly (it runs in our process group).

From Python, `running_redis()` does the same around a `with` block and yields the URL.

redis-server comes from Debian's `redis-server` package (`make system-deps` installs it as root);
$CLUSTERMEET_REDIS_SERVER names another binary.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from tests.harness.process import HOST, STOP_SIGNALS, HarnessError, free_port, run_with

DEBIAN_PACKAGE = "redis-server"
START_ATTEMPTS = 3
START_TIMEOUT = 20.0


def find_server() -> str:
    """$CLUSTERMEET_REDIS_SERVER, redis-server on PATH, or Debian's /usr/bin/redis-server."""
    candidates = [
        os.environ.get("CLUSTERMEET_REDIS_SERVER", ""),
        shutil.which("redis-server") or "",
        "/usr/bin/redis-server",
    ]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    raise HarnessError(
        f"redis-server not found. Install the Debian package {DEBIAN_PACKAGE}: "
        f"apt-get install -y {DEBIAN_PACKAGE} (or `make system-deps` as root; or set "
        "CLUSTERMEET_REDIS_SERVER to the binary)."
    )


def _ping(port: int) -> bool:
    """True when a Redis on the port answers PING (spoken in RESP by hand: no client needed)."""
    try:
        with socket.create_connection((HOST, port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(64).startswith(b"+PONG")
    except OSError:
        return False


def _stop(process: subprocess.Popen, grace: float = 10.0) -> None:
    """SIGTERM the server (it exits without saving: persistence is off), SIGKILL it if it lingers.
    Never raises (it is called while cleaning up)."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=grace)


def _start(server: str, root: Path, log: Path) -> tuple[subprocess.Popen, int]:
    """Start on a free port and wait until it answers PING. Another process may take the port
    between our probe and the server's bind, so a failed start is retried."""
    for attempt in range(1, START_ATTEMPTS + 1):
        port = free_port()
        argv = [
            server,
            "--bind",
            HOST,
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(root),
            "--logfile",
            str(log),
            "--daemonize",
            "no",
            "--protected-mode",
            "yes",
            "--maxclients",
            "10000",
        ]
        process = subprocess.Popen(
            argv,
            cwd=root,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # a Ctrl-C must not stop it before our clean-up needs it
        )
        deadline = time.monotonic() + START_TIMEOUT
        try:
            while time.monotonic() < deadline:
                if process.poll() is not None:
                    break
                if _ping(port):
                    return process, port
                time.sleep(0.02)
        except BaseException:
            _stop(process)
            raise
        _stop(process)
        details = (process.stderr.read() if process.stderr else "").strip()
        if log.exists():
            details += "\n--- server log ---\n" + log.read_text(errors="replace").strip()
        if attempt == START_ATTEMPTS or "Address already in use" not in details:
            raise HarnessError(f"redis-server did not start on {HOST}:{port}:\n{details}")
    raise AssertionError("unreachable")


def server_version(server: str) -> str:
    """'7.0.15' from `redis-server --version` ('Redis server v=7.0.15 sha=...')."""
    out = subprocess.run([server, "--version"], capture_output=True, text=True, check=True).stdout
    for word in out.split():
        if word.startswith("v="):
            return word[2:]
    return out.strip()


@contextlib.contextmanager
def running_redis(*, announce: bool = True) -> Iterator[str]:
    """Start a throwaway Redis, yield its URL (redis://127.0.0.1:PORT/0), and stop it and
    remove its folder when the block ends, however it ends."""
    server = find_server()
    version = server_version(server)
    root = Path(tempfile.mkdtemp(prefix="clustermeet-redis-"))
    log = root / "server.log"
    process = None
    try:
        process, port = _start(server, root, log)
        if announce:
            print(
                f"tests.harness.redis: Redis {version} serving on {HOST}:{port} "
                f"(no persistence, folder {root})",
                file=sys.stderr,
                flush=True,
            )
        yield f"redis://{HOST}:{port}/0"
    finally:
        # A second Ctrl-C must not cut the clean-up short: hold signals until it is done.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        try:
            if process is not None:
                _stop(process)
                if process.stderr:
                    process.stderr.close()
            shutil.rmtree(root, ignore_errors=True)
            if root.exists():
                print(f"tests.harness.redis: could not remove {root}", file=sys.stderr)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)


def main(argv: list[str] | None = None) -> int:
    return run_with("redis", running_redis, "REDIS_URL", argv)


if __name__ == "__main__":
    sys.exit(main())

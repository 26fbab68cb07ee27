"""uvicorn processes serving clustermeet.asgi on free loopback ports, for the browser tests, the
production-mode test and the fan-out benchmark: started, waited for until they accept
connections, and always stopped."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.harness.process import HOST, HarnessError, free_port

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Worker:
    port: int
    pid: int
    log: Path  # its stdout and stderr

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"


@contextlib.contextmanager
def uvicorn_workers(
    count: int,
    env: dict[str, str],
    log_dir: Path,
    *,
    args: Sequence[str] = (),
    ports: Sequence[int] = (),
    start_timeout: float = 60.0,
) -> Iterator[list[Worker]]:
    """Start `count` uvicorn processes (each on its own port: `ports`, or free ones; `args`
    added to the command line), wait until each accepts connections, yield them; stop them on
    the way out. A worker that exits or does not start in time raises HarnessError with its log."""
    processes: list[subprocess.Popen] = []
    workers: list[Worker] = []
    try:
        for n in range(count):
            port = ports[n] if ports else free_port()
            log = Path(log_dir) / f"worker-{n}.log"
            argv = [sys.executable, "-m", "uvicorn", "clustermeet.asgi:application"]
            argv += ["--host", HOST, "--port", str(port), "--lifespan", "off", "--no-access-log"]
            with log.open("wb") as out:
                process = subprocess.Popen(
                    [*argv, *args],
                    cwd=ROOT,
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
            processes.append(process)
            workers.append(Worker(port, process.pid, log))
        deadline = time.monotonic() + start_timeout
        for process, worker in zip(processes, workers, strict=True):
            while True:
                if process.poll() is not None:
                    raise HarnessError(
                        f"uvicorn on port {worker.port} exited with {process.returncode}:\n"
                        + worker.log.read_text(errors="replace")
                    )
                with (
                    contextlib.suppress(OSError),
                    socket.create_connection((HOST, worker.port), 0.2),
                ):
                    break
                if time.monotonic() > deadline:
                    raise HarnessError(
                        f"uvicorn on port {worker.port} did not start in {start_timeout:.0f} s:\n"
                        + worker.log.read_text(errors="replace")
                    )
                time.sleep(0.05)
        yield workers
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=15)

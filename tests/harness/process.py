"""What the throwaway-server harnesses share: the error they raise, a free loopback port, and the
`python -m tests.harness.<name> -- CMD` runner that starts a service, runs CMD with the service's
URL in its environment, and always stops the service (also on SIGINT/SIGTERM/SIGHUP)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Callable

HOST = "127.0.0.1"
STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


class HarnessError(Exception):
    """The throwaway server could not be set up; the message says why and what to do."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class _Interrupted(BaseException):
    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def run_with(
    name: str,
    service: Callable[[], contextlib.AbstractContextManager[str]],
    env_var: str,
    argv: list[str] | None = None,
) -> int:
    """The `main` of `python -m tests.harness.<name> -- CMD [ARGS...]`: CMD's exit status, 1 when
    the service could not start, 127 when CMD cannot run, 128 + N when interrupted by signal N."""
    prefix = f"tests.harness.{name}"
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "--":
        args = args[1:]
    if not args or args[0] in {"-h", "--help"}:
        print(f"usage: python -m {prefix} -- CMD [ARGS...]", file=sys.stderr)
        return 0 if args else 2

    child: subprocess.Popen | None = None
    received: list[int] = []

    def on_signal(signum, frame):
        received.append(signum)
        if child is None:
            if len(received) > 1:
                return  # unwinding already
            raise _Interrupted(signum)  # still setting up: unwind, cleaning up on the way
        # CMD runs in our process group: a Ctrl-C from the terminal reached it already.
        if signum != signal.SIGINT and child.poll() is None:
            child.send_signal(signum)

    for signum in STOP_SIGNALS:
        signal.signal(signum, on_signal)

    try:
        with service() as url:
            child = subprocess.Popen(args, env={**os.environ, env_var: url})
            returncode = child.wait()
    except HarnessError as error:
        print(f"{prefix}: {error}", file=sys.stderr)
        return 1
    except _Interrupted as interrupted:
        print(f"{prefix}: interrupted by {interrupted}", file=sys.stderr)
        return 128 + interrupted.signum
    except FileNotFoundError as error:
        print(f"{prefix}: cannot run {args[0]}: {error}", file=sys.stderr)
        return 127
    return 128 - returncode if returncode < 0 else returncode

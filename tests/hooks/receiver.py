"""A real HTTP receiver on 127.0.0.1 for the webhook tests: it checks each request's signature
the way docs/api.md tells a receiver to (its own code, not ClusterMeet's), records what it got
and answers with the next status of its script (then 200)."""

import hashlib
import hmac
import http.server
import threading
import time
from dataclasses import dataclass, field


def verify(secret: str, headers, body: bytes, tolerance: int = 300) -> bool:
    """docs/api.md's example, as a receiver would write it."""
    timestamp = headers.get("ClusterMeet-Timestamp", "")
    signature = headers.get("ClusterMeet-Signature", "")
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > tolerance:
        return False
    expected = hmac.new(
        secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256
    ).hexdigest()
    return any(hmac.compare_digest("v1=" + expected, part.strip()) for part in signature.split(","))


@dataclass
class Received:
    path: str
    headers: dict
    body: bytes
    verified: bool


@dataclass
class Receiver:
    secret: str = ""
    script: list = field(default_factory=list)  # status codes to answer, in order; then 200
    redirect_to: str = ""
    received: list = field(default_factory=list)
    url: str = ""

    def answer(self) -> int:
        return self.script.pop(0) if self.script else 200


def serve(receiver: Receiver):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            headers = dict(self.headers.items())
            receiver.received.append(
                Received(self.path, headers, body, verify(receiver.secret, self.headers, body))
            )
            status = receiver.answer()
            self.send_response(status)
            if 300 <= status < 400:
                self.send_header("Location", receiver.redirect_to)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    return server, thread

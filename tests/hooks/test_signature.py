"""The signing scheme as docs/api.md documents it: the header is v1= and the hex HMAC-SHA256 of
"<timestamp>.<body>" with the secret; five minutes' tolerance."""

import hashlib
import hmac
import pathlib
import time

from clustermeet.hooks import signature


def test_the_signature_is_the_documented_hmac():
    body = b'{"id":"x","type":"poll.closed"}'
    expected = hmac.new(b"s3cret", b"1700000000." + body, hashlib.sha256).hexdigest()
    assert signature.sign("s3cret", 1700000000, body) == "v1=" + expected


def test_verify_accepts_the_signature_within_five_minutes():
    body = b"{}"
    header = signature.sign("k", 1000, body)
    assert [
        signature.verify("k", header, "1000", body, now=1000 + delta) for delta in (0, 300, -300)
    ] == [True, True, True]


def test_verify_refuses_an_old_timestamp_a_tampered_body_or_another_secret():
    body = b'{"a":1}'
    header = signature.sign("k", 1000, body)
    assert [
        signature.verify("k", header, "1000", body, now=1301),
        signature.verify("k", header, "1000", b'{"a":2}', now=1000),
        signature.verify("other", header, "1000", body, now=1000),
        signature.verify("k", header, "1001", body, now=1000),
        signature.verify("k", header, "soon", body, now=1000),
    ] == [False, False, False, False, False]


def test_verify_accepts_one_of_several_signatures():
    body = b"{}"
    header = "v1=deadbeef, " + signature.sign("k", 1000, body)
    assert signature.verify("k", header, "1000", body, now=1000) is True


def test_the_body_is_compact_sorted_utf8():
    assert signature.body_of({"b": "č", "a": [1, 2]}) == '{"a":[1,2],"b":"č"}'.encode()


def test_the_example_in_docs_api_md_verifies_a_real_signature():
    """docs/api.md's Python example, run as written, accepts our signature and refuses a
    tampered body."""
    text = (pathlib.Path(__file__).parents[2] / "docs" / "api.md").read_text()
    section = text[text.index("### Delivery and signature") :]
    start = section.index("```python\n") + len("```python\n")
    code = section[start : section.index("```", start)]
    namespace: dict = {}
    exec(code, namespace)
    now = int(time.time())
    body = b'{"id":"x","type":"poll.closed"}'
    headers = {
        "ClusterMeet-Timestamp": str(now),
        "ClusterMeet-Signature": signature.sign("k", now, body),
    }
    old = {**headers, "ClusterMeet-Timestamp": str(now - 301)}
    assert [
        namespace["verify"]("k", headers, body),
        namespace["verify"]("k", headers, body + b" "),
        namespace["verify"]("k", old, body),
    ] == [True, False, False]
    assert len(code.strip().splitlines()) <= 12

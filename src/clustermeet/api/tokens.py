"""The token format, `cm_<prefix>_<secret>`: 8 characters of prefix (shown in lists, the lookup
key) and 43 of secret (256 bits, url-safe base64). Only sha256(secret) is stored."""

import hashlib
import hmac
import re
import secrets
import string

PREFIX_ALPHABET = string.ascii_lowercase + string.digits
TOKEN = re.compile(r"^cm_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$")


def new_prefix() -> str:
    return "".join(secrets.choice(PREFIX_ALPHABET) for _ in range(8))


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def format_token(prefix: str, secret: str) -> str:
    return f"cm_{prefix}_{secret}"


def parse(value: str) -> tuple[str, str] | None:
    """(prefix, secret) of a well-formed token, else None."""
    match = TOKEN.match(value.strip())
    return (match.group(1), match.group(2)) if match else None


def matches(secret: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_secret(secret), stored_hash)

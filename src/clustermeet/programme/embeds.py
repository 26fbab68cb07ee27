"""Turn a stream or recording URL into something the page may embed after a click.
Nothing here is fetched: the page shows a play button, and only the click creates the iframe."""

from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"}
VIDEO_SUFFIXES = (".mp4", ".webm", ".m3u8")


@dataclass(frozen=True)
class Embed:
    url: str  # what the page links to
    embed_url: str  # what the iframe loads after the click ("" when not embeddable)
    provider: str  # shown to the viewer before they click


def _youtube_id(parsed) -> str:
    if parsed.hostname == "youtu.be":
        return parsed.path.lstrip("/").split("/")[0]
    if parsed.path == "/watch":
        return parse_qs(parsed.query).get("v", [""])[0]
    for prefix in ("/embed/", "/live/", "/shorts/"):
        if parsed.path.startswith(prefix):
            return parsed.path[len(prefix) :].split("/")[0]
    return ""


def embed_for(url: str) -> Embed | None:
    if not url:
        return None
    parsed = urlparse(url)
    host = (parsed.hostname or "").lower()
    if host in YOUTUBE_HOSTS and (video := _youtube_id(parsed)):
        # The privacy-enhanced domain sets no cookies until playback.
        return Embed(url, f"https://www.youtube-nocookie.com/embed/{video}?autoplay=1", "YouTube")
    if parsed.path.lower().endswith(VIDEO_SUFFIXES):
        return Embed(url, url, host)
    return Embed(url, "", host)

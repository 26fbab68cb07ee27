"""The page types of the site, each with who looks at it, on the demo conference: one list for the
accessibility test (axe-core) and the third-party request test. `demo_site` (conftest) loads
the demo, serves it with uvicorn and finds what the paths need (`refs`)."""

import re
from dataclasses import dataclass
from pathlib import Path

EVENT = "ecc-2020"
ONSITE_EVENT = "ecc-2022"  # in Prague: badges, check-in, site visits
VISIT = "clutex"
PITCH_SESSION = "pitching-for-contacts"
LIVE_SESSION = "policy-roundtable"  # polls and Q&A
CAFE_SESSION = "world-cafe-green"
AWARD = "cluster-manager-of-the-year"  # at both editions: a jury in 2020, videos in 2022
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@dataclass(frozen=True)
class PageType:
    name: str
    user: str | None  # a key of DemoSite.people, or None for an anonymous visitor
    path: str  # formatted with DemoSite.refs
    ready: str = "main"  # a selector that is visible once the page is ready
    live: bool = False  # the page connects to the websocket: wait until it is connected


EV = f"/events/{EVENT}"
PRG = f"/events/{ONSITE_EVENT}"
PAGE_TYPES: tuple[PageType, ...] = (
    PageType("event", None, f"{EV}/"),
    PageType("programme", None, f"{EV}/programme/"),
    PageType("session-live-panel", "participant", f"{EV}/sessions/{LIVE_SESSION}/", live=True),
    PageType("session-stream", None, f"{EV}/sessions/{{stream_session}}/", ready=".stream"),
    PageType("register", None, f"{EV}/register/"),
    PageType("login", None, "/accounts/login/"),
    PageType("my-agenda", "participant", f"{EV}/agenda/"),
    PageType("directory", "participant", f"{EV}/people/"),
    PageType("profile", "participant", f"{EV}/people/{{profile}}/"),
    PageType("my-meetings", "participant", f"{EV}/meetings/"),
    PageType("profile-editor", "participant", "/accounts/me/profile/"),
    PageType("marketplace", "participant", f"{EV}/marketplace/"),
    PageType("cafe-my-table", "seated", f"{EV}/sessions/{CAFE_SESSION}/cafe/", live=True),
    PageType("harvest", "organiser", f"{EV}/sessions/{CAFE_SESSION}/cafe/harvest/"),
    PageType("cafe-organise", "organiser", f"{EV}/sessions/{CAFE_SESSION}/cafe/organise/"),
    PageType("matchmaking-organise", "organiser", f"{EV}/matchmaking/organise/"),
    PageType(
        "moderator-console", "organiser", f"{EV}/sessions/{LIVE_SESSION}/moderate/", live=True
    ),
    PageType("presenter-view", "organiser", f"{EV}/sessions/{LIVE_SESSION}/present/", live=True),
    PageType("accessibility-statement", None, f"{EV}/accessibility/"),
    PageType("privacy-notice", None, f"{EV}/privacy/"),
    PageType("site-visits", None, f"{PRG}/visits/"),
    PageType("site-visit", "participant", f"{PRG}/visits/{VISIT}/"),
    PageType("site-visit-lists", "organiser", f"{PRG}/visits/{VISIT}/manage/"),
    PageType("site-visit-bus", "door", f"{PRG}/visits/{VISIT}/bus/"),
    PageType("my-ticket", "participant", f"{PRG}/ticket/"),
    PageType("badges", "organiser", f"{PRG}/badges/"),
    PageType("check-in", "door", f"{PRG}/checkin/"),
    PageType("check-in-kiosk", "door", f"{PRG}/checkin/kiosk/"),
    PageType("door-figures", "organiser", f"{PRG}/checkin/figures/"),
    PageType("exhibition", None, f"{EV}/exhibition/"),
    PageType("exhibition-floor", None, f"{PRG}/exhibition/floor/"),
    PageType("booth", "participant", f"{EV}/exhibition/{{booth}}/"),
    PageType("booth-dashboard", "speaker", f"{EV}/exhibition/{{booth}}/dashboard/"),
    PageType("booth-scan", "speaker", f"{PRG}/exhibition/{{stand}}/scan/"),
    PageType("pitch-session", "participant", f"{EV}/sessions/{PITCH_SESSION}/"),
    PageType("awards-index", None, f"{PRG}/awards/"),
    PageType("awards-ballot", "participant", f"{PRG}/awards/{AWARD}/vote/"),
    PageType("awards-nomination", None, f"{PRG}/awards/nominations/{{nomination}}/"),
    PageType("awards-kiosk", "door", f"{PRG}/awards/kiosk/"),
    PageType("awards-nominations", "organiser", f"{EV}/awards/nominations/{AWARD}/manage/"),
    PageType("awards-jury", "speaker", f"{EV}/awards/jury/"),
    PageType("awards-jury-ranking", "speaker", f"{EV}/awards/jury/{AWARD}/ranking/"),
    PageType("awards-jury-shortlist", "organiser", f"{EV}/awards/jury/{AWARD}/shortlist/"),
    PageType("awards-results", None, f"{PRG}/awards/results/"),
    PageType("awards-manage", "organiser", f"{EV}/awards/results/manage/"),
    PageType("awards-stage", "organiser", f"{PRG}/awards/results/stage/"),
    PageType("awards-log", "organiser", f"{EV}/awards/results/log/"),
    PageType("back-office-registrations", "organiser", "/admin/people/registration/"),
    PageType("back-office-import", "organiser", "/admin/people/registration/import/"),
    PageType("paper-editor", "organiser", f"{EV}/paper/edit/"),
    PageType("paper-introduction", "organiser", f"{EV}/paper/edit/introduction/?language=de"),
    PageType("paper-takeaways", "organiser", f"{EV}/paper/edit/takeaways/"),
    PageType("paper-public", None, f"{EV}/output-paper/"),
    PageType("paper-tables", None, f"{EV}/paper/tables/"),
    PageType("paper-compare", None, f"{EV}/paper/compare/"),
    PageType("live-dashboard", "organiser", f"{PRG}/dashboard/"),
    PageType("webhooks", "organiser", f"{EV}/webhooks/"),
    PageType("api-tokens", "participant", "/accounts/api-tokens/"),
)


def is_local(url: str) -> bool:
    """A request the page may make: to the server under test (or data:/blob: inside it)."""
    match = re.match(r"^([a-z][a-z0-9+.-]*):(//([^/?#]*))?", url)
    if match is None:
        return False
    scheme, host = match.group(1), (match.group(3) or "")
    if scheme in ("data", "blob", "about"):
        return True
    host = host.rsplit("@", 1)[-1]
    hostname = host[1:].split("]")[0] if host.startswith("[") else host.split(":")[0]
    return hostname in ("127.0.0.1", "localhost")

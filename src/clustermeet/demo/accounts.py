"""The four demo logins and what the organiser and participant accounts come with. The door
account is check-in staff at ECC 2022 only (`onsite_2022`): no registration anywhere."""

from clustermeet.demo.speakers import ORGANISATIONS
from clustermeet.demo.spec import OrgSpec, PersonSpec

DEMO_PASSWORD = "clustermeet-demo"
ORGANISER_EMAIL = "organiser@example.org"
PARTICIPANT_EMAIL = "participant@example.org"
SPEAKER_EMAIL = "speaker@example.org"  # a real speaker of 2020: speakers.PEOPLE["krystowski"],
# also staff of his cluster's booth at ECC 2020 and of stand A01 in Prague: the exhibitor's view
DOOR_EMAIL = "door@example.org"
LOGIN_EMAILS = (ORGANISER_EMAIL, PARTICIPANT_EMAIL, SPEAKER_EMAIL, DOOR_EMAIL)

ORGANISERS_GROUP = "Organisers"
ORGANISER_APPS = ("events", "people", "programme", "live", "cafe", "networking", "paper")

ACCOUNTS: dict[str, tuple[PersonSpec, OrgSpec | None]] = {
    "organiser": (
        PersonSpec("Olivia", "Martens", "Event organiser", "eccp", "BE", email=ORGANISER_EMAIL),
        ORGANISATIONS["eccp"],
    ),
    "participant": (
        PersonSpec("Petra", "Horvat", "Project Manager", "", "HR", email=PARTICIPANT_EMAIL),
        OrgSpec("Zagreb Textile & Fashion Cluster", "cluster", "HR", ("textiles", "retail")),
    ),
    "door": (
        PersonSpec("Tereza", "Malá", "Check-in staff", "nca", "CZ", email=DOOR_EMAIL),
        ORGANISATIONS["nca"],
    ),
}
PARTICIPANT_PROFILE = {
    "offering": "Textile waste sorting technology and access to our member companies for pilots.",
    "looking_for": "Recycled fibre supply and cluster partners for a joint European project.",
    "ecosystems": ("textiles", "retail"),
}
PARTICIPANT_BOOKMARKS = ("keynote-ketels", "world-cafe-green", "workshop-textiles")

# Invitation-only side events: who is invited (keys of speakers.PEOPLE or ACCOUNTS)
INVITED = {
    "ecc-2020-partnerships": (
        "organiser",
        "participant",
        "campanella",
        "verhaeghe",
        "sanchez-escrich",
        "venturini",
        "udatha",
        "pavlica",
        "pfeil",
    ),
    "ecc-2020-associations": ("organiser", "novo", "acs", "nielsen", "willems", "herinek"),
}
# The first synthetic participants from network organisations are invited to the associations day
INVITED_SYNTHETIC_NETWORKERS = 6

"""The back office of the on-site day: each sub-package registers its own models."""

from clustermeet.onsite.badges import admin as badges_admin  # noqa: F401
from clustermeet.onsite.bookings import admin as bookings_admin  # noqa: F401
from clustermeet.onsite.checkin import admin as checkin_admin  # noqa: F401

"""The refusals of the on-site services (badges, check-in, bookings)."""

from clustermeet.refusal import Refused


class OnsiteError(Refused):
    pass

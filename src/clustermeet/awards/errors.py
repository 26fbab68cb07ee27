"""The refusals of the awards' services (nominations, jury, votes, results)."""

from clustermeet.refusal import Refused


class AwardsError(Refused):
    pass

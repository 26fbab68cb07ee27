"""The refusals of the webhooks' services."""

from clustermeet.refusal import Refused


class HooksError(Refused):
    pass

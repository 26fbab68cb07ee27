"""The refusals of the exhibition's services (booths, leads, pitches)."""

from clustermeet.refusal import Refused


class ExhibitionError(Refused):
    pass

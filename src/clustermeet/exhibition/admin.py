"""The back office of the exhibition: each sub-package registers its own models."""

from clustermeet.exhibition.booths import admin as booths_admin  # noqa: F401
from clustermeet.exhibition.leads import admin as leads_admin  # noqa: F401
from clustermeet.exhibition.pitches import admin as pitches_admin  # noqa: F401

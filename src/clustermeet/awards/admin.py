"""The back office of the awards: each sub-package registers its own models."""

from clustermeet.awards.jury import admin as jury_admin  # noqa: F401
from clustermeet.awards.nominations import admin as nominations_admin  # noqa: F401
from clustermeet.awards.results import admin as results_admin  # noqa: F401

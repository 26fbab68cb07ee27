"""The demo installation: the European Cluster Conference 2020 with its full programme, the side
events of 2020, the 2022 Prague edition, an "EU Clusters Talks" session, and 1,050 synthetic
participants generated deterministically.

Modules: `spec` (plain dataclasses describing what to create), the data modules
(`speakers`, `programme_2020`, `workshops_2020`, `other_events`, `names`, `phrases`),
`synthetic` (the participant generator, no database access) and `loader` (the only module
that writes; `load_demo()` is idempotent and runs in one transaction).
"""

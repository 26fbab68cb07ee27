"""The paper's figures, one module per section, each a function `(event) -> dataclass | None`
that reads what happened in a fixed number of queries whatever the event's size (None: the
section has no data and is left out of the document). The numbers come from the apps' own
queries (`reports.queries.event_stats`, `live.tally`, `cafe.harvest.themes`,
`networking.meetings.queries.networking_figures`, `reports.queries.exhibition_figures`)."""

"""The organisers' live dashboard (issue 14): the event's figures in one read
(`queries.dashboard_figures`), a page that renders them with small server-side SVG charts, and
their updates over the event's websocket (`reports.subscribe_dashboard`, docs/protocol.md) from
a per-event ticker that runs while the dashboard has subscribers (`ticker.py`)."""

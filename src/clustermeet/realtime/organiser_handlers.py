"""The organisers' messages of the event's websocket (`realtime/consumer.py` mixes them in):
the door figures of the on-site day (onsite.permissions) and the live dashboard
(reports.dashboard.permissions)."""

from channels.db import database_sync_to_async

from clustermeet.onsite import permissions as onsite_permissions
from clustermeet.onsite.checkin import messages as door_messages
from clustermeet.realtime.protocol import Forbidden
from clustermeet.reports.dashboard import messages as dashboard_messages
from clustermeet.reports.dashboard import permissions as dashboard_permissions
from clustermeet.reports.dashboard.ticker import tickers


class OrganiserHandlers:
    # --- the door figures of the on-site day (organisers only: onsite.permissions) -------------

    async def on_onsite_subscribe_door(self, data):
        allowed = await database_sync_to_async(onsite_permissions.is_organiser)(
            self.user, self.event
        )
        if not allowed:
            raise Forbidden
        group = door_messages.group_name(self.event.pk)
        await self._join(group)
        self.door_group = group
        figures = await database_sync_to_async(door_messages.figures_payload)(self.event)
        return "onsite.door_snapshot", figures

    # --- the organisers' live dashboard (reports.dashboard.permissions) ------------------------

    async def on_reports_subscribe_dashboard(self, data):
        allowed = await database_sync_to_async(dashboard_permissions.can_see_dashboard)(
            self.user, self.event
        )
        if not allowed:
            raise Forbidden
        # Join the ticker first, then read the snapshot: from then on every tick whose
        # figures differ from the snapshot's reaches this connection — held until the
        # snapshot is sent, then sent after it.
        if self._held is None:
            self._held = []
        tickers().join(self.event.pk, self)
        self.dashboard = True
        try:
            figures = await database_sync_to_async(dashboard_messages.figures_payload)(self.event)
        except BaseException:
            self.dashboard = False
            await tickers().leave(self.event.pk, self)
            raise
        tickers().shown(self.event.pk, self, dashboard_messages.event_text(figures))
        return dashboard_messages.SNAPSHOT, figures

    async def on_reports_unsubscribe_dashboard(self, data):
        if self.dashboard:
            self.dashboard = False
            await tickers().leave(self.event.pk, self)
        return "ok", {}

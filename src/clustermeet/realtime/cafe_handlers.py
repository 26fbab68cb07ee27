"""The world café's messages of the event's websocket (`realtime/consumer.py` mixes them in):
subscribe to a table's notes, leave it, write a note — cafe.permissions decides who reads and
writes."""

from channels.db import database_sync_to_async
from django.utils.translation import gettext as _

from clustermeet.cafe import messages as cafe_messages
from clustermeet.cafe import permissions as cafe_permissions
from clustermeet.cafe import services as cafe_services
from clustermeet.cafe.models import CafeQuestion, CafeRound, CafeTable
from clustermeet.realtime.fanout import groups
from clustermeet.realtime.protocol import Forbidden


class CafeHandlers:
    @database_sync_to_async
    def _cafe_table(self, table_id: int, round_id: int):
        """The table and round of a café of this event, if both exist and belong together."""
        table = (
            CafeTable.objects.select_related("cafe__session__event")
            .filter(pk=table_id, cafe__session__event=self.event)
            .first()
        )
        rnd = CafeRound.objects.filter(pk=round_id).first()
        if table is None or rnd is None or rnd.cafe_id != table.cafe_id:
            raise cafe_services.CafeError("not_found", _("No such table in this round."))
        return table, rnd

    async def on_cafe_subscribe_table(self, data):
        table, rnd = await self._cafe_table(data.table, data.round)
        if not await database_sync_to_async(cafe_permissions.can_read_notes)(self.user, table, rnd):
            raise Forbidden
        group = cafe_messages.group_name(table.pk, rnd.pk)
        await self._join(group)
        self.cafe_groups.add(group)

        def snapshot():
            can_write = cafe_permissions.can_write_notes(self.user, table, rnd)
            return cafe_messages.table_snapshot(table, rnd, can_write)

        return "cafe.snapshot", await database_sync_to_async(snapshot)()

    async def on_cafe_unsubscribe_table(self, data):
        group = cafe_messages.group_name(data.table, data.round)
        if group in self.cafe_groups:
            self.cafe_groups.discard(group)
            await groups().leave(group, self)
        return "ok", {}

    async def on_cafe_note(self, data):
        table, rnd = await self._cafe_table(data.table, data.round)

        def save():
            question = CafeQuestion.objects.filter(pk=data.question, cafe=table.cafe_id).first()
            if question is None:
                raise cafe_services.CafeError("not_found", _("No such question in this café."))
            return cafe_services.save_note(table, rnd, question, data.text, self.user)

        note = await database_sync_to_async(save)()
        return "ack", {
            "table": note.table_id,
            "round": note.round_id,
            "question": note.question_id,
            "updated_at": note.updated_at.isoformat(),
        }

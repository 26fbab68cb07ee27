"""How broadcasts reach one connection (the relay calls `deliver`): held while a snapshot is
read, and a client that stopped reading is disconnected instead of holding up the others."""

import asyncio
import json

from clustermeet.realtime.consumer import TOO_SLOW, EventConsumer


class Transport:
    """Stands in for uvicorn's websocket protocol: its send waits while the socket's buffer is
    above the high-water mark (`writable` cleared)."""

    def __init__(self):
        self.writable = asyncio.Event()
        self.writable.set()
        self.sent: list[dict] = []

    async def send(self, message: dict) -> None:
        await self.writable.wait()
        self.sent.append(message)


def _consumer(transport: Transport) -> EventConsumer:
    consumer = EventConsumer()
    consumer.base_send = transport.send
    return consumer


def test_broadcasts_wait_for_the_reply_that_carries_the_snapshot():
    async def scenario():
        transport = Transport()
        consumer = _consumer(transport)
        consumer._held = []  # as after joining a group, before the snapshot is read
        await consumer.deliver('{"type":"poll.update","data":{"version":7}}')
        assert transport.sent == []

        await consumer.receive(text_data='{"type": "ping", "id": "1"}')

        texts = [message["text"] for message in transport.sent]
        assert [json.loads(text)["type"] for text in texts] == ["pong", "poll.update"]
        await consumer.deliver('{"type":"poll.update","data":{"version":8}}')
        assert len(transport.sent) == 3

    asyncio.run(scenario())


def test_a_client_that_stopped_reading_is_closed_not_waited_for():
    async def scenario():
        transport = Transport()
        consumer = _consumer(transport)
        await consumer.deliver("first")
        transport.writable.clear()  # the client stopped reading; its buffer is full

        await asyncio.wait_for(consumer.deliver("second"), timeout=1)
        await asyncio.wait_for(consumer.deliver("third"), timeout=1)
        assert transport.sent == [{"type": "websocket.send", "text": "first"}]

        transport.writable.set()
        await consumer._dropping
        assert transport.sent[1:] == [{"type": "websocket.close", "code": TOO_SLOW}]

    asyncio.run(scenario())


class ServerTransport:
    def __init__(self):
        self.written: list[bytes] = []
        self.closing = False

    def write(self, data: bytes) -> None:
        self.written.append(data)

    def is_closing(self) -> bool:
        return self.closing


class Server(Transport):
    """Stands in for uvicorn's websockets-sansio protocol: the sans-io connection, the
    transport, and the flags its own send checks."""

    def __init__(self, extensions=()):
        from websockets.protocol import State

        super().__init__()
        self.conn = type("Conn", (), {"extensions": list(extensions), "state": State.OPEN})()
        self.transport = ServerTransport()
        self.handshake_complete = True
        self.close_sent = False
        self.disconnected = False
        self.initial_response = None


class SessionWrapper:
    """Channels' session middleware: it wraps the server's send."""

    def __init__(self, send):
        self.real_send = send

    async def send(self, message):
        await self.real_send(message)


def _parse_frame(data: bytes):
    from websockets.frames import Frame
    from websockets.streams import StreamReader

    reader = StreamReader()
    reader.feed_data(data)
    parser = Frame.parse(reader.read_exact, mask=False)
    try:
        next(parser)
    except StopIteration as done:
        return done.value
    raise AssertionError("incomplete frame")


def test_a_broadcast_is_written_as_one_frame_serialised_once_for_every_socket():
    from websockets.frames import Opcode

    async def scenario():
        servers = [Server() for _ in range(3)]
        consumers = []
        for server in servers:
            consumer = EventConsumer()
            consumer.base_send = SessionWrapper(server.send).send
            consumers.append(consumer)
        text = '{"type":"poll.update","data":{"id":3,"version":9}}'
        for consumer in consumers:
            await consumer.deliver(text)
        frames = [server.transport.written for server in servers]
        assert all(len(written) == 1 for written in frames)
        assert frames[0][0] is frames[1][0] is frames[2][0]  # serialised once
        frame = _parse_frame(frames[0][0])
        assert (frame.opcode, frame.data.decode()) == (Opcode.TEXT, text)
        assert all(server.sent == [] for server in servers)

    asyncio.run(scenario())


def test_a_compressed_or_closing_connection_gets_broadcasts_through_its_own_send():
    async def scenario():
        compressed, closing = Server(extensions=["permessage-deflate"]), Server()
        closing.close_sent = True
        for server in (compressed, closing):
            consumer = EventConsumer()
            consumer.base_send = SessionWrapper(server.send).send
            await consumer.deliver("hello")
            assert server.transport.written == []
            assert server.sent == [{"type": "websocket.send", "text": "hello"}]

    asyncio.run(scenario())


def test_a_stalled_client_is_seen_through_the_session_middleware():
    async def scenario():
        server = Server()
        consumer = EventConsumer()
        consumer.base_send = SessionWrapper(server.send).send
        server.writable.clear()  # the client stopped reading
        await asyncio.wait_for(consumer.deliver("second"), timeout=1)
        assert server.transport.written == []
        server.writable.set()
        await consumer._dropping
        assert server.sent == [{"type": "websocket.close", "code": TOO_SLOW}]

    asyncio.run(scenario())

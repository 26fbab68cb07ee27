import pytest

from tests.hooks.receiver import Receiver, serve


@pytest.fixture(autouse=True)
def _local_webhooks(settings):
    """The tests' receiver listens on plain HTTP on 127.0.0.1."""
    settings.CLUSTERMEET_WEBHOOKS_ALLOW_LOCAL = True


@pytest.fixture
def receiver():
    receiver = Receiver()
    server, thread = serve(receiver)
    yield receiver
    server.shutdown()
    server.server_close()
    thread.join(5)

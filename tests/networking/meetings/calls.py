"""Calling the meetings services as a request would: with their on-commit callbacks run (the
e-mails), and refusals checked by code."""

import pytest
from django.test import TestCase

from clustermeet.networking.meetings import services
from clustermeet.networking.meetings.services import NetworkingError


def do(call, *args, **kwargs):
    """Run a service and, as a real commit would, its on-commit callbacks (the e-mails)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return call(*args, **kwargs)


def send(event, sender, recipient, **kwargs):
    return do(services.send_request, event=event, sender=sender, recipient=recipient, **kwargs)


def refused(code, call, *args, **kwargs):
    with pytest.raises(NetworkingError) as error:
        do(call, *args, **kwargs)
    assert error.value.code == code
    return error.value

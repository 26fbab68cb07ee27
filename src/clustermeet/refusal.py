"""What a service raises when it refuses an action: `code` is machine-readable (websocket
`error` replies, tests), the message is written for the person who tried. Each app names its own
subclass (LiveError, CafeError, NetworkingError, …) so callers can catch one app's refusals."""


class Refused(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code

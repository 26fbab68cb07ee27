"""The API's refusals: `ApiError(status, code, message, field)` becomes the JSON error body
`{"code", "message", "field"}` (see `handlers.py`). `TokenError` is what the token services
refuse."""

from clustermeet.refusal import Refused


class TokenError(Refused):
    pass


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, field: str | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.field = field

"""What every operation shares: the error body and the page of a list."""

from typing import Generic, TypeVar

from ninja import Field, Schema

T = TypeVar("T")


class Error(Schema):
    code: str = Field(description="Stable, machine-readable code, e.g. `not_found`.")
    message: str = Field(description="For people, in the caller's language.")
    field: str | None = Field(None, description="The input at fault, when there is one.")


class Page(Schema, Generic[T]):
    items: list[T]
    next: str | None = Field(None, description="The next page's URL; null on the last page.")
    next_cursor: str | None = Field(None, description="Pass as `cursor` for the next page.")


# The errors every operation may answer, added to each operation's responses.
READ_ERRORS = {401: Error, 403: Error, 404: Error, 422: Error, 429: Error}
# Operations with a body also answer 400 `bad_request` when it is not JSON.
WRITE_ERRORS = {400: Error, **READ_ERRORS}


def listing(schema):
    return {200: Page[schema], **READ_ERRORS}


def one(schema, status: int = 200, *, body: bool = False):
    return {status: schema, **(WRITE_ERRORS if body else READ_ERRORS)}

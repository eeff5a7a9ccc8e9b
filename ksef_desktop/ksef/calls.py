"""One authenticated ksef-client call: fresh token, 401 recovery, error mapping, retry."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from ksef_desktop.domain.errors import KsefApiError
from ksef_desktop.ksef.auth import TokenAuth, mapped
from ksef_desktop.ksef.errors import is_unauthorized
from ksef_desktop.ksef.retry import RetryPolicy, is_transient

T = TypeVar("T")


def never(error: Exception) -> bool:
    """A ``retry_if`` for requests whose repetition must be decided by the caller."""
    return False


class ApiCaller:
    """Runs protected ksef-client calls with the current access token.

    A 401 (token expired early or invalidated) triggers one refresh and one
    immediate repeat; transient failures go through the retry policy unless the
    caller says the request is not safe to repeat.
    """

    def __init__(self, auth: TokenAuth, retry: RetryPolicy) -> None:
        self.auth = auth
        self.retry = retry

    def once(self, operation: str, fn: Callable[[str], T]) -> T:
        """One attempt (plus one after a 401 refresh), mapped into domain errors."""
        token = self.auth.access_token()
        try:
            return mapped(operation, lambda: fn(token))
        except KsefApiError as error:
            if not is_unauthorized(error):
                raise
            self.auth.invalidate(token)
        fresh = self.auth.access_token()
        return mapped(operation, lambda: fn(fresh))

    def call(
        self,
        operation: str,
        fn: Callable[[str], T],
        *,
        retry_if: Callable[[Exception], bool] = is_transient,
    ) -> T:
        """``once`` under the retry policy (idempotent requests)."""
        return self.retry.run(
            lambda: self.once(operation, fn), operation=operation, retry_if=retry_if
        )


def has_code(error: Exception, *codes: int) -> bool:
    return isinstance(error, KsefApiError) and error.ksef_code in codes

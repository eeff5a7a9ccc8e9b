"""``application/problem+json`` answers with the stable types of ``contract.api.ProblemType``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from fastapi.responses import JSONResponse
from pydantic import ValidationError

from ksef_desktop.contract.api import FieldError, Problem, ProblemType
from ksef_desktop.support.i18n import tr

PROBLEM_JSON = "application/problem+json"

_TITLES = {
    401: tr("Unauthorized"),
    403: tr("Forbidden"),
    404: tr("Not found"),
    409: tr("Conflict"),
    413: tr("Request body too large"),
    422: tr("Unprocessable document"),
    500: tr("Internal error"),
    503: tr("Not available"),
}


class ProblemError(Exception):
    """Raised anywhere in a request; rendered by the app's exception handler."""

    def __init__(
        self,
        status: int,
        code: ProblemType,
        detail: str,
        errors: Sequence[FieldError] = (),
    ) -> None:
        super().__init__(detail)
        self.problem = make_problem(status, code, detail, errors)


def make_problem(
    status: int, code: ProblemType, detail: str, errors: Sequence[FieldError] = ()
) -> Problem:
    return Problem(
        type=code.uri,
        title=_TITLES.get(status, tr("Error")),
        status=status,
        detail=detail,
        code=code,
        errors=list(errors),
    )


def problem_response(problem: Problem) -> JSONResponse:
    return JSONResponse(
        problem.model_dump(mode="json"), status_code=problem.status, media_type=PROBLEM_JSON
    )


def loc_text(loc: Iterable[Any]) -> str:
    """``("lines", 0, "unit_price")`` → ``lines[0].unit_price``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text or "body"


def field_errors(exc: ValidationError, prefix: Sequence[Any] = ()) -> list[FieldError]:
    return [
        FieldError(loc=loc_text([*prefix, *err["loc"]]), message=err["msg"])
        for err in exc.errors(include_url=False)
    ]


def malformed(exc: ValidationError, prefix: Sequence[Any] = ()) -> ProblemError:
    errors = field_errors(exc, prefix)
    first = errors[0] if errors else None
    detail = (
        tr("The request body is not a valid document: {loc}: {message}").format(
            loc=first.loc, message=first.message
        )
        if first
        else tr("The request body is not a valid document.")
    )
    return ProblemError(422, ProblemType.MALFORMED_BODY, detail, errors)

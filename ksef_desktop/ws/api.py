"""The ``/api/v1`` routes: health, connection test, validate, submit, status, FA(3), UPO, list."""

from __future__ import annotations

import datetime as dt
import time
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import TypeAdapter, ValidationError

import ksef_desktop
from ksef_desktop.contract.api import (
    BatchSubmit,
    CheckId,
    CheckStatus,
    ConnectionTestResult,
    DocumentPage,
    DocumentState,
    DocumentStatus,
    Health,
    Problem,
    ProblemType,
    StatusQuery,
    ValidateResult,
)
from ksef_desktop.support.i18n import tr
from ksef_desktop.ws import checks
from ksef_desktop.ws.auth import Caller, signed
from ksef_desktop.ws.config import CompanyConfig
from ksef_desktop.ws.intake import parse_document, parse_json, prepare, problems_out
from ksef_desktop.ws.intake_pool import new_document
from ksef_desktop.ws.problems import PROBLEM_JSON, ProblemError, malformed
from ksef_desktop.ws.service import Service
from ksef_desktop.ws.store import (
    ConflictError,
    NewDocument,
    StoredDocument,
    Submission,
    decode_cursor,
    encode_cursor,
)

Signed = Annotated[Caller, Depends(signed)]
_BATCH_RESULT: TypeAdapter[list[DocumentStatus | Problem]] = TypeAdapter(
    list[DocumentStatus | Problem]
)


def _problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {
        s: {"model": Problem, "content": {PROBLEM_JSON: {}}, "description": "Problem details"}
        for s in statuses
    }


def body_of(model_name: str) -> dict[str, Any]:
    """OpenAPI text for a body read by hand (after the signature, not before)."""
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": f"#/components/schemas/{model_name}"}}
            },
        }
    }


SIGNED = _problem_responses(401, 403, 413, 422)
router = APIRouter()


def _service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


def _company(service: Service, caller: Caller) -> CompanyConfig:
    company = service.config.companies.get(caller.nip)
    if company is None:
        raise ProblemError(
            403,
            ProblemType.COMPANY_NOT_CONFIGURED,
            tr("The company {nip} is not configured in this web service.").format(nip=caller.nip),
        )
    return company


def _found(doc: StoredDocument | None, doc_id: str) -> StoredDocument:
    if doc is None:
        raise ProblemError(
            404,
            ProblemType.NOT_FOUND,
            tr("No document {id} of your company is known here.").format(id=doc_id),
        )
    return doc


@router.get("/health", response_model=Health, tags=["service"])
def health(request: Request) -> Health:
    """Version and status; the only call that needs no signature."""
    service = _service(request)
    return Health(
        version=ksef_desktop.__version__,
        status="ok" if service.worker.alive() else "degraded",
        time=dt.datetime.now(dt.UTC),
    )


@router.post(
    "/connection-test",
    response_model=ConnectionTestResult,
    responses=_problem_responses(401, 413),
    tags=["service"],
)
def connection_test(request: Request, caller: Signed) -> ConnectionTestResult:
    """Every check the desktop's CONNECTION TEST shows, in ``CheckId`` order."""
    service = _service(request)
    now = time.time()
    results = [
        checks.timed(
            CheckId.KEY,
            lambda: (
                CheckStatus.OK,
                tr("Key {key} is registered for NIP {nip}.").format(
                    key=caller.key.key_id, nip=caller.nip
                ),
                None,
            ),
        )
    ]
    company = service.config.companies.get(caller.nip)
    if company is None:
        results.append(
            checks.skipped(CheckId.COMPANY, "").model_copy(
                update={
                    "status": CheckStatus.FAILED,
                    "message": tr("NIP {nip} has no [company {nip}] section in ksef.ini.").format(
                        nip=caller.nip
                    ),
                    "hint": tr("Ask the operator to add the company to ksef.ini and restart."),
                }
            )
        )
    else:
        results.append(
            checks.timed(
                CheckId.COMPANY,
                lambda: (
                    CheckStatus.OK,
                    tr("Company {nip} is configured ({env}).").format(
                        nip=company.nip, env=company.environment.name
                    ),
                    None,
                ),
            )
        )
    results.append(checks.timed(CheckId.CLOCK, checks.clock_check(caller.created, now)))
    if company is None:
        why = tr("Not checked: the company is not configured.")
        results += [
            checks.skipped(c, why)
            for c in (
                CheckId.KSEF_REACHABLE,
                CheckId.KSEF_TOKEN,
                CheckId.PERMISSION,
                CheckId.SESSION_MODE,
            )
        ]
    else:
        results += checks.company_checks(company, service.tuning)
    return ConnectionTestResult(
        ok=all(c.status is not CheckStatus.FAILED for c in results) and company is not None,
        checks=results,
        server_time=dt.datetime.now(dt.UTC),
        company_nip=caller.nip,
        environment=company.environment.name if company else None,
        session_mode=company.session_mode if company else None,
    )


@router.post(
    "/documents/validate",
    response_model=ValidateResult,
    responses=SIGNED,
    openapi_extra=body_of("ErpDocument"),
    tags=["documents"],
)
def validate(request: Request, caller: Signed) -> ValidateResult:
    """The FA(3) the document would become and its problems; nothing is stored."""
    erp = parse_document(parse_json(caller.body))
    prepared = prepare(erp, caller.nip)
    return ValidateResult(
        valid=prepared.valid,
        problems=problems_out(prepared.problems),
        fa3=prepared.fa3.decode("utf-8"),
    )


def _conflict(exc: ConflictError) -> ProblemError:
    return ProblemError(409, ProblemType.CONFLICT, exc.message)


@router.post(
    "/documents",
    status_code=202,
    response_model=DocumentStatus,
    responses={
        200: {"model": DocumentStatus, "description": "The same content again"},
        **_problem_responses(401, 403, 409, 413, 422),
    },
    openapi_extra=body_of("ErpDocument"),
    tags=["documents"],
)
def submit(request: Request, response: Response, caller: Signed) -> DocumentStatus:
    """Accept a document for delivery: stored and committed before this answer.

    Idempotent on the ERP's document id (per company) and the SHA-256 of the
    document's canonical JSON. 202 when stored; 200 with the existing record when
    the same content comes again. Different content under a known id replaces
    the stored document only while KSeF certainly does not hold it (still queued
    and never handed to KSeF, or rejected by KSeF); once a send may have reached
    KSeF, or KSeF accepted it, the answer is 409 (an accepted invoice changes
    only through a correction document).
    """
    service = _service(request)
    company = _company(service, caller)
    erp = parse_document(parse_json(caller.body))
    try:
        new = new_document(company.nip, company.session_mode, erp, "")
        doc, outcome = service.store.submit(new)
    except ConflictError as exc:
        raise _conflict(exc) from exc
    if outcome is Submission.SAME:
        response.status_code = 200
    else:
        service.worker.notify(company.nip)
    return doc.status


@router.post(
    "/documents/batch",
    response_model=list[DocumentStatus | Problem],
    responses=SIGNED,
    openapi_extra=body_of("BatchSubmit"),
    tags=["documents"],
)
def submit_batch(request: Request, caller: Signed) -> Response:
    """Many documents at once; each item is its status or the problem that refused it."""
    service = _service(request)
    company = _company(service, caller)
    try:
        batch = BatchSubmit.model_validate(parse_json(caller.body))
    except ValidationError as exc:
        raise malformed(exc) from None
    items = [(erp, f"documents[{index}].") for index, erp in enumerate(batch.documents)]
    result: list[DocumentStatus | Problem] = []
    # Committed (durably) and handed to the senders group by group, so the first
    # documents are on their way to KSeF while the rest of the batch is still checked.
    for group in service.intake.groups(company.nip, company.session_mode, items):
        ready = [new for new in group if isinstance(new, NewDocument)]
        stored = iter(service.store.submit_many(ready)) if ready else iter(())
        for new in group:
            if not isinstance(new, NewDocument):
                result.append(new)
                continue
            outcome = next(stored)
            result.append(
                _conflict(outcome).problem
                if isinstance(outcome, ConflictError)
                else outcome[0].status
            )
        if ready:
            service.worker.notify(company.nip)
    # Serialised here: every item is a validated model already (see ``statuses``).
    return Response(_BATCH_RESULT.dump_json(result), media_type="application/json")


@router.post(
    "/documents/status",
    response_model=DocumentPage,
    responses=SIGNED,
    openapi_extra=body_of("StatusQuery"),
    tags=["documents"],
)
def statuses(request: Request, caller: Signed) -> Response:
    """Statuses of many ids; ids this company never submitted are left out."""
    service = _service(request)
    try:
        query = StatusQuery.model_validate(parse_json(caller.body))
    except ValidationError as exc:
        raise malformed(exc) from None
    page = DocumentPage(items=service.store.statuses(caller.nip, query.ids))
    # Serialised here: the page was just built from validated models, and clients poll
    # this with hundreds of ids, so FastAPI's second validation pass is pure cost.
    return Response(page.model_dump_json(), media_type="application/json")


@router.get(
    "/documents",
    response_model=DocumentPage,
    responses=_problem_responses(401, 422),
    tags=["documents"],
)
def list_documents(
    request: Request,
    caller: Signed,
    *,
    status: DocumentState | None = None,
    since: Annotated[
        dt.datetime | None, Query(description="Changed at or after this time.")
    ] = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> Response:
    """This company's documents, oldest first, ``next_cursor`` for the next page."""
    service = _service(request)
    try:
        after = decode_cursor(cursor) if cursor else 0
    except ValueError:
        raise ProblemError(
            422, ProblemType.MALFORMED_BODY, tr("The cursor is not one this service gave out.")
        ) from None
    since_text = None
    if since is not None:
        aware = since if since.tzinfo else since.replace(tzinfo=dt.UTC)
        since_text = aware.astimezone(dt.UTC).isoformat(timespec="microseconds")
    items, last = service.store.page(
        caller.nip, state=status, since=since_text, after=after, limit=limit
    )
    page = DocumentPage(items=items, next_cursor=encode_cursor(last) if last else None)
    return Response(page.model_dump_json(), media_type="application/json")  # see ``statuses``


@router.get(
    "/documents/{doc_id:path}/fa3",
    response_class=Response,
    responses={200: {"content": {"application/xml": {}}}, **_problem_responses(401, 404)},
    tags=["documents"],
)
def document_fa3(request: Request, doc_id: str, caller: Signed) -> Response:
    """The FA(3) XML built from the document (the bytes sent to KSeF)."""
    doc = _found(_service(request).store.get(caller.nip, doc_id), doc_id)
    return Response(doc.fa3, media_type="application/xml")


@router.get(
    "/documents/{doc_id:path}/upo",
    response_class=Response,
    responses={200: {"content": {"application/xml": {}}}, **_problem_responses(401, 404)},
    tags=["documents"],
)
def document_upo(request: Request, doc_id: str, caller: Signed) -> Response:
    """The UPO (official receipt) covering the document, once KSeF published it."""
    service = _service(request)
    doc = _found(service.store.get(caller.nip, doc_id), doc_id)
    upo = (
        service.store.upo(doc.session_reference, doc.ksef_number)
        if doc.session_reference and doc.state is DocumentState.ACCEPTED
        else None
    )
    if upo is None:
        raise ProblemError(
            404,
            ProblemType.NOT_AVAILABLE,
            tr("KSeF has not published the UPO of document {id} yet.").format(id=doc_id),
        )
    return Response(upo, media_type="application/xml")


@router.get(
    "/documents/{doc_id:path}",
    response_model=DocumentStatus,
    responses=_problem_responses(401, 404),
    tags=["documents"],
)
def document_status(request: Request, doc_id: str, caller: Signed) -> DocumentStatus:
    """Status, KSeF number and reference, KSeF's code and text, attempts, UPO availability."""
    return _found(_service(request).store.get(caller.nip, doc_id), doc_id).status

"""The WS HTTP API (``/api/v1``): response models and stable problem types, shared by both sides.

The WS serves these models and the desktop's client parses them, so a change
here is a change of the published contract (``schemas/ws-openapi.json``).
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from ksef_desktop.contract.documents import ErpDocument

API_PREFIX = "/api/v1"
API_VERSION = 1
PROBLEM_TYPE_BASE = "urn:ksef-ws:problem:"
MAX_BATCH = 500


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class Health(_Out):
    service: Literal["ksef-ws"] = "ksef-ws"
    version: str
    api_version: int = API_VERSION
    status: Literal["ok", "degraded"]
    time: datetime


class CheckStatus(enum.StrEnum):
    OK = "ok"
    WARNING = "warning"
    FAILED = "failed"


class CheckId(enum.StrEnum):
    """The checks of ``POST /connection-test``, in the order they run."""

    KEY = "key"  # the signing key is registered and not revoked
    COMPANY = "company"  # the key's NIP has a [company NIP] section in ksef.ini
    CLOCK = "clock"  # the client's clock is within the signature window
    KSEF_REACHABLE = "ksef_reachable"
    KSEF_TOKEN = "ksef_token"  # noqa: S105 - a check name; the company's token authenticates
    PERMISSION = "permission"  # the token may send invoices
    SESSION_MODE = "session_mode"


class Check(_Out):
    id: CheckId
    status: CheckStatus
    message: str
    hint: str | None = Field(None, description="What to do next when the check is not ok.")
    duration_ms: float


class ConnectionTestResult(_Out):
    ok: bool
    checks: list[Check]
    server_time: datetime
    company_nip: str | None = None
    environment: str | None = None
    session_mode: Literal["immediate", "batch"] | None = None


class ProblemOut(_Out):
    """One FA(3) validation problem (see ``ksef_desktop.fa3.Problem``)."""

    severity: Literal["error", "warning"]
    code: str
    message: str
    path: str | None = None
    line: int | None = None
    field: str | None = None


class ValidateResult(_Out):
    valid: bool
    problems: list[ProblemOut]
    fa3: str | None = Field(None, description="The FA(3) XML built from the document.")


class DocumentState(enum.StrEnum):
    QUEUED = "queued"  # stored durably, not yet sent
    SENDING = "sending"  # in a KSeF session, waiting for the outcome
    ACCEPTED = "accepted"  # KSeF assigned a number
    AWAITING = "awaiting"  # a transient failure; the WS keeps retrying
    REJECTED = "rejected"  # KSeF refused the data; a person must act


class DocumentStatus(_Out):
    id: str
    number: str
    state: DocumentState
    content_sha256: str
    session_mode: Literal["immediate", "batch"]
    ksef_number: str | None = None
    ksef_reference: str | None = Field(None, description="The invoice reference in KSeF.")
    session_reference: str | None = None
    ksef_code: int | None = Field(None, description="KSeF processing code, e.g. 440 or 450.")
    ksef_description: str | None = None
    error: str | None = Field(None, description="Plain-language reason when not accepted.")
    attempts: int = 0
    next_attempt_at: datetime | None = None
    received_at: datetime
    updated_at: datetime
    accepted_at: datetime | None = None
    upo_available: bool = False


class DocumentPage(_Out):
    items: list[DocumentStatus]
    next_cursor: str | None = None


class BatchSubmit(BaseModel):
    """Several documents in one request (resending from AWAITING DOCUMENTS)."""

    model_config = ConfigDict(extra="forbid")
    documents: Annotated[list[ErpDocument], Field(min_length=1, max_length=MAX_BATCH)]


class StatusQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ids: Annotated[list[str], Field(min_length=1, max_length=MAX_BATCH)]


class ProblemType(enum.StrEnum):
    """Stable ``type`` values of ``application/problem+json`` errors (suffix of the URN)."""

    UNSIGNED = "unsigned"
    MALFORMED_SIGNATURE = "malformed-signature"
    UNKNOWN_KEY = "unknown-key"
    REVOKED_KEY = "revoked-key"
    BAD_SIGNATURE = "bad-signature"
    DIGEST_MISMATCH = "digest-mismatch"
    STALE_SIGNATURE = "stale-signature"
    REPLAYED_NONCE = "replayed-nonce"
    COMPONENTS_NOT_COVERED = "components-not-covered"
    COMPANY_NOT_CONFIGURED = "company-not-configured"
    SELLER_MISMATCH = "seller-mismatch"  # the document's seller is not the key's company
    BODY_TOO_LARGE = "body-too-large"
    MALFORMED_BODY = "malformed-body"
    INVALID_DOCUMENT = "invalid-document"
    CONFLICT = "conflict"
    NOT_FOUND = "not-found"
    NOT_AVAILABLE = "not-available"
    INTERNAL = "internal"

    @property
    def uri(self) -> str:
        return PROBLEM_TYPE_BASE + self.value


class FieldError(_Out):
    loc: str = Field(description="Dotted path of the field, e.g. lines[0].unit_price.")
    message: str


class Problem(_Out):
    """RFC 9457 problem details, with our stable code and the offending fields."""

    type: str
    title: str
    status: int
    detail: str
    code: ProblemType
    errors: list[FieldError] = Field(default_factory=list)

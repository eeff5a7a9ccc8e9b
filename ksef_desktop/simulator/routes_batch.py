"""Batch sessions: open with declared parts, close, and processing of the archive (notes §6)."""

from __future__ import annotations

import io
import logging
import tarfile
import zipfile
from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from ksef_desktop.simulator import crypto
from ksef_desktop.simulator.apierrors import bad_request, validation_error
from ksef_desktop.simulator.core import Simulator, parse_iso
from ksef_desktop.simulator.presign import signed_url
from ksef_desktop.simulator.routes_auth import json_body, sim_of
from ksef_desktop.simulator.routes_online import open_session
from ksef_desktop.simulator.sessions import (
    MAX_INVOICES,
    WRITE,
    need,
    record_invoice,
    require_open,
    session_row,
)
from ksef_desktop.simulator.store import loads

log = logging.getLogger(__name__)
router = APIRouter()

MAX_PARTS = 50
MAX_PART_SIZE = 100_000_000
MAX_ARCHIVE_SIZE = 5_000_000_000
MAX_ARCHIVE_ENTRY = 3_000_000
UPLOAD_HEADERS = {"x-ms-blob-type": "BlockBlob"}


def _declared_batch(body: dict[str, Any]) -> dict[str, Any]:
    batch = body.get("batchFile")
    if not isinstance(batch, dict):
        raise validation_error("Pole 'batchFile' jest wymagane.")
    parts = batch.get("fileParts")
    size = batch.get("fileSize")
    compression = batch.get("compressionType") or "Zip"
    if not isinstance(parts, list) or not parts:
        raise validation_error("Pole 'batchFile.fileParts' jest wymagane.")
    if not isinstance(size, int) or not 0 < size <= MAX_ARCHIVE_SIZE:
        raise validation_error("Pole 'batchFile.fileSize' jest nieprawidłowe.")
    if compression not in ("Zip", "TarGz") or not isinstance(batch.get("fileHash"), str):
        raise validation_error("Pola 'compressionType' lub 'fileHash' są nieprawidłowe.")
    if len(parts) > MAX_PARTS:
        raise bad_request(
            21161,
            "Przekroczono dozwoloną liczbę części paczki.",
            f"Paczka może mieć co najwyżej {MAX_PARTS} części.",
        )
    ordinals = [p.get("ordinalNumber") for p in parts if isinstance(p, dict)]
    if sorted(o for o in ordinals if isinstance(o, int)) != list(range(1, len(parts) + 1)):
        raise validation_error("Numery części muszą być kolejnymi liczbami od 1.")
    for part in parts:
        if not isinstance(part.get("fileSize"), int) or not isinstance(part.get("fileHash"), str):
            raise validation_error("Każda część wymaga 'fileSize' i 'fileHash'.")
        if part["fileSize"] > MAX_PART_SIZE + 16:
            raise bad_request(
                21157,
                "Nieprawidłowy rozmiar części pakietu.",
                f"Część {part['ordinalNumber']} przekracza 100 MB.",
            )
    return {
        "fileSize": size,
        "fileHash": batch["fileHash"],
        "compressionType": compression,
        "parts": sorted(parts, key=lambda p: int(p["ordinalNumber"])),
    }


@router.post("/sessions/batch", status_code=201)
async def open_batch(request: Request) -> JSONResponse:
    sim = sim_of(request)
    body = await json_body(request)
    batch = _declared_batch(body)
    ref, _ = open_session(sim, request, "batch", body, batch)
    base = str(request.base_url).rstrip("/")
    window = timedelta(seconds=sim.lifetimes.part_upload * len(batch["parts"]))
    uploads = []
    for part in batch["parts"]:
        url, _ = signed_url(sim, base, f"/storage/batch/{ref}/{part['ordinalNumber']}", window)
        uploads.append(
            {
                "ordinalNumber": part["ordinalNumber"],
                "method": "PUT",
                "url": url,
                "headers": dict(UPLOAD_HEADERS),
            }
        )
    return JSONResponse({"referenceNumber": ref, "partUploadRequests": uploads}, status_code=201)


def _archive_entries(data: bytes, compression: str) -> list[tuple[str, bytes]]:
    """The XML files of the archive (name, bytes); raises ValueError when it is unreadable."""
    entries: list[tuple[str, bytes]] = []
    try:
        if compression == "Zip":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for info in archive.infolist():
                    if info.is_dir():
                        continue
                    if info.file_size > MAX_ARCHIVE_ENTRY:
                        raise ValueError(f"{info.filename} is too large")
                    entries.append((info.filename, archive.read(info)))
        else:
            with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
                for member in archive.getmembers():
                    if not member.isfile():
                        continue
                    if member.size > MAX_ARCHIVE_ENTRY:
                        raise ValueError(f"{member.name} is too large")
                    handle = archive.extractfile(member)
                    if handle is not None:
                        entries.append((member.name, handle.read()))
    except (zipfile.BadZipFile, tarfile.TarError, OSError, EOFError) as exc:
        raise ValueError(str(exc)) from exc
    return entries


def _fail_session(sim: Simulator, ref: str, code: int, now: str) -> None:
    sim.store.run(
        "UPDATE sessions SET status_code = ?, closed_at = ?, updated = ? WHERE ref = ?",
        (code, now, now, ref),
    )


def process_batch(sim: Simulator, session: Any) -> None:
    """Decrypt the parts, join them, check the archive, and verify every invoice inside."""
    now = crypto.iso(sim.clock.now())
    batch = loads(session["batch"])
    chunks = []
    for part in batch["parts"]:
        row = sim.store.one(
            "SELECT data FROM batch_parts WHERE session_ref = ? AND ordinal = ?",
            (session["ref"], part["ordinalNumber"]),
        )
        data = b"" if row is None else bytes(row["data"])
        if crypto.sha256_b64(data) != part["fileHash"]:
            _fail_session(sim, session["ref"], 405, now)
            return
        try:
            chunks.append(crypto.aes_decrypt(session["sym_key"], session["iv"], data))
        except ValueError:
            _fail_session(sim, session["ref"], 435, now)
            return
    archive = b"".join(chunks)
    if len(archive) != batch["fileSize"] or crypto.sha256_b64(archive) != batch["fileHash"]:
        _fail_session(sim, session["ref"], 405, now)
        return
    try:
        entries = _archive_entries(archive, batch["compressionType"])
    except ValueError:
        _fail_session(sim, session["ref"], 430, now)
        return
    if len(entries) > MAX_INVOICES:
        _fail_session(sim, session["ref"], 420, now)
        return
    sim.store.run(
        "UPDATE sessions SET closed_at = ?, updated = ? WHERE ref = ?", (now, now, session["ref"])
    )
    # Every invoice of a batch counts as sent when the session was opened (notes §6.4).
    opened = parse_iso(session["created"])
    for name, xml in entries:
        record_invoice(
            sim,
            session,
            xml,
            declared_hash=None,
            file_name=name,
            received_at=opened,
            offline_mode=bool(session["offline_mode"]),
        )
    log.info("batch session %s processed: %d files", session["ref"], len(entries))


@router.post("/sessions/batch/{reference_number}/close", status_code=204)
def close_batch(reference_number: str, request: Request) -> Response:
    sim = sim_of(request)
    ctx = sim.access(request.headers.get("authorization"))
    need(ctx, WRITE)
    session = session_row(sim, ctx, reference_number, "batch")
    require_open(sim, session, "jej zamknięcie")
    batch = loads(session["batch"])
    window = timedelta(seconds=sim.lifetimes.part_upload * len(batch["parts"]))
    if sim.clock.now() > parse_iso(session["created"]) + window:
        _fail_session(sim, session["ref"], 440, crypto.iso(sim.clock.now()))
        raise bad_request(
            21208,
            "Czas oczekiwania na wysyłkę lub zakończenie został przekroczony.",
            "Sesja została anulowana.",
        )
    uploaded = {
        int(row["ordinal"]): len(row["data"])
        for row in sim.store.all(
            "SELECT ordinal, data FROM batch_parts WHERE session_ref = ?", (session["ref"],)
        )
    }
    for part in batch["parts"]:
        size = uploaded.get(int(part["ordinalNumber"]))
        if size is None:
            raise bad_request(
                21205,
                "Pakiet nie może być pusty.",
                f"Nie przesłano zadeklarowanej części {part['ordinalNumber']}.",
            )
        if size != part["fileSize"]:
            raise bad_request(
                21157,
                "Nieprawidłowy rozmiar części pakietu.",
                f"Rozmiar części {part['ordinalNumber']} ({size}) różni się od "
                f"zadeklarowanego ({part['fileSize']}).",
            )
    if session["sym_key"] is None:
        _fail_session(sim, session["ref"], 415, crypto.iso(sim.clock.now()))
    else:
        process_batch(sim, session)
    return Response(status_code=204)

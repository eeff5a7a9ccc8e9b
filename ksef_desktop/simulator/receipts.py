"""UPO documents of an invoice or a whole session, built once and then served unchanged."""

from __future__ import annotations

from typing import Any

from ksef_desktop.simulator import crypto
from ksef_desktop.simulator.core import Simulator
from ksef_desktop.simulator.numbers import reference_number
from ksef_desktop.simulator.presign import signed_url
from ksef_desktop.simulator.store import loads
from ksef_desktop.simulator.upo import PAGE_SIZE, UpoDocument, build_upo


def _upo_document(row: Any) -> UpoDocument:
    meta = loads(row["meta"])
    return UpoDocument(
        seller_nip=row["seller_nip"],
        ksef_number=row["ksef_number"],
        invoice_number=row["invoice_number"],
        issue_date=meta["issueDate"],
        sent_at=row["received_at"],
        numbered_at=row["ready_at"],
        invoice_hash=row["invoice_hash"],
        mode=row["invoicing_mode"],
    )


def invoice_upo(sim: Simulator, session: Any, row: Any) -> str:
    """The per-invoice UPO (built once, then served unchanged)."""
    if row["upo"]:
        return str(row["upo"])
    xml = build_upo(
        session_ref=session["ref"],
        context_nip=session["nip"],
        token_ref=session["token_ref"],
        auth_digest=crypto.sha256_b64(session["auth_ref"].encode()),
        documents=[_upo_document(row)],
    ).decode("utf-8")
    sim.store.run("UPDATE invoices SET upo = ? WHERE ref = ?", (xml, row["ref"]))
    return xml


def session_upo_pages(sim: Simulator, session: Any, base_url: str) -> list[dict[str, Any]]:
    """The session UPO pages (built when the session first reports 200)."""
    pages = sim.store.all(
        "SELECT ref FROM session_upos WHERE session_ref = ? ORDER BY page", (session["ref"],)
    )
    if not pages:
        rows = sim.store.all(
            "SELECT * FROM invoices WHERE session_ref = ? AND status_code = 200 ORDER BY ordinal",
            (session["ref"],),
        )
        docs = [_upo_document(r) for r in rows]
        count = max(1, -(-len(docs) // PAGE_SIZE))
        with sim.store.transaction() as conn:
            for index in range(count):
                chunk = docs[index * PAGE_SIZE : (index + 1) * PAGE_SIZE]
                xml = build_upo(
                    session_ref=session["ref"],
                    context_nip=session["nip"],
                    token_ref=session["token_ref"],
                    auth_digest=crypto.sha256_b64(session["auth_ref"].encode()),
                    documents=chunk,
                    page=(index + 1, count, index * PAGE_SIZE + 1, len(docs)),
                ).decode("utf-8")
                conn.execute(
                    "INSERT INTO session_upos(ref, session_ref, page, xml) VALUES (?, ?, ?, ?)",
                    (reference_number("EU", sim.clock.now()), session["ref"], index + 1, xml),
                )
        pages = sim.store.all(
            "SELECT ref FROM session_upos WHERE session_ref = ? ORDER BY page", (session["ref"],)
        )
    result = []
    for page in pages:
        url, until = signed_url(
            sim, base_url, f"/storage/session-upo/{session['ref']}/{page['ref']}"
        )
        result.append(
            {
                "referenceNumber": page["ref"],
                "downloadUrl": url,
                "downloadUrlExpirationDate": crypto.iso(until),
            }
        )
    return result

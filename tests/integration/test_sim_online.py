"""ksef-sim online sessions over real HTTP: send, verify, number, statuses, UPO, download."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
from ksef_client import openapi_models as m
from lxml import etree

from ksef_desktop.simulator.numbers import is_valid_ksef_number
from ksef_desktop.simulator.routes_limits import OVERRIDABLE
from ksef_desktop.simulator.server import RunningSimulator, start_in_thread
from tests.helpers.sim_client import (
    OTHER_SELLER,
    SELLER,
    TOKEN,
    Session,
    SimClient,
    invoice_xml,
    sha,
    warsaw_today,
)

UPO = {"u": "http://upo.schematy.mf.gov.pl/KSeF/v4-3"}


@pytest.fixture(scope="module")
def running() -> Iterator[RunningSimulator]:
    with start_in_thread(tokens={SELLER: TOKEN}) as run:
        yield run


@pytest.fixture
def client(running: RunningSimulator) -> Iterator[SimClient]:
    running.sim.processing_delay = 0.0
    c = SimClient(running.base_url)
    c.login()
    yield c
    c.close()


@pytest.fixture
def session(client: SimClient) -> Session:
    return client.open_online()


def _status(client: SimClient, session: Session, xml: bytes) -> dict[str, object]:
    return client.invoice_status(session.ref, client.send_ok(session, xml))


def _code(response: httpx.Response) -> int:
    code: int = response.json()["exception"]["exceptionDetailList"][0]["exceptionCode"]
    return code


def test_send_gives_a_ksef_number(client: SimClient, session: Session) -> None:
    xml = invoice_xml()
    status = m.SessionInvoiceStatusResponse.from_dict(_status(client, session, xml))
    assert status.status.code == 200
    assert status.ksef_number is not None
    assert is_valid_ksef_number(status.ksef_number)
    assert status.ksef_number.startswith(f"{SELLER}-")
    assert status.invoice_hash == sha(xml)
    assert status.invoicing_mode is not None
    assert status.invoicing_mode.value == "Online"
    assert status.upo_download_url is not None


def test_invalid_xsd_is_450_with_the_validator_message(
    client: SimClient, session: Session
) -> None:
    xml = invoice_xml().replace(b"<P_15>2051</P_15>", b"<P_15>lots</P_15>")
    status = _status(client, session, xml)
    assert status["status"]["code"] == 450  # type: ignore[index]
    details = " ".join(status["status"]["details"])  # type: ignore[index]
    assert "P_15" in details
    assert status["ksefNumber"] is None


def test_malformed_xml_is_450(client: SimClient, session: Session) -> None:
    status = _status(client, session, b"<Faktura><unclosed></Faktura>")
    assert status["status"]["code"] == 450  # type: ignore[index]
    assert "Nieprawidłowy XML" in status["status"]["details"][0]  # type: ignore[index]


def test_duplicate_is_440_with_the_original_number(client: SimClient, session: Session) -> None:
    number = "FV/DUP/" + warsaw_today()
    first = _status(client, session, invoice_xml(number=number))
    assert first["status"]["code"] == 200  # type: ignore[index]
    second_session = client.open_online()
    second = _status(client, second_session, invoice_xml(number=number))
    assert second["status"]["code"] == 440  # type: ignore[index]
    assert second["status"]["description"] == "Duplikat faktury"  # type: ignore[index]
    assert second["status"]["extensions"] == {  # type: ignore[index]
        "originalSessionReferenceNumber": session.ref,
        "originalKsefNumber": first["ksefNumber"],
    }
    # Same P_2 but another invoice kind is not a duplicate.
    other_kind = invoice_xml("FA_3_Przyklad_15.xml", number=number)
    assert _status(client, second_session, other_kind)["status"]["code"] == 200  # type: ignore[index]


def test_wrong_encrypted_hash_and_size_are_refused(client: SimClient, session: Session) -> None:
    xml = invoice_xml()
    bad_hash = client.send(session, xml, encryptedInvoiceHash=sha(b"other"))
    assert bad_hash.status_code == 400
    assert _code(bad_hash) == 21403
    body = client.send_request(session, xml)
    bad_size = client.send(session, xml, encryptedInvoiceSize=body["encryptedInvoiceSize"] + 16)
    assert _code(bad_size) == 21402
    assert client.send(session, xml, invoiceSize=0).status_code == 400
    assert client.send(session, xml, invoiceHash="short").status_code == 400


def test_wrong_plain_hash_or_size_is_430(client: SimClient, session: Session) -> None:
    xml = invoice_xml()
    ref = client.send(session, xml, invoiceHash=sha(b"something else")).json()["referenceNumber"]
    assert client.invoice_status(session.ref, ref)["status"]["code"] == 430
    ref = client.send(session, xml, invoiceSize=len(xml) + 1).json()["referenceNumber"]
    status = client.invoice_status(session.ref, ref)
    assert status["status"]["code"] == 430
    assert "Rozmiar" in status["status"]["details"][0]


def _padded(example: str, size: int) -> bytes:
    xml = invoice_xml(example)
    # A comment keeps the document valid while making the file as large as needed.
    filler = b"<!--" + b"x" * (size - len(xml) - 7) + b"-->"
    return xml.replace(b"<Naglowek>", filler + b"<Naglowek>", 1)


def test_size_limit_without_and_with_attachment(client: SimClient, session: Session) -> None:
    too_big = _padded("FA_3_Przyklad_1.xml", 1_000_001)
    assert len(too_big) == 1_000_001
    status = _status(client, session, too_big)
    assert status["status"]["code"] == 430  # type: ignore[index]
    assert "1000000" in status["status"]["details"][0]  # type: ignore[index]
    exactly = _padded("FA_3_Przyklad_1.xml", 1_000_000)
    assert _status(client, session, exactly)["status"]["code"] == 200  # type: ignore[index]
    with_attachment = _padded("FA_3_Przyklad_24.xml", 2_000_000)
    assert _status(client, session, with_attachment)["status"]["code"] == 200  # type: ignore[index]


def test_seller_must_match_the_context(client: SimClient, session: Session) -> None:
    status = _status(client, session, invoice_xml(seller=OTHER_SELLER))
    assert status["status"]["code"] == 410  # type: ignore[index]


def test_processing_delay(client: SimClient, running: RunningSimulator) -> None:
    running.sim.processing_delay = 30.0
    session = client.open_online()
    ref = client.send_ok(session, invoice_xml())
    pending = client.invoice_status(session.ref, ref)
    assert pending["status"]["code"] == 150
    assert pending["ksefNumber"] is None
    assert client.close_online(session).status_code == 204
    assert client.session_status(session.ref)["status"]["code"] == 170
    running.sim.advance_clock(31)
    assert client.invoice_status(session.ref, ref)["status"]["code"] == 200
    assert client.session_status(session.ref)["status"]["code"] == 200


def test_close_upo_and_download(client: SimClient, session: Session) -> None:
    xmls = [invoice_xml(), invoice_xml()]
    refs = [client.send_ok(session, xml) for xml in xmls]
    bad = client.send_ok(session, b"<broken")
    assert client.session_status(session.ref)["status"]["code"] == 100
    assert client.close_online(session).status_code == 204
    again = client.close_online(session)
    assert again.status_code == 400
    assert _code(again) == 21180
    assert _code(client.send(session, invoice_xml())) == 21180
    status = m.SessionStatusResponse.from_dict(client.session_status(session.ref))
    assert status.status.code == 200
    assert (
        status.invoice_count,
        status.successful_invoice_count,
        status.failed_invoice_count,
    ) == (
        3,
        2,
        1,
    )
    assert status.upo is not None
    numbers = [client.invoice_status(session.ref, ref)["ksefNumber"] for ref in refs]

    # Per-invoice UPO, by reference and by KSeF number, and through the pre-signed URL.
    upo = client.http.get(
        f"/sessions/{session.ref}/invoices/{refs[0]}/upo", headers=client.bearer()
    )
    assert upo.status_code == 200
    assert upo.headers["content-type"].startswith("application/xml")
    assert upo.headers["x-ms-meta-hash"] == sha(upo.content)
    root = etree.fromstring(upo.content)
    assert root.findtext("u:Dokument/u:NumerKSeFDokumentu", namespaces=UPO) == numbers[0]
    assert root.findtext("u:Dokument/u:SkrotDokumentu", namespaces=UPO) == sha(xmls[0])
    by_number = client.http.get(
        f"/sessions/{session.ref}/invoices/ksef/{numbers[0]}/upo", headers=client.bearer()
    )
    assert by_number.content == upo.content
    url = client.invoice_status(session.ref, refs[0])["upoDownloadUrl"]
    assert httpx.get(url).content == upo.content
    assert httpx.get(url, headers=client.bearer()).status_code == 403
    assert httpx.get(url.replace("sig=", "sig=0")).status_code == 403
    missing = client.http.get(
        f"/sessions/{session.ref}/invoices/{bad}/upo", headers=client.bearer()
    )
    assert _code(missing) == 21178

    # Session UPO lists every accepted invoice.
    page = status.upo.pages[0]
    session_upo = client.http.get(
        f"/sessions/{session.ref}/upo/{page.reference_number}", headers=client.bearer()
    )
    assert session_upo.status_code == 200
    assert session_upo.headers["x-ms-meta-hash"] == sha(session_upo.content)
    listed = etree.fromstring(session_upo.content).xpath(
        "u:Dokument/u:NumerKSeFDokumentu/text()", namespaces=UPO
    )
    assert listed == numbers
    assert httpx.get(page.download_url).content == session_upo.content

    # Download returns the exact bytes that were sent.
    download = client.http.get(f"/invoices/ksef/{numbers[1]}", headers=client.bearer())
    assert download.status_code == 200
    assert download.content == xmls[1]
    assert (
        download.headers["x-ms-meta-hash"]
        == base64.b64encode(hashlib.sha256(xmls[1]).digest()).decode()
    )
    unknown = client.http.get(
        f"/invoices/ksef/{SELLER}-20260101-000000000000-00", headers=client.bearer()
    )
    assert _code(unknown) == 21164


def test_session_upo_only_after_close(client: SimClient, session: Session) -> None:
    client.send_ok(session, invoice_xml())
    assert client.session_status(session.ref)["upo"] is None


def test_session_invoice_list_pages(client: SimClient, session: Session) -> None:
    refs = [client.send_ok(session, invoice_xml()) for _ in range(11)]
    failed_ref = client.send_ok(session, b"<x/>")
    first = client.http.get(f"/sessions/{session.ref}/invoices", headers=client.bearer())
    page = m.SessionInvoicesResponse.from_dict(first.json())
    assert len(page.invoices) == 10
    assert page.continuation_token
    second = client.http.get(
        f"/sessions/{session.ref}/invoices",
        headers=client.bearer() | {"x-continuation-token": page.continuation_token},
    ).json()
    assert [i["referenceNumber"] for i in second["invoices"]] == [refs[10], failed_ref]
    assert second["continuationToken"] is None
    failed = client.http.get(f"/sessions/{session.ref}/invoices/failed", headers=client.bearer())
    assert [i["referenceNumber"] for i in failed.json()["invoices"]] == [failed_ref]


def test_metadata_query(client: SimClient, session: Session) -> None:
    tag = warsaw_today()
    numbers = {}
    for n in range(12):
        number = f"META/{tag}/{n:02d}/{session.ref[-6:]}"
        ref = client.send_ok(session, invoice_xml(number=number))
        numbers[number] = client.invoice_status(session.ref, ref)["ksefNumber"]
    filters = {
        "subjectType": "Subject1",
        "dateRange": {
            "dateType": "Invoicing",
            "from": (date.today() - timedelta(days=2)).isoformat() + "T00:00:00Z",
        },
    }
    found: dict[str, m.InvoiceMetadata] = {}
    page_index = 0
    while True:
        response = client.http.post(
            "/invoices/query/metadata",
            params={"pageOffset": page_index, "pageSize": 10, "sortOrder": "Asc"},
            json=filters,
            headers=client.bearer(),
        )
        assert response.status_code == 200
        body = m.QueryInvoicesMetadataResponse.from_dict(response.json())
        # pageOffset is a page index: no page repeats an invoice of an earlier one.
        assert not {i.ksef_number for i in body.invoices} & {i.ksef_number for i in found.values()}
        found.update({i.invoice_number: i for i in body.invoices})
        if not body.has_more:
            break
        page_index += 1
    assert page_index >= 1
    for number, ksef_number in numbers.items():
        item = found[number]
        assert item.ksef_number == ksef_number
        assert item.seller.nip == SELLER
        assert item.gross_amount == 2051
        assert item.invoice_type.value == "Vat"
        assert item.buyer.identifier.value == "1111111111"
    one = client.http.post(
        "/invoices/query/metadata",
        json=filters | {"ksefNumber": numbers[next(iter(numbers))]},
        headers=client.bearer(),
    ).json()
    assert len(one["invoices"]) == 1
    buyer_side = client.http.post(
        "/invoices/query/metadata",
        json=filters | {"subjectType": "Subject2"},
        headers=client.bearer(),
    ).json()
    assert buyer_side["invoices"] == []
    bad = client.http.post("/invoices/query/metadata", json={}, headers=client.bearer())
    assert _code(bad) == 21405


def test_undecryptable_session_key_is_415(client: SimClient) -> None:
    body = {
        "formCode": {"systemCode": "FA (3)", "schemaVersion": "1-0E", "value": "FA"},
        "encryption": {
            "encryptedSymmetricKey": base64.b64encode(b"\1" * 256).decode(),
            "initializationVector": base64.b64encode(b"\0" * 16).decode(),
        },
    }
    opened = client.http.post("/sessions/online", json=body, headers=client.bearer())
    assert opened.status_code == 201
    ref = opened.json()["referenceNumber"]
    assert client.session_status(ref)["status"]["code"] == 415
    sent = client.send(Session(ref, b"\0" * 32, b"\0" * 16), invoice_xml())
    assert _code(sent) == 21180


def test_bad_form_code_and_iv(client: SimClient) -> None:
    enc = client.encryption(b"k" * 32, b"i" * 16)
    wrong_form = {"formCode": {"systemCode": "FA (2)", "schemaVersion": "1-0E", "value": "FA"}}
    response = client.http.post(
        "/sessions/online", json=wrong_form | {"encryption": enc}, headers=client.bearer()
    )
    assert _code(response) == 21405
    enc["initializationVector"] = base64.b64encode(b"i" * 24).decode()
    response = client.http.post(
        "/sessions/online",
        json={
            "formCode": {"systemCode": "FA (3)", "schemaVersion": "1-0E", "value": "FA"},
            "encryption": enc,
        },
        headers=client.bearer(),
    )
    assert "16 bajtów" in response.json()["exception"]["exceptionDetailList"][0]["details"][0]


def test_expired_session_refuses_invoices(client: SimClient, running: RunningSimulator) -> None:
    session = client.open_online()
    client.send_ok(session, invoice_xml())
    running.sim.expire_session(session.ref)
    assert _code(client.send(session, invoice_xml())) == 21180
    assert client.session_status(session.ref)["status"]["code"] == 200


def test_unknown_session_is_21173(client: SimClient) -> None:
    response = client.http.get(
        "/sessions/20261102-SO-0000000000-0000000000-00", headers=client.bearer()
    )
    assert _code(response) == 21173


def test_empty_closed_session_is_cancelled(client: SimClient, session: Session) -> None:
    assert client.close_online(session).status_code == 204
    status = client.session_status(session.ref)["status"]
    assert (status["code"], status["details"]) == (440, ["Nie przesłano faktur"])


def test_served_upos_pass_the_official_xsd(client: SimClient, session: Session) -> None:
    xsd = Path(__file__).resolve().parents[2].parent / "shared/reference/schemas/upo/upo-v4-3.xsd"
    if not xsd.exists():
        pytest.skip(f"the official UPO XSD is not beside the checkout ({xsd})")
    schema = etree.XMLSchema(etree.parse(str(xsd)))
    refs = [client.send_ok(session, invoice_xml()) for _ in range(2)]
    assert client.close_online(session).status_code == 204
    page = client.session_status(session.ref)["upo"]["pages"][0]
    documents = [httpx.get(page["downloadUrl"]).content]
    for ref in refs:
        url = f"/sessions/{session.ref}/invoices/{ref}/upo"
        documents.append(client.http.get(url, headers=client.bearer()).content)
    for document in documents:
        root = etree.fromstring(document)
        assert schema.validate(root), schema.error_log


def test_rate_limits_are_the_production_ones_until_a_test_context_sets_its_own(
    client: SimClient,
) -> None:
    limits = m.EffectiveApiRateLimits.from_dict(
        client.http.get("/rate-limits", headers=client.bearer()).json()
    )
    assert limits.session_invoice_list == m.EffectiveApiRateLimitValues(
        per_second=10, per_minute=20, per_hour=200
    )
    assert limits.invoice_send.per_hour == 180
    values = {"perSecond": 50, "perMinute": 500, "perHour": 5000}
    incomplete = client.http.post(
        "/testdata/rate-limits",
        json={"rateLimits": {"invoiceSend": values}},
        headers=client.bearer(),
    )
    assert _code(incomplete) == 21405
    changed = client.http.post(
        "/testdata/rate-limits",
        json={"rateLimits": dict.fromkeys(OVERRIDABLE, values)},
        headers=client.bearer(),
    )
    assert changed.status_code == 200
    now = client.http.get("/rate-limits", headers=client.bearer()).json()
    assert now["sessionInvoiceList"] == values
    assert now["onlineSessionClose"] == values  # closing counts with opening
    production = client.http.post("/testdata/rate-limits/production", headers=client.bearer())
    assert production.status_code == 200
    assert client.http.get("/rate-limits", headers=client.bearer()).json()["invoiceSend"] == {
        "perSecond": 10,
        "perMinute": 30,
        "perHour": 180,
    }
    assert client.http.delete("/testdata/rate-limits", headers=client.bearer()).status_code == 200
    assert client.http.get("/rate-limits", headers=client.bearer()).json()["invoiceSend"] == {
        "perSecond": 10,
        "perMinute": 30,
        "perHour": 180,
    }

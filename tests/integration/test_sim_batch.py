"""ksef-sim batch sessions: a ZIP split into encrypted parts, uploaded to pre-signed URLs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from ksef_client import openapi_models as m
from lxml import etree

from ksef_desktop.simulator.numbers import is_valid_ksef_number
from ksef_desktop.simulator.server import RunningSimulator, start_in_thread
from tests.helpers.sim_client import SELLER, TOKEN, SimClient, invoice_xml, sha

UPO = {"u": "http://upo.schematy.mf.gov.pl/KSeF/v4-3"}


@pytest.fixture(scope="module")
def running() -> Iterator[RunningSimulator]:
    with start_in_thread(tokens={SELLER: TOKEN}) as run:
        yield run


@pytest.fixture
def client(running: RunningSimulator) -> Iterator[SimClient]:
    c = SimClient(running.base_url)
    c.login()
    yield c
    c.close()


def _upload(opened: dict[str, Any], parts: list[bytes]) -> None:
    for request, data in zip(opened["partUploadRequests"], parts, strict=True):
        response = httpx.request(
            request["method"], request["url"], content=data, headers=request["headers"]
        )
        assert response.status_code == 201, response.text


def _close(client: SimClient, ref: str) -> httpx.Response:
    return client.http.post(f"/sessions/batch/{ref}/close", headers=client.bearer())


def test_batch_with_several_parts_numbers_every_invoice(client: SimClient) -> None:
    xmls = [invoice_xml() for _ in range(5)] + [b"<not-an-invoice/>"]
    session, opened, parts = client.open_batch(xmls, parts=3)
    body = m.OpenBatchSessionResponse.from_dict(opened)
    assert "-SB-" in body.reference_number
    assert [p.ordinal_number for p in body.part_upload_requests] == [1, 2, 3]
    assert body.part_upload_requests[0].headers == {"x-ms-blob-type": "BlockBlob"}
    assert client.session_status(session.ref)["status"]["code"] == 100
    _upload(opened, parts)
    assert _close(client, session.ref).status_code == 204
    status = m.SessionStatusResponse.from_dict(client.session_status(session.ref))
    assert status.status.code == 200
    assert (status.successful_invoice_count, status.failed_invoice_count) == (5, 1)
    listing = client.http.get(f"/sessions/{session.ref}/invoices", headers=client.bearer()).json()[
        "invoices"
    ]
    by_name = {item["invoiceFileName"]: item for item in listing}
    assert len(by_name) == 6
    numbers = []
    for index, xml in enumerate(xmls[:5], start=1):
        item = by_name[f"invoice-{index}.xml"]
        assert item["status"]["code"] == 200
        assert item["invoiceHash"] == sha(xml)
        assert is_valid_ksef_number(item["ksefNumber"])
        numbers.append(item["ksefNumber"])
    assert by_name["invoice-6.xml"]["status"]["code"] == 450
    assert status.upo is not None
    upo = httpx.get(status.upo.pages[0].download_url)
    listed = etree.fromstring(upo.content).xpath(
        "u:Dokument/u:NumerKSeFDokumentu/text()", namespaces=UPO
    )
    assert sorted(listed) == sorted(numbers)


def test_missing_part_is_21205(client: SimClient) -> None:
    session, opened, parts = client.open_batch([invoice_xml(), invoice_xml()], parts=2)
    _upload({"partUploadRequests": opened["partUploadRequests"][:1]}, parts[:1])
    response = _close(client, session.ref)
    assert response.status_code == 400
    assert response.json()["exception"]["exceptionDetailList"][0]["exceptionCode"] == 21205


def test_wrong_part_size_is_21157(client: SimClient) -> None:
    session, opened, parts = client.open_batch([invoice_xml()], parts=1)
    _upload(opened, [parts[0] + b"0" * 16])
    response = _close(client, session.ref)
    assert response.json()["exception"]["exceptionDetailList"][0]["exceptionCode"] == 21157


def test_tampered_part_fails_verification(client: SimClient) -> None:
    session, opened, parts = client.open_batch([invoice_xml()], parts=1)
    _upload(opened, [bytes([parts[0][0] ^ 1]) + parts[0][1:]])
    assert _close(client, session.ref).status_code == 204
    assert client.session_status(session.ref)["status"]["code"] == 405


def test_upload_urls_are_signed_and_refuse_bearer(client: SimClient) -> None:
    _, opened, parts = client.open_batch([invoice_xml()], parts=1)
    url = opened["partUploadRequests"][0]["url"]
    assert httpx.put(url, content=parts[0], headers=client.bearer()).status_code == 403
    assert httpx.put(url.replace("sig=", "sig=1"), content=parts[0]).status_code == 403


def test_upload_needs_the_headers_the_session_listed(client: SimClient) -> None:
    _, opened, parts = client.open_batch([invoice_xml()], parts=1)
    request = opened["partUploadRequests"][0]
    assert request["headers"] == {"x-ms-blob-type": "BlockBlob"}
    assert httpx.put(request["url"], content=parts[0]).status_code == 400
    listed = httpx.put(request["url"], content=parts[0], headers=request["headers"])
    assert listed.status_code == 201


def test_too_many_parts_is_21161(client: SimClient) -> None:
    body = {
        "formCode": {"systemCode": "FA (3)", "schemaVersion": "1-0E", "value": "FA"},
        "batchFile": {
            "fileSize": 100,
            "fileHash": sha(b""),
            "fileParts": [
                {"ordinalNumber": n, "fileSize": 16, "fileHash": sha(b"")} for n in range(1, 52)
            ],
        },
        "encryption": client.encryption(b"k" * 32, b"i" * 16),
    }
    response = client.http.post("/sessions/batch", json=body, headers=client.bearer())
    assert response.json()["exception"]["exceptionDetailList"][0]["exceptionCode"] == 21161


def test_upload_window_expiry_cancels_the_session(
    client: SimClient, running: RunningSimulator
) -> None:
    session, opened, parts = client.open_batch([invoice_xml()], parts=1)
    _upload(opened, parts)
    running.sim.advance_clock(21 * 60)
    client.login()
    response = _close(client, session.ref)
    assert response.json()["exception"]["exceptionDetailList"][0]["exceptionCode"] == 21208
    assert client.session_status(session.ref)["status"]["code"] == 440

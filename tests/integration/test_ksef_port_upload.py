"""Batch part uploads: exactly the listed headers, never Authorization, https for KSeF."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from ksef_client.models import PartUploadRequest
from ksef_client.services.workflows import BatchUploadHelper

from ksef_desktop.domain.errors import ConfigurationError
from ksef_desktop.ksef.batch import PartUploader
from ksef_desktop.ksef.retry import RetryPolicy


class Recorder(BaseHTTPRequestHandler):
    received: list[tuple[str, dict[str, str], bytes]] = []  # noqa: RUF012 - shared by design

    def do_PUT(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Recorder.received.append(
            (self.path, {k.lower(): v for k, v in self.headers.items()}, body)
        )
        self.send_response(201)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        del format, args


@pytest.fixture
def storage() -> Iterator[str]:
    Recorder.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_parts_carry_exactly_the_listed_headers(storage: str) -> None:
    uploader = PartUploader(RetryPolicy(), allow_http=True, timeout=5)
    requests = [
        PartUploadRequest(
            headers={"x-ms-blob-type": "BlockBlob", "x-ms-meta-part": str(n)},
            method="PUT",
            ordinal_number=n,
            url=f"{storage}/storage/part/{n}?sig=abc",
        )
        for n in (1, 2)
    ]
    try:
        BatchUploadHelper(uploader).upload_parts(requests, [b"one", b"two"], parallelism=2)
    finally:
        uploader.close()
    got = sorted(Recorder.received)
    assert [(path, body) for path, _, body in got] == [
        ("/storage/part/1?sig=abc", b"one"),
        ("/storage/part/2?sig=abc", b"two"),
    ]
    for n, (_, headers, _) in enumerate(got, start=1):
        assert headers["x-ms-blob-type"] == "BlockBlob"
        assert headers["x-ms-meta-part"] == str(n)
        assert "authorization" not in headers
        # Only what the transport itself needs besides the listed headers.
        assert set(headers) <= {"x-ms-blob-type", "x-ms-meta-part", "host", "content-length"}


def test_official_environments_refuse_plain_http_upload_urls(storage: str) -> None:
    uploader = PartUploader(RetryPolicy(), allow_http=False, timeout=5)
    try:
        with pytest.raises(ConfigurationError):
            uploader.request("PUT", f"{storage}/storage/part/1", headers={}, data=b"x")
    finally:
        uploader.close()
    assert Recorder.received == []

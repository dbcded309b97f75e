"""The live transport (HTTP) on a loopback server: the same client, paging and checks as the folder."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from commitments.models import Commitment
from tksync.models import PendingDocument
from tksync.odata import HttpTransport, ODataClient, ODataError
from tksync.recording import DEBATE_PO, MINISTERS, toezegging_record
from tksync.sync import SyncError, sync_tk

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    """A tiny OData server: two pages of Toezegging, one Document whose file answers 500."""
    routes: dict[str, tuple[int, bytes]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            parts = urlsplit(self.path)
            key = parts.path + ("?skip" if "skiptoken" in parts.query else "")
            status, body = routes.get(key, (404, b'{"error": {"message": "not found"}}'))
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/OData/v4/2.0"
    records = [
        toezegging_record(f"http-{i}", nummer=f"TZ-{i}", status="Openstaand", nakoming="2027-01-01",
                          tekst=f"De minister informeert de Kamer over punt {i}.", minister=MINISTERS[0],
                          activiteit=DEBATE_PO, gewijzigd=f"2026-12-01T10:0{i}:00+01:00")
        for i in range(3)
    ]
    routes["/OData/v4/2.0/Toezegging"] = (200, json.dumps(
        {"value": records[:2], "@odata.nextLink": f"{base}/Toezegging?$skiptoken=2"}).encode())
    routes["/OData/v4/2.0/Toezegging?skip"] = (200, json.dumps({"value": records[2:]}).encode())
    routes["/OData/v4/2.0/Document"] = (200, json.dumps({"value": []}).encode())
    yield base, routes
    server.shutdown()


def test_it_reads_pages_over_http(api):
    base, _routes = api
    report = sync_tk(base)
    assert report.counts["pages"] == 3 and Commitment.objects.filter(origin="mondeling").count() == 3


def test_an_http_error_is_a_clear_error_and_writes_nothing(api):
    base, routes = api
    routes["/OData/v4/2.0/Toezegging?skip"] = (503, b"<html>Service Unavailable</html>")
    with pytest.raises(SyncError, match="cannot read .*Toezegging.*503"):
        sync_tk(base)
    assert not Commitment.objects.exists() and not PendingDocument.objects.exists()


def test_an_unreachable_server_is_a_clear_error():
    client = ODataClient("http://127.0.0.1:9/OData/v4/2.0", HttpTransport(timeout=2))
    with pytest.raises(ODataError, match="cannot read"):
        list(client.pages(client.collection_url("Toezegging")))

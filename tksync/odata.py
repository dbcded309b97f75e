"""Reading the Tweede Kamer's OData v4 API (gegevensmagazijn) page by page.

One client, two transports: :class:`HttpTransport` asks the live API, :class:`FolderTransport`
answers the same URLs from recorded responses in a folder (``fixtures/tk_odata/…``). Everything
above the transport (query, paging over ``@odata.nextLink``, validation) is the same code path.

No Django here: the sync (``tksync.sync``) turns what this module reads into rows.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

#: The OData v4 root of the Kamer's gegevensmagazijn (settings ``TK_ODATA_URL``).
LIVE_URL = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0"

#: Document kinds (``Document.Soort``) the tracker ingests: letters of the government and VSO reports.
SOORT_LETTER = "Brief regering"
SOORT_VSO = "Verslag van een schriftelijk overleg"
DOCUMENT_SOORTEN = (SOORT_LETTER, SOORT_VSO)

#: ``$expand`` of a Document: its dossier (Kamerstuk number), signers (ministry) and Zaak actors (committee).
DOCUMENT_EXPAND = "Kamerstukdossier,DocumentActor,Zaak($expand=ZaakActor)"
#: ``$expand`` of a Toezegging: the debate it was made in and that debate's dossier.
TOEZEGGING_EXPAND = "Activiteit($expand=Zaak($expand=Kamerstukdossier))"


class ODataError(Exception):
    """A response that cannot be used: unreachable, not JSON, or not an OData collection. One line."""


class DownloadError(Exception):
    """A document's file could not be fetched (retried on the next run)."""


class Transport(Protocol):
    def get(self, url: str) -> bytes: ...


class HttpTransport:
    """The live API over HTTPS (the standard library; no network in tests)."""

    def __init__(self, timeout: float = 60):
        self.timeout = timeout

    def get(self, url: str) -> bytes:
        request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": "toezeggingen-sync"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (https URL from settings)
                return response.read()
        except (urllib.error.URLError, OSError, TimeoutError) as exc:
            raise TransportError(f"{url}: {exc}") from exc


class TransportError(Exception):
    """The transport could not answer this URL."""


_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")


class FolderTransport:
    """Answers the API's URLs from recorded files, so the connector runs without network.

    ``<base>/Document?$filter=…`` → ``Document.json`` (the query is what the live API would
    filter; the recording is what it answered). A next page ``…/Document?…&$skiptoken=X`` →
    ``Document.skiptoken-X.json``. A file ``<base>/Document(<id>)/resource`` →
    ``resources/<id>`` (absent: the download fails, as a broken link would). Absolute
    ``@odata.nextLink`` URLs of the live API map the same way.
    """

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        if not self.folder.is_dir():
            raise ODataError(f"{self.folder} is not a folder")

    def get(self, url: str) -> bytes:
        path = self.file_for(url)
        try:
            return path.read_bytes()
        except OSError as exc:
            raise TransportError(f"{url}: no recorded response ({path.name})") from exc

    def file_for(self, url: str) -> Path:
        parsed = urllib.parse.urlsplit(url)
        segments = [s for s in parsed.path.split("/") if s]
        last = segments[-1] if segments else ""
        if last == "resource" and len(segments) >= 2:
            match = re.fullmatch(r"Document\(([^)]+)\)", segments[-2])
            if match:
                return self.folder / "resources" / _SAFE.sub("", match.group(1))
        entity = _SAFE.sub("", last)
        token = urllib.parse.parse_qs(parsed.query).get("$skiptoken", [""])[0]
        name = f"{entity}.skiptoken-{_SAFE.sub('', token)}.json" if token else f"{entity}.json"
        return self.folder / name


def transport_for(source: str) -> tuple[str, Transport]:
    """(base URL, transport) for ``--source``: an http(s) URL or a folder of recorded responses."""
    if re.match(r"https?://", source):
        return source.rstrip("/"), HttpTransport()
    folder = Path(source.removeprefix("file://"))
    # The recorded pages carry absolute links to the live API; the folder answers those too.
    return LIVE_URL, FolderTransport(folder)


class ODataClient:
    def __init__(self, base_url: str, transport: Transport, page_size: int = 250):
        self.base_url = base_url.rstrip("/")
        self.transport = transport
        self.page_size = page_size

    def collection_url(self, entity: str, *, filter: str = "", expand: str = "", orderby: str = "GewijzigdOp") -> str:
        params = {"$orderby": orderby, "$top": str(self.page_size)}
        if filter:
            params["$filter"] = filter
        if expand:
            params["$expand"] = expand
        return f"{self.base_url}/{entity}?{urllib.parse.urlencode(params, quote_via=urllib.parse.quote)}"

    def pages(self, url: str, max_pages: int = 100_000) -> Iterator[list[dict]]:
        """Each page's ``value`` list, following ``@odata.nextLink`` until there is none."""
        seen = set()
        while url:
            if url in seen or len(seen) >= max_pages:
                raise ODataError(f"paging does not end (link seen twice or over {max_pages} pages): {url}")
            seen.add(url)
            page = self.get_json(url)
            yield page["value"]
            url = page.get("@odata.nextLink") or ""

    def get_json(self, url: str) -> dict:
        try:
            raw = self.transport.get(url)
        except TransportError as exc:
            raise ODataError(f"cannot read {exc}") from exc
        try:
            page = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            raise ODataError(f"broken response from {url}: not JSON ({exc})") from exc
        if not isinstance(page, dict):
            raise ODataError(f"broken response from {url}: not an OData object")
        if "error" in page:
            message = page["error"].get("message") if isinstance(page["error"], dict) else page["error"]
            raise ODataError(f"the API answered an error for {url}: {message}")
        if not isinstance(page.get("value"), list) or not all(isinstance(v, dict) for v in page["value"]):
            raise ODataError(f"broken response from {url}: no 'value' list of records")
        link = page.get("@odata.nextLink")
        if link is not None and not isinstance(link, str):
            raise ODataError(f"broken response from {url}: '@odata.nextLink' is not a URL")
        return page

    def resource_url(self, document_id: str) -> str:
        return f"{self.base_url}/Document({document_id})/resource"

    def download(self, document_id: str) -> bytes:
        url = self.resource_url(document_id)
        try:
            data = self.transport.get(url)
        except TransportError as exc:
            raise DownloadError(str(exc)) from exc
        if not data:
            raise DownloadError(f"{url}: empty file")
        return data


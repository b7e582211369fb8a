"""Read what an index already holds for a project, from its PEP 503 simple page ``<index>/simple/<name>/``.

``publish`` needs this because pypiserver (and PyPI) refuse to overwrite a file and pypiserver does not
support ``twine upload --skip-existing``: we decide ourselves whether a release is already there, and
whether it is the same bytes. Each link on the page names a file and, in its URL fragment, that file's
hash (``#sha256=...``; pypiserver can be set to other algorithms, so the algorithm is read, not assumed).
A link without a hash is downloaded and hashed.
"""

from __future__ import annotations

import hashlib
import urllib.error
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from .credentials import Credentials

TIMEOUT_SECONDS = 30


class IndexReadError(Exception):
    """The index could not be read (unreachable, an HTTP error other than 404, or not a simple page)."""


@dataclass(frozen=True)
class IndexFile:
    """One file the index lists: its name, absolute URL, and the hash the index gives for it."""

    filename: str
    url: str
    hash_name: str | None
    hash_value: str | None


class _Links(HTMLParser):
    """Collects (href, text) of every ``<a>`` on the page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href") or ""
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((self._href, "".join(self._text).strip()))
            self._href = None


def simple_url(index_url: str, name: str) -> str:
    """``<index>/simple/<name>/`` for an index given by its base URL (the one uploads go to)."""
    return f"{index_url.rstrip('/')}/simple/{name}/"


def _opener(url: str, credentials: Credentials) -> urllib.request.OpenerDirector:
    """An opener that answers a Basic-auth challenge (an index that protects listing) when we can."""
    handlers: list[urllib.request.BaseHandler] = []
    if credentials.username and credentials.password:
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, url, credentials.username, credentials.password)
        handlers.append(urllib.request.HTTPBasicAuthHandler(passwords))
    return urllib.request.build_opener(*handlers)


def _get(url: str, credentials: Credentials) -> bytes | None:
    """The body at ``url``; None on 404 (the index has no such project)."""
    request = urllib.request.Request(url, headers={"Accept": "text/html"})
    try:
        with _opener(url, credentials).open(request, timeout=TIMEOUT_SECONDS) as response:
            body: bytes = response.read()
            return body
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return None
        raise IndexReadError(f"{credentials.redact(url)} answered HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise IndexReadError(f"cannot reach {credentials.redact(url)}: {credentials.redact(str(reason))}") from None


def project_files(index_url: str, name: str, credentials: Credentials) -> list[IndexFile]:
    """Every file the index lists for project ``name`` (empty when it has none)."""
    page_url = simple_url(index_url, name)
    body = _get(page_url, credentials)
    if body is None:
        return []
    parser = _Links()
    parser.feed(body.decode("utf-8", errors="replace"))
    files = []
    for href, text in parser.links:
        url, fragment = urldefrag(urljoin(page_url, href))
        filename = text or unquote(urlsplit(url).path.rsplit("/", 1)[-1])
        hash_name, _, hash_value = fragment.partition("=")
        known = hash_name in hashlib.algorithms_available and hash_value
        files.append(IndexFile(filename, url, hash_name if known else None, hash_value if known else None))
    return files


def index_digest(file: IndexFile, credentials: Credentials) -> tuple[str, str]:
    """(algorithm, hex digest) of ``file`` as the index holds it: from its link, else by downloading it."""
    if file.hash_name and file.hash_value:
        return file.hash_name, file.hash_value.lower()
    body = _get(file.url, credentials)
    if body is None:
        raise IndexReadError(f"{credentials.redact(file.url)} is listed but answers 404")
    return "sha256", hashlib.sha256(body).hexdigest()

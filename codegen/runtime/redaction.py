"""Masking secrets wherever a request, a response or an error could be shown.

Two complementary rules, because either alone leaks: (1) values of fields whose *name* marks them as
secret (``Authorization`` header, ``api_token`` query parameter, ``password`` JSON field, ...) are
masked wherever the name appears; (2) every secret value the client knows (its credentials, and the
tokens it obtained) is masked wherever it appears, whatever the field is called, since a vendor may
echo a token back in an error body or a URL.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import weakref
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .bodies import NestedTooDeep, load_json

MASK = "***"

# Lower-cased names whose values are secret, in headers, query strings and JSON bodies.
SECRET_NAMES = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "cookie",
        "set-cookie",
        "api-key",
        "api_key",
        "apikey",
        "x-api-key",
        "x-api-token",
        "api_token",
        "token",
        "access_token",
        "refresh_token",
        "id_token",
        "client_secret",
        "password",
        "h323_password",
        "smspassword",
        "userpassword",
        "auth_key",
        "opc_key",
    }
)
# Names that contain these words are treated as secret too (e.g. ``new_password``).
_SECRET_WORDS = ("password", "secret", "token")
_MIN_SECRET_LENGTH = 4  # shorter values would mask ordinary text
_MAX_SHOWN_DEPTH = 32  # structures shown in errors and logs are cut below this depth


def is_secret_name(name: str) -> bool:
    lowered = name.lower()
    return lowered in SECRET_NAMES or any(word in lowered for word in _SECRET_WORDS)


class Redactor:
    """Knows a client's secrets and masks them in any text or structure before it is shown."""

    def __init__(self, secrets: Iterable[str | None] = ()) -> None:
        self._lock = threading.Lock()
        self._secrets: set[str] = set()
        self._pattern: re.Pattern[str] | None = None
        self.add(*secrets)

    def add(self, *secrets: str | None) -> None:
        """Remember more secret values (e.g. a token just obtained)."""
        with self._lock:
            fresh = {s for s in secrets if s and len(s) >= _MIN_SECRET_LENGTH} - self._secrets
            if not fresh:
                return
            self._secrets |= fresh
            # Longest first, so a secret containing another is masked whole. Also mask the forms a
            # value takes in a URL (percent-encoded) and in JSON (escaped).
            forms = {form for s in self._secrets for form in (s, urlencode({"": s})[1:], json.dumps(s)[1:-1])}
            self._pattern = re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))

    def __repr__(self) -> str:
        return f"Redactor({len(self._secrets)} secrets)"

    def text(self, value: str) -> str:
        """``value`` with every known secret value masked."""
        pattern = self._pattern
        return pattern.sub(MASK, value) if pattern is not None and value else value

    def headers(self, headers: Iterable[tuple[str, str]]) -> dict[str, str]:
        return {name: MASK if is_secret_name(name) else self.text(value) for name, value in headers}

    def url(self, url: str) -> str:
        """The URL with secret query parameters and known secret values masked."""
        parts = urlsplit(str(url))
        if parts.query:
            query = [(k, MASK if is_secret_name(k) else v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
            parts = parts._replace(query=urlencode(query, safe="[]*"))
        return self.text(urlunsplit(parts))

    def data(self, value: Any, _depth: int = 0) -> Any:
        """A copy of a JSON-like structure with secret fields and known secret values masked.

        Levels below ``_MAX_SHOWN_DEPTH`` are replaced by ``"..."``, so that showing the copy (a repr, an
        error's ``body``) cannot recurse without bound.
        """
        if isinstance(value, (dict, list)) and _depth >= _MAX_SHOWN_DEPTH:
            return "..."
        if isinstance(value, dict):
            return {
                key: MASK
                if isinstance(key, str) and is_secret_name(key) and val is not None
                else self.data(val, _depth + 1)
                for key, val in value.items()
            }
        if isinstance(value, list):
            return [self.data(item, _depth + 1) for item in value]
        if isinstance(value, str):
            return self.text(value)
        return value

    def body(self, content: bytes, limit: int = 2000) -> str:
        """A printable, masked excerpt of a request or response body."""
        if not content:
            return ""
        try:
            shown = json.dumps(self.data(load_json(content)), ensure_ascii=False)
        except NestedTooDeep:
            shown = self.text(self._excerpt(content, limit)) + " (JSON nested too deeply to show)"
        except ValueError:
            text = self._excerpt(content, limit)
            # Form bodies (the 2sms token request) carry secrets as key=value pairs.
            if "=" in text and "\n" not in text.strip():
                pairs = parse_qsl(text, keep_blank_values=True)
                if pairs:
                    text = urlencode([(k, MASK if is_secret_name(k) else v) for k, v in pairs], safe="*")
            shown = self.text(text)
        return shown if len(shown) <= limit else shown[:limit] + f"... ({len(shown) - limit} more characters)"

    def _excerpt(self, content: bytes, limit: int) -> str:
        """The start of a text body: enough to show ``limit`` characters once masked, never the whole of a
        huge body (a secret that straddles the cut is still inside, so it is still masked)."""
        longest = max(map(len, self._secrets), default=0)
        return content[: 4 * (limit + 12 * longest)].decode("utf-8", errors="replace")


class _HttpxLogFilter(logging.Filter):
    """httpx logs every request URL at INFO; mask what our redactors know before the record is emitted."""

    def __init__(self) -> None:
        super().__init__()
        self.redactors: weakref.WeakSet[Redactor] = weakref.WeakSet()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            masked: list[object] = []
            for arg in args:
                if isinstance(arg, (int, float)):  # e.g. the status code httpx formats with %d
                    masked.append(arg)
                    continue
                text = str(arg)
                if "://" in text:
                    text = Redactor().url(text)
                for redactor in list(self.redactors):
                    text = redactor.text(text)
                masked.append(text)
            record.args = tuple(masked)
        return True


_httpx_filter = _HttpxLogFilter()


def guard_httpx_logs(redactor: Redactor) -> None:
    """Make the ``httpx`` logger mask this redactor's secrets (and secret query parameters)."""
    logger = logging.getLogger("httpx")
    if _httpx_filter not in logger.filters:
        logger.addFilter(_httpx_filter)
    _httpx_filter.redactors.add(redactor)

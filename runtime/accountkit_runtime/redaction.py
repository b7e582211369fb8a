"""Masking secrets wherever a request, a response or an error could be shown.

Two complementary rules, because either alone leaks: (1) values of fields whose *name* marks them as
secret (``Authorization`` header, ``api_token`` query parameter, ``password`` JSON field, ...) are
masked wherever the name appears, whatever the value (so short secrets are masked too); (2) every secret
value the client knows (its credentials, and the tokens it obtained) is masked wherever it appears,
whatever the field is called, since a vendor may echo a token back in an error body, a header or a URL.

A server echoes a secret in whatever form its output takes, so rule (2) matches each character of a
secret in any of the forms it can take there: as is, URL-encoded (``%2B``, ``%20`` or ``+``, either hex
case), JSON-escaped (``\\"``, ``\\u00e9``, surrogate pairs), HTML-escaped (``&amp;``, ``&#233;``,
``&#xE9;``, ``&eacute;``) or ``repr``-escaped (``\\xe9``, and ``\\xc3\\xa9`` in a bytes repr), mixed freely.

``guard_logs`` puts a filter on every logger that can print a request or a response: httpx's (request
lines), httpcore's (response headers at DEBUG, one logger per module, as filters are not inherited by
child loggers), hpack's (HTTP/2 headers), aiohttp's and asyncio's (the aiohttp transport) and the package's own.
"""

from __future__ import annotations

import ast
import html.entities
import json
import logging
import re
import threading
import weakref
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from . import forks
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
_MIN_SECRET_LENGTH = 4  # shorter values would mask ordinary text; their field names still mask them
_MAX_SHOWN_DEPTH = 32  # structures shown in errors and logs are cut below this depth
# name=value (query strings, form bodies, cookies) and "name": "value" / 'name': 'value' in free text. A
# name starts only where no name character precedes it, and lengths are bounded, so that masking stays
# linear in the text however hostile it is (a long run of letters is scanned once, not from each position).
_NAMED_PAIR = re.compile(
    r"""(?<![A-Za-z0-9_.\-])(?P<name>[A-Za-z0-9_.\-]{1,100})(?P<sep>=)(?P<value>[^&\s;,"'<>]*)"""
    r"""|(?P<q>["'])(?P<qname>[A-Za-z0-9_.\-]{1,100})(?P=q)(?P<qsep>[ \t]{0,8}:[ \t]{0,8})"""
    r"""(?P<qvalue>"[^"\\]{0,4096}(?:\\.[^"\\]{0,4096}){0,64}"|'[^'\\]{0,4096}(?:\\.[^'\\]{0,4096}){0,64}')"""
)
_URL = re.compile(r"""https?://[^\s"'<>]+""")


def is_secret_name(name: str) -> bool:
    lowered = name.lower()
    return lowered in SECRET_NAMES or any(word in lowered for word in _SECRET_WORDS)


def _hex(number: int, width: int = 0) -> str:
    """``number`` in hex as a regex matching either letter case (and leading zeros when ``width`` is 0)."""
    digits = f"{number:0{width}X}" if width else f"0*{number:X}"
    return "".join(f"[{d}{d.lower()}]" if d.isalpha() else d for d in digits)


_JSON_SHORT = {'"': '\\"', "\\": "\\\\", "/": "\\/", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_REPR_SHORT = {"'": "\\'", '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_HTML_NAMES = {**{code: name for code, name in html.entities.codepoint2name.items()}, ord("'"): "apos"}


def _character_forms(char: str) -> str:
    """A regex for one character of a secret in any form an echo may take (see the module docstring)."""
    code = ord(char)
    utf8 = char.encode("utf-8")
    forms = {re.escape(char), "".join(f"%{_hex(byte, 2)}" for byte in utf8)}
    if char == " ":
        forms.add(r"\+")
    if code > 0xFFFF:  # JSON escapes an astral character as a surrogate pair
        high, low = 0xD800 + ((code - 0x10000) >> 10), 0xDC00 + ((code - 0x10000) & 0x3FF)
        forms.add(rf"\\u{_hex(high, 4)}\\u{_hex(low, 4)}")
    else:
        forms.add(rf"\\u{_hex(code, 4)}")
    forms |= {re.escape(short) for short in (_JSON_SHORT.get(char), _REPR_SHORT.get(char)) if short}
    forms |= {rf"&#0*{code};", rf"&#[xX]{_hex(code)};"}
    if code in _HTML_NAMES:
        forms.add(f"&{_HTML_NAMES[code]};")
    if code < 0x100:
        forms.add(rf"\\x{_hex(code, 2)}")
    forms.add(rf"\\U{_hex(code, 8)}")
    if len(utf8) > 1:  # a bytes repr shows each UTF-8 byte
        forms.add("".join(rf"\\x{_hex(byte, 2)}" for byte in utf8))
    return "(?:" + "|".join(sorted(forms, key=len, reverse=True)) + ")"


def _secret_pattern(secret: str) -> str:
    return "".join(_character_forms(char) for char in secret)


class Redactor:
    """Knows a client's secrets and masks them in any text or structure before it is shown."""

    def __init__(self, secrets: Iterable[str | None] = ()) -> None:
        self._lock = threading.Lock()
        self._secrets: set[str] = set()
        self._pattern: re.Pattern[str] | None = None
        self._longest_form = 0
        self.add(*secrets)
        forks.renew_in_child(self)

    def _after_fork(self) -> None:
        # A thread of the parent may have held the lock at the fork (storing a token it just obtained):
        # that thread does not exist in the child, so the child's copy of the lock would stay held.
        self._lock = threading.Lock()

    def add(self, *secrets: str | None) -> None:
        """Remember more secret values (e.g. a token just obtained)."""
        with self._lock:
            fresh = {s for s in secrets if isinstance(s, str) and len(s) >= _MIN_SECRET_LENGTH} - self._secrets
            if not fresh:
                return
            self._secrets |= fresh
            # Longest first, so a secret containing another is masked whole.
            ordered = sorted(self._secrets, key=len, reverse=True)
            self._pattern = re.compile("|".join(_secret_pattern(secret) for secret in ordered))
            self._longest_form = 12 * len(ordered[0])  # '\\U0001F600' is 10 characters for one

    def __repr__(self) -> str:
        return f"Redactor({len(self._secrets)} secrets)"

    def text(self, value: str) -> str:
        """``value`` with every known secret value, and the value of every ``secret_name=...``, masked."""
        if not value:
            return value
        pattern = self._pattern
        if pattern is not None:
            value = pattern.sub(MASK, value)
        return mask_named_values(value)

    def shows_secret(self, value: str) -> bool:
        """Whether ``value`` contains a known secret value, in any of its forms."""
        pattern = self._pattern
        return pattern is not None and pattern.search(value) is not None

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
        return content[: 4 * (limit + self._longest_form)].decode("utf-8", errors="replace")


def mask_named_values(text: str) -> str:
    """``text`` with the value of every ``name=value`` and ``"name": "value"`` whose name is secret masked."""

    def replace(match: re.Match[str]) -> str:
        if match["name"] is not None:
            return f"{match['name']}={MASK}" if is_secret_name(match["name"]) else match[0]
        if not is_secret_name(match["qname"]):
            return match[0]
        quote = match["qvalue"][0]
        return f"{match['q']}{match['qname']}{match['q']}{match['qsep']}{quote}{MASK}{quote}"

    return _NAMED_PAIR.sub(replace, text) if ("=" in text or ":" in text) else text


def _mask_header_pairs(message: str, redactors: list[Redactor]) -> str:
    """httpcore's ``... return_value=(..., [(b'name', b'value'), ...])`` with secret header values masked.

    A value is secret when its name is, or when it holds a known secret in any form. The logged structure
    is read back with ``ast.literal_eval`` (no regex over hostile text), so that each value is checked as
    the server sent it, decoded as UTF-8 and as Latin-1, not through the extra escaping of its repr (which
    turns a JSON-escaped ``\\u00e9`` into ``\\\\u00e9``).
    """
    head, marker, rest = message.partition(" return_value=")
    if not marker or "(b" not in rest:
        return message
    try:
        value = ast.literal_eval(rest)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return message
    masked, changed = _mask_pairs(value, redactors)
    return head + marker + repr(masked) if changed else message


def _mask_pairs(value: Any, redactors: list[Redactor], depth: int = 0) -> tuple[Any, bool]:
    """``value`` with every ``(name, value)`` pair of bytes whose value is secret masked, and whether any was."""
    if depth > 4 or not isinstance(value, (list, tuple)):
        return value, False
    if len(value) == 2 and all(isinstance(part, bytes) for part in value):
        name, raw = value
        texts = (raw.decode("utf-8", errors="replace"), raw.decode("latin-1"))
        secret = is_secret_name(name.decode("latin-1")) or any(
            mask_named_values(text) != text or any(r.shows_secret(text) for r in redactors) for text in texts
        )
        return ((name, MASK.encode()), True) if secret else (value, False)
    items = [_mask_pairs(item, redactors, depth + 1) for item in value]
    rebuilt = [item for item, _ in items]
    return (tuple(rebuilt) if isinstance(value, tuple) else rebuilt), any(changed for _, changed in items)


def _mask_urls(text: str) -> str:
    return _URL.sub(lambda match: Redactor().url(match[0]), text) if "://" in text else text


class _LogFilter(logging.Filter):
    """Masks a record's whole message (URLs, header pairs, named values, known secrets) before it is emitted.

    The message is formatted first and the arguments dropped, so that a secret cannot hide in an argument
    the format string places (or in one a handler prints on its own).
    """

    def __init__(self) -> None:
        super().__init__()
        self.redactors: weakref.WeakSet[Redactor] = weakref.WeakSet()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is the logging module's to report, untouched
            return True
        redactors = list(self.redactors)
        masked = _mask_urls(_mask_header_pairs(message, redactors))
        for redactor in redactors:
            masked = redactor.text(masked)
        masked = mask_named_values(masked)
        if masked != message or record.args:
            record.msg, record.args = masked, ()
        return True


_filter = _LogFilter()
# Every logger that prints requests or responses. httpcore has one per module and a filter on "httpcore"
# would not apply to them; loggers of these families that exist already are included as well.
_LOGGERS = (
    "httpx",
    "httpcore",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
    "hpack",
    "hpack.hpack",
    "hpack.table",
    # The aiohttp transport (aiohttp_transport): aiohttp's loggers, and asyncio's, which reports what
    # aiohttp leaves unclosed or a task's unretrieved exception.
    "aiohttp",
    "aiohttp.access",
    "aiohttp.client",
    "aiohttp.internal",
    "aiohttp.server",
    "aiohttp.web",
    "aiohttp.websocket",
    "asyncio",
)


def guard_logs(redactor: Redactor, *extra: logging.Logger) -> None:
    """Make every logger that can show a request or response (and ``extra`` ones) mask ``redactor``'s secrets."""
    names = set(_LOGGERS) | {
        name
        for name in list(logging.root.manager.loggerDict)
        if name.split(".")[0] in ("httpx", "httpcore", "hpack", "h2", "aiohttp")
    }
    for logger in [*(logging.getLogger(name) for name in sorted(names)), *extra]:
        if _filter not in logger.filters:
            logger.addFilter(_filter)
    _filter.redactors.add(redactor)

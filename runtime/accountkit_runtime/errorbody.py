"""An error response's body as the spec documents it: ``ApiStatusError.body``.

The spec gives each error status of an operation a body schema (PortaBilling's ``Fault`` for 500,
Octopush's ``ErrorBody`` for 400 and ``default``, ...), and each client package has the attrs model of
it. The table of which model goes with which operation and status is generated per package, as
``<package>._error_models`` (``Operation.package`` names the package); it is imported on the first
error, so a call that succeeds never pays for it.

A status is looked up as OpenAPI matches responses: the exact status first (``500``), then its range
(``5XX``), then ``default``. A status the spec documents without a body (PortaBilling's ``4XX``) has no
model, and ``default`` does not apply to it. The model is built from the *redacted* body (see
``redaction``), so that it can be shown and pickled like the rest of the error: a secret echoed by the
server is ``***`` there. A body that does not parse as documented (an HTML page from a proxy, a JSON
shape the spec does not describe) gives ``None``: the error is raised all the same, with the vendor's
code and message as far as they could be read, and ``body_data`` holds whatever the body was.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .operation import Operation

# Turns the (redacted) JSON data of a body into the documented model; raises when it does not fit.
Parser = Callable[[Any], Any]

__all__ = ["ErrorModels", "Parser", "error_body", "text"]


def text(data: Any) -> str:
    """The parser of a body the spec documents as a plain string (inTandem's ``HTTP Token: Access denied.``)."""
    if not isinstance(data, str):
        raise TypeError(f"expected the body's text, got {type(data).__name__}")
    return data


@dataclass(frozen=True)
class ErrorModels:
    """One operation's documented response bodies, by status: ``None`` where the spec documents no body.

    ``statuses``: exact statuses (``500``); ``ranges``: ``4`` for ``4XX``, ``5`` for ``5XX``; ``default``:
    every other status (unset when the spec has no ``default`` response). Success statuses are listed
    too: a vendor that reports a failure inside a 2xx (2sms's envelope) documents its body there.
    """

    statuses: Mapping[int, Parser | None] = field(default_factory=dict)
    ranges: Mapping[int, Parser | None] = field(default_factory=dict)
    default: Parser | None = None

    def parser(self, status_code: int) -> Parser | None:
        """How to read the body of ``status_code``, or None when the spec documents none for it."""
        if status_code in self.statuses:
            return self.statuses[status_code]
        if status_code // 100 in self.ranges:
            return self.ranges[status_code // 100]
        return self.default

    def parse(self, status_code: int, data: Any) -> Any:
        """The documented model of this body, or None (no model documented, or the body does not fit it)."""
        parser = self.parser(status_code)
        if parser is None or data is None:
            return None
        try:
            return parser(data)
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            # RequestValidationError (a closed schema's unknown key) is a ValueError too.
            return None


@cache
def _table(package: str) -> Mapping[str, ErrorModels]:
    try:
        module = importlib.import_module(f"{package}._error_models")
    except ModuleNotFoundError as exc:
        if exc.name not in (package, f"{package}._error_models"):
            raise  # the table is there but cannot be imported: a broken install, not a missing table
        return {}
    table: Mapping[str, ErrorModels] = module.ERROR_MODELS
    return table


def error_body(operation: Operation, status_code: int, data: Any) -> Any:
    """``operation``'s documented body model for ``status_code``, read from ``data`` (redacted), or None."""
    models = _table(operation.package).get(operation.name)
    return models.parse(status_code, data) if models is not None else None

"""What the runtime needs to know about one operation, taken from the spec at generation time.

Each package's ``_operations`` module (written by the generator from the spec) holds one
``Operation`` per operationId; the generated endpoint functions pass theirs to the runtime.
"""

from __future__ import annotations

from dataclasses import dataclass

from .retries import is_idempotent


@dataclass(frozen=True)
class Operation:
    name: str
    method: str
    path: str
    # The client package the operation belongs to: its ``schemas`` module holds the validation models,
    # and a deprecation warning is attributed to the first frame outside it (and outside the runtime).
    package: str
    # The spec's ``x-idempotent`` (None when it says nothing: then the HTTP method decides).
    declared_idempotent: bool | None = None
    # What to use instead, when the spec marks the operation ``deprecated``.
    deprecated: str | None = None
    # Names of the pydantic models in ``<package>.schemas`` that validate the request.
    parameters_model: str | None = None
    body_model: str | None = None
    # Dotted paths (``*`` = every array item) of read-only fields: left out of what is sent (``readonly``).
    read_only: tuple[str, ...] = ()
    # Query parameters whose wire form the spec leaves open (its ``x-accountkit-wire-alternative``):
    # ``RequestOptions.extra_query`` may send one in another form when its argument is left unset.
    wire_alternatives: tuple[str, ...] = ()
    # Success statuses whose body may be anything (the spec's ``x-accountkit-any-body``): empty, not
    # JSON, any JSON. The generated parser reads them with ``bodies.json_object``, never failing.
    any_body: tuple[int, ...] = ()

    @property
    def idempotent(self) -> bool:
        return is_idempotent(self.method, self.declared_idempotent)

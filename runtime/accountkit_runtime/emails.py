"""The check of a ``format: email`` field, as pydantic's ``EmailStr`` makes it, without importing pydantic's models.

A request's plain checks (``fastcheck``) run without ``<package>.schemas``; an e-mail field is the one
check there that is Python, not pydantic-core: ``pydantic.networks.validate_email``. Importing
``pydantic.networks`` imports pydantic's whole model machinery, as costly as the rest of a first call,
so the plain checks call ``validate`` here instead: the same steps on the same library
(email-validator, which every client with an e-mail field depends on), so it accepts and refuses
exactly the same strings (``tests/runtime/test_emails.py`` compares the two on generated addresses).
Its error is pydantic's; only the model's message reaches a caller anyway (``validation``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import email_validator

if TYPE_CHECKING:
    from pydantic_core import PydanticCustomError

# pydantic.networks.MAX_EMAIL_LENGTH and _build_pretty_email_regex(): "Name <address>" forms.
MAX_EMAIL_LENGTH = 2048
_NAME_CHARS = r"[\w.!#$%&\'*+\-/=?^_`{|}~]"
_PRETTY = re.compile(
    rf'\s*(?:((?:{_NAME_CHARS}+\s+)*{_NAME_CHARS}+)|"((?:[^"]|\")+)")?\s*<(.+)>\s*'
)  # fmt: skip


def _invalid(reason: str) -> PydanticCustomError:
    # Imported here: a valid address is checked (``purecheck``) without importing pydantic-core at all.
    from pydantic_core import PydanticCustomError

    return PydanticCustomError("value_error", "value is not a valid email address: {reason}", {"reason": reason})


def validate(value: str) -> str:
    """The normalised address in ``value`` (pydantic's ``EmailStr``), or ``PydanticCustomError``."""
    if len(value) > MAX_EMAIL_LENGTH:
        raise _invalid(f"Length must not exceed {MAX_EMAIL_LENGTH} characters")
    if "\r" in value or "\n" in value:  # a header's folding is undone before parsing; a value has none
        raise _invalid("Carriage return and line feed characters are not allowed")
    pretty = _PRETTY.fullmatch(value)
    if pretty:
        value = pretty.group(3)
    try:
        parts = email_validator.validate_email(value.strip(), check_deliverability=False)
    except email_validator.EmailNotValidError as exc:
        raise _invalid(str(exc.args[0])) from exc
    return str(parts.normalized)

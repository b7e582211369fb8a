"""``accountkit_runtime.emails.validate`` accepts and refuses exactly what pydantic's ``EmailStr`` does.

The plain request checks call it instead of ``pydantic.networks.validate_email`` (whose import brings
pydantic's model machinery); a copy that drifted would let a bad address out, or refuse a good one
without a message. Both run here on the same strings: addresses, "Name <address>" forms, and the edge
cases pydantic checks first (length, line breaks).
"""

from __future__ import annotations

import importlib
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic.networks import MAX_EMAIL_LENGTH, validate_email
from pydantic_core import PydanticCustomError

emails = importlib.import_module("accountkit_runtime.emails")

_PARTS = st.sampled_from(
    ["ann", "a.b", "x+y", "Ann Lee", '"Ann"', "<", ">", "@", " ", "\t", "\r\n", "\n", ".", "..", "example.com",
     "localhost", "[127.0.0.1]", "é", "münchen.de", "xn--mnchen-3ya.de", '"', "\\", "-", "_", "a" * 64, "b" * 70,
     "com", "c", "!", "#", "%", "'", "<ann@example.com>"]
)  # fmt: skip
_TEXT = st.lists(_PARTS | st.text(max_size=6), max_size=8).map("".join)
_ADDRESSES = st.builds(lambda local, domain: f"{local}@{domain}", _TEXT, _TEXT)
_PRETTY = st.builds(lambda name, address: f"{name} <{address}>", _TEXT, _ADDRESSES)


def _outcome(check: Any, value: str) -> tuple[str, Any]:
    try:
        return ("accepted", check(value))
    except PydanticCustomError as exc:
        return ("refused", exc.message())


def _pydantic(value: str) -> str:
    return validate_email(value)[1]  # what EmailStr keeps: the normalised address


@settings(max_examples=400, deadline=None)
@given(value=_ADDRESSES | _PRETTY | _TEXT)
@example("ann@example.com")
@example("Ann Lee <ann@example.com>")
@example('"Lee, Ann" <ann@example.com>')
@example(" ann@example.com ")
@example("ann@example.com\n")
@example("a" * (MAX_EMAIL_LENGTH - 12) + "@example.com")
@example("a" * (MAX_EMAIL_LENGTH - 11) + "@example.com")
@example("ann@[127.0.0.1]")
@example("ann@münchen.de")
def test_the_copy_decides_and_normalises_as_pydantic(value: str) -> None:
    assert _outcome(emails.validate, value) == _outcome(_pydantic, value)

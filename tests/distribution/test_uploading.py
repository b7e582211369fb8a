"""``upload_each``: how ``publish`` and ``npmpublish`` report their uploads (``dist/uploading.py``)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from accountkit_codegen.dist.uploading import upload_each


@dataclass(frozen=True)
class Item:
    name: str
    version: str


class Refused(Exception):
    pass


ITEMS = [Item("a", "1.0.0"), Item("b", "2.0.0"), Item("c", "3.0.0")]


def _redact(line: str) -> str:
    return line.replace("s3cret", "***")


def test_every_release_is_reported_and_success_is_status_zero(capsys: pytest.CaptureFixture[str]) -> None:
    status = upload_each("publish", ITEMS, "release(s)", lambda item: (True, f"uploaded {item.name}"), Refused, _redact)

    out, err = capsys.readouterr()
    assert status == 0
    assert out.splitlines() == ["a 1.0.0: uploaded a", "b 2.0.0: uploaded b", "c 3.0.0: uploaded c"]
    assert err == ""


def test_a_failure_is_counted_redacted_and_the_rest_still_tried(capsys: pytest.CaptureFixture[str]) -> None:
    def upload(item: Item) -> tuple[bool, str]:
        if item.name == "a":
            raise Refused("token s3cret was refused")
        if item.name == "b":
            return False, "REFUSED: 2.0.0 is there with other content"
        return True, "uploaded"

    status = upload_each("publish-npm", ITEMS, "package(s)", upload, Refused, _redact)

    out, err = capsys.readouterr()
    assert status == 1
    assert out.splitlines() == [
        "a 1.0.0: FAILED: token *** was refused",
        "b 2.0.0: REFUSED: 2.0.0 is there with other content",
        "c 3.0.0: uploaded",
    ]
    assert err == "publish-npm: 2 of 3 package(s) refused or failed\n"
    assert "s3cret" not in out + err


def test_another_error_is_not_taken_for_a_refusal() -> None:
    def upload(item: Item) -> tuple[bool, str]:
        raise KeyError(item.name)

    with pytest.raises(KeyError):
        upload_each("publish", ITEMS, "release(s)", upload, Refused, _redact)

"""``upload_each``: how ``publish`` and ``npmpublish`` report their uploads (``dist/uploading.py``)."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from accountkit_codegen.dist import uploading
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


def test_each_line_is_out_before_the_next_upload_starts(tmp_path: Path) -> None:
    """Uploads take a while: a CI log (a pipe, block-buffered) must show each release as it is done.

    The second upload waits for the test to have read the first line: unflushed, that line would stay in
    the child's buffer and the two would wait for each other until the timeout."""
    script = (
        "import sys\n"
        "from accountkit_codegen.dist.uploading import upload_each\n"
        "class Item:\n"
        "    def __init__(self, name): self.name, self.version = name, '1.0.0'\n"
        "def upload(item):\n"
        "    if item.name == 'b':\n"
        "        sys.stdin.readline()  # the go-ahead, sent once the first line was read\n"
        "    return True, 'uploaded'\n"
        "sys.exit(upload_each('publish', [Item('a'), Item('b')], 'release(s)', upload, ValueError, str))\n"
    )
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}  # as in a CI job
    env["PYTHONPATH"] = str(Path(uploading.__file__).parents[2])
    child = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
    )
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        for line in child.stdout or []:
            lines.put(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        first = lines.get(timeout=10)
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
        assert child.wait(timeout=30) == 0
    finally:
        child.kill()
        child.wait()
    reader.join(timeout=30)
    assert first == "a 1.0.0: uploaded\n"
    assert lines.get(timeout=30) == "b 1.0.0: uploaded\n"

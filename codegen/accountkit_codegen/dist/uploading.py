"""Upload each release of a command's list, one line each, and turn the failures into the exit status.

``publish`` (sdists and wheels to an index) and ``npmpublish`` (npm tarballs to a registry) decide and
upload differently, but report the same way: a line per release, secrets redacted, a failure counted
and the next release still tried, then one summary and status 1 if anything was refused or failed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar


class Named(Protocol):
    """A release as the report names it."""

    @property
    def name(self) -> str: ...

    @property
    def version(self) -> object: ...  # a str, or packaging's Version: printed as written


R = TypeVar("R", bound=Named)


def upload_each(
    command: str,
    releases: Sequence[R],
    noun: str,
    upload: Callable[[R], tuple[bool, str]],
    failure: type[Exception],
    redact: Callable[[str], str],
) -> int:
    """``upload`` every release (a ``failure`` raised is that release's FAILED line); 0, or 1 if any failed."""
    failures = 0
    for release in releases:
        try:
            ok, line = upload(release)
        except failure as exc:
            ok, line = False, f"FAILED: {exc}"
        failures += not ok
        print(f"{release.name} {release.version}: {redact(line)}", flush=True)
    if failures:
        print(f"{command}: {failures} of {len(releases)} {noun} refused or failed", file=sys.stderr)
        return 1
    return 0

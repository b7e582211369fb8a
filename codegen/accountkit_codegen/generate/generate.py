"""``nox -s generate [-- api ...]``: regenerate client packages from specs/, atomically and incrementally.

Every selected API whose inputs changed is built into a staging directory first; only when all of them
built does each one replace its ``generated/<api>/`` (one rename each). A bad spec therefore ends in one
message per broken file and an untouched ``generated/``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..spec.layout import CACHE, Api, select_apis
from ..spec.specs import SpecError
from .build import ToolError, build
from .records import RecordError
from .runtimerange import RuntimeVersionError
from .stamp import inputs_digest, is_fresh, write_stamp


def build_all(apis: list[Api], into: Path) -> list[str]:
    """Build every API into ``into/<api>`` in parallel; return the error messages (empty on success)."""
    with ThreadPoolExecutor(max_workers=min(4, len(apis)) or 1) as pool:
        futures = [(api, pool.submit(build, api, into / api.name)) for api in apis]
    errors = []
    for _api, future in futures:
        try:
            future.result()
        except (SpecError, ToolError) as exc:
            errors.append(str(exc))
    return errors


def _swap_in(built: Path, target: Path, trash: Path) -> None:
    """Replace ``target`` by ``built``; the old tree is moved aside first and restored if that fails."""
    old = trash / target.name
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        os.replace(target, old)
    try:
        os.replace(built, target)
    except OSError:
        if old.exists():
            os.replace(old, target)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="generate", description=__doc__.splitlines()[0])
    parser.add_argument("apis", nargs="*", help="APIs to regenerate (default: all)")
    parser.add_argument("--force", action="store_true", help="rebuild even if the inputs are unchanged")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    apis = select_apis(args.apis)
    try:
        inputs = {api: inputs_digest(api) for api in apis}
    except (RuntimeVersionError, RecordError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("generate: nothing written; generated/ is unchanged", file=sys.stderr)
        return 1
    stale = [api for api in apis if args.force or not is_fresh(api, inputs[api])]
    fresh = [api.name for api in apis if api not in stale]
    if not stale:
        print(f"generate: {len(apis)} up to date ({', '.join(fresh)}); nothing to do")
        return 0

    CACHE.mkdir(exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="staging-", dir=CACHE))
    try:
        errors = build_all(stale, staging / "new")
        if errors:
            for message in errors:
                print(f"error: {message}", file=sys.stderr)
            print("generate: nothing written; generated/ is unchanged", file=sys.stderr)
            return 1
        (staging / "old").mkdir()
        for api in stale:
            _swap_in(staging / "new" / api.name, api.output, staging / "old")
            write_stamp(api, inputs[api])
    finally:
        shutil.rmtree(staging, ignore_errors=True)

    took = time.perf_counter() - started
    skipped = f"; {len(fresh)} unchanged ({', '.join(fresh)})" if fresh else ""
    print(f"generate: regenerated {', '.join(api.name for api in stale)} in {took:.1f}s{skipped}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

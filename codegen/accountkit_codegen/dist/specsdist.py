"""``nox -s specs [-- api ...]``: the specs for every other language, in dist/specs/.

Per API: ``<api>.yaml`` and ``<api>.json`` bundled by Redocly (no external ``$ref``: a consumer gets one
self-contained file; internal ``#/components/...`` refs stay, so generators still see named types),
``<api>.html``, a reference page that works offline (Redoc's scripts inlined, not loaded from a CDN),
and ``<api>.d.ts``, TypeScript types from openapi-typescript. A ``tsconfig.json`` beside them lets
``tsc`` check them; this command runs it with ``--strict``, so types that don't compile never ship.

The Node tools are the ones pinned in package.json, from node_modules/.bin (``npm ci``), never whatever
is on PATH.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from ..spec.layout import REPO, Api, select_apis

OUTDIR = REPO / "dist" / "specs"
NODE_BIN = REPO / "node_modules" / ".bin"
NODE_ENV = {"REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true", "NO_COLOR": "1"}
TSCONFIG = {
    "compilerOptions": {
        "strict": True,
        "noEmit": True,
        "target": "ES2022",
        "module": "ESNext",
        "moduleResolution": "Bundler",
        "types": [],
        "skipLibCheck": False,
    },
    "include": ["*.ts"],
}
# A <script src=...> or <link href=...> that leaves the file: what would break the page offline.
_EXTERNAL_ASSET = re.compile(
    r"<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*[\"']?((?:https?:)?//[^\"'\s>]+)", re.IGNORECASE
)


class SpecsDistError(Exception):
    """A tool failed, or an output broke one of the promises in the module docstring."""


def node_tool(name: str) -> str:
    """The pinned Node tool ``name``; a clear error when ``npm ci`` has not been run."""
    path = NODE_BIN / name
    if not path.exists():
        raise SpecsDistError(f"{path} is missing; run npm ci (./dev -s specs does)")
    return str(path)


def run_tool(what: str, args: list[str], cwd: Path = REPO) -> None:
    """Run a Node tool; its last lines of output in a SpecsDistError when it fails."""
    result = subprocess.run(
        args,
        cwd=cwd,
        env={**os.environ, **NODE_ENV},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        tail = "\n  ".join(result.stdout.strip().splitlines()[-25:]) or "(no output)"
        raise SpecsDistError(f"{what} failed (exit {result.returncode}):\n  {tail}")


def refs(node: Any) -> Iterator[str]:
    """Every ``$ref`` value in a JSON document."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from refs(item)


def external_refs(document: Any) -> list[str]:
    """The ``$ref``s that point outside the document (anything but ``#...``)."""
    return sorted({ref for ref in refs(document) if not ref.startswith("#")})


def external_assets(html: str) -> list[str]:
    """URLs of scripts and stylesheets the page would load from the network."""
    return sorted(set(_EXTERNAL_ASSET.findall(html)))


def bundle(api: Api, outdir: Path) -> None:
    """``<api>.yaml`` and ``<api>.json``: one self-contained file each, checked for external refs."""
    for ext in ("yaml", "json"):
        target = outdir / f"{api.name}.{ext}"
        args = [node_tool("redocly"), "bundle", str(api.spec), "--ext", ext, "-o", str(target)]
        run_tool(f"redocly bundle {api.name} ({ext})", args)
    leftovers = external_refs(json.loads((outdir / f"{api.name}.json").read_text(encoding="utf-8")))
    if leftovers:
        raise SpecsDistError(f"dist/specs/{api.name}.json still has external $refs: {', '.join(leftovers)}")


def html_reference(api: Api, outdir: Path) -> None:
    """``<api>.html``: Redoc with its scripts inlined (``--inlineBundle``), refused if it still loads any."""
    target = outdir / f"{api.name}.html"
    args = [node_tool("redocly"), "build-docs", str(outdir / f"{api.name}.yaml"), "-o", str(target)]
    run_tool(f"redocly build-docs {api.name}", [*args, "--inlineBundle"])
    remote = external_assets(target.read_text(encoding="utf-8"))
    if remote:
        raise SpecsDistError(f"{target.name} loads from the network: {', '.join(remote)}")


def typescript_types(api: Api, outdir: Path) -> None:
    """``<api>.d.ts``; defaults do not make a property required (a request may leave it out)."""
    source, target = outdir / f"{api.name}.yaml", outdir / f"{api.name}.d.ts"
    args = [
        node_tool("openapi-typescript"),
        str(source),
        "-o",
        str(target),
        "--default-non-nullable",
        "false",
    ]
    run_tool(f"openapi-typescript {api.name}", args)


def one_api(api: Api, outdir: Path) -> None:
    bundle(api, outdir)
    html_reference(api, outdir)
    typescript_types(api, outdir)


def typecheck(outdir: Path) -> None:
    """``tsc --strict --noEmit`` over every ``.ts`` in ``outdir`` (the tsconfig.json written beside them)."""
    (outdir / "tsconfig.json").write_text(json.dumps(TSCONFIG, indent=2) + "\n", encoding="utf-8")
    run_tool("tsc --strict --noEmit", [node_tool("tsc"), "-p", str(outdir / "tsconfig.json")], cwd=outdir)


def build_specs(apis: list[Api], outdir: Path) -> list[Path]:
    """Write every output for ``apis`` into ``outdir`` and type-check them; the files written."""
    outdir = outdir.resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1, len(apis)) or 1) as pool:
        for future in [pool.submit(one_api, api, outdir) for api in apis]:
            future.result()
    typecheck(outdir)
    suffixes = (".yaml", ".json", ".html", ".d.ts")
    return [outdir / f"{api.name}{suffix}" for api in apis for suffix in suffixes]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="specs", description=__doc__.splitlines()[0])
    parser.add_argument("apis", nargs="*", help="APIs to write (default: all)")
    parser.add_argument("--outdir", type=Path, default=OUTDIR, help="where to write (default: dist/specs/)")
    args = parser.parse_args(argv)
    try:
        written = build_specs(select_apis(args.apis), args.outdir)
    except SpecsDistError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"{path.stat().st_size:>9}  {path.name}")
    print(f"specs: {len(written)} files in {args.outdir}; bundled, offline HTML, tsc --strict clean")
    return 0


if __name__ == "__main__":
    sys.exit(main())

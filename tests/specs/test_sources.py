"""The sources the specs cite are ones a reader can follow: a title and an address, defined in the spec.

Every ``x-accountkit-source`` names keys of the document's own ``x-accountkit-sources``; each source has
a title and a public https address; ``externalDocs`` and the ``page`` source point at the vendor page
the API's reader reads (accountkit_codegen.spec.pages.apis) and at its committed snapshot. Names that mean
something only inside this repository (the folder of saved pages, its notes) appear nowhere in a spec,
because the specs ship inside every client package and its HTML reference.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from accountkit_codegen.spec.layout import REPO
from accountkit_codegen.spec.pages.apis import PAGES
from accountkit_codegen.spec.pages.snapshot import snapshot_path
from support.specs import read_spec


def citations(node: Any, where: str = "") -> Iterator[tuple[str, list[str]]]:
    """(pointer, cited keys) of every x-accountkit-source in the document."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "x-accountkit-source":
                yield where, value if isinstance(value, list) else [value]
            elif key != "x-accountkit-sources":
                yield from citations(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from citations(value, f"{where}/{i}")


@pytest.mark.parametrize("api", list(PAGES))
def test_every_citation_names_a_defined_source(api: str) -> None:
    doc = read_spec(api)
    sources = doc.get("x-accountkit-sources", {})
    cited = list(citations(doc))
    assert cited, "the spec cites no source at all"
    for where, keys in cited:
        assert keys and all(key in sources for key in keys), f"{where}: {keys} not in x-accountkit-sources"


@pytest.mark.parametrize("api", list(PAGES))
def test_every_source_has_a_title_and_an_address(api: str) -> None:
    for key, source in read_spec(api)["x-accountkit-sources"].items():
        urls = source.get("urls", [source.get("url")])
        assert source.get("title") and urls and all(re.match(r"https://\S+$", str(u)) for u in urls), key


@pytest.mark.parametrize("api", list(PAGES))
def test_the_page_source_is_the_page_the_reader_reads(api: str) -> None:
    doc, binding = read_spec(api), PAGES[api]
    assert doc["externalDocs"]["url"] == binding.source.url
    page = doc["x-accountkit-sources"]["page"]
    assert page["url"] == binding.source.url
    assert REPO / page["snapshot"] == snapshot_path(api) and snapshot_path(api).exists()


@pytest.mark.parametrize("path", sorted((REPO / "specs").glob("*.yaml")), ids=lambda p: p.name)
def test_specs_name_no_repository_internal_sources(path: Path) -> None:
    text = path.read_text(encoding="utf-8").lower()
    for word in ("seed", "vendor-facts", "vendor facts", "shared/"):
        assert word not in text, f"{path.name} mentions {word!r}"

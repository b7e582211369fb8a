"""Which vendor page each API follows: its reader, its public address, and how its rows map onto the spec.

The one place that ties a page to a spec. ``body_prefixes`` says where the page's request rows sit in
the request body: PortaBilling wraps every body in ``{"params": ...}`` and its table lists the fields of
``account_info`` and, at its end, siblings of ``account_info`` (``release_assigned_did``), so a request
row is looked up under each prefix in turn.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..layout import SPECS
from .model import Page
from .readers import READERS
from .text import PageReadError, read_page_file


@dataclass(frozen=True)
class PageSource:
    """Where the page is published. ``note`` says what a reader should know about the copy (e.g. that
    it is a third party's copy of the vendor's reference)."""

    url: str
    publisher: str
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in (("url", self.url), ("publisher", self.publisher), ("note", self.note)) if v}


@dataclass(frozen=True)
class PageBinding:
    api: str
    reader: str
    source: PageSource
    operation_id: str
    body_prefixes: tuple[str, ...] = ("",)
    hints: Mapping[str, Any] = field(default_factory=dict)

    @property
    def spec_file(self) -> str:
        return f"{self.api}.yaml"

    @property
    def spec_path(self) -> Path:
        return SPECS / self.spec_file

    def read_text(self, text: str, source: str) -> Page:
        """The page in ``text`` read with this API's reader; any problem is one PageReadError naming
        ``source`` (the file) and the reader."""
        try:
            page = READERS[self.reader](text, self.operation_id, self.hints)
        except PageReadError as exc:
            raise PageReadError(exc.problem, source=source, reader=self.reader) from None
        if not page.rows:
            raise PageReadError("no field rows found", source=source, reader=self.reader)
        return page

    def read_file(self, path: Path) -> Page:
        """A saved copy of the page (text or HTML) read with this API's reader."""
        try:
            text = read_page_file(path)
        except PageReadError as exc:
            raise PageReadError(exc.problem, source=str(path), reader=self.reader) from None
        return self.read_text(text, str(path))


PAGES: dict[str, PageBinding] = {
    "intandem": PageBinding(
        "intandem",
        "readme-reference",
        PageSource(
            "https://developers.intandem.tech/reference/account-manipulation",
            "inTandem (vcita) developers hub, API reference",
        ),
        "change_package",
        # The page's rendering lost the parameter names; these are the names in page order, as the
        # vendor's OpenAPI file for the legacy Partners API gives them.
        hints={
            "names": {
                "path": ["business_uid"],
                "query": [
                    "package_name",
                    "external_subscription_params",
                    "edit_tags",
                    "add_sms_credits",
                    "delete_sms_credits",
                ],
                "header": ["Authorization"],
            }
        },
    ),
    "activeplatform": PageBinding(
        "activeplatform",
        "arguments-table",
        PageSource(
            "https://docs.activeplatform.com/api-guide/6.0/en/klienty-v1/obnovlenie-informatsii-o-kliente",
            "ActivePlatform API guide 6.0, vendor API v1",
        ),
        "update_account",
        hints={"nested": {"custom_attributes": 2}},
    ),
    "portabilling": PageBinding(
        "portabilling",
        "field-table",
        PageSource(
            "https://apidoc.icosnet.com/Portaone%20API/update_account",
            "ICOSNET API documentation (PortaOne API section)",
            "A third party's copy of PortaOne's Account/update_account reference, not PortaOne's own page.",
        ),
        "update_account",
        body_prefixes=("params.account_info", "params"),
    ),
    "octopush": PageBinding(
        "octopush",
        "parameters-table",
        PageSource(
            "https://dev.octopush.com/en/sms-gateway-api-documentation/api-sub-accounts/modify-a-subaccount/",
            "Octopush SMS gateway API documentation",
        ),
        "edit_subaccount",
    ),
    "twosms": PageBinding(
        "twosms",
        "aspnet-help",
        PageSource(
            "https://plus.2sms.com/Help/Api/PUT-api-v2-admin-accounts-id",
            "2sms (SMS+) API help pages",
            "The vendor's other portals (portal.2sms.us, 2sms-uk.com, au.2sms.com) serve the same help page.",
        ),
        "update_account",
    ),
}


def binding(api: str) -> PageBinding:
    """The binding of a named API; an unknown name is an error listing the known ones."""
    try:
        return PAGES[api]
    except KeyError:
        raise KeyError(f"no vendor page is bound to {api!r}; known: {', '.join(PAGES)}") from None

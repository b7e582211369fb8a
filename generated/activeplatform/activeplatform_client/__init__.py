"""A client library for accessing ActivePlatform Vendor API v1 — Update an Account"""

from typing import TYPE_CHECKING, Any

from accountkit_runtime.options import RequestOptions

from . import errors
from ._connect import connect
from .client import AuthenticatedClient, Client

if TYPE_CHECKING:
    from .clients import ActivePlatform, AsyncActivePlatform

__all__ = (
    "AsyncActivePlatform",
    "AuthenticatedClient",
    "Client",
    "ActivePlatform",
    "RequestOptions",
    "connect",
    "errors",
)


def __getattr__(name: str) -> Any:
    # The client objects import every operation and model: loaded on first use, so that
    # ``import activeplatform_client`` stays as quick for code that only calls the module functions.
    if name in ("ActivePlatform", "AsyncActivePlatform"):
        from . import clients

        return getattr(clients, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

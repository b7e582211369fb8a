"""A client library for accessing Octopush SMS API — Modify a subaccount"""

from typing import TYPE_CHECKING, Any

from accountkit_runtime.options import RequestOptions

from . import errors
from ._connect import connect
from .client import AuthenticatedClient, Client

if TYPE_CHECKING:
    from .clients import AsyncOctopush, Octopush

__all__ = ("AsyncOctopush", "AuthenticatedClient", "Client", "Octopush", "RequestOptions", "connect", "errors")


def __getattr__(name: str) -> Any:
    # The client objects import every operation and model: loaded on first use, so that
    # ``import octopush_client`` stays as quick for code that only calls the module functions.
    if name in ("Octopush", "AsyncOctopush"):
        from . import clients

        return getattr(clients, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

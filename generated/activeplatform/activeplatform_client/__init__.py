"""A client library for accessing ActivePlatform Vendor API v1 — Update an Account"""

from accountkit_runtime.options import RequestOptions

from . import errors
from ._vendor import connect
from .client import AuthenticatedClient, Client

__all__ = ("AuthenticatedClient", "Client", "RequestOptions", "connect", "errors")

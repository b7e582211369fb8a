"""A client library for accessing SMS+ (2sms) API v2 — Update an account"""

from accountkit_runtime.options import RequestOptions

from . import errors
from ._vendor import connect
from .client import AuthenticatedClient, Client

__all__ = ("AuthenticatedClient", "Client", "RequestOptions", "connect", "errors")

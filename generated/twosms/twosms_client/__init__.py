"""A client library for accessing SMS+ (2sms) API v2 — Update an account"""

from . import errors
from ._runtime.options import RequestOptions
from ._vendor import connect
from .client import AuthenticatedClient, Client

__all__ = ("AuthenticatedClient", "Client", "RequestOptions", "connect", "errors")

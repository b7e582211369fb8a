"""A client library for accessing Octopush SMS API — Modify a subaccount"""

from accountkit_runtime.options import RequestOptions

from . import errors
from ._vendor import connect
from .client import AuthenticatedClient, Client

__all__ = ("AuthenticatedClient", "Client", "RequestOptions", "connect", "errors")

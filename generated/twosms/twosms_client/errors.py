"""Every error this client raises: accountkit-runtime's one hierarchy, the same classes in every accountkit client.

So ``except twosms_client.errors.ApiError`` also catches a failure of another accountkit client.
"""

from accountkit_runtime.errors import (
    AccountkitError,
    ApiConnectionError,
    ApiError,
    ApiStatusError,
    ApiTimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientPicklingError,
    ConfigurationError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RequestValidationError,
    ResponseParseError,
    ResponseTooLargeError,
    ServerError,
    UnexpectedStatus,
    UnprocessableError,
    VendorError,
)

__all__ = [
    "AccountkitError",
    "ApiConnectionError",
    "ApiError",
    "ApiStatusError",
    "ApiTimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientPicklingError",
    "ConfigurationError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestValidationError",
    "ResponseParseError",
    "ResponseTooLargeError",
    "ServerError",
    "UnexpectedStatus",
    "UnprocessableError",
    "VendorError",
]

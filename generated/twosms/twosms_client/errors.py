"""Every error this client raises: accountkit-runtime's one hierarchy, the same classes in every accountkit client.

So ``except twosms_client.errors.ApiError`` also catches a failure of another accountkit client. The
warnings a call may give while going ahead are here too (``AccountkitWarning``, ``ReadOnlyFieldsDropped``).
"""

from accountkit_runtime.errors import (
    AccountkitError,
    AccountkitWarning,
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
    ReadOnlyFieldsDropped,
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
    "AccountkitWarning",
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
    "ReadOnlyFieldsDropped",
    "RequestValidationError",
    "ResponseParseError",
    "ResponseTooLargeError",
    "ServerError",
    "UnexpectedStatus",
    "UnprocessableError",
    "VendorError",
]

"""The handwritten layer shared by every generated client (copied into each package as ``_runtime``).

What the generators don't give, in one module each:

- ``errors``      the error hierarchy, and turning an error response into the right exception.
- ``redaction``   masking secrets in logs, exception messages and reprs.
- ``auth``        the five vendors' authentication schemes as ``httpx.Auth`` flows.
- ``retries``     which failures are retried, and how long to wait (backoff, jitter, Retry-After).
- ``options``     timeouts and per-call overrides (``RequestOptions``).
- ``validation``  checking a request against the spec's pydantic models before anything is sent.
- ``transport``   the one function every generated operation sends through (sync and async).
- ``settings``    what a configured client carries: vendor profile, retries, redactor, logger.
- ``connect``     building a configured client from arguments and environment variables.

Every package carries an identical copy, so each installs and works alone.
"""

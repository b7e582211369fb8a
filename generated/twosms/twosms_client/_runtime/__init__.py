"""The handwritten layer shared by every generated client (copied into each package as ``_runtime``).

What the generators don't give, in one module each:

- ``errors``      the error hierarchy, pickling errors, showing response text safely (``printable``).
- ``redaction``   masking secrets in logs, exception messages and reprs.
- ``auth``        the five vendors' authentication schemes as ``httpx.Auth`` flows.
- ``retries``     which failures are retried, and how long to wait (backoff, jitter, Retry-After).
- ``options``     timeouts, the response size cap and per-call overrides (``RequestOptions``).
- ``limits``      what bounds one call: its deadline and its size cap, for every request it makes.
- ``network``     sync sockets that end by the call's deadline (drips, endless headers).
- ``decoding``    response bodies decoded in bounded steps and capped after decompression.
- ``redirects``   no redirect to another origin, so credentials stay with their origin.
- ``validation``  checking a request against the spec's pydantic models before anything is sent.
- ``transport``   the one function every generated operation sends through (sync and async).
- ``pools``       the httpx clients: one per event loop, new ones after a fork, with the hooks above.
- ``loops``       one value per event loop, forgotten with its loop.
- ``forks``       what starts afresh in a forked child (pools, locks, tokens).
- ``pickling``    a client pickles as its configuration, never with live state or secrets.
- ``settings``    what a configured client carries: vendor profile, retries, size cap, redactor, logger.
- ``connect``     building a configured client from arguments and environment variables.

Every package carries an identical copy, so each installs and works alone.
"""

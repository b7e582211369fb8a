"""accountkit's runtime: the handwritten layer every generated accountkit client depends on.

One distribution (``accountkit-runtime``) for every client, as Google's generated clients share
``google-api-core``: a fix here is released once, and every client raises the same exceptions
(``portabilling_client.errors.ApiError is octopush_client.errors.ApiError``). What is one vendor's
alone (its ``connect()`` arguments and environment variables, its error-body reader, its fault
classification, its session rules) stays in that vendor's client package, as ``<package>._vendor``.

What the generators don't give, in one module each:

- ``client``      the ``Client`` / ``AuthenticatedClient`` every operation takes (each package re-exports it).
- ``errors``      the error hierarchy and the warnings, pickling errors, showing response text safely (``printable``).
- ``errorbody``   an error body as the spec's model for its status (``ApiStatusError.body``).
- ``redaction``   masking secrets in logs, exception messages and reprs.
- ``auth``        authentication schemes as ``httpx.Auth`` flows, and ``TokenFlow`` for vendors' own.
- ``retries``     which failures are retried, and how long to wait (backoff, jitter, Retry-After).
- ``options``     timeouts, the response size cap and per-call overrides (``RequestOptions``).
- ``extras``      undocumented body and query keys for one call (``extra_body``, ``extra_query``).
- ``limits``      what bounds one call: its deadline and its size cap, for every request it makes.
- ``network``     sync sockets that end by the call's deadline (drips, endless headers).
- ``decoding``    response bodies decoded in bounded steps and capped after decompression.
- ``bodies``      JSON bodies read without recursing on hostile nesting; a body that may be anything.
- ``redirects``   no redirect to another origin, so credentials stay with their origin.
- ``cookies``     the client keeps only the cookies it can send back (ASCII names and values).
- ``operation``   what the runtime knows of one operation (each package's ``_operations`` lists them).
- ``encoding``    request values as they go on the wire, or refused before anything is sent.
- ``validation``  checking a request against the spec before anything is sent (models word the problems).
- ``fastcheck``   the plain checks a valid request passes without importing the pydantic models.
- ``purecheck``   those plain checks in Python for the common shapes, without importing pydantic-core.
- ``plainregex``  a spec pattern judged by Python's ``re`` where it surely agrees with pydantic-core's.
- ``emails``      pydantic's e-mail check, for those plain checks, without pydantic's model machinery.
- ``readonly``    read-only fields left out of a request body, named in one warning.
- ``fields``      request models' ``from_dict`` refusing unknown and naming missing keys.
- ``patterns``    spec patterns that need several linear-time regexes.
- ``transport``   the one function every generated operation sends through (sync and async).
- ``lean``        httpx's steps for one of those requests, without ``httpx.Client.send``'s layers.
- ``pools``       the httpx clients: one per event loop, new ones after a fork, with the hooks above.
- ``loops``       one value per event loop, forgotten with its loop.
- ``forks``       what starts afresh in a forked child (pools, locks, tokens).
- ``pickling``    a client pickles as its configuration, never with live state or secrets.
- ``settings``    what a configured client carries: vendor profile, retries, size cap, redactor, logger.
- ``connect``     building a configured client from arguments and environment variables.
- ``apiclient``   what every client object (``PortaBilling()``, ...) shares: call options, ``with_options``.

Nothing is imported here: a client imports the modules it uses, so importing one stays as cheap as before.
"""

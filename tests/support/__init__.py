"""What more than one test folder needs, in one place (importable as ``support``: pytest's ``pythonpath``).

- ``specs``: the repository's paths, a spec read as YAML, the HTTP methods of a path item, and the toolkit's
  own ``$ref`` resolver.
- ``repocopy``: a throwaway copy of the repository to run the pipeline in, without touching the real tree.
- ``credentials``: every API's ``connect()`` credentials, the variables they come from, and sample values.
- ``loopback``: free ports on 127.0.0.1 and stopping the servers the tests start.
- ``mockserver``: a threaded HTTP server on 127.0.0.1 with scripted replies that records every request.
- ``kits``: one kit per API on that server (routes, stateful token services, the main call, secrets).
- ``prism``: Prism mock servers of the specs, for the contract and the distribution tests.

A helper used by one folder only stays in that folder, beside its tests.
"""

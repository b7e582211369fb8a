"""One API's spec into its package under ``generated/``, and what that package is built from.

- ``prepare``      the Python generators' view of a spec (drops what they can't take, adds metadata).
- ``build``        build one API's package into a directory by running the pinned generators.
- ``pythonclient`` openapi-python-client with our templates, their extra context and our own modules.
- ``clientfacts``  what the templates need beyond the generator's view: client name, quickstart, ``connect()``.
- ``methods``      how operations look to a caller: success types, error models, TypedDicts, methods.
- ``modules``      the modules accountkit writes into each package itself (``_operations.py``, ``_patterns.py``).
- ``checks``       each request model's checks as data (``_checks.py``), from the generated pydantic models.
- ``stamp``        the content hash of everything that decides a package's bytes (for skipping).
- ``generate``     the ``./dev -s generate`` command: select, skip unchanged, stage, swap atomically.
- ``drift``        the ``./dev -s check`` step: regenerate into a temp dir and diff against generated/.
- ``sources``      what a package is built from, by cause; the digest of what it is made of.
- ``records``      each package's committed record (releases/<name>.json): version, content, built_from.
- ``runtimerange`` the accountkit-runtime version, and the range of it each client depends on.
- ``semver``       MAJOR.MINOR.PATCH arithmetic: parse, compare, bump, the shift below 1.0.0.
"""

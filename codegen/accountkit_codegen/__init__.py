"""The accountkit code-generation pipeline: specs/*.yaml in, generated/<api>/ packages out.

Four subpackages, one concern each; each one's ``__init__`` lists its modules:

- ``spec/``     where things live and what a spec says: the layout, loading and validating a spec,
  local ``$ref``s, defensive access, pattern translation, and the vendor pages the specs follow.
- ``generate/`` a spec into ``generated/<api>/``: prepare, build, stamp, generate, the drift check, and
  what a package is built from and at which version. Everything in ``spec/`` and ``generate/`` may shape
  a client's bytes, so the stamp hashes both folders whole.
- ``changes/``  what changed and what it costs: the spec differ and its rule table, the bump, the
  changelog entry, ``release``, and the version and compatibility checks of ``./dev -s check``.
- ``dist/``     what leaves the repository: sdists and wheels, the index upload, the specs for other
  languages and their npm packages.

Dependencies point one way: ``spec`` ← ``generate`` ← ``changes`` ← ``dist`` (``dist`` needs only
``spec``); nothing in ``spec/`` or ``generate/`` imports the differ.
"""

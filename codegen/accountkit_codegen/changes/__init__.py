"""What changed since a release, what it costs, and the release itself.

The spec differ (``./dev -s diff``, ``release``, the release check in ``check``):

- ``diffrules``   the one table of change kinds: id, level, changelog section, direction (and the bump).
- ``diffmodel``   ``Change``, the log that collects them, and ``SpecReadError``.
- ``specdiff``    ``diff(old, new)``: runs the walker over two parsed specs.
- ``opdiff``      the operation walker: operations, webhooks, parameters, bodies, responses, security.
- ``schemadiff``  the schema comparer: one pair of schemas, knowing their direction.
- ``schemanorm``  schemas in normal form (allOf merged, 3.0 spellings, const, nullable branches).
- ``diffwords``   descriptions, examples, annotations and deprecation, compared the same everywhere.
- ``apidiff``     one API at a git ref against the working tree: changes, versions, bump.
- ``versioning``  the bump a list of changes calls for; ``changelog`` the entry a release writes.
- ``oasdiffmap``  oasdiff's rules mapped to ours (``oasdiff_rules.yaml``); ``ruledocs`` writes
  docs/diff-rules.md from both tables.

Package versions (``./dev -s release``, and the checks in ``./dev -s check``):

- ``surface``      a built client's public surface: patch, minor or major for a rebuild.
- ``runtimelog``   the runtime's changelog: the level a developer declares under "## Unreleased (...)".
- ``release``      every package, the runtime first, for any cause (see its docstring).
- ``versioncheck`` a package whose content changed without a new version fails.
- ``compat``       a spec that broke its clients since a release tag without a bump fails.
- ``diffcli``      the ``./dev -s diff`` command; ``gitrefs`` the git all of them read.
"""

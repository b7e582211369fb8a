"""The accountkit code-generation pipeline: specs/*.yaml in, generated/<api>/ packages out.

Modules, one job each:

- ``layout``   where things live (specs, configs, templates, vendor modules, the runtime project, generated/).
- ``specs``    load and validate a spec, turning any problem into one readable ``SpecError``.
- ``prepare``  the Python generators' view of a spec (drops what they can't take, adds metadata).
- ``patterns`` a spec's ECMA-262 ``pattern`` as regexes that match in linear time, or a refusal.
- ``build``    build one API's package into a directory by running the pinned generators.
- ``pythonclient`` openapi-python-client with our templates, their extra context and our own modules.
- ``clientfacts`` what the templates need beyond the generator's view: client name, quickstart, ``connect()``.
- ``methods``  how operations look to a caller: success types, error models, TypedDicts, methods.
- ``runtimerange`` the accountkit-runtime version, and the range of it each client depends on.
- ``stamp``    the content hash of everything that decides a package's bytes (for skipping).
- ``generate`` the ``nox -s generate`` command: select, skip unchanged, stage, swap atomically.
- ``drift``    the ``nox -s check`` command: regenerate into a temp dir and diff against generated/.
- ``pages/``   vendor pages: readers, page snapshots (specs/pages/), page diff, the spec-vs-page check.
- ``docscli``  the ``nox -s docs`` command: a newly saved vendor page against its snapshot and the spec.
- ``distbuild``, ``publish`` the ``build`` and ``publish`` commands: the runtime and the clients in dist/,
  then on an index (``distfiles``, ``simpleindex``, ``credentials`` help them).

Package versions (``./dev -s release``, and the version check in ``check``):

- ``records``     each package's committed record (releases/<name>.json): version, content, built_from.
- ``sources``     what a package is built from, by cause; the digest of what it is made of.
- ``surface``     a built client's public surface: patch, minor or major for a rebuild.
- ``runtimelog``  the runtime's changelog: the level a developer declares under "## Unreleased (...)".
- ``versioncheck`` the check: a package whose content changed without a new version fails.

The spec differ (``./dev -s diff``, ``release``, the release check in ``check``):

- ``diffrules``   the one table of change rules: id, level, changelog section, direction.
- ``diffmodel``   ``Change``, the log that collects them, and ``SpecReadError``.
- ``specdiff``    ``diff(old, new)``: runs the walker over two parsed specs.
- ``opdiff``      the operation walker: operations, webhooks, parameters, bodies, responses, security.
- ``schemadiff``  the schema comparer: one pair of schemas, knowing their direction.
- ``schemanorm``  schemas in normal form (allOf merged, 3.0 spellings, const, nullable branches).
- ``specresolve`` local ``$ref``s: pointers and component names.
- ``specshape``   defensive access to specs of any shape; what no comparison can survive.
- ``diffwords``   descriptions, examples, annotations and deprecation, compared the same everywhere.
- ``apidiff``     one API at a git ref against the working tree: changes, versions, bump.
- ``versioning``  the bump the changes call for; ``changelog`` the entry a release writes.
- ``diffcli``, ``release``, ``compat``  the commands; ``gitrefs`` the git they read (``release``: every
  package, the runtime first, for any cause; see its docstring).
- ``oasdiffmap``  oasdiff's rules mapped to ours (``oasdiff_rules.yaml``); ``ruledocs`` writes
  docs/diff-rules.md from both tables.
"""

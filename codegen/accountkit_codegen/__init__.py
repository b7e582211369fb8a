"""The accountkit code-generation pipeline: specs/*.yaml in, generated/<api>/ packages out.

Modules, one job each:

- ``layout``   where things live (specs, configs, templates, the handwritten runtime, generated/).
- ``specs``    load and validate a spec, turning any problem into one readable ``SpecError``.
- ``prepare``  the Python generators' view of a spec (drops what they can't take, adds metadata).
- ``patterns`` a spec's ECMA-262 ``pattern`` as regexes that match in linear time, or a refusal.
- ``build``    build one API's package into a directory by running the pinned generators.
- ``stamp``    the content hash of everything that decides a package's bytes (for skipping).
- ``generate`` the ``nox -s generate`` command: select, skip unchanged, stage, swap atomically.
- ``drift``    the ``nox -s check`` command: regenerate into a temp dir and diff against generated/.
"""

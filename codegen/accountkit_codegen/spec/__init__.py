"""Where the toolkit's files live, and what a spec (and the vendor page behind it) says.

- ``layout``      where things live (specs, configs, templates, vendor modules, the runtime project,
  generated/), and the names derived from an API's name.
- ``specs``       load and validate a spec, turning any problem into one readable ``SpecError``.
- ``specresolve`` local ``$ref``s: pointers and component names.
- ``specshape``   defensive access to specs of any shape; what no comparison can survive.
- ``specversion`` set ``info.version`` in a spec's text, keeping every other byte.
- ``patterns``    a spec's ECMA-262 ``pattern`` as regexes that match in linear time, or a refusal.
- ``pages/``      vendor pages: readers, page snapshots (specs/pages/), page diff, the spec-vs-page check.
- ``docscli``     the ``./dev -s docs`` command: a newly saved vendor page against its snapshot and the spec.
"""

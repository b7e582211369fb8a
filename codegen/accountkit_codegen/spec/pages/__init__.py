"""Vendor reference pages: read them, keep what they say as snapshots, check the specs against them.

Modules, one job each:

- ``model``     what a page says, as data (operations, field rows with their constraints, examples, auth notes).
- ``text``      a saved page as text: read the file, turn saved HTML into text, find sections.
- ``readers/``  one reader per page format, each turning page text into a ``model.Page``.
- ``apis``      which page each API follows: its reader, its public address, how its rows map onto the spec.
- ``snapshot``  ``specs/pages/<api>.json``: the facts last read from each page, with date and source.
- ``pagediff``  what changed on a page since its snapshot, row by row.
- ``speccheck`` what the spec lacks or contradicts, row by row, with the JSON pointer to edit.
- ``examples``  JSON example values: equality, first difference, documented substitutions.

``accountkit_codegen.spec.docscli`` (``./dev -s docs``) puts them together.
"""

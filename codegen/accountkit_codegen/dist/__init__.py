"""What leaves the repository: packages in dist/, on an index, and the specs for other languages.

- ``distbuild``   the ``./dev -s build`` command: the runtime's and every client's sdist and wheel in dist/.
- ``publish``     the ``./dev -s publish`` command: upload what the index lacks, refuse what it holds
  with other bytes (``distfiles``: the files and their digests; ``simpleindex``: reading the index).
- ``credentials`` the upload credentials: where they come from, and scrubbing them from any output.
- ``specsdist``   the ``./dev -s specs`` command: bundled YAML/JSON and an offline HTML page per API.
- ``npmpack``, ``npmpublish`` each spec as an npm package, built reproducibly and published.
"""

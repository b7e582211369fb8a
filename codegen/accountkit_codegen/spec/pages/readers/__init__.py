"""One reader per page format: ``read(text, operation_id, hints) -> Page``.

A reader raises ``PageReadError`` saying what it could not find when the text is not in its layout.
``hints`` carries what a particular page's rendering loses and the reader cannot recover (see each
reader's docstring); it comes from the API's entry in ``pages.apis``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..model import Page
from . import arguments_table, aspnet_help, field_table, parameters_table, readme_reference

Reader = Callable[[str, str, Mapping[str, Any]], Page]

READERS: dict[str, Reader] = {
    module.NAME: module.read
    for module in (readme_reference, arguments_table, field_table, parameters_table, aspnet_help)
}

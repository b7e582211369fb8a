"""Contains all the data models used in inputs/outputs.

Each name is imported from its own module the first time it is asked for (PEP 562 ``__getattr__``):
``from octopush_client.models import X`` imports ``X``'s module and the models it needs, not every
model of the API, which would cost a first call more than everything else it imports from this package.
Type checkers read the imports under ``TYPE_CHECKING``; ``__all__`` and ``dir()`` list every name, and
``from octopush_client.models import *`` imports them all.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .edit_subaccount_result import EditSubaccountResult
    from .error_body import ErrorBody
    from .subaccount_callbacks import SubaccountCallbacks, SubaccountCallbacksDict
    from .subaccount_edit import SubaccountEdit, SubaccountEditDict

# Each exported name -> the module (in this package) that defines it.
_MODULES: dict[str, str] = {
    "EditSubaccountResult": "edit_subaccount_result",
    "ErrorBody": "error_body",
    "SubaccountCallbacks": "subaccount_callbacks",
    "SubaccountCallbacksDict": "subaccount_callbacks",
    "SubaccountEdit": "subaccount_edit",
    "SubaccountEditDict": "subaccount_edit",
}

__all__ = (
    "EditSubaccountResult",
    "ErrorBody",
    "SubaccountCallbacks",
    "SubaccountCallbacksDict",
    "SubaccountEdit",
    "SubaccountEditDict",
)


if not TYPE_CHECKING:  # hidden from type checkers, which would take any name as one this module has

    def __getattr__(name: str) -> Any:
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = value  # the next lookup finds it without coming here
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})

"""Contains all the data models used in inputs/outputs.

Each name is imported from its own module the first time it is asked for (PEP 562 ``__getattr__``):
``from activeplatform_client.models import X`` imports ``X``'s module and the models it needs, not every
model of the API, which would cost a first call more than everything else it imports from this package.
Type checkers read the imports under ``TYPE_CHECKING``; ``__all__`` and ``dir()`` list every name, and
``from activeplatform_client.models import *`` imports them all.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .account import Account
    from .account_default_payment_model import AccountDefaultPaymentModel
    from .account_status import AccountStatus
    from .account_update import AccountUpdate, AccountUpdateDict
    from .custom_attribute import CustomAttribute
    from .custom_attribute_input import CustomAttributeInput, CustomAttributeInputDict
    from .error_body import ErrorBody

# Each exported name -> the module (in this package) that defines it.
_MODULES: dict[str, str] = {
    "Account": "account",
    "AccountDefaultPaymentModel": "account_default_payment_model",
    "AccountStatus": "account_status",
    "AccountUpdate": "account_update",
    "AccountUpdateDict": "account_update",
    "CustomAttribute": "custom_attribute",
    "CustomAttributeInput": "custom_attribute_input",
    "CustomAttributeInputDict": "custom_attribute_input",
    "ErrorBody": "error_body",
}

__all__ = (
    "Account",
    "AccountDefaultPaymentModel",
    "AccountStatus",
    "AccountUpdate",
    "AccountUpdateDict",
    "CustomAttribute",
    "CustomAttributeInput",
    "CustomAttributeInputDict",
    "ErrorBody",
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

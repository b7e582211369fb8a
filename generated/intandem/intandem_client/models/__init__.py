"""Contains all the data models used in inputs/outputs.

Each name is imported from its own module the first time it is asked for (PEP 562 ``__getattr__``):
``from intandem_client.models import X`` imports ``X``'s module and the models it needs, not every
model of the API, which would cost a first call more than everything else it imports from this package.
Type checkers read the imports under ``TYPE_CHECKING``; ``__all__`` and ``dir()`` list every name, and
``from intandem_client.models import *`` imports them all.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .change_package_external_subscription_params import ChangePackageExternalSubscriptionParams
    from .change_package_response import ChangePackageResponse

# Each exported name -> the module (in this package) that defines it.
_MODULES: dict[str, str] = {
    "ChangePackageExternalSubscriptionParams": "change_package_external_subscription_params",
    "ChangePackageResponse": "change_package_response",
}

__all__ = ("ChangePackageExternalSubscriptionParams", "ChangePackageResponse")


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

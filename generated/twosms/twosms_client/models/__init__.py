"""Contains all the data models used in inputs/outputs.

Each name is imported from its own module the first time it is asked for (PEP 562 ``__getattr__``):
``from twosms_client.models import X`` imports ``X``'s module and the models it needs, not every
model of the API, which would cost a first call more than everything else it imports from this package.
Type checkers read the imports under ``TYPE_CHECKING``; ``__all__`` and ``dir()`` list every name, and
``from twosms_client.models import *`` imports them all.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .account_user_info import AccountUserInfo, AccountUserInfoDict
    from .account_v3 import AccountV3, AccountV3Dict
    from .response_data_of_object import ResponseDataOfObject
    from .response_data_of_object_detail_type_0 import ResponseDataOfObjectDetailType0
    from .response_error import ResponseError
    from .response_identification import ResponseIdentification
    from .response_of_object import ResponseOfObject

# Each exported name -> the module (in this package) that defines it.
_MODULES: dict[str, str] = {
    "AccountUserInfo": "account_user_info",
    "AccountUserInfoDict": "account_user_info",
    "AccountV3": "account_v3",
    "AccountV3Dict": "account_v3",
    "ResponseDataOfObject": "response_data_of_object",
    "ResponseDataOfObjectDetailType0": "response_data_of_object_detail_type_0",
    "ResponseError": "response_error",
    "ResponseIdentification": "response_identification",
    "ResponseOfObject": "response_of_object",
}

__all__ = (
    "AccountUserInfo",
    "AccountUserInfoDict",
    "AccountV3",
    "AccountV3Dict",
    "ResponseDataOfObject",
    "ResponseDataOfObjectDetailType0",
    "ResponseError",
    "ResponseIdentification",
    "ResponseOfObject",
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

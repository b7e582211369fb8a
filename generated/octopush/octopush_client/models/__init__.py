"""Contains all the data models used in inputs/outputs"""

from .edit_subaccount_result import EditSubaccountResult
from .error_body import ErrorBody
from .subaccount_callbacks import SubaccountCallbacks, SubaccountCallbacksDict
from .subaccount_edit import SubaccountEdit, SubaccountEditDict

__all__ = (
    "EditSubaccountResult",
    "ErrorBody",
    "SubaccountCallbacks",
    "SubaccountCallbacksDict",
    "SubaccountEdit",
    "SubaccountEditDict",
)

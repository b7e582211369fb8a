"""Contains all the data models used in inputs/outputs"""

from .edit_subaccount_result import EditSubaccountResult
from .error_body import ErrorBody
from .subaccount_callbacks import SubaccountCallbacks
from .subaccount_edit import SubaccountEdit

__all__ = ("EditSubaccountResult", "ErrorBody", "SubaccountCallbacks", "SubaccountEdit")

"""Contains all the data models used in inputs/outputs"""

from .account import Account
from .account_default_payment_model import AccountDefaultPaymentModel
from .account_status import AccountStatus
from .account_update import AccountUpdate, AccountUpdateDict
from .custom_attribute import CustomAttribute
from .custom_attribute_input import CustomAttributeInput, CustomAttributeInputDict
from .error_body import ErrorBody

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

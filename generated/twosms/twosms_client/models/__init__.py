"""Contains all the data models used in inputs/outputs"""

from .account_user_info import AccountUserInfo, AccountUserInfoDict
from .account_v3 import AccountV3, AccountV3Dict
from .response_data_of_object import ResponseDataOfObject
from .response_data_of_object_detail_type_0 import ResponseDataOfObjectDetailType0
from .response_error import ResponseError
from .response_identification import ResponseIdentification
from .response_of_object import ResponseOfObject

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

"""Contains all the data models used in inputs/outputs"""

from .account_user_info import AccountUserInfo
from .account_v3 import AccountV3
from .response_data_of_object import ResponseDataOfObject
from .response_data_of_object_detail_type_0 import ResponseDataOfObjectDetailType0
from .response_error import ResponseError
from .response_identification import ResponseIdentification
from .response_of_object import ResponseOfObject

__all__ = (
    "AccountUserInfo",
    "AccountV3",
    "ResponseDataOfObject",
    "ResponseDataOfObjectDetailType0",
    "ResponseError",
    "ResponseIdentification",
    "ResponseOfObject",
)

from enum import IntEnum
from typing import Self


class AssignedAddonIAccountRole(IntEnum):
    UNIVERSAL = 1
    PHONE_LINE = 2
    AUTO_ATTENDANT = 3
    PREPAID_CARD = 4
    PINLESS = 5
    IPV4_ADDRESS = 6
    USER_AT_DOMAIN = 7
    MSISDN = 8
    VOUCHER = 9

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        """Keep a value the spec does not list yet (responses must not break when a vendor adds one).

        Requests stay strict: they are validated against the spec before sending.
        """
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        member = int.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member

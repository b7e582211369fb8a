from enum import IntEnum
from typing import Self


class ProductSubscriptionActivationMode(IntEnum):
    AT_START_DATE = 1
    UPON_FIRST_USAGE = 2

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
